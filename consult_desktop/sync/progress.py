"""What a sync reports while it runs and when it ends, and how it is cancelled.

Plain frozen dataclasses and a thread-safe cancel token: the engine calls `on_progress` from its own thread;
the UI re-emits that as a Qt signal, the command line draws a progress bar. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

# One cancel token for the whole stack: the engine and the HTTP client check the same flag.
from consult_desktop.fhir.concurrency import CancelToken

__all__ = ["CancelToken", "SyncProgress", "SyncReport", "SyncStage", "SyncStatus", "combine_reports"]


class SyncStage(StrEnum):
    """Where a sync is; the desktop shows each stage in the user's language (never the value itself)."""

    DISCOVERY = "discovery"  # asking the server what it offers
    PATIENTS = "patients"  # the authorised patient set
    RESOURCES = "resources"  # changed records
    BACKFILL = "backfill"  # the older records of patients who joined the set
    EXPORT = "export"  # waiting for the server's bulk export
    DELETIONS = "deletions"  # what the server removed or corrected
    ATTACHMENTS = "attachments"  # document files
    DONE = "done"


@dataclass(frozen=True)
class SyncProgress:
    stage: SyncStage
    done: int = 0
    total: int | None = None  # None when the total is not known yet
    patient: str | None = None  # a resource id, never a name
    message: str = ""  # short text for a status line, no patient data


class SyncStatus(StrEnum):
    OK = "ok"
    PARTIAL = "partial"  # finished, but some patients/resources could not be fetched
    AUTH_FAILED = "auth-failed"  # sign in again
    UNREACHABLE = "unreachable"  # offline, DNS, TLS, timeouts: nothing changed
    CANCELLED = "cancelled"
    FAILED = "failed"  # anything else; the message says what


@dataclass(frozen=True)
class SyncReport:
    status: SyncStatus
    message: str = ""
    strategy: str = ""
    patients: int = 0  # in the authorised set after this sync
    patients_purged: int = 0
    resources_written: int = 0
    resources_deleted: int = 0
    resources_hidden: int = 0
    quarantined: int = 0
    attachments: int = 0
    requests: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)  # ids and reasons, no patient data
    servers: tuple[ServerReport, ...] = ()  # each server's own report when several were synced
    audit_events_sent: int = 0  # access reports the server received in this sync
    audit_events_pending: int = 0  # access reports still waiting for their server
    audit_problem: str = ""  # why some access reports wait (never a reason for the data sync's status)

    def to_dict(self) -> dict:
        out = self._fields()
        if self.servers:
            out["servers"] = [{"id": s.server_id, "name": s.name, **s.report._fields()} for s in self.servers]
        return out

    def _fields(self) -> dict:
        return {
            "status": self.status.value, "message": self.message, "strategy": self.strategy,
            "patients": self.patients, "patients_purged": self.patients_purged,
            "resources_written": self.resources_written, "resources_deleted": self.resources_deleted,
            "resources_hidden": self.resources_hidden, "quarantined": self.quarantined,
            "attachments": self.attachments, "requests": self.requests, "seconds": round(self.seconds, 3),
            "problems": list(self.problems),
            "audit_events": {"sent": self.audit_events_sent, "pending": self.audit_events_pending,
                             "problem": self.audit_problem},
        }


@dataclass(frozen=True)
class ServerReport:
    server_id: str
    name: str
    report: SyncReport


_SUMMED = ("patients", "patients_purged", "resources_written", "resources_deleted", "resources_hidden",
           "quarantined", "attachments", "requests", "audit_events_sent", "audit_events_pending")


def combine_reports(reports: list[tuple[str, str, SyncReport]]) -> SyncReport:
    """One report for several servers (id, name, report): counts summed, problems prefixed with the server.

    The status is the servers' common status; when they differ it is cancelled if any was cancelled, else
    partial (some servers synced, others did not).
    """
    if len(reports) == 1:
        sid, name, only = reports[0]
        return replace(only, servers=(ServerReport(sid, name, only),))
    statuses = {r.status for _sid, _name, r in reports}
    if len(statuses) == 1:
        status = statuses.pop()
    elif SyncStatus.CANCELLED in statuses:
        status = SyncStatus.CANCELLED
    else:
        status = SyncStatus.PARTIAL
    sums = {name: sum(getattr(r, name) for _s, _n, r in reports) for name in _SUMMED}
    problems = [f"{name}: {p}" for _sid, name, r in reports for p in r.problems]
    problems += [f"{name}: {r.message}" for _sid, name, r in reports
                 if r.status not in (SyncStatus.OK, SyncStatus.PARTIAL)]
    ok = sum(1 for _s, _n, r in reports if r.status == SyncStatus.OK)
    message = f"{len(reports)} servers: {ok} synced fully" + (
        "." if ok == len(reports) else f", {len(reports) - ok} with problems (see each server).")
    strategies = sorted({r.strategy for _s, _n, r in reports if r.strategy})
    audit = "; ".join(f"{name}: {r.audit_problem}" for _s, name, r in reports if r.audit_problem)
    return SyncReport(status=status, message=message, strategy=",".join(strategies), problems=problems,
                      audit_problem=audit,
                      seconds=max(r.seconds for _s, _n, r in reports),
                      servers=tuple(ServerReport(sid, name, r) for sid, name, r in reports), **sums)

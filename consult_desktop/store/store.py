"""`Store`: the unlocked profile database and its repositories.

Owns one SQLCipher connection; use it only on the thread that opened it (the UI's database thread, or the
command line's main thread).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from consult_desktop.store.access_reports import AccessReportQueue
from consult_desktop.store.acknowledgements import AcknowledgementRepository
from consult_desktop.store.audit import AuditLog
from consult_desktop.store.cursors import CursorRepository
from consult_desktop.store.database import Connection, transaction
from consult_desktop.store.decisions import DecisionRepository
from consult_desktop.store.migrations import PUBLISHES_REPORT
from consult_desktop.store.prescriptions import PrescriptionRepository
from consult_desktop.store.resources import ResourceRepository
from consult_desktop.store.secrets import SecretRepository
from consult_desktop.store.servers import ServerRepository
from consult_desktop.store.settings import SettingsRepository
from consult_desktop.store.views import PatientViewRepository

log = logging.getLogger(__name__)
LAST_SYNC_KEY = "sync.last_success"


@dataclass(frozen=True)
class PatientSummary:
    """One row of the patient list."""

    server_id: str
    id: str
    family: str | None
    given: str | None
    birth_date: str | None
    sex: str | None
    ssin: str | None
    search_text: str
    new_items: int
    last_discharge: str | None
    hospitals: tuple[str, ...] = ()  # names of the servers that know this person (one row per person)
    keys: tuple[tuple[str, str], ...] = ()  # every (server_id, patient_id) of this person, this row's first


class _ReadOnlyBookkeeping:
    """The records of a read-only profile: everything reads as usual; the bookkeeping a screen writes while
    the GP reads (access log entries, last-viewed marks) cannot be saved there and is skipped, so reading
    works. Every other write fails with StorageNotWritable, as the database refuses it."""

    def __init__(self, inner: object, skipped: frozenset[str]) -> None:
        self._inner = inner
        self._skipped = skipped

    def __getattr__(self, name: str) -> Any:
        if name in self._skipped:
            return _skip
        return getattr(self._inner, name)


def _skip(*_args: object, **_kwargs: object) -> None:
    log.info("read-only profile: bookkeeping entry not saved")


class Store:
    """The unlocked database: `resources` (FHIR cache), `servers`, `cursors`, `settings`, `secrets`, `audit`,
    `access_reports` (AuditEvents for the hospitals), `views` (last viewed), `prescriptions` (the GP's own),
    `acknowledgements` (flags), `decisions` (lines)."""

    def __init__(self, conn: Connection, db_path: Path, profile_id: str, data_key: bytes, *,
                 read_only: bool = False) -> None:
        self.conn = conn
        # A profile on a medium that cannot be written: reading works, writing is refused (see Profile.open).
        self.read_only = read_only
        # Kept while unlocked so another thread (sync) can open its own connection; dropped on close.
        self.data_key: bytes | None = data_key
        self.db_path = db_path
        self.profile_id = profile_id
        self.resources = ResourceRepository(conn)
        self.servers = ServerRepository(conn)
        self.cursors = CursorRepository(conn)
        self.settings = SettingsRepository(conn)
        self.secrets = SecretRepository(conn)
        self.audit = AuditLog(conn)
        self.access_reports = AccessReportQueue(conn)
        self.views = PatientViewRepository(conn)
        if read_only:  # reading works; the bookkeeping a read would write is skipped
            self.audit = cast(AuditLog, _ReadOnlyBookkeeping(self.audit, frozenset({"write"})))
            self.access_reports = cast(AccessReportQueue,
                                       _ReadOnlyBookkeeping(self.access_reports, frozenset({"queue"})))
            self.views = cast(PatientViewRepository, _ReadOnlyBookkeeping(self.views, frozenset({"mark_viewed"})))
        self.prescriptions = PrescriptionRepository(conn)
        self.acknowledgements = AcknowledgementRepository(conn, self.audit)
        self.decisions = DecisionRepository(conn, self.audit)

    def close(self) -> None:
        self.data_key = None
        try:
            if not self.read_only:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """Group writes (a page of resources and the cursor that follows it) into one atomic commit."""
        with transaction(self.conn) as conn:
            yield conn

    def cipher_version(self) -> str:
        return str(self.conn.execute("PRAGMA cipher_version").fetchone()[0])

    # -- screens -------------------------------------------------------------------------------------------
    def patient_summaries(self) -> list[PatientSummary]:
        """Every patient with a count of documents/results stored since the GP last opened them (a document that
        publishes a report, `context.related`, is that report: counted once, as the patient's record lists it)."""
        return [PatientSummary(*row) for row in self.conn.execute(self.patient_list_sql())]

    @staticmethod
    def patient_list_sql() -> str:
        """The list's one query. Everything its two subqueries read is in the index resources_patient (the
        expression is written as in the index), so it never reads the resources themselves."""
        return f"""
        SELECT p.server_id, p.id, p.family, p.given, p.birth_date, p.sex, p.ssin, p.search_text,
          (SELECT count(*) FROM resources r WHERE r.server_id = p.server_id AND r.patient_id = p.id
             AND r.type IN ('DocumentReference', 'DiagnosticReport', 'Observation') AND r.hidden = 0
             AND r.stored_at > coalesce(v.last_viewed_at, '') AND NOT {PUBLISHES_REPORT}),
          (SELECT max(r.date) FROM resources r WHERE r.server_id = p.server_id AND r.patient_id = p.id
             AND r.type = 'Encounter')
        FROM patients p LEFT JOIN patient_views v ON v.server_id = p.server_id AND v.patient_id = p.id
        ORDER BY p.family, p.given
        """

    # -- statistics ----------------------------------------------------------------------------------------
    def stats(self, patient_id: str | None = None, server_id: str | None = None) -> dict:
        """Counts for `consult-desktop stats`; quarantined resources are counted in their type. With a patient,
        theirs (at `server_id` only when given: two servers may use the same id for different people)."""
        where, params = ("", ()) if patient_id is None else (" WHERE patient_id = ?", (patient_id,))
        if patient_id is not None and server_id is not None:
            where, params = " WHERE patient_id = ? AND server_id = ?", (patient_id, server_id)
        counts: dict[str, int] = {}
        for rtype, n in self.conn.execute(f"SELECT type, count(*) FROM resources{where} GROUP BY type", params):
            counts[rtype] = n
        for rtype, n in self.conn.execute(
            f"SELECT coalesce(type, 'unknown'), count(*) FROM quarantine{where} GROUP BY type", params
        ):
            counts[rtype] = counts.get(rtype, 0) + n
        quarantined = self.conn.execute(f"SELECT count(*) FROM quarantine{where}", params).fetchone()[0]
        if patient_id is None:
            att = self.conn.execute("SELECT count(*), coalesce(sum(size), 0) FROM attachments").fetchone()
            # People, not rows: one person known to several servers shares an SSIN; without one, rows stay apart.
            patients = self.conn.execute(
                "SELECT count(DISTINCT coalesce(nullif(ssin, ''), server_id || '/' || id)) FROM patients"
            ).fetchone()[0]
        else:
            att = self.conn.execute(
                "SELECT count(*), coalesce(sum(a.size), 0) FROM attachments a JOIN resources r "
                "ON a.server_id = r.server_id AND a.resource_type = r.type AND a.resource_id = r.id "
                "WHERE r.patient_id = ? AND r.server_id = coalesce(?, r.server_id)",
                (patient_id, server_id),
            ).fetchone()
            patients = self.conn.execute("SELECT count(*) FROM patients WHERE id = ? AND server_id = coalesce(?, "
                                         "server_id)", (patient_id, server_id)).fetchone()[0]
        out = {
            "patients": patients,
            "resources": dict(sorted(counts.items())),
            "quarantined": quarantined,
            "attachments": {"count": att[0], "bytes": att[1]},
            "last_sync": self.settings.get(LAST_SYNC_KEY),
        }
        if patient_id is None:
            out["servers"] = self.server_stats()
        return out

    def server_stats(self) -> list[dict]:
        """Per server: its id, name, patient rows, resources per type and last successful sync."""
        out = []
        for server in self.servers.rows():
            counts = dict(self.conn.execute(
                "SELECT type, count(*) FROM resources WHERE server_id=? GROUP BY type ORDER BY type", (server.id,)))
            patients = self.conn.execute("SELECT count(*) FROM patients WHERE server_id=?",
                                         (server.id,)).fetchone()[0]
            out.append({"id": server.id, "name": server.name, "patients": patients, "resources": counts,
                        "last_sync": self.settings.get(f"{LAST_SYNC_KEY}.{server.id}")})
        return out

    def person_keys(self, server_id: str, patient_id: str) -> list[tuple[str, str]]:
        """Every (server_id, patient_id) of the person of this row: the rows with the same SSIN, this one first
        and the others in the order their servers were added. Without an SSIN, only this row (never by name)."""
        row = self.conn.execute("SELECT ssin FROM patients WHERE server_id=? AND id=?",
                                (server_id, patient_id)).fetchone()
        if row is None or not row[0]:
            return [(server_id, patient_id)]
        rows = self.conn.execute(
            "SELECT p.server_id, p.id FROM patients p LEFT JOIN servers s ON s.id = p.server_id WHERE p.ssin = ? "
            "ORDER BY (p.server_id = ? AND p.id = ?) DESC, s.added_at, p.server_id, p.id",
            (row[0], server_id, patient_id)).fetchall()
        return [(r[0], r[1]) for r in rows]

    def hand_over_own_data(self, source: tuple[str, str], target: tuple[str, str]) -> None:
        """The GP's own data of a person (prescriptions, flag acknowledgements, line decisions) moves from one of
        their (server_id, patient_id) keys to another, before the first is purged: the GP's list is not the
        hospital's data, and the person is still the GP's patient through the other hospital. On a clash the
        target's entry is kept."""
        with transaction(self.conn):
            for table in ("gp_prescriptions", "flag_acks", "line_decisions"):
                self.conn.execute(f"UPDATE OR IGNORE {table} SET server_id=?, patient_id=? "
                                  "WHERE server_id=? AND patient_id=?", (*target, *source))

    def find_patient(self, key: str) -> list[tuple[str, str]]:
        """(server_id, patient_id) pairs for a patient id or SSIN given on the command line."""
        rows = self.conn.execute(
            "SELECT server_id, id FROM patients WHERE id = ? OR ssin = ?", (key, key)
        ).fetchall()
        return [(r[0], r[1]) for r in rows]


"""`SyncEngine`: one sync of one hospital server into the profile, from discovery to attachments.

Steps: discovery (CapabilityStatement) -> the authorised patient set (the server decides) -> purge of
patients who left it -> changes by the cheapest strategy the server offers -> back-fill of patients who
joined -> deletions (history, else id reconciliation) -> referenced Medication resources -> attachments.
Each page is committed with its cursor; any failure leaves what was there intact. Progress goes to a plain
callback; cancel is cooperative. No Qt: the UI runs `run()` on a worker thread, the CLI on its main thread.
The Store must have been opened on the thread that calls `run()`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from consult_desktop.domain.roles import RoleProfile
from consult_desktop.fhir.errors import (
    AuthenticationFailed,
    FhirError,
    Forbidden,
    NotFound,
    OperationCancelled,
    RequestRejected,
    ServerUnreachable,
)
from consult_desktop.store import LAST_SYNC_KEY, Store, StoreError
from consult_desktop.sync import attachments, deletions
from consult_desktop.sync.ingest import PageIngester
from consult_desktop.sync.progress import CancelToken, SyncProgress, SyncReport, SyncStatus
from consult_desktop.sync.rounds import RoundContext
from consult_desktop.sync.strategies import Fetcher, choose_strategy

log = logging.getLogger(__name__)
FALLBACK = "strategy.fallback"
# Strategies that share cursors: type-search and patient-search both keep `type:<T>.since`.
_FAMILY = {"type-search": "type:", "patient-search": "type:", "export": "export.", "everything": "everything:"}
Validator = Callable[[dict], str | None]


@dataclass(frozen=True)
class SyncOptions:
    strategy: str = "auto"  # auto | export | type-search | patient-search | everything
    group_id: str | None = None  # authorised set from Group/{id} (and Bulk export from it)
    general_practitioner: str | None = None  # authorised set = Patient?general-practitioner=...
    page_size: int = 200
    chunk_size: int = 50  # patients per `patient=a,b,c` search
    max_attachment_bytes: int = 25 * 1024 * 1024
    attachment_workers: int = 4
    # Without history support, deletions are found by comparing ids; that costs a listing per type.
    reconcile_ids: bool = True

    def to_dict(self) -> dict:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict | None) -> SyncOptions:
        known = {k: v for k, v in (data or {}).items() if k in cls.__dataclass_fields__}
        return cls(**known)


class SyncEngine:
    def __init__(self, store: Store, client: Any, server_id: str, role: RoleProfile,
                 options: SyncOptions | None = None, validate: Validator | None = None) -> None:
        self.store = store
        self.client = client
        self.server_id = server_id
        self.role = role
        self.options = options or SyncOptions()
        if validate is None:
            from consult_desktop.fhir.validation import validate_resource

            validate = validate_resource
        self.validate = validate

    # -- public --------------------------------------------------------------------------------------------
    def run(self, on_progress: Callable[[SyncProgress], None] | None = None, cancel: CancelToken | None = None,
            patient_id: str | None = None) -> SyncReport:
        started = time.monotonic()
        progress = on_progress or (lambda _p: None)
        requests_before = self._requests()
        state: dict[str, Any] = {"strategy": "", "purged": 0, "ingester": None, "attachments": 0,
                                 "deleted": 0, "problems": []}
        try:
            status, message = self._run(progress, cancel, patient_id, state)
        except AuthenticationFailed as exc:
            status, message = SyncStatus.AUTH_FAILED, str(exc)
        except ServerUnreachable as exc:
            status, message = SyncStatus.UNREACHABLE, str(exc)
        except OperationCancelled:
            status, message = SyncStatus.CANCELLED, "Sync cancelled; what was received so far is kept."
        except StoreError as exc:
            status, message = SyncStatus.FAILED, str(exc)
        except FhirError as exc:
            status, message = SyncStatus.PARTIAL, str(exc)
            state["problems"].append(str(exc))
        ingester: PageIngester | None = state["ingester"]
        counts = ingester.counts if ingester else None
        report = SyncReport(
            status=status, message=message, strategy=state["strategy"],
            patients=len(ingester.authorised) if ingester else 0, patients_purged=state["purged"],
            resources_written=counts.written if counts else 0, resources_deleted=state["deleted"],
            resources_hidden=counts.hidden if counts else 0, quarantined=counts.quarantined if counts else 0,
            attachments=state["attachments"], requests=self._requests() - requests_before,
            seconds=time.monotonic() - started, problems=state["problems"][:200],
        )
        log.info("sync %s: strategy=%s patients=%d written=%d deleted=%d quarantined=%d requests=%d",
                 status.value, report.strategy, report.patients, report.resources_written,
                 report.resources_deleted, report.quarantined, report.requests)
        progress(SyncProgress("done", 1, 1, message=status.value))
        return report

    # -- the steps -----------------------------------------------------------------------------------------
    def _run(self, progress: Callable[[SyncProgress], None], cancel: CancelToken | None,
             patient_id: str | None, state: dict[str, Any]) -> tuple[SyncStatus, str]:
        progress(SyncProgress("discovery", 0, None, message="asking the server what it offers"))
        caps = self.client.capabilities()
        types = [t for t in self.role.resource_types if caps.supports_type(t) or not caps.resource_types]
        round_start = _safe_round_start()

        progress(SyncProgress("patients", 0, None, message="authorised patients"))
        patients = self._authorised_patients(cancel)
        authorised = set(patients)
        ingester = _RoleIngester(self.store, self.server_id, authorised, frozenset(types), self.validate,
                                 self.role)
        ingester.max_inline_bytes = self.options.max_attachment_bytes
        state["ingester"] = ingester
        state["purged"] = self._purge_unauthorised(authorised)
        deletions.start_history_if_new(self.store, self.server_id, round_start)
        ingester.ingest(list(patients.values()))

        def on_page(scope: str, count: int) -> None:
            progress(SyncProgress("resources", ingester.counts.written, None, message=scope))

        fetcher_of_attachments = attachments.AttachmentFetcher(
            self.store, self.server_id, self.client, self.options.max_attachment_bytes,
            self.options.attachment_workers, cancel, progress)

        def after_commit(stored: list[dict]) -> None:
            fetcher_of_attachments.submit(stored)
            fetcher_of_attachments.store_ready()

        ingester.after_commit = after_commit
        try:
            return self._fetch_everything(progress, cancel, patient_id, state, caps, types, round_start, ingester,
                                          on_page, fetcher_of_attachments)
        finally:
            ingester.after_commit = None
            fetcher_of_attachments.close()

    def _fetch_everything(self, progress: Callable[[SyncProgress], None], cancel: CancelToken | None,
                          patient_id: str | None, state: dict[str, Any], caps: Any, types: list[str],
                          round_start: str, ingester: PageIngester, on_page: Callable[[str, int], None],
                          fetcher_of_attachments: attachments.AttachmentFetcher) -> tuple[SyncStatus, str]:
        authorised = ingester.authorised
        ctx = RoundContext(ingester, self.client.follow, round_start, cancel, on_page)
        fetcher = Fetcher(self.client, ctx, types, self.options.page_size, self.options.chunk_size, progress)
        if patient_id is not None:
            if patient_id not in authorised:
                return SyncStatus.FAILED, "This patient is not (or no longer) authorised for you on this server."
            state["strategy"] = "everything" if caps.supports_everything else "patient-search"
            self._guarded_fetch(lambda: self._one_patient(fetcher, caps, patient_id), state, authorised)
        else:
            strategy = choose_strategy(caps, types, self.options.strategy, self.options.group_id)
            state["strategy"] = strategy

            def fetch() -> None:
                state["strategy"] = self._fetch(fetcher, caps, strategy, sorted(authorised))

            self._guarded_fetch(fetch, state, authorised)

        progress(SyncProgress("deletions", 0, None, message="removed and corrected records"))
        state["deleted"] = deletions.apply(self.store, self.server_id, self.client, caps, types, authorised,
                                           round_start, ingester, self.options.reconcile_ids, cancel)
        deletions.resolve_medication_references(self.store, self.server_id, self.client, ingester)

        stored, problems = fetcher_of_attachments.finish()
        state["attachments"] = stored
        state["problems"].extend(problems)
        if patient_id is None:
            self.store.records.set_setting(LAST_SYNC_KEY, datetime.now(UTC).isoformat(timespec="seconds"))
        if state["problems"]:
            return SyncStatus.PARTIAL, f"Sync finished with {len(state['problems'])} problem(s)."
        return SyncStatus.OK, "Sync finished."

    def _fetch(self, fetcher: Fetcher, caps: Any, strategy: str, patients: Sequence[str]) -> str:
        """Run the strategy; returns the one actually used (a server may refuse type-level searches)."""
        records = self.store.records
        if strategy == "type-search" and records.cursor(self.server_id, FALLBACK) == "patient-search":
            strategy = "patient-search"
        complete = records.cursor(self.server_id, "strategy.complete")
        if complete is not None and _FAMILY.get(complete) != _FAMILY.get(strategy):
            # Another way of fetching starts over (stored data stays; pages are idempotent). Cursors of
            # the old way would skip what changed while it was not used.
            records.delete_cursors(self.server_id, _FAMILY[complete])
        if complete is not None:
            new = [p for p in patients if records.cursor(self.server_id, f"patient:{p}") is None]
            if new:
                self._backfill(fetcher, caps, new)
        marks = {f"patient:{p}": "complete" for p in patients}
        if strategy == "export":
            fetcher.export(self.options.group_id or "", {"strategy.complete": strategy, **marks})
        elif strategy == "type-search":
            try:
                fetcher.type_search({"strategy.complete": strategy, **marks})
            except RequestRejected:
                # Type-level search without a patient is refused: the same cursors serve patient lists.
                log.info("the server refuses type-level searches; using patient lists instead")
                fetcher.ctx.ingester.ingest([], {FALLBACK: "patient-search"})
                strategy = "patient-search"
                fetcher.patient_search(patients, {"strategy.complete": strategy, **marks})
        elif strategy == "everything":
            fetcher.everything(patients)
            fetcher.ctx.ingester.ingest([], {"strategy.complete": strategy})
        else:
            fetcher.patient_search(patients, {"strategy.complete": strategy, **marks})
        return strategy

    def _backfill(self, fetcher: Fetcher, caps: Any, new: list[str]) -> None:
        if caps.supports_everything:
            fetcher.everything(new, backfill=True)
        else:
            fetcher.patient_search(new, {f"patient:{p}": "complete" for p in new}, backfill=True)

    def _one_patient(self, fetcher: Fetcher, caps: Any, patient_id: str) -> None:
        if caps.supports_everything:
            fetcher.everything([patient_id])
        else:
            fetcher.patient_search([patient_id], {}, backfill=True)

    def _guarded_fetch(self, fetch: Callable[[], None], state: dict[str, Any], authorised: set[str]) -> None:
        """403/404/410 on one patient's data means they left the set: purge them, then go on."""
        for _attempt in range(20):
            try:
                fetch()
                return
            except (Forbidden, NotFound) as exc:
                pid = getattr(exc, "patient_id", None) or _patient_in_path(exc.path)
                if pid is None or pid not in authorised:
                    raise
                log.info("access to a patient's data was refused (%s); purging their local data", exc.status)
                authorised.discard(pid)
                self._purge(pid)
                state["purged"] += 1

    # -- the authorised set --------------------------------------------------------------------------------
    def _authorised_patients(self, cancel: CancelToken | None) -> dict[str, dict]:
        """id -> Patient resource, as the server returns them for this user."""
        params: dict[str, str] = {"_count": "500"}
        if self.options.group_id:
            group = self.client.read("Group", self.options.group_id)
            members = [m.get("entity", {}).get("reference", "") for m in group.get("member") or []
                       if isinstance(m, dict) and not m.get("inactive")]
            ids = [ref.split("/")[-1] for ref in members if "Patient/" in ref]
            found: dict[str, dict] = {}
            for i in range(0, len(ids), 100):
                for page in self.client.search("Patient", {"_id": ",".join(ids[i:i + 100]), "_count": "500"}):
                    found.update({r["id"]: r for r in page.matches if r.get("resourceType") == "Patient"})
            return found
        if self.options.general_practitioner:
            params["general-practitioner"] = self.options.general_practitioner
        found = {}
        for page in self.client.search("Patient", params):
            if cancel is not None:
                cancel.raise_if_cancelled()
            found.update({r["id"]: r for r in page.matches
                          if r.get("resourceType") == "Patient" and isinstance(r.get("id"), str)})
        return found

    def _purge_unauthorised(self, authorised: set[str]) -> int:
        stored = self.store.resources.patient_ids(self.server_id) | {
            row[0] for row in self.store.conn.execute("SELECT id FROM patients WHERE server_id=?",
                                                      (self.server_id,))}
        gone = stored - authorised
        for pid in sorted(gone):
            self._purge(pid)
        if gone:
            log.info("purged %d patients who left the authorised set", len(gone))
        return len(gone)

    def _purge(self, pid: str) -> None:
        with self.store.transaction():
            self.store.resources.purge_patient(self.server_id, pid)
            self.store.records.delete_cursor(self.server_id, f"patient:{pid}")
            self.store.records.delete_cursors(self.server_id, f"everything:{pid}.")
            self.store.records.audit("patient-purged", server_id=self.server_id, patient_id=pid,
                                     detail="no longer authorised")

    def _requests(self) -> int:
        return int(getattr(self.client, "request_count", 0))


class _RoleIngester(PageIngester):
    """Drops documents the role may not see (e.g. operative notes for a nurse) before they are stored."""

    def __init__(self, store: Store, server_id: str, authorised: set[str], types: frozenset[str],
                 validate: Validator, role: RoleProfile) -> None:
        super().__init__(store, server_id, authorised, types, validate)
        self.role = role

    def ingest(self, resources: Any, cursors: Any = None) -> int:
        if self.role.document_types is not None:
            resources = [r for r in resources if not isinstance(r, dict) or self._allowed(r)]
        return super().ingest(resources, cursors)

    def _allowed(self, resource: dict) -> bool:
        rtype = resource.get("resourceType")
        if rtype not in ("DocumentReference", "DiagnosticReport"):
            return True
        concept = resource.get("type") if rtype == "DocumentReference" else resource.get("code")
        codes = [c.get("code") for c in (concept or {}).get("coding") or [] if isinstance(c, dict)]
        categories = [c.get("code") for cat in resource.get("category") or [] if isinstance(cat, dict)
                      for c in cat.get("coding") or [] if isinstance(c, dict)]
        return self.role.allows_document(rtype, [c for c in codes if c], [c for c in categories if c])


def _safe_round_start() -> str:
    """Where the next incremental sync starts: now, less a margin for clock skew (re-reads are harmless)."""
    return (datetime.now(UTC) - timedelta(minutes=5)).isoformat(timespec="seconds").replace("+00:00", "Z")


def _patient_in_path(path: str | None) -> str | None:
    if not path:
        return None
    parts = [p for p in path.split("/") if p]
    if "Patient" in parts:
        index = parts.index("Patient")
        if index + 1 < len(parts):
            return parts[index + 1]
    return None

"""`SyncEngine`: one sync of one hospital server into the profile, from discovery to attachments.

Steps, one module each: discovery (the server's CapabilityStatement, here) -> the authorised patient set
and the purge of patients who left it (`patients.py`) -> changes by the cheapest strategy the server offers,
with the back-fill of patients who joined (`changes.py`, `export.py`, resumable through `rounds.py`) ->
deletions (`deletions.py`) -> referenced Medication resources (`medications.py`) -> attachments
(`attachments.py`). Each page is committed with its cursor; any failure leaves what was there intact.
Progress goes to a plain callback; cancel is cooperative. No Qt: the UI runs `run()` on a worker thread, the
CLI on its main thread. The Store must have been opened on the thread that calls `run()`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from consult_desktop.domain.references import id_in_path
from consult_desktop.domain.roles import RoleProfile
from consult_desktop.fhir.capabilities import ServerCapabilities
from consult_desktop.fhir.errors import (
    AuthenticationFailed,
    FhirError,
    Forbidden,
    NotFound,
    OperationCancelled,
    ServerUnreachable,
)
from consult_desktop.fhir.validation_pool import BatchValidator, InlineValidator, open_validator
from consult_desktop.store import LAST_SYNC_KEY, Store, StoreError
from consult_desktop.sync import attachments, deletions
from consult_desktop.sync.changes import Fetcher, choose_strategy, fetch_changes, fetch_one_patient
from consult_desktop.sync.ingest import PageIngester
from consult_desktop.sync.medications import resolve_medication_references
from consult_desktop.sync.options import SyncOptions
from consult_desktop.sync.patients import Purger, authorised_patients
from consult_desktop.sync.progress import CancelToken, SyncProgress, SyncReport, SyncStage, SyncStatus
from consult_desktop.sync.rounds import PatientDataRefused, RoundContext
from consult_desktop.sync.run_state import SyncRun
from consult_desktop.sync.source import FhirSource

__all__ = ["SyncEngine", "SyncOptions"]

log = logging.getLogger(__name__)
Validator = Callable[[dict], str | None]
Progress = Callable[[SyncProgress], None]
MAX_REFUSED_PATIENTS = 20  # patients purged on refusal in one sync before giving up


class SyncEngine:
    def __init__(self, store: Store, client: FhirSource, server_id: str, role: RoleProfile,
                 options: SyncOptions | None = None, validate: Validator | None = None) -> None:
        self.store = store
        self.client = client
        self.server_id = server_id
        self.role = role
        self.options = options or SyncOptions()
        self.validate = validate  # None: fhir.resources in worker processes (`fhir/validation_pool.py`)
        self.purger = Purger(store, server_id)

    # -- public --------------------------------------------------------------------------------------------
    def run(self, on_progress: Progress | None = None, cancel: CancelToken | None = None,
            patient_id: str | None = None) -> SyncReport:
        started = time.monotonic()
        progress = on_progress or (lambda _p: None)
        requests_before = self._requests()
        run = SyncRun()
        try:
            status, message = self._run(progress, cancel, patient_id, run)
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
            run.problems.append(str(exc))
        report = run.report(status, message, self._requests() - requests_before, time.monotonic() - started)
        log.info("sync %s: strategy=%s patients=%d written=%d deleted=%d quarantined=%d requests=%d",
                 status.value, report.strategy, report.patients, report.resources_written,
                 report.resources_deleted, report.quarantined, report.requests)
        progress(SyncProgress(SyncStage.DONE, 1, 1, message=status.value))
        return report

    # -- the steps -----------------------------------------------------------------------------------------
    def _run(self, progress: Progress, cancel: CancelToken | None, patient_id: str | None,
             run: SyncRun) -> tuple[SyncStatus, str]:
        progress(SyncProgress(SyncStage.DISCOVERY, 0, None, message="asking the server what it offers"))
        caps = self.client.capabilities()
        types = [t for t in self.role.resource_types if caps.supports_type(t) or not caps.resource_types]
        round_start = _safe_round_start()

        progress(SyncProgress(SyncStage.PATIENTS, 0, None, message="authorised patients"))
        validator = open_validator(types) if self.validate is None else InlineValidator(self.validate)
        try:
            patients = authorised_patients(self.client, self.options, cancel)
            return self._sync(progress, cancel, patient_id, run, caps, types, round_start, patients, validator)
        finally:
            validator.close()

    def _sync(self, progress: Progress, cancel: CancelToken | None, patient_id: str | None, run: SyncRun,
              caps: ServerCapabilities, types: list[str], round_start: str, patients: dict[str, dict],
              validator: BatchValidator) -> tuple[SyncStatus, str]:
        ingester = PageIngester(self.store, self.server_id, set(patients), frozenset(types), validator, self.role)
        ingester.max_inline_bytes = self.options.max_attachment_bytes
        run.ingester = ingester
        run.purged = self.purger.purge_outside(ingester.authorised)
        deletions.start_history_if_new(self.store, self.server_id, round_start)
        ingester.ingest(list(patients.values()))

        downloads = attachments.AttachmentFetcher(
            self.store, self.server_id, self.client, self.options.max_attachment_bytes,
            self.options.attachment_workers, cancel, progress)

        def after_commit(stored: list[dict]) -> None:
            downloads.submit(stored)
            downloads.store_ready()

        def on_page(scope: str, count: int) -> None:
            progress(SyncProgress(SyncStage.RESOURCES, ingester.counts.written, None, message=scope))

        ingester.after_commit = after_commit
        ctx = RoundContext(ingester, self.client.follow, round_start, cancel, on_page)
        try:
            if not self._fetch(progress, ctx, patient_id, run, caps, types):
                return SyncStatus.FAILED, "This patient is not (or no longer) authorised for you on this server."
            return self._finish(progress, cancel, patient_id, run, caps, types, ctx, downloads)
        finally:
            ingester.after_commit = None
            downloads.close()

    def _fetch(self, progress: Progress, ctx: RoundContext, patient_id: str | None, run: SyncRun,
               caps: ServerCapabilities, types: list[str]) -> bool:
        """The changes (of one patient, or of everyone); False when that one patient is not authorised."""
        authorised = ctx.ingester.authorised
        fetcher = Fetcher(self.client, ctx, types, self.options.page_size, self.options.chunk_size, progress)
        if patient_id is not None:
            if patient_id not in authorised:
                return False
            run.strategy = "everything" if caps.supports_everything else "patient-search"
            self._guarded_fetch(lambda: fetch_one_patient(fetcher, caps, patient_id), run, authorised)
            return True
        run.strategy = choose_strategy(caps, types, self.options.strategy, self.options.group_id)

        def fetch() -> None:
            run.strategy = fetch_changes(fetcher, caps, run.strategy, self.options.group_id, sorted(authorised))

        self._guarded_fetch(fetch, run, authorised)
        return True

    def _finish(self, progress: Progress, cancel: CancelToken | None, patient_id: str | None, run: SyncRun,
                caps: ServerCapabilities, types: list[str], ctx: RoundContext,
                downloads: attachments.AttachmentFetcher) -> tuple[SyncStatus, str]:
        ingester = ctx.ingester
        progress(SyncProgress(SyncStage.DELETIONS, 0, None, message="removed and corrected records"))
        run.deleted = deletions.apply(self.store, self.server_id, self.client, caps, types, ingester.authorised,
                                      ctx.round_start, ingester, self.options.reconcile_ids, cancel)
        resolve_medication_references(self.store, self.server_id, self.client, ingester)

        stored, problems = downloads.finish()
        run.attachments = stored
        run.problems.extend(problems)
        if patient_id is None:
            now = datetime.now(UTC).isoformat(timespec="seconds")
            with self.store.transaction():
                self.store.settings.set(f"{LAST_SYNC_KEY}.{self.server_id}", now)
                self.store.settings.set(LAST_SYNC_KEY, now)
        if run.problems:
            return SyncStatus.PARTIAL, f"Sync finished with {len(run.problems)} problem(s)."
        return SyncStatus.OK, "Sync finished."

    def _guarded_fetch(self, fetch: Callable[[], None], run: SyncRun, authorised: set[str]) -> None:
        """403/404/410 on one patient's data means they left the set: purge them, then go on."""
        for _attempt in range(MAX_REFUSED_PATIENTS):
            try:
                fetch()
                return
            except PatientDataRefused as refused:
                pid: str | None = refused.patient_id
                if pid not in authorised:
                    raise refused.__cause__ or refused from None
            except (Forbidden, NotFound) as exc:
                pid = id_in_path(exc.path, "Patient")
                if pid is None or pid not in authorised:
                    raise
            log.info("access to a patient's data was refused; purging their local data")
            authorised.discard(pid)
            self.purger.purge(pid)
            run.purged += 1

    def _requests(self) -> int:
        return int(getattr(self.client, "request_count", 0))


def _safe_round_start() -> str:
    """Where the next incremental sync starts: now, less a margin for clock skew (re-reads are harmless)."""
    return (datetime.now(UTC) - timedelta(minutes=5)).isoformat(timespec="seconds").replace("+00:00", "Z")

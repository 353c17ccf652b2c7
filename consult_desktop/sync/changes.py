"""Fetching what changed, by the cheapest strategy the server's capabilities allow (fewest requests first).

- `export`: Bulk Data `Group/[id]/$export?_since=` (see `export.py`): a kick-off, some polls and one file
  per type; the request count does not grow with patients at all.
- `type-search`: one `_lastUpdated=gt` search per resource type, scoped by the server to the caller's
  patients: O(types) requests plus pages.
- `patient-search`: per type, `patient=a,b,c,...` lists in chunks (one patient at a time where the server
  accepts no lists): O(types x patients/chunk).
- `everything`: `Patient/[id]/$everything?_since=` per patient: O(patients).

Whatever the strategy, patients who join the authorised set after the first complete sync are
back-filled once without `_since` (their older records predate the cursors). Runs on the engine's thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence

from consult_desktop.domain.roles import DOCUMENT_TYPES
from consult_desktop.fhir.capabilities import ServerCapabilities
from consult_desktop.fhir.errors import RequestRejected
from consult_desktop.fhir.paging import Page
from consult_desktop.sync import export
from consult_desktop.sync.page_size import CURSOR as PAGE_CURSOR
from consult_desktop.sync.page_size import PageSizer
from consult_desktop.sync.progress import SyncProgress, SyncStage
from consult_desktop.sync.rounds import RoundContext, run_list_round, run_rounds
from consult_desktop.sync.source import FhirSource

log = logging.getLogger(__name__)
FALLBACK = "strategy.fallback"
COMPLETE = "strategy.complete"
# Strategies that share cursors: type-search and patient-search both keep `type:<T>.since`.
_FAMILY = {"type-search": "type:", "patient-search": "type:", "export": "export.", "everything": "everything:"}
EVERYTHING_BATCH = 50  # patients whose `$everything` calls share one read-ahead stream


def choose_strategy(caps: ServerCapabilities, types: Sequence[str], requested: str, group_id: str | None) -> str:
    if requested != "auto":
        return requested
    if group_id and caps.supports_group_export:
        return "export"
    if all(caps.supports_last_updated(t) for t in types if t != "Patient"):
        return "type-search"
    if all(caps.supports_patient_search(t) for t in types if t != "Patient"):
        return "patient-search"
    if caps.supports_everything:
        return "everything"
    return "patient-search"


def documents_first(types: Sequence[str]) -> list[str]:
    """The types in their order, documents (which have attachments to download) before the others."""
    return sorted(types, key=lambda t: t not in DOCUMENT_TYPES)


def since_param(since: str | None) -> dict[str, str]:
    return {"_lastUpdated": f"gt{since}"} if since else {}


class Fetcher:
    """Runs one strategy over the resource types and patients given."""

    def __init__(self, client: FhirSource, ctx: RoundContext, types: Sequence[str], page_size: int,
                 chunk_size: int, progress: Callable[[SyncProgress], None]) -> None:
        self.client = client
        self.ctx = ctx
        # Patients come with the authorised set. Documents first: their attachments then download while the
        # other types are fetched and stored, instead of after them.
        self.types = documents_first([t for t in types if t != "Patient"])
        ingester = ctx.ingester
        self.sizer = PageSizer(page_size, ingester.store.cursors.get(ingester.server_id, PAGE_CURSOR))
        ctx.sizer = self.sizer
        self.chunk_size = chunk_size
        self.progress = progress

    def type_search(self, done: dict[str, str | None]) -> None:
        """One search per type, all read through one read-ahead stream: the next type's first page downloads
        and is validated while the last page of the type before it is stored."""
        rounds = []
        for index, rtype in enumerate(self.types):

            def start(since: str | None, rtype: str = rtype) -> Iterator[Page]:
                return self._search(rtype, since_param(since))

            last = index == len(self.types) - 1
            rounds.append((f"type:{rtype}", start, done if last else {}))

        def started(index: int) -> None:
            self.progress(SyncProgress(SyncStage.RESOURCES, index, len(self.types), message=self.types[index]))

        run_rounds(self.ctx, rounds, on_round=started)

    def patient_search(self, patients: Sequence[str], done: dict[str, str | None], *,
                       backfill: bool = False) -> None:
        """Per type, patient lists in chunks; with `backfill`, no `_lastUpdated` (new patients' history)."""
        stage = SyncStage.BACKFILL if backfill else SyncStage.RESOURCES
        for index, rtype in enumerate(self.types):
            self.progress(SyncProgress(stage, index, len(self.types), message=rtype))

            def start(since: str | None, chunk: list[str], rtype: str = rtype) -> Iterator[Page]:
                return self._search(rtype, {"patient": ",".join(chunk), **since_param(since)})

            last = index == len(self.types) - 1
            scope = f"{'backfill' if backfill else 'type'}:{rtype}"
            self.chunk_size = run_list_round(self.ctx, scope, patients, self.chunk_size, start,
                                             done if last else {}, incremental=not backfill)

    def everything(self, patients: Sequence[str], *, backfill: bool = False) -> None:
        """`Patient/[id]/$everything` per patient, in batches streamed with read-ahead across patients."""
        ordered = sorted(patients)
        stage = SyncStage.BACKFILL if backfill else SyncStage.RESOURCES
        for first in range(0, len(ordered), EVERYTHING_BATCH):
            self.progress(SyncProgress(stage, first, len(ordered)))
            rounds = []
            for pid in ordered[first:first + EVERYTHING_BATCH]:

                def start(since: str | None, pid: str = pid) -> Iterator[Page]:
                    return self.client.everything(pid, since=None if backfill else since, count=self.sizer.count)

                rounds.append((f"everything:{pid}", start, {f"patient:{pid}": "complete"}))
            run_rounds(self.ctx, rounds)

    def _search(self, rtype: str, params: dict[str, str]) -> Iterator[Page]:
        """A search at the learned page size; a server that refuses the large `_count` is asked again with
        the configured one (and that becomes its remembered cap)."""
        count = self.sizer.count
        pages = self.client.search(rtype, {**params, "_count": str(count)})
        try:
            first = next(pages)
        except StopIteration:
            return
        except RequestRejected:
            if not self.sizer.refused(count):
                raise
            log.info("the server refuses pages of %d resources; asking for %d", count, self.sizer.count)
            try:
                yield from self.client.search(rtype, {**params, "_count": str(self.sizer.count)})
            except RequestRejected:
                self.sizer.restore(count)  # refused for another reason (e.g. no type-level search)
                raise
            return
        yield first
        yield from pages

    def export(self, group_id: str, done: dict[str, str | None]) -> None:
        export.run_export(self.client, self.ctx, group_id, self.types, done, self.progress)


def fetch_changes(fetcher: Fetcher, caps: ServerCapabilities, strategy: str, group_id: str | None,
                  patients: Sequence[str]) -> str:
    """Run the strategy over the authorised patients; returns the one actually used (a server may refuse
    type-level searches)."""
    ingester = fetcher.ctx.ingester
    cursors, server_id = ingester.store.cursors, ingester.server_id
    if strategy == "type-search" and cursors.get(server_id, FALLBACK) == "patient-search":
        strategy = "patient-search"
    complete = cursors.get(server_id, COMPLETE)
    if complete is not None and _FAMILY.get(complete) != _FAMILY.get(strategy):
        # Another way of fetching starts over (stored data stays; pages are idempotent). Cursors of
        # the old way would skip what changed while it was not used.
        cursors.delete_prefix(server_id, _FAMILY[complete])
    if complete is not None:
        new = [p for p in patients if cursors.get(server_id, f"patient:{p}") is None]
        if new:
            _backfill(fetcher, caps, new)
    marks = {f"patient:{p}": "complete" for p in patients}
    if strategy == "export":
        fetcher.export(group_id or "", {COMPLETE: strategy, **marks})
    elif strategy == "type-search":
        try:
            fetcher.type_search({COMPLETE: strategy, **marks})
        except RequestRejected:
            # Type-level search without a patient is refused: the same cursors serve patient lists.
            log.info("the server refuses type-level searches; using patient lists instead")
            ingester.ingest([], {FALLBACK: "patient-search"})
            strategy = "patient-search"
            fetcher.patient_search(patients, {COMPLETE: strategy, **marks})
    elif strategy == "everything":
        fetcher.everything(patients)
        ingester.ingest([], {COMPLETE: strategy})
    else:
        fetcher.patient_search(patients, {COMPLETE: strategy, **marks})
    return strategy


def fetch_one_patient(fetcher: Fetcher, caps: ServerCapabilities, patient_id: str) -> None:
    if caps.supports_everything:
        fetcher.everything([patient_id])
    else:
        fetcher.patient_search([patient_id], {}, backfill=True)


def _backfill(fetcher: Fetcher, caps: ServerCapabilities, new: list[str]) -> None:
    if caps.supports_everything:
        fetcher.everything(new, backfill=True)
    else:
        fetcher.patient_search(new, {f"patient:{p}": "complete" for p in new}, backfill=True)

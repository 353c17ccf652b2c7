"""How changes are fetched, chosen from the server's capabilities (cheapest in requests first).

- `export`: Bulk Data `Group/[id]/$export?_since=` — a kick-off, some polls and one file per type: the
  request count does not grow with patients at all.
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
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from consult_desktop.fhir.errors import Forbidden, NotFound, OperationCancelled, RequestRejected
from consult_desktop.sync.prefetch import prefetch
from consult_desktop.sync.progress import SyncProgress
from consult_desktop.sync.rounds import RoundContext, run_round, run_rounds

log = logging.getLogger(__name__)

STRATEGIES = ("export", "type-search", "patient-search", "everything")


def choose_strategy(caps: Any, types: Sequence[str], requested: str, group_id: str | None) -> str:
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


def since_param(since: str | None) -> dict[str, str]:
    return {"_lastUpdated": f"gt{since}"} if since else {}


class Fetcher:
    """Runs one strategy over the resource types and patients given."""

    def __init__(self, client: Any, ctx: RoundContext, types: Sequence[str], page_size: int, chunk_size: int,
                 progress: Callable[[SyncProgress], None]) -> None:
        self.client = client
        self.ctx = ctx
        self.types = [t for t in types if t != "Patient"]  # patients come with the authorised set
        self.page_size = page_size
        self.chunk_size = chunk_size
        self.progress = progress

    # -- incremental strategies --------------------------------------------------------------------------
    def type_search(self, done: dict[str, str | None]) -> None:
        for index, rtype in enumerate(self.types):
            self.progress(SyncProgress("resources", index, len(self.types), message=rtype))

            def start(since: str | None, rtype: str = rtype) -> Iterator[Any]:
                return self.client.search(rtype, {**since_param(since), "_count": str(self.page_size)})

            last = index == len(self.types) - 1
            run_round(self.ctx, f"type:{rtype}", start, done if last else None)

    def patient_search(self, patients: Sequence[str], done: dict[str, str | None], *,
                       backfill: bool = False) -> None:
        """Per type, patient lists in chunks; with `backfill`, no `_lastUpdated` (new patients' history)."""
        for index, rtype in enumerate(self.types):
            self.progress(SyncProgress("backfill" if backfill else "resources", index, len(self.types),
                                       message=rtype))
            self._patient_round(rtype, patients, backfill, done if index == len(self.types) - 1 else {})

    def _patient_round(self, rtype: str, patients: Sequence[str], backfill: bool,
                       done: dict[str, str | None]) -> None:
        """One type over all patients, chunk after chunk, sharing one `since`.

        Progress inside the round is `<scope>.after` (the last patient of the finished chunks, in id
        order) and `<scope>.next` (the next page inside the current chunk).
        """
        cursors, server_id = self.ctx.ingester.store.cursors, self.ctx.ingester.server_id
        scope = f"{'backfill' if backfill else 'type'}:{rtype}"
        since = None if backfill else cursors.get(server_id, f"{scope}.since")
        after = cursors.get(server_id, f"{scope}.after")
        next_url = cursors.get(server_id, f"{scope}.next")
        round_start = cursors.get(server_id, f"{scope}.round") or self.ctx.round_start
        todo = [p for p in sorted(patients) if after is None or p > after]
        final: dict[str, str | None] = {f"{scope}.next": None, f"{scope}.after": None, f"{scope}.round": None,
                                        **done}
        if not backfill:
            final[f"{scope}.since"] = round_start
        if not todo:
            self.ctx.ingester.ingest([], final)
            return
        position = 0
        while position < len(todo):
            chunk = todo[position:position + self.chunk_size]
            last_chunk = position + len(chunk) >= len(todo)

            def start(chunk: list[str] = chunk) -> Iterator[Any]:
                params = {"patient": ",".join(chunk), "_count": str(self.page_size), **since_param(since)}
                return self.client.search(rtype, params)

            pages = prefetch(_resumed(self.client, next_url, start) if next_url else start())
            next_url = None
            try:
                for page in pages:
                    if self.ctx.cancel is not None:
                        self.ctx.cancel.raise_if_cancelled()
                    if page.next_url:
                        cursors = {f"{scope}.next": page.next_url, f"{scope}.round": round_start}
                    elif not last_chunk:
                        cursors = {f"{scope}.next": None, f"{scope}.after": chunk[-1], f"{scope}.round": round_start}
                    else:
                        cursors = final
                    count = self.ctx.ingester.ingest(page.entries, cursors)
                    if self.ctx.on_page is not None:
                        self.ctx.on_page(scope, count)
            except (Forbidden, NotFound) as exc:
                if len(chunk) == 1:  # this patient's data is refused: the engine purges them
                    exc.patient_id = chunk[0]  # type: ignore[attr-defined]
                raise
            except RequestRejected:
                if len(chunk) == 1:
                    raise
                log.info("the server refused a list of patients; asking for one patient at a time")
                self.chunk_size = 1
                continue
            position += len(chunk)

    def everything(self, patients: Sequence[str], *, backfill: bool = False) -> None:
        """`Patient/[id]/$everything` per patient, in batches streamed with read-ahead across patients."""
        ordered = sorted(patients)
        for first in range(0, len(ordered), 50):
            self.progress(SyncProgress("backfill" if backfill else "resources", first, len(ordered)))
            rounds = []
            for pid in ordered[first:first + 50]:

                def start(since: str | None, pid: str = pid) -> Iterator[Any]:
                    return self.client.everything(pid, since=None if backfill else since, count=self.page_size)

                rounds.append((f"everything:{pid}", start, {f"patient:{pid}": "complete"}))
            run_rounds(self.ctx, rounds)

    def export(self, group_id: str, done: dict[str, str | None]) -> None:
        store, server_id = self.ctx.ingester.store, self.ctx.ingester.server_id
        since = store.cursors.get(server_id, "export.since")
        self.progress(SyncProgress("export", 0, None, message="waiting for the server's export"))
        status_url = self.client.export_kickoff(group_id, since=since, types=self.types + ["Patient"])
        try:
            manifest = self._await_export(status_url)
        except OperationCancelled:
            self.client.export_cancel(status_url)
            raise
        outputs = list(manifest.output)
        for index, output in enumerate(outputs):
            self.progress(SyncProgress("resources", index, len(outputs), message=output.type))
            batch: list[dict] = []
            for resource in self.client.export_download(output.url):
                batch.append(resource)
                if len(batch) >= 500:
                    if self.ctx.cancel is not None:
                        self.ctx.cancel.raise_if_cancelled()
                    self.ctx.ingester.ingest(batch)
                    batch = []
            last = index == len(outputs) - 1
            self.ctx.ingester.ingest(batch, {"export.since": manifest.transaction_time, **done} if last else None)
        if not outputs:
            self.ctx.ingester.ingest([], {"export.since": manifest.transaction_time, **done})

    def _await_export(self, status_url: str) -> Any:
        while True:
            status = self.client.export_poll(status_url)
            if status.done:
                return status.manifest
            wait = min(max(status.retry_after or 1.0, 0.1), 30.0)
            self.progress(SyncProgress("export", 0, None, message=status.progress or "export in progress"))
            if self.ctx.cancel is not None:
                if self.ctx.cancel.wait(wait):
                    raise OperationCancelled()
            else:
                time.sleep(wait)


def _resumed(client: Any, next_url: str, start: Callable[[], Iterator[Any]]) -> Iterator[Any]:
    """Continue from a stored next link, or restart the chunk when the server no longer knows it."""
    from consult_desktop.fhir.errors import Gone

    pages = client.follow(next_url)
    try:
        first = next(pages)
    except StopIteration:
        return
    except (NotFound, Gone, RequestRejected):
        yield from start()
        return
    yield first
    yield from pages

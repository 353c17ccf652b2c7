"""The Bulk Data step: `Group/[id]/$export?_since=`, polled until the server's files are ready, then each
file streamed into the store in batches; `export.since` is committed with the last batch.

The files are read on the read-ahead thread, and the next batch's validation starts before the current one
is stored (as for pages: `rounds.validated_ahead`); batches are still stored strictly in order. A cancel
during the wait cancels the export on the server too. Runs on the sync engine's thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from consult_desktop.domain.roles import DOCUMENT_TYPES
from consult_desktop.fhir.bulk_export import ExportFile, ExportManifest
from consult_desktop.fhir.errors import MalformedResponse, OperationCancelled
from consult_desktop.sync.prefetch import prefetch
from consult_desktop.sync.progress import SyncProgress, SyncStage
from consult_desktop.sync.rounds import RoundContext, validated_ahead
from consult_desktop.sync.source import FhirSource

BATCH = 500  # resources stored per transaction while a file streams in
SINCE = "export.since"


def run_export(client: FhirSource, ctx: RoundContext, group_id: str, types: Sequence[str],
               done: dict[str, str | None], progress: Callable[[SyncProgress], None]) -> None:
    since = ctx.ingester.store.cursors.get(ctx.ingester.server_id, SINCE)
    progress(SyncProgress(SyncStage.EXPORT, 0, None, message="waiting for the server's export"))
    status_url = client.export_kickoff(group_id, since=since, types=[*types, "Patient"])
    try:
        manifest = _await_export(client, ctx, status_url, progress)
    except OperationCancelled:
        client.export_cancel(status_url)
        raise
    # Document files first: their attachments download while the other files are read.
    outputs = sorted(manifest.output, key=lambda output: output.type not in DOCUMENT_TYPES)
    current = -1
    for batch, prepared in validated_ahead(ctx, prefetch(_batches(client, outputs)), lambda batch: batch):
        ctx.check_cancel()
        if batch.file != current:
            current = batch.file
            progress(SyncProgress(SyncStage.RESOURCES, current, len(outputs), message=outputs[current].type or ""))
        last = batch.final and batch.file == len(outputs) - 1
        ctx.ingester.commit(prepared, {SINCE: manifest.transaction_time, **done} if last else None)
    if not outputs:
        ctx.ingester.ingest([], {SINCE: manifest.transaction_time, **done})


@dataclass(frozen=True)
class _Batch:
    """Up to BATCH resources of one output file; `final` for the file's last (possibly empty) batch."""

    file: int
    entries: list[dict]
    final: bool


def _batches(client: FhirSource, outputs: Sequence[ExportFile]) -> Iterator[_Batch]:
    for index, output in enumerate(outputs):
        batch: list[dict] = []
        for resource in client.export_download(output.url):
            batch.append(resource)
            if len(batch) >= BATCH:
                yield _Batch(index, batch, False)
                batch = []
        yield _Batch(index, batch, True)


def _await_export(client: FhirSource, ctx: RoundContext, status_url: str,
                  progress: Callable[[SyncProgress], None]) -> ExportManifest:
    while True:
        status = client.export_poll(status_url)
        if status.done:
            if status.manifest is None:
                raise MalformedResponse("The hospital server's export finished without a list of files.")
            return status.manifest
        wait = min(max(status.retry_after or 1.0, 0.1), 30.0)
        progress(SyncProgress(SyncStage.EXPORT, 0, None, message=status.progress or "export in progress"))
        if ctx.cancel is not None:
            if ctx.cancel.wait(wait):
                raise OperationCancelled()
        else:
            time.sleep(wait)

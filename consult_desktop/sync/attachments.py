"""Fetching document attachments into the encrypted store after the resources themselves are stored.

Inline `data` is decoded; `Binary/...` references and absolute URLs on the server are downloaded with the
same authentication. An attachment on another host (or redirected to one) is not fetched at all and is
recorded once as "not fetched: other host"; like one above the size limit, that is a permanent state, not
retried and not a sync problem. A network failure is recorded as transient and retried on the next sync.
An address is downloaded once per sync: a second document pointing to it (a report's `presentedForm` and
the document that holds the same file) gets the same result, copied in the store.
Downloads run on a small bounded pool while later pages are still being stored; storing stays on the
engine's thread.
"""

from __future__ import annotations

import base64
import binascii
import logging
import queue
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from consult_desktop.domain.attachments import raw_attachments
from consult_desktop.fhir.errors import (
    AttachmentTooLarge,
    AuthenticationFailed,
    FhirError,
    OperationCancelled,
    OtherHostRefused,
)
from consult_desktop.store import Store
from consult_desktop.sync.progress import CancelToken, SyncProgress, SyncStage
from consult_desktop.sync.source import FhirSource

log = logging.getLogger(__name__)
PERMANENT = "permanent: "
TRANSIENT = "transient: "
OTHER_HOST = "not fetched: other host"


@dataclass(frozen=True)
class Job:
    rtype: str
    rid: str
    index: int
    content_type: str | None
    url: str | None
    inline: str | None


def attachment_jobs(resource: dict) -> list[Job]:
    jobs = []
    for index, att in enumerate(raw_attachments(resource)):
        if not isinstance(att, dict):
            continue
        data = att.get("data") if isinstance(att.get("data"), str) else None
        url = att.get("url") if isinstance(att.get("url"), str) else None
        if data is None and url is None:
            continue
        jobs.append(Job(resource["resourceType"], resource["id"], index, att.get("contentType"), url, data))
    return jobs


@dataclass
class _Address:
    """One address downloaded in this sync: its first job, the jobs waiting for that download, and once it
    is stored, where (and the content type the server gave)."""

    first: Job
    waiting: list[Job] = field(default_factory=list)
    stored_as: tuple[str, str, int] | None = None
    server_type: str | None = None


class AttachmentFetcher:
    """Downloads attachments on a small pool while the sync goes on; stores them on the engine's thread.

    `submit(resources)` is called after each stored page, so attachments download while later pages are
    validated and stored; `store_ready()` writes what has arrived (call it on the engine's thread, e.g. after
    each page); `finish()` fetches whatever is still missing (earlier transient failures included) and waits.
    """

    def __init__(self, store: Store, server_id: str, client: FhirSource, max_bytes: int, workers: int,
                 cancel: CancelToken | None, progress: Callable[[SyncProgress], None]) -> None:
        self.store = store
        self.server_id = server_id
        self.client = client
        self.max_bytes = max_bytes
        self.cancel = cancel
        self.progress = progress
        self.pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="consult-attach")
        self.results: queue.Queue[Future] = queue.Queue()
        self.submitted: set[tuple[str, str, int]] = set()
        self.addresses: dict[str, _Address] = {}  # by `Job.url`, for downloads by address
        self.pending = 0
        self.stored = 0
        self.problems: list[str] = []

    def submit(self, resources: Iterable[dict]) -> None:
        for resource in resources:
            if resource.get("resourceType") not in ("DocumentReference", "DiagnosticReport"):
                continue
            for job in attachment_jobs(resource):
                key = (job.rtype, job.rid, job.index)
                if key in self.submitted or self.store.resources.has_attachment(self.server_id, *key):
                    continue
                self.submitted.add(key)
                if not self._already_fetched(job):
                    self.pending += 1
                    self.pool.submit(self._download, job).add_done_callback(self.results.put)

    def _already_fetched(self, job: Job) -> bool:
        """True when `job`'s address is downloaded in this sync already: it waits for that download, or gets
        a copy of what was stored. False: it is to be downloaded (and is the first of its address)."""
        if job.inline is not None or job.url is None:
            return False
        address = self.addresses.get(job.url)
        if address is None:
            self.addresses[job.url] = _Address(job)
            return False
        if address.stored_as is None:
            address.waiting.append(job)
            return True
        copied = self.store.resources.copy_attachment(self.server_id, address.stored_as,
                                                      (job.rtype, job.rid, job.index),
                                                      content_type=address.server_type or job.content_type)
        if copied:
            self.stored += 1
        return copied

    def store_ready(self, wait: bool = False) -> None:
        """Store the downloads that have arrived, together in one transaction (with `wait`, until none is
        left). A failure that must stop the sync (authentication, cancel) is raised after the downloads that
        arrived with it are stored."""
        while self.pending:
            futures = self._arrived(wait)
            if not futures:
                return
            self.pending -= len(futures)
            done, failure = [], None
            for future in futures:
                try:
                    done.append(future.result())
                except BaseException as exc:  # authentication failures and cancels propagate, after the others
                    failure = failure or exc
            with self.store.transaction():
                for job, server_type, data, error in done:
                    self._store(job, server_type, data, error)
            if failure is not None:
                raise failure

    def _arrived(self, wait: bool) -> list[Future]:
        """The downloads finished so far; with `wait`, at least one (checking for a cancel meanwhile)."""
        futures: list[Future] = []
        while len(futures) < self.pending:
            try:
                futures.append(self.results.get_nowait())
            except queue.Empty:
                break
        while wait and not futures:
            try:
                futures.append(self.results.get(timeout=0.5))
            except queue.Empty:
                if self.cancel is not None:
                    self.cancel.raise_if_cancelled()
        return futures

    def _store(self, job: Job, server_type: str | None, data: bytes | None, error: str | None) -> None:
        """Store one download, and the same result for the jobs that waited for its address."""
        self._put(job, server_type or job.content_type, data, error)
        address = self.addresses.get(job.url) if job.url is not None and job.inline is None else None
        if address is None or address.first is not job:
            return
        waiting, address.waiting = address.waiting, []
        if error is None:
            address.stored_as, address.server_type = (job.rtype, job.rid, job.index), server_type
        else:
            del self.addresses[job.url]  # a later document with this address tries for itself
        for other in waiting:
            self._put(other, server_type or other.content_type, data, error)

    def _put(self, job: Job, ctype: str | None, data: bytes | None, error: str | None) -> None:
        self.store.resources.put_attachment(self.server_id, job.rtype, job.rid, job.index, content_type=ctype,
                                            url=job.url, data=data, error=error)
        if error is None:
            self.stored += 1
        elif error.startswith(TRANSIENT):  # retried next time; a size refusal is a decision, not a fault
            self.problems.append(f"{job.rtype}/{job.rid} attachment {job.index}: {error}")
        if self.stored % 50 == 0:
            self.progress(SyncProgress(SyncStage.ATTACHMENTS, self.stored, None))

    def finish(self) -> tuple[int, list[str]]:
        """Fetch what is still missing and wait for every download; returns (stored, problems)."""
        try:
            self.submit(self.store.resources.documents_missing_attachments(self.server_id))
            self.store_ready(wait=True)
        finally:
            self.close()
        if self.problems:
            log.info("%d attachments could not be stored", len(self.problems))
        return self.stored, self.problems

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def _download(self, job: Job) -> tuple[Job, str | None, bytes | None, str | None]:
        """(job, the content type the server gave or None, data, error)."""
        if self.cancel is not None and self.cancel.cancelled:
            raise OperationCancelled()
        if job.inline is not None:  # stored before inline data was moved out of the JSON at ingest
            if len(job.inline) * 3 // 4 > self.max_bytes + 2:
                return job, None, None, PERMANENT + "the inline attachment is larger than the limit"
            try:
                return job, None, base64.b64decode(job.inline, validate=True), None
            except (binascii.Error, ValueError):
                return job, None, None, PERMANENT + "the inline data is not valid base64"
        if job.url is None:  # attachment_jobs keeps only attachments with inline data or an address
            return job, None, None, PERMANENT + "the attachment has neither data nor an address"
        try:
            ctype, data = self.client.fetch_attachment(job.url, max_bytes=self.max_bytes)
            return job, ctype, data, None
        except AttachmentTooLarge as exc:
            return job, None, None, PERMANENT + str(exc)
        except OtherHostRefused:
            # Where a document lives does not change by asking again: recorded once, not a sync problem.
            return job, None, None, PERMANENT + OTHER_HOST
        except (AuthenticationFailed, OperationCancelled):
            raise
        except FhirError as exc:
            return job, None, None, TRANSIENT + str(exc)

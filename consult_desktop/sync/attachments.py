"""Fetching document attachments into the encrypted store after the resources themselves are stored.

Inline `data` is decoded; `Binary/...` references and absolute URLs on the server are downloaded with the
same authentication (the client refuses to send credentials to another host). An attachment above the size
limit is recorded with a permanent error and not retried; a network failure is recorded as transient and
retried on the next sync. Downloads run on a small bounded pool; storing stays on the engine's thread.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from consult_desktop.fhir.errors import (
    AttachmentTooLarge,
    AuthenticationFailed,
    FhirError,
    OperationCancelled,
)
from consult_desktop.store import Store
from consult_desktop.sync.progress import CancelToken, SyncProgress

log = logging.getLogger(__name__)
PERMANENT = "permanent: "
TRANSIENT = "transient: "


@dataclass(frozen=True)
class Job:
    rtype: str
    rid: str
    index: int
    content_type: str | None
    url: str | None
    inline: str | None


def attachment_jobs(resource: dict) -> list[Job]:
    if resource.get("resourceType") == "DocumentReference":
        atts = [c.get("attachment") for c in resource.get("content") or [] if isinstance(c, dict)]
    else:
        atts = list(resource.get("presentedForm") or [])
    jobs = []
    for index, att in enumerate(atts):
        if not isinstance(att, dict):
            continue
        data = att.get("data") if isinstance(att.get("data"), str) else None
        url = att.get("url") if isinstance(att.get("url"), str) else None
        if data is None and url is None:
            continue
        jobs.append(Job(resource["resourceType"], resource["id"], index, att.get("contentType"), url, data))
    return jobs


def fetch_missing(store: Store, server_id: str, client: Any, max_bytes: int, workers: int,
                  cancel: CancelToken | None, progress: Callable[[SyncProgress], None]) -> tuple[int, list[str]]:
    """Fetch every attachment not yet stored; returns (stored, problems)."""
    jobs = [job for resource in store.resources.documents_missing_attachments(server_id)
            for job in attachment_jobs(resource)]
    problems: list[str] = []
    stored = 0
    if not jobs:
        return 0, problems

    def download(job: Job) -> tuple[Job, str | None, bytes | None, str | None]:
        if cancel is not None and cancel.cancelled:
            raise OperationCancelled()
        if job.inline is not None:
            try:
                return job, job.content_type, base64.b64decode(job.inline, validate=True), None
            except (binascii.Error, ValueError):
                return job, job.content_type, None, PERMANENT + "the inline data is not valid base64"
        try:
            ctype, data = client.fetch_attachment(job.url, max_bytes=max_bytes)
            return job, ctype or job.content_type, data, None
        except AttachmentTooLarge as exc:
            return job, job.content_type, None, PERMANENT + str(exc)
        except AuthenticationFailed:
            raise
        except OperationCancelled:
            raise
        except FhirError as exc:
            return job, job.content_type, None, TRANSIENT + str(exc)

    total = len(jobs)
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="consult-attach") as pool:
        for done, (job, ctype, data, error) in enumerate(pool.map(download, jobs), start=1):
            store.resources.put_attachment(server_id, job.rtype, job.rid, job.index, content_type=ctype,
                                           url=job.url, data=data, error=error)
            if error is None:
                stored += 1
            elif error.startswith(TRANSIENT):  # retried next time; a size refusal is a decision, not a fault
                problems.append(f"{job.rtype}/{job.rid} attachment {job.index}: {error}")
            if done % 20 == 0 or done == total:
                progress(SyncProgress("attachments", done, total))
    if problems:
        log.info("%d attachments could not be stored", len(problems))
    return stored, problems

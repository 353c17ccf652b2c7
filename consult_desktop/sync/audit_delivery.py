"""Delivering the queued access reports (FHIR AuditEvent, see `record.access_report`) to the server that owns
the record, after that server's data sync.

Sent only where the server's CapabilityStatement declares AuditEvent `update` with `updateCreate`: each report
goes as `PUT AuditEvent/{client-assigned id}`, and is marked delivered only after the server answered. A crash
between the answer and the mark resends the same id, which replaces the event instead of adding a second one.
A report the server refuses stays pending and is retried at the next sync; an offline or signed-out server
stops the delivery. Nothing here can fail the data sync: the outcome is counted in the report. Runs on the
sync's thread, with the Store opened on it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from consult_desktop.fhir.errors import AuthenticationFailed, FhirError, OperationCancelled, ServerUnreachable
from consult_desktop.store import Store, StoreError
from consult_desktop.sync.progress import CancelToken
from consult_desktop.sync.source import FhirSource

log = logging.getLogger(__name__)
AUDIT_EVENT = "AuditEvent"
BATCH = 200  # reports read from the queue at a time


@dataclass(frozen=True)
class Delivery:
    sent: int = 0
    pending: int = 0
    problem: str = ""  # why some are still pending (no patient data)


def deliver_access_reports(store: Store, client: FhirSource, server_id: str,
                           cancel: CancelToken | None = None) -> Delivery:
    """Send this server's pending reports; never raises."""
    try:
        return _deliver(store, client, server_id, cancel)
    except StoreError as exc:
        return Delivery(0, 0, f"the access reports could not be read or marked: {exc}")


def _deliver(store: Store, client: FhirSource, server_id: str, cancel: CancelToken | None) -> Delivery:
    waiting = store.access_reports.counts(server_id)["pending"]
    if not waiting:
        return Delivery()
    try:
        accepts = client.capabilities().accepts_client_ids(AUDIT_EVENT)
    except FhirError as exc:
        return Delivery(0, waiting, f"the server's capabilities could not be read ({type(exc).__name__})")
    if not accepts:
        return Delivery(0, waiting, "the server does not accept access reports (AuditEvent update with a client id)")
    sent, problem, seen = 0, "", set()
    while True:
        batch = [r for r in store.access_reports.pending(server_id, BATCH) if r.event_id not in seen]
        if not batch:
            break
        for report in batch:
            seen.add(report.event_id)
            try:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                client.update(report.event, cancel=cancel)
            except (ServerUnreachable, AuthenticationFailed, OperationCancelled) as exc:
                store.access_reports.mark_failed(report.event_id, type(exc).__name__)
                remaining = store.access_reports.counts(server_id)["pending"]
                return Delivery(sent, remaining, f"delivery stopped: {exc}")
            except FhirError as exc:
                store.access_reports.mark_failed(report.event_id, str(exc))
                problem = f"the server refused an access report: {exc}"
                continue
            store.access_reports.mark_delivered(report.event_id)
            sent += 1
    remaining = store.access_reports.counts(server_id)["pending"]
    if sent or remaining:
        log.info("access reports to %s: %d sent, %d pending", server_id, sent, remaining)
    return Delivery(sent, remaining, problem)

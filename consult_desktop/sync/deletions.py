"""Finding what the server removed: history `_since` where offered, otherwise id reconciliation.

Entered-in-error and superseded documents arrive as new versions and are hidden by the store; deletions
only show up in history (a DELETE entry) or as ids the server no longer lists. Each page of deletions is
committed with its cursor. Runs on the sync engine's thread.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from consult_desktop.fhir.capabilities import ServerCapabilities
from consult_desktop.fhir.errors import FhirError
from consult_desktop.store import Store
from consult_desktop.sync.ingest import PageIngester
from consult_desktop.sync.progress import CancelToken
from consult_desktop.sync.source import FhirSource

log = logging.getLogger(__name__)
HISTORY_SCOPE = "history"


def start_history_if_new(store: Store, server_id: str, round_start: str) -> None:
    """On the very first sync, history starts now: everything older arrives as current state."""
    if store.cursors.get(server_id, f"{HISTORY_SCOPE}.since") is None:
        store.cursors.set(server_id, f"{HISTORY_SCOPE}.since", round_start)


def apply(store: Store, server_id: str, client: FhirSource, caps: ServerCapabilities, types: Sequence[str],
          authorised: set[str], round_start: str, ingester: PageIngester, reconcile_ids: bool,
          cancel: CancelToken | None) -> int:
    """Remove locally what the server deleted; returns the number of resources removed."""
    wanted = set(types)
    if caps.supports_system_history:
        return _history(store, server_id, client, None, wanted, round_start, ingester, cancel)
    if all(caps.supports_type_history(t) for t in types):
        return sum(_history(store, server_id, client, t, wanted, round_start, ingester, cancel) for t in types)
    if reconcile_ids:
        return _reconcile_ids(store, server_id, client, caps, types, cancel)
    return 0


def _history(store: Store, server_id: str, client: FhirSource, rtype: str | None, wanted: set[str], round_start: str,
             ingester: PageIngester, cancel: CancelToken | None) -> int:
    scope = f"{HISTORY_SCOPE}:{rtype}" if rtype else HISTORY_SCOPE
    since = store.cursors.get(server_id, f"{scope}.since")
    if since is None:
        ingester.ingest([], {f"{scope}.since": round_start})
        return 0
    removed = 0
    seen: set[tuple[str, str]] = set()
    pages = client.history(rtype, since=since)
    for page in pages:
        if cancel is not None:
            cancel.raise_if_cancelled()
        with store.transaction():
            for change in page.changes:
                key = (change.resource_type or "", change.id or "")
                if not all(key) or key in seen:
                    continue
                seen.add(key)  # newest first: the first entry of a resource is its current state
                if change.deleted and key[0] in wanted:
                    removed += int(store.resources.delete(server_id, key[0], key[1]))
            cursors = {f"{scope}.since": round_start} if not page.next_url else {}
            ingester.ingest([], cursors)
    if removed:
        log.info("removed %d resources deleted on the server", removed)
    return removed


def _reconcile_ids(store: Store, server_id: str, client: FhirSource, caps: ServerCapabilities, types: Sequence[str],
                   cancel: CancelToken | None) -> int:
    """Without history: list every id per type and remove local ids the server no longer has."""
    removed = 0
    for rtype in types:
        if rtype == "Patient" or not caps.supports_search(rtype):
            continue
        server_ids: set[str] = set()
        try:
            for page in client.search(rtype, {"_elements": "id", "_count": "1000"}):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                server_ids.update(r["id"] for r in page.matches if isinstance(r.get("id"), str))
        except FhirError as exc:
            log.info("id reconciliation skipped for a type: %s", type(exc).__name__)
            continue
        for rid in store.resources.ids(server_id, rtype) - server_ids:
            removed += int(store.resources.delete(server_id, rtype, rid))
    return removed

"""`AuditEventInbox`: the demo hospital's store of the access reports (FHIR AuditEvent) clients send it.

Clients assign the id and send `PUT AuditEvent/{id}`: the first PUT of an id creates the event (201), a
repeat replaces it with the same content (200), so a report retried after a lost answer is kept once. The
inbox also counts how many times each id was sent, which the tests read to prove "received exactly once".
`GET AuditEvent` lists what was received, `GET AuditEvent/{id}` reads one. Thread-safe (request threads).
"""

from __future__ import annotations

import json
import threading
from collections import Counter

from consult_desktop.demo.fhir_elements import JSON, instant
from consult_desktop.demo.http_types import HttpError, Request, Response, bad_request, json_response, not_found

REQUIRED = ("type", "recorded", "agent", "source")


class AuditEventInbox:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: dict[str, JSON] = {}
        self._puts: Counter[str] = Counter()
        self._version: Counter[str] = Counter()

    def handle(self, request: Request, method: str, parts: list[str], now_ms: int) -> Response:
        if method == "PUT" and len(parts) == 2:
            return self._put(request, parts[1], now_ms)
        if method == "GET" and len(parts) == 1:
            return self._search(request)
        if method == "GET" and len(parts) == 2:
            with self._lock:
                event = self._events.get(parts[1])
            if event is None:
                raise not_found(f"AuditEvent/{parts[1]}")
            return json_response(200, event)
        raise HttpError(405, "not-supported", "AuditEvent: PUT with a client id, GET", {"Allow": "GET, PUT"})

    def _put(self, request: Request, event_id: str, now_ms: int) -> Response:
        try:
            event = json.loads(request.body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise bad_request("the body is not JSON") from exc
        if not isinstance(event, dict) or event.get("resourceType") != "AuditEvent":
            raise bad_request("the body is not an AuditEvent")
        if event.get("id") != event_id:
            raise bad_request("the id in the body differs from the id in the address")
        missing = [name for name in REQUIRED if not event.get(name)]
        if missing:
            raise HttpError(422, "required", f"AuditEvent without {', '.join(missing)}")
        with self._lock:
            created = event_id not in self._events
            self._puts[event_id] += 1
            self._version[event_id] += 1
            meta = dict(event.get("meta") or {}, versionId=str(self._version[event_id]), lastUpdated=instant(now_ms))
            stored = dict(event, meta=meta)
            self._events[event_id] = stored
        headers = {"Location": f"{request.base_url}/AuditEvent/{event_id}/_history/{self._version[event_id]}",
                   "ETag": f'W/"{self._version[event_id]}"'}
        return json_response(201 if created else 200, stored, headers=headers)

    def _search(self, request: Request) -> Response:
        with self._lock:
            events = [self._events[k] for k in sorted(self._events)]
        entries = [{"fullUrl": f"{request.base_url}/AuditEvent/{e['id']}", "resource": e,
                    "search": {"mode": "match"}} for e in events]
        return json_response(200, {"resourceType": "Bundle", "type": "searchset", "total": len(entries),
                                   "entry": entries})

    # -- for tests and the demo's own display ------------------------------------------------------------------

    def events(self) -> list[JSON]:
        with self._lock:
            return [self._events[k] for k in sorted(self._events)]

    def times_sent(self) -> dict[str, int]:
        """How many PUTs each event id received (a retry counts; the stored events do not grow)."""
        with self._lock:
            return dict(self._puts)


def capability_entry() -> JSON:
    """The CapabilityStatement entry: create through update with a client-assigned id, for idempotency."""
    return {
        "type": "AuditEvent",
        "interaction": [{"code": "update"}, {"code": "read"}, {"code": "search-type"}],
        "versioning": "versioned", "updateCreate": True, "conditionalCreate": False,
        "documentation": "Access reports (IHE BALP). Send PUT AuditEvent/{id} with an id you assign: the first "
                         "PUT creates the event, a repeat replaces it, so a retried report is stored once.",
    }

"""Search helpers of the demo server: FHIR date prefixes, `_count`, opaque page cursors, Bundle assembly.

Pure functions plus a `CursorCodec` holding the server's signing key; callable from any request thread.

Dates follow the FHIR search rules: a value stands for the range its precision implies (2026-03-01 is the
whole day), and `gt`/`lt` compare with the end/start of that range. `_since` (history, $everything, $export)
is an instant: resources with lastUpdated at or after it are included.
Paging is a cursor on (lastUpdated, type, id): resources that change while a client pages move behind the
cursor and are returned again on a later page; nothing already existing is skipped.
"""

from __future__ import annotations

import base64
import calendar
import hashlib
import hmac
import json
import re
import secrets
import uuid
from collections.abc import Iterable
from urllib.parse import urlencode

from consult_desktop.demo.fhir_elements import JSON, instant
from consult_desktop.demo.http_types import bad_request

DEFAULT_COUNT = 50
MAX_COUNT = 500
CURSOR_PARAM = "_cursor"

_DATE = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.(?P<f>\d+))?)?"
    r"(?P<tz>Z|[+-]\d{2}:\d{2})?)?)?)?$"
)
_PREFIXES = ("eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap")


def parse_date_range(value: str) -> tuple[int, int]:
    """[start, end) in ms of a FHIR date/dateTime/instant search value, by its precision."""
    text = value.strip().replace(" ", "+")  # an unencoded "+" in a query string arrives as a space
    match = _DATE.match(text)
    if not match:
        raise bad_request(f"'{value}' is not a FHIR date, dateTime or instant")
    g = match.groupdict()
    year = int(g["y"])
    month = int(g["m"] or 1)
    day = int(g["d"] or 1)
    try:
        if g["m"] is None:
            start, end = _ms(year, 1, 1), _ms(year + 1, 1, 1)
        elif g["d"] is None:
            start, end = _ms(year, month, 1), _ms(year + month // 12, month % 12 + 1, 1)
        elif g["H"] is None:
            start = _ms(year, month, day)
            end = start + 86_400_000
        else:
            offset = 0
            if g["tz"] and g["tz"] != "Z":
                sign = 1 if g["tz"][0] == "+" else -1
                offset = sign * (int(g["tz"][1:3]) * 60 + int(g["tz"][4:6])) * 60_000
            start = _ms(year, month, day, int(g["H"]), int(g["M"]), int(g["S"] or 0)) - offset
            if g["f"]:
                digits = g["f"][:3].ljust(3, "0")
                start += int(digits)
                end = start + 1 if len(g["f"]) >= 3 else start + 10 ** (3 - len(g["f"]))
            else:
                end = start + (1000 if g["S"] is not None else 60_000)
    except ValueError as exc:
        raise bad_request(f"'{value}' is not a valid date") from exc
    return start, end


def _ms(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> int:
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1] and hour < 24 and minute < 60
            and second < 61):
        raise ValueError("out of range")
    return calendar.timegm((year, month, day, hour, minute, second, 0, 0, 0)) * 1000


def parse_instant(value: str) -> int:
    """Start of an instant-like value (for `_since`)."""
    return parse_date_range(value)[0]


def last_updated_filter(values: Iterable[str]) -> tuple[int, int, list[tuple[int, int]]]:
    """(lowest included, highest excluded, excluded ranges) from repeated `_lastUpdated` values (AND)."""
    low, high = -(2**62), 2**62
    excluded: list[tuple[int, int]] = []
    for raw in values:
        for value in raw.split(","):
            prefix = value[:2] if value[:2] in _PREFIXES else "eq"
            body = value[2:] if value[:2] in _PREFIXES else value
            start, end = parse_date_range(body)
            if prefix in ("eq", "ap"):
                low, high = max(low, start), min(high, end)
            elif prefix in ("gt", "sa"):
                low = max(low, end)
            elif prefix == "ge":
                low = max(low, start)
            elif prefix in ("lt", "eb"):
                high = min(high, start)
            elif prefix == "le":
                high = min(high, end)
            else:  # ne
                excluded.append((start, end))
    return low, high, excluded


def in_range(lu: int, bounds: tuple[int, int, list[tuple[int, int]]]) -> bool:
    low, high, excluded = bounds
    return low <= lu < high and not any(s <= lu < e for s, e in excluded)


def parse_count(value: str | None, default: int = DEFAULT_COUNT, maximum: int = MAX_COUNT) -> int:
    if value is None:
        return default
    if not value.isdigit():
        raise bad_request("_count must be a non-negative integer")
    return min(int(value), maximum)


def split_list(values: list[str] | None) -> list[str]:
    return [item.strip() for value in values or [] for item in value.split(",") if item.strip()]


class CursorCodec:
    """Opaque, signed page cursors bound to the query they page through."""

    def __init__(self) -> None:
        self._key = secrets.token_bytes(32)

    def encode(self, query_key: str, state: list[object]) -> str:
        payload = json.dumps([query_key, state], separators=(",", ":")).encode()
        mac = hmac.new(self._key, payload, hashlib.sha256).digest()[:12]
        return base64.urlsafe_b64encode(mac + payload).decode().rstrip("=")

    def decode(self, token: str, query_key: str) -> list[object]:
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            mac, payload = raw[:12], raw[12:]
            if not hmac.compare_digest(mac, hmac.new(self._key, payload, hashlib.sha256).digest()[:12]):
                raise ValueError("signature")
            bound, state = json.loads(payload)
        except (ValueError, TypeError) as exc:
            raise bad_request("invalid or expired page cursor") from exc
        if bound != query_key:
            raise bad_request("the page cursor belongs to another query")
        return list(state)


def query_key(path: str, query: dict[str, list[str]], practitioner: str | None) -> str:
    """Canonical form of a query (without the cursor), so a cursor cannot be replayed on another query."""
    items = sorted((k, v) for k, values in query.items() if k != CURSOR_PARAM for v in values)
    return hashlib.sha256(f"{practitioner}|{path}|{urlencode(items)}".encode()).hexdigest()[:24]


def page_url(base_path_url: str, query: dict[str, list[str]], cursor: str | None = None) -> str:
    items = [(k, v) for k, values in query.items() if k != CURSOR_PARAM for v in values]
    if cursor is not None:
        items.append((CURSOR_PARAM, cursor))
    return base_path_url + (("?" + urlencode(items)) if items else "")


def bundle(kind: str, entries: list[JSON], snapshot_ms: int, self_url: str, next_url: str | None,
           total: int | None) -> JSON:
    out: JSON = {"resourceType": "Bundle", "id": str(uuid.uuid4()), "meta": {"lastUpdated": instant(snapshot_ms)},
                 "type": kind}
    if total is not None:
        out["total"] = total
    links = [{"relation": "self", "url": self_url}]
    if next_url:
        links.append({"relation": "next", "url": next_url})
    out["link"] = links
    if entries:
        out["entry"] = entries
    return out


def match_entry(base_url: str, resource: JSON, mode: str = "match") -> JSON:
    return {"fullUrl": f"{base_url}/{resource['resourceType']}/{resource['id']}", "resource": resource,
            "search": {"mode": mode}}


# Token search parameters: name -> (element, resource types that have it).
TOKEN_PARAMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "category": ("category", ("Observation", "DiagnosticReport", "Condition", "DocumentReference",
                              "MedicationRequest", "MedicationStatement", "AllergyIntolerance")),
    "code": ("code", ("Observation", "DiagnosticReport", "Condition", "Procedure", "AllergyIntolerance",
                      "Medication")),
    "status": ("status", ("Observation", "DiagnosticReport", "DocumentReference", "MedicationRequest",
                          "MedicationStatement", "Encounter", "Procedure", "Immunization")),
    "type": ("type", ("DocumentReference",)),
}


def token_params_for(rtype: str) -> list[str]:
    return [name for name, (_, types) in TOKEN_PARAMS.items() if rtype in types]


def token_matches(resource: JSON, name: str, values: list[str]) -> bool:
    """FHIR token search on one element: `code`, `system|code` or `|code`; a comma means OR, repeats AND."""
    element = resource.get(TOKEN_PARAMS[name][0])
    items = element if isinstance(element, list) else [element]
    pairs: set[tuple[str | None, str]] = set()
    for item in items:
        if isinstance(item, str):
            pairs.add((None, item))
        elif isinstance(item, dict):
            pairs.update((c.get("system"), c.get("code", "")) for c in item.get("coding", []))
    return all(any(_token_hit(alternative, pairs) for alternative in value.split(",")) for value in values)


def _token_hit(alternative: str, pairs: set[tuple[str | None, str]]) -> bool:
    system, bar, code = alternative.rpartition("|")
    if not bar:  # code: any system
        return any(c == code for _, c in pairs)
    if not system:  # |code: no system
        return (None, code) in pairs
    if not code:  # system|: any code of that system
        return any(s == system for s, _ in pairs)
    return (system, code) in pairs

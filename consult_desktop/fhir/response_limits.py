"""Limits on what a FHIR server may send, so that a broken or hostile server cannot exhaust memory.

- Bytes per response, counted after decompression (a small gzip body can inflate a thousandfold): the body
  is streamed and reading stops at the limit (default 64 MiB, far above a real page; configurable per
  server in :class:`~consult_desktop.fhir.server_config.ServerConfig`).
- JSON structure: the number of objects and arrays is counted on the bytes before parsing (an answer of
  millions of empty objects would take gigabytes once parsed), then nesting depth is checked (Python's
  parser fails on deep nesting with RecursionError, and later code recurses too).
- Resources per page.

Past a limit, :class:`~consult_desktop.fhir.errors.ResponseLimitExceeded` names the request (path only)
and which limit; the sync reports it as a problem. Pure functions over a response; call from the thread
that reads the response.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import requests

from consult_desktop.fhir.concurrency import CancelToken, check_cancel
from consult_desktop.fhir.errors import ResponseLimitExceeded, ServerUnreachable

MIB = 1024 * 1024
DEFAULT_MAX_RESPONSE_BYTES = 64 * MIB
DEFAULT_MAX_JSON_DEPTH = 64
DEFAULT_MAX_PAGE_RESOURCES = 5000
# Objects and arrays in one answer: a page of 500 rich resources holds some tens of thousands.
DEFAULT_MAX_JSON_CONTAINERS = 500_000
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class ResponseLimits:
    max_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    max_depth: int = DEFAULT_MAX_JSON_DEPTH
    max_page_resources: int = DEFAULT_MAX_PAGE_RESOURCES
    max_containers: int = DEFAULT_MAX_JSON_CONTAINERS


def too_large(path: str, max_bytes: int) -> ResponseLimitExceeded:
    return ResponseLimitExceeded(
        f"The hospital server's answer for {path} is larger than the allowed {max_bytes / MIB:.0f} MB; it was "
        "not read. Nothing stored was changed.",
        path=path,
    )


def read_limited(
    response: requests.Response, max_bytes: int, path: str, cancel: CancelToken | None = None
) -> bytearray:
    """The (decompressed) body, read in chunks; ResponseLimitExceeded past `max_bytes`. Closes nothing."""
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise too_large(path, max_bytes)
    body = bytearray()
    try:
        for chunk in response.iter_content(_CHUNK):
            check_cancel(cancel)
            body += chunk
            if len(body) > max_bytes:
                raise too_large(path, max_bytes)
    except (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError,
            requests.exceptions.Timeout) as exc:
        raise ServerUnreachable(f"The download of {path} was interrupted.", path=path) from exc
    return body


def loads_limited(raw: bytes | bytearray, path: str, limits: ResponseLimits) -> Any:
    """Parse JSON within the structure limits. ValueError for invalid JSON (the caller words it)."""
    if raw.count(b"{") + raw.count(b"[") > limits.max_containers:
        raise ResponseLimitExceeded(
            f"The hospital server's answer for {path} holds more than {limits.max_containers} JSON objects "
            "and arrays; it was not read. Nothing stored was changed.",
            path=path,
        )
    try:
        value = json.loads(raw)
    except RecursionError as exc:
        raise _too_deep(path, limits.max_depth) from exc
    if _depth_exceeds(value, limits.max_depth):
        raise _too_deep(path, limits.max_depth)
    return value


def check_page_resources(bundle: dict[str, Any], path: str, limits: ResponseLimits) -> None:
    entries = bundle.get("entry")
    if isinstance(entries, list) and len(entries) > limits.max_page_resources:
        raise ResponseLimitExceeded(
            f"The hospital server sent more than {limits.max_page_resources} resources in one page for {path}; "
            "the page was not stored. Nothing stored was changed.",
            path=path,
        )


def _too_deep(path: str, max_depth: int) -> ResponseLimitExceeded:
    return ResponseLimitExceeded(
        f"The hospital server's answer for {path} is nested deeper than {max_depth} levels; it was not read. "
        "Nothing stored was changed.",
        path=path,
    )


def _depth_exceeds(value: Any, max_depth: int) -> bool:
    """True when objects/arrays nest deeper than `max_depth` (level by level: no recursion on hostile input,
    and only containers are kept for the next level, which makes it about twice as fast as a stack of every
    value on a page of resources)."""
    level: list[Any] = [value] if type(value) in _CONTAINERS else []
    depth = 1
    while level:
        if depth > max_depth:
            return True
        deeper: list[Any] = []
        for item in level:
            for child in (item.values() if type(item) is dict else item):
                if type(child) in _CONTAINERS:
                    deeper.append(child)
        level = deeper
        depth += 1
    return False


_CONTAINERS = (dict, list)  # what json.loads makes of objects and arrays (exact types)


def iter_lines_limited(response: requests.Response, max_line_bytes: int, path: str) -> Iterator[bytes]:
    """The lines of a streamed (ndjson) body; ResponseLimitExceeded for a line longer than the limit."""
    pending = bytearray()
    for chunk in response.iter_content(_CHUNK):
        pending += chunk
        start = 0
        while (end := pending.find(b"\n", start)) >= 0:
            if end - start > max_line_bytes:
                raise too_large(path, max_line_bytes)
            yield bytes(pending[start:end])
            start = end + 1
        del pending[:start]
        if len(pending) > max_line_bytes:
            raise too_large(path, max_line_bytes)
    if pending:
        yield bytes(pending)

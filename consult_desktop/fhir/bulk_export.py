"""FHIR Bulk Data export (Bulk Data Access IG, "Export"): kick-off, status polling, download, cancel.

- Kick-off: ``GET [base]/Group/[id]/$export`` (or ``[base]/$export`` without a group) with
  ``Accept: application/fhir+json`` and ``Prefer: respond-async``, ``_outputFormat=application/fhir+ndjson``,
  optional ``_since`` and ``_type``. The server answers 202 with ``Content-Location`` = the status URL.
- Status: ``GET status_url`` answers 202 while running (``X-Progress``, ``Retry-After``) and 200 with the
  JSON manifest when complete. The caller decides how long to wait (``ExportStatus.retry_after``).
- Download: each output file is ndjson, streamed line by line. The access token is sent only when the
  manifest says ``requiresAccessToken`` and the file is on the FHIR server's origin; a file elsewhere
  that needs the token is refused, and one that does not (pre-signed storage URL) is fetched without it.
- Cancel: ``DELETE status_url``.

Functions take an :class:`HttpTransport` and an :class:`Auth`; ``FhirClient`` exposes them as methods.
All block: call them from worker threads.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import requests

from consult_desktop.fhir.auth_base import Auth
from consult_desktop.fhir.concurrency import CancelToken, check_cancel
from consult_desktop.fhir.errors import (
    InsecureConnectionRefused,
    MalformedResponse,
    NotFound,
    ServerUnreachable,
)
from consult_desktop.fhir.response_limits import iter_lines_limited, loads_limited
from consult_desktop.fhir.retry_policy import parse_retry_after
from consult_desktop.fhir.transport import FHIR_JSON, HttpTransport, parse_json_object
from consult_desktop.fhir.url_policy import host_of, safe_path

NDJSON = "application/fhir+ndjson"


@dataclass(frozen=True, slots=True)
class ExportFile:
    """One output (or error) file of the manifest."""

    type: str | None
    url: str
    count: int | None = None


@dataclass(frozen=True, slots=True)
class ExportManifest:
    """The completed export: files per resource type, error files (OperationOutcome ndjson)."""

    transaction_time: str | None
    requires_access_token: bool
    output: tuple[ExportFile, ...]
    error: tuple[ExportFile, ...]
    raw: dict[str, Any] = field(repr=False, default_factory=dict)


@dataclass(frozen=True, slots=True)
class ExportStatus:
    """One poll: ``done`` with ``manifest``, or still running with the server's hints."""

    done: bool
    retry_after: float | None = None
    progress: str | None = None
    manifest: ExportManifest | None = None


def kickoff(
    transport: HttpTransport,
    auth: Auth,
    group_id: str | None,
    since: str | None = None,
    types: Sequence[str] = (),
) -> str:
    """Start an export and return the absolute status URL."""
    path = f"Group/{group_id}/$export" if group_id else "$export"
    params: list[tuple[str, str]] = [("_outputFormat", NDJSON)]
    if since:
        params.append(("_since", since))
    if types:
        params.append(("_type", ",".join(types)))
    url = transport.resolve(path)
    response = transport.send(
        "GET", url, params=params, auth=auth, headers={"Prefer": "respond-async"}, accept=FHIR_JSON, stream=True
    )
    location = response.headers.get("Content-Location")
    response.close()
    if response.status_code != 202 or not location:
        raise MalformedResponse(
            f"The hospital server did not start the export for {safe_path(url)} (no status address).",
            status=response.status_code, path=safe_path(url),
        )
    return urljoin(url, location)


def poll(transport: HttpTransport, auth: Auth | None, status_url: str) -> ExportStatus:
    """Ask once how the export is going."""
    response = transport.send(
        "GET", status_url, auth=_auth_for(transport, auth, status_url), accept="application/json", stream=True
    )
    if response.status_code == 202:
        retry_after = parse_retry_after(response.headers.get("Retry-After"), transport.clock())
        progress = response.headers.get("X-Progress")
        response.close()
        return ExportStatus(done=False, retry_after=retry_after, progress=(progress or None))
    if response.status_code != 200:
        response.close()
        raise MalformedResponse(
            f"Unexpected answer (HTTP {response.status_code}) while checking the export.",
            status=response.status_code, path=safe_path(status_url),
        )
    manifest = parse_json_object(response, transport.limits)
    return ExportStatus(done=True, manifest=parse_manifest(manifest, status_url))


def parse_manifest(data: dict[str, Any], base: str) -> ExportManifest:
    """Read a completion manifest; relative file URLs are resolved against ``base``."""
    def files(key: str) -> tuple[ExportFile, ...]:
        items = data.get(key)
        result = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("url"), str):
                count = item.get("count")
                result.append(ExportFile(
                    type=item.get("type") if isinstance(item.get("type"), str) else None,
                    url=urljoin(base, item["url"]),
                    count=count if isinstance(count, int) and not isinstance(count, bool) else None,
                ))
        return tuple(result)

    requires = data.get("requiresAccessToken")
    transaction_time = data.get("transactionTime")
    return ExportManifest(
        transaction_time=transaction_time if isinstance(transaction_time, str) else None,
        requires_access_token=requires is not False,
        output=files("output"),
        error=files("error"),
        raw=data,
    )


def download(
    transport: HttpTransport,
    auth: Auth | None,
    url: str,
    requires_access_token: bool = True,
    cancel: CancelToken | None = None,
) -> Iterator[dict[str, Any]]:
    """Stream the resources of one ndjson file, one dict per non-empty line.

    A line that is not a JSON object raises MalformedResponse (with the line number, not the line).
    """
    use_auth = auth if requires_access_token else None
    if use_auth is not None and not transport.is_own_origin(url):
        raise InsecureConnectionRefused(
            f"The export file is on another server ({host_of(url)}) that asks for our access token; "
            "it was not downloaded."
        )
    response = transport.send("GET", url, auth=use_auth, accept=NDJSON, stream=True, cancel=cancel)
    path = safe_path(url)
    limits = transport.limits
    try:
        lines = iter_lines_limited(response, limits.max_bytes, path)
        for number, line in enumerate(lines, start=1):
            if number % 1000 == 0:
                check_cancel(cancel)
            if not line.strip():
                continue
            try:
                value = loads_limited(line, path, limits)
            except ValueError as exc:
                raise MalformedResponse(
                    f"Line {number} of the export file {path} is not valid JSON.", path=path
                ) from exc
            if not isinstance(value, dict):
                raise MalformedResponse(
                    f"Line {number} of the export file {path} is not a resource.", path=path
                )
            yield value
    except (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError,
            requests.exceptions.Timeout) as exc:
        raise ServerUnreachable(
            f"The download of {path} was interrupted; it can be fetched again.", path=path
        ) from exc
    finally:
        response.close()


def cancel_export(transport: HttpTransport, auth: Auth | None, status_url: str) -> None:
    """Ask the server to stop the export and delete its files; an export already gone is fine."""
    try:
        response = transport.send("DELETE", status_url, auth=_auth_for(transport, auth, status_url), stream=True)
        response.close()
    except NotFound:
        pass


def _auth_for(transport: HttpTransport, auth: Auth | None, url: str) -> Auth | None:
    # Status URLs normally live on the FHIR server; elsewhere we poll without credentials rather than
    # send our token to another host.
    return auth if auth is not None and transport.is_own_origin(url) else None

"""Downloading document attachments (``Attachment.url``) with a size limit.

- ``Binary/123`` (and other relative references) are resolved against the FHIR base URL.
- An absolute URL on the FHIR server's origin is fetched with the same credentials. A URL on another
  host, or a redirect to one, is refused with :class:`OtherHostRefused` (our token never leaves the
  hospital server, another host's bytes never become the hospital's document, and opening a document must
  not tell a third party about it) unless the caller explicitly allows fetching it *without* credentials.
- The body is streamed and the download stops as soon as it exceeds ``max_bytes``
  (:class:`AttachmentTooLarge`); a ``Content-Length`` above the limit stops it before any byte is read.
- A server may answer with the Binary resource as FHIR JSON instead of the raw bytes; its base64
  ``data`` is then decoded (and checked against the same limit).

Blocks; call from worker threads. The bytes stay in memory: nothing is written to disk.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

import requests

from consult_desktop.fhir.auth_base import Auth
from consult_desktop.fhir.concurrency import CancelToken, check_cancel
from consult_desktop.fhir.errors import (
    AttachmentTooLarge,
    MalformedResponse,
    OtherHostRefused,
    ServerUnreachable,
)
from consult_desktop.fhir.response_limits import ResponseLimits, loads_limited
from consult_desktop.fhir.transport import HttpTransport
from consult_desktop.fhir.url_policy import host_of, safe_path

_CHUNK = 64 * 1024
_JSON_TYPES = ("application/fhir+json", "application/json")


def resolve_attachment_url(transport: HttpTransport, ref: str) -> str:
    """The absolute URL of an attachment reference (``Binary/x``, a relative path or an absolute URL)."""
    ref = ref.strip()
    if not ref or ref.startswith(("#", "urn:", "data:")):
        raise MalformedResponse("This attachment has no address that can be downloaded.")
    return transport.resolve(ref)


def fetch_attachment(
    transport: HttpTransport,
    auth: Auth | None,
    ref: str,
    max_bytes: int,
    *,
    allow_other_hosts: bool = False,
    cancel: CancelToken | None = None,
) -> tuple[str | None, bytes]:
    """Download an attachment: ``(content_type, content)``. See the module docstring for the rules."""
    url = resolve_attachment_url(transport, ref)
    own = transport.is_own_origin(url)
    if not own and not allow_other_hosts:
        raise OtherHostRefused(
            f"This document is stored on another server ({host_of(url)}) and was not downloaded.", path=safe_path(url)
        )
    path = safe_path(url)
    response = transport.send(
        "GET", url, auth=auth if own else None, accept="*/*", stream=True, cancel=cancel
    )
    try:
        content_type = response.headers.get("Content-Type")
        is_json = bool(content_type) and content_type.split(";")[0].strip().lower() in _JSON_TYPES
        # base64 inflates by 4/3; leave room for the JSON around it.
        limit = max_bytes * 4 // 3 + 4096 if is_json else max_bytes
        body = _read_limited(response, limit, max_bytes, path, cancel)
    finally:
        response.close()
    if is_json:
        return _from_binary_json(body, content_type, max_bytes, path)
    return content_type, body


def _read_limited(
    response: requests.Response, limit: int, max_bytes: int, path: str, cancel: CancelToken | None
) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _too_large(max_bytes, path)
    chunks: list[bytes] = []
    total = 0
    try:
        for chunk in response.iter_content(_CHUNK):
            check_cancel(cancel)
            total += len(chunk)
            if total > limit:
                raise _too_large(max_bytes, path)
            chunks.append(chunk)
    except (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError,
            requests.exceptions.Timeout) as exc:
        raise ServerUnreachable(f"The download of {path} was interrupted.", path=path) from exc
    return b"".join(chunks)


def _from_binary_json(
    body: bytes, header_type: str | None, max_bytes: int, path: str
) -> tuple[str | None, bytes]:
    try:
        resource: Any = loads_limited(body, path, ResponseLimits(max_bytes=max_bytes))
    except ValueError as exc:
        raise MalformedResponse(
            f"The attachment {path} could not be read (not valid JSON).", path=path
        ) from exc
    if not isinstance(resource, dict) or resource.get("resourceType") != "Binary":
        # Some other JSON document: hand it over as it came.
        return header_type, body
    data = resource.get("data")
    try:
        content = base64.b64decode(data, validate=True) if isinstance(data, str) else b""
    except (binascii.Error, ValueError) as exc:
        raise MalformedResponse(f"The attachment {path} is damaged (bad base64).", path=path) from exc
    if len(content) > max_bytes:
        raise _too_large(max_bytes, path)
    content_type = resource.get("contentType")
    return (content_type if isinstance(content_type, str) else None), content


def _too_large(max_bytes: int, path: str) -> AttachmentTooLarge:
    megabytes = max_bytes / (1024 * 1024)
    return AttachmentTooLarge(
        f"The attachment {path} is larger than the allowed {megabytes:.1f} MB and was not downloaded.",
        limit=max_bytes, path=path,
    )

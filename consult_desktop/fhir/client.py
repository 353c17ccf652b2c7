"""FhirClient: the one object the sync engine and commands use to talk to a hospital FHIR R4 server.

Construction::

    config = ServerConfig(base_url="https://fhir.hospital.be/r4", auth_kind="smart", client_id="...")
    auth = make_auth(config, token_store=store_tokens)           # consult_desktop.fhir.auth
    client = FhirClient(config, auth)                             # builds the pooled session
    client.sign_in()                                              # SMART only, once (opens the browser)

Public API (every method blocks; call from worker threads, never the GUI thread):

- ``capabilities(refresh=False) -> ServerCapabilities`` (``/metadata``, cached per client);
  ``use_capabilities(caps)`` gives it an answer obtained before the client existed
- ``smart_configuration() -> SmartConfiguration`` (``/.well-known/smart-configuration``)
- ``sign_in(cancel=None)`` for SMART; ``signed_in`` property
- ``read(type, id) -> dict``
- ``search(type, params) -> Iterator[Page]`` following ``next`` links
- ``follow(url) -> Iterator[Page]``: continue paging from a stored ``Page.next_url`` cursor
- ``everything(patient_id, since=None, types=()) -> Iterator[Page]`` (``Patient/[id]/$everything``)
- ``history(type=None, since=None) -> Iterator[HistoryPage]`` (system or type ``_history``)
- Bulk Data: ``export_kickoff(group_id, since, types) -> status_url``, ``export_poll(status_url) ->
  ExportStatus``, ``export_download(url, requires_access_token=True) -> Iterator[dict]``,
  ``export_cancel(status_url)``
- ``fetch_attachment(url_or_ref, max_bytes) -> (content_type, bytes)``

``since`` accepts an aware ``datetime`` or a FHIR instant string. Params are a mapping (list values
repeat the parameter) or a sequence of ``(name, value)`` pairs. Iterators check the cancel token between
pages. Failures raise :mod:`consult_desktop.fhir.errors` (all subclasses of ``FhirError``).
"""

from __future__ import annotations

import datetime
import json
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import requests

from consult_desktop.fhir import attachments, bulk_export
from consult_desktop.fhir.auth_base import Auth
from consult_desktop.fhir.bulk_export import ExportStatus
from consult_desktop.fhir.capabilities import (
    ServerCapabilities,
    SmartConfiguration,
    parse_capability_statement,
)
from consult_desktop.fhir.concurrency import CancelToken, check_cancel
from consult_desktop.fhir.errors import AuthenticationFailed, ConfigurationError, MalformedResponse
from consult_desktop.fhir.paging import HistoryPage, Page, parse_history_page, parse_page
from consult_desktop.fhir.response_limits import check_page_resources
from consult_desktop.fhir.retry_policy import RetryPolicy
from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.fhir.token_endpoint import fetch_smart_configuration
from consult_desktop.fhir.transport import HttpTransport, Params
from consult_desktop.fhir.url_policy import safe_path

_TYPE_RE = re.compile(r"^[A-Z][A-Za-z]{1,63}$")
_ID_RE = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")


def format_instant(since: datetime.datetime | str | None) -> str | None:
    """A FHIR instant for ``_since`` / ``_lastUpdated``. Naive datetimes are refused (ambiguous)."""
    if since is None or isinstance(since, str):
        return since or None
    if since.tzinfo is None or since.utcoffset() is None:
        raise ValueError("since must be timezone-aware")
    # Truncating to whole seconds can only move the instant earlier: more results, never fewer.
    text = since.replace(microsecond=0).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


class FhirClient:
    """A FHIR R4 client for one server (see the module docstring). Thread-safe."""

    def __init__(
        self,
        config: ServerConfig,
        auth: Auth,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        *,
        clock: Callable[[], float] = time.time,
        rand: Callable[[], float] = random.random,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.config = config
        self.auth = auth
        self._owns_session = session is None
        self.transport = HttpTransport(config, session, sleep=sleep, clock=clock, rand=rand, retry=retry)
        auth.bind(self.transport)
        self._capabilities: ServerCapabilities | None = None

    @property
    def base_url(self) -> str:
        return self.config.base_url

    @property
    def request_count(self) -> int:
        """HTTP requests this client has sent (retries included)."""
        return self.transport.request_count

    def close(self) -> None:
        """Close the connection pool (only when this client created the session)."""
        if self._owns_session:
            self.transport.session.close()

    def __enter__(self) -> FhirClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- discovery and sign-in -------------------------------------------------------------------

    def capabilities(self, refresh: bool = False) -> ServerCapabilities:
        """The server's CapabilityStatement, parsed. Fetched without credentials first (the usual
        case); with them when the server insists."""
        if self._capabilities is None or refresh:
            url = self.transport.resolve("metadata")
            try:
                data, _ = self.transport.get_json(url)
            except AuthenticationFailed:
                data, _ = self.transport.get_json(url, auth=self.auth)
            if data.get("resourceType") != "CapabilityStatement":
                raise MalformedResponse(
                    "The hospital server's /metadata is not a CapabilityStatement.", path=safe_path(url)
                )
            self._capabilities = parse_capability_statement(data)
        return self._capabilities

    def use_capabilities(self, capabilities: ServerCapabilities) -> None:
        """Take a CapabilityStatement this server gave to an earlier request without credentials (see
        ``sync.metadata_prefetch``) instead of asking again; that request counts as one of this client's."""
        self._capabilities = capabilities
        self.transport.count_request()

    def smart_configuration(self) -> SmartConfiguration:
        """The SMART configuration (NotFound when the server does not publish one)."""
        return fetch_smart_configuration(self.transport)

    @property
    def signed_in(self) -> bool:
        """False only for an interactive sign-in that has not happened (or was cleared)."""
        return bool(getattr(self.auth, "signed_in", True))

    def sign_in(self, cancel: CancelToken | None = None) -> None:
        """Run the interactive SMART sign-in (browser). ConfigurationError for other auth kinds."""
        sign_in = getattr(self.auth, "sign_in", None)
        if sign_in is None:
            raise ConfigurationError("This server does not use an interactive sign-in.")
        sign_in(cancel=cancel)

    # --- REST ------------------------------------------------------------------------------------

    def read(self, resource_type: str, resource_id: str, cancel: CancelToken | None = None) -> dict[str, Any]:
        """``GET [base]/[type]/[id]``. NotFound / Gone when it does not exist (any more)."""
        url = self.transport.resolve(f"{_check_type(resource_type)}/{_check_id(resource_id)}")
        data, _ = self.transport.get_json(url, auth=self.auth, cancel=cancel)
        if data.get("resourceType") != resource_type:
            raise MalformedResponse(
                f"The hospital server answered {safe_path(url)} with another kind of resource.",
                path=safe_path(url),
            )
        return data

    def update(self, resource: dict[str, Any], cancel: CancelToken | None = None) -> int:
        """``PUT [base]/[type]/[id]`` of a resource with a client-assigned id (create or replace); returns
        the HTTP status (201 created, 200 replaced). Sending it again stores nothing new, so a retry after a
        lost answer is safe."""
        rtype, rid = _check_type(str(resource.get("resourceType"))), _check_id(str(resource.get("id")))
        url = self.transport.resolve(f"{rtype}/{rid}")
        body = json.dumps(resource, separators=(",", ":")).encode("utf-8")
        response = self.transport.send("PUT", url, data=body, headers={"Content-Type": "application/fhir+json"},
                                       auth=self.auth, cancel=cancel)
        response.close()
        return int(response.status_code)

    def search(
        self, resource_type: str, params: Params = None, cancel: CancelToken | None = None
    ) -> Iterator[Page]:
        """``GET [base]/[type]?params`` and every following page."""
        url = self.transport.resolve(_check_type(resource_type))
        return self._pages(url, params, cancel, parse_page)

    def follow(self, url: str, cancel: CancelToken | None = None) -> Iterator[Page]:
        """Continue paging from a stored ``Page.next_url`` (must be on this server)."""
        return self._pages(url, None, cancel, parse_page)

    def everything(
        self,
        patient_id: str,
        since: datetime.datetime | str | None = None,
        types: Sequence[str] = (),
        count: int | None = None,
        cancel: CancelToken | None = None,
    ) -> Iterator[Page]:
        """``GET [base]/Patient/[id]/$everything`` with optional ``_since``, ``_type`` and ``_count``."""
        url = self.transport.resolve(f"Patient/{_check_id(patient_id)}/$everything")
        params: list[tuple[str, str]] = []
        if (instant := format_instant(since)) is not None:
            params.append(("_since", instant))
        if types:
            params.append(("_type", ",".join(_check_type(t) for t in types)))
        if count:
            params.append(("_count", str(count)))
        return self._pages(url, params, cancel, parse_page)

    def history(
        self,
        resource_type: str | None = None,
        since: datetime.datetime | str | None = None,
        count: int | None = None,
        cancel: CancelToken | None = None,
    ) -> Iterator[HistoryPage]:
        """``GET [base]/_history`` or ``[base]/[type]/_history`` with optional ``_since``."""
        path = f"{_check_type(resource_type)}/_history" if resource_type else "_history"
        params: list[tuple[str, str]] = []
        if (instant := format_instant(since)) is not None:
            params.append(("_since", instant))
        if count:
            params.append(("_count", str(count)))
        return self._pages(self.transport.resolve(path), params, cancel, parse_history_page)

    # --- Bulk Data -------------------------------------------------------------------------------

    def export_kickoff(
        self,
        group_id: str | None = None,
        since: datetime.datetime | str | None = None,
        types: Sequence[str] = (),
    ) -> str:
        """Start ``Group/[id]/$export`` (or system ``$export`` without a group); returns the status URL."""
        group = _check_id(group_id) if group_id else None
        return bulk_export.kickoff(
            self.transport, self.auth, group, format_instant(since), [_check_type(t) for t in types]
        )

    def export_poll(self, status_url: str) -> ExportStatus:
        """Poll once; when not done, wait ``status.retry_after`` (or a default) before polling again."""
        return bulk_export.poll(self.transport, self.auth, status_url)

    def export_download(
        self, url: str, requires_access_token: bool = True, cancel: CancelToken | None = None
    ) -> Iterator[dict[str, Any]]:
        """Stream the resources of one output file (pass ``manifest.requires_access_token``)."""
        return bulk_export.download(self.transport, self.auth, url, requires_access_token, cancel)

    def export_cancel(self, status_url: str) -> None:
        """Cancel a running export (or delete a finished one's files)."""
        bulk_export.cancel_export(self.transport, self.auth, status_url)

    # --- attachments -------------------------------------------------------------

    def fetch_attachment(
        self,
        url_or_ref: str,
        max_bytes: int,
        *,
        allow_other_hosts: bool = False,
        cancel: CancelToken | None = None,
    ) -> tuple[str | None, bytes]:
        """Download ``Binary/x`` or a same-server URL, at most ``max_bytes`` (AttachmentTooLarge)."""
        return attachments.fetch_attachment(
            self.transport, self.auth, url_or_ref, max_bytes,
            allow_other_hosts=allow_other_hosts, cancel=cancel,
        )

    # --- internals -------------------------------------------------------------------------------

    def _pages(
        self,
        url: str,
        params: Params,
        cancel: CancelToken | None,
        parse: Callable[[dict[str, Any], str, bytes], Any],
    ) -> Iterator[Any]:
        seen: set[str] = set()
        current: str | None = url
        current_params = params
        while current is not None:
            check_cancel(cancel)
            if not self.transport.is_own_origin(current):
                raise MalformedResponse(
                    "The hospital server's next-page link points to another server; paging stopped.",
                    path=safe_path(current),
                )
            data, raw, final_url = self.transport.get_json_body(
                current, params=current_params, auth=self.auth, cancel=cancel
            )
            check_page_resources(data, safe_path(final_url), self.transport.limits)
            page = parse(data, final_url, raw)
            seen.add(final_url)
            yield page
            if page.next_url is not None and page.next_url in seen:
                raise MalformedResponse(
                    "The hospital server's paging links go round in a circle; paging stopped.",
                    path=safe_path(page.next_url),
                )
            current, current_params = page.next_url, None


def _check_type(resource_type: str) -> str:
    if not isinstance(resource_type, str) or not _TYPE_RE.match(resource_type):
        raise ValueError(f"not a FHIR resource type: {resource_type!r}")
    return resource_type


def _check_id(resource_id: str) -> str:
    if not isinstance(resource_id, str) or not _ID_RE.match(resource_id):
        raise ValueError("not a valid FHIR id")
    return resource_id

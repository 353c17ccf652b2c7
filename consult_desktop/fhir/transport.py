"""HTTP transport shared by the FHIR client and the authentication flows.

- :func:`build_session`: one ``requests.Session`` with a connection pool sized for the configured
  concurrency. TLS verification is always on: with a custom CA bundle (``ServerConfig.ca_bundle``) that
  bundle is used, otherwise the operating system's trust store through ``truststore.SSLContext`` given to
  the HTTP adapter (no process-wide ``inject_into_ssl``), so hospital and corporate CAs installed on the
  workstation are trusted without shipping certificates. ``REQUESTS_CA_BUNDLE`` / ``CURL_CA_BUNDLE`` are
  ignored: an environment variable never replaces the trust store.
- :class:`HttpTransport`: sends one request with the URL policy (https, or http to loopback only),
  timeouts, retries with exponential backoff and jitter on connection errors and 5xx for idempotent
  requests, ``Retry-After`` on 429/503, redirects followed only within the request's origin (a redirect
  to another server is refused with :class:`OtherHostRefused`, so neither credentials nor the request
  leave it), a single token renewal on 401, and mapping of failures to :mod:`consult_desktop.fhir.errors`.
  JSON answers are read within :mod:`~consult_desktop.fhir.response_limits`.

``sleep``, ``clock`` and ``rand`` are injectable so tests never wait. Methods block: call them from
worker threads. A transport may be shared by several threads (``requests`` pools are thread-safe).
"""

from __future__ import annotations

import logging
import os.path
import random
import ssl
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urljoin

import requests
import truststore
import urllib3
from requests.adapters import HTTPAdapter

from consult_desktop import __version__
from consult_desktop.fhir.concurrency import CancelToken, check_cancel
from consult_desktop.fhir.errors import (
    AuthenticationFailed,
    ConfigurationError,
    FhirError,
    Forbidden,
    Gone,
    InsecureConnectionRefused,
    MalformedResponse,
    NotFound,
    OtherHostRefused,
    RateLimited,
    RequestRejected,
    ServerError,
    ServerUnreachable,
)
from consult_desktop.fhir.response_limits import ResponseLimits, loads_limited, read_limited
from consult_desktop.fhir.retry_policy import RetryPolicy, parse_retry_after
from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.fhir.url_policy import check_url_allowed, host_of, safe_path, same_origin

log = logging.getLogger(__name__)

FHIR_JSON = "application/fhir+json"
Params = Mapping[str, str | Sequence[str]] | Sequence[tuple[str, str]] | None
_REDIRECTS = {301, 302, 303, 307, 308}
_MAX_REDIRECTS = 5
_IDEMPOTENT = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}
_ERROR_BODY_LIMIT = 1024 * 1024


class RequestAuth(Protocol):
    """What sending a request needs from an authentication method (see ``fhir.auth_base.Auth``)."""

    def authorization(self) -> str | None: ...

    def renew(self) -> bool: ...

    def unauthorized_error(self, path: str) -> AuthenticationFailed: ...


class PinnedTrustSession(requests.Session):
    """A session whose certificate verification is exactly what each request asks for: ``requests`` would
    otherwise swap ``verify=True`` for the file named by ``REQUESTS_CA_BUNDLE`` or ``CURL_CA_BUNDLE``."""

    def merge_environment_settings(self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any) -> Any:
        settings = super().merge_environment_settings(url, proxies, stream, verify, cert)
        settings["verify"] = True if verify is None else verify
        return settings


class TruststoreAdapter(HTTPAdapter):
    """An HTTPS adapter verifying certificates against the operating system's trust store."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("ssl_context", truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        proxy_kwargs.setdefault("ssl_context", truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
        return super().proxy_manager_for(proxy, **proxy_kwargs)

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        # requests would point the connection at certifi's bundle; the system store is used instead.
        # Verification itself stays on: the truststore context always verifies.
        if verify is True:
            conn.cert_reqs = "CERT_REQUIRED"
            conn.ca_certs = None
            conn.ca_cert_dir = None
            return
        super().cert_verify(conn, url, verify, cert)


def build_session(config: ServerConfig) -> requests.Session:
    """A pooled session for ``config``: system trust store, or the custom CA bundle when configured."""
    pool_size = max(4, config.max_concurrency + 2)
    session = PinnedTrustSession()
    if config.ca_bundle:
        if not os.path.exists(config.ca_bundle):
            raise ConfigurationError("The CA certificate file set for this server does not exist.")
        https: HTTPAdapter = HTTPAdapter(pool_connections=4, pool_maxsize=pool_size)
    else:
        https = TruststoreAdapter(pool_connections=4, pool_maxsize=pool_size)
    session.mount("https://", https)
    session.mount("http://", HTTPAdapter(pool_connections=2, pool_maxsize=pool_size))
    session.headers["User-Agent"] = f"ConsultDesktop/{__version__}"
    return session


class _HeaderAuth(requests.auth.AuthBase):
    """Sets the Authorization header at prepare time. Always passing an auth object also stops
    ``requests`` from reading credentials from ~/.netrc."""

    def __init__(self, value: str | None) -> None:
        self.value = value

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        if self.value:
            request.headers["Authorization"] = self.value
        return request


class HttpTransport:
    """Sends requests to one FHIR server with the policies described in the module docstring."""

    def __init__(
        self,
        config: ServerConfig,
        session: requests.Session | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        rand: Callable[[], float] = random.random,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.config = config
        self.base_url = config.base_url
        self.session = session if session is not None else build_session(config)
        self.sleep = sleep
        self.clock = clock
        self.rand = rand
        self.retry = retry or RetryPolicy()
        self._verify: bool | str = config.ca_bundle or True
        self._timeout = (config.connect_timeout, config.timeout)
        self.limits = config.response_limits()
        # HTTP requests sent (retries and redirects included), for sync reports and benchmarks.
        self.request_count = 0
        self._count_lock = threading.Lock()

    def count_request(self) -> None:
        with self._count_lock:
            self.request_count += 1

    def resolve(self, url_or_path: str) -> str:
        """An absolute URL: relative paths (``Patient/1``, ``metadata``) are taken from the base URL."""
        if url_or_path[:8].lower().startswith(("http://", "https://")):
            return url_or_path
        return urljoin(self.base_url + "/", url_or_path.lstrip("/"))

    def is_own_origin(self, url: str) -> bool:
        """True when ``url`` has the origin of the FHIR base URL (where our token may go)."""
        return same_origin(url, self.base_url)

    def send(
        self,
        method: str,
        url: str,
        *,
        params: Params = None,
        data: Mapping[str, str] | bytes | None = None,
        headers: Mapping[str, str] | None = None,
        auth: RequestAuth | None = None,
        accept: str = FHIR_JSON,
        stream: bool = False,
        check_status: bool = True,
        cancel: CancelToken | None = None,
    ) -> requests.Response:
        """Send one request and return the final response (after redirects and retries).

        With ``check_status`` (default) a 4xx/5xx raises the matching :class:`FhirError`; otherwise the
        response is returned for the caller to read (token endpoints). ``auth`` is only ever applied
        to the origin of the base URL: passing it with another origin raises
        :class:`InsecureConnectionRefused`. Redirects stay within the origin of ``url``. With ``stream``
        the caller must close the response.
        """
        method = method.upper()
        check_url_allowed(url)
        if auth is not None and not self.is_own_origin(url):
            raise InsecureConnectionRefused(
                f"Refusing to send the access token to {host_of(url)}, which is not the hospital server."
            )
        state = _Exchange(method=method, url=url, origin_url=url, params=params,
                          headers={"Accept": accept, **(headers or {})})
        while True:
            check_cancel(cancel)
            response = self._attempt(state, data, auth, stream, cancel)
            if response is None:
                continue  # a connection failure, retried after a pause
            status = response.status_code
            if status in _REDIRECTS and method in ("GET", "HEAD") and "Location" in response.headers:
                self._redirect(state, response)
                continue
            if status == 401 and auth is not None and check_status:
                response.close()
                if not state.renewed and auth.renew():
                    state.renewed = True
                    continue
                raise auth.unauthorized_error(state.path)
            if self._retry_status(state, response, cancel):
                continue
            if status >= 400 and check_status:
                raise error_for_response(response, state.path, state.retry_after)
            return response

    def _attempt(
        self, state: _Exchange, data: Mapping[str, str] | None, auth: RequestAuth | None, stream: bool,
        cancel: CancelToken | None,
    ) -> requests.Response | None:
        """One HTTP exchange; None when a connection failure will be retried."""
        authorization = auth.authorization() if auth is not None else None
        state.retry_after = None
        self.count_request()
        try:
            response = self.session.request(
                state.method, state.url, params=state.params, data=data, headers=state.headers,
                auth=_HeaderAuth(authorization), timeout=self._timeout, allow_redirects=False, stream=stream,
                verify=self._verify,
            )
        except requests.exceptions.SSLError as exc:
            raise ServerUnreachable(
                f"The secure connection to {host_of(state.url)} could not be verified (certificate "
                "problem). Nothing was sent. Check the date of this computer, or ask for the "
                "hospital's CA certificate.",
                reason="tls",
                path=state.path,
            ) from exc
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                requests.exceptions.ChunkedEncodingError) as exc:
            reason = "timeout" if isinstance(exc, requests.exceptions.Timeout) else "connection"
            if (state.method in _IDEMPOTENT or _nothing_sent(exc)) and state.attempt + 1 < self.retry.max_attempts:
                self._pause(state.method, state.path, reason, state.attempt, None, cancel)
                state.attempt += 1
                return None
            raise _unreachable(state.url, reason, state.path) from exc
        log.debug("%s %s -> %d", state.method, state.path, response.status_code)
        return response

    def _redirect(self, state: _Exchange, response: requests.Response) -> None:
        """Follow a redirect within the request's origin; another server is refused (OtherHostRefused)."""
        response.close()
        state.redirects += 1
        if state.redirects > _MAX_REDIRECTS:
            raise MalformedResponse(f"Too many redirects for {state.path}.", path=state.path)
        target = urljoin(state.url, response.headers["Location"])
        if not same_origin(target, state.origin_url):
            raise OtherHostRefused(
                f"The hospital server redirected {state.path} to another server ({host_of(target)}); it was "
                "not followed.",
                path=state.path,
            )
        check_url_allowed(target)
        state.url = target
        state.params = None  # the Location already carries its query

    def _retry_status(self, state: _Exchange, response: requests.Response, cancel: CancelToken | None) -> bool:
        """After 429 or 5xx: True when the request will be sent again (after a pause)."""
        status = response.status_code
        if status != 429 and status < 500:
            return False
        if status in (429, 503):
            state.retry_after = parse_retry_after(response.headers.get("Retry-After"), self.clock())
        if (state.method in _IDEMPOTENT or status == 429) and state.attempt + 1 < self.retry.max_attempts:
            response.close()
            self._pause(state.method, state.path, f"HTTP {status}", state.attempt, state.retry_after, cancel)
            state.attempt += 1
            return True
        return False

    def get_json(
        self,
        url: str,
        *,
        params: Params = None,
        auth: RequestAuth | None = None,
        accept: str = FHIR_JSON,
        cancel: CancelToken | None = None,
    ) -> tuple[dict[str, Any], str]:
        """GET a JSON object; returns ``(object, final_url)``. Non-object JSON is MalformedResponse; an
        answer past the response limits is ResponseLimitExceeded (read no further than the byte limit)."""
        value, _raw, final_url = self.get_json_body(url, params=params, auth=auth, accept=accept, cancel=cancel)
        return value, final_url

    def get_json_body(
        self,
        url: str,
        *,
        params: Params = None,
        auth: RequestAuth | None = None,
        accept: str = FHIR_JSON,
        cancel: CancelToken | None = None,
    ) -> tuple[dict[str, Any], bytes, str]:
        """As :meth:`get_json`, with the body's bytes as received: ``(object, body, final_url)``."""
        response = self.send("GET", url, params=params, auth=auth, accept=accept, stream=True, cancel=cancel)
        value, raw = read_json_object(response, self.limits, cancel)
        return value, raw, response.url or url

    def _pause(
        self,
        method: str,
        path: str,
        reason: str,
        attempt: int,
        retry_after: float | None,
        cancel: CancelToken | None,
    ) -> None:
        if retry_after is not None:
            delay = self.retry.capped(retry_after)
        else:
            delay = self.retry.backoff(attempt, self.rand)
        log.info(
            "retrying %s %s after %s (attempt %d of %d, waiting %.1f s)",
            method, path, reason, attempt + 2, self.retry.max_attempts, delay,
        )
        if cancel is not None and self.sleep is time.sleep:
            cancel.wait(delay)  # the real clock: let Cancel interrupt a long wait
        else:
            self.sleep(delay)


def parse_json_object(
    response: requests.Response, limits: ResponseLimits | None = None, cancel: CancelToken | None = None
) -> dict[str, Any]:
    """The JSON object in ``response`` read within ``limits`` (closes the response); MalformedResponse
    (path only, never the body) otherwise."""
    return read_json_object(response, limits, cancel)[0]


def read_json_object(
    response: requests.Response, limits: ResponseLimits | None = None, cancel: CancelToken | None = None
) -> tuple[dict[str, Any], bytes]:
    """As :func:`parse_json_object`, with the body's bytes."""
    path = safe_path(response.url or "")
    limits = limits or ResponseLimits()
    try:
        raw = bytes(read_limited(response, limits.max_bytes, path, cancel))
    finally:
        response.close()
    try:
        value = loads_limited(raw, path, limits)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedResponse(
            f"The hospital server sent an unreadable answer for {path} (not valid JSON).",
            status=response.status_code,
            path=path,
        ) from exc
    if not isinstance(value, dict):
        raise MalformedResponse(
            f"The hospital server sent an unexpected answer for {path} (not a JSON object).",
            status=response.status_code,
            path=path,
        )
    return value, raw


def error_for_response(
    response: requests.Response, path: str, retry_after: float | None = None, *, read_body: bool = True
) -> FhirError:
    """The :class:`FhirError` for a 4xx/5xx response (closes the response)."""
    status = response.status_code
    try:
        codes = _issue_codes(response) if read_body else ()
    finally:
        response.close()
    if status == 401:
        return AuthenticationFailed(
            "The hospital server requires authentication for this request; check the server settings.",
            status=401, path=path,
        )
    if status == 403:
        return Forbidden(
            f"The hospital server refused access to {path} (403). The patient may no longer be in your "
            "care, or your account lacks this permission.",
            status=403, path=path,
        )
    if status == 404:
        return NotFound(f"Not found on the hospital server: {path}.", status=404, path=path)
    if status == 410:
        return Gone(f"Deleted on the hospital server: {path}.", status=410, path=path)
    if status == 429:
        return RateLimited(
            "The hospital server is limiting requests (429); try again later.",
            retry_after=retry_after, path=path,
        )
    if status >= 500:
        return ServerError(
            f"The hospital server had an internal problem (HTTP {status}) answering {path}; try again "
            "later.",
            status=status, path=path,
        )
    detail = f" ({', '.join(codes)})" if codes else ""
    return RequestRejected(
        f"The hospital server rejected the request for {path} (HTTP {status}){detail}.",
        status=status, path=path, issue_codes=codes,
    )


def _issue_codes(response: requests.Response) -> tuple[str, ...]:
    """OperationOutcome issue codes of an error response (at most the first MiB of it is read)."""
    try:
        raw = read_limited(response, _ERROR_BODY_LIMIT, "", None)
        outcome = loads_limited(raw, "", ResponseLimits(max_containers=10_000))
    except (ValueError, TypeError, FhirError, requests.exceptions.RequestException):
        return ()
    if not isinstance(outcome, dict) or outcome.get("resourceType") != "OperationOutcome":
        return ()
    issues = outcome.get("issue")
    if not isinstance(issues, list):
        return ()
    codes = [i.get("code") for i in issues if isinstance(i, dict) and isinstance(i.get("code"), str)]
    return tuple(dict.fromkeys(codes))[:5]


def _nothing_sent(exc: BaseException) -> bool:
    """True when the connection failed before the request went out (safe to retry any method)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, urllib3.exceptions.NewConnectionError)


def _unreachable(url: str, reason: str, path: str) -> ServerUnreachable:
    host = host_of(url)
    if reason == "timeout":
        message = f"The hospital server ({host}) did not answer in time. The local data is unchanged."
    else:
        message = (
            f"Could not reach the hospital server ({host}): the network may be down, or the server "
            "offline. The local data is unchanged."
        )
    return ServerUnreachable(message, reason=reason, path=path)


@dataclass
class _Exchange:
    """The state of one logical request across its redirects and retries."""

    method: str
    url: str
    origin_url: str  # redirects must stay within this URL's origin
    params: Params
    headers: dict[str, str]
    attempt: int = 0
    redirects: int = 0
    renewed: bool = False
    retry_after: float | None = None

    @property
    def path(self) -> str:
        return safe_path(self.url)

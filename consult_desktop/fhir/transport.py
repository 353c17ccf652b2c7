"""HTTP transport shared by the FHIR client and the authentication flows.

- :func:`build_session`: one ``requests.Session`` with a connection pool sized for the configured
  concurrency. TLS verification is always on: with a custom CA bundle (``ServerConfig.ca_bundle``) that
  bundle is used, otherwise the operating system's trust store through ``truststore.SSLContext`` given to
  the HTTP adapter (no process-wide ``inject_into_ssl``), so hospital and corporate CAs installed on the
  workstation are trusted without shipping certificates.
- :class:`HttpTransport`: sends one request with the URL policy (https, or http to loopback only),
  timeouts, retries with exponential backoff and jitter on connection errors and 5xx for idempotent
  requests, ``Retry-After`` on 429/503, manual redirects (credentials never follow to another origin), a
  single token renewal on 401, and mapping of failures to :mod:`consult_desktop.fhir.errors`.

``sleep``, ``clock`` and ``rand`` are injectable so tests never wait. Methods block: call them from
worker threads. A transport may be shared by several threads (``requests`` pools are thread-safe).
"""

from __future__ import annotations

import json
import logging
import random
import ssl
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any
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
    RateLimited,
    RequestRejected,
    ServerError,
    ServerUnreachable,
)
from consult_desktop.fhir.retry_policy import RetryPolicy, parse_retry_after
from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.fhir.url_policy import check_url_allowed, host_of, safe_path, same_origin

if TYPE_CHECKING:
    from consult_desktop.fhir.auth import Auth

log = logging.getLogger(__name__)

FHIR_JSON = "application/fhir+json"
Params = Mapping[str, str | Sequence[str]] | Sequence[tuple[str, str]] | None
_REDIRECTS = {301, 302, 303, 307, 308}
_MAX_REDIRECTS = 5
_IDEMPOTENT = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}


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
    session = requests.Session()
    if config.ca_bundle:
        import os.path

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
        # HTTP requests sent (retries and redirects included), for sync reports and benchmarks.
        self.request_count = 0
        self._count_lock = threading.Lock()

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
        auth: Auth | None = None,
        accept: str = FHIR_JSON,
        stream: bool = False,
        check_status: bool = True,
        cancel: CancelToken | None = None,
    ) -> requests.Response:
        """Send one request and return the final response (after redirects and retries).

        With ``check_status`` (default) a 4xx/5xx raises the matching :class:`FhirError`; otherwise the
        response is returned for the caller to read (token endpoints). ``auth`` is only ever applied
        to the origin of the base URL: passing it with another origin raises
        :class:`InsecureConnectionRefused`. With ``stream`` the caller must close the response.
        """
        method = method.upper()
        idempotent = method in _IDEMPOTENT
        check_url_allowed(url)
        if auth is not None and not self.is_own_origin(url):
            raise InsecureConnectionRefused(
                f"Refusing to send the access token to {host_of(url)}, which is not the hospital server."
            )
        send_headers = {"Accept": accept, **(headers or {})}
        attempt = 0
        redirects = 0
        renewed = False
        current = url
        current_params = params
        while True:
            check_cancel(cancel)
            use_auth = auth if (auth is not None and self.is_own_origin(current)) else None
            authorization = use_auth.authorization() if use_auth is not None else None
            path = safe_path(current)
            retry_after: float | None = None
            with self._count_lock:
                self.request_count += 1
            try:
                response = self.session.request(
                    method,
                    current,
                    params=current_params,
                    data=data,
                    headers=send_headers,
                    auth=_HeaderAuth(authorization),
                    timeout=self._timeout,
                    allow_redirects=False,
                    stream=stream,
                    verify=self._verify,
                )
            except requests.exceptions.SSLError as exc:
                raise ServerUnreachable(
                    f"The secure connection to {host_of(current)} could not be verified (certificate "
                    "problem). Nothing was sent. Check the date of this computer, or ask for the "
                    "hospital's CA certificate.",
                    reason="tls",
                    path=path,
                ) from exc
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                    requests.exceptions.ChunkedEncodingError) as exc:
                reason = "timeout" if isinstance(exc, requests.exceptions.Timeout) else "connection"
                if (idempotent or _nothing_sent(exc)) and attempt + 1 < self.retry.max_attempts:
                    self._pause(method, path, reason, attempt, None, cancel)
                    attempt += 1
                    continue
                raise _unreachable(current, reason, path) from exc

            status = response.status_code
            log.debug("%s %s -> %d", method, path, status)
            if status in _REDIRECTS and method in ("GET", "HEAD") and "Location" in response.headers:
                response.close()
                redirects += 1
                if redirects > _MAX_REDIRECTS:
                    raise MalformedResponse(f"Too many redirects for {path}.", path=path)
                target = urljoin(current, response.headers["Location"])
                check_url_allowed(target)
                if not same_origin(target, current):
                    send_headers.pop("Authorization", None)
                current = target
                current_params = None  # the Location already carries its query
                continue
            if status == 401 and use_auth is not None and check_status:
                response.close()
                if not renewed and use_auth.renew():
                    renewed = True
                    continue
                raise use_auth.unauthorized_error(path)
            if status == 429 or status >= 500:
                if status in (429, 503):
                    retry_after = parse_retry_after(response.headers.get("Retry-After"), self.clock())
                if (idempotent or status == 429) and attempt + 1 < self.retry.max_attempts:
                    response.close()
                    self._pause(method, path, f"HTTP {status}", attempt, retry_after, cancel)
                    attempt += 1
                    continue
            if status >= 400 and check_status:
                raise error_for_response(response, path, retry_after, read_body=not stream)
            return response

    def get_json(
        self,
        url: str,
        *,
        params: Params = None,
        auth: Auth | None = None,
        accept: str = FHIR_JSON,
        cancel: CancelToken | None = None,
    ) -> tuple[dict[str, Any], str]:
        """GET a JSON object; returns ``(object, final_url)``. Non-object JSON is MalformedResponse."""
        response = self.send("GET", url, params=params, auth=auth, accept=accept, cancel=cancel)
        return parse_json_object(response), response.url or url

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


def parse_json_object(response: requests.Response) -> dict[str, Any]:
    """The JSON object in ``response``; MalformedResponse (path only, never the body) otherwise."""
    path = safe_path(response.url or "")
    try:
        value = json.loads(response.content)
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
    return value


def error_for_response(
    response: requests.Response, path: str, retry_after: float | None = None, *, read_body: bool = True
) -> FhirError:
    """The :class:`FhirError` for a 4xx/5xx response (closes the response)."""
    status = response.status_code
    codes = _issue_codes(response, read_body)
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


def _issue_codes(response: requests.Response, read_body: bool) -> tuple[str, ...]:
    """OperationOutcome issue codes of an error response (the body is read only when not streamed)."""
    if not read_body:
        return ()
    try:
        outcome = json.loads(response.content)
    except (ValueError, TypeError, requests.exceptions.RequestException):
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

"""Authentication for FHIR requests: the :class:`Auth` protocol, simple kinds, token endpoint helpers.

An ``Auth`` object supplies the ``Authorization`` header value for requests to the FHIR server and knows
how to react to a 401. Kinds:

- :class:`NoAuth` (servers on this computer only), :class:`BearerAuth` (a static token): here;
- :class:`~consult_desktop.fhir.client_credentials.ClientCredentialsAuth` (client secret or
  ``private_key_jwt``);
- :class:`~consult_desktop.fhir.smart_auth.SmartAuth` (SMART App Launch, authorization code + PKCE).

:func:`make_auth` builds the right one from a :class:`ServerConfig`. The :class:`FhirClient` calls
``auth.bind(transport)`` so token requests share its session and policies.

Tokens persist through a :class:`TokenStore` (implemented by the encrypted store; :class:`MemoryTokenStore`
for tests and the demo). The dict saved holds ``access_token``, ``token_type``, ``expires_at`` (Unix
time or None), ``refresh_token`` and ``scope`` when the server sent them.

Methods that may contact a token endpoint block: call them from worker threads. Auth objects are
thread-safe.
"""

from __future__ import annotations

import base64
import threading
import webbrowser
from collections.abc import Callable
from typing import Any, Protocol
from urllib.parse import quote_plus

from consult_desktop.fhir.capabilities import (
    SmartConfiguration,
    parse_capability_statement,
    parse_smart_configuration,
)
from consult_desktop.fhir.errors import (
    AuthenticationFailed,
    ConfigurationError,
    FhirError,
    MalformedResponse,
    NotFound,
)
from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.fhir.transport import HttpTransport, error_for_response, parse_json_object
from consult_desktop.fhir.url_policy import safe_path

SMART_CONFIGURATION_PATH = ".well-known/smart-configuration"
# Renew access tokens this many seconds before they expire, to absorb clock skew and request time.
EXPIRY_MARGIN = 60.0


class Auth(Protocol):
    """What the transport needs from an authentication method."""

    def bind(self, transport: HttpTransport) -> None:
        """Give the method the transport to reach token endpoints (called by FhirClient)."""

    def authorization(self) -> str | None:
        """The ``Authorization`` header value for the next request (may fetch a token; blocks)."""

    def renew(self) -> bool:
        """After a 401: drop the current token; True when a retry with a new token may succeed."""

    def unauthorized_error(self, path: str) -> AuthenticationFailed:
        """The error to raise when the server still answers 401."""


class TokenStore(Protocol):
    """Persistence of OAuth tokens in the encrypted profile."""

    def load(self) -> dict[str, Any] | None: ...

    def save(self, tokens: dict[str, Any]) -> None: ...

    def clear(self) -> None: ...


class MemoryTokenStore:
    """A TokenStore kept in memory only (tests, demo, one-off command line runs)."""

    def __init__(self, tokens: dict[str, Any] | None = None) -> None:
        self._tokens = dict(tokens) if tokens else None
        self._lock = threading.Lock()

    def load(self) -> dict[str, Any] | None:
        with self._lock:
            return dict(self._tokens) if self._tokens else None

    def save(self, tokens: dict[str, Any]) -> None:
        with self._lock:
            self._tokens = dict(tokens)

    def clear(self) -> None:
        with self._lock:
            self._tokens = None


class NoAuth:
    """No credentials (only accepted by ServerConfig for servers on this computer)."""

    def bind(self, transport: HttpTransport) -> None:
        pass

    def authorization(self) -> str | None:
        return None

    def renew(self) -> bool:
        return False

    def unauthorized_error(self, path: str) -> AuthenticationFailed:
        return AuthenticationFailed(
            "The server requires authentication; choose an authentication method in the server settings.",
            status=401, path=path,
        )


class BearerAuth:
    """A static bearer token given by the hospital."""

    def __init__(self, token: str) -> None:
        if not token:
            raise ConfigurationError("No access token is set for this server.")
        self._token = token

    def __repr__(self) -> str:
        return "BearerAuth(<hidden>)"

    def bind(self, transport: HttpTransport) -> None:
        pass

    def authorization(self) -> str | None:
        return f"Bearer {self._token}"

    def renew(self) -> bool:
        return False

    def unauthorized_error(self, path: str) -> AuthenticationFailed:
        return AuthenticationFailed(
            "The hospital server refused the access token (expired or revoked). Ask the hospital for a "
            "new token and update the server settings.",
            status=401, path=path,
        )


def basic_client_auth(client_id: str, client_secret: str) -> str:
    """``client_secret_basic`` header value: both parts form-encoded first (RFC 6749 section 2.3.1)."""
    raw = f"{quote_plus(client_id)}:{quote_plus(client_secret)}".encode()
    return "Basic " + base64.b64encode(raw).decode("ascii")


def request_token(
    transport: HttpTransport,
    token_url: str,
    form: dict[str, str],
    *,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """POST ``form`` to a token endpoint and return the token response (with ``expires_at`` added).

    Raises AuthenticationFailed (``oauth_error`` set) when the endpoint refuses, ServerUnreachable /
    ServerError / RateLimited for transport problems, MalformedResponse for an unreadable answer.
    """
    response = transport.send(
        "POST", token_url, data=form, headers=headers, accept="application/json", check_status=False
    )
    path = safe_path(token_url)
    status = response.status_code
    if status in (400, 401, 403):
        error = _oauth_error(response)
        raise AuthenticationFailed(
            f"The hospital's sign-in service refused the request ({error or f'HTTP {status}'}).",
            status=status, path=path, oauth_error=error,
        )
    if status >= 400:
        raise error_for_response(response, path)
    data = parse_json_object(response)
    if not isinstance(data.get("access_token"), str) or not data["access_token"]:
        raise MalformedResponse("The hospital's sign-in service sent no access token.", path=path)
    expires_in = data.get("expires_in")
    if isinstance(expires_in, str) and expires_in.isdigit():
        expires_in = int(expires_in)
    valid = isinstance(expires_in, int | float) and not isinstance(expires_in, bool) and expires_in > 0
    data["expires_at"] = transport.clock() + float(expires_in) if valid else None
    return data


def token_is_fresh(tokens: dict[str, Any] | None, now: float) -> bool:
    """True when ``tokens`` holds an access token not within EXPIRY_MARGIN of its expiry."""
    if not tokens or not tokens.get("access_token"):
        return False
    expires_at = tokens.get("expires_at")
    return expires_at is None or (isinstance(expires_at, int | float) and expires_at - EXPIRY_MARGIN > now)


def fetch_smart_configuration(transport: HttpTransport) -> SmartConfiguration:
    """GET ``/.well-known/smart-configuration`` (no credentials needed). NotFound when not offered."""
    data, _ = transport.get_json(
        transport.resolve(SMART_CONFIGURATION_PATH), accept="application/json"
    )
    return parse_smart_configuration(data)


def discover_endpoints(transport: HttpTransport) -> SmartConfiguration:
    """OAuth endpoints from the SMART configuration, else from the CapabilityStatement's security."""
    try:
        smart = fetch_smart_configuration(transport)
        if smart.token_endpoint:
            return smart
    except (NotFound, MalformedResponse):
        pass
    data, _ = transport.get_json(transport.resolve("metadata"))
    caps = parse_capability_statement(data)
    if not caps.token_url:
        raise ConfigurationError(
            "The hospital server does not publish its sign-in endpoints; set the token URL (and "
            "authorization URL) in the server settings."
        )
    return SmartConfiguration(authorization_endpoint=caps.authorize_url, token_endpoint=caps.token_url)


def make_auth(
    config: ServerConfig,
    *,
    token_store: TokenStore | None = None,
    browser: Callable[[str], Any] = webbrowser.open,
) -> Auth:
    """The Auth object for ``config.auth_kind``; ConfigurationError when a needed secret is missing.

    ``token_store`` keeps SMART refresh tokens (required for ``"smart"``); ``browser`` opens the
    sign-in page (injectable for tests).
    """
    kind = config.auth_kind
    if kind == "none":
        return NoAuth()
    if kind == "bearer":
        return BearerAuth(config.token or "")
    if kind == "client-credentials":
        from consult_desktop.fhir.client_credentials import ClientCredentialsAuth

        return ClientCredentialsAuth(config)
    if kind == "smart":
        from consult_desktop.fhir.smart_auth import SmartAuth

        if token_store is None:
            raise ConfigurationError("SMART sign-in needs a token store to keep the sign-in.")
        return SmartAuth(config, token_store, browser=browser)
    raise ConfigurationError(f"Unknown authentication kind {kind!r}.")


def _oauth_error(response: Any) -> str | None:
    try:
        data = response.json()
    except (ValueError, FhirError):
        return None
    finally:
        response.close()
    error = data.get("error") if isinstance(data, dict) else None
    # Only well-formed error codes (RFC 6749 5.2: printable ASCII) make it into messages.
    if isinstance(error, str) and 0 < len(error) <= 64 and error.replace("_", "").isalnum():
        return error
    return None

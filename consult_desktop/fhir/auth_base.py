"""The :class:`Auth` and :class:`TokenStore` protocols, and the simple kinds of authentication.

An ``Auth`` object supplies the ``Authorization`` header value for requests to the FHIR server and knows
how to react to a 401. :class:`NoAuth` (servers on this computer only) and :class:`BearerAuth` (a static
token) are here; the OAuth kinds are in ``client_credentials`` and ``smart_auth``; ``auth.make_auth`` picks
one. Tokens persist through a :class:`TokenStore` (the encrypted store; :class:`MemoryTokenStore` for tests
and the demo). Thread-safe; methods that may contact a token endpoint block (worker threads only).
"""

from __future__ import annotations

import threading
from typing import Any, Protocol

from consult_desktop.fhir.errors import AuthenticationFailed, ConfigurationError
from consult_desktop.fhir.transport import HttpTransport


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

"""SMART App Launch, standalone launch for a native app: authorization code with PKCE.

Flow of :meth:`SmartAuth.sign_in` (SMART App Launch 2.x; OAuth 2.0 for native apps, RFC 8252;
PKCE, RFC 7636):

1. Endpoints come from the settings, else ``/.well-known/smart-configuration``.
2. A one-shot listener opens on ``http://127.0.0.1:<random port>/callback``.
3. The system browser (``webbrowser.open``, injectable) shows the hospital's sign-in page with
   ``response_type=code``, ``client_id``, ``redirect_uri``, ``scope`` (default
   ``openid fhirUser offline_access user/*.rs``), a random ``state``, ``aud`` = the FHIR base URL, and
   ``code_challenge`` = BASE64URL(SHA-256(verifier)) with ``code_challenge_method=S256``.
4. The redirect must carry the same ``state`` (else the answer is refused); the code is exchanged with
   the ``code_verifier`` at the token endpoint.
5. Tokens are saved in the :class:`TokenStore` (the encrypted profile).

Afterwards :meth:`authorization` uses the access token and refreshes it with the refresh token when it
expires or after a 401. A new refresh token in the refresh answer replaces the old one (rotation). When
the refresh token is refused (``invalid_grant``: expired or revoked) the stored tokens are cleared and
:class:`SignInRequired` tells the user to sign in again.

``sign_in`` blocks until the browser comes back (up to ``sign_in_timeout`` seconds) and must run on a
worker thread. The object is thread-safe.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import webbrowser
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from consult_desktop.fhir.auth_base import TokenStore
from consult_desktop.fhir.client_credentials import client_authentication
from consult_desktop.fhir.concurrency import CancelToken
from consult_desktop.fhir.errors import AuthenticationFailed, ConfigurationError, SignInRequired
from consult_desktop.fhir.loopback_redirect import LoopbackRedirectListener
from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.fhir.token_endpoint import discover_endpoints, request_token, token_is_fresh
from consult_desktop.fhir.transport import HttpTransport
from consult_desktop.fhir.url_policy import check_url_allowed

SIGN_IN_AGAIN = "Your sign-in to the hospital has expired or was revoked. Please sign in again."
_KEPT_FIELDS = ("access_token", "token_type", "expires_at", "scope", "patient", "refresh_token")


def make_code_verifier() -> str:
    """A PKCE code verifier: 86 characters from the unreserved set (RFC 7636 section 4.1)."""
    return secrets.token_urlsafe(64)


def code_challenge(verifier: str) -> str:
    """The S256 code challenge: BASE64URL(SHA-256(ASCII(verifier))) without padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class SmartAuth:
    """SMART standalone launch with PKCE, refresh-token rotation and a clear 'sign in again'."""

    def __init__(
        self,
        config: ServerConfig,
        token_store: TokenStore,
        *,
        browser: Callable[[str], Any] = webbrowser.open,
        sign_in_timeout: float = 300.0,
    ) -> None:
        self._config = config
        self._store = token_store
        self._browser = browser
        self._sign_in_timeout = sign_in_timeout
        self._transport: HttpTransport | None = None
        self._authorize_url = config.authorize_url or None
        self._token_url = config.token_url or None
        self._tokens: dict[str, Any] | None = None
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"SmartAuth(client_id={self._config.client_id!r})"

    def bind(self, transport: HttpTransport) -> None:
        self._transport = transport

    @property
    def signed_in(self) -> bool:
        """True when tokens are available (a refresh may still be refused by the server)."""
        with self._lock:
            tokens = self._current()
            return bool(tokens and (tokens.get("refresh_token") or tokens.get("access_token")))

    def sign_in(self, cancel: CancelToken | None = None, timeout: float | None = None) -> None:
        """Run the interactive sign-in in the system browser and save the tokens (blocks)."""
        transport = self._require_transport()
        authorize_url, token_url = self._endpoints(transport, need_authorize=True)
        verifier = make_code_verifier()
        state = secrets.token_urlsafe(32)
        with LoopbackRedirectListener(state) as listener:
            query = {
                "response_type": "code",
                "client_id": self._config.client_id,
                "redirect_uri": listener.redirect_uri,
                "scope": self._config.effective_scope,
                "state": state,
                "aud": self._config.base_url,
                "code_challenge": code_challenge(verifier),
                "code_challenge_method": "S256",
            }
            separator = "&" if "?" in authorize_url else "?"
            if self._browser(authorize_url + separator + urlencode(query)) is False:
                raise AuthenticationFailed(
                    "The web browser could not be opened for the sign-in. Check that a default browser "
                    "is set on this computer."
                )
            result = listener.wait(timeout if timeout is not None else self._sign_in_timeout, cancel)
            redirect_uri = listener.redirect_uri
        if result.error == "state_mismatch":
            raise AuthenticationFailed(
                "The sign-in answer did not belong to this sign-in request (state mismatch) and was "
                "refused. Please try again."
            )
        if result.error or not result.code:
            raise AuthenticationFailed(
                f"The hospital did not complete the sign-in ({result.error}).", oauth_error=result.error
            )
        form = {
            "grant_type": "authorization_code",
            "code": result.code,
            "redirect_uri": redirect_uri,
            "code_verifier": verifier,
        }
        extra, headers = client_authentication(self._config, token_url, transport.clock())
        form.update(extra)
        tokens = request_token(transport, token_url, form, headers=headers)
        with self._lock:
            self._save(tokens, previous=None)

    def sign_out(self) -> None:
        """Forget the tokens here and in the store."""
        with self._lock:
            self._tokens = None
            self._store.clear()

    def authorization(self) -> str | None:
        transport = self._require_transport()
        with self._lock:
            tokens = self._current()
            if not token_is_fresh(tokens, transport.clock()):
                tokens = self._refresh(transport, tokens)
            assert tokens is not None
            return f"Bearer {tokens['access_token']}"

    def renew(self) -> bool:
        with self._lock:
            tokens = self._current()
            if not tokens or not tokens.get("refresh_token"):
                return False
            tokens = dict(tokens)
            tokens.pop("access_token", None)
            self._tokens = tokens
            return True

    def unauthorized_error(self, path: str) -> AuthenticationFailed:
        return SignInRequired(SIGN_IN_AGAIN, status=401, path=path)

    def _refresh(self, transport: HttpTransport, tokens: dict[str, Any] | None) -> dict[str, Any]:
        refresh_token = tokens.get("refresh_token") if tokens else None
        if not isinstance(refresh_token, str) or not refresh_token:
            raise SignInRequired("Please sign in to the hospital to download records.")
        _, token_url = self._endpoints(transport, need_authorize=False)
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
        extra, headers = client_authentication(self._config, token_url, transport.clock())
        form.update(extra)
        try:
            answer = request_token(transport, token_url, form, headers=headers)
        except AuthenticationFailed as exc:
            if exc.oauth_error == "invalid_grant":
                self._tokens = None
                self._store.clear()
                raise SignInRequired(SIGN_IN_AGAIN, status=exc.status, path=exc.path,
                                     oauth_error="invalid_grant") from None
            raise
        return self._save(answer, previous=tokens)

    def _save(self, answer: dict[str, Any], previous: dict[str, Any] | None) -> dict[str, Any]:
        tokens = {k: answer[k] for k in _KEPT_FIELDS if answer.get(k) is not None}
        if "refresh_token" not in tokens and previous and previous.get("refresh_token"):
            tokens["refresh_token"] = previous["refresh_token"]  # no rotation: keep the old one
        self._tokens = tokens
        self._store.save(dict(tokens))
        return tokens

    def _current(self) -> dict[str, Any] | None:
        if self._tokens is None:
            self._tokens = self._store.load()
        return self._tokens

    def _endpoints(self, transport: HttpTransport, need_authorize: bool) -> tuple[str, str]:
        if self._token_url is None or (need_authorize and self._authorize_url is None):
            smart = discover_endpoints(transport)
            self._token_url = self._token_url or smart.token_endpoint
            self._authorize_url = self._authorize_url or smart.authorization_endpoint
        if not self._token_url or (need_authorize and not self._authorize_url):
            raise ConfigurationError(
                "The hospital server does not publish its sign-in endpoints; set them in the settings."
            )
        if self._authorize_url:
            check_url_allowed(self._authorize_url)
        return self._authorize_url or "", self._token_url

    def _require_transport(self) -> HttpTransport:
        if self._transport is None:
            raise RuntimeError("SmartAuth must be bound to a transport (FhirClient does this)")
        return self._transport

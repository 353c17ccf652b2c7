"""OAuth 2.0 client credentials grant, for practice servers and unattended syncs.

Client authentication (``ServerConfig.client_auth``):

- ``client_secret_basic``: HTTP Basic with the form-encoded id and secret (RFC 6749 section 2.3.1);
- ``client_secret_post``: ``client_id`` and ``client_secret`` in the form body;
- ``private_key_jwt``: as in SMART Backend Services (SMART App Launch 2.x): a JWT signed RS384 or
  ES384 with the client's private key, header ``kid`` (the key id registered with the hospital),
  claims ``iss`` = ``sub`` = client id, ``aud`` = token URL, a unique ``jti``, ``iat`` and ``exp`` no
  more than five minutes ahead; sent as ``client_assertion`` with
  ``client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`` (RFC 7523).

Access tokens are cached in memory until shortly before they expire; there is no refresh token in this
grant (a new token is simply requested). Thread-safe; token requests block (worker threads only).
"""

from __future__ import annotations

import secrets
import threading
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from consult_desktop.fhir.errors import AuthenticationFailed, ConfigurationError
from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.fhir.token_endpoint import basic_client_auth, discover_endpoints, request_token, token_is_fresh
from consult_desktop.fhir.transport import HttpTransport

JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
ASSERTION_LIFETIME = 300  # seconds; SMART Backend Services allows at most five minutes


def build_client_assertion(
    client_id: str,
    token_url: str,
    private_key_pem: str,
    key_id: str,
    now: float,
    lifetime: int = ASSERTION_LIFETIME,
) -> str:
    """A signed client assertion JWT (RS384 for RSA keys, ES384 for EC P-384 keys).

    Raises ConfigurationError when the key cannot be used (the message never contains key material).
    """
    if not 0 < lifetime <= ASSERTION_LIFETIME:
        raise ValueError("the assertion lifetime must be between 1 and 300 seconds")
    try:
        key = serialization.load_pem_private_key(private_key_pem.encode("utf-8"), password=None)
    except (ValueError, TypeError) as exc:
        raise ConfigurationError(
            "The private key could not be read: an unencrypted PEM RSA or EC (P-384) key is expected."
        ) from exc
    if isinstance(key, rsa.RSAPrivateKey):
        algorithm = "RS384"
    elif isinstance(key, ec.EllipticCurvePrivateKey) and isinstance(key.curve, ec.SECP384R1):
        algorithm = "ES384"
    else:
        raise ConfigurationError("The private key must be RSA (RS384) or EC on curve P-384 (ES384).")
    issued = int(now)
    claims = {
        "iss": client_id,
        "sub": client_id,
        "aud": token_url,
        "jti": secrets.token_urlsafe(24),
        "iat": issued,
        "exp": issued + lifetime,
    }
    headers = {"typ": "JWT", "kid": key_id} if key_id else {"typ": "JWT"}
    return jwt.encode(claims, key, algorithm=algorithm, headers=headers)


def client_authentication(
    config: ServerConfig, token_url: str, now: float
) -> tuple[dict[str, str], dict[str, str]]:
    """Form fields and headers authenticating the client at ``token_url``: ``(form, headers)``.

    Without a secret or a key the client is public and only ``client_id`` is sent (SMART public apps).
    """
    if config.client_auth == "private_key_jwt" and config.private_key_pem:
        assertion = build_client_assertion(
            config.client_id, token_url, config.private_key_pem, config.key_id, now
        )
        return {"client_assertion_type": JWT_BEARER, "client_assertion": assertion}, {}
    if config.client_secret and config.client_auth == "client_secret_post":
        return {"client_id": config.client_id, "client_secret": config.client_secret}, {}
    if config.client_secret:
        return {}, {"Authorization": basic_client_auth(config.client_id, config.client_secret)}
    return {"client_id": config.client_id}, {}


class ClientCredentialsAuth:
    """Fetches and caches access tokens with the client credentials grant."""

    def __init__(self, config: ServerConfig) -> None:
        method = config.client_auth
        if method in ("client_secret_basic", "client_secret_post") and not config.client_secret:
            raise ConfigurationError("No client secret is set for this server.")
        if method == "private_key_jwt" and not config.private_key_pem:
            raise ConfigurationError("No private key is set for this server.")
        self._config = config
        self._transport: HttpTransport | None = None
        self._token_url = config.token_url or None
        self._tokens: dict[str, Any] | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"ClientCredentialsAuth(client_id={self._config.client_id!r})"

    def bind(self, transport: HttpTransport) -> None:
        self._transport = transport

    def authorization(self) -> str | None:
        transport = self._require_transport()
        with self._lock:
            if not token_is_fresh(self._tokens, transport.clock()):
                self._tokens = self._fetch(transport)
            assert self._tokens is not None
            return f"Bearer {self._tokens['access_token']}"

    def renew(self) -> bool:
        with self._lock:
            self._tokens = None
        return True

    def unauthorized_error(self, path: str) -> AuthenticationFailed:
        return AuthenticationFailed(
            "The hospital server refused the access token obtained with this program's client "
            "credentials. Check the client registration with the hospital.",
            status=401, path=path,
        )

    def _fetch(self, transport: HttpTransport) -> dict[str, Any]:
        config = self._config
        token_url = self._resolve_token_url(transport)
        form = {"grant_type": "client_credentials"}
        if config.effective_scope:
            form["scope"] = config.effective_scope
        extra, headers = client_authentication(config, token_url, transport.clock())
        form.update(extra)
        return request_token(transport, token_url, form, headers=headers)

    def _resolve_token_url(self, transport: HttpTransport) -> str:
        if self._token_url is None:
            endpoints = discover_endpoints(transport)
            self._token_url = endpoints.token_endpoint
        if not self._token_url:
            raise ConfigurationError("No token URL is known for this server.")
        return self._token_url

    def _require_transport(self) -> HttpTransport:
        if self._transport is None:
            raise RuntimeError("ClientCredentialsAuth must be bound to a transport (FhirClient does this)")
        return self._transport

"""Authentication for FHIR requests: :func:`make_auth` builds the right kind from a :class:`ServerConfig`.

Kinds: :class:`NoAuth` (servers on this computer only), :class:`BearerAuth` (a static token), in
``auth_base``; :class:`ClientCredentialsAuth` (client secret or ``private_key_jwt``) in
``client_credentials``; :class:`SmartAuth` (SMART App Launch, authorization code + PKCE) in ``smart_auth``.
Token endpoint helpers are in ``token_endpoint``. The :class:`FhirClient` calls ``auth.bind(transport)``
so token requests share its session and policies.

The dict a :class:`TokenStore` saves holds ``access_token``, ``token_type``, ``expires_at`` (Unix time or
None), ``refresh_token`` and ``scope`` when the server sent them. The names of ``auth_base`` and
``token_endpoint`` are re-exported here. Auth objects are thread-safe; building one does no I/O.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from typing import Any

from consult_desktop.fhir.auth_base import Auth, BearerAuth, MemoryTokenStore, NoAuth, TokenStore
from consult_desktop.fhir.client_credentials import ClientCredentialsAuth
from consult_desktop.fhir.errors import ConfigurationError
from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.fhir.smart_auth import SmartAuth
from consult_desktop.fhir.token_endpoint import (
    EXPIRY_MARGIN,
    SMART_CONFIGURATION_PATH,
    basic_client_auth,
    discover_endpoints,
    fetch_smart_configuration,
    request_token,
    token_is_fresh,
)

__all__ = [
    "EXPIRY_MARGIN",
    "SMART_CONFIGURATION_PATH",
    "Auth",
    "BearerAuth",
    "ClientCredentialsAuth",
    "MemoryTokenStore",
    "NoAuth",
    "SmartAuth",
    "TokenStore",
    "basic_client_auth",
    "discover_endpoints",
    "fetch_smart_configuration",
    "make_auth",
    "request_token",
    "token_is_fresh",
]


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
        return ClientCredentialsAuth(config)
    if kind == "smart":
        if token_store is None:
            raise ConfigurationError("SMART sign-in needs a token store to keep the sign-in.")
        return SmartAuth(config, token_store, browser=browser)
    raise ConfigurationError(f"Unknown authentication kind {kind!r}.")

"""Settings of one hospital FHIR server: address, authentication, TLS, timeouts, concurrency, role.

:class:`ServerConfig` is a frozen dataclass. Its secrets (``client_secret``, ``private_key_pem``,
``token``) are never written by :meth:`ServerConfig.to_dict` and never read by
:meth:`ServerConfig.from_dict`: they live in the encrypted profile and are put back with
:meth:`ServerConfig.with_secrets`. They are also hidden from ``repr`` so a logged config leaks nothing.

Authentication kinds (``auth_kind``):

- ``"none"``: no credentials; only allowed for a server on this computer (the demo server).
- ``"bearer"``: a static access token (``token``).
- ``"client-credentials"``: OAuth2 client credentials; ``client_auth`` is ``client_secret_basic``,
  ``client_secret_post`` (with ``client_secret``) or ``private_key_jwt`` (with ``private_key_pem`` and
  ``key_id``, as in SMART Backend Services).
- ``"smart"``: SMART App Launch standalone (authorization code + PKCE, system browser).

``token_url`` / ``authorize_url`` may stay empty: they are then discovered from
``/.well-known/smart-configuration`` (or the CapabilityStatement).

Plain data; safe on any thread.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from consult_desktop.domain.roles import Role
from consult_desktop.fhir.errors import ConfigurationError, InsecureConnectionRefused
from consult_desktop.fhir.response_limits import (
    DEFAULT_MAX_JSON_DEPTH,
    DEFAULT_MAX_PAGE_RESOURCES,
    DEFAULT_MAX_RESPONSE_BYTES,
    ResponseLimits,
)
from consult_desktop.fhir.url_policy import check_url_allowed, is_loopback_url

AUTH_KINDS = ("none", "bearer", "client-credentials", "smart")
CLIENT_AUTH_METHODS = ("client_secret_basic", "client_secret_post", "private_key_jwt")
DEFAULT_SMART_SCOPE = "openid fhirUser offline_access user/*.rs"
DEFAULT_SYSTEM_SCOPE = "system/*.rs"
SECRET_FIELDS = ("client_secret", "private_key_pem", "token")
CONFIG_VERSION = 1


@dataclass(frozen=True)
class ServerConfig:
    """Everything needed to talk to one FHIR server. Validated on construction (ConfigurationError)."""

    base_url: str
    auth_kind: str = "none"
    client_id: str = ""
    client_auth: str = "client_secret_basic"
    key_id: str = ""
    token_url: str = ""
    authorize_url: str = ""
    scope: str = ""
    ca_bundle: str | None = None
    timeout: float = 60.0
    connect_timeout: float = 10.0
    max_concurrency: int = 4
    # What one answer may hold (see fhir.response_limits): decompressed bytes, JSON nesting, page size.
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    max_json_depth: int = DEFAULT_MAX_JSON_DEPTH
    max_page_resources: int = DEFAULT_MAX_PAGE_RESOURCES
    role: str = Role.GP.value
    client_secret: str | None = field(default=None, repr=False)
    private_key_pem: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        base = (self.base_url or "").strip().rstrip("/")
        object.__setattr__(self, "base_url", base)
        _check_url("base_url", base)
        if self.auth_kind not in AUTH_KINDS:
            raise ConfigurationError(
                f"Unknown authentication kind {self.auth_kind!r}; expected one of {', '.join(AUTH_KINDS)}."
            )
        if self.auth_kind == "none" and not is_loopback_url(base):
            raise ConfigurationError(
                "A hospital server needs authentication: 'none' is only allowed for a server on this "
                "computer. Choose a token, client credentials or SMART sign-in."
            )
        if self.client_auth not in CLIENT_AUTH_METHODS:
            raise ConfigurationError(
                f"Unknown client authentication {self.client_auth!r}; "
                f"expected one of {', '.join(CLIENT_AUTH_METHODS)}."
            )
        if self.auth_kind in ("client-credentials", "smart") and not self.client_id:
            raise ConfigurationError("A client id is needed for this kind of authentication.")
        for name in ("token_url", "authorize_url"):
            value = getattr(self, name)
            if value:
                _check_url(name, value)
        if not (self.timeout > 0 and self.connect_timeout > 0):
            raise ConfigurationError("Timeouts must be positive numbers of seconds.")
        if not 1 <= self.max_concurrency <= 32:
            raise ConfigurationError("max_concurrency must be between 1 and 32.")
        for name in ("max_response_bytes", "max_json_depth", "max_page_resources"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigurationError(f"{name} must be a positive whole number.")
        try:
            Role(self.role)
        except ValueError:
            raise ConfigurationError(f"Unknown role {self.role!r}; expected gp, nurse or physio.") from None

    def response_limits(self) -> ResponseLimits:
        return ResponseLimits(max_bytes=self.max_response_bytes, max_depth=self.max_json_depth,
                              max_page_resources=self.max_page_resources)

    @property
    def effective_scope(self) -> str:
        """The configured scope, or the default for the authentication kind."""
        if self.scope:
            return self.scope
        if self.auth_kind == "smart":
            return DEFAULT_SMART_SCOPE
        if self.auth_kind == "client-credentials":
            return DEFAULT_SYSTEM_SCOPE
        return ""

    def with_secrets(
        self,
        *,
        client_secret: str | None = None,
        private_key_pem: str | None = None,
        token: str | None = None,
    ) -> ServerConfig:
        """A copy with the given secrets set (None leaves a secret unchanged)."""
        changes = {
            name: value
            for name, value in (
                ("client_secret", client_secret),
                ("private_key_pem", private_key_pem),
                ("token", token),
            )
            if value is not None
        }
        return dataclasses.replace(self, **changes)

    def secrets(self) -> dict[str, str]:
        """The secrets that are set, for the encrypted store (never for the JSON settings)."""
        return {name: getattr(self, name) for name in SECRET_FIELDS if getattr(self, name)}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready settings WITHOUT secrets."""
        data: dict[str, Any] = {"version": CONFIG_VERSION}
        for f in dataclasses.fields(self):
            if f.name not in SECRET_FIELDS:
                data[f.name] = getattr(self, f.name)
        return data

    @classmethod
    def from_dict(
        cls,
        data: dict[str, Any],
        *,
        client_secret: str | None = None,
        private_key_pem: str | None = None,
        token: str | None = None,
    ) -> ServerConfig:
        """Rebuild from :meth:`to_dict` output; unknown keys and any secret keys in ``data`` are ignored.

        Raises ConfigurationError when ``data`` is not usable.
        """
        if not isinstance(data, dict) or not isinstance(data.get("base_url"), str):
            raise ConfigurationError("The server settings are incomplete: no server address.")
        allowed = {f.name for f in dataclasses.fields(cls)} - set(SECRET_FIELDS)
        kwargs = {k: v for k, v in data.items() if k in allowed}
        try:
            config = cls(**kwargs)
        except TypeError as exc:
            raise ConfigurationError("The server settings could not be read.") from exc
        return config.with_secrets(client_secret=client_secret, private_key_pem=private_key_pem, token=token)


def _check_url(name: str, url: str) -> None:
    try:
        check_url_allowed(url)
    except InsecureConnectionRefused as exc:
        raise ConfigurationError(f"{name}: {exc.message}") from exc

"""Talking to OAuth endpoints: token requests, SMART discovery, expiry arithmetic.

Shared by the client-credentials and SMART flows. The answer of a token endpoint is read within the
transport's response limits; only well-formed OAuth error codes ever reach a message. Blocks; call from
worker threads.
"""

from __future__ import annotations

import base64
from typing import Any
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
from consult_desktop.fhir.transport import HttpTransport, error_for_response, parse_json_object
from consult_desktop.fhir.url_policy import safe_path

SMART_CONFIGURATION_PATH = ".well-known/smart-configuration"
# Renew access tokens this many seconds before they expire, to absorb clock skew and request time.
EXPIRY_MARGIN = 60.0


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
        "POST", token_url, data=form, headers=headers, accept="application/json", check_status=False, stream=True
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
    data = parse_json_object(response, transport.limits)
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


def _oauth_error(response: Any) -> str | None:
    try:
        data = parse_json_object(response)
    except FhirError:
        return None
    error = data.get("error") if isinstance(data, dict) else None
    # Only well-formed error codes (RFC 6749 5.2: printable ASCII) make it into messages.
    if isinstance(error, str) and 0 < len(error) <= 64 and error.replace("_", "").isalnum():
        return error
    return None

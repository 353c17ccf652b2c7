"""Which URLs the client may talk to, and where credentials may be sent.

Rules:
- ``https`` is always allowed; plain ``http`` only to a loopback address of this computer (``127.0.0.0/8``
  or ``::1``, as IP literals: the name ``localhost`` is resolved, and a hosts file or DNS can point it
  elsewhere), e.g. the embedded demo server. Anything else raises :class:`InsecureConnectionRefused`.
- A user name or password in the address (``https://user:pw@host/``) is refused: credentials belong in
  the authentication settings, which keep them only in the encrypted profile, not in a URL that is
  printed, logged and shown.
- Credentials (bearer tokens) are only sent to the *origin* (scheme, host, port) of the configured FHIR
  base URL, or of the configured token endpoint for token requests.
- Messages and logs use :func:`safe_path`: the URL path without the query string, which may carry
  patient identifiers.

Pure functions; safe on any thread.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from consult_desktop.fhir.errors import InsecureConnectionRefused

_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_loopback_host(host: str | None) -> bool:
    """True for loopback IP literals (``127.0.0.0/8``, ``::1``); names, ``localhost`` included, are not."""
    if not host:
        return False
    name = host.strip().lower().strip("[]")
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_of(url: str) -> str:
    """The host name of ``url`` (lower case), or ``""`` when there is none."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def is_loopback_url(url: str) -> bool:
    """True when ``url`` points at this computer."""
    return is_loopback_host(host_of(url))


def check_url_allowed(url: str) -> None:
    """Raise :class:`InsecureConnectionRefused` unless ``url`` is https, or http to a loopback host."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        has_credentials = parts.username is not None or parts.password is not None
    except ValueError as exc:
        raise InsecureConnectionRefused("The server address is not a valid URL.") from exc
    if has_credentials:
        raise InsecureConnectionRefused(
            "The server address must not contain a user name or password (user:password@). Give credentials "
            "with the authentication options; they are kept only in the encrypted profile."
        )
    scheme = parts.scheme.lower()
    if scheme == "https" and host:
        return
    if scheme == "http" and host and is_loopback_host(host):
        return
    if scheme == "http" and host:
        raise InsecureConnectionRefused(
            f"Refusing to connect to {host} over plain http: medical data and credentials must travel "
            "encrypted. Use an https:// address (plain http is only allowed to this computer by its "
            "loopback address, 127.0.0.1 or [::1])."
        )
    raise InsecureConnectionRefused(
        "The server address must start with https:// (or http:// for a server on this computer)."
    )


def origin_of(url: str) -> tuple[str, str, int]:
    """``(scheme, host, port)`` with default ports filled in, for same-origin comparisons."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or _DEFAULT_PORTS.get(scheme, 0)
    return scheme, (parts.hostname or "").lower().rstrip("."), port


def same_origin(url_a: str, url_b: str) -> bool:
    """True when both URLs share scheme, host and port (RFC 6454 origin)."""
    try:
        return origin_of(url_a) == origin_of(url_b)
    except ValueError:
        return False


def safe_path(url: str) -> str:
    """The path of ``url`` without query string or fragment, for messages and logs."""
    try:
        return urlsplit(url).path or "/"
    except ValueError:
        return "?"

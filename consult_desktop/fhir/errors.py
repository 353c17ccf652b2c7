"""Errors raised by the FHIR client, each with a message a GP can read.

Every message names what went wrong and, where useful, which server host or URL *path* was involved.
Messages never contain query strings (they can carry patient identifiers), response bodies, tokens or
secrets, so they are safe to log and to show in a dialog.

Hierarchy (catch the base class to handle every client failure)::

    FhirError
      ConfigurationError        the server settings are unusable (bad URL, missing client id ...)
      InsecureConnectionRefused plain http to a non-loopback host, or a token that would leave the server
        OtherHostRefused        a redirect or attachment pointing to another server (not followed)
      ServerUnreachable         network down, DNS, TLS, timeouts (after retries)
      AuthenticationFailed      credentials refused (static token, client credentials)
        SignInRequired          the interactive sign-in expired or was revoked: sign in again
      Forbidden                 403
      NotFound                  404
        Gone                    410
      RateLimited               429 after retries
      ServerError               5xx after retries
      RequestRejected           other 4xx (400, 405, 409, 422 ...)
      MalformedResponse         bad JSON, not a Bundle, broken paging
        ResponseLimitExceeded   an answer too large, nested too deep or with too many resources
      AttachmentTooLarge        an attachment exceeds the size limit (nothing kept)
      OperationCancelled        the cancel token was set

All classes are plain exceptions; safe on any thread.
"""

from __future__ import annotations


class FhirError(Exception):
    """Base class of every error raised by ``consult_desktop.fhir``.

    ``status`` is the HTTP status when there was a response; ``path`` the URL path (no query string).
    """

    def __init__(self, message: str, *, status: int | None = None, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.path = path


class ConfigurationError(FhirError, ValueError):
    """The server settings cannot be used as they are (the message says which field and why)."""


class InsecureConnectionRefused(FhirError):
    """A request was refused before anything was sent, to protect credentials or patient data."""


class OtherHostRefused(InsecureConnectionRefused):
    """A redirect or an attachment address leads to another server: it is not followed."""


class ServerUnreachable(FhirError):
    """No usable answer: network or DNS failure, TLS verification failure, or timeouts after retries.

    ``reason`` is one of ``"connection"``, ``"timeout"``, ``"tls"``.
    """

    def __init__(self, message: str, *, reason: str = "connection", path: str | None = None) -> None:
        super().__init__(message, path=path)
        self.reason = reason


class AuthenticationFailed(FhirError):
    """The server refused our credentials (a static token, client credentials, or a token exchange).

    ``oauth_error`` is the OAuth 2.0 error code from a token endpoint (``invalid_client``,
    ``invalid_grant`` ...), when there was one.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        path: str | None = None,
        oauth_error: str | None = None,
    ) -> None:
        super().__init__(message, status=status, path=path)
        self.oauth_error = oauth_error


class SignInRequired(AuthenticationFailed):
    """The interactive (SMART) sign-in is missing, expired or revoked: the user must sign in again."""


class Forbidden(FhirError):
    """HTTP 403: authenticated, but not allowed to see this (often: no therapeutic relationship)."""


class NotFound(FhirError):
    """HTTP 404: the resource or endpoint does not exist on the server."""


class Gone(NotFound):
    """HTTP 410: the resource was deleted on the server."""


class RateLimited(FhirError):
    """HTTP 429 after the allowed retries. ``retry_after`` (seconds) is the server's last hint, if any."""

    def __init__(
        self, message: str, *, retry_after: float | None = None, path: str | None = None
    ) -> None:
        super().__init__(message, status=429, path=path)
        self.retry_after = retry_after


class ServerError(FhirError):
    """HTTP 5xx after the allowed retries (or at once for requests that are not safe to repeat)."""


class RequestRejected(FhirError):
    """Another 4xx: the server understood the request but refused it (unsupported search, bad input).

    ``issue_codes`` holds the OperationOutcome issue codes (e.g. ``("not-supported",)``), never the
    diagnostics text, which may echo patient data.
    """

    def __init__(
        self, message: str, *, status: int, path: str | None, issue_codes: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message, status=status, path=path)
        self.issue_codes = issue_codes


class MalformedResponse(FhirError):
    """The server answered with something we cannot read (bad JSON, not a Bundle, broken paging)."""


class ResponseLimitExceeded(MalformedResponse):
    """An answer exceeds a limit (size, JSON nesting, resources per page); it was not read further."""


class AttachmentTooLarge(FhirError):
    """An attachment is larger than the allowed size; the download was stopped and nothing kept."""

    def __init__(self, message: str, *, limit: int, path: str | None = None) -> None:
        super().__init__(message, path=path)
        self.limit = limit


class OperationCancelled(FhirError):
    """The work was stopped because its cancel token was set."""

    def __init__(self, message: str = "The operation was cancelled.") -> None:
        super().__init__(message)

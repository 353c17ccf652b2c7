"""Plain request/response values and the error type shared by the demo server's route modules.

Immutable values and pure helpers; used on the server's request threads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from email.message import Message
from typing import Any
from urllib.parse import parse_qs

from consult_desktop.demo.fhir_elements import operation_outcome

FHIR_JSON = "application/fhir+json; charset=utf-8"
PLAIN_JSON = "application/json; charset=utf-8"
NDJSON = "application/fhir+ndjson"


@dataclass(slots=True)
class Request:
    method: str
    path: str  # without the query string, e.g. /fhir/Patient
    query: dict[str, list[str]]
    headers: Message
    body: bytes
    root_url: str  # http://127.0.0.1:PORT
    base_url: str  # root_url + /fhir
    practitioner: str | None = None
    token: str | None = None

    def param(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else None

    def header(self, name: str) -> str:
        return self.headers.get(name, "") or ""

    def form(self) -> dict[str, str]:
        """application/x-www-form-urlencoded body as single values (last one wins)."""
        parsed = parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True)
        return {key: values[-1] for key, values in parsed.items()}


@dataclass(slots=True)
class Response:
    status: int
    body: bytes = b""
    content_type: str = FHIR_JSON
    headers: dict[str, str] = field(default_factory=dict)
    page: bool = False  # a Bundle page: may be corrupted on purpose by malformed_next()


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_response(status: int, value: Any, content_type: str = FHIR_JSON, headers: dict[str, str] | None = None,
                  page: bool = False) -> Response:
    return Response(status, dumps(value), content_type, dict(headers or {}), page)


class HttpError(Exception):
    """An error answered as an OperationOutcome (or as OAuth JSON when `oauth` is set)."""

    def __init__(self, status: int, code: str, diagnostics: str, headers: dict[str, str] | None = None,
                 oauth: str | None = None) -> None:
        super().__init__(diagnostics)
        self.status = status
        self.code = code
        self.diagnostics = diagnostics
        self.headers = dict(headers or {})
        self.oauth = oauth

    def response(self) -> Response:
        if self.oauth is not None:
            body = {"error": self.oauth, "error_description": self.diagnostics}
            return json_response(self.status, body, PLAIN_JSON, self.headers)
        return json_response(self.status, operation_outcome(self.code, self.diagnostics), FHIR_JSON, self.headers)


def not_found(what: str) -> HttpError:
    return HttpError(404, "not-found", f"{what} is not known to this server")


def bad_request(why: str) -> HttpError:
    return HttpError(400, "invalid", why)

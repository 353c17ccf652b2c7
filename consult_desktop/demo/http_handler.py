"""HTTP plumbing of the demo server: request parsing, routing, fault injection, gzip, writing the answer.

`DemoRequestHandler` runs on the ThreadingHTTPServer's per-connection threads (HTTP/1.1 keep-alive). The
handler never logs request paths or bodies (patient ids are fine in logs, data is not, and quiet is simpler).
"""

from __future__ import annotations

import gzip
import logging
from http.server import BaseHTTPRequestHandler
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

from consult_desktop.demo.admin_api import AdminApi
from consult_desktop.demo.audit_events import AuditEventInbox
from consult_desktop.demo.auth import AuthService
from consult_desktop.demo.bulk_export import BulkExport
from consult_desktop.demo.capability import capability_statement, smart_configuration
from consult_desktop.demo.faults import FaultInjector, hostile_body
from consult_desktop.demo.fhir_api import SEARCH_TYPES, ApiSettings, FhirApi
from consult_desktop.demo.fhir_elements import ABSOLUTE_BASE_PLACEHOLDER
from consult_desktop.demo.fhir_history import FhirHistory
from consult_desktop.demo.hospital import DemoHospital
from consult_desktop.demo.http_types import PLAIN_JSON, HttpError, Request, Response, json_response, not_found

log = logging.getLogger(__name__)

_PLACEHOLDER = f"{ABSOLUTE_BASE_PLACEHOLDER}/Binary/".encode()
_COMPRESSIBLE = ("application/fhir+json", "application/json", "application/fhir+ndjson", "text/")
_FAULT_TEXT = {429: ("throttled", "too many requests, retry later"), 500: ("exception", "internal server error"),
               503: ("transient", "service temporarily unavailable")}


def classify(method: str, path: str) -> str:
    """Kind of request, for the server's counters."""
    if path.startswith("/admin/"):
        return "admin"
    if path == "/auth/token":
        return "token"
    if path == "/auth/authorize":
        return "authorize"
    if path.startswith("/auth/"):
        return "auth-other"
    if not path.startswith("/fhir"):
        return "other"
    parts = [p for p in path[len("/fhir"):].split("/") if p]
    if not parts:
        return "other"
    if parts == ["metadata"]:
        return "metadata"
    if parts[0] == ".well-known":
        return "smart-configuration"
    if parts[0] == "bulkstatus":
        return "export-status"
    if parts[0] == "bulkfiles":
        return "export-file"
    if parts[-1] == "$export":
        return "export-kickoff"
    if parts[-1] == "$everything":
        return "everything"
    if "_history" in parts:
        return "vread" if len(parts) == 4 else "history"
    if parts[0] == "Binary":
        return "binary"
    if parts[0] == "AuditEvent":
        return "audit-event"
    if len(parts) == 1 or parts[-1] == "_search":
        return "search"
    return "read"


class DemoServerApi(Protocol):
    """What the request handler uses of the server (`server.DemoServer` provides it)."""

    hospital: DemoHospital
    settings: ApiSettings
    auth_mode: str
    gzip: bool
    faults: FaultInjector
    auth: AuthService
    api: FhirApi
    history: FhirHistory
    export: BulkExport
    admin: AdminApi | None
    audit_events: AuditEventInbox

    @property
    def root_url(self) -> str: ...

    @property
    def base_url(self) -> str: ...

    def authenticate(self, request: Request) -> None: ...

    def count(self, kind: str) -> None: ...

    def sleep(self, seconds: float) -> None: ...

    def track(self, connection: Any, open_: bool) -> None: ...


def dispatch(server: DemoServerApi, request: Request) -> Response:
    path, method = request.path, request.method
    if path.startswith("/admin/"):
        if server.admin is None:
            raise not_found(path)
        return server.admin.handle(request)
    if path == "/auth/token" and method == "POST":
        return server.auth.token(request)
    if path == "/auth/authorize" and method == "GET":
        return server.auth.authorize(request)
    if path == "/auth/jwks" and method == "GET":
        return server.auth.jwks()
    if not path.startswith("/fhir/") and path != "/fhir":
        raise not_found(path)
    parts = [p for p in path[len("/fhir"):].split("/") if p]
    if parts == ["metadata"] and method == "GET":
        body = capability_statement(request.base_url, request.root_url, server.settings, server.auth_mode == "token",
                                    server.hospital.now_ms())
        return json_response(200, body)
    if parts == [".well-known", "smart-configuration"] and method == "GET":
        return json_response(200, smart_configuration(request.base_url, request.root_url), PLAIN_JSON)
    server.authenticate(request)
    return _fhir(server, request, method, parts)


def _fhir(server: DemoServerApi, request: Request, method: str, parts: list[str]) -> Response:
    api, history, export = server.api, server.history, server.export
    if parts and parts[0] == "bulkstatus" and len(parts) == 2:
        if method == "DELETE":
            return export.cancel(request, parts[1])
        if method == "GET":
            return export.status(request, parts[1])
    if parts and parts[0] == "bulkfiles" and len(parts) == 3 and method == "GET":
        return export.file(request, parts[1], parts[2])
    if parts == ["_history"] and method == "GET":
        return history.history(request, None)
    if parts and parts[0] == "AuditEvent":
        return server.audit_events.handle(request, method, parts, server.hospital.now_ms())
    if not parts or (parts[0] not in SEARCH_TYPES and parts[0] != "Binary"):
        raise not_found(f"Resource type {parts[0] if parts else ''}")
    rtype = parts[0]
    if method == "POST" and len(parts) == 2 and parts[1] == "_search":
        for key, value in request.form().items():
            request.query.setdefault(key, []).append(value)
        return api.search(request, rtype)
    if method != "GET":
        raise HttpError(405, "not-supported", "this server is read-only", {"Allow": "GET"})
    if len(parts) == 1:
        return api.search(request, rtype)
    if parts[1] == "_history" and len(parts) == 2:
        return history.history(request, rtype)
    if parts[1] == "$export" and rtype == "Patient" and len(parts) == 2:
        return export.kick_off(request, None)
    if len(parts) == 2:
        return api.read(request, rtype, parts[1])
    if len(parts) == 3 and parts[2] == "$export" and rtype == "Group":
        return export.kick_off(request, parts[1])
    if len(parts) == 3 and parts[2] == "$everything" and rtype == "Patient":
        return history.everything(request, parts[1])
    if len(parts) == 3 and parts[2] == "_history":
        return api.instance_history(request, rtype, parts[1])
    if len(parts) == 4 and parts[2] == "_history":
        return api.vread(request, rtype, parts[1], parts[3])
    raise not_found("/".join(parts))


class DemoRequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ConsultDemoHospital/1"
    timeout = 120  # idle keep-alive connections are closed after this many seconds

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        return

    def setup(self) -> None:
        super().setup()
        self.demo.track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.demo.track(self.connection, False)

    @property
    def demo(self) -> DemoServerApi:
        return self.server.demo  # type: ignore[attr-defined, no-any-return]

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._handle("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    def do_DELETE(self) -> None:  # noqa: N802
        self._handle("DELETE")

    def do_PUT(self) -> None:  # noqa: N802
        self._handle("PUT")

    def do_PATCH(self) -> None:  # noqa: N802
        self._handle("PATCH")

    def _handle(self, method: str) -> None:
        demo = self.demo
        parsed = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        request = Request(method, parsed.path, parse_qs(parsed.query, keep_blank_values=True), self.headers, body,
                          demo.root_url, demo.base_url)
        kind = classify(method, parsed.path)
        demo.count(kind)
        try:
            if kind != "admin":
                decision = demo.faults.decide()
                if decision.delay_s > 0:
                    demo.sleep(decision.delay_s)
                if decision.status is not None:
                    code, text = _FAULT_TEXT.get(decision.status, ("exception", "injected failure"))
                    headers = {"Retry-After": decision.retry_after} if decision.retry_after else {}
                    raise HttpError(decision.status, code, text, headers)
            response = dispatch(demo, request)
        except HttpError as exc:
            response = exc.response()
        except Exception:  # the server must answer, whatever happened; the traceback goes to the log
            log.exception("demo server failed on a %s request", kind)
            response = HttpError(500, "exception", "internal server error").response()
        if response.page and demo.faults.take_malformed():
            response.body = response.body[: max(1, len(response.body) // 2)]
        hostile = demo.faults.take_hostile() if response.page else None
        if hostile is not None:
            body, headers = hostile_body(*hostile)
            response = Response(200, body, response.content_type, headers)
        self._send(response)

    def _send(self, response: Response) -> None:
        demo = self.demo
        body = response.body
        headers = dict(response.headers)
        compressible = response.content_type.startswith(_COMPRESSIBLE)
        if compressible and _PLACEHOLDER in body:
            body = body.replace(_PLACEHOLDER, f"{demo.base_url}/Binary/".encode())
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if compressible and demo.gzip and "Content-Encoding" not in headers and len(body) > 1024 and wants_gzip:
            body = gzip.compress(body, compresslevel=1)  # cheap: the client shares the CPU in tests
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        try:
            self.send_response(response.status)
            if response.status != 304:
                self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
        except OSError:  # broken pipe, reset, timeout
            self.close_connection = True  # the client went away (often: its timeout fired during a hang)

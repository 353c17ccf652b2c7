"""Optional /admin endpoints of the demo server, for tests that run it in another process (admin=True only).

Off unless the server is built with `admin=True` (`demo-server --admin`); then every admin request must carry
the random secret made at start (`X-Admin-Secret: <secret>`, printed by `demo-server --admin`), or it is
answered 403. Runs on request threads; it only calls the thread-safe APIs of `DemoServer` and `DemoHospital`.

  GET  /admin/token?practitioner=gp-001     -> {"access_token": ...}
  POST /admin/tokens/expire                 -> every access token expires
  GET  /admin/counters, POST /admin/counters/reset
  POST /admin/faults   {"fail_next": [n, status], "malformed_next": n, "hang_next": [n, seconds],
                        "latency_ms": x, "error_rate": x, "rate_limit": x, "clear": true}
  POST /admin/mutate   {"op": <hospital mutation name>, "args": {...}} -> {"result": ...}
"""

from __future__ import annotations

import hmac
import json
import secrets
from typing import Any, Protocol

from consult_desktop.demo.faults import FaultInjector
from consult_desktop.demo.hospital import DemoHospital
from consult_desktop.demo.http_types import (
    PLAIN_JSON,
    HttpError,
    Request,
    Response,
    bad_request,
    json_response,
    not_found,
)

MUTATIONS = ("add_document", "add_large_document", "amend_document", "replace_document", "mark_entered_in_error",
             "mark_document_entered_in_error", "update_resource", "touch", "delete_resource", "end_relationship",
             "start_relationship", "add_lab_result", "add_patient", "add_invalid_resource")


SECRET_HEADER = "X-Admin-Secret"


class AdminTarget(Protocol):
    """What the admin endpoints drive on the server."""

    hospital: DemoHospital
    faults: FaultInjector

    @property
    def request_count(self) -> int: ...

    @property
    def request_counts(self) -> dict[str, int]: ...

    def issue_token(self, practitioner_id: str | None = None) -> str: ...

    def expire_tokens(self) -> None: ...

    def reset_counters(self) -> None: ...

    def clear_faults(self) -> None: ...

    def fail_next(self, n: int = 1, status: int = 503) -> None: ...

    def malformed_next(self, n: int = 1) -> None: ...

    def hang_next(self, n: int = 1, seconds: float = 5.0) -> None: ...


class AdminApi:
    def __init__(self, server: AdminTarget) -> None:
        self.server = server
        self.secret = secrets.token_urlsafe(24)

    def handle(self, request: Request) -> Response:
        if not hmac.compare_digest(request.header(SECRET_HEADER).encode(), self.secret.encode()):
            raise HttpError(403, "forbidden", f"the admin endpoints need the {SECRET_HEADER} printed at start")
        route = (request.method, request.path)
        if route == ("GET", "/admin/token"):
            token = self.server.issue_token(request.param("practitioner"))
            return self._ok({"access_token": token, "token_type": "Bearer"})
        if route == ("POST", "/admin/tokens/expire"):
            self.server.expire_tokens()
            return self._ok({})
        if route == ("GET", "/admin/counters"):
            return self._ok({"total": self.server.request_count, "by_kind": self.server.request_counts})
        if route == ("POST", "/admin/counters/reset"):
            self.server.reset_counters()
            return self._ok({})
        if route == ("POST", "/admin/faults"):
            return self._faults(self._body(request))
        if route == ("POST", "/admin/mutate"):
            return self._mutate(self._body(request))
        raise not_found(request.path)

    @staticmethod
    def _ok(value: Any) -> Response:
        return json_response(200, value, PLAIN_JSON)

    @staticmethod
    def _body(request: Request) -> dict[str, Any]:
        try:
            body = json.loads(request.body or b"{}")
        except ValueError as exc:
            raise bad_request("the body must be JSON") from exc
        if not isinstance(body, dict):
            raise bad_request("the body must be a JSON object")
        return body

    def _faults(self, body: dict[str, Any]) -> Response:
        server = self.server
        if body.get("clear"):
            server.clear_faults()
        if "fail_next" in body:
            server.fail_next(*body["fail_next"])
        if "malformed_next" in body:
            server.malformed_next(int(body["malformed_next"]))
        if "hang_next" in body:
            server.hang_next(*body["hang_next"])
        server.faults.configure(latency_ms=body.get("latency_ms"), error_rate=body.get("error_rate"),
                                rate_limit=body.get("rate_limit"))
        return self._ok({})

    def _mutate(self, body: dict[str, Any]) -> Response:
        op = body.get("op")
        if op not in MUTATIONS:
            raise bad_request(f"op must be one of {', '.join(MUTATIONS)}")
        args = body.get("args") or {}
        try:
            result = getattr(self.server.hospital, op)(**args)
        except (KeyError, ValueError, TypeError) as exc:
            raise bad_request(f"{op} failed: {exc}") from exc
        return self._ok({"result": list(result) if isinstance(result, tuple) else result})

"""`DemoServer`: the demo hospital's FHIR R4 API over HTTP on the loopback interface (stdlib http.server).

`start()` serves on a daemon thread; `stop()` (or leaving the `with` block) shuts the listener and every
open connection. All public methods are thread-safe: tests change faults, tokens and capabilities while
clients are connected. Authorisation modes: `auth="token"` (OAuth 2.0 / SMART, see `auth`) or
`auth="none"` (every request acts as the default practitioner, or as the practitioner named in the
`X-Demo-Practitioner` header): the embedded demo's convenience, never exposed beyond 127.0.0.1.
"""

from __future__ import annotations

import socket
import threading
from collections import Counter
from collections.abc import Mapping
from http.server import ThreadingHTTPServer
from typing import Any

from consult_desktop.demo.admin_api import AdminApi
from consult_desktop.demo.audit_events import AuditEventInbox
from consult_desktop.demo.auth import AuthService
from consult_desktop.demo.bulk_export import BulkExport
from consult_desktop.demo.faults import FaultInjector
from consult_desktop.demo.fhir_api import FhirApi, settings_from
from consult_desktop.demo.fhir_history import FhirHistory
from consult_desktop.demo.hospital import DemoHospital
from consult_desktop.demo.http_handler import DemoRequestHandler
from consult_desktop.demo.http_types import HttpError, Request
from consult_desktop.demo.search import CursorCodec

LOOPBACK_HOSTS = {"127.0.0.1": "127.0.0.1", "localhost": "127.0.0.1"}


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    demo: DemoServer


class DemoServer:
    """FHIR server of a `DemoHospital` (default: 40 patients, seed 1) at `base_url` (http://127.0.0.1:PORT/fhir).

    Options: `capabilities` switches features off (export, everything, history, patient_list_search,
    type_search, last_updated, include, vread); `latency_ms`, `error_rate`, `rate_limit` and `fault_seed`
    inject faults (see `faults`); `token_lifetime` in seconds; `export_delay` seconds before an export is
    ready; `page_size`/`max_page_size` for `_count`; `authorize_as` is the practitioner the authorize
    endpoint signs in; `admin=True` enables the /admin endpoints (subprocess tests); `gzip` compresses JSON.
    """

    def __init__(self, hospital: DemoHospital | None = None, host: str = "127.0.0.1", port: int = 0, *,
                 auth: str = "token", admin: bool = False, capabilities: Mapping[str, bool] | None = None,
                 latency_ms: float = 0, error_rate: float = 0.0, rate_limit: float = 0.0, fault_seed: int = 0,
                 token_lifetime: int = 3600, export_delay: float = 1.0, export_file_lines: int = 10_000,
                 page_size: int = 50, max_page_size: int = 500, authorize_as: str | None = None,
                 gzip: bool = True) -> None:
        if host not in LOOPBACK_HOSTS:
            raise ValueError("the demo server only binds the loopback interface (127.0.0.1 or localhost)")
        if auth not in ("token", "none"):
            raise ValueError("auth must be 'token' or 'none'")
        self.hospital = hospital if hospital is not None else DemoHospital()
        self.host = LOOPBACK_HOSTS[host]
        self.requested_port = port
        self.auth_mode = auth
        self.gzip = gzip
        self.settings = settings_from(capabilities, page_size, max_page_size)
        self.faults = FaultInjector(fault_seed, latency_ms, error_rate, rate_limit)
        self.auth = AuthService(self.hospital.default_practitioner_id, token_lifetime=token_lifetime,
                                authorize_as=authorize_as, patient_context=self._first_patient)
        self.api = FhirApi(self.hospital, self.settings, CursorCodec())
        self.history = FhirHistory(self.api)
        self.export = BulkExport(self.api, export_delay, export_file_lines, requires_token=auth == "token")
        self.admin = AdminApi(self) if admin else None
        self.audit_events = AuditEventInbox()  # access reports received (PUT AuditEvent/{id})
        self._counts: Counter[str] = Counter()
        self._counts_lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._stopping = threading.Event()
        self._httpd: _HttpServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------------------------

    def start(self) -> DemoServer:
        if self._httpd is not None:
            raise RuntimeError("the demo server is already running")
        self._stopping.clear()
        httpd = _HttpServer((self.host, self.requested_port), DemoRequestHandler)
        httpd.demo = self
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                        name="demo-fhir-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._stopping.set()
        httpd.shutdown()
        httpd.server_close()
        with self._counts_lock:
            connections = list(self._connections)
        for conn in connections:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the demo server is not running")
        return int(self._httpd.server_address[1])

    @property
    def root_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.root_url}/fhir"

    @property
    def token_url(self) -> str:
        return f"{self.root_url}/auth/token"

    @property
    def authorize_url(self) -> str:
        return f"{self.root_url}/auth/authorize"

    # -- counters --------------------------------------------------------------------------------------------

    def count(self, kind: str) -> None:
        with self._counts_lock:
            self._counts[kind] += 1

    @property
    def request_count(self) -> int:
        """Requests received since start (or the last reset), whatever their outcome."""
        with self._counts_lock:
            return sum(self._counts.values())

    @property
    def request_counts(self) -> dict[str, int]:
        """Requests per kind: search, read, vread, history, everything, export-kickoff, export-status,
        export-file, binary, metadata, smart-configuration, token, authorize, auth-other, admin, other."""
        with self._counts_lock:
            return dict(self._counts)

    def reset_counters(self) -> None:
        with self._counts_lock:
            self._counts.clear()

    def track(self, connection: Any, open_: bool) -> None:
        with self._counts_lock:
            (self._connections.add if open_ else self._connections.discard)(connection)

    # -- faults ----------------------------------------------------------------------------------------------

    def sleep(self, seconds: float) -> None:
        """Wait (latency, hangs) but wake up at once when the server stops."""
        self._stopping.wait(seconds)

    def set_latency(self, latency_ms: float) -> None:
        self.faults.configure(latency_ms=latency_ms)

    def set_rate_limit(self, fraction: float) -> None:
        self.faults.configure(rate_limit=fraction)

    def fail_next(self, n: int = 1, status: int = 503) -> None:
        self.faults.fail_next(n, status)

    def malformed_next(self, n: int = 1) -> None:
        self.faults.malformed_next(n)

    def hang_next(self, n: int = 1, seconds: float = 5.0) -> None:
        self.faults.hang_next(n, seconds)

    def clear_faults(self) -> None:
        self.faults.clear()

    # -- authorisation ---------------------------------------------------------------------------------------

    def authenticate(self, request: Request) -> None:
        if self.auth_mode == "none":
            chosen = request.header("X-Demo-Practitioner") or self.hospital.default_practitioner_id
            if chosen not in self.hospital.practitioner_ids():
                raise HttpError(401, "login", "unknown practitioner")
            request.practitioner = chosen
            return
        request.practitioner, request.token = self.auth.practitioner_for(request.header("Authorization"))

    def issue_token(self, practitioner_id: str | None = None, *, lifetime: int | None = None,
                    scope: str = "user/*.rs") -> str:
        """A valid access token for the practitioner (default: the demo GP), without any OAuth exchange."""
        return self.auth.issue_token(practitioner_id or self.hospital.default_practitioner_id, lifetime=lifetime,
                                     scope=scope)

    def expire_tokens(self) -> None:
        """Every access token issued so far is expired from now on (refresh tokens keep working)."""
        self.auth.expire_access_tokens()

    def revoke_token(self, token: str) -> None:
        self.auth.revoke_token(token)

    def register_client(self, client_id: str, *, practitioner_id: str | None = None, secret: str | None = None,
                        public_key: Any = None, redirect_uris: tuple[str, ...] = ()) -> None:
        """Register an OAuth client (secret, public key as PEM/JWK/key object, or neither for a public client)."""
        self.auth.register_client(client_id, practitioner_id=practitioner_id or self.hospital.default_practitioner_id,
                                  secret=secret, public_key=public_key, redirect_uris=redirect_uris)

    def _first_patient(self, practitioner: str) -> str | None:
        patients = self.hospital.authorised_patient_ids(practitioner)
        return patients[0] if patients else None

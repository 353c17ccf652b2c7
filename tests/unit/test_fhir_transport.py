"""Transport behaviour: retries with backoff, Retry-After, timeouts, error mapping, headers, redirects."""

from __future__ import annotations

import email.utils
import socket
import threading
from collections.abc import Iterator

import pytest
import requests
import responses

from consult_desktop.fhir.auth import make_auth
from consult_desktop.fhir.client import FhirClient
from consult_desktop.fhir.concurrency import CancelToken
from consult_desktop.fhir.errors import (
    Forbidden,
    Gone,
    InsecureConnectionRefused,
    MalformedResponse,
    NotFound,
    OperationCancelled,
    OtherHostRefused,
    RateLimited,
    RequestRejected,
    ServerError,
    ServerUnreachable,
)
from consult_desktop.fhir.retry_policy import RetryPolicy, parse_retry_after
from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.fhir.transport import TruststoreAdapter, build_session

BASE = "https://fhir.hospital.example/r4"
PATIENT = {"resourceType": "Patient", "id": "p1"}
NOW = 1_700_000_000.0


@pytest.fixture
def rsps() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def make_client(sleeps: list[float], **kwargs: object) -> FhirClient:
    config = ServerConfig(base_url=BASE, auth_kind="bearer", token="tok-123")
    return FhirClient(
        config, make_auth(config), sleep=sleeps.append, clock=lambda: NOW, rand=lambda: 1.0, **kwargs
    )  # type: ignore[arg-type]


def test_bearer_token_and_fhir_json_accept_header(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    assert make_client([]).read("Patient", "p1") == PATIENT
    headers = rsps.calls[0].request.headers
    assert headers["Authorization"] == "Bearer tok-123"
    assert headers["Accept"] == "application/fhir+json"


def test_5xx_is_retried_with_growing_backoff_then_succeeds(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Patient/p1", status=502)
    rsps.get(f"{BASE}/Patient/p1", status=500)
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    sleeps: list[float] = []
    assert make_client(sleeps).read("Patient", "p1")["id"] == "p1"
    assert len(rsps.calls) == 3
    assert len(sleeps) == 2 and sleeps[1] > sleeps[0] > 0


def test_5xx_gives_server_error_after_the_bounded_attempts(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Patient/p1", status=500)
    sleeps: list[float] = []
    with pytest.raises(ServerError) as info:
        make_client(sleeps, retry=RetryPolicy(max_attempts=3)).read("Patient", "p1")
    assert len(rsps.calls) == 3 and len(sleeps) == 2
    assert info.value.status == 500 and "/r4/Patient/p1" in str(info.value)


def test_connection_errors_are_retried_then_reported_as_unreachable(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Patient/p1", body=requests.exceptions.ConnectionError("refused"))
    sleeps: list[float] = []
    with pytest.raises(ServerUnreachable) as info:
        make_client(sleeps).read("Patient", "p1")
    assert len(rsps.calls) == 4 and len(sleeps) == 3
    assert info.value.reason == "connection" and "fhir.hospital.example" in str(info.value)


def test_connection_error_then_success(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Patient/p1", body=requests.exceptions.ConnectionError("reset"))
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    assert make_client([]).read("Patient", "p1")["id"] == "p1"


def test_read_timeouts_become_server_unreachable(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Patient/p1", body=requests.exceptions.ReadTimeout("slow"))
    with pytest.raises(ServerUnreachable) as info:
        make_client([]).read("Patient", "p1")
    assert info.value.reason == "timeout" and "did not answer in time" in str(info.value)


def test_backoff_has_jitter_and_a_ceiling() -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=8.0)
    assert policy.backoff(0, lambda: 0.0) == 0.5 and policy.backoff(0, lambda: 1.0) == 1.0
    assert policy.backoff(2, lambda: 0.0) == 2.0 and policy.backoff(2, lambda: 1.0) == 4.0
    assert policy.backoff(10, lambda: 1.0) == 8.0


def test_retry_after_seconds_on_429(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Patient/p1", status=429, headers={"Retry-After": "7"})
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    sleeps: list[float] = []
    make_client(sleeps).read("Patient", "p1")
    assert sleeps == [7.0]


def test_retry_after_http_date_on_503(rsps: responses.RequestsMock) -> None:
    when = email.utils.formatdate(NOW + 12, usegmt=True)
    rsps.get(f"{BASE}/Patient/p1", status=503, headers={"Retry-After": when})
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    sleeps: list[float] = []
    make_client(sleeps).read("Patient", "p1")
    assert sleeps == [12.0]


def test_retry_after_is_capped(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Patient/p1", status=503, headers={"Retry-After": "86400"})
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    sleeps: list[float] = []
    make_client(sleeps, retry=RetryPolicy(retry_after_cap=60)).read("Patient", "p1")
    assert sleeps == [60.0]


def test_persistent_429_raises_rate_limited_with_the_hint(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Patient/p1", status=429, headers={"Retry-After": "3"})
    with pytest.raises(RateLimited) as info:
        make_client([], retry=RetryPolicy(max_attempts=2)).read("Patient", "p1")
    assert info.value.retry_after == 3.0


def test_parse_retry_after_variants() -> None:
    assert parse_retry_after("120", NOW) == 120.0
    assert parse_retry_after(email.utils.formatdate(NOW - 50, usegmt=True), NOW) == 0.0
    assert parse_retry_after("soon", NOW) is None and parse_retry_after(None, NOW) is None


def test_post_is_not_retried_on_5xx(rsps: responses.RequestsMock) -> None:
    rsps.post(f"{BASE}/Thing", status=500)
    client = make_client([])
    with pytest.raises(ServerError):
        client.transport.send("POST", f"{BASE}/Thing", data={"a": "b"})
    assert len(rsps.calls) == 1


@pytest.mark.parametrize(("status", "error"), [(403, Forbidden), (404, NotFound), (410, Gone)])
def test_status_codes_map_to_errors(rsps: responses.RequestsMock, status: int, error: type) -> None:
    rsps.get(f"{BASE}/Patient/p1", status=status)
    with pytest.raises(error):
        make_client([]).read("Patient", "p1")
    assert len(rsps.calls) == 1  # 4xx are not retried


def test_operation_outcome_codes_are_kept_but_not_the_diagnostics(rsps: responses.RequestsMock) -> None:
    outcome = {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": "not-supported", "diagnostics": "Jan Peeters 850730"}],
    }
    rsps.get(f"{BASE}/Observation", status=400, json=outcome)
    with pytest.raises(RequestRejected) as info:
        list(make_client([]).search("Observation", {"_lastUpdated": "gt2024-01-01"}))
    assert info.value.issue_codes == ("not-supported",)
    assert "Peeters" not in str(info.value) and "_lastUpdated" not in str(info.value)


def test_malformed_json_names_the_path_not_the_body(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Patient/p1", body='{"resourceType": "Patient", "name": "Jan Peeters"', status=200)
    with pytest.raises(MalformedResponse) as info:
        make_client([]).read("Patient", "p1")
    assert "/r4/Patient/p1" in str(info.value) and "Peeters" not in str(info.value)


def test_redirect_to_another_host_is_not_followed_and_does_not_carry_the_token(
    rsps: responses.RequestsMock,
) -> None:
    rsps.get(f"{BASE}/Patient/p1", status=302, headers={"Location": "https://cdn.example/p1.json"})
    rsps.get("https://cdn.example/p1.json", json=PATIENT)
    with pytest.raises(OtherHostRefused, match="another server"):
        make_client([]).read("Patient", "p1")
    assert rsps.calls[0].request.headers["Authorization"] == "Bearer tok-123"
    assert len(rsps.calls) == 1  # the other host is never contacted, with or without the token


def test_redirect_to_plain_http_is_refused(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Patient/p1", status=301, headers={"Location": "http://fhir.hospital.example/r4/p1"})
    with pytest.raises(InsecureConnectionRefused):
        make_client([]).read("Patient", "p1")


def test_token_is_never_sent_to_another_origin() -> None:
    client = make_client([])
    with pytest.raises(InsecureConnectionRefused):
        client.transport.send("GET", "https://other.example/x", auth=client.auth)


def test_https_uses_the_system_trust_store_and_keeps_verification_on() -> None:
    config = ServerConfig(base_url=BASE, auth_kind="bearer", token="t", max_concurrency=8)
    session = build_session(config)
    adapter = session.get_adapter(BASE)
    assert isinstance(adapter, TruststoreAdapter)
    assert adapter._pool_maxsize >= 8  # type: ignore[attr-defined]

    class Conn:
        cert_reqs = "CERT_NONE"
        ca_certs = "x"
        ca_cert_dir = "y"

    conn = Conn()
    adapter.cert_verify(conn, BASE, True, None)
    assert conn.cert_reqs == "CERT_REQUIRED" and conn.ca_certs is None


def test_a_silent_server_times_out_as_unreachable() -> None:
    """Real socket: the server accepts but never answers; the read timeout must end the wait."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    port = listener.getsockname()[1]
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        config = ServerConfig(base_url=f"http://127.0.0.1:{port}/fhir", timeout=0.3, connect_timeout=1)
        client = FhirClient(
            config, make_auth(config), sleep=lambda s: None, retry=RetryPolicy(max_attempts=2)
        )
        with pytest.raises(ServerUnreachable) as info:
            client.read("Patient", "p1")
        assert info.value.reason == "timeout"
        assert len(accepted) == 2  # one retry
    finally:
        stop.set()
        thread.join()
        for conn in accepted:
            conn.close()
        listener.close()


def test_nothing_listening_is_unreachable() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # the port is now free: connections are refused
    config = ServerConfig(base_url=f"http://127.0.0.1:{port}/fhir")
    sleeps: list[float] = []
    client = FhirClient(config, make_auth(config), sleep=sleeps.append)
    with pytest.raises(ServerUnreachable) as info:
        client.read("Patient", "p1")
    assert info.value.reason == "connection" and len(sleeps) == 3


def test_json_error_body_is_not_needed(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Patient/p1", status=404, body="<html>not found</html>")
    with pytest.raises(NotFound) as info:
        make_client([]).read("Patient", "p1")
    assert info.value.status == 404


def test_cancel_during_a_retry_wait_stops_before_the_next_attempt(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Patient/p1", status=503)
    cancel = CancelToken()
    config = ServerConfig(base_url=BASE, auth_kind="bearer", token="tok-123")
    client = FhirClient(config, make_auth(config), sleep=lambda seconds: cancel.cancel())
    with pytest.raises(OperationCancelled):
        client.read("Patient", "p1", cancel=cancel)
    assert len(rsps.calls) == 1

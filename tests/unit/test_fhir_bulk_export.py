"""Bulk Data export: kick-off, polling, streaming ndjson download, cancel, token rules for file URLs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

from consult_desktop.fhir.auth import make_auth
from consult_desktop.fhir.client import FhirClient
from consult_desktop.fhir.errors import InsecureConnectionRefused, MalformedResponse, RequestRejected

BASE = "https://fhir.hospital.example/r4"
STATUS = f"{BASE}/bulkstatus/job-42"


@pytest.fixture
def rsps() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def client() -> FhirClient:
    from consult_desktop.fhir.server_config import ServerConfig

    config = ServerConfig(base_url=BASE, auth_kind="bearer", token="tok")
    return FhirClient(config, make_auth(config), sleep=lambda s: None)


def test_kickoff_sends_the_async_request_and_returns_the_status_url(
    rsps: responses.RequestsMock, client: FhirClient
) -> None:
    rsps.get(
        f"{BASE}/Group/gp-123/$export", status=202, headers={"Content-Location": "/r4/bulkstatus/job-42"}
    )
    url = client.export_kickoff("gp-123", since="2024-01-01T00:00:00Z", types=["Patient", "Observation"])
    assert url == STATUS
    request = rsps.calls[0].request
    assert (
        request.headers["Prefer"] == "respond-async" and request.headers["Accept"] == "application/fhir+json"
    )
    assert request.headers["Authorization"] == "Bearer tok"
    assert parse_qs(urlsplit(request.url).query) == {
        "_outputFormat": ["application/fhir+ndjson"],
        "_since": ["2024-01-01T00:00:00Z"],
        "_type": ["Patient,Observation"],
    }


def test_kickoff_without_status_url_is_malformed(rsps: responses.RequestsMock, client: FhirClient) -> None:
    rsps.get(f"{BASE}/Group/g/$export", status=200, json={"resourceType": "Bundle"})
    with pytest.raises(MalformedResponse):
        client.export_kickoff("g")


def test_kickoff_refused(rsps: responses.RequestsMock, client: FhirClient) -> None:
    rsps.get(
        f"{BASE}/Group/g/$export",
        status=422,
        json={"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "not-supported"}]},
    )
    with pytest.raises(RequestRejected) as info:
        client.export_kickoff("g")
    assert info.value.issue_codes == ("not-supported",)


def test_poll_in_progress_then_complete(rsps: responses.RequestsMock, client: FhirClient) -> None:
    rsps.get(STATUS, status=202, headers={"X-Progress": "40% done", "Retry-After": "15"})
    rsps.get(
        STATUS,
        status=200,
        json={
            "transactionTime": "2024-05-01T10:00:00Z",
            "request": f"{BASE}/Group/g/$export",
            "requiresAccessToken": True,
            "output": [
                {"type": "Patient", "url": f"{BASE}/files/patient.ndjson", "count": 2},
                {"type": "Observation", "url": "files/obs.ndjson"},
            ],
            "error": [{"type": "OperationOutcome", "url": f"{BASE}/files/errors.ndjson"}],
            "extension": {"unknown": True},
        },
    )
    first = client.export_poll(STATUS)
    assert not first.done and first.retry_after == 15.0 and first.progress == "40% done"
    second = client.export_poll(STATUS)
    assert second.done and second.manifest is not None
    manifest = second.manifest
    assert manifest.transaction_time == "2024-05-01T10:00:00Z" and manifest.requires_access_token
    assert [(f.type, f.count) for f in manifest.output] == [("Patient", 2), ("Observation", None)]
    assert manifest.output[1].url == f"{BASE}/bulkstatus/files/obs.ndjson"
    assert manifest.error[0].type == "OperationOutcome"


def test_download_streams_ndjson(rsps: responses.RequestsMock, client: FhirClient) -> None:
    lines = [{"resourceType": "Patient", "id": "p1"}, {"resourceType": "Patient", "id": "p2"}]
    body = "\n".join(json.dumps(r) for r in lines) + "\n\n"
    rsps.get(f"{BASE}/files/patient.ndjson", body=body, content_type="application/fhir+ndjson")
    assert [r["id"] for r in client.export_download(f"{BASE}/files/patient.ndjson")] == ["p1", "p2"]
    assert rsps.calls[0].request.headers["Authorization"] == "Bearer tok"
    assert rsps.calls[0].request.headers["Accept"] == "application/fhir+ndjson"


def test_download_reports_the_broken_line_number(rsps: responses.RequestsMock, client: FhirClient) -> None:
    rsps.get(f"{BASE}/files/p.ndjson", body='{"resourceType":"Patient","id":"a"}\n{"name": "Jan Peet')
    stream = client.export_download(f"{BASE}/files/p.ndjson")
    assert next(stream)["id"] == "a"
    with pytest.raises(MalformedResponse, match="Line 2") as info:
        next(stream)
    assert "Peet" not in str(info.value)


def test_files_on_other_hosts(rsps: responses.RequestsMock, client: FhirClient) -> None:
    storage = "https://storage.example/signed/patient.ndjson?sig=abc"
    with pytest.raises(InsecureConnectionRefused):
        list(client.export_download(storage, requires_access_token=True))
    rsps.get(storage, body='{"resourceType":"Patient","id":"p1"}\n')
    assert [r["id"] for r in client.export_download(storage, requires_access_token=False)] == ["p1"]
    assert "Authorization" not in rsps.calls[0].request.headers


def test_cancel(rsps: responses.RequestsMock, client: FhirClient) -> None:
    rsps.delete(STATUS, status=202)
    client.export_cancel(STATUS)
    assert rsps.calls[0].request.method == "DELETE"
    rsps.delete(f"{BASE}/bulkstatus/gone", status=404)
    client.export_cancel(f"{BASE}/bulkstatus/gone")  # already gone: nothing to do

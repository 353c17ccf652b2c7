"""Discovery, paging, $everything, history, cancellation and bounded concurrency."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

from consult_desktop.fhir.auth import make_auth
from consult_desktop.fhir.client import FhirClient, format_instant
from consult_desktop.fhir.concurrency import CancelToken
from consult_desktop.fhir.errors import MalformedResponse, NotFound, OperationCancelled
from consult_desktop.fhir.paging import HistoryPage
from consult_desktop.fhir.server_config import ServerConfig

BASE = "https://fhir.hospital.example/r4"

CAPABILITY_STATEMENT: dict[str, Any] = {
    "resourceType": "CapabilityStatement",
    "fhirVersion": "4.0.1",
    "software": {"name": "Hospital FHIR"},
    "format": ["application/fhir+json"],
    "someFutureField": {"ignored": True},
    "rest": [
        {
            "mode": "server",
            "interaction": [{"code": "history-system"}, {"code": "transaction"}],
            "operation": [
                {"name": "export", "definition": "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export"}
            ],
            "security": {
                "extension": [
                    {
                        "url": "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
                        "extension": [
                            {"url": "token", "valueUri": "https://auth.hospital.example/token"},
                            {"url": "authorize", "valueUri": "https://auth.hospital.example/authorize"},
                        ],
                    }
                ]
            },
            "resource": [
                {
                    "type": "Patient",
                    "interaction": [{"code": "read"}, {"code": "search-type"}],
                    "searchParam": [
                        {"name": "_id", "type": "token"},
                        {"name": "identifier", "type": "token"},
                    ],
                    "operation": [
                        {
                            "name": "everything",
                            "definition": "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                        }
                    ],
                },
                {
                    "type": "Observation",
                    "interaction": [{"code": "search-type"}, {"code": "history-type"}],
                    "searchParam": [{"name": "patient"}, {"name": "_lastUpdated"}, {"name": "code"}],
                },
                {
                    "type": "Condition",
                    "interaction": [{"code": "search-type"}],
                    "searchParam": [{"name": "subject"}, {"name": "code"}],
                },
                {"type": "Encounter", "interaction": [{"code": "read"}]},
                {"type": "Group", "operation": [{"name": "$export"}]},
            ],
        }
    ],
}


@pytest.fixture
def rsps() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def client() -> FhirClient:
    config = ServerConfig(base_url=BASE, auth_kind="bearer", token="tok")
    return FhirClient(config, make_auth(config), sleep=lambda s: None)


def bundle(
    resources: list[dict[str, Any]],
    next_url: str | None = None,
    total: int | None = None,
    btype: str = "searchset",
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "resourceType": "Bundle",
        "type": btype,
        "entry": [{"resource": r, "search": {"mode": "match"}} for r in resources],
    }
    if next_url:
        data["link"] = [{"relation": "self", "url": "ignored"}, {"relation": "next", "url": next_url}]
    if total is not None:
        data["total"] = total
    return data


def obs(i: int) -> dict[str, Any]:
    return {"resourceType": "Observation", "id": f"o{i}", "status": "final", "code": {"text": "x"}}


def test_capabilities_are_parsed(rsps: responses.RequestsMock, client: FhirClient) -> None:
    rsps.get(f"{BASE}/metadata", json=CAPABILITY_STATEMENT)
    caps = client.capabilities()
    assert caps.fhir_version == "4.0.1" and caps.software == "Hospital FHIR"
    assert caps.resource_types >= {"Patient", "Observation", "Condition", "Group"}
    assert caps.supports_patient_search("Observation") and caps.supports_patient_search("Condition")
    assert not caps.supports_patient_search("Patient")
    assert caps.supports_last_updated("Observation")
    assert not caps.supports_last_updated("Condition")  # params listed without _lastUpdated
    assert not caps.supports_search("Encounter")
    assert caps.supports_everything
    assert caps.export_levels == {"system", "Group"} and caps.supports_group_export
    assert caps.supports_system_history and caps.supports_type_history("Observation")
    assert not caps.supports_type_history("Patient")
    assert caps.token_url == "https://auth.hospital.example/token"
    assert caps.authorize_url == "https://auth.hospital.example/authorize"
    client.capabilities()
    assert len(rsps.calls) == 1  # cached
    assert "Authorization" not in rsps.calls[0].request.headers  # metadata is public


def test_capabilities_retry_with_credentials_when_required(
    rsps: responses.RequestsMock, client: FhirClient
) -> None:
    rsps.get(f"{BASE}/metadata", status=401)
    rsps.get(f"{BASE}/metadata", json=CAPABILITY_STATEMENT)
    assert client.capabilities().supports_everything
    assert rsps.calls[1].request.headers["Authorization"] == "Bearer tok"


def test_capabilities_tolerate_a_minimal_statement(rsps: responses.RequestsMock, client: FhirClient) -> None:
    rsps.get(f"{BASE}/metadata", json={"resourceType": "CapabilityStatement", "rest": "oops"})
    caps = client.capabilities()
    assert caps.resource_types == frozenset() and not caps.supports_everything and caps.export_levels == set()


def test_metadata_that_is_not_a_capability_statement(
    rsps: responses.RequestsMock, client: FhirClient
) -> None:
    rsps.get(f"{BASE}/metadata", json={"resourceType": "OperationOutcome"})
    with pytest.raises(MalformedResponse):
        client.capabilities()


def test_smart_configuration(rsps: responses.RequestsMock, client: FhirClient) -> None:
    rsps.get(
        f"{BASE}/.well-known/smart-configuration",
        json={
            "authorization_endpoint": "https://auth.hospital.example/authorize",
            "token_endpoint": "https://auth.hospital.example/token",
            "code_challenge_methods_supported": ["S256"],
            "capabilities": ["launch-standalone", "client-public"],
            "new_thing": 1,
        },
    )
    smart = client.smart_configuration()
    assert smart.token_endpoint == "https://auth.hospital.example/token" and smart.supports_pkce_s256
    assert "launch-standalone" in smart.capabilities


def test_smart_configuration_missing(rsps: responses.RequestsMock, client: FhirClient) -> None:
    rsps.get(f"{BASE}/.well-known/smart-configuration", status=404)
    with pytest.raises(NotFound):
        client.smart_configuration()


def test_search_follows_next_links_relative_and_absolute(
    rsps: responses.RequestsMock, client: FhirClient
) -> None:
    rsps.get(
        f"{BASE}/Observation",
        match=[responses.matchers.query_param_matcher({"patient": "p1", "_count": "2"})],
        json=bundle([obs(1), obs(2)], "Observation?page=2", total=5),
    )
    rsps.get(f"{BASE}/Observation?page=2", json=bundle([obs(3), obs(4)], f"{BASE}/Observation?page=3"))
    rsps.get(f"{BASE}/Observation?page=3", json=bundle([obs(5)]))
    pages = list(client.search("Observation", {"patient": "p1", "_count": "2"}))
    assert [len(p.entries) for p in pages] == [2, 2, 1]
    assert pages[0].total == 5 and pages[1].total is None
    assert pages[0].next_url == f"{BASE}/Observation?page=2"
    assert pages[-1].next_url is None
    assert [r["id"] for page in pages for r in page.entries] == [
        "o1",
        "o2",
        "o3",
        "o4",
        "o5",
    ]
    assert all(c.request.headers["Authorization"] == "Bearer tok" for c in rsps.calls)


def test_included_resources_are_entries_but_not_matches_and_outcomes_are_left_out(
    rsps: responses.RequestsMock, client: FhirClient
) -> None:
    data = bundle([obs(1)])
    data["entry"].append({"resource": {"resourceType": "Patient", "id": "p1"}, "search": {"mode": "include"}})
    data["entry"].append(
        {"resource": {"resourceType": "OperationOutcome", "issue": []}, "search": {"mode": "outcome"}}
    )
    rsps.get(f"{BASE}/Observation", json=data)
    page = next(client.search("Observation", [("_include", "Observation:patient")]))
    assert len(page.entries) == 2 and [r["id"] for r in page.matches] == ["o1"]


def test_follow_resumes_from_a_stored_cursor(rsps: responses.RequestsMock, client: FhirClient) -> None:
    rsps.get(f"{BASE}/Observation?page=7", json=bundle([obs(7)]))
    assert [p.entries[0]["id"] for p in client.follow(f"{BASE}/Observation?page=7")] == ["o7"]


def test_paging_loops_and_foreign_next_links_stop(rsps: responses.RequestsMock, client: FhirClient) -> None:
    rsps.get(f"{BASE}/Observation", json=bundle([obs(1)], f"{BASE}/Observation"))
    with pytest.raises(MalformedResponse, match="circle"):
        list(client.search("Observation"))
    rsps.get(f"{BASE}/Condition", json=bundle([], "https://elsewhere.example/Condition?p=2"))
    with pytest.raises(MalformedResponse, match="another server"):
        list(client.search("Condition"))


def test_a_non_bundle_search_answer_is_malformed(rsps: responses.RequestsMock, client: FhirClient) -> None:
    rsps.get(f"{BASE}/Observation", json={"resourceType": "Observation", "id": "x"})
    with pytest.raises(MalformedResponse, match="Bundle"):
        list(client.search("Observation"))


def test_cancel_between_pages(rsps: responses.RequestsMock, client: FhirClient) -> None:
    rsps.get(f"{BASE}/Observation", json=bundle([obs(1)], f"{BASE}/Observation?page=2"))
    rsps.get(f"{BASE}/Observation?page=2", json=bundle([obs(2)]))
    cancel = CancelToken()
    pages = client.search("Observation", cancel=cancel)
    next(pages)
    cancel.cancel()
    with pytest.raises(OperationCancelled):
        next(pages)
    assert len(rsps.calls) == 1


def test_everything_with_since_and_types(rsps: responses.RequestsMock, client: FhirClient) -> None:
    rsps.get(f"{BASE}/Patient/p1/$everything", json=bundle([obs(1)]))
    since = datetime.datetime(2024, 3, 1, 8, 30, 15, 999, tzinfo=datetime.UTC)
    pages = list(client.everything("p1", since=since, types=["Observation", "Condition"]))
    assert pages[0].entries[0]["id"] == "o1"
    query = parse_qs(urlsplit(rsps.calls[0].request.url).query)
    assert query == {"_since": ["2024-03-01T08:30:15Z"], "_type": ["Observation,Condition"]}


def test_format_instant() -> None:
    cet = datetime.timezone(datetime.timedelta(hours=1))
    assert format_instant(datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=cet)) == "2024-01-02T03:04:05+01:00"
    assert format_instant("2024-01-01T00:00:00Z") == "2024-01-01T00:00:00Z"
    with pytest.raises(ValueError):
        format_instant(datetime.datetime(2024, 1, 1))


def test_history_marks_deletions(rsps: responses.RequestsMock, client: FhirClient) -> None:
    history = {
        "resourceType": "Bundle",
        "type": "history",
        "entry": [
            {
                "fullUrl": f"{BASE}/Observation/o1",
                "resource": {**obs(1), "meta": {"versionId": "3", "lastUpdated": "2024-05-01T10:00:00Z"}},
                "request": {"method": "PUT", "url": "Observation/o1"},
                "response": {"status": "200 OK"},
            },
            {
                "fullUrl": f"{BASE}/Observation/o2",
                "request": {"method": "DELETE", "url": "Observation/o2/_history/4"},
                "response": {"status": "410 Gone", "lastModified": "2024-05-02T09:00:00Z"},
            },
        ],
    }
    rsps.get(f"{BASE}/Observation/_history", json=history)
    pages = list(client.history("Observation", since="2024-04-01T00:00:00Z"))
    assert isinstance(pages[0], HistoryPage)
    changed, deleted = pages[0].changes
    assert (changed.resource_type, changed.id, changed.method, changed.deleted, changed.version_id) == (
        "Observation",
        "o1",
        "PUT",
        False,
        "3",
    )
    assert (deleted.resource_type, deleted.id, deleted.method, deleted.deleted, deleted.resource) == (
        "Observation",
        "o2",
        "DELETE",
        True,
        None,
    )
    assert deleted.last_modified == "2024-05-02T09:00:00Z"
    assert parse_qs(urlsplit(rsps.calls[0].request.url).query) == {"_since": ["2024-04-01T00:00:00Z"]}
    rsps.get(f"{BASE}/_history", json={"resourceType": "Bundle", "type": "history"})
    assert list(client.history())[0].changes == ()


def test_invalid_type_or_id_is_refused_before_sending(client: FhirClient) -> None:
    with pytest.raises(ValueError):
        client.read("Patient", "../metadata")
    with pytest.raises(ValueError):
        client.read("patient/x", "1")

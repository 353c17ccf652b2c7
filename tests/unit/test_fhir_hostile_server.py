"""A broken or hostile server: answers past the size, nesting or page limits, and redirects elsewhere."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import pytest
import responses

from consult_desktop.fhir.auth import make_auth
from consult_desktop.fhir.client import FhirClient
from consult_desktop.fhir.errors import OtherHostRefused, ResponseLimitExceeded
from consult_desktop.fhir.server_config import ServerConfig

BASE = "https://fhir.hospital.example/r4"


@pytest.fixture
def rsps() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def make_client(**limits: int) -> FhirClient:
    config = ServerConfig(base_url=BASE, auth_kind="bearer", token="tok-123", **limits)  # type: ignore[arg-type]
    return FhirClient(config, make_auth(config), sleep=lambda s: None)


def bundle(n: int) -> dict:
    return {"resourceType": "Bundle", "type": "searchset",
            "entry": [{"resource": {"resourceType": "Observation", "id": f"o{i}"}} for i in range(n)]}


def test_a_page_larger_than_the_configured_limit_is_refused(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Observation", json=bundle(200))
    with pytest.raises(ResponseLimitExceeded, match="larger than the allowed"):
        list(make_client(max_response_bytes=4096).search("Observation"))


def test_a_gzip_bomb_is_refused_by_its_decompressed_size(rsps: responses.RequestsMock) -> None:
    head = b'{"resourceType":"Bundle","type":"searchset","entry":['
    bomb = gzip.compress(head + b" " * (80 * 1024 * 1024) + b"]}", compresslevel=9)
    assert len(bomb) < 200 * 1024  # small on the wire
    rsps.get(f"{BASE}/Observation", body=bomb, headers={"Content-Encoding": "gzip"},
             content_type="application/fhir+json", auto_calculate_content_length=True)
    with pytest.raises(ResponseLimitExceeded, match="larger than the allowed 64 MB"):
        list(make_client().search("Observation"))


def test_deep_nesting_is_a_limit_not_a_recursion_error(rsps: responses.RequestsMock) -> None:
    body = b'{"resourceType":"Bundle","type":"searchset","entry":' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    rsps.get(f"{BASE}/Observation", body=body, content_type="application/fhir+json")
    with pytest.raises(ResponseLimitExceeded, match="nested deeper"):
        list(make_client().search("Observation"))
    shallow_but_too_deep = {"resourceType": "Bundle", "type": "searchset", "entry": []}
    node: dict = shallow_but_too_deep
    for _ in range(80):  # below Python's recursion limit, above the nesting limit
        node["extension"] = [{}]
        node = node["extension"][0]
    rsps.get(f"{BASE}/Condition", json=shallow_but_too_deep)
    with pytest.raises(ResponseLimitExceeded, match="nested deeper"):
        list(make_client().search("Condition"))


def test_too_many_resources_in_one_page(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Observation", json=bundle(30))
    with pytest.raises(ResponseLimitExceeded, match="more than 20 resources"):
        list(make_client(max_page_resources=20).search("Observation"))
    rsps.get(f"{BASE}/Condition", json=bundle(20))
    assert len(next(iter(make_client(max_page_resources=20).search("Condition"))).entries) == 20


def test_millions_of_empty_objects_are_refused_before_parsing(rsps: responses.RequestsMock) -> None:
    body = b'{"resourceType":"Bundle","entry":[' + b"{}," * 600_000 + b"{}]}"
    rsps.get(f"{BASE}/Observation", body=body, content_type="application/fhir+json")
    with pytest.raises(ResponseLimitExceeded, match="JSON objects"):
        list(make_client().search("Observation"))


def test_a_redirect_within_the_server_is_followed_with_the_token(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Patient/p1", status=302, headers={"Location": f"{BASE}/Patient/p1/_history/2"})
    rsps.get(f"{BASE}/Patient/p1/_history/2", json={"resourceType": "Patient", "id": "p1"})
    assert make_client().read("Patient", "p1")["id"] == "p1"
    assert [c.request.headers["Authorization"] for c in rsps.calls] == ["Bearer tok-123"] * 2


def test_an_attachment_redirected_to_another_host_is_not_fetched(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/Binary/b1", status=302, headers={"Location": "https://evil.example/letter.pdf"})
    rsps.get("https://evil.example/letter.pdf", body=b"%PDF-1.7 not the hospital's")
    with pytest.raises(OtherHostRefused):
        make_client().fetch_attachment("Binary/b1", max_bytes=10_000)
    assert [c.request.url for c in rsps.calls] == [f"{BASE}/Binary/b1"]


def test_a_next_page_redirected_elsewhere_stops_paging(rsps: responses.RequestsMock) -> None:
    first = {**bundle(1), "link": [{"relation": "next", "url": f"{BASE}/Observation?page=2"}]}
    rsps.get(f"{BASE}/Observation", json=first, match=[responses.matchers.query_string_matcher("")])
    rsps.get(f"{BASE}/Observation", status=307, headers={"Location": "https://evil.example/o2"},
             match=[responses.matchers.query_string_matcher("page=2")])
    pages = make_client().search("Observation")
    assert len(next(pages).entries) == 1
    with pytest.raises(OtherHostRefused):
        next(pages)
    assert json.dumps([c.request.url for c in rsps.calls]).count("evil.example") == 0

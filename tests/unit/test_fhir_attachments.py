"""Attachment downloads: Binary references, same-origin credentials only, and the size limit."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from typing import Any

import pytest
import responses

from consult_desktop.fhir.auth import make_auth
from consult_desktop.fhir.client import FhirClient
from consult_desktop.fhir.errors import AttachmentTooLarge, InsecureConnectionRefused, MalformedResponse
from consult_desktop.fhir.server_config import ServerConfig

BASE = "https://fhir.hospital.example/r4"
PDF = b"%PDF-1.7 letter " + b"x" * 1000


@pytest.fixture
def rsps() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def client() -> FhirClient:
    config = ServerConfig(base_url=BASE, auth_kind="bearer", token="tok")
    return FhirClient(config, make_auth(config), sleep=lambda s: None)


def test_binary_reference_is_resolved_and_sent_with_the_token(
    rsps: responses.RequestsMock, client: FhirClient
) -> None:
    rsps.get(f"{BASE}/Binary/b1", body=PDF, content_type="application/pdf")
    content_type, content = client.fetch_attachment("Binary/b1", max_bytes=10_000)
    assert (content_type, content) == ("application/pdf", PDF)
    assert rsps.calls[0].request.headers["Authorization"] == "Bearer tok"


def test_absolute_url_on_the_same_server_gets_the_token(
    rsps: responses.RequestsMock, client: FhirClient
) -> None:
    rsps.get("https://fhir.hospital.example/documents/42.pdf", body=PDF, content_type="application/pdf")
    client.fetch_attachment("https://fhir.hospital.example/documents/42.pdf", max_bytes=10_000)
    assert rsps.calls[0].request.headers["Authorization"] == "Bearer tok"


def test_url_on_another_host_is_refused_and_never_gets_the_token(
    rsps: responses.RequestsMock, client: FhirClient
) -> None:
    other = "https://documents.elsewhere.example/42.pdf"
    rsps.get(other, body=PDF, content_type="application/pdf")
    with pytest.raises(InsecureConnectionRefused, match="another server"):
        client.fetch_attachment(other, max_bytes=10_000)
    assert len(rsps.calls) == 0
    _, content = client.fetch_attachment(other, max_bytes=10_000, allow_other_hosts=True)
    assert content == PDF and "Authorization" not in rsps.calls[0].request.headers


def test_same_host_other_port_is_another_origin(rsps: responses.RequestsMock, client: FhirClient) -> None:
    with pytest.raises(InsecureConnectionRefused):
        client.fetch_attachment("https://fhir.hospital.example:8443/Binary/b1", max_bytes=10_000)


def test_declared_size_over_the_limit_stops_before_reading(
    rsps: responses.RequestsMock, client: FhirClient
) -> None:
    rsps.get(f"{BASE}/Binary/big", body=b"y" * 5000, content_type="application/pdf")
    with pytest.raises(AttachmentTooLarge) as info:
        client.fetch_attachment("Binary/big", max_bytes=1000)
    assert info.value.limit == 1000


class EndlessBody(io.RawIOBase):
    """A response body that would go on for 64 MB, counting what was actually read from it."""

    def __init__(self) -> None:
        self.produced = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.produced >= 64 * 1024 * 1024:
            return 0
        size = len(buffer)
        buffer[:size] = b"z" * size
        self.produced += size
        return size


def test_undeclared_size_is_enforced_while_streaming(
    rsps: responses.RequestsMock, client: FhirClient
) -> None:
    body = EndlessBody()
    rsps.get(
        f"{BASE}/Binary/stream",
        body=io.BufferedReader(body),
        content_type="application/octet-stream",
        auto_calculate_content_length=False,
    )
    with pytest.raises(AttachmentTooLarge):
        client.fetch_attachment("Binary/stream", max_bytes=200_000)
    assert 200_000 < body.produced < 1_000_000  # stopped early, not after downloading everything


def test_binary_resource_json_is_decoded(rsps: responses.RequestsMock, client: FhirClient) -> None:
    binary = {
        "resourceType": "Binary",
        "contentType": "application/pdf",
        "data": base64.b64encode(PDF).decode(),
    }
    rsps.get(f"{BASE}/Binary/b2", json=binary, content_type="application/fhir+json")
    assert client.fetch_attachment("Binary/b2", max_bytes=10_000) == ("application/pdf", PDF)
    with pytest.raises(AttachmentTooLarge):
        client.fetch_attachment("Binary/b2", max_bytes=500)


def test_unfetchable_references(client: FhirClient) -> None:
    for ref in ("#contained-1", "urn:uuid:1234", ""):
        with pytest.raises(MalformedResponse):
            client.fetch_attachment(ref, max_bytes=10)

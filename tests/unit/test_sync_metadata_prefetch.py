"""The CapabilityStatement asked for before unlocking: sent without credentials, used only when the encrypted
configuration has the same address and CA bundle and the answer fits its limits; the plain copy of the
addresses holds no secret, is private, survives no wipe and reads as nothing when damaged."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import responses

from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.store import Profile
from consult_desktop.store.server_addresses import ServerAddress, addresses_path, read_addresses, write_addresses
from consult_desktop.sync.metadata_prefetch import MetadataPrefetch
from consult_desktop.sync.server_settings import add_server, remove_server, save_server, server_id_for

BASE = "https://fhir.hospital.example/r4"
OTHER = "https://fhir.elsewhere.example/r4"
CAPS = {"resourceType": "CapabilityStatement", "status": "active", "kind": "instance", "fhirVersion": "4.0.1",
        "format": ["json"], "rest": [{"mode": "server", "resource": [{"type": "Observation"}]}]}
PASS = "prefetch passphrase 1"


@pytest.fixture
def rsps() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def config(base: str = BASE, **kwargs: object) -> ServerConfig:
    return ServerConfig(base_url=base, auth_kind="bearer", token="secret-token-1", **kwargs)  # type: ignore[arg-type]


def test_the_answer_is_used_with_the_same_address_and_no_credentials_are_sent(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/metadata", json=CAPS)
    prefetch = MetadataPrefetch([ServerAddress("s1", BASE)])
    caps = prefetch.take("s1", config())
    assert caps is not None and caps.supports_type("Observation")
    assert [c.request.url for c in rsps.calls] == [f"{BASE}/metadata"]
    assert "Authorization" not in rsps.calls[0].request.headers
    assert prefetch.take("s1", config()) is None  # once


@pytest.mark.parametrize("settings", [{"base": OTHER}, {"ca_bundle": "/etc/ssl/hospital-ca.pem"}])
def test_another_address_or_ca_bundle_in_the_encrypted_settings_drops_the_answer(
        rsps: responses.RequestsMock, settings: dict, tmp_path: Path) -> None:
    rsps.get(f"{BASE}/metadata", json=CAPS)
    prefetch = MetadataPrefetch([ServerAddress("s1", BASE)])
    bundle = tmp_path / "ca.pem"
    if "ca_bundle" in settings:
        bundle.write_text("not used")
        settings = {"ca_bundle": str(bundle)}
    assert prefetch.take("s1", config(**settings)) is None


def test_an_answer_past_the_servers_own_limit_or_not_a_capability_statement_is_dropped(
        rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/metadata", json=CAPS)
    rsps.get(f"{OTHER}/metadata", json={"resourceType": "OperationOutcome", "issue": []})
    prefetch = MetadataPrefetch([ServerAddress("s1", BASE), ServerAddress("s2", OTHER)])
    assert prefetch.take("s1", config(max_response_bytes=64)) is None
    assert prefetch.take("s2", config(OTHER)) is None


def test_a_failed_request_gives_nothing(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/metadata", status=503)
    prefetch = MetadataPrefetch([ServerAddress("s1", BASE)])
    assert prefetch.take("s1", config()) is None
    assert len(rsps.calls) == 1  # asked once: the sync's own discovery retries


def test_the_plain_copy_follows_the_server_list_and_holds_no_secret(tmp_path: Path) -> None:
    profile = Profile.resolve(tmp_path / "p")
    with profile.create(PASS) as store:
        assert read_addresses(profile.directory) == []
        save_server(store, config())
        assert read_addresses(profile.directory) == [ServerAddress(server_id_for(BASE), BASE, None)]
        add_server(store, config(OTHER))
        assert [a.base_url for a in read_addresses(profile.directory)] == [BASE, OTHER]
        remove_server(store, server_id_for(BASE))
        assert [a.base_url for a in read_addresses(profile.directory)] == [OTHER]
    text = addresses_path(profile.directory).read_text()
    assert "secret-token-1" not in text and set(json.loads(text)["servers"][0]) == {"id", "base_url", "ca_bundle"}
    if os.name == "posix":
        assert stat.S_IMODE(addresses_path(profile.directory).stat().st_mode) == 0o600
    profile.wipe()
    assert not addresses_path(profile.directory).exists()


def test_a_damaged_copy_reads_as_no_addresses(tmp_path: Path) -> None:
    addresses_path(tmp_path).write_bytes(b"\x00{not json")
    assert read_addresses(tmp_path) == []
    addresses_path(tmp_path).write_text(json.dumps({"servers": [{"id": 1, "base_url": BASE}, "x"]}))
    assert read_addresses(tmp_path) == []
    write_addresses(tmp_path, [ServerAddress("s1", BASE)])
    assert read_addresses(tmp_path) == [ServerAddress("s1", BASE)]

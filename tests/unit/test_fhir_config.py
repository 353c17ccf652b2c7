"""ServerConfig persistence without secrets, and the URL rules (https, loopback-only http)."""

from __future__ import annotations

import json

import pytest

from consult_desktop.fhir.errors import ConfigurationError, InsecureConnectionRefused
from consult_desktop.fhir.server_config import DEFAULT_SMART_SCOPE, ServerConfig
from consult_desktop.fhir.url_policy import check_url_allowed, is_loopback_host, same_origin


def test_to_dict_never_contains_secrets_and_round_trips() -> None:
    config = ServerConfig(
        base_url="https://fhir.hospital.example/r4/",
        auth_kind="client-credentials",
        client_id="consult-desktop",
        client_auth="private_key_jwt",
        key_id="k1",
        client_secret="s3cret-value",
        private_key_pem="-----BEGIN PRIVATE KEY-----abc",
        token="static-token-value",
        role="nurse",
        max_concurrency=6,
    )
    text = json.dumps(config.to_dict())
    for secret in ("s3cret-value", "BEGIN PRIVATE KEY", "static-token-value"):
        assert secret not in text
    again = ServerConfig.from_dict(json.loads(text))
    assert again.client_secret is None and again.private_key_pem is None and again.token is None
    assert again == ServerConfig(**{**again.__dict__})
    assert again.base_url == "https://fhir.hospital.example/r4"  # trailing slash removed
    assert (again.client_id, again.client_auth, again.key_id, again.role, again.max_concurrency) == (
        "consult-desktop",
        "private_key_jwt",
        "k1",
        "nurse",
        6,
    )
    restored = ServerConfig.from_dict(json.loads(text), client_secret="s3cret-value")
    assert restored.client_secret == "s3cret-value"
    assert restored.secrets() == {"client_secret": "s3cret-value"}


def test_from_dict_ignores_secrets_written_into_the_json_by_mistake() -> None:
    data = {"base_url": "https://h.example", "auth_kind": "bearer", "token": "leaked", "unknown": 1}
    assert ServerConfig.from_dict(data).token is None


def test_repr_hides_secrets() -> None:
    config = ServerConfig(base_url="https://h.example", auth_kind="bearer", token="tok-very-secret")
    assert "tok-very-secret" not in repr(config)


def test_plain_http_refused_for_a_remote_server_with_a_clear_message() -> None:
    with pytest.raises(ConfigurationError, match="plain http"):
        ServerConfig(base_url="http://fhir.hospital.example", auth_kind="bearer", token="t")


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8080/fhir", "http://[::1]:9/fhir", "http://127.3.4.5/fhir"],
)
def test_plain_http_allowed_to_loopback(url: str) -> None:
    assert ServerConfig(base_url=url).base_url == url


def test_plain_http_to_a_loopback_name_is_refused_as_the_readme_says() -> None:
    # README: plain http only to 127.0.0.1/::1 (loopback addresses); a name is resolved, possibly elsewhere.
    with pytest.raises(ConfigurationError, match="plain http"):
        ServerConfig(base_url="http://localhost/fhir")


@pytest.mark.parametrize("url", ["https://user:s3cret-pw@fhir.hospital.example/r4", "https://user@fhir.example/r4",
                                 "http://u:p@127.0.0.1:8080/fhir"])
def test_a_user_or_password_in_the_address_is_refused_without_echoing_it(url: str) -> None:
    with pytest.raises(ConfigurationError, match="user name or password") as info:
        ServerConfig(base_url=url, auth_kind="bearer", token="t")
    assert "s3cret" not in str(info.value) and "user:" not in str(info.value).split("(")[0]


def test_no_authentication_only_for_loopback() -> None:
    with pytest.raises(ConfigurationError, match="authentication"):
        ServerConfig(base_url="https://fhir.hospital.example", auth_kind="none")


def test_invalid_settings_are_refused() -> None:
    with pytest.raises(ConfigurationError):
        ServerConfig(base_url="https://h.example", auth_kind="magic")
    with pytest.raises(ConfigurationError):
        ServerConfig(base_url="https://h.example", auth_kind="smart")  # no client id
    with pytest.raises(ConfigurationError):
        ServerConfig(base_url="https://h.example", auth_kind="bearer", role="surgeon")
    with pytest.raises(ConfigurationError):
        ServerConfig(base_url="https://h.example", auth_kind="bearer", token_url="http://auth.example/token")
    with pytest.raises(ConfigurationError):
        ServerConfig.from_dict({"base_url": "https://h.example", "auth_kind": "bearer", "timeout": "soon"})
    with pytest.raises(ConfigurationError):
        ServerConfig.from_dict({"auth_kind": "bearer"})


def test_default_scopes() -> None:
    smart = ServerConfig(base_url="https://h.example", auth_kind="smart", client_id="c")
    assert smart.effective_scope == DEFAULT_SMART_SCOPE == "openid fhirUser offline_access user/*.rs"
    cc = ServerConfig(base_url="https://h.example", auth_kind="client-credentials", client_id="c")
    assert cc.effective_scope == "system/*.rs"


def test_url_policy() -> None:
    assert is_loopback_host("127.0.0.1") and is_loopback_host("::1") and not is_loopback_host("LOCALHOST")
    assert not is_loopback_host("10.0.0.1") and not is_loopback_host("localhost.evil.example")
    check_url_allowed("https://h.example/x")
    with pytest.raises(InsecureConnectionRefused):
        check_url_allowed("http://h.example/x")
    with pytest.raises(InsecureConnectionRefused):
        check_url_allowed("ftp://h.example/x")
    assert same_origin("https://h.example/a", "https://H.example:443/b")
    assert not same_origin("https://h.example/a", "https://h.example:8443/a")
    assert not same_origin("https://h.example/a", "http://h.example/a")

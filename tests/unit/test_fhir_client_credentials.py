"""OAuth2 client credentials: client_secret_basic / _post and private_key_jwt (SMART Backend Services)."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from urllib.parse import parse_qs

import jwt
import pytest
import responses
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from consult_desktop.fhir.auth import make_auth
from consult_desktop.fhir.client import FhirClient
from consult_desktop.fhir.client_credentials import JWT_BEARER, build_client_assertion
from consult_desktop.fhir.errors import AuthenticationFailed, ConfigurationError
from consult_desktop.fhir.server_config import ServerConfig

BASE = "https://fhir.hospital.example/r4"
TOKEN_URL = "https://auth.hospital.example/oauth/token"
NOW = 1_700_000_000.0
PATIENT = {"resourceType": "Patient", "id": "p1"}


@pytest.fixture
def rsps() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def pem(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def client_for(clock: list[float], **settings: object) -> FhirClient:
    config = ServerConfig(
        base_url=BASE, auth_kind="client-credentials", client_id="gp-app", token_url=TOKEN_URL, **settings
    )  # type: ignore[arg-type]
    return FhirClient(config, make_auth(config), sleep=lambda s: None, clock=lambda: clock[0])


def form_of(call: responses.Call) -> dict[str, str]:
    body = call.request.body
    text = body.decode() if isinstance(body, bytes) else str(body)
    return {k: v[0] for k, v in parse_qs(text).items()}


def test_client_secret_basic(rsps: responses.RequestsMock) -> None:
    rsps.post(TOKEN_URL, json={"access_token": "at-1", "token_type": "Bearer", "expires_in": 300})
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    client = client_for([NOW], client_secret="s&cret", client_auth="client_secret_basic")
    client.read("Patient", "p1")
    token_call, fhir_call = rsps.calls
    assert form_of(token_call) == {"grant_type": "client_credentials", "scope": "system/*.rs"}
    expected = base64.b64encode(b"gp-app:s%26cret").decode()
    assert token_call.request.headers["Authorization"] == f"Basic {expected}"
    assert fhir_call.request.headers["Authorization"] == "Bearer at-1"


def test_client_secret_post(rsps: responses.RequestsMock) -> None:
    rsps.post(TOKEN_URL, json={"access_token": "at-1", "expires_in": 300})
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    client_for([NOW], client_secret="pw", client_auth="client_secret_post", scope="system/Patient.rs").read(
        "Patient", "p1"
    )
    form = form_of(rsps.calls[0])
    assert form == {
        "grant_type": "client_credentials",
        "scope": "system/Patient.rs",
        "client_id": "gp-app",
        "client_secret": "pw",
    }
    assert "Authorization" not in rsps.calls[0].request.headers


@pytest.mark.parametrize("algorithm", ["RS384", "ES384"])
def test_private_key_jwt_assertion_claims(rsps: responses.RequestsMock, algorithm: str) -> None:
    key = (
        rsa.generate_private_key(65537, 2048)
        if algorithm == "RS384"
        else ec.generate_private_key(ec.SECP384R1())
    )
    rsps.post(TOKEN_URL, json={"access_token": "at-jwt", "expires_in": 300})
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    client = client_for([NOW], client_auth="private_key_jwt", private_key_pem=pem(key), key_id="kid-7")
    client.read("Patient", "p1")
    form = form_of(rsps.calls[0])
    assert form["grant_type"] == "client_credentials" and form["client_assertion_type"] == JWT_BEARER
    assert "client_secret" not in form
    assertion = form["client_assertion"]
    header = jwt.get_unverified_header(assertion)
    assert header["alg"] == algorithm and header["kid"] == "kid-7"
    claims = jwt.decode(
        assertion,
        key.public_key(),
        algorithms=[algorithm],
        audience=TOKEN_URL,
        options={"verify_exp": False, "verify_iat": False},
    )
    assert claims["iss"] == claims["sub"] == "gp-app"
    assert claims["aud"] == TOKEN_URL
    assert 0 < claims["exp"] - NOW <= 300
    assert len(claims["jti"]) >= 16


def test_each_assertion_has_a_fresh_jti() -> None:
    key = pem(ec.generate_private_key(ec.SECP384R1()))
    first = jwt.decode(
        build_client_assertion("c", TOKEN_URL, key, "k", NOW), options={"verify_signature": False}
    )
    second = jwt.decode(
        build_client_assertion("c", TOKEN_URL, key, "k", NOW), options={"verify_signature": False}
    )
    assert first["jti"] != second["jti"]


def test_unusable_private_keys_are_configuration_errors() -> None:
    with pytest.raises(ConfigurationError) as info:
        build_client_assertion(
            "c", TOKEN_URL, "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----", "k", NOW
        )
    assert "nope" not in str(info.value)
    p256 = pem(ec.generate_private_key(ec.SECP256R1()))
    with pytest.raises(ConfigurationError, match="P-384"):
        build_client_assertion("c", TOKEN_URL, p256, "k", NOW)


def test_tokens_are_cached_until_shortly_before_expiry(rsps: responses.RequestsMock) -> None:
    rsps.post(TOKEN_URL, json={"access_token": "at-1", "expires_in": 300})
    rsps.post(TOKEN_URL, json={"access_token": "at-2", "expires_in": 300})
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    clock = [NOW]
    client = client_for(clock, client_secret="pw")
    client.read("Patient", "p1")
    clock[0] += 100
    client.read("Patient", "p1")
    clock[0] += 190  # within the renewal margin of the 300 s token
    client.read("Patient", "p1")
    auth_headers = [
        c.request.headers.get("Authorization") for c in rsps.calls if c.request.url.startswith(BASE)
    ]
    assert auth_headers == ["Bearer at-1", "Bearer at-1", "Bearer at-2"]


def test_a_401_fetches_a_new_token_once(rsps: responses.RequestsMock) -> None:
    rsps.post(TOKEN_URL, json={"access_token": "at-old", "expires_in": 3600})
    rsps.post(TOKEN_URL, json={"access_token": "at-new", "expires_in": 3600})
    rsps.get(f"{BASE}/Patient/p1", status=401)
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    assert client_for([NOW], client_secret="pw").read("Patient", "p1")["id"] == "p1"
    fhir_calls = [c for c in rsps.calls if c.request.url.startswith(BASE)]
    assert [c.request.headers["Authorization"] for c in fhir_calls] == ["Bearer at-old", "Bearer at-new"]


def test_persistent_401_is_authentication_failed(rsps: responses.RequestsMock) -> None:
    rsps.post(TOKEN_URL, json={"access_token": "at", "expires_in": 3600})
    rsps.get(f"{BASE}/Patient/p1", status=401)
    with pytest.raises(AuthenticationFailed, match="client"):
        client_for([NOW], client_secret="pw").read("Patient", "p1")


def test_refused_client_credentials(rsps: responses.RequestsMock) -> None:
    rsps.post(TOKEN_URL, status=401, json={"error": "invalid_client", "error_description": "bad secret pw"})
    with pytest.raises(AuthenticationFailed) as info:
        client_for([NOW], client_secret="pw").read("Patient", "p1")
    assert info.value.oauth_error == "invalid_client"
    assert "invalid_client" in str(info.value) and "pw" not in str(info.value)


def test_token_url_is_discovered_from_the_smart_configuration(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/.well-known/smart-configuration", json={"token_endpoint": TOKEN_URL})
    rsps.post(TOKEN_URL, json={"access_token": "at", "expires_in": 300})
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    config = ServerConfig(
        base_url=BASE, auth_kind="client-credentials", client_id="gp-app", client_secret="pw"
    )
    FhirClient(config, make_auth(config), sleep=lambda s: None).read("Patient", "p1")
    assert [c.request.method for c in rsps.calls] == ["GET", "POST", "GET"]


def test_missing_secret_is_a_configuration_error() -> None:
    config = ServerConfig(base_url=BASE, auth_kind="client-credentials", client_id="gp-app")
    with pytest.raises(ConfigurationError, match="secret"):
        make_auth(config)

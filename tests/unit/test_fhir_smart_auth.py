"""SMART standalone launch with PKCE: the full flow over a real loopback redirect, refresh rotation,
and 'sign in again' when the sign-in expires or is revoked. The token endpoint is mocked; the browser
is a function that follows the redirect to the real 127.0.0.1 listener."""

from __future__ import annotations

import base64
import hashlib
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
import responses

from consult_desktop.fhir.auth import MemoryTokenStore, make_auth
from consult_desktop.fhir.client import FhirClient
from consult_desktop.fhir.concurrency import CancelToken
from consult_desktop.fhir.errors import (
    AuthenticationFailed,
    OperationCancelled,
    ServerUnreachable,
    SignInRequired,
)
from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.fhir.smart_auth import SmartAuth, code_challenge

BASE = "https://fhir.hospital.example/r4"
AUTHORIZE_URL = "https://auth.hospital.example/authorize"
TOKEN_URL = "https://auth.hospital.example/token"
NOW = 1_700_000_000.0
PATIENT = {"resourceType": "Patient", "id": "p1"}
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture
def rsps() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def browser_answering(
    extra: dict[str, str] | None = None, state: str | None = None, seen: dict[str, Any] | None = None
) -> Callable[[str], bool]:
    """A fake system browser: the user signs in, the hospital redirects to our loopback address."""

    def open_url(url: str) -> bool:
        query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        if seen is not None:
            seen["authorize_url"] = url
            seen["query"] = query
        answer = {
            "state": state if state is not None else query["state"],
            **(extra or {"code": "auth-code-1"}),
        }
        try:
            with NO_PROXY.open(f"{query['redirect_uri']}?{urlencode(answer)}", timeout=5) as page:
                if seen is not None:
                    seen["page_status"] = page.status
        except urllib.error.HTTPError as exc:
            if seen is not None:
                seen["page_status"] = exc.code
        return True

    return open_url


def smart_client(
    store: MemoryTokenStore, browser: Callable[[str], Any] = lambda url: True, discover: bool = False
) -> FhirClient:
    endpoints = {} if discover else {"authorize_url": AUTHORIZE_URL, "token_url": TOKEN_URL}
    config = ServerConfig(base_url=BASE, auth_kind="smart", client_id="consult-desktop", **endpoints)
    return FhirClient(
        config, make_auth(config, token_store=store, browser=browser), sleep=lambda s: None, clock=lambda: NOW
    )


def form_of(call: responses.Call) -> dict[str, str]:
    body = call.request.body
    text = body.decode() if isinstance(body, bytes) else str(body)
    return {k: v[0] for k, v in parse_qs(text).items()}


def test_full_authorization_code_flow_with_pkce(rsps: responses.RequestsMock) -> None:
    rsps.get(
        f"{BASE}/.well-known/smart-configuration",
        json={
            "authorization_endpoint": AUTHORIZE_URL,
            "token_endpoint": TOKEN_URL,
            "code_challenge_methods_supported": ["S256"],
        },
    )
    rsps.post(
        TOKEN_URL,
        json={
            "access_token": "at-1",
            "token_type": "Bearer",
            "expires_in": 3600,
            "refresh_token": "rt-1",
            "scope": "openid fhirUser offline_access user/*.rs",
            "id_token": "not-kept",
        },
    )
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    seen: dict[str, Any] = {}
    store = MemoryTokenStore()
    client = smart_client(store, browser_answering(seen=seen), discover=True)
    assert not client.signed_in

    client.sign_in()

    query = seen["query"]
    assert seen["authorize_url"].startswith(AUTHORIZE_URL + "?")
    assert query["response_type"] == "code" and query["client_id"] == "consult-desktop"
    assert query["scope"] == "openid fhirUser offline_access user/*.rs"
    assert query["aud"] == BASE and query["code_challenge_method"] == "S256"
    redirect = urlsplit(query["redirect_uri"])
    assert (redirect.scheme, redirect.hostname, redirect.path) == ("http", "127.0.0.1", "/callback")
    assert redirect.port and redirect.port > 0
    assert seen["page_status"] == 200  # the browser was told to return to the program

    form = form_of(next(c for c in rsps.calls if c.request.url == TOKEN_URL))
    assert form["grant_type"] == "authorization_code" and form["code"] == "auth-code-1"
    assert form["redirect_uri"] == query["redirect_uri"] and form["client_id"] == "consult-desktop"
    assert 43 <= len(form["code_verifier"]) <= 128
    assert code_challenge(form["code_verifier"]) == query["code_challenge"]
    digest = hashlib.sha256(form["code_verifier"].encode()).digest()
    assert base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == query["code_challenge"]

    saved = store.load()
    assert saved is not None and saved["refresh_token"] == "rt-1" and "id_token" not in saved
    assert saved["expires_at"] == NOW + 3600
    assert client.signed_in
    client.read("Patient", "p1")
    assert rsps.calls[-1].request.headers["Authorization"] == "Bearer at-1"


def test_state_mismatch_is_refused(rsps: responses.RequestsMock) -> None:
    seen: dict[str, Any] = {}
    store = MemoryTokenStore()
    client = smart_client(store, browser_answering(state="forged-state", seen=seen))
    with pytest.raises(AuthenticationFailed, match="state mismatch"):
        client.sign_in()
    assert seen["page_status"] == 400
    assert len(rsps.calls) == 0  # the code was never exchanged
    assert store.load() is None


def test_denied_sign_in(rsps: responses.RequestsMock) -> None:
    client = smart_client(MemoryTokenStore(), browser_answering(extra={"error": "access_denied"}))
    with pytest.raises(AuthenticationFailed) as info:
        client.sign_in()
    assert info.value.oauth_error == "access_denied" and len(rsps.calls) == 0


def test_sign_in_times_out_and_can_be_cancelled() -> None:
    config = ServerConfig(
        base_url=BASE, auth_kind="smart", client_id="c", authorize_url=AUTHORIZE_URL, token_url=TOKEN_URL
    )
    auth = SmartAuth(config, MemoryTokenStore(), browser=lambda url: True)
    FhirClient(config, auth, sleep=lambda s: None)
    with pytest.raises(AuthenticationFailed, match="not completed in time"):
        auth.sign_in(timeout=0.3)
    cancel = CancelToken()

    def impatient_user(url: str) -> bool:
        cancel.cancel()
        return True

    auth_cancel = SmartAuth(config, MemoryTokenStore(), browser=impatient_user)
    FhirClient(config, auth_cancel, sleep=lambda s: None)
    with pytest.raises(OperationCancelled):
        auth_cancel.sign_in(cancel=cancel)


def test_listener_ignores_other_paths_and_accepts_one_callback(rsps: responses.RequestsMock) -> None:
    rsps.post(TOKEN_URL, json={"access_token": "at", "refresh_token": "rt", "expires_in": 60})

    def browser(url: str) -> bool:
        query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        root = query["redirect_uri"].rsplit("/", 1)[0]
        with pytest.raises(urllib.error.HTTPError) as info:
            NO_PROXY.open(f"{root}/favicon.ico", timeout=5)
        assert info.value.code == 404
        NO_PROXY.open(f"{query['redirect_uri']}?code=c1&state={query['state']}", timeout=5).close()
        return True

    smart_client(MemoryTokenStore(), browser).sign_in()
    assert form_of(rsps.calls[0])["code"] == "c1"


def test_expired_access_token_is_refreshed_and_the_refresh_token_rotated(
    rsps: responses.RequestsMock,
) -> None:
    store = MemoryTokenStore({"access_token": "at-old", "expires_at": NOW - 5, "refresh_token": "rt-1"})
    rsps.post(TOKEN_URL, json={"access_token": "at-2", "expires_in": 3600, "refresh_token": "rt-2"})
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    smart_client(store).read("Patient", "p1")
    form = form_of(rsps.calls[0])
    assert form == {"grant_type": "refresh_token", "refresh_token": "rt-1", "client_id": "consult-desktop"}
    assert rsps.calls[1].request.headers["Authorization"] == "Bearer at-2"
    saved = store.load()
    assert saved is not None and saved["refresh_token"] == "rt-2" and saved["access_token"] == "at-2"


def test_refresh_without_rotation_keeps_the_refresh_token(rsps: responses.RequestsMock) -> None:
    store = MemoryTokenStore({"access_token": "at-old", "expires_at": NOW - 5, "refresh_token": "rt-1"})
    rsps.post(TOKEN_URL, json={"access_token": "at-2", "expires_in": 3600})
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    smart_client(store).read("Patient", "p1")
    saved = store.load()
    assert saved is not None and saved["refresh_token"] == "rt-1" and saved["access_token"] == "at-2"


def test_revoked_refresh_token_asks_to_sign_in_again(rsps: responses.RequestsMock) -> None:
    store = MemoryTokenStore({"access_token": "at-old", "expires_at": NOW - 5, "refresh_token": "rt-1"})
    rsps.post(TOKEN_URL, status=400, json={"error": "invalid_grant"})
    client = smart_client(store)
    with pytest.raises(SignInRequired, match="sign in again"):
        client.read("Patient", "p1")
    assert store.load() is None and not client.signed_in
    assert [c.request.url for c in rsps.calls] == [TOKEN_URL]  # nothing sent to the FHIR server


def test_401_refreshes_once_then_retries(rsps: responses.RequestsMock) -> None:
    store = MemoryTokenStore({"access_token": "at-1", "expires_at": NOW + 3000, "refresh_token": "rt-1"})
    rsps.get(f"{BASE}/Patient/p1", status=401)
    rsps.get(f"{BASE}/Patient/p1", json=PATIENT)
    rsps.post(TOKEN_URL, json={"access_token": "at-2", "expires_in": 3600, "refresh_token": "rt-2"})
    assert smart_client(store).read("Patient", "p1")["id"] == "p1"
    fhir = [c.request.headers["Authorization"] for c in rsps.calls if c.request.url.startswith(BASE)]
    assert fhir == ["Bearer at-1", "Bearer at-2"]


def test_401_after_a_fresh_token_means_sign_in_again(rsps: responses.RequestsMock) -> None:
    store = MemoryTokenStore({"access_token": "at-1", "expires_at": NOW + 3000, "refresh_token": "rt-1"})
    rsps.get(f"{BASE}/Patient/p1", status=401)
    rsps.post(TOKEN_URL, json={"access_token": "at-2", "expires_in": 3600})
    with pytest.raises(SignInRequired):
        smart_client(store).read("Patient", "p1")


def test_never_signed_in(rsps: responses.RequestsMock) -> None:
    with pytest.raises(SignInRequired):
        smart_client(MemoryTokenStore()).read("Patient", "p1")
    assert len(rsps.calls) == 0


def test_offline_refresh_keeps_the_sign_in(rsps: responses.RequestsMock) -> None:
    tokens = {"access_token": "at-old", "expires_at": NOW - 5, "refresh_token": "rt-1"}
    store = MemoryTokenStore(tokens)
    rsps.post(TOKEN_URL, body=requests.exceptions.ConnectionError("offline"))
    with pytest.raises(ServerUnreachable):
        smart_client(store).read("Patient", "p1")
    assert store.load() == tokens


def test_sign_out_clears_the_store() -> None:
    store = MemoryTokenStore({"refresh_token": "rt"})
    client = smart_client(store)
    assert client.signed_in
    assert isinstance(client.auth, SmartAuth)
    client.auth.sign_out()
    assert store.load() is None and not client.signed_in

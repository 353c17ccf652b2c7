"""The demo hospital's FHIR server over real HTTP on 127.0.0.1: metadata, OAuth/SMART, authorisation by
therapeutic relationship, search and paging, $everything, Bulk Data export, history, Binary, faults, CLI."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import secrets
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from fhir.resources.R4B.binary import Binary
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.operationoutcome import OperationOutcome

from consult_desktop.demo import DemoHospital, DemoServer
from consult_desktop.demo.auth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PUBLIC_CLIENT_ID

REFERENCE = dt.date(2026, 3, 2)
GP = "gp-001"


def new_hospital() -> DemoHospital:
    return DemoHospital(16, seed=5, reference_date=REFERENCE)


@pytest.fixture(scope="module")
def shared() -> Iterator[DemoServer]:
    """A server that tests only read from."""
    with DemoServer(new_hospital(), export_delay=0.3, page_size=20) as server:
        yield server


@pytest.fixture
def fresh() -> Iterator[DemoServer]:
    """A server of its own, for tests that change data, faults or tokens."""
    with DemoServer(new_hospital(), export_delay=0.3, page_size=20) as server:
        yield server


def client(server: DemoServer, practitioner: str = GP) -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {server.issue_token(practitioner)}"
    session.headers["Accept"] = "application/fhir+json"
    return session


def all_pages(session: requests.Session, url: str, **params: object) -> tuple[list[dict], list[dict]]:
    """(entries, bundles) following next links."""
    bundles, entries = [], []
    response = session.get(url, params=params, timeout=10)
    while True:
        assert response.status_code == 200, response.text
        page = response.json()
        bundles.append(page)
        entries.extend(page.get("entry", []))
        nxt = next((link["url"] for link in page["link"] if link["relation"] == "next"), None)
        if nxt is None:
            return entries, bundles
        response = session.get(nxt, timeout=10)


def outsider_of(server: DemoServer) -> str:
    authorised = set(server.hospital.authorised_patient_ids(GP))
    return next(p for p in server.hospital.patient_ids() if p not in authorised)


# -- metadata and SMART configuration ---------------------------------------------------------------------------


def test_capability_statement_describes_the_server(shared: DemoServer) -> None:
    response = requests.get(f"{shared.base_url}/metadata", timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/fhir+json")
    statement = response.json()
    CapabilityStatement.model_validate(statement)
    assert statement["fhirVersion"] == "4.0.1"
    rest = statement["rest"][0]
    assert {"code": "history-system"} in rest["interaction"]
    by_type = {r["type"]: r for r in rest["resource"]}
    for rtype in ("Patient", "Observation", "DocumentReference", "MedicationRequest", "Group"):
        codes = {i["code"] for i in by_type[rtype]["interaction"]}
        assert {"read", "search-type"} <= codes
    assert {"history-type"} <= {i["code"] for i in by_type["Observation"]["interaction"]}
    params = {p["name"] for p in by_type["Observation"]["searchParam"]}
    assert {"_lastUpdated", "_count", "patient", "_id"} <= params
    assert "general-practitioner" in {p["name"] for p in by_type["Patient"]["searchParam"]}
    assert "everything" in {o["name"] for o in by_type["Patient"]["operation"]}
    assert "export" in {o["name"] for o in by_type["Group"]["operation"]}
    oauth = rest["security"]["extension"][0]["extension"]
    assert {e["url"] for e in oauth} == {"token", "authorize"}


def test_switched_off_capabilities_are_absent_and_refused() -> None:
    off = {"export": False, "everything": False, "history": False, "patient_list_search": False}
    with DemoServer(new_hospital(), capabilities=off) as server:
        statement = requests.get(f"{server.base_url}/metadata", timeout=10).json()
        rest = statement["rest"][0]
        assert "interaction" not in rest
        by_type = {r["type"]: r for r in rest["resource"]}
        assert "operation" not in by_type["Patient"] and "operation" not in by_type["Group"]
        assert "history-type" not in {i["code"] for i in by_type["Observation"]["interaction"]}
        session = client(server)
        patients = server.hospital.authorised_patient_ids(GP)
        base = server.base_url
        assert session.get(f"{base}/Patient/{patients[0]}/$everything").status_code == 404
        kick = session.get(f"{base}/Group/grp-{GP}/$export", headers={"Prefer": "respond-async"})
        assert kick.status_code == 404
        assert session.get(f"{base}/_history").status_code == 404
        assert session.get(f"{base}/Observation/_history").status_code == 404
        listed = session.get(f"{base}/Observation", params={"patient": ",".join(patients[:2])})
        assert listed.status_code == 400
        assert listed.json()["resourceType"] == "OperationOutcome"
        assert session.get(f"{base}/Observation", params={"patient": patients[0]}).status_code == 200


def test_smart_configuration(shared: DemoServer) -> None:
    config = requests.get(f"{shared.base_url}/.well-known/smart-configuration", timeout=10).json()
    assert config["token_endpoint"] == shared.token_url
    assert config["authorization_endpoint"] == shared.authorize_url
    assert set(config["token_endpoint_auth_methods_supported"]) == {
        "client_secret_basic", "client_secret_post", "private_key_jwt"}
    assert config["code_challenge_methods_supported"] == ["S256"]
    assert {"authorization_code", "client_credentials", "refresh_token"} <= set(config["grant_types_supported"])
    assert {"launch-standalone", "client-public", "client-confidential-symmetric", "client-confidential-asymmetric",
            "permission-offline", "permission-user", "sso-openid-connect",
            "context-standalone-patient"} <= set(config["capabilities"])
    assert "offline_access" in config["scopes_supported"]


# -- authentication ---------------------------------------------------------------------------------------------


def test_requests_without_a_valid_token_are_refused(fresh: DemoServer) -> None:
    url = f"{fresh.base_url}/Patient"
    missing = requests.get(url, timeout=10)
    assert missing.status_code == 401 and missing.headers["WWW-Authenticate"].startswith("Bearer")
    OperationOutcome.model_validate(missing.json())
    wrong = requests.get(url, headers={"Authorization": "Bearer not-a-token"}, timeout=10)
    assert wrong.status_code == 401 and 'error="invalid_token"' in wrong.headers["WWW-Authenticate"]
    session = client(fresh)
    assert session.get(url).status_code == 200
    fresh.expire_tokens()
    expired = session.get(url)
    assert expired.status_code == 401 and 'error="invalid_token"' in expired.headers["WWW-Authenticate"]
    token = fresh.issue_token(GP)
    fresh.revoke_token(token)
    assert requests.get(url, headers={"Authorization": f"Bearer {token}"}, timeout=10).status_code == 401


def test_client_credentials_with_a_shared_secret(fresh: DemoServer) -> None:
    basic = requests.post(fresh.token_url, data={"grant_type": "client_credentials", "scope": "system/*.rs"},
                          auth=(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET), timeout=10)
    assert basic.status_code == 200, basic.text
    body = basic.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 3600 and "refresh_token" not in body
    assert basic.headers["Cache-Control"] == "no-store"
    posted = requests.post(fresh.token_url, data={"grant_type": "client_credentials", "client_id": DEMO_CLIENT_ID,
                                                  "client_secret": DEMO_CLIENT_SECRET}, timeout=10)
    assert posted.status_code == 200
    response = requests.get(f"{fresh.base_url}/Patient",
                            headers={"Authorization": f"Bearer {posted.json()['access_token']}"}, timeout=10)
    assert response.json()["total"] == len(fresh.hospital.authorised_patient_ids(GP))
    refused = requests.post(fresh.token_url, data={"grant_type": "client_credentials"},
                            auth=(DEMO_CLIENT_ID, "wrong"), timeout=10)
    assert refused.status_code == 401 and refused.json()["error"] == "invalid_client"


def assertion(key: object, algorithm: str, client_id: str, audience: str, jti: str | None = None) -> str:
    now = int(time.time())
    claims = {"iss": client_id, "sub": client_id, "aud": audience, "exp": now + 240, "iat": now,
              "jti": jti or str(uuid.uuid4())}
    return jwt.encode(claims, key, algorithm=algorithm, headers={"kid": "test-key"})


@pytest.mark.parametrize("algorithm", ["RS384", "ES384"])
def test_client_credentials_with_private_key_jwt(fresh: DemoServer, algorithm: str) -> None:
    if algorithm == "RS384":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    else:
        key = ec.generate_private_key(ec.SECP384R1())
    pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    fresh.register_client("backend-service", practitioner_id="gp-002", public_key=pem)
    jti = str(uuid.uuid4())
    form = {"grant_type": "client_credentials", "scope": "system/*.rs",
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": assertion(key, algorithm, "backend-service", fresh.token_url, jti)}
    granted = requests.post(fresh.token_url, data=form, timeout=10)
    assert granted.status_code == 200, granted.text
    token = granted.json()["access_token"]
    patients = requests.get(f"{fresh.base_url}/Patient", headers={"Authorization": f"Bearer {token}"},
                            timeout=10).json()
    assert patients["total"] == len(fresh.hospital.authorised_patient_ids("gp-002"))
    replay = requests.post(fresh.token_url, data=form, timeout=10)
    assert replay.status_code == 401 and replay.json()["error"] == "invalid_client"
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = dict(form, client_assertion=assertion(other_key, "RS384", "backend-service", fresh.token_url))
    assert requests.post(fresh.token_url, data=forged, timeout=10).status_code == 401
    wrong_audience = dict(form, client_assertion=assertion(key, algorithm, "backend-service", "https://elsewhere"))
    assert requests.post(fresh.token_url, data=wrong_audience, timeout=10).status_code == 401


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    return verifier, challenge


def authorize(server: DemoServer, challenge: str, redirect: str, scope: str) -> dict[str, list[str]]:
    response = requests.get(server.authorize_url, params={
        "response_type": "code", "client_id": DEMO_PUBLIC_CLIENT_ID, "redirect_uri": redirect, "scope": scope,
        "state": "xyz-state", "code_challenge": challenge, "code_challenge_method": "S256",
        "aud": server.base_url}, allow_redirects=False, timeout=10)
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith(redirect)
    return parse_qs(urlsplit(location).query)


def test_authorization_code_with_pkce_and_refresh_rotation(fresh: DemoServer) -> None:
    redirect = "http://127.0.0.1:53682/callback"
    verifier, challenge = pkce_pair()
    query = authorize(fresh, challenge, redirect, "openid fhirUser offline_access user/*.rs")
    assert query["state"] == ["xyz-state"]
    code = query["code"][0]
    exchange = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect,
                "client_id": DEMO_PUBLIC_CLIENT_ID}
    wrong = requests.post(fresh.token_url, data=dict(exchange, code_verifier=pkce_pair()[0]), timeout=10)
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"

    verifier, challenge = pkce_pair()
    code = authorize(fresh, challenge, redirect, "openid fhirUser offline_access user/*.rs")["code"][0]
    exchange["code"] = code
    tokens = requests.post(fresh.token_url, data=dict(exchange, code_verifier=verifier), timeout=10)
    assert tokens.status_code == 200, tokens.text
    body = tokens.json()
    claims = jwt.decode(body["id_token"], options={"verify_signature": False})
    assert claims["fhirUser"].endswith(f"/Practitioner/{GP}")
    again = requests.post(fresh.token_url, data=dict(exchange, code_verifier=verifier), timeout=10)
    assert again.status_code == 400  # a code works once
    headers = {"Authorization": f"Bearer {body['access_token']}"}
    assert requests.get(f"{fresh.base_url}/Patient", headers=headers, timeout=10).status_code == 200

    refresh = {"grant_type": "refresh_token", "client_id": DEMO_PUBLIC_CLIENT_ID}
    rotated = requests.post(fresh.token_url, data=dict(refresh, refresh_token=body["refresh_token"]), timeout=10)
    assert rotated.status_code == 200
    second = rotated.json()
    assert second["refresh_token"] != body["refresh_token"]
    reused = requests.post(fresh.token_url, data=dict(refresh, refresh_token=body["refresh_token"]), timeout=10)
    assert reused.status_code == 400 and reused.json()["error"] == "invalid_grant"
    # presenting a used refresh token revokes the whole grant, the rotated tokens included
    assert requests.post(fresh.token_url, data=dict(refresh, refresh_token=second["refresh_token"]),
                         timeout=10).status_code == 400
    assert requests.get(f"{fresh.base_url}/Patient", headers={"Authorization": f"Bearer {second['access_token']}"},
                        timeout=10).status_code == 401


def test_authorize_refuses_non_loopback_redirects_and_plain_pkce(fresh: DemoServer) -> None:
    _, challenge = pkce_pair()
    params = {"response_type": "code", "client_id": DEMO_PUBLIC_CLIENT_ID, "scope": "user/*.rs",
              "code_challenge": challenge, "code_challenge_method": "S256", "state": "s"}
    evil = requests.get(fresh.authorize_url, params=dict(params, redirect_uri="https://evil.example/cb"),
                        allow_redirects=False, timeout=10)
    assert evil.status_code == 400
    plain = requests.get(fresh.authorize_url, params=dict(params, redirect_uri="http://localhost:9/cb",
                                                          code_challenge_method="plain"),
                         allow_redirects=False, timeout=10)
    assert plain.status_code == 302 and "error=invalid_request" in plain.headers["Location"]


def test_no_auth_mode_serves_the_default_practitioner() -> None:
    with DemoServer(new_hospital(), auth="none") as server:
        statement = requests.get(f"{server.base_url}/metadata", timeout=10).json()
        assert "security" not in statement["rest"][0]
        patients = requests.get(f"{server.base_url}/Patient", timeout=10).json()
        assert patients["total"] == len(server.hospital.authorised_patient_ids(GP))
        other = requests.get(f"{server.base_url}/Patient", headers={"X-Demo-Practitioner": "gp-002"}, timeout=10)
        assert other.json()["total"] == len(server.hospital.authorised_patient_ids("gp-002"))


# -- authorisation by therapeutic relationship ------------------------------------------------------------------


def test_a_gp_sees_only_patients_with_an_active_relationship(fresh: DemoServer) -> None:
    session, base = client(fresh), fresh.base_url
    authorised = fresh.hospital.authorised_patient_ids(GP)
    entries, _ = all_pages(session, f"{base}/Patient")
    assert sorted(e["resource"]["id"] for e in entries) == authorised
    outsider = outsider_of(fresh)
    assert session.get(f"{base}/Patient/{outsider}").status_code == 403
    assert session.get(f"{base}/Observation", params={"patient": outsider}).status_code == 403
    listed, _ = all_pages(session, f"{base}/Condition", patient=f"{authorised[0]},Patient/{outsider}")
    assert {e["resource"]["subject"]["reference"] for e in listed} == {f"Patient/{authorised[0]}"}
    by_gp = session.get(f"{base}/Patient", params={"general-practitioner": f"Practitioner/{GP}", "_count": 500})
    assert all(e["resource"]["generalPractitioner"][0]["reference"] == f"Practitioner/{GP}"
               for e in by_gp.json()["entry"])
    picked = session.get(f"{base}/Patient", params={"_id": f"{authorised[0]},{authorised[1]},{outsider}"}).json()
    assert picked["total"] == 2

    leaving = authorised[0]
    fresh.hospital.end_relationship(leaving, GP)
    assert session.get(f"{base}/Patient/{leaving}").status_code == 403
    assert session.get(f"{base}/Encounter", params={"patient": leaving}).status_code == 403
    assert leaving not in {m["entity"]["reference"][8:] for m in session.get(f"{base}/Group/grp-{GP}").json()["member"]}
    fresh.hospital.start_relationship(outsider, GP)
    assert session.get(f"{base}/Patient/{outsider}").status_code == 200
    assert session.get(f"{base}/Group/grp-gp-002").status_code == 403


def test_type_level_search_covers_all_authorised_patients(shared: DemoServer) -> None:
    entries, bundles = all_pages(client(shared), f"{shared.base_url}/Observation", _count=50)
    authorised = {f"Patient/{p}" for p in shared.hospital.authorised_patient_ids(GP)}
    subjects = {e["resource"]["subject"]["reference"] for e in entries}
    assert subjects == authorised
    assert len(entries) == bundles[0]["total"] == len({e["resource"]["id"] for e in entries})
    potassium = client(shared).get(f"{shared.base_url}/Observation",
                                   params={"code": "http://loinc.org|2823-3", "category": "laboratory"}).json()
    assert 0 < potassium["total"] < len(entries)
    assert {e["resource"]["code"]["coding"][0]["code"] for e in potassium["entry"]} == {"2823-3"}
    Bundle.model_validate(bundles[0])


# -- paging and incremental search ------------------------------------------------------------------------------


def test_paging_is_opaque_complete_and_stable_while_data_changes(fresh: DemoServer) -> None:
    session, base = client(fresh), fresh.base_url
    first = session.get(f"{base}/Observation", params={"_count": 7}).json()
    total = first["total"]
    next_url = next(link["url"] for link in first["link"] if link["relation"] == "next")
    assert "_cursor=" in next_url and "lastUpdated" not in next_url.split("_cursor=")[1]
    seen = [e["resource"]["id"] for e in first["entry"]]
    assert len(seen) == 7
    # change data while the client is paging: one resource not seen yet is updated, one is added
    patient = fresh.hospital.authorised_patient_ids(GP)[0]
    unseen = next(o["id"] for o in fresh.hospital.resources_of_patient(patient, "Observation") if o["id"] not in seen)
    fresh.hospital.touch("Observation", unseen)
    added = fresh.hospital.add_lab_result(patient, "crp", 12.0)
    response = session.get(next_url)
    while True:
        page = response.json()
        seen.extend(e["resource"]["id"] for e in page.get("entry", []))
        nxt = next((link["url"] for link in page["link"] if link["relation"] == "next"), None)
        if nxt is None:
            break
        response = session.get(nxt)
    assert set(seen) >= {o for o in fresh.hospital.log.ids_of_type("Observation")
                         if fresh.hospital.current("Observation", o).patient in
                         fresh.hospital.authorised_patient_ids(GP)}
    assert unseen in seen and added in seen and len(set(seen)) == total + 1
    tampered = next_url[:-3] + ("AAA" if not next_url.endswith("AAA") else "BBB")
    assert session.get(tampered).status_code == 400


def test_last_updated_returns_only_what_changed(fresh: DemoServer) -> None:
    session, base = client(fresh), fresh.base_url
    patients = fresh.hospital.authorised_patient_ids(GP)[:3]
    everything, bundles = all_pages(session, f"{base}/DocumentReference", patient=",".join(patients))
    assert everything
    cursor = bundles[0]["meta"]["lastUpdated"]
    assert session.get(f"{base}/DocumentReference",
                       params={"patient": ",".join(patients), "_lastUpdated": f"gt{cursor}"}).json()["total"] == 0
    new_doc = fresh.hospital.add_document(patients[1], text="Résultat complémentaire")
    amended = next(e["resource"]["id"] for e in everything
                   if e["resource"]["type"]["coding"][0]["code"] == "18842-5")
    fresh.hospital.amend_document(amended)
    changed = session.get(f"{base}/DocumentReference",
                          params={"patient": ",".join(f"Patient/{p}" for p in patients),
                                  "_lastUpdated": f"gt{cursor}"}).json()
    assert {e["resource"]["id"] for e in changed["entry"]} == {new_doc, amended}
    letters = session.get(f"{base}/DocumentReference", params={"patient": ",".join(patients), "_lastUpdated":
                                                              f"gt{cursor}", "type": "http://loinc.org|11504-8"})
    assert letters.json()["total"] == 0  # the new and the amended documents are discharge letters
    old = session.get(f"{base}/DocumentReference", params={"patient": patients[0], "_lastUpdated": "lt2000-01-01"})
    assert old.json()["total"] == 0
    assert session.get(f"{base}/Observation", params={"_lastUpdated": "gt31/02/1970"}).status_code == 400


def test_include_medication_and_summary_count(shared: DemoServer) -> None:
    session = client(shared)
    patients = ",".join(shared.hospital.authorised_patient_ids(GP))
    entries, _ = all_pages(session, f"{shared.base_url}/MedicationRequest", patient=patients,
                           _include="MedicationRequest:medication", _count=200)
    referenced = {e["resource"]["medicationReference"]["reference"] for e in entries
                  if e["search"]["mode"] == "match" and
                  e["resource"].get("medicationReference", {}).get("reference", "").startswith("Medication/")}
    included = {f"Medication/{e['resource']['id']}" for e in entries if e["search"]["mode"] == "include"}
    assert referenced and referenced == included
    counted = session.get(f"{shared.base_url}/MedicationRequest", params={"patient": patients, "_summary": "count"})
    assert "entry" not in counted.json() and counted.json()["total"] == len(entries) - len(included)


# -- reads ------------------------------------------------------------------------------------------------------


def test_read_vread_deleted_and_unknown(fresh: DemoServer) -> None:
    session, base = client(fresh), fresh.base_url
    patient = fresh.hospital.authorised_patient_ids(GP)[0]
    obs = fresh.hospital.resources_of_patient(patient, "Observation")[0]["id"]
    read = session.get(f"{base}/Observation/{obs}")
    assert read.status_code == 200 and read.headers["ETag"] == 'W/"1"'
    fresh.hospital.touch("Observation", obs)
    assert session.get(f"{base}/Observation/{obs}").json()["meta"]["versionId"] == "2"
    assert session.get(f"{base}/Observation/{obs}/_history/1").json()["meta"]["versionId"] == "1"
    fresh.hospital.delete_resource("Observation", obs)
    gone = session.get(f"{base}/Observation/{obs}")
    assert gone.status_code == 410 and gone.json()["issue"][0]["code"] == "deleted"
    assert session.get(f"{base}/Observation/does-not-exist").status_code == 404
    assert session.get(f"{base}/NoSuchType").status_code == 404
    assert session.put(f"{base}/Observation/{obs}", json={}).status_code == 405


def test_binary_raw_and_as_fhir_resource(shared: DemoServer) -> None:
    session, base = client(shared), shared.base_url
    urls = [e["resource"]["content"][0]["attachment"] for e in all_pages(session, f"{base}/DocumentReference")[0]]
    relative = next(a for a in urls if a.get("url", "").startswith("Binary/") and a["contentType"] == "application/pdf")
    absolute = next(a for a in urls if a.get("url", "").startswith("http"))
    assert absolute["url"].startswith(f"{base}/Binary/")
    raw = session.get(f"{base}/{relative['url']}", headers={"Accept": "application/pdf"})
    assert raw.status_code == 200 and raw.headers["Content-Type"] == "application/pdf"
    assert raw.content.startswith(b"%PDF-")
    resource = session.get(f"{base}/{relative['url']}", headers={"Accept": "application/fhir+json"}).json()
    Binary.model_validate(resource)
    assert resource["contentType"] == "application/pdf"
    assert base64.b64decode(resource["data"]) == raw.content
    assert session.get(absolute["url"], headers={"Accept": "*/*"}).status_code == 200
    mine_only = set(shared.hospital.authorised_patient_ids(GP)) - set(shared.hospital.authorised_patient_ids("gp-002"))
    foreign = next(a["url"] for a in urls if a.get("url", "").startswith("Binary/")
                   and shared.hospital.attachment_source(a["url"][7:]).patient in mine_only)
    assert client(shared, "gp-002").get(f"{base}/{foreign}").status_code == 403
    assert session.get(f"{base}/Binary/no-such-binary").status_code == 404


# -- $everything ------------------------------------------------------------------------------------------------


def test_everything_returns_the_whole_record_in_pages(shared: DemoServer) -> None:
    session = client(shared)
    patient = next(p for p in shared.hospital.authorised_patient_ids(GP)
                   if shared.hospital.resources_of_patient(p, "Medication"))
    entries, bundles = all_pages(session, f"{shared.base_url}/Patient/{patient}/$everything", _count=15)
    assert len(bundles) > 1
    types = {e["resource"]["resourceType"] for e in entries}
    assert {"Patient", "Encounter", "Observation", "MedicationRequest", "Medication", "Practitioner"} <= types
    assert len(entries) == bundles[0]["total"] == len(shared.hospital.resources_of_patient(patient)) + len(
        [r for r in shared.hospital.shared_references(patient)])
    only = session.get(f"{shared.base_url}/Patient/{patient}/$everything",
                       params={"_type": "Condition,AllergyIntolerance", "_count": 500}).json()
    assert {e["resource"]["resourceType"] for e in only["entry"]} <= {"Condition", "AllergyIntolerance"}
    recent = session.get(f"{shared.base_url}/Patient/{patient}/$everything",
                         params={"_since": bundles[0]["meta"]["lastUpdated"]}).json()
    assert recent["total"] == 0
    assert session.get(f"{shared.base_url}/Patient/{outsider_of(shared)}/$everything").status_code == 403


# -- Bulk Data export -------------------------------------------------------------------------------------------


def wait_for_manifest(session: requests.Session, status_url: str) -> dict:
    progress_seen = False
    for _ in range(100):
        status = session.get(status_url)
        if status.status_code == 200:
            assert progress_seen
            return status.json()
        assert status.status_code == 202
        assert status.headers["Retry-After"] == "1" and "X-Progress" in status.headers
        progress_seen = True
        time.sleep(0.1)
    raise AssertionError("export never finished")


def test_group_export_flow(fresh: DemoServer) -> None:
    session, base = client(fresh), fresh.base_url
    group = session.get(f"{base}/Group/grp-{GP}").json()
    members = sorted(m["entity"]["reference"][8:] for m in group["member"])
    assert members == fresh.hospital.authorised_patient_ids(GP)
    assert session.get(f"{base}/Group/grp-{GP}/$export").status_code == 400  # Prefer: respond-async missing
    assert session.get(f"{base}/Group/grp-gp-002/$export", headers={"Prefer": "respond-async"}).status_code == 403
    kick = session.get(f"{base}/Group/grp-{GP}/$export", headers={"Prefer": "respond-async"},
                       params={"_type": "Patient,Observation,DocumentReference"})
    assert kick.status_code == 202
    manifest = wait_for_manifest(session, kick.headers["Content-Location"])
    assert manifest["requiresAccessToken"] is True and manifest["error"] == []
    assert {o["type"] for o in manifest["output"]} == {"Patient", "Observation", "DocumentReference"}
    patients_file = next(o for o in manifest["output"] if o["type"] == "Patient")
    assert requests.get(patients_file["url"], timeout=10).status_code == 401
    lines = session.get(patients_file["url"]).text.splitlines()
    assert len(lines) == patients_file["count"] == len(members)
    assert sorted(json.loads(line)["id"] for line in lines) == members

    gone = fresh.hospital.resources_of_patient(members[0], "Observation")[0]["id"]
    fresh.hospital.delete_resource("Observation", gone)
    new_doc = fresh.hospital.add_document(members[1])
    since = session.get(f"{base}/Group/grp-{GP}/$export", headers={"Prefer": "respond-async"},
                        params={"_since": manifest["transactionTime"]})
    incremental = wait_for_manifest(session, since.headers["Content-Location"])
    assert [o["type"] for o in incremental["output"]] == ["DocumentReference"]
    doc_lines = session.get(incremental["output"][0]["url"]).text.splitlines()
    assert [json.loads(line)["id"] for line in doc_lines] == [new_doc]
    deleted = session.get(incremental["deleted"][0]["url"]).json()
    assert deleted["type"] == "transaction"
    assert deleted["entry"] == [{"request": {"method": "DELETE", "url": f"Observation/{gone}"}}]

    cancelled = session.get(f"{base}/Patient/$export", headers={"Prefer": "respond-async"})
    status_url = cancelled.headers["Content-Location"]
    assert session.delete(status_url).status_code == 202
    assert session.get(status_url).status_code == 404


# -- history ----------------------------------------------------------------------------------------------------


def test_history_lists_updates_and_deletions_of_authorised_patients(fresh: DemoServer) -> None:
    session, base = client(fresh), fresh.base_url
    patient = fresh.hospital.authorised_patient_ids(GP)[0]
    outsider = outsider_of(fresh)
    since = session.get(f"{base}/Patient", params={"_count": 1}).json()["meta"]["lastUpdated"]
    obs = fresh.hospital.resources_of_patient(patient, "Observation")[0]["id"]
    doc = fresh.hospital.resources_of_patient(patient, "DocumentReference")[0]["id"]
    fresh.hospital.delete_resource("Observation", obs)
    fresh.hospital.amend_document(doc)
    fresh.hospital.add_lab_result(outsider, "sodium", 139)
    entries, bundles = all_pages(session, f"{base}/_history", _since=since, _count=1)
    assert bundles[0]["type"] == "history" and len(bundles) == 2 == bundles[0]["total"]
    for page in bundles:
        Bundle.model_validate(page)
    by_url = {e["request"]["url"]: e for e in entries}
    assert by_url[f"Observation/{obs}"]["request"]["method"] == "DELETE"
    assert "resource" not in by_url[f"Observation/{obs}"] and by_url[f"Observation/{obs}"]["response"]["status"]
    assert by_url[f"DocumentReference/{doc}"]["request"]["method"] == "PUT"
    assert by_url[f"DocumentReference/{doc}"]["resource"]["docStatus"] == "amended"
    typed = session.get(f"{base}/Observation/_history", params={"_since": since}).json()
    assert [e["request"]["url"] for e in typed["entry"]] == [f"Observation/{obs}"]
    everything_ever = session.get(f"{base}/DocumentReference/_history", params={"_count": 500}).json()
    assert everything_ever["total"] >= len(fresh.hospital.resources_of_patient(patient, "DocumentReference"))


# -- faults, counters, compression -------------------------------------------------------------------------------


def test_scripted_faults(fresh: DemoServer) -> None:
    session, url = client(fresh), f"{fresh.base_url}/Patient"
    fresh.fail_next(2, 503)
    first, second = session.get(url), session.get(url)
    assert first.status_code == second.status_code == 503
    assert first.headers["Retry-After"] == "1" and first.json()["resourceType"] == "OperationOutcome"
    assert session.get(url).status_code == 200
    fresh.malformed_next(1)
    broken = session.get(url)
    assert broken.status_code == 200
    with pytest.raises(ValueError):
        broken.json()
    assert session.get(url).json()["resourceType"] == "Bundle"
    fresh.hang_next(1, 3.0)
    with pytest.raises(requests.Timeout):
        session.get(url, timeout=0.5)
    assert requests.get(url, headers=session.headers, timeout=10).status_code == 200
    fresh.set_rate_limit(1.0)
    limited = session.get(url)
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "1"
    fresh.clear_faults()
    assert session.get(url).status_code == 200


def test_random_errors_are_deterministic_for_a_seed() -> None:
    def statuses() -> list[int]:
        with DemoServer(new_hospital(), error_rate=0.4, fault_seed=11) as server:
            session = client(server)
            return [session.get(f"{server.base_url}/metadata").status_code for _ in range(25)]

    first = statuses()
    assert first == statuses()
    assert {500, 503} & set(first) and 200 in first


def test_request_counters_and_gzip(fresh: DemoServer) -> None:
    session = client(fresh)
    fresh.reset_counters()
    response = session.get(f"{fresh.base_url}/Observation", params={"_count": 100},
                           headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip" and response.json()["resourceType"] == "Bundle"
    session.get(f"{fresh.base_url}/metadata")
    session.get(f"{fresh.base_url}/Patient/{fresh.hospital.authorised_patient_ids(GP)[0]}")
    assert fresh.request_count == 3
    assert fresh.request_counts == {"search": 1, "metadata": 1, "read": 1}
    fresh.reset_counters()
    assert fresh.request_count == 0


def test_admin_endpoints_drive_the_server_from_outside() -> None:
    with DemoServer(new_hospital(), admin=True) as server:
        assert server.admin is not None
        secret = {"X-Admin-Secret": server.admin.secret}
        token = requests.get(f"{server.root_url}/admin/token", params={"practitioner": GP}, headers=secret,
                             timeout=10).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        patient = server.hospital.authorised_patient_ids(GP)[0]
        made = requests.post(f"{server.root_url}/admin/mutate", timeout=10, headers=secret,
                             json={"op": "add_document", "args": {"patient_id": patient, "text": "Note"}}).json()
        doc = requests.get(f"{server.base_url}/DocumentReference/{made['result']}", headers=headers, timeout=10)
        assert doc.status_code == 200
        requests.post(f"{server.root_url}/admin/faults", json={"fail_next": [1, 500]}, headers=secret, timeout=10)
        assert requests.get(f"{server.base_url}/Patient", headers=headers, timeout=10).status_code == 500
        counters = requests.get(f"{server.root_url}/admin/counters", headers=secret, timeout=10).json()
        assert counters["by_kind"]["search"] == 1
        # Without the secret (or with a wrong one) nothing is done.
        assert requests.get(f"{server.root_url}/admin/token", timeout=10).status_code == 403
        wrong = {"X-Admin-Secret": "guess"}
        assert requests.post(f"{server.root_url}/admin/tokens/expire", headers=wrong, timeout=10).status_code == 403
        assert requests.get(f"{server.base_url}/Patient", headers=headers, timeout=10).status_code == 200
    with DemoServer(new_hospital()) as server:
        assert requests.get(f"{server.root_url}/admin/token", timeout=10).status_code == 404


def test_only_loopback_is_allowed() -> None:
    with pytest.raises(ValueError):
        DemoServer(new_hospital(), host="0.0.0.0")


# -- command line -----------------------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT, which Windows consoles deliver differently")
def test_demo_server_command_serves_until_ctrl_c() -> None:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    process = subprocess.Popen([sys.executable, "-m", "consult_desktop", "demo-server", "--port", "0",
                                "--patients", "6", "--seed", "3"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env)
    try:
        lines: dict[str, str] = {}
        assert process.stdout is not None
        for line in process.stdout:
            name, _, value = line.partition(":")
            lines[name.strip()] = value.strip()
            if line.startswith("Serving until"):
                break
        base_url = lines["FHIR base URL"]
        token = lines["Bearer token (1 h)"]
        assert DEMO_CLIENT_ID in lines["Client (confidential)"] and DEMO_CLIENT_SECRET in lines["Client (confidential)"]
        patients = requests.get(f"{base_url}/Patient", headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert patients.status_code == 200 and patients.json()["total"] > 0
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_demo_server_command_prints_the_admin_secret_only_with_admin() -> None:
    command = [sys.executable, "-m", "consult_desktop", "demo-server", "--port", "0", "--patients", "3",
               "--auth", "none"]
    for admin in (True, False):
        proc = subprocess.Popen([*command, *(["--admin"] if admin else [])], stdout=subprocess.PIPE, text=True)
        try:
            lines = []
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.append(line)
                if line.startswith("Serving until"):
                    break
            text = "".join(lines)
            base = text.split("FHIR base URL:", 1)[1].split()[0]
            root = base.rsplit("/fhir", 1)[0]
            if admin:
                secret = text.split("X-Admin-Secret: ", 1)[1].split()[0]
                assert requests.get(f"{root}/admin/counters", headers={"X-Admin-Secret": secret},
                                    timeout=10).status_code == 200
                assert requests.get(f"{root}/admin/counters", timeout=10).status_code == 403
            else:
                assert "Admin" not in text
                assert requests.get(f"{root}/admin/counters", timeout=10).status_code == 404
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=30)

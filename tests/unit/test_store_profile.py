"""The encrypted profile: nothing readable on disk, wrong passphrases change nothing, damage is detected."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from consult_desktop.store import (
    DatabaseCorrupt,
    KeyFileDamaged,
    Profile,
    ProfileExists,
    ProfileNotFound,
    WrongPassphrase,
)
from consult_desktop.store.profile import UnlockThrottle

PASS = "correct horse battery staple"
NAME_FAMILY = "Vanderlinden-Uniquename"
NAME_GIVEN = "Griet"
SSIN = "85073003328"


def patient(pid: str = "p1", version: str = "1", updated: str = "2026-01-01T10:00:00Z") -> dict:
    return {
        "resourceType": "Patient",
        "id": pid,
        "meta": {"versionId": version, "lastUpdated": updated},
        "identifier": [{"system": "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin",
                        "value": SSIN}],
        "name": [{"family": NAME_FAMILY, "given": [NAME_GIVEN]}],
        "birthDate": "1985-07-30",
        "gender": "female",
    }


def letter(pid: str = "p1") -> dict:
    import base64

    text = f"Lettre de sortie pour {NAME_GIVEN} {NAME_FAMILY}, NISS {SSIN}: fibrillation auriculaire."
    return {
        "resourceType": "DocumentReference",
        "id": "d1",
        "meta": {"versionId": "1", "lastUpdated": "2026-01-02T10:00:00Z"},
        "status": "current",
        "subject": {"reference": f"Patient/{pid}"},
        "date": "2026-01-02T09:00:00Z",
        "type": {"text": "Discharge letter"},
        "content": [{"attachment": {"contentType": "text/plain",
                                    "data": base64.b64encode(text.encode()).decode()}}],
    }


def digest(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir()) if p.is_file()}


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile.resolve(tmp_path / "profile")


def filled(profile: Profile, keep_open: bool = False):
    store = profile.create(PASS)
    store.resources.put_many("hospital", [patient(), letter()])
    store.resources.put_attachment("hospital", "DocumentReference", "d1", 0, content_type="application/pdf",
                                   url=None, data=f"%PDF-1.4 {NAME_FAMILY} {SSIN}".encode())
    store.secrets.set("oauth", json.dumps({"refresh_token": "rt-secret-value-123"}).encode())
    store.audit.write("open-patient", patient_id="p1")
    if keep_open:  # the -wal and -shm files exist only while a connection is open
        return store
    store.close()
    return None


def test_no_patient_data_readable_in_any_profile_file(profile: Profile) -> None:
    store = filled(profile, keep_open=True)
    files = profile.files()
    names = {p.name for p in files}
    assert {"consult.db", "consult.db-wal", "key.json"} <= names, names
    needles = [NAME_FAMILY.encode(), NAME_FAMILY.encode("utf-16-le"), SSIN.encode(), b"rt-secret-value-123",
               b"fibrillation", b"%PDF-1.4"]
    for path in files:
        content = path.read_bytes()
        for needle in needles:
            assert needle not in content, f"{needle!r} readable in {path.name}"
    store.close()
    for path in profile.files():
        assert SSIN.encode() not in path.read_bytes()


def test_plain_sqlite_cannot_open_the_database(profile: Profile) -> None:
    filled(profile)
    conn = sqlite3.connect(profile.db_path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_data_survives_lock_and_unlock(profile: Profile) -> None:
    filled(profile)
    with profile.unlock(PASS) as store:
        assert store.resources.get("hospital", "Patient", "p1")["name"][0]["family"] == NAME_FAMILY
        assert store.resources.get_attachment("hospital", "DocumentReference", "d1").data.startswith(b"%PDF")
        hits = store.resources.search_documents("hospital", "p1", "fibrillation")
        assert [h[1] for h in hits] == ["d1"]
        assert store.cipher_version().startswith("4.")


def test_wrong_passphrase_leaves_every_file_byte_identical(profile: Profile) -> None:
    filled(profile)
    before = digest(profile.directory)
    with pytest.raises(WrongPassphrase):
        profile.unlock("not the passphrase")
    with pytest.raises(WrongPassphrase):
        profile.change_passphrase("not the passphrase", "another passphrase")
    assert digest(profile.directory) == before


def test_repeated_failures_slow_down() -> None:
    waits: list[float] = []
    throttle = UnlockThrottle(sleep=waits.append)
    for _ in range(6):
        throttle.before_attempt()
        throttle.record(False)
    assert waits == [1.0, 2.0, 4.0, 8.0]
    throttle.record(True)
    throttle.before_attempt()
    assert waits == [1.0, 2.0, 4.0, 8.0]


def test_passphrase_change_rewraps_without_touching_the_database(profile: Profile) -> None:
    filled(profile)
    with profile.unlock(PASS):
        pass  # checkpoint: the database file is now stable
    db_before = hashlib.sha256(profile.db_path.read_bytes()).hexdigest()
    profile.change_passphrase(PASS, "a brand new passphrase")
    assert hashlib.sha256(profile.db_path.read_bytes()).hexdigest() == db_before
    with pytest.raises(WrongPassphrase):
        profile.unlock(PASS)
    with profile.unlock("a brand new passphrase") as store:
        assert store.resources.get("hospital", "Patient", "p1") is not None


@pytest.mark.parametrize("edit", ["wrapped", "salt", "iterations", "truncate", "garbage"])
def test_tampered_key_file_is_detected_and_not_repaired(profile: Profile, edit: str) -> None:
    filled(profile)
    raw = profile.key_path.read_bytes()
    body = json.loads(raw)
    if edit == "wrapped":
        ct = bytearray(body["wrapped_key"]["ciphertext"].encode())
        ct[5] = ord("A") if ct[5] != ord("A") else ord("B")
        body["wrapped_key"]["ciphertext"] = ct.decode()
        new = json.dumps(body).encode()
    elif edit == "salt":
        body["kdf"]["salt"] = "AAAAAAAAAAAAAAAAAAAAAA=="
        new = json.dumps(body).encode()
    elif edit == "iterations":
        body["kdf"]["iterations"] = 1
        new = json.dumps(body).encode()
    elif edit == "truncate":
        new = raw[: len(raw) // 2]
    else:
        new = b"\x00\xff" * 50
    profile.key_path.write_bytes(new)
    with pytest.raises(KeyFileDamaged):
        profile.unlock(PASS)
    assert profile.key_path.read_bytes() == new


def test_tampered_wrapped_key_with_recomputed_checksum_is_still_detected(profile: Profile) -> None:
    """Someone who edits the ciphertext and fixes the checksum: the verifier matches, AES-GCM does not."""
    from consult_desktop.store.keyfile import KeyFile

    filled(profile)
    keyfile = KeyFile.read(profile.key_path)
    body = json.loads(json.dumps(keyfile.body))
    ct = bytearray(body["wrapped_key"]["ciphertext"].encode())
    ct[3] = ord("Q") if ct[3] != ord("Q") else ord("R")
    body["wrapped_key"]["ciphertext"] = ct.decode()
    KeyFile(body).write(profile.key_path)
    with pytest.raises(KeyFileDamaged, match="authentication"):
        profile.unlock(PASS)


def test_missing_key_file_and_missing_profile(profile: Profile) -> None:
    with pytest.raises(ProfileNotFound):
        profile.unlock(PASS)
    filled(profile)
    profile.key_path.unlink()
    with pytest.raises(KeyFileDamaged, match="missing"):
        profile.unlock(PASS)


def test_corrupt_database_gives_clear_error_and_is_not_changed(profile: Profile) -> None:
    filled(profile)
    with profile.unlock(PASS):
        pass
    data = bytearray(profile.db_path.read_bytes())
    data[0:4096] = b"\x00" * 4096  # first page (salt + header) destroyed
    profile.db_path.write_bytes(bytes(data))
    before = digest(profile.directory)
    with pytest.raises(DatabaseCorrupt):
        profile.unlock(PASS)
    assert digest(profile.directory) == before


def test_create_refuses_to_overwrite_an_existing_profile(profile: Profile) -> None:
    filled(profile)
    before = digest(profile.directory)
    with pytest.raises(ProfileExists):
        profile.create("another passphrase")
    assert digest(profile.directory) == before


def test_wipe_removes_every_profile_file(profile: Profile) -> None:
    filled(profile)
    profile.wipe()
    assert not profile.exists()
    assert not profile.directory.exists()


def test_the_back_off_survives_processes_without_writing_the_profile(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from consult_desktop.store import profile as profile_module

    directory = tmp_path / "p"
    Profile.resolve(directory).create(PASS).close()
    before = digest(directory)
    env = {**os.environ, "CONSULT_DATA_DIR": str(directory), "CONSULT_PASSPHRASE": "wrong passphrase!"}
    for _ in range(3):
        out = subprocess.run([sys.executable, "-m", "consult_desktop", "stats"], env=env, capture_output=True,
                             text=True, timeout=120)
        assert out.returncode == 3, out.stderr
    assert digest(directory) == before  # nothing written into the profile
    counter = profile_module.attempts_file(Profile.resolve(directory).directory)
    assert counter.exists() and not counter.is_relative_to(directory)
    profile_module._throttles.clear()  # as a new process would start
    fresh = Profile.resolve(directory)
    assert fresh.throttle.failures == 0 and fresh.throttle.delay() > 0  # the count came from the other processes
    assert fresh.throttle.failures == 3
    fresh.throttle.sleep = lambda _s: None
    fresh.unlock(PASS).close()
    assert not counter.exists()  # a successful unlock starts the count again

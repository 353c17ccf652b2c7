"""`check` finds a damaged page; `backup` exports the GP's own data encrypted; `restore` brings it back."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from consult_desktop import cli, exit_codes
from consult_desktop.store import Profile
from consult_desktop.store.database import CIPHER_PAGE_SIZE
from consult_desktop.store.integrity import daily_check

PASS = "correct horse battery staple"
NOTE = "Zyrtexolan 10 mg at night"  # a word only the GP's own data holds


def filled_profile(directory: Path) -> Profile:
    profile = Profile.resolve(directory)
    with profile.create(PASS) as store:
        store.resources.put_many("h", [{"resourceType": "Observation", "id": f"o{i}", "status": "final",
                                        "subject": {"reference": "Patient/p1"}, "code": {"text": "x" * 900}}
                                       for i in range(400)])
        store.prescriptions.save("h", "p1", {"resourceType": "MedicationStatement", "note": [{"text": NOTE}]},
                                        "rx1")
        store.decisions.decide("h", "p1", "line-1", "stop", "bleeding risk")
        store.acknowledgements.acknowledge("h", "p1", "flag-1", "discussed with the patient")
        store.audit.write("open-patient", server_id="h", patient_id="p1")
    return profile


def damage_a_page(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    pages = len(raw) // CIPHER_PAGE_SIZE
    offset = (pages // 2) * CIPHER_PAGE_SIZE + 1000
    raw[offset:offset + 16] = bytes(16)
    path.write_bytes(bytes(raw))


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CONSULT_PASSPHRASE", PASS)
    monkeypatch.setenv("CONSULT_DATA_DIR", str(tmp_path / "p"))
    return tmp_path


def test_check_finds_sixteen_zeroed_bytes_and_says_what_to_do(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = filled_profile(env / "p")
    assert cli.main(["check"]) == exit_codes.OK
    assert "No damage found" in capsys.readouterr().out
    damage_a_page(profile.db_path)
    assert cli.main(["check", "--json"]) == exit_codes.PROFILE_DAMAGED
    report = json.loads(capsys.readouterr().out)
    assert not report["ok"] and report["encryption"]
    assert "encryption check" in report["message"] and "consult-desktop backup" in report["message"]
    assert "fetched again" in report["message"]


def test_backup_and_restore_into_a_fresh_profile(env: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    filled_profile(env / "p")
    out = env / "own-data.backup"
    assert cli.main(["backup", "--out", str(out)]) == exit_codes.OK
    raw = out.read_bytes()
    assert b"Zyrtexolan" not in raw and b"bleeding" not in raw  # encrypted, and not merely compressed
    assert cli.main(["backup", "--out", str(out)]) == exit_codes.USAGE  # never overwritten
    assert cli.main(["restore", str(out)]) == exit_codes.ERROR  # only into a fresh profile

    monkeypatch.setenv("CONSULT_DATA_DIR", str(env / "fresh"))
    monkeypatch.setenv("CONSULT_PASSPHRASE", "not the passphrase")
    assert cli.main(["restore", str(out)]) == exit_codes.BAD_PASSPHRASE
    assert not (env / "fresh").exists() or not any((env / "fresh").iterdir())
    monkeypatch.setenv("CONSULT_PASSPHRASE", PASS)
    capsys.readouterr()
    assert cli.main(["restore", str(out)]) == exit_codes.OK
    assert "1 prescriptions" in capsys.readouterr().out
    with Profile.resolve(env / "fresh").unlock(PASS) as store:
        assert store.prescriptions.for_patient("h", "p1")[0]["note"][0]["text"] == NOTE
        decisions = store.decisions.for_patient("h", "p1")
        acks = store.acknowledgements.for_patient("h", "p1")
        assert decisions["line-1"][1] == "stop" and acks["flag-1"][0] == "discussed with the patient"
        actions = [e.action for e in store.audit.entries()]
        assert "open-patient" in actions and "medication-decision" in actions and "backup-restored" in actions
        assert store.stats()["resources"] == {}  # hospital data comes back by a sync, not from the backup


def test_a_damaged_file_is_refused(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    filled_profile(env / "p")
    out = env / "b"
    assert cli.main(["backup", "--out", str(out)]) == exit_codes.OK
    out.write_text("{not json")
    monkeypatch.setenv("CONSULT_DATA_DIR", str(env / "other"))
    assert cli.main(["restore", str(out)]) == exit_codes.INPUT_INVALID


def test_backup_of_a_damaged_database_keeps_what_is_readable(env: Path) -> None:
    profile = filled_profile(env / "p")
    damage_a_page(profile.db_path)
    code = cli.main(["backup", "--out", str(env / "b")])
    assert code in (exit_codes.OK, exit_codes.PROFILE_DAMAGED)
    assert (env / "b").exists()


def test_the_background_check_runs_at_most_once_a_day(tmp_path: Path) -> None:
    profile = filled_profile(tmp_path / "p")
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    with profile.unlock(PASS) as store:
        first = daily_check(store, now)
        assert first is not None and first.ok
        assert daily_check(store, now + timedelta(hours=5)) is None
        assert daily_check(store, now + timedelta(days=1, minutes=1)) is not None

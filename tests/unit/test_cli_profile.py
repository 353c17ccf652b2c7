"""`consult-desktop init | passwd | stats | wipe` as a user or a scheduled task runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from consult_desktop import exit_codes
from consult_desktop.cli import main
from consult_desktop.store import Profile

PASS = "correct horse battery staple"


@pytest.fixture
def data_dir(tmp_path: Path) -> str:
    return str(tmp_path / "profile")


def run(*args: str) -> int:
    return main(list(args))


def test_init_stats_json_and_wrong_passphrase(data_dir: str, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CONSULT_PASSPHRASE", PASS)
    assert run("--data-dir", data_dir, "init") == exit_codes.OK
    with Profile.resolve(data_dir).unlock(PASS) as store:
        store.resources.put_many("h", [
            {"resourceType": "Patient", "id": "p1", "name": [{"family": "Claes"}],
             "identifier": [{"system": "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin",
                             "value": "85073003328"}]},
            {"resourceType": "Patient", "id": "p2"},
            {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"}},
            {"resourceType": "Condition", "id": "c2", "subject": {"reference": "Patient/p2"}},
        ])
        store.resources.quarantine("h", {"resourceType": "Observation", "id": "bad",
                                         "subject": {"reference": "Patient/p1"}}, "invalid")
        store.resources.put_attachment("h", "Condition", "c1", 0, content_type="text/plain", url=None,
                                       data=b"12345")
    capsys.readouterr()
    assert run("stats", "--json", "--data-dir", data_dir) == exit_codes.OK
    stats = json.loads(capsys.readouterr().out)
    assert stats == {"patients": 2, "resources": {"Condition": 2, "Observation": 1, "Patient": 2},
                     "quarantined": 1, "attachments": {"count": 1, "bytes": 5}, "last_sync": None,
                     "servers": []}
    assert run("stats", "--json", "--patient", "85073003328", "--data-dir", data_dir) == exit_codes.OK
    one = json.loads(capsys.readouterr().out)
    assert one["patients"] == 1 and one["resources"] == {"Condition": 1, "Observation": 1, "Patient": 1}
    monkeypatch.setenv("CONSULT_PASSPHRASE", "wrong passphrase")
    assert run("stats", "--data-dir", data_dir) == exit_codes.BAD_PASSPHRASE
    assert "Wrong passphrase" in capsys.readouterr().err


def test_passphrase_file_and_passwd(data_dir: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old_file = tmp_path / "old.txt"
    old_file.write_text(PASS + "\n")
    new_file = tmp_path / "new.txt"
    new_file.write_text("a new and long passphrase\n")
    assert run("init", "--data-dir", data_dir, "--passphrase-file", str(old_file)) == exit_codes.OK
    assert run("passwd", "--data-dir", data_dir, "--passphrase-file", str(old_file),
               "--new-passphrase-file", str(new_file)) == exit_codes.OK
    assert run("stats", "--data-dir", data_dir, "--passphrase-file", str(old_file)) == exit_codes.BAD_PASSPHRASE
    assert run("stats", "--data-dir", data_dir, "--passphrase-file", str(new_file)) == exit_codes.OK


def test_short_passphrase_refused(data_dir: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSULT_PASSPHRASE", "short")
    assert run("init", "--data-dir", data_dir) == exit_codes.BAD_PASSPHRASE
    assert not Profile.resolve(data_dir).exists()


def test_missing_profile_and_no_passphrase(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("stats", "--data-dir", data_dir) == exit_codes.NO_PROFILE
    assert "consult-desktop init" in capsys.readouterr().err


def test_init_twice_keeps_the_first_profile(data_dir: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSULT_PASSPHRASE", PASS)
    assert run("init", "--data-dir", data_dir) == exit_codes.OK
    key_before = (Path(data_dir) / "key.json").read_bytes()
    assert run("init", "--data-dir", data_dir) == exit_codes.ERROR
    assert (Path(data_dir) / "key.json").read_bytes() == key_before


def test_unwritable_location_gives_storage_exit_code(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CONSULT_PASSPHRASE", PASS)
    # /proc refuses new directories even to root: a read-only location on every Linux machine.
    assert run("init", "--data-dir", "/proc/consult-desktop-profile") == exit_codes.STORAGE
    assert "Cannot write" in capsys.readouterr().err


def test_damaged_key_file_exit_code(data_dir: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSULT_PASSPHRASE", PASS)
    assert run("init", "--data-dir", data_dir) == exit_codes.OK
    (Path(data_dir) / "key.json").write_text("{}")
    assert run("stats", "--data-dir", data_dir) == exit_codes.PROFILE_DAMAGED


def test_wipe_needs_confirmation_without_terminal(data_dir: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSULT_PASSPHRASE", PASS)
    assert run("init", "--data-dir", data_dir) == exit_codes.OK
    monkeypatch.setattr(sys, "stdin", None)
    assert run("wipe", "--data-dir", data_dir) == exit_codes.USAGE
    assert Profile.resolve(data_dir).exists()
    assert run("wipe", "--yes", "--data-dir", data_dir) == exit_codes.OK
    assert not Profile.resolve(data_dir).exists()


def test_console_script_help_and_env_data_dir(tmp_path: Path) -> None:
    env = {"CONSULT_DATA_DIR": str(tmp_path / "envprofile"), "CONSULT_PASSPHRASE": PASS, "PATH": "/usr/bin:/bin"}
    for args in (["--help"], ["init", "--help"], ["stats", "--help"], ["passwd", "--help"], ["wipe", "--help"]):
        out = subprocess.run([sys.executable, "-m", "consult_desktop", *args], capture_output=True, text=True,
                             timeout=120)
        assert out.returncode == 0 and "usage:" in out.stdout
    out = subprocess.run([sys.executable, "-m", "consult_desktop", "init"], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "envprofile" / "key.json").exists()

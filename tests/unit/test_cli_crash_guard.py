"""The command line never shows a traceback: unexpected errors are logged as type and location only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consult_desktop import cli, exit_codes
from consult_desktop.commands import sync as sync_command

PASS = "cli passphrase 123"
SECRET = "Dupont Marie 85.07.30-033.61"


def test_an_unexpected_error_gives_type_and_location_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("CONSULT_PASSPHRASE", PASS)
    monkeypatch.setenv("CONSULT_DATA_DIR", str(tmp_path / "p"))
    assert cli.main(["init"]) == exit_codes.OK
    capsys.readouterr()

    def explode(*_args: object, **_kwargs: object) -> None:
        raise RecursionError(SECRET)

    monkeypatch.setattr("consult_desktop.store.store.Store.stats", explode)
    assert cli.main(["stats"]) == exit_codes.ERROR
    err = capsys.readouterr().err
    logged = caplog.text
    assert "Traceback" not in err + logged and SECRET not in err + logged
    assert "RecursionError" in err and "unexpected error" in err
    assert "RecursionError" in logged and "explode" in logged  # the log: type and location


def test_sync_json_prints_its_report_even_after_an_unexpected_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CONSULT_PASSPHRASE", PASS)
    monkeypatch.setenv("CONSULT_DATA_DIR", str(tmp_path / "p"))
    assert cli.main(["init"]) == exit_codes.OK
    assert cli.main(["server", "set", "http://127.0.0.1:9/fhir", "--auth", "none"]) == exit_codes.OK
    capsys.readouterr()

    def explode(*_args: object, **_kwargs: object) -> None:
        raise RecursionError(SECRET)

    monkeypatch.setattr(sync_command, "run_sync", explode)
    assert cli.main(["sync", "--json"]) == exit_codes.ERROR
    out = capsys.readouterr()
    report = json.loads(out.out)
    assert report["status"] == "failed" and "RecursionError" in report["message"]
    assert SECRET not in out.out + out.err and "Traceback" not in out.err


def test_sync_json_prints_a_report_for_a_wrong_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CONSULT_DATA_DIR", str(tmp_path / "p"))
    monkeypatch.setenv("CONSULT_PASSPHRASE", PASS)
    assert cli.main(["init"]) == exit_codes.OK
    monkeypatch.setenv("CONSULT_PASSPHRASE", "not the passphrase")
    capsys.readouterr()
    assert cli.main(["sync", "--json"]) == exit_codes.BAD_PASSPHRASE
    assert json.loads(capsys.readouterr().out)["status"] == "failed"

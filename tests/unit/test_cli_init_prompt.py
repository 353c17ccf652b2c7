"""`consult-desktop init` at a terminal asks again after a too-short passphrase (or a repetition that differs);
from a file or the environment a short passphrase still ends the command with its exit code."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import pytest

from consult_desktop import exit_codes
from consult_desktop.cli import main
from consult_desktop.store import Profile

GOOD = "a long and unrelated passphrase"


class Terminal:
    def isatty(self) -> bool:
        return True


def answers(monkeypatch: pytest.MonkeyPatch, replies: list[str]) -> list[str]:
    asked: list[str] = []

    def prompt(text: str = "") -> str:
        asked.append(text)
        return replies.pop(0)

    monkeypatch.delenv("CONSULT_PASSPHRASE", raising=False)
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(getpass, "getpass", prompt)
    return asked


def test_short_then_good_passphrase_at_the_prompt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    asked = answers(monkeypatch, ["short", "short", "other", "different", GOOD, GOOD])
    assert main(["init", "--data-dir", str(tmp_path / "p")]) == exit_codes.OK
    assert len(asked) == 6  # asked three times: too short, repetition differs, good
    err = capsys.readouterr().err
    assert "too short" in err and "differ" in err and err.count("Please try again.") == 2
    with Profile.resolve(tmp_path / "p").unlock(GOOD):
        pass


def test_gives_up_after_several_short_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers(monkeypatch, ["short"] * 10)
    assert main(["init", "--data-dir", str(tmp_path / "p")]) == exit_codes.BAD_PASSPHRASE
    assert not Profile.resolve(tmp_path / "p").exists()


def test_short_passphrase_from_a_file_still_exits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers(monkeypatch, [])  # a terminal, but the file decides: no prompt
    short = tmp_path / "short.txt"
    short.write_text("short\n")
    assert main(["init", "--data-dir", str(tmp_path / "p"), "--passphrase-file", str(short)]) == \
        exit_codes.BAD_PASSPHRASE
    assert not Profile.resolve(tmp_path / "p").exists()

"""`consult-desktop --selftest`: every check passes on a working installation, a broken part fails it.

The self-test runs in a fresh interpreter, as a user or an installer would start it (it creates its own
QApplication, so it cannot share this process).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from consult_desktop.selftest import choose_platform

CHECKS = ("encryption", "knowledge-base", "fhir-validation", "keychain", "tls", "translations", "main-window",
          "pdf-viewer")


def run(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    temp = tmp_path / "temp"
    temp.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp),
               CONSULT_DATA_DIR=str(tmp_path / "must-not-be-used"))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=240, env=env,
                          cwd=tmp_path)


def lines(result: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """check name -> PASS/FAIL"""
    found = {}
    for line in result.stdout.splitlines():
        status, _, rest = line.partition(" ")
        if status in ("PASS", "FAIL"):
            found[rest.split(":", 1)[0]] = status
    return found


def test_a_working_installation_passes_every_check_and_leaves_nothing_behind(tmp_path: Path) -> None:
    result = run("from consult_desktop.selftest import run_selftest; raise SystemExit(run_selftest())", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines(result) == dict.fromkeys(CHECKS, "PASS")
    assert "PASS encryption: SQLCipher 4." in result.stdout
    assert "Warfarin + Ibuprofen" in result.stdout and "Simvastatin + Clarithromycin" in result.stdout
    assert "Self-test passed: 8 checks" in result.stdout
    assert list((tmp_path / "temp").iterdir()) == []  # the temporary profile is gone
    assert not (tmp_path / "must-not-be-used").exists()  # the user's profile location is never touched


def test_the_command_line_option_runs_it(tmp_path: Path) -> None:
    result = run("from consult_desktop.cli import main; raise SystemExit(main(['--selftest']))", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines(result) == dict.fromkeys(CHECKS, "PASS")


def test_a_missing_knowledge_base_fails_that_check_and_the_exit_code(tmp_path: Path) -> None:
    empty = tmp_path / "empty-kb"
    empty.mkdir()
    code = (
        "from pathlib import Path\n"
        "import consult_desktop.meds.knowledge_base as kb\n"
        f"kb._kb_directory = lambda: Path({str(empty)!r})\n"
        "from consult_desktop.selftest import run_selftest\n"
        "raise SystemExit(run_selftest())\n"
    )
    result = run(code, tmp_path)
    assert result.returncode == 1
    found = lines(result)
    assert found["knowledge-base"] == "FAIL"
    assert "expected a major interaction" in result.stdout
    assert [name for name, status in found.items() if status == "FAIL"] == ["knowledge-base"]
    assert "Self-test FAILED: 1 of 8 checks (knowledge-base)" in result.stdout


def test_offscreen_only_when_there_is_no_display_and_no_choice_was_made() -> None:
    assert choose_platform({}, "linux") == "offscreen"
    assert choose_platform({"DISPLAY": ":0"}, "linux") is None
    assert choose_platform({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert choose_platform({"QT_QPA_PLATFORM": "xcb"}, "linux") is None
    assert choose_platform({}, "win32") is None
    assert choose_platform({}, "darwin") is None

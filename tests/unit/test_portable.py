"""Locum mode: a `consult-desktop-portable.json` beside the program (or in the current folder) names the profile."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from consult_desktop.portable import FILE_NAME, PortableConfigError, portable_data_dir


def write(folder: Path, content: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def test_no_file_means_no_portable_profile(tmp_path: Path) -> None:
    assert portable_data_dir(tmp_path / "program", cwd=tmp_path / "elsewhere") is None


def test_relative_folder_is_relative_to_the_file_not_to_the_current_directory(tmp_path: Path) -> None:
    drive = tmp_path / "E"
    write(drive / "ConsultDesktop", {"data_dir": "../ConsultProfile"})
    work = tmp_path / "work"
    work.mkdir()
    assert portable_data_dir(drive / "ConsultDesktop", cwd=work) == drive / "ConsultProfile"


def test_absolute_folder_is_used_as_given(tmp_path: Path) -> None:
    target = tmp_path / "somewhere" / "profile"
    write(tmp_path / "program", {"data_dir": str(target)})
    assert portable_data_dir(tmp_path / "program", cwd=tmp_path) == target


def test_home_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "home"))
    write(tmp_path / "program", {"data_dir": "~/locum-profile"})
    assert portable_data_dir(tmp_path / "program", cwd=tmp_path) == tmp_path / "home" / "locum-profile"


def test_file_beside_the_program_wins_over_the_current_directory(tmp_path: Path) -> None:
    write(tmp_path / "program", {"data_dir": "from-program"})
    write(tmp_path / "cwd", {"data_dir": "from-cwd"})
    assert portable_data_dir(tmp_path / "program", cwd=tmp_path / "cwd") == tmp_path / "program" / "from-program"


def test_current_directory_is_used_when_the_program_folder_has_no_file(tmp_path: Path) -> None:
    (tmp_path / "program").mkdir()
    write(tmp_path / "cwd", {"data_dir": "profile"})
    assert portable_data_dir(tmp_path / "program", cwd=tmp_path / "cwd") == tmp_path / "cwd" / "profile"


def test_macos_app_looks_beside_the_app_bundle(tmp_path: Path) -> None:
    macos = tmp_path / "Volumes" / "LOCUM" / "Consult Desktop.app" / "Contents" / "MacOS"
    macos.mkdir(parents=True)
    write(tmp_path / "Volumes" / "LOCUM", {"data_dir": "Profile"})
    assert portable_data_dir(macos, cwd=tmp_path) == tmp_path / "Volumes" / "LOCUM" / "Profile"


def test_running_from_python_only_the_current_directory_counts(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    write(tmp_path, {"data_dir": "here"})
    monkeypatch.chdir(tmp_path)
    assert portable_data_dir() == tmp_path / "here"


def test_frozen_program_finds_the_file_beside_its_executable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "drive" / "ConsultDesktop"
    write(program, {"data_dir": "profile"})
    (program / "consult-desktop").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "consult-desktop"))
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    assert portable_data_dir() == program.resolve() / "profile"


@pytest.mark.parametrize("content, words", [
    ("{not json", "not valid JSON"),
    ('["profile"]', "JSON object"),
    ("{}", '"data_dir"'),
    ('{"data_dir": ""}', '"data_dir"'),
    ('{"data_dir": 7}', '"data_dir"'),
])
def test_a_broken_file_is_an_error_naming_the_file_never_a_silent_fallback(tmp_path: Path, content: str,
                                                                          words: str) -> None:
    path = write(tmp_path / "program", content)
    with pytest.raises(PortableConfigError) as info:
        portable_data_dir(tmp_path / "program", cwd=tmp_path)
    assert str(path) in str(info.value) and words in str(info.value)


def test_profile_resolve_prefers_data_dir_then_env_then_portable_file(tmp_path, monkeypatch) -> None:
    from consult_desktop.store import PortableProfileInvalid, Profile

    (tmp_path / "consult-desktop-portable.json").write_text('{"data_dir": "OnTheDrive"}')
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CONSULT_DATA_DIR", raising=False)
    assert Profile.resolve().directory == (tmp_path / "OnTheDrive").resolve()
    monkeypatch.setenv("CONSULT_DATA_DIR", str(tmp_path / "env"))
    assert Profile.resolve().directory == (tmp_path / "env").resolve()
    assert Profile.resolve(tmp_path / "arg").directory == (tmp_path / "arg").resolve()
    monkeypatch.delenv("CONSULT_DATA_DIR")
    (tmp_path / "consult-desktop-portable.json").write_text("{not json")
    with pytest.raises(PortableProfileInvalid):
        Profile.resolve()

"""Locum (portable) mode: a file next to the program that says where the profile lives.

A locum carries the program and the encrypted profile on a removable drive. Instead of typing `--data-dir`
on every start, they put a file named `consult-desktop-portable.json` next to the executable (for a macOS
app, next to the `.app` bundle) or in the current directory:

    {"data_dir": "ConsultProfile"}

A relative `data_dir` is relative to the folder holding that file, so the drive may get another letter or
mount point on every computer; `~` is expanded. The profile location is chosen in this order:
`--data-dir`, then `CONSULT_DATA_DIR`, then this file, then the per-user data directory.

A file that is present but unreadable or malformed raises `PortableConfigError` rather than being ignored:
falling back silently would put a locum's patient data on the workstation's disk. Plain Python, no Qt;
callable from any thread (it only reads one small file).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

FILE_NAME = "consult-desktop-portable.json"
DATA_DIR_KEY = "data_dir"
MAX_FILE_BYTES = 64 * 1024


class PortableConfigError(ValueError):
    """The portable file exists but does not name a usable profile directory; the message says which file."""


def frozen_executable_dir() -> Path | None:
    """The folder of the frozen program (None when running from a Python installation)."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def candidate_dirs(executable_dir: Path | None, cwd: Path | None) -> list[Path]:
    """Where the portable file is looked for, first match wins: the program's folder, then `cwd`."""
    found: list[Path] = []
    if executable_dir is not None:
        found.append(executable_dir)
        # macOS: the executable sits in Name.app/Contents/MacOS; the file sits beside Name.app.
        if executable_dir.name == "MacOS" and executable_dir.parent.name == "Contents":
            bundle = executable_dir.parent.parent
            if bundle.suffix == ".app":
                found.append(bundle.parent)
    if cwd is not None:
        found.append(cwd)
    unique: list[Path] = []
    for folder in found:
        if folder not in unique:
            unique.append(folder)
    return unique


def find_portable_file(folders: Iterable[Path]) -> Path | None:
    for folder in folders:
        candidate = folder / FILE_NAME
        if candidate.is_file():
            return candidate
    return None


def read_portable_file(path: Path) -> Path:
    """The absolute profile directory named by the portable file at `path`."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PortableConfigError(f"{path} is too large to be a portable settings file")
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PortableConfigError(f"{path} cannot be read: {exc.strerror or type(exc).__name__}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PortableConfigError(f"{path} is not valid JSON") from exc
    if not isinstance(data, dict):
        raise PortableConfigError(f'{path} must hold a JSON object such as {{"{DATA_DIR_KEY}": "Profile"}}')
    value = data.get(DATA_DIR_KEY)
    if not isinstance(value, str) or not value.strip():
        raise PortableConfigError(f'{path} has no "{DATA_DIR_KEY}" text naming the profile folder')
    chosen = Path(value.strip()).expanduser()
    if not chosen.is_absolute():
        chosen = path.parent / chosen
    return Path(os.path.abspath(chosen))


def portable_data_dir(executable_dir: Path | None = None, cwd: Path | None = None) -> Path | None:
    """The profile directory named by a portable file, or None when there is no such file.

    `executable_dir` defaults to the frozen program's folder (none when running from Python); `cwd` to the
    current directory. Raises `PortableConfigError` for a file that exists but is unusable.
    """
    folder = executable_dir if executable_dir is not None else frozen_executable_dir()
    path = find_portable_file(candidate_dirs(folder, cwd if cwd is not None else Path.cwd()))
    return read_portable_file(path) if path is not None else None

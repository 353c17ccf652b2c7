"""The profile is private to its user (0700/0600), and a read-only profile opens read-only."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from consult_desktop.store import Profile

PASS = "correct horse battery staple"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_profile_directory_and_files_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)  # the usual default, which would give 0644 files
    try:
        profile = Profile.resolve(tmp_path / "p")
        with profile.create(PASS) as store:
            store.resources.put_many("h", [{"resourceType": "Patient", "id": "p1"}])
            files = profile.files()
            assert any(f.name.endswith("-wal") for f in files)
            assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
        assert mode(profile.directory) == 0o700
        assert {f.name: mode(f) for f in profile.files()} == {f.name: 0o600 for f in profile.files()}
    finally:
        os.umask(old)


@posix_only
def test_an_existing_profile_is_made_private_when_opened(tmp_path: Path) -> None:
    profile = Profile.resolve(tmp_path / "p")
    profile.create(PASS).close()
    os.chmod(profile.directory, 0o755)
    for path in profile.files():
        os.chmod(path, 0o644)
    profile.unlock(PASS).close()
    assert mode(profile.directory) == 0o700
    assert all(mode(f) == 0o600 for f in profile.files())


def _read_only_runner(directory: Path) -> list[str] | None:
    """A command prefix that runs its command with `directory` read-only, or None when not possible here."""
    if os.geteuid() != 0:
        return []  # chmod is enough for an ordinary user
    if shutil.which("unshare") is None:
        return None
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        return None
    return ["unshare", "-m", "sh", "-c",
            f'mount --bind "{directory}" "{directory}" && mount -o remount,bind,ro "{directory}" && exec "$@"', "sh"]


@posix_only
def test_a_read_only_profile_opens_read_only(tmp_path: Path) -> None:
    directory = tmp_path / "p"
    profile = Profile.resolve(directory)
    with profile.create(PASS) as store:
        store.resources.put_many("h", [{"resourceType": "Patient", "id": "p1", "name": [{"family": "Peeters"}]}])
    prefix = _read_only_runner(directory)
    if prefix is None:
        pytest.skip("no way to make a directory read-only for root here (unshare unavailable)")
    if not prefix:
        os.chmod(directory, 0o500)
        for path in profile.files():
            os.chmod(path, 0o400)
    before = {p.name: p.read_bytes() for p in profile.files()}
    env = {**os.environ, "CONSULT_DATA_DIR": str(directory), "CONSULT_PASSPHRASE": PASS}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, sys.executable, "-m", "consult_desktop", *args], env=env,
                              capture_output=True, text=True, timeout=120)

    try:
        out = cli("stats", "--json")
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout)["patients"] == 1  # reading works
        out = cli("server", "set", "http://127.0.0.1:9/fhir", "--auth", "none")
        assert out.returncode == 6, out.stderr  # writing is refused with the storage exit code
        assert "read-only" in out.stderr.lower() or "readonly" in out.stderr.lower()
        assert "Traceback" not in out.stderr
    finally:
        os.chmod(directory, 0o700)
        for path in profile.files():
            os.chmod(path, 0o600)
    assert {p.name: p.read_bytes() for p in profile.files()} == before


def test_a_server_address_with_a_password_is_refused_and_not_printed(tmp_path: Path) -> None:
    env = {**os.environ, "CONSULT_DATA_DIR": str(tmp_path / "p"), "CONSULT_PASSPHRASE": PASS}
    run = [sys.executable, "-m", "consult_desktop"]
    assert subprocess.run([*run, "init"], env=env, capture_output=True, timeout=120).returncode == 0
    out = subprocess.run([*run, "server", "set", "https://gp:Hunter2-secret@fhir.hospital.example/r4", "--auth",
                          "bearer", "--token-env", "T"], env={**env, "T": "tok"}, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 2
    assert "user name or password" in out.stderr
    assert "Hunter2" not in out.stdout + out.stderr

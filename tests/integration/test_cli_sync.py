"""`consult-desktop server set` and `sync` as a scheduled task runs them: JSON report and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from consult_desktop import exit_codes
from consult_desktop.demo.server import DemoServer

PASS = "cli passphrase 123"


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "consult_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=300)


def test_server_set_sync_and_exit_codes(hospital, tmp_path: Path) -> None:
    server = DemoServer(hospital, auth="token", page_size=50)
    server.start()
    env = {**os.environ, "CONSULT_PASSPHRASE": PASS, "CONSULT_DATA_DIR": str(tmp_path / "p"),
           "HOSPITAL_TOKEN": server.issue_token()}
    try:
        assert cli("init", env=env).returncode == 0
        out = cli("server", "set", server.base_url, "--auth", "bearer", "--token-env", "HOSPITAL_TOKEN", env=env)
        assert out.returncode == 0, out.stderr
        # The token lives only in the encrypted database, not in any readable file.
        for path in (tmp_path / "p").iterdir():
            assert env["HOSPITAL_TOKEN"].encode() not in path.read_bytes()
        out = cli("sync", "--json", env=env)
        assert out.returncode == exit_codes.OK, out.stderr
        report = json.loads(out.stdout)
        assert report["status"] == "ok" and report["patients"] > 0 and report["resources_written"] > 0
        stats = json.loads(cli("stats", "--json", env=env).stdout)
        assert stats["patients"] == report["patients"] and stats["last_sync"]

        patient = hospital.authorised_patient_ids(hospital.default_practitioner_id)[0]
        out = cli("sync", "--json", "--patient", patient, env=env)
        assert out.returncode == exit_codes.OK, out.stderr

        server.expire_tokens()
        out = cli("sync", env=env)
        assert out.returncode == exit_codes.AUTH_FAILED
        assert "Sign in again" in out.stderr
    finally:
        server.stop()
    out = cli("sync", env=env)
    assert out.returncode == exit_codes.SERVER_UNREACHABLE
    assert "unchanged" in out.stderr
    assert json.loads(cli("stats", "--json", env=env).stdout) == stats


def test_server_set_refuses_plain_http_to_another_host(tmp_path: Path) -> None:
    env = {**os.environ, "CONSULT_PASSPHRASE": PASS, "CONSULT_DATA_DIR": str(tmp_path / "p")}
    assert cli("init", env=env).returncode == 0
    out = cli("server", "set", "http://hospital.example.org/fhir", "--auth", "none", env=env)
    assert out.returncode == exit_codes.USAGE
    assert "http" in out.stderr.lower()


FAKE_BROWSER = """
import sys, urllib.request
# Follows the hospital's redirects to the loopback address the sign-in listens on, like a browser would.
urllib.request.urlopen(sys.argv[1], timeout=30).read()
"""


def test_smart_sign_in_from_the_command_line_then_unattended_sync(hospital, tmp_path: Path) -> None:
    browser = tmp_path / "browser.py"
    browser.write_text(FAKE_BROWSER)
    server = DemoServer(hospital, auth="token", page_size=50)
    server.start()
    env = {**os.environ, "CONSULT_PASSPHRASE": PASS, "CONSULT_DATA_DIR": str(tmp_path / "p"),
           "BROWSER": f"{sys.executable} {browser} %s"}
    try:
        assert cli("init", env=env).returncode == 0
        out = cli("server", "set", server.base_url, "--auth", "smart", "--client-id", "consult-desktop", env=env)
        assert out.returncode == 0, out.stderr
        assert cli("sync", env=env).returncode == exit_codes.AUTH_FAILED  # not signed in yet
        out = cli("server", "sign-in", env=env)
        assert out.returncode == 0, out.stdout + out.stderr
        out = cli("sync", "--json", env=env)
        assert out.returncode == exit_codes.OK, out.stderr
        assert json.loads(out.stdout)["patients"] > 0
        server.expire_tokens()  # the access token expires: the refresh token renews it without the GP
        assert cli("sync", env=env).returncode == exit_codes.OK
    finally:
        server.stop()

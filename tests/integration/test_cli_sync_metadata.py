"""`consult-desktop sync` asks for the server's CapabilityStatement while unlocking: once per sync when the
plain copy of the address is right; when the copy was tampered with, the address it names gets one request
without credentials and the sync asks the configured server as before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from consult_desktop import exit_codes
from consult_desktop.demo.server import DemoServer
from consult_desktop.store.server_addresses import addresses_path

PASS = "cli passphrase 123"


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "consult_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=300)


class Recorder(BaseHTTPRequestHandler):
    seen: list[tuple[str, str | None]] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        Recorder.seen.append((self.path, self.headers.get("Authorization")))
        body = json.dumps({"resourceType": "CapabilityStatement", "status": "active", "kind": "instance",
                           "fhirVersion": "4.0.1", "format": ["json"], "rest": []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return None


def test_metadata_is_asked_once_and_a_tampered_copy_gets_no_token(hospital, tmp_path: Path) -> None:
    server = DemoServer(hospital, auth="token", page_size=100)
    server.start()
    other = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    profile_dir = tmp_path / "p"
    env = {**os.environ, "CONSULT_PASSPHRASE": PASS, "CONSULT_DATA_DIR": str(profile_dir),
           "HOSPITAL_TOKEN": server.issue_token()}
    try:
        assert cli("init", env=env).returncode == 0
        out = cli("server", "set", server.base_url, "--auth", "bearer", "--token-env", "HOSPITAL_TOKEN", env=env)
        assert out.returncode == 0, out.stderr
        copy = json.loads(addresses_path(profile_dir).read_text())
        assert [s["base_url"] for s in copy["servers"]] == [server.base_url]

        server.reset_counters()
        out = cli("sync", "--json", env=env)
        assert out.returncode == exit_codes.OK, out.stderr
        assert server.request_counts.get("metadata") == 1  # the answer asked for while unlocking was used
        first = json.loads(out.stdout)

        tampered = f"http://127.0.0.1:{other.server_address[1]}/fhir"
        copy["servers"][0]["base_url"] = tampered
        addresses_path(profile_dir).write_text(json.dumps(copy))
        server.reset_counters()
        out = cli("sync", "--json", env=env)
        assert out.returncode == exit_codes.OK, out.stderr
        assert Recorder.seen == [("/fhir/metadata", None)]
        assert server.request_counts.get("metadata") == 1  # asked again, at the configured address
        assert json.loads(out.stdout)["patients"] == first["patients"]
        # The unlock put the copy right again.
        assert json.loads(addresses_path(profile_dir).read_text())["servers"][0]["base_url"] == server.base_url
    finally:
        server.stop()
        other.shutdown()

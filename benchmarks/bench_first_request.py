"""How soon `consult-desktop sync` sends its first HTTP request after the process is started (target < 0.3 s).

A tiny HTTP server in this process timestamps every request it receives and answers each with 503 (so the
sync stops at once, without retrying for long). A profile is created beforehand with that server; then each
run starts `python -m consult_desktop sync` in a fresh interpreter and the figure is the time of the first
request minus the moment just before the process was spawned. The operating system's file cache is warm
after the first run (the first run is printed separately). Also times `consult-desktop --help` to the end.
Two settings: bytecode cached (as an installed program or the frozen bundle runs, cache in a temporary
directory) and without any bytecode cache (PYTHONDONTWRITEBYTECODE, every module compiled at each start).
The profile is unlocked with its passphrase (Argon2id key derivation included). Prints figures; asserts nothing.

Usage: python benchmarks/bench_first_request.py [--runs 7] [--compare-with OTHER_SOURCE_TREE]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PASSPHRASE = "benchmark passphrase, not a secret"
first_request: list[float] = []


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        first_request.append(time.time())
        body = b'{"resourceType": "OperationOutcome", "issue": []}'
        self.send_response(503)
        self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Retry-After", "0")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return None


def cli(data_dir: Path, *args: str, env: dict[str, str]) -> float:
    started = time.time()
    # From the profile's parent directory: `-m` puts the working directory first on sys.path.
    subprocess.run([sys.executable, "-m", "consult_desktop", "--data-dir", str(data_dir), *args], env=env,
                   cwd=data_dir.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--compare-with", metavar="DIR",
                        help="another source tree of the program (e.g. `git archive` of an older commit), run "
                             "alternately with this one through PYTHONPATH")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/fhir"
    base_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    trees = [("this tree", {})] + ([(args.compare_with, {"PYTHONPATH": args.compare_with})]
                                   if args.compare_with else [])
    with tempfile.TemporaryDirectory() as tmpdir:
        data_dir = Path(tmpdir) / "profile"
        settings = (("bytecode cached", {"PYTHONPYCACHEPREFIX": str(Path(tmpdir) / "pycache")}),
                    ("no bytecode cache", {"PYTHONDONTWRITEBYTECODE": "1"}))
        env = {**base_env, **settings[0][1], "CONSULT_PASSPHRASE": PASSPHRASE}
        cli(data_dir, "init", env=env)
        cli(data_dir, "server", "set", base, "--auth", "none", env=env)
        for label, setting in settings:
            delays: dict[str, list[float]] = {name: [] for name, _ in trees}
            helps: dict[str, list[float]] = {name: [] for name, _ in trees}
            for run in range(args.runs):  # the trees alternate, so both see the same machine load
                for name, tree_env in trees:
                    env = {**base_env, **setting, **tree_env, "CONSULT_PASSPHRASE": PASSPHRASE}
                    first_request.clear()
                    started = time.time()
                    cli(data_dir, "sync", env=env)
                    if first_request:
                        delays[name].append(first_request[0] - started)
                    if run < 3:
                        helps[name].append(cli(data_dir, "--help", env=env))
            for name, _ in trees:
                report(f"{label}, {name}", delays[name], helps[name])
    server.shutdown()


def report(label: str, delays: list[float], helps: list[float]) -> None:
    if not delays:
        print(f"{label}: the sync sent no request")
        return
    warm = delays[1:] or delays
    print(f"{label}: first request of `consult-desktop sync` after process start: first run "
          f"{delays[0] * 1000:.0f} ms; then median {statistics.median(warm) * 1000:.0f} ms (min "
          f"{min(warm) * 1000:.0f}, max {max(warm) * 1000:.0f}, {len(warm)} runs); `consult-desktop --help` to "
          f"exit: median {statistics.median(helps) * 1000:.0f} ms")


if __name__ == "__main__":
    main()

"""Full sync against a fast FHIR server vs a plain download of the same pages, in one run.

A production hospital server answers much faster than the demo hospital, so the demo benchmark hides the
sync's own cost. This script records every response the demo hospital gives to one full sync (through a
recording proxy), then serves those responses from memory in a separate process (a replay server: a
dictionary lookup and a socket write per request), and measures on it, in one run:

- a plain download: every recorded page and attachment fetched once, in order, bodies read and dropped
  (attachments 4 at a time, as the sync does);
- `consult-desktop sync` from a new profile (the real command line, as a GP's scheduled task runs it), with
  the default number of validation workers (cores less one), with one (in-process) and with one per core.

Each sync runs in its own process; its peak RSS is read from the kernel when it ends. Prints figures,
asserts nothing.

Usage: python benchmarks/bench_sync_replay.py [--patients 300] [--page-size 200] [--recording FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_sync import start_server as start_demo  # noqa: E402  (the demo hospital in its own process)

PASSPHRASE = "benchmark passphrase, not a secret"
BASE_MARK = b"{{BASE}}"


TIME_PARAMS = re.compile(r"((?:^|[?&])(?:_since|_lastUpdated|_count)=)[^&]*")


def key_of(path: str) -> str:
    """Time-valued parameters (`_since`, `_lastUpdated`) differ from run to run: they match any value. So does
    `_count`: the demo hospital gives at most its own page size whatever is asked, and a sync may ask for a
    large page before or after it has learned that size, depending on how far it reads ahead."""
    return TIME_PARAMS.sub(r"\1*", path)


Answer = tuple[int, str, bytes]  # status, content type, body


def answering_server(answer: Callable[[str], Answer]) -> ThreadingHTTPServer:
    """A loopback HTTP/1.1 server (not yet serving) whose GETs are answered by `answer(path)`."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def do_GET(self) -> None:  # noqa: N802 - http.server API
            status, ctype, body = answer(self.path)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return ThreadingHTTPServer(("127.0.0.1", 0), Handler)


class Recorder:
    """A proxy that forwards GETs to the upstream server and keeps every answer, base URL replaced by a mark."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.upstream_path = "/" + self.upstream.split("/", 3)[3] if self.upstream.count("/") >= 3 else ""
        self.session = requests.Session()
        self.responses: dict[str, Answer] = {}
        self.order: list[str] = []
        self.lock = threading.Lock()
        self.server = answering_server(lambda path: self._answer(path))
        self.base = f"http://127.0.0.1:{self.server.server_port}{self.upstream_path}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _answer(self, path: str) -> Answer:
        status, ctype, body = self.forward(path)
        return status, ctype, body.replace(BASE_MARK, self.base.encode())

    def forward(self, path: str) -> Answer:
        upstream_root = self.upstream[: len(self.upstream) - len(self.upstream_path)]
        reply = self.session.get(upstream_root + path, headers={"Accept": "application/fhir+json"})
        body = reply.content.replace(self.upstream.encode(), BASE_MARK)
        answer = (reply.status_code, reply.headers.get("Content-Type", "application/fhir+json"), body)
        with self.lock:
            if key_of(path) not in self.responses:
                self.order.append(path)
            self.responses[key_of(path)] = answer
        return answer


def serve_replay(recording: Path) -> None:
    """Child process: serve the recorded answers from memory, print the base URL, run until killed."""
    data = json.loads(recording.read_text())
    prefix = data["prefix"]
    answers: dict[str, Answer] = {}
    missing: Answer = (404, "application/fhir+json", b'{"resourceType":"OperationOutcome","issue":[]}')
    server = answering_server(lambda path: answers.get(key_of(path), missing))
    base = f"http://127.0.0.1:{server.server_port}{prefix}"
    for path, (status, ctype, body) in data["responses"].items():
        answers[key_of(path)] = (status, ctype, bytes.fromhex(body).replace(BASE_MARK, base.encode()))
    print(base, flush=True)
    server.serve_forever()


def cli(data_dir: Path, *args: str, env: dict[str, str] | None = None) -> tuple[float, float, float, str]:
    """Run the command line in a child process: (seconds, CPU seconds of it and its worker processes, its peak
    RSS in MB, stdout). Run from the profile's parent directory: `-m` puts the working directory first on
    sys.path, and PYTHONPATH in `env` chooses the source tree."""
    full_env = {**os.environ, "CONSULT_PASSPHRASE": PASSPHRASE, **(env or {})}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "consult_desktop", "--data-dir", str(data_dir), *args],
                                stdout=out, stderr=err, env=full_env, cwd=data_dir.parent)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode not in (0, 10):
        raise RuntimeError(f"`{' '.join(args)}` exited {proc.returncode}: {stderr[-800:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout


def new_profile(directory: Path, base_url: str, env: dict[str, str] | None = None) -> None:
    directory.parent.mkdir(parents=True, exist_ok=True)
    cli(directory, "init", env=env)
    cli(directory, "server", "set", base_url, "--auth", "none", "--strategy", "type-search", env=env)


def plain_download(base_url: str, paths: list[str], prefix: str) -> tuple[float, int, int]:
    root = base_url[: len(base_url) - len(prefix)] if prefix else base_url
    session = requests.Session()
    session.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=4))
    pages = [p for p in paths if "/Binary/" not in p]
    binaries = [p for p in paths if "/Binary/" in p]
    start = time.perf_counter()
    nbytes = sum(len(session.get(root + p).content) for p in pages)
    with ThreadPoolExecutor(max_workers=4) as pool:
        nbytes += sum(pool.map(lambda p: len(session.get(root + p).content), binaries))
    return time.perf_counter() - start, len(paths), nbytes


def record(patients: int, page_size: int, tmp: Path) -> Path:
    proc, demo_base = start_demo(patients)
    try:
        recorder = Recorder(demo_base)
        new_profile(tmp / "recording" / "profile", recorder.base)
        cli(tmp / "recording" / "profile", "sync", "--json")
        recorder.server.shutdown()
    finally:
        proc.terminate()
        proc.wait()
    recording = tmp / "recording.json"
    recording.write_text(json.dumps({
        "prefix": recorder.upstream_path,
        "order": recorder.order,
        "responses": {p: (s, c, b.hex()) for p, (s, c, b) in recorder.responses.items()},
    }))
    return recording


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=300)
    parser.add_argument("--page-size", type=int, default=200)
    parser.add_argument("--recording", metavar="FILE", type=Path,
                        help="keep the demo hospital's recorded answers in FILE, or reuse FILE when it exists "
                             "(the same pages for several runs)")
    parser.add_argument("--runs", type=int, default=1, help="measurements of each kind (medians are printed)")
    parser.add_argument("--compare-with", metavar="DIR",
                        help="another source tree of the program (e.g. `git archive` of an older commit), its "
                             "syncs run alternately with this tree's through PYTHONPATH")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve_replay(Path(args.serve))
        return
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        if args.recording is not None and args.recording.exists():
            recording = args.recording
        else:
            recording = record(args.patients, args.page_size, tmp)
            if args.recording is not None:
                args.recording.write_bytes(recording.read_bytes())
        data = json.loads(recording.read_text())
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(recording)], stdout=subprocess.PIPE,
                                  text=True)
        try:
            assert server.stdout is not None
            base = server.stdout.readline().strip()
            plain_download(base, data["order"], data["prefix"])  # warm-up
            plains, results = measure(args, base, data, tmp)
        finally:
            server.terminate()
            server.wait()
    report(args, data, plains, results)


Config = tuple[str, dict[str, str]]


def configs(args: argparse.Namespace) -> list[Config]:
    """(label, environment) of each kind of sync measured, for this tree and the tree compared with."""
    cores = os.cpu_count() or 1
    kinds = [("default workers", {}), ("1 worker", {"CONSULT_SYNC_WORKERS": "1"}),
             (f"{cores} workers, all cores", {"CONSULT_SYNC_WORKERS": str(cores)})]
    trees: list[Config] = [("", {})]
    if args.compare_with:
        trees.append((f" [{args.compare_with}]", {"PYTHONPATH": str(Path(args.compare_with).resolve())}))
    return [(label + tree, {**env, **tree_env}) for label, env in kinds for tree, tree_env in trees]


def measure(args: argparse.Namespace, base: str, data: dict, tmp: Path
            ) -> tuple[list[float], dict[str, list[tuple[float, float, float, dict]]]]:
    """Each run: a plain download, then every kind of sync once (alternating, so all see the same load)."""
    plains: list[float] = []
    results: dict[str, list[tuple[float, float, float, dict]]] = {label: [] for label, _env in configs(args)}
    for run in range(args.runs):
        plains.append(plain_download(base, data["order"], data["prefix"])[0])
        for number, (label, env) in enumerate(configs(args)):
            directory = tmp / f"run-{run}-{number}" / "profile"
            new_profile(directory, base, env)
            seconds, cpu, rss, out = cli(directory, "sync", "--json", env=env)
            report = json.loads(out)
            if os.environ.get("BENCH_DEBUG"):
                print(json.dumps(report, indent=1)[:3000])
            results[label].append((seconds, cpu, rss, report))
    return plains, results


def report(args: argparse.Namespace, data: dict, plains: list[float],
           results: dict[str, list[tuple[float, float, float, dict]]]) -> None:
    plain = statistics.median(plains)
    nbytes = sum(len(bytes.fromhex(body)) for _s, _c, body in data["responses"].values())
    print(f"recorded {len(data['order'])} distinct requests from the demo hospital ({args.patients} patients, "
          f"page size {args.page_size}); {nbytes / 1e6:.1f} MB; {args.runs} run(s), medians")
    print(f"plain download from the replay server: {plain:.2f} s ({', '.join(f'{p:.2f}' for p in plains)})")
    for label, runs in results.items():
        seconds = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        ratios = [r[0] / p for r, p in zip(runs, plains, strict=True)]
        last = runs[-1][3]
        written = last.get("resources_written", last.get("written", "?"))
        print(f"consult-desktop sync ({label}): {seconds:.2f} s (process start included; runs "
              f"{', '.join(f'{r[0]:.2f}' for r in runs)}), CPU {cpu:.2f} s with its workers, status "
              f"{last.get('status')}, {written} resources written, {last.get('requests')} requests, peak RSS "
              f"{max(r[2] for r in runs):.0f} MB; ratio to plain download {statistics.median(ratios):.2f} "
              f"(per run, within the run)")

if __name__ == "__main__":
    main()

"""A large practice: full sync of a demo hospital of N patients, then the screens' reads on the resulting profile.

Starts the demo hospital with `--patients N` (about three quarters of them are the GP's), runs
`consult-desktop sync` from a new profile in a child process (the real command line, default validation
workers) and reports its time, peak RSS (target < 300 MB) and the profile's size on disk. Then, on that
profile, in another child process with Qt's offscreen platform:

- the patient list: `Store.patient_summaries()` (the list's one query), and one keystroke in the search field
  (the list panel's filter over every patient, from the key press until the event queue is empty);
- opening a patient: `record.patient_snapshot.load_patient_snapshot` (the one query and the mapping), median
  over a sample of patients;
- a full-text search in a patient's documents (`record.queries.search_documents`), median over a sample.

Prints figures; asserts nothing. Usage: python benchmarks/bench_large_practice.py [--patients 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "benchmark passphrase, not a secret"
HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parent))

from bench_sync_replay import cli, start_demo  # noqa: E402


def directory_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def measure_reads(data_dir: str, samples: int) -> dict:
    """In a child process: the list, a keystroke, opening patients and full-text searches on the profile."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from consult_desktop.record.patient_snapshot import load_patient_snapshot
    from consult_desktop.record.queries import patient_list, search_documents
    from consult_desktop.store import Profile

    rng = random.Random(7)
    with Profile.resolve(data_dir).unlock(PASSPHRASE) as store:
        start = time.perf_counter()
        rows = patient_list(store)
        list_query = time.perf_counter() - start
        keystroke = keystroke_times(rows)
        chosen = rng.sample(rows, min(samples, len(rows)))
        opens, searches = [], []
        for row in chosen:
            start = time.perf_counter()
            load_patient_snapshot(store, row.server_id, row.id)
            opens.append(time.perf_counter() - start)
            start = time.perf_counter()
            search_documents(store, row.server_id, row.id, "discharge")
            searches.append(time.perf_counter() - start)
    return {"patients": len(rows), "list_query_ms": list_query * 1000, "keystroke_ms": keystroke,
            "open_ms": statistics.median(opens) * 1000, "open_max_ms": max(opens) * 1000,
            "search_ms": statistics.median(searches) * 1000, "search_max_ms": max(searches) * 1000}


def keystroke_times(rows: list) -> float:
    """Median of whole keystrokes in the list's search field (typing then erasing a name), in ms."""
    from bench_ui_list import erase_and_time, type_and_time
    from PySide6.QtWidgets import QApplication

    from consult_desktop.ui.patients.patient_list_panel import PatientListPanel
    from consult_desktop.ui.shell.qt_compat import protect_singletons

    protect_singletons()
    app = QApplication.instance() or QApplication([])
    panel = PatientListPanel()
    panel.resize(700, 900)
    panel.show()
    panel.set_summaries(rows)
    app.processEvents()
    panel.search.setFocus()
    times: list[float] = []
    for text in ("jans", "pee", "ma"):
        type_and_time(panel, text, times)
        erase_and_time(panel, len(text), times)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=10000)
    parser.add_argument("--samples", type=int, default=30, help="patients opened and searched")
    parser.add_argument("--reads", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reads:
        print(json.dumps(measure_reads(args.reads, args.samples)))
        return
    started = time.perf_counter()
    proc, base = start_demo(args.patients)
    ready = time.perf_counter() - started
    try:
        with tempfile.TemporaryDirectory() as tmpdir:
            data_dir = Path(tmpdir) / "profile"
            cli(data_dir, "init")
            cli(data_dir, "server", "set", base, "--auth", "none", "--strategy", "type-search")
            seconds, rss, out = cli(data_dir, "sync", "--json")
            report = json.loads(out)
            size = directory_size(data_dir)
            reads = subprocess.run([sys.executable, str(HERE), "--reads", str(data_dir), "--samples",
                                    str(args.samples)], capture_output=True, text=True, check=True,
                                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
            measured = json.loads(reads.stdout.strip().splitlines()[-1])
    finally:
        proc.terminate()
        proc.wait()
    written = report.get("resources_written", 0)
    print(f"demo hospital of {args.patients:,} patients (ready in {ready:.0f} s); the GP's: {report.get('patients')}")
    print(f"full sync: {seconds:.0f} s, status {report.get('status')}, {written:,} resources, "
          f"{report.get('attachments')} attachments, {report.get('requests')} requests, "
          f"{written / seconds:,.0f} resources/s, peak RSS {rss:.0f} MB (target < 300), "
          f"profile on disk {size / 1e6:.0f} MB")
    print(f"patient list: query {measured['list_query_ms']:.0f} ms for {measured['patients']:,} patients; one "
          f"keystroke in the search field: median {measured['keystroke_ms']:.1f} ms")
    print(f"opening a patient: median {measured['open_ms']:.0f} ms (max {measured['open_max_ms']:.0f}); full-text "
          f"search in their documents: median {measured['search_ms']:.1f} ms (max {measured['search_max_ms']:.0f})")


if __name__ == "__main__":
    main()

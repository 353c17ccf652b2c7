"""Cold start of the desktop program until the unlock dialog is on screen (target < 1.5 s).

Each run is a fresh interpreter (`python -m consult_desktop --data-dir DIR`) on an existing profile, with
`CONSULT_STARTUP_MARKER=exit`: the program prints the wall-clock time at which the dialog was shown and quits.
The figure is that time minus the moment just before the process was spawned. The operating system's file
cache is warm after the first run (figures for the first run are printed separately). Uses Qt's offscreen
platform unless --native is given. Prints figures; asserts nothing.

Usage: python benchmarks/bench_startup.py [--runs 7] [--language en|fr|nl] [--native]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from consult_desktop.store import Profile


def one_run(data_dir: Path, env: dict[str, str]) -> tuple[float, float]:
    """(seconds to the unlock dialog, seconds until the process exited)."""
    started = time.time()
    proc = subprocess.Popen([sys.executable, "-m", "consult_desktop", "--data-dir", str(data_dir)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    shown = None
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("consult-desktop-startup unlock-dialog "):
            shown = float(line.split()[-1])
    proc.wait(timeout=60)
    ended = time.time()
    if shown is None:
        raise SystemExit(f"no startup marker (exit code {proc.returncode})")
    return shown - started, ended - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--language", choices=("en", "fr", "nl"), default="en")
    parser.add_argument("--native", action="store_true", help="use the real display instead of offscreen")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="consult-bench-") as tmp:
        root = Path(tmp)
        Profile.resolve(root / "profile").create("a passphrase for the benchmark").close()
        (root / "config").mkdir()
        (root / "config" / "desktop.json").write_text(f'{{"language": "{args.language}"}}', encoding="utf-8")
        env = dict(os.environ, CONSULT_STARTUP_MARKER="exit", CONSULT_CONFIG_DIR=str(root / "config"),
                   CONSULT_CACHE_DIR=str(root / "cache"))
        if not args.native:
            env["QT_QPA_PLATFORM"] = "offscreen"
        first_shown, first_total = one_run(root / "profile", env)
        shown, total = [], []
        for _ in range(args.runs):
            s, t = one_run(root / "profile", env)
            shown.append(s)
            total.append(t)
    print(f"platform: {'native' if args.native else 'offscreen'}, language: {args.language}, "
          f"python {sys.version.split()[0]}")
    print(f"first run (translations compiled, caches cold): unlock dialog shown after {first_shown * 1000:.0f} ms "
          f"(process ended after {first_total * 1000:.0f} ms)")
    print(f"next {args.runs} runs: unlock dialog shown after median {statistics.median(shown) * 1000:.0f} ms, "
          f"min {min(shown) * 1000:.0f} ms, max {max(shown) * 1000:.0f} ms (target < 1500 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Peak memory of a sync against a hostile server: a gzip bomb page, a huge page, a deeply nested page.

The demo hospital runs in this process, its next Bundle page replaced by the hostile answer; the sync runs
in a fresh child process so its peak RSS is its own (and a baseline sync of the same hospital without the
hostile page is measured the same way). Prints figures; asserts nothing.

Usage: python benchmarks/bench_hostile.py [--bomb-mb 1500] [--huge-mb 400]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time

PASS = "benchmark passphrase"


def child(base_url: str, directory: str) -> None:
    from consult_desktop.fhir.server_config import ServerConfig
    from consult_desktop.store import Profile
    from consult_desktop.sync.setup import run_sync, save_server

    profile = Profile.resolve(directory)
    store = profile.create(PASS)
    key = store.data_key
    save_server(store, ServerConfig(base_url=base_url, auth_kind="none"))
    store.close()
    start = time.perf_counter()
    report = run_sync(profile, key)  # type: ignore[arg-type]
    print(json.dumps({"status": report.status.value, "message": report.message[:120],
                      "seconds": round(time.perf_counter() - start, 2),
                      "peak_rss_mb": peak_rss_mb()}))


def peak_rss_mb() -> float:
    """This process's high-water mark (VmHWM starts anew at exec; ru_maxrss would include the parent's)."""
    for line in open("/proc/self/status", encoding="ascii"):
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def measure(base_url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([sys.executable, __file__, "--child", base_url, f"{tmp}/p"], capture_output=True,
                             text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=2)
    parser.add_argument("--bomb-mb", type=int, default=1500)
    parser.add_argument("--huge-mb", type=int, default=400)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    from consult_desktop.demo.faults import hostile_body
    from consult_desktop.demo.hospital import DemoHospital
    from consult_desktop.demo.server import DemoServer

    server = DemoServer(DemoHospital(patients=10, seed=7), auth="none", page_size=25)
    server.start()
    try:
        print("baseline (no hostile page):", measure(server.base_url))
        for kind, size in (("gzip-bomb", args.bomb_mb), ("huge", args.huge_mb), ("deep", 0)):
            body, _ = hostile_body(kind, size)
            server.faults.hostile_next(1, kind, size)
            print(f"{kind} ({len(body) / 1e6:.1f} MB on the wire, {size or '-'} MB of JSON):", measure(server.base_url))
    finally:
        server.stop()


if __name__ == "__main__":
    main()

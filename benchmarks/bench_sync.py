"""Full sync of ~1,000 demo patients vs a plain paged download of the same data, and no-change syncs.

The demo hospital runs in its own process (`consult-desktop demo-server`), like a real server would. Each
measurement runs in a fresh child process so its peak RSS is its own. Prints figures; asserts nothing.

Usage: python benchmarks/bench_sync.py [--patients 1300] [--page-size 200]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NEXT = re.compile(rb'"relation"\s*:\s*"next"\s*,\s*"url"\s*:\s*"([^"]+)"')
BINARY = re.compile(rb'"url"\s*:\s*"([^"]*Binary/[^"]+)"')
TYPES = ["Patient", "Encounter", "Condition", "AllergyIntolerance", "MedicationRequest", "MedicationStatement",
         "Observation", "DiagnosticReport", "DocumentReference", "Immunization", "Procedure"]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def plain_download(base_url: str, page_size: int, workers: int = 4) -> dict:
    """GET every page of every type, following next links found by a regex, then every Binary with the
    same number of parallel downloads the sync uses for attachments."""
    from concurrent.futures import ThreadPoolExecutor

    import requests

    session = requests.Session()
    session.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=workers))
    start = time.perf_counter()
    requests_made = 0
    nbytes = 0
    binaries: set[str] = set()
    for rtype in TYPES:
        url: str | None = f"{base_url}/{rtype}?_count={page_size}"
        while url:
            body = session.get(url, headers={"Accept": "application/fhir+json"}).content
            requests_made += 1
            nbytes += len(body)
            if rtype in ("DocumentReference", "DiagnosticReport"):
                binaries.update(m.decode() for m in BINARY.findall(body))
            match = NEXT.search(body)
            url = match.group(1).decode().replace("\\/", "/") if match else None
    pages_done = time.perf_counter()

    def fetch(ref: str) -> int:
        return len(session.get(ref if ref.startswith("http") else f"{base_url}/{ref}").content)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        nbytes += sum(pool.map(fetch, sorted(binaries)))
    requests_made += len(binaries)
    return {"seconds": time.perf_counter() - start, "pages_seconds": pages_done - start, "requests": requests_made,
            "bytes": nbytes, "peak_rss_mb": peak_rss_mb()}


def full_sync(base_url: str, page_size: int, directory: str, strategy: str, group: str | None) -> dict:
    from consult_desktop.fhir.server_config import ServerConfig
    from consult_desktop.store import Profile
    from consult_desktop.sync.engine import SyncOptions
    from consult_desktop.sync.setup import run_sync, save_server

    profile = Profile.resolve(directory)
    if profile.exists():
        store = profile.unlock("benchmark passphrase")
    else:
        store = profile.create("benchmark passphrase")
        save_server(store, ServerConfig(base_url=base_url, auth_kind="none"),
                    options=SyncOptions(page_size=page_size, strategy=strategy, group_id=group))
    key = store.data_key
    store.close()
    start = time.perf_counter()
    report = run_sync(profile, key)
    seconds = time.perf_counter() - start
    with profile.unlock("benchmark passphrase") as store:
        stats = store.stats()
    return {"seconds": seconds, "status": report.status.value, "strategy": report.strategy,
            "requests": report.requests, "written": report.resources_written, "attachments": report.attachments,
            "patients": report.patients, "resources": sum(stats["resources"].values()),
            "peak_rss_mb": peak_rss_mb()}


def child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def start_server(patients: int) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "consult_desktop", "demo-server", "--port", "0", "--auth", "none",
                             "--patients", str(patients), "--export-delay", "0.5"],
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("FHIR base URL:"):
            return proc, line.split()[-1]
    raise RuntimeError("the demo server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=1300, help="hospital size (about 75%% are the GP's)")
    parser.add_argument("--page-size", type=int, default=200)
    parser.add_argument("--child", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        role, base_url, *rest = args.child
        if role == "plain":
            print(json.dumps(plain_download(base_url, args.page_size)))
        else:
            directory, strategy, group = rest
            print(json.dumps(full_sync(base_url, args.page_size, directory, strategy, group or None)))
        return

    proc, base_url = start_server(args.patients)
    try:
        import requests

        group = requests.get(f"{base_url}/Group", params={"_count": "1"}).json()
        group_id = (group.get("entry") or [{}])[0].get("resource", {}).get("id", "")
        with tempfile.TemporaryDirectory() as tmp:
            # The demo renders each PDF on first request: a warm-up pass so both sides find them ready.
            child("--page-size", str(args.page_size), "--child", "plain", base_url)
            plain = child("--page-size", str(args.page_size), "--child", "plain", base_url)
            sync = child("--page-size", str(args.page_size), "--child", "sync", base_url,
                         str(Path(tmp) / "ts"), "type-search", "")
            again = child("--page-size", str(args.page_size), "--child", "sync", base_url,
                          str(Path(tmp) / "ts"), "type-search", "")
            export = child("--page-size", str(args.page_size), "--child", "sync", base_url,
                           str(Path(tmp) / "ex"), "export", group_id)
            export_again = child("--page-size", str(args.page_size), "--child", "sync", base_url,
                                 str(Path(tmp) / "ex"), "export", group_id)
            everything = child("--page-size", str(args.page_size), "--child", "sync", base_url,
                               str(Path(tmp) / "ev"), "everything", "")
            everything_again = child("--page-size", str(args.page_size), "--child", "sync", base_url,
                                     str(Path(tmp) / "ev"), "everything", "")
    finally:
        proc.terminate()
        proc.wait()
    print(f"demo hospital: {args.patients} patients; the GP is authorised for {sync['patients']}; "
          f"{sync['resources']:,} resources stored, {sync['attachments']:,} attachments; page size {args.page_size}")
    print(f"plain paged download (no parsing, no storing): {plain['seconds']:.1f} s "
          f"(pages {plain['pages_seconds']:.1f} s, then attachments 4 at a time), {plain['requests']} requests, "
          f"{plain['bytes'] / 1e6:.0f} MB, peak RSS {plain['peak_rss_mb']:.0f} MB")
    for name, r in (("full sync, type-search", sync), ("full sync, bulk export", export),
                    ("full sync, $everything", everything)):
        print(f"{name:<24} {r['seconds']:.1f} s, {r['resources'] / r['seconds']:,.0f} resources/s, "
              f"{r['requests']} requests, peak RSS {r['peak_rss_mb']:.0f} MB, "
              f"ratio to plain download {r['seconds'] / plain['seconds']:.2f} (target <= 1.5)")
    for name, r in (("type-search", again), ("bulk export", export_again), ("$everything", everything_again)):
        print(f"no-change incremental sync, {name:<12} {r['requests']} requests, {r['seconds']:.1f} s, "
              f"{r['written']} written")


if __name__ == "__main__":
    main()

"""Store write path vs plain sqlcipher3 inserts of the same JSON, and unlock time.

Prints figures; asserts nothing. Usage: python benchmarks/bench_store.py [--count 100000]
"""

from __future__ import annotations

import argparse
import json
import secrets
import statistics
import tempfile
import time
from pathlib import Path

import sqlcipher3

from consult_desktop.store import Profile
from consult_desktop.store.keyfile import KdfParams

PAGE = 500  # resources per transaction, as a sync page


def make_resources(count: int) -> list[dict]:
    out = []
    for i in range(count):
        out.append({
            "resourceType": "Observation",
            "id": f"obs-{i:07d}",
            "meta": {"versionId": "1", "lastUpdated": f"2026-01-{1 + i % 28:02d}T10:{i % 60:02d}:00.000+00:00"},
            "status": "final",
            "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                      "code": "laboratory"}]}],
            "code": {"coding": [{"system": "http://loinc.org", "code": "2823-3",
                                 "display": "Potassium [Moles/volume] in Serum or Plasma"}], "text": "Potassium"},
            "subject": {"reference": f"Patient/pat-{i % 2000:05d}"},
            "encounter": {"reference": f"Encounter/enc-{i % 5000:05d}"},
            "effectiveDateTime": "2026-01-05T08:30:00+01:00",
            "issued": "2026-01-05T11:00:00+01:00",
            "valueQuantity": {"value": 3.5 + (i % 30) / 10, "unit": "mmol/L", "system": "http://unitsofmeasure.org",
                              "code": "mmol/L"},
            "interpretation": [{"coding": [{"system":
                                            "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                                            "code": "N"}]}],
            "referenceRange": [{"low": {"value": 3.5, "unit": "mmol/L"}, "high": {"value": 5.1, "unit": "mmol/L"},
                                "text": "3.5-5.1 mmol/L"}],
            "note": [{"text": "Specimen slightly haemolysed; interpret with care. " * 3}],
        })
    return out


def raw_insert(directory: Path, resources: list[dict]) -> float:
    conn = sqlcipher3.connect(str(directory / "raw.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE resources(type TEXT, id TEXT, json TEXT, PRIMARY KEY(type, id))")
    start = time.perf_counter()
    for i in range(0, len(resources), PAGE):
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO resources VALUES (?,?,?)",
                         [(r["resourceType"], r["id"], json.dumps(r, separators=(",", ":"), ensure_ascii=False))
                          for r in resources[i:i + PAGE]])
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def store_insert(directory: Path, resources: list[dict]) -> float:
    store = Profile.resolve(directory / "profile").create("benchmark passphrase")
    start = time.perf_counter()
    for i in range(0, len(resources), PAGE):
        store.resources.put_many("hospital", resources[i:i + PAGE])
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


def unlock_times(directory: Path, runs: int = 5) -> list[float]:
    profile = Profile.resolve(directory / "profile")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        store = profile.unlock("benchmark passphrase")
        store.conn.execute("SELECT count(*) FROM patients").fetchone()
        times.append(time.perf_counter() - start)
        store.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; the best of each is kept")
    args = parser.parse_args()
    resources = make_resources(args.count)
    size = statistics.mean(len(json.dumps(r)) for r in resources[:1000])
    raws, stores = [], []
    for _ in range(args.rounds):  # alternate, so that load from other processes hits both alike
        with tempfile.TemporaryDirectory() as tmp:
            raws.append(raw_insert(Path(tmp), resources))
        with tempfile.TemporaryDirectory() as tmp:
            stores.append(store_insert(Path(tmp), resources))
            unlocks = unlock_times(Path(tmp))
    raw, ours = min(raws), min(stores)
    kdf = KdfParams()
    print(f"resources: {args.count:,} of ~{size:.0f} bytes JSON, {PAGE} per transaction, "
          f"best of {args.rounds} alternating rounds")
    print(f"plain sqlcipher3 inserts: {raw:.2f} s  ({args.count / raw:,.0f} resources/s)")
    print(f"store write path:         {ours:.2f} s  ({args.count / ours:,.0f} resources/s)")
    print(f"store rate / raw rate:    {raw / ours:.0%}  (target >= 70%)")
    print(f"unlock (Argon2id t={kdf.iterations} p={kdf.lanes} m={kdf.memory_kib // 1024} MiB + open): "
          f"median {statistics.median(unlocks) * 1000:.0f} ms, max {max(unlocks) * 1000:.0f} ms (target < 500 ms)")


if __name__ == "__main__":
    main()

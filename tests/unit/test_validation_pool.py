"""Validation in worker processes gives the same answer as in-process validation, in order, and falls back to
this process when the workers are gone; the worker count comes from CONSULT_SYNC_WORKERS."""

from __future__ import annotations

import json

import pytest

from consult_desktop.fhir.paging import parse_page
from consult_desktop.fhir.validation import validate_resource
from consult_desktop.fhir.validation_pool import (
    InlineValidator,
    PageBytes,
    PoolValidator,
    open_validator,
    worker_count,
)


def _page() -> list[dict]:
    resources: list[dict] = []
    for i in range(120):
        resources.append({"resourceType": "Observation", "id": f"o{i}", "status": "final", "code": {"text": "K"}})
    resources[7] = {"resourceType": "Observation", "id": "bad-date", "status": "final", "code": {"text": "K"},
                    "effectiveDateTime": "not a date"}
    resources[64] = {"resourceType": "Patient", "id": "bad-gender", "gender": "robot"}
    resources[99] = {"resourceType": "NoSuchThing", "id": "x"}
    return resources


def test_pool_results_match_in_process_results_in_order() -> None:
    page = _page()
    expected = [validate_resource(r) for r in page]
    pool = PoolValidator(2, ("Observation", "Patient"))
    try:
        first, second = pool.submit(page), pool.submit(page[:30])
        assert first.result() == expected
        assert second.result() == expected[:30]
        assert pool.submit([]).result() == []
    finally:
        pool.close()
    assert [i for i, e in enumerate(expected) if e is not None] == [7, 64, 99]


def _bundle_bytes() -> bytes:
    entries: list[dict] = [{"resource": r, "search": {"mode": "match"}} for r in _page()]
    entries.insert(3, {"resource": {"resourceType": "OperationOutcome", "id": "w", "issue": []},
                       "search": {"mode": "outcome"}})
    entries.insert(50, {"fullUrl": "urn:no-resource"})
    return json.dumps({"resourceType": "Bundle", "type": "searchset", "entry": entries}).encode()


def test_workers_check_a_page_from_its_bytes_with_the_same_results() -> None:
    raw = _bundle_bytes()
    page = parse_page(json.loads(raw), "http://127.0.0.1/fhir/Observation", raw)
    assert page.raw == raw and len(page.entries) == 120
    positions = [i for i in range(120) if i % 5 != 1]  # the sync keeps some resources, not all
    resources = [page.entries[i] for i in positions]
    pool = PoolValidator(2, ("Observation", "Patient"))
    try:
        results = pool.submit(resources, PageBytes(raw, positions)).result()
    finally:
        pool.close()
    assert results == [validate_resource(r) for r in resources]
    assert results[positions.index(7)] is not None and results[positions.index(64)] is not None


def test_a_worker_result_for_another_resource_is_not_used() -> None:
    raw = _bundle_bytes()
    page = parse_page(json.loads(raw), "http://127.0.0.1/fhir/Observation", raw)
    resources = [page.entries[7], page.entries[64], page.entries[10]]
    wrong = [8, 65, 500]  # positions of other (valid) resources, and one past the end
    pool = PoolValidator(2, ("Observation", "Patient"))
    try:
        results = pool.submit(resources, PageBytes(raw, wrong)).result()
    finally:
        pool.close()
    assert results == [validate_resource(r) for r in resources]
    assert results[0] is not None and results[1] is not None and results[2] is None


def test_closed_pool_still_validates_in_this_process() -> None:
    page = _page()
    pool = PoolValidator(2)
    pool.close()
    assert pool.submit(page).result() == [validate_resource(r) for r in page]


def test_a_worker_that_dies_is_replaced_by_in_process_validation() -> None:
    page = _page()
    pool = PoolValidator(2)
    try:
        assert pool.submit(page[:5]).result() == [None] * 5
        assert pool._pool is not None
        for process in list(pool._pool._processes.values()):
            process.kill()
            process.join()
        assert pool.submit(page).result() == [validate_resource(r) for r in page]
    finally:
        pool.close()


def test_worker_count_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSULT_SYNC_WORKERS", "3")
    assert worker_count() == 3
    monkeypatch.setenv("CONSULT_SYNC_WORKERS", "zero")
    assert worker_count() >= 1
    monkeypatch.setenv("CONSULT_SYNC_WORKERS", "1")
    validator = open_validator(("Patient",))
    assert isinstance(validator, InlineValidator)
    assert validator.submit([{"resourceType": "Patient", "id": "p", "gender": "robot"}]).result() == [
        "gender: not a code of its required value set"]


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="reads /proc")
def test_workers_do_not_outlive_a_killed_sync_process() -> None:
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    code = ("from consult_desktop.fhir.validation_pool import PoolValidator\n"
            "p = PoolValidator(2, ('Patient',))\n"
            "p.submit([{'resourceType': 'Patient', 'id': 'x'}]).result()\n"
            "print('ready', flush=True)\n"
            "import time; time.sleep(120)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
    assert len(children) >= 2  # the workers (and the resource tracker)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in children):
        time.sleep(0.1)
    assert not [pid for pid in children if Path(f"/proc/{pid}/cmdline").exists()
                and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"]


def test_workers_started_early_serve_the_next_sync_once_and_are_stopped_otherwise(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from consult_desktop.fhir import validation_pool

    monkeypatch.setenv("CONSULT_SYNC_WORKERS", "2")
    page = _page()
    validation_pool.start_early(("Observation", "Patient"))
    early = validation_pool._early
    assert isinstance(early, PoolValidator)
    first = open_validator(("Observation",))
    second = open_validator(("Observation",))
    try:
        assert first is early and second is not early  # a second sync starts its own
        assert first.submit(page).result() == [validate_resource(r) for r in page]
    finally:
        first.close()
        second.close()
    validation_pool.start_early()
    left = validation_pool._early
    validation_pool.discard_early()
    assert validation_pool._early is None and left is not None and left._pool is None
    monkeypatch.setenv("CONSULT_SYNC_WORKERS", "1")
    validation_pool.start_early()
    assert validation_pool._early is None  # one worker: validation stays in the sync process

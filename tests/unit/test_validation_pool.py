"""Validation in worker processes gives the same answer as in-process validation, in order, and falls back to
this process when the workers are gone; the worker count comes from CONSULT_SYNC_WORKERS."""

from __future__ import annotations

import pytest

from consult_desktop.fhir.validation import validate_resource
from consult_desktop.fhir.validation_pool import (
    InlineValidator,
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

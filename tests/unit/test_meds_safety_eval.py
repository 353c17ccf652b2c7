"""The medication-safety evaluation (tests/fixtures/meds/safety_eval.yaml) and the reference polypharmacy patients.

The cases were written before the checker was changed for them: allergies that must never be dropped, coverage,
doses, one flag per clinical problem, resolution of Belgian products and content. Every case runs through
`consult-desktop interactions --json` in-process (see meds_eval_harness). `pytest -s` prints the figures;
`python benchmarks/bench_meds.py --eval` prints them for the README.
"""

from __future__ import annotations

import pytest
import yaml
from meds_eval_harness import (
    PATIENTS_FILE,
    PatientFigures,
    SafetyFigures,
    evaluate_patients,
    evaluate_safety,
    summary,
)

SENSITIVITY_TARGET = 0.95
FALSE_ALARM_TARGET = 0.05
MODERATE_FLAGS_PER_PATIENT = 9  # flags of moderate or higher severity; minor notes are not counted


@pytest.fixture(scope="module")
def safety() -> SafetyFigures:
    return evaluate_safety()


@pytest.fixture(scope="module")
def patients(safety: SafetyFigures) -> list[PatientFigures]:
    found = evaluate_patients()
    print("\n" + summary(safety, found, verbose=True))
    return found


def test_cases_that_should_flag_do(safety: SafetyFigures) -> None:
    assert safety.rate("flag") >= SENSITIVITY_TARGET, safety.failures


def test_cases_that_should_not_flag_do_not(safety: SafetyFigures) -> None:
    assert 1 - safety.rate("no_flag") <= FALSE_ALARM_TARGET, safety.failures


@pytest.mark.parametrize("kind", ["not_checked", "coverage", "resolved", "text", "max_flags"])
def test_every_visibility_resolution_and_content_check_holds(safety: SafetyFigures, kind: str) -> None:
    assert safety.totals[kind] > 0
    assert safety.passed[kind] == safety.totals[kind], [item for item in safety.failures if f'"{kind}"' in item]


def test_reference_patients_are_real_polypharmacy() -> None:
    records = yaml.safe_load(PATIENTS_FILE.read_text(encoding="utf-8"))
    assert len(records) >= 5
    for record in records:
        assert 10 <= len(record["hospital"]) + len(record["gp"]) <= 15, record["id"]
        assert record["patient"]["age"] >= 75 and record["problems"], record["id"]


def test_every_problem_of_the_reference_patients_is_flagged(patients: list[PatientFigures]) -> None:
    assert len(patients) >= 5
    assert [item.missed for item in patients] == [[] for _ in patients]


def test_reference_patients_get_few_flags(patients: list[PatientFigures]) -> None:
    assert max(item.moderate_or_higher for item in patients) <= MODERATE_FLAGS_PER_PATIENT
    assert sum(item.flags for item in patients) / len(patients) <= 7.5

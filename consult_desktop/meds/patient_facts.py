"""What the dose and renal checks need from the synced record: age, sex, latest weight and serum creatinine.

`patient_facts(patient, observations, today)` reads a FHIR Patient and Observation resources (R4 JSON) into a
`PatientFacts`; anything missing stays None, so the checks fall back to the eGFR. Results older than
`MAX_AGE_DAYS` are not used: an old creatinine says little about today's kidney function. Pure; safe on any
thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from consult_desktop.meds.renal_check import PatientFacts, creatinine_mg_dl

LOINC = "http://loinc.org"
WEIGHT_CODES = frozenset({"29463-7", "3141-9"})  # body weight (measured)
CREATININE_CODES = frozenset({"2160-0", "14682-9", "38483-4", "77140-2"})  # serum/plasma creatinine
MAX_AGE_DAYS = 365
_WITHDRAWN = frozenset({"entered-in-error", "cancelled"})


def is_fact_observation(resource: dict[str, Any]) -> bool:
    """Whether an Observation is a body weight or a serum creatinine."""
    return bool(_codes(resource) & (WEIGHT_CODES | CREATININE_CODES))


def _codes(resource: dict[str, Any]) -> set[str]:
    if resource.get("resourceType") != "Observation" or resource.get("status") in _WITHDRAWN:
        return set()
    return {str(coding.get("code")) for coding in (resource.get("code") or {}).get("coding") or ()
            if isinstance(coding, dict) and str(coding.get("system", LOINC)) == LOINC}


def _date(text: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def _latest(observations: Iterable[dict[str, Any]], codes: frozenset[str], today: dt.date
            ) -> tuple[float, str] | None:
    best: tuple[dt.date, float, str] | None = None
    for resource in observations:
        if not _codes(resource) & codes:
            continue
        quantity = resource.get("valueQuantity") or {}
        value = quantity.get("value")
        when = _date(resource.get("effectiveDateTime") or (resource.get("effectivePeriod") or {}).get("start")
                     or resource.get("issued"))
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0 or when is None:
            continue
        if (today - when).days > MAX_AGE_DAYS:
            continue
        if best is None or when > best[0]:
            best = (when, float(value), str(quantity.get("unit") or quantity.get("code") or ""))
    return (best[1], best[2]) if best else None


def _age(birth_date: Any, today: dt.date) -> float | None:
    born = _date(birth_date)
    if born is None:
        return None
    return float(today.year - born.year - ((today.month, today.day) < (born.month, born.day)))


def patient_facts(patient: dict[str, Any] | None, observations: Iterable[dict[str, Any]],
                  today: dt.date | None = None) -> PatientFacts:
    today = today or dt.date.today()
    found = list(observations)
    patient = patient or {}
    sex = patient.get("gender") if patient.get("gender") in ("female", "male") else None
    weight = _latest(found, WEIGHT_CODES, today)
    weight_kg = None
    if weight is not None:
        weight_kg = weight[0] / 1000 if weight[1].lower() == "g" else weight[0]
    creatinine = _latest(found, CREATININE_CODES, today)
    return PatientFacts(
        age=_age(patient.get("birthDate"), today), sex=sex, weight_kg=weight_kg,
        creatinine_mg_dl=creatinine_mg_dl(*creatinine) if creatinine else None,
    )

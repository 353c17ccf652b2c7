"""Laboratory and other measured results (FHIR Observation).

Plain frozen data; safe on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass

LOINC = "http://loinc.org"
# LOINC codes of an estimated GFR (creatinine and/or cystatin C based, per 1.73 m2); the demo hospital uses 62238-1.
EGFR_CODES = frozenset({"33914-3", "62238-1", "98979-8", "48642-3", "48643-1", "69405-9"})


@dataclass(frozen=True, slots=True)
class LabResult:
    """One result.

    ``code`` is the LOINC code when the observation is coded in LOINC (else the first code, with
    ``code_system``); ``value`` / ``unit`` for quantities (``comparator`` such as ``"<"`` when sent),
    ``value_text`` for string or coded results. ``ref_low`` / ``ref_high`` / ``ref_text`` come from the
    first reference range. ``interpretation`` is the first interpretation code (``H``, ``L``, ``N`` ...).
    ``abnormal`` is True / False when it can be decided (interpretation first, else the range), None
    when it cannot. ``effective`` is the FHIR dateTime as sent (or the start of a period).
    """

    id: str
    patient_id: str | None = None
    code: str | None = None
    code_system: str | None = None
    display: str | None = None
    value: float | None = None
    comparator: str | None = None
    unit: str | None = None
    value_text: str | None = None
    ref_low: float | None = None
    ref_high: float | None = None
    ref_text: str | None = None
    interpretation: str | None = None
    abnormal: bool | None = None
    effective: str | None = None
    category: str | None = None
    encounter_id: str | None = None
    status: str | None = None

    @property
    def is_egfr(self) -> bool:
        """An estimated glomerular filtration rate (the renal dose checks use the latest one)."""
        return self.code in EGFR_CODES and self.code_system in (LOINC, None)

"""Problems and diagnoses (FHIR Condition).

Plain frozen data; safe on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Condition:
    """One problem or diagnosis. ``onset`` is a dateTime as sent, the start of an onset period, or an
    onset string; ``clinical_status`` the code (``active``, ``resolved`` ...)."""

    id: str
    patient_id: str | None = None
    code: str | None = None
    code_system: str | None = None
    display: str | None = None
    clinical_status: str | None = None
    verification_status: str | None = None
    category: str | None = None
    onset: str | None = None
    abatement: str | None = None
    recorded_date: str | None = None
    encounter_id: str | None = None

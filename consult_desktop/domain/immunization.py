"""Vaccinations (FHIR Immunization).

Plain frozen data; safe on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Immunization:
    """One vaccination. ``vaccine_code`` / ``vaccine_system`` (CVX, SNOMED CT, ATC ...);
    ``occurrence`` is a dateTime as sent or the occurrence string."""

    id: str
    patient_id: str | None = None
    vaccine_code: str | None = None
    vaccine_system: str | None = None
    vaccine_display: str | None = None
    status: str | None = None
    occurrence: str | None = None
    lot_number: str | None = None
    encounter_id: str | None = None

"""The patient as the screens need them: identity, Belgian national number (SSIN), language, address.

Dates are kept exactly as FHIR sends them (ISO 8601, possibly partial such as ``"1950"`` or
``"1950-04"``); the UI formats them. Plain frozen data; safe on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Patient:
    """One patient of the hospital record.

    ``sex`` is the FHIR administrative gender (``male``, ``female``, ``other``, ``unknown``) or None;
    ``language`` the preferred communication language code (e.g. ``nl``, ``fr``, ``de``, ``nl-BE``);
    ``address_line`` one printable line (street, postal code and city).
    """

    id: str
    ssin: str | None = None
    family: str | None = None
    given: tuple[str, ...] = ()
    birth_date: str | None = None
    sex: str | None = None
    language: str | None = None
    address_line: str | None = None
    deceased: bool = False


def display_name(patient: Patient) -> str:
    """``"FAMILY, Given Given"`` in the Belgian style, degrading gracefully when parts are missing."""
    given = " ".join(g for g in patient.given if g)
    family = (patient.family or "").upper()
    if family and given:
        return f"{family}, {given}"
    if family or given:
        return family or given
    return "(name unknown)"

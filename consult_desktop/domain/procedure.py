"""Procedures and operations (FHIR Procedure).

Plain frozen data; safe on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Procedure:
    """One procedure. ``performed`` is a dateTime as sent or the start of the performed period,
    ``performed_end`` the end of that period; ``body_site`` the first body site's text."""

    id: str
    patient_id: str | None = None
    code: str | None = None
    code_system: str | None = None
    display: str | None = None
    status: str | None = None
    category: str | None = None
    performed: str | None = None
    performed_end: str | None = None
    body_site: str | None = None
    encounter_id: str | None = None

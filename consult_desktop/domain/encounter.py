"""Hospital stays and visits (FHIR Encounter).

Plain frozen data; safe on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Encounter:
    """One encounter. ``class_code`` is the v3 ActCode (``AMB``, ``IMP``, ``EMER`` ...); ``start`` /
    ``end`` the period as sent; ``type_display`` the first type's text; ``service_provider`` and
    ``discharge_disposition`` are display texts; ``service`` the clinical service (serviceType);
    ``service_provider_ref`` the (type, id) of the hospital when it is sent without a display text."""

    id: str
    patient_id: str | None = None
    status: str | None = None
    class_code: str | None = None
    class_display: str | None = None
    start: str | None = None
    end: str | None = None
    type_display: str | None = None
    reason: str | None = None
    service_provider: str | None = None
    discharge_disposition: str | None = None
    service: str | None = None
    service_provider_ref: tuple[str, str] | None = None

"""Allergies and intolerances (FHIR AllergyIntolerance).

Plain frozen data; safe on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass

# SNOMED CT "no known ..." findings: a record that says there are none, not an allergy.
NO_KNOWN_ALLERGY_CODES = frozenset({"716186003", "409137002", "429625007", "428607008"})


@dataclass(frozen=True, slots=True)
class AllergyReaction:
    """One recorded reaction: what it looked like (``manifestations``), how bad, and to what."""

    manifestations: tuple[str, ...] = ()
    severity: str | None = None
    substance: str | None = None
    onset: str | None = None


@dataclass(frozen=True, slots=True)
class Allergy:
    """One allergy or intolerance. ``substance_code`` / ``substance_system`` identify the substance
    (RxNorm, SNOMED CT, ATC, CNK ...); ``category`` holds food / medication / environment / biologic;
    ``criticality`` is low / high / unable-to-assess."""

    id: str
    patient_id: str | None = None
    substance_code: str | None = None
    substance_system: str | None = None
    substance_display: str | None = None
    type: str | None = None
    category: tuple[str, ...] = ()
    criticality: str | None = None
    clinical_status: str | None = None
    verification_status: str | None = None
    reactions: tuple[AllergyReaction, ...] = ()
    recorded_date: str | None = None
    onset: str | None = None

    @property
    def is_active(self) -> bool:
        """True unless the allergy is explicitly inactive/resolved or refuted / entered in error."""
        if self.clinical_status in {"inactive", "resolved"}:
            return False
        return self.verification_status not in {"refuted", "entered-in-error"}

    @property
    def states_none_known(self) -> bool:
        """A "no known allergy" record: it says there are none, it names no substance to avoid."""
        return self.substance_code in NO_KNOWN_ALLERGY_CODES

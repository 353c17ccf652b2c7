"""Role profiles: what a GP, a home-care nurse and a physiotherapist fetch from the hospital and see.

The hospital server decides *whom* a professional may see; the role profile decides *what*, following
the principle of minimum necessary data. The sync engine fetches only ``profile.resource_types`` and
keeps a document only when ``may_see(profile, resource)`` says so, so nothing outside the role is ever
stored locally. ``may_see`` is the one answer to "may this role see this raw resource".

Decisions (document type codes are LOINC document ontology codes, as used in DocumentReference.type;
diagnostic report categories are HL7 v2 table 0074 codes or the LOINC parts used by US Core, as used in
DiagnosticReport.category):

- **GP** (``gp``): every supported resource type and every document. The GP is the patient's
  coordinating physician and receives the full hospital record.
- **Nurse** (``nurse``, home-care nursing): all clinical resource types (medication, allergies,
  problems, lab values are needed to administer treatment safely), but documents are limited to what
  nursing care at home needs: discharge and transfer summaries, nursing notes, care plans, referral
  notes and laboratory reports. Physician-to-physician detail (operative notes, pathology, imaging,
  history and physical, consultation and emergency notes) stays with the GP. Diagnostic reports: lab only.
- **Physiotherapist** (``physio``): Patient, Encounter, Condition, AllergyIntolerance, Procedure,
  DocumentReference and DiagnosticReport; no medication, no lab values. Documents: discharge and
  transfer summaries, imaging reports, surgical operation notes (rehabilitation after surgery depends on
  what was done), physiotherapy notes and referral notes. Diagnostic reports: radiology only.

A document without any recognised type code is shown to the GP only.

Sources for the codes: US Core "Clinical Notes" guidance (HL7/US-Core, clinical-notes page: 11488-4,
18842-5, 34117-2, 28570-0, 11506-3, 18748-4, 11502-2, 11526-1, 11504-8, 34111-5, 57133-1; DiagnosticReport
categories LP29684-5 radiology, LP7839-6 pathology, LP29708-2 cardiology), the C-CDA on FHIR
DischargeSummaryDocumentTypeCode and TransferDocumentType value sets (11490-0, 34105-7, 28655-9,
34745-0, 18761-7, 28651-8) and the LOINC document ontology (11508-9, 28579-1, 68590-9, 57154-7, 28623-7,
34746-8, 18776-5). HL7 v2 table 0074 for LAB / RAD / PAT.

Plain frozen data; safe on any thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    """The professional using the program; stored in the server settings as its value."""

    GP = "gp"
    NURSE = "nurse"
    PHYSIO = "physio"


ALL_RESOURCE_TYPES: tuple[str, ...] = (
    "Patient",
    "Encounter",
    "Condition",
    "AllergyIntolerance",
    "MedicationRequest",
    "MedicationStatement",
    "Observation",
    "DiagnosticReport",
    "DocumentReference",
    "Immunization",
    "Procedure",
)

# LOINC document type codes, grouped by what they are.
DISCHARGE_SUMMARIES = frozenset({"18842-5", "11490-0", "34105-7", "28655-9", "34745-0"})
TRANSFER_SUMMARIES = frozenset({"18761-7", "28651-8"})
NURSING_NOTES = frozenset({"34746-8", "28623-7"})
CARE_PLANS = frozenset({"18776-5"})
REFERRAL_NOTES = frozenset({"57133-1"})
LAB_REPORTS = frozenset({"11502-2"})
IMAGING_REPORTS = frozenset({"18748-4"})
OPERATIVE_NOTES = frozenset({"11504-8"})
PHYSIOTHERAPY_NOTES = frozenset({"11508-9", "28579-1", "68590-9", "57154-7"})

# The resource types whose visibility depends on their codes, not only on their type.
DOCUMENT_TYPES = frozenset({"DocumentReference", "DiagnosticReport"})

# DiagnosticReport.category codes (HL7 v2-0074 and the LOINC parts used by US Core).
LAB_CATEGORIES = frozenset({"LAB"})
RADIOLOGY_CATEGORIES = frozenset({"RAD", "LP29684-5"})


@dataclass(frozen=True, slots=True)
class RoleProfile:
    """What one role fetches and shows.

    ``document_types`` / ``report_categories`` set to ``None`` means "no restriction".
    """

    role: Role
    label: str
    resource_types: tuple[str, ...]
    document_types: frozenset[str] | None
    report_categories: frozenset[str] | None

    def fetches(self, resource_type: str) -> bool:
        """True when this role fetches (and stores) resources of ``resource_type``."""
        return resource_type in self.resource_types

    def allows_document(
        self,
        resource_type: str,
        type_codes: Iterable[str] = (),
        category_codes: Iterable[str] = (),
    ) -> bool:
        """True when a document (DocumentReference or DiagnosticReport) may be kept and shown.

        ``type_codes``: LOINC codes of DocumentReference.type (or DiagnosticReport.code);
        ``category_codes``: codes of DiagnosticReport.category (ignored for DocumentReference).
        """
        if not self.fetches(resource_type):
            return False
        if self.document_types is None:
            return True
        if any(code in self.document_types for code in type_codes):
            return True
        if resource_type == "DiagnosticReport" and self.report_categories is not None:
            return any(code in self.report_categories for code in category_codes)
        return False


GP_PROFILE = RoleProfile(
    role=Role.GP,
    label="General practitioner",
    resource_types=ALL_RESOURCE_TYPES,
    document_types=None,
    report_categories=None,
)

NURSE_PROFILE = RoleProfile(
    role=Role.NURSE,
    label="Home-care nurse",
    resource_types=ALL_RESOURCE_TYPES,
    document_types=DISCHARGE_SUMMARIES | TRANSFER_SUMMARIES | NURSING_NOTES | CARE_PLANS | REFERRAL_NOTES
    | LAB_REPORTS,
    report_categories=LAB_CATEGORIES,
)

PHYSIO_PROFILE = RoleProfile(
    role=Role.PHYSIO,
    label="Physiotherapist",
    resource_types=(
        "Patient",
        "Encounter",
        "Condition",
        "AllergyIntolerance",
        "Procedure",
        "DocumentReference",
        "DiagnosticReport",
    ),
    document_types=DISCHARGE_SUMMARIES | TRANSFER_SUMMARIES | IMAGING_REPORTS | OPERATIVE_NOTES
    | PHYSIOTHERAPY_NOTES | REFERRAL_NOTES,
    report_categories=RADIOLOGY_CATEGORIES,
)

PROFILES: dict[Role, RoleProfile] = {p.role: p for p in (GP_PROFILE, NURSE_PROFILE, PHYSIO_PROFILE)}


def profile_for(role: str | Role) -> RoleProfile:
    """The profile of ``role`` (``"gp"``, ``"nurse"``, ``"physio"``); ValueError for anything else."""
    try:
        return PROFILES[Role(role)]
    except ValueError:
        raise ValueError(f"Unknown role {role!r}: expected one of gp, nurse, physio.") from None


def may_see(profile: RoleProfile, resource: Any) -> bool:
    """Whether ``profile`` may keep and see this raw FHIR resource.

    Documents (DocumentReference by its ``type``, DiagnosticReport by its ``code`` and ``category``) are
    checked against the role's codes; any other resource by its type. Malformed input gives False.
    """
    if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
        return False
    rtype = resource["resourceType"]
    if rtype == "DocumentReference":
        return profile.allows_document(rtype, _codes(resource.get("type")))
    if rtype == "DiagnosticReport":
        return profile.allows_document(rtype, _codes(resource.get("code")), _codes(resource.get("category")))
    return profile.fetches(rtype)


def _codes(concepts: Any) -> list[str]:
    """Every code of one CodeableConcept or of a list of them; odd shapes are skipped."""
    items = concepts if isinstance(concepts, list) else [concepts]
    found: list[str] = []
    for concept in items:
        codings = concept.get("coding") if isinstance(concept, dict) else None
        for coding in codings if isinstance(codings, list) else []:
            code = coding.get("code") if isinstance(coding, dict) else None
            if isinstance(code, str) and code.strip():
                found.append(code.strip())
    return found

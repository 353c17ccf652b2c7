"""Domain objects and role profiles."""

from __future__ import annotations

import dataclasses

import pytest

from consult_desktop.domain.allergy import Allergy
from consult_desktop.domain.document import Attachment, Document
from consult_desktop.domain.patient import Patient, display_name
from consult_desktop.domain.roles import ALL_RESOURCE_TYPES, Role, profile_for


def test_display_name_variants() -> None:
    assert display_name(Patient(id="1", family="Dupont", given=("Anne", "Marie"))) == "DUPONT, Anne Marie"
    assert display_name(Patient(id="1", family="Dupont")) == "DUPONT"
    assert display_name(Patient(id="1", given=("Anne",))) == "Anne"
    assert display_name(Patient(id="1")) == "(name unknown)"


def test_domain_objects_are_immutable() -> None:
    patient = Patient(id="1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        patient.family = "X"  # type: ignore[misc]


def test_attachment_inline_bytes() -> None:
    assert Attachment(data="SGFsbG8=").inline_bytes() == b"Hallo"
    assert Attachment(url="Binary/1").inline_bytes() is None


def test_document_title_falls_back() -> None:
    assert Document(id="d", resource_type="DocumentReference", description="Brief").title == "Brief"
    assert Document(id="d", resource_type="DocumentReference", type_display="Discharge summary").title == (
        "Discharge summary"
    )
    attachment = Attachment(url="Binary/1", title="scan.pdf")
    assert Document(id="d", resource_type="DocumentReference", attachments=(attachment,)).title == "scan.pdf"


def test_allergy_activity() -> None:
    assert Allergy(id="a").is_active
    assert not Allergy(id="a", clinical_status="resolved").is_active
    assert not Allergy(id="a", verification_status="refuted").is_active


def test_gp_gets_everything() -> None:
    gp = profile_for("gp")
    assert gp.resource_types == ALL_RESOURCE_TYPES and len(ALL_RESOURCE_TYPES) == 11
    assert gp.allows_document("DocumentReference", ["11504-8"])
    assert gp.allows_document("DocumentReference", [])  # even without a recognised type


def test_nurse_documents() -> None:
    nurse = profile_for(Role.NURSE)
    assert nurse.fetches("MedicationRequest") and nurse.fetches("Observation")
    assert nurse.allows_document("DocumentReference", ["18842-5"])  # discharge summary
    assert nurse.allows_document("DocumentReference", ["34745-0"])  # nurse discharge summary
    assert not nurse.allows_document("DocumentReference", ["11504-8"])  # operative note
    assert not nurse.allows_document("DocumentReference", ["11526-1"])  # pathology
    assert not nurse.allows_document("DocumentReference", [])
    assert nurse.allows_document("DiagnosticReport", [], ["LAB"])
    assert not nurse.allows_document("DiagnosticReport", [], ["RAD"])


def test_physio_profile() -> None:
    physio = profile_for("physio")
    for rtype in ("MedicationRequest", "MedicationStatement", "Observation", "Immunization"):
        assert not physio.fetches(rtype)
    assert physio.allows_document("DocumentReference", ["18748-4"])  # imaging
    assert physio.allows_document("DocumentReference", ["11504-8"])  # operative note
    assert not physio.allows_document("DocumentReference", ["11502-2"])  # lab report
    assert physio.allows_document("DiagnosticReport", [], ["RAD"])
    assert not physio.allows_document("DiagnosticReport", [], ["LAB"])


def test_unknown_role() -> None:
    with pytest.raises(ValueError, match="Unknown role"):
        profile_for("surgeon")

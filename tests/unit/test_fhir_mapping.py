"""FHIR JSON -> domain mapping on hand-written Belgian-style samples, references and role filtering."""

from __future__ import annotations

from typing import Any

import pytest

from consult_desktop.domain.document import Document
from consult_desktop.fhir.mapping import (
    MAPPERS,
    display_name,
    map_allergy,
    map_condition,
    map_diagnostic_report,
    map_document_reference,
    map_encounter,
    map_immunization,
    map_observation,
    map_patient,
    map_procedure,
    map_resource,
    patient_id_of,
)

SSIN = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin"
LOINC = "http://loinc.org"


PATIENT: dict[str, Any] = {
    "resourceType": "Patient",
    "id": "pat-1",
    "identifier": [
        {"system": "urn:oid:1.2.3", "value": "H-77"},
        {"system": SSIN, "value": "85.07.30-033.28"},
    ],
    "name": [
        {"use": "maiden", "family": "Janssens", "given": ["Marie"]},
        {"use": "official", "family": "Peeters", "given": ["Marie", "Louise"]},
    ],
    "gender": "female",
    "birthDate": "1985-07-30",
    "communication": [
        {"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "fr"}]}},
        {"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "nl-BE"}]}, "preferred": True},
    ],
    "address": [
        {"use": "work", "line": ["Werkstraat 1"], "city": "Gent"},
        {"use": "home", "line": ["Kerkstraat 12", "bus 3"], "postalCode": "9000", "city": "Gent"},
    ],
    "futureElement": {"whatever": 1},
}


def test_patient() -> None:
    patient = map_patient(PATIENT)
    assert patient is not None
    assert patient.ssin == "85073003328"
    assert (patient.family, patient.given) == ("Peeters", ("Marie", "Louise"))
    assert (patient.birth_date, patient.sex, patient.language) == ("1985-07-30", "female", "nl-BE")
    assert patient.address_line == "Kerkstraat 12, bus 3, 9000 Gent"
    assert not patient.deceased
    assert display_name(patient) == "PEETERS, Marie Louise"
    assert map_patient({**PATIENT, "deceasedDateTime": "2024-01-02"}).deceased  # type: ignore[union-attr]


def test_discharge_letter() -> None:
    doc = map_document_reference(
        {
            "resourceType": "DocumentReference",
            "id": "doc-1",
            "status": "current",
            "docStatus": "final",
            "type": {
                "coding": [
                    {"system": "urn:other", "code": "X"},
                    {"system": LOINC, "code": "18842-5", "display": "Discharge summary"},
                ]
            },
            "category": [{"coding": [{"system": "urn:cat", "code": "letter", "display": "Letter"}]}],
            "subject": {"reference": "Patient/pat-1"},
            "date": "2024-05-02T16:00:00+02:00",
            "author": [
                {"reference": "Practitioner/dr1"},
                {"reference": "Practitioner/dr2", "display": "Dr. A. Claes"},
            ],
            "context": {"encounter": [{"reference": "Encounter/enc-9"}]},
            "content": [
                {
                    "attachment": {
                        "contentType": "application/pdf",
                        "url": "Binary/bin-1",
                        "size": 48213,
                        "title": "Ontslagbrief",
                    }
                },
                {"attachment": {"contentType": "text/plain", "data": "SGFsbG8="}},
            ],
        }
    )
    assert doc is not None
    assert (doc.type_code, doc.type_display, doc.type_codes) == (
        "18842-5",
        "Discharge summary",
        ("X", "18842-5"),
    )
    assert (doc.category, doc.category_display, doc.patient_id) == ("letter", "Letter", "pat-1")
    assert (doc.author, doc.encounter_id, doc.status, doc.doc_status) == (
        "Dr. A. Claes",
        "enc-9",
        "current",
        "final",
    )
    pdf, text = doc.attachments
    assert (pdf.content_type, pdf.url, pdf.size, pdf.title, pdf.is_inline) == (
        "application/pdf",
        "Binary/bin-1",
        48213,
        "Ontslagbrief",
        False,
    )
    assert text.inline_bytes() == b"Hallo" and text.size == 5
    assert doc.title == "Discharge summary"


def test_diagnostic_report_with_presented_form() -> None:
    doc = map_diagnostic_report(
        {
            "resourceType": "DiagnosticReport",
            "id": "dr-1",
            "status": "final",
            "category": [
                {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0074", "code": "RAD"}]}
            ],
            "code": {
                "coding": [{"system": LOINC, "code": "18748-4", "display": "Diagnostic imaging study"}],
                "text": "RX thorax",
            },
            "subject": {"reference": "https://fhir.hospital.example/r4/Patient/pat-1"},
            "effectivePeriod": {"start": "2024-04-01T09:00:00Z"},
            "resultsInterpreter": [{"display": "Dr. B. Wouters"}],
            "presentedForm": [
                {"contentType": "application/pdf", "url": "https://fhir.hospital.example/r4/Binary/b9"}
            ],
        }
    )
    assert doc is not None and isinstance(doc, Document)
    assert (doc.resource_type, doc.type_code, doc.type_display, doc.category) == (
        "DiagnosticReport",
        "18748-4",
        "RX thorax",
        "RAD",
    )
    assert (doc.patient_id, doc.date, doc.author) == ("pat-1", "2024-04-01T09:00:00Z", "Dr. B. Wouters")
    assert doc.attachments[0].url.endswith("Binary/b9")  # type: ignore[union-attr]


def observation(**extra: Any) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": "obs-1",
        "status": "final",
        "category": [{"coding": [{"code": "laboratory"}]}],
        "code": {
            "coding": [
                {"system": "urn:local", "code": "K"},
                {"system": LOINC, "code": "2823-3", "display": "Potassium"},
            ]
        },
        "subject": {"reference": "Patient/pat-1"},
        "encounter": {"reference": "Encounter/enc-9"},
        "effectiveDateTime": "2024-05-01T08:00:00+02:00",
        **extra,
    }


def test_lab_result_with_range_decides_abnormal() -> None:
    rng = [{"low": {"value": 3.5, "unit": "mmol/L"}, "high": {"value": 5.1, "unit": "mmol/L"}}]
    high = map_observation(observation(valueQuantity={"value": 5.9, "unit": "mmol/L"}, referenceRange=rng))
    assert high is not None
    assert (high.code, high.code_system, high.display) == ("2823-3", LOINC, "Potassium")
    assert (high.value, high.unit, high.ref_low, high.ref_high) == (5.9, "mmol/L", 3.5, 5.1)
    assert (high.abnormal, high.category, high.encounter_id, high.patient_id) == (
        True,
        "laboratory",
        "enc-9",
        "pat-1",
    )
    normal = map_observation(observation(valueQuantity={"value": 4.2}, referenceRange=rng))
    assert normal is not None and normal.abnormal is False
    unknown = map_observation(observation(valueQuantity={"value": 4.2}))
    assert unknown is not None and unknown.abnormal is None


def test_lab_result_interpretation_wins() -> None:
    flagged = map_observation(
        observation(
            valueQuantity={"value": 4.0, "comparator": "<"},
            interpretation=[
                {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                            "code": "L",
                        }
                    ]
                }
            ],
        )
    )
    assert flagged is not None and (flagged.interpretation, flagged.abnormal, flagged.comparator) == (
        "L",
        True,
        "<",
    )
    text = map_observation(
        observation(
            valueString="negatief",
            referenceRange=[{"text": "negatief"}],
            interpretation=[{"coding": [{"code": "N"}]}],
        )
    )
    assert text is not None and (text.value_text, text.ref_text, text.abnormal) == (
        "negatief",
        "negatief",
        False,
    )
    coded = map_observation(observation(valueCodeableConcept={"text": "Positief"}))
    assert coded is not None and coded.value_text == "Positief" and coded.value is None


def test_encounter_condition_allergy_immunization_procedure() -> None:
    enc = map_encounter(
        {
            "resourceType": "Encounter",
            "id": "enc-9",
            "status": "finished",
            "class": {
                "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                "code": "IMP",
                "display": "inpatient encounter",
            },
            "type": [{"text": "Opname cardiologie"}],
            "subject": {"reference": "Patient/pat-1"},
            "period": {"start": "2024-04-28", "end": "2024-05-02"},
            "serviceProvider": {"display": "AZ Voorbeeld"},
            "hospitalization": {"dischargeDisposition": {"coding": [{"code": "home", "display": "Home"}]}},
        }
    )
    assert enc is not None
    assert (enc.class_code, enc.start, enc.end, enc.type_display) == (
        "IMP",
        "2024-04-28",
        "2024-05-02",
        "Opname cardiologie",
    )
    assert (enc.service_provider, enc.discharge_disposition) == ("AZ Voorbeeld", "Home")

    cond = map_condition(
        {
            "resourceType": "Condition",
            "id": "c1",
            "subject": {"reference": "Patient/pat-1"},
            "clinicalStatus": {"coding": [{"code": "active"}]},
            "code": {
                "coding": [
                    {"system": "urn:icd", "code": "I48"},
                    {
                        "system": "http://snomed.info/sct",
                        "code": "49436004",
                        "display": "Atrial fibrillation",
                    },
                ]
            },
            "onsetPeriod": {"start": "2023-11"},
        }
    )
    assert cond is not None
    assert (cond.code, cond.display, cond.clinical_status, cond.onset) == (
        "49436004",
        "Atrial fibrillation",
        "active",
        "2023-11",
    )

    allergy = map_allergy(
        {
            "resourceType": "AllergyIntolerance",
            "id": "a1",
            "patient": {"reference": "Patient/pat-1"},
            "criticality": "high",
            "category": ["medication"],
            "clinicalStatus": {"coding": [{"code": "active"}]},
            "verificationStatus": {"coding": [{"code": "confirmed"}]},
            "reaction": [
                {
                    "substance": {
                        "coding": [
                            {"system": "http://snomed.info/sct", "code": "764146007", "display": "Penicillin"}
                        ]
                    },
                    "manifestation": [{"text": "Urticaria"}, {"coding": [{"display": "Dyspnoea"}]}],
                    "severity": "severe",
                }
            ],
        }
    )
    assert allergy is not None
    assert (allergy.substance_code, allergy.substance_display) == ("764146007", "Penicillin")  # from reaction
    assert allergy.reactions[0].manifestations == ("Urticaria", "Dyspnoea") and allergy.is_active
    assert (allergy.criticality, allergy.category, allergy.patient_id) == ("high", ("medication",), "pat-1")

    imm = map_immunization(
        {
            "resourceType": "Immunization",
            "id": "i1",
            "status": "completed",
            "patient": {"reference": "Patient/pat-1"},
            "vaccineCode": {
                "coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "140", "display": "Influenza"}]
            },
            "occurrenceDateTime": "2023-10-15",
            "lotNumber": "LOT9",
        }
    )
    assert imm is not None and (imm.vaccine_code, imm.occurrence, imm.lot_number) == (
        "140",
        "2023-10-15",
        "LOT9",
    )

    proc = map_procedure(
        {
            "resourceType": "Procedure",
            "id": "pr1",
            "status": "completed",
            "subject": {"reference": "Patient/pat-1"},
            "code": {"text": "Electrical cardioversion"},
            "bodySite": [{"text": "Heart"}],
            "performedPeriod": {"start": "2024-04-30T10:00:00Z", "end": "2024-04-30T10:30:00Z"},
        }
    )
    assert proc is not None
    assert (proc.display, proc.performed, proc.performed_end, proc.body_site) == (
        "Electrical cardioversion",
        "2024-04-30T10:00:00Z",
        "2024-04-30T10:30:00Z",
        "Heart",
    )


@pytest.mark.parametrize(
    ("resource", "expected"),
    [
        ({"resourceType": "Observation", "subject": {"reference": "Patient/p1"}}, "p1"),
        (
            {
                "resourceType": "Observation",
                "subject": {"reference": "https://h.example/fhir/Patient/p2/_history/3"},
            },
            "p2",
        ),
        ({"resourceType": "Condition", "subject": {"reference": "urn:uuid:3f2a"}}, "3f2a"),
        ({"resourceType": "AllergyIntolerance", "patient": {"reference": "Patient/p4"}}, "p4"),
        ({"resourceType": "Patient", "id": "p5"}, "p5"),
        ({"resourceType": "Observation", "subject": {"reference": "Group/g1"}}, None),
        ({"resourceType": "Observation", "subject": {"reference": "Patient?identifier=x|1"}}, None),
        ({"resourceType": "Observation", "subject": {"display": "Someone"}}, None),
        ({"resourceType": "Observation", "subject": "Patient/p1"}, "p1"),
        ({"resourceType": "Observation"}, None),
    ],
)
def test_patient_id_of(resource: dict[str, Any], expected: str | None) -> None:
    assert patient_id_of(resource) == expected


def test_wrong_type_or_missing_id_maps_to_none() -> None:
    assert map_patient({"resourceType": "Patient"}) is None
    assert map_patient({"resourceType": "Observation", "id": "x"}) is None
    assert map_resource({"resourceType": "Basic", "id": "x"}) is None
    assert map_resource("not a dict") is None


def test_minimal_resources_map_with_empty_fields() -> None:
    for rtype in MAPPERS:
        mapped = map_resource({"resourceType": rtype, "id": "x"})
        assert mapped is not None and mapped.id == "x"

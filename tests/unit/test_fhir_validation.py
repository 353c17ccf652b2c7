"""validate_resource: valid resources pass; errors are short, name paths, and never echo values."""

from __future__ import annotations

import pytest

from consult_desktop.fhir.validation import model_class, validate_resource


def test_valid_resource() -> None:
    assert (
        validate_resource(
            {
                "resourceType": "Patient",
                "id": "p1",
                "birthDate": "1950-04",
                "name": [{"family": "Peeters", "given": ["Jan"]}],
            }
        )
        is None
    )
    assert (
        validate_resource(
            {
                "resourceType": "Observation",
                "id": "o1",
                "status": "final",
                "code": {"text": "K"},
                "valueQuantity": {"value": 4.1, "unit": "mmol/L"},
            }
        )
        is None
    )


def test_errors_name_the_element_but_not_the_value() -> None:
    error = validate_resource({"resourceType": "Patient", "id": "p1", "birthDate": "Peeters-Jan-1950"})
    assert error is not None and error.startswith("birthDate:")
    assert "Peeters" not in error


def test_errors_are_limited_to_a_few() -> None:
    error = validate_resource(
        {"resourceType": "Patient", "name": "x", "telecom": "y", "address": "z", "contact": "w", "photo": "v"}
    )
    assert error is not None and "(+2 more)" in error and error.count(";") == 3


def test_missing_required_element() -> None:
    error = validate_resource({"resourceType": "Observation", "id": "o1", "code": {"text": "K"}})
    assert error is not None and "status" in error


def test_unknown_or_non_resource_types() -> None:
    assert "unknown resource type" in (validate_resource({"resourceType": "Frobnicate"}) or "")
    assert "unknown resource type" in (validate_resource({"resourceType": "Reference"}) or "")
    assert "unknown resource type" in (validate_resource({"resourceType": "DomainResource"}) or "")
    assert "unknown resource type" in (validate_resource({"resourceType": "os.path"}) or "")
    assert validate_resource({"id": "x"}) == "resourceType: missing"
    assert validate_resource([]) == "not a JSON object"  # type: ignore[arg-type]


def test_model_classes_are_cached() -> None:
    assert model_class("Condition") is model_class("Condition")
    assert model_class("Nope") is None


@pytest.mark.parametrize(("resource", "element"), [
    ({"resourceType": "Observation", "id": "o1", "status": "not-a-status", "code": {"text": "K"}}, "status"),
    ({"resourceType": "DocumentReference", "id": "d1", "status": "final", "content": [
        {"attachment": {"contentType": "text/plain"}}]}, "status"),
    ({"resourceType": "MedicationRequest", "id": "m1", "status": "active", "intent": "wish",
      "subject": {"reference": "Patient/p1"}, "medicationCodeableConcept": {"text": "x"}}, "intent"),
    ({"resourceType": "Patient", "id": "p1", "gender": "M"}, "gender"),
    ({"resourceType": "AllergyIntolerance", "id": "a1", "patient": {"reference": "Patient/p1"},
      "category": ["medication", "pollen"]}, "category"),
    ({"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"}, "clinicalStatus": {
        "coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "gone"}]}},
     "clinicalStatus"),
])
def test_a_code_outside_its_required_value_set_is_invalid(resource: dict, element: str) -> None:
    error = validate_resource(resource)
    assert error is not None and error.startswith(f"{element}:") and "required value set" in error


def test_required_codes_that_belong_are_valid_and_local_codings_are_allowed() -> None:
    assert validate_resource({"resourceType": "Observation", "id": "o1", "status": "final",
                              "code": {"text": "K"}}) is None
    assert validate_resource({"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"},
                              "clinicalStatus": {"coding": [
                                  {"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                                   "code": "active"},
                                  {"system": "https://hospital.example/status", "code": "actief"}]}}) is None

"""validate_resource: valid resources pass; errors are short, name paths, and never echo values."""

from __future__ import annotations

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

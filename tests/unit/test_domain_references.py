"""The one FHIR reference parser (`domain.references`), used by the store's indexes, the mapping and the record
layer: relative, absolute, versioned and `urn:uuid:` references; contained, conditional and other URNs refused."""

from __future__ import annotations

import pytest

from consult_desktop.domain.references import patient_id_of, reference_id, reference_target


@pytest.mark.parametrize(("reference", "target", "patient"), [
    ("Patient/123", ("Patient", "123"), "123"),
    ({"reference": "https://host/fhir/Patient/123/_history/2"}, ("Patient", "123"), "123"),
    ("urn:uuid:5f1c", None, "5f1c"),  # Synthea transaction bundles: the uuid is the id, the type is unknown
    ("Practitioner/7", ("Practitioner", "7"), None),  # another type
    ("#contained", None, None),
    ("Patient?identifier=x|1", None, None),
    ("urn:oid:1.2.3", None, None),
    ("123", None, None),
    ({"display": "Dr. Peeters"}, None, None),
    (None, None, None),
])
def test_reference_target_and_id(reference: object, target: tuple[str, str] | None, patient: str | None) -> None:
    assert reference_target(reference) == target
    assert reference_id(reference, "Patient") == patient


def test_patient_of_a_resource() -> None:
    assert patient_id_of({"resourceType": "Patient", "id": "p1"}) == "p1"
    assert patient_id_of({"resourceType": "Observation", "subject": {"reference": "Patient/p2"}}) == "p2"
    assert patient_id_of({"resourceType": "AllergyIntolerance", "patient": {"reference": "Patient/p3"}}) == "p3"
    assert patient_id_of({"resourceType": "Observation", "subject": {"reference": "Group/g"}}) is None

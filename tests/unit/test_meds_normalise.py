"""Normalising MedicationRequest / MedicationStatement resources: codes, text, references, dosage, status."""

from __future__ import annotations

from consult_desktop.meds.dosage import parse_dosage, parse_dosage_text
from consult_desktop.meds.models import LOCAL, SYSTEMIC, Strength
from consult_desktop.meds.normalise import normalise

ATC = "http://www.whocc.no/atc"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
CNK = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/cnk-codes"


def request(concept: dict | None = None, **extra: object) -> dict:
    resource: dict = {"resourceType": "MedicationRequest", "id": "r1", "status": "active"}
    if concept is not None:
        resource["medicationCodeableConcept"] = concept
    resource.update(extra)
    return resource


def test_atc_code_without_a_known_name_resolves() -> None:
    entry = normalise(request({"coding": [{"system": ATC, "code": "B01AA04", "display": "Anticoagulant tablet 3 mg"}]}))
    assert entry.ingredient_ids == {"phenprocoumon"}
    assert entry.complete and "atc" in entry.resolved_by


def test_atc_combination_code_gives_every_ingredient() -> None:
    entry = normalise(request({"coding": [{"system": ATC, "code": "J01CR02"}], "text": "Augmentin 875 mg"}))
    assert entry.ingredient_ids == {"amoxicillin", "clavulanic acid"}


def test_rxnorm_product_code_is_resolved_by_its_display_text() -> None:
    coding = {"system": RXNORM, "code": "314076", "display": "lisinopril 10 MG Oral Tablet"}
    entry = normalise(request({"coding": [coding]}))
    assert entry.ingredient_ids == {"lisinopril"}
    assert entry.strength_of("lisinopril") == Strength(10, "mg")


def test_rxnorm_ingredient_code_alone_is_enough() -> None:
    assert normalise(request({"coding": [{"system": RXNORM, "code": "11289"}]})).ingredient_ids == {"warfarin"}


def test_cnk_example_code_resolves() -> None:
    entry = normalise(request({"coding": [{"system": CNK, "code": "9800045"}]}))
    assert entry.ingredient_ids == {"paracetamol", "codeine"}


def test_contained_medication_with_ingredients() -> None:
    resource = request(
        medicationReference={"reference": "#med"},
        contained=[{
            "resourceType": "Medication", "id": "med", "code": {"text": "Co-Diovan"},
            "ingredient": [
                {"itemCodeableConcept": {"text": "valsartan"},
                 "strength": {"numerator": {"value": 160, "unit": "mg"}, "denominator": {"value": 1}}},
                {"itemCodeableConcept": {"text": "hydrochlorothiazide"},
                 "strength": {"numerator": {"value": 12.5, "unit": "mg"}, "denominator": {"value": 1}}},
            ],
        }],
    )
    entry = normalise(resource)
    assert entry.ingredient_ids == {"valsartan", "hydrochlorothiazide"}
    assert entry.strength_of("valsartan") == Strength(160, "mg")


def test_referenced_medication_comes_from_the_resolver() -> None:
    medications = {"Medication/m1": {"resourceType": "Medication", "id": "m1", "code": {"text": "Sintrom 4 mg"}}}
    entry = normalise(request(medicationReference={"reference": "Medication/m1"}), medications.get)
    assert entry.ingredient_ids == {"acenocoumarol"}


def test_unresolvable_medication_is_not_complete() -> None:
    entry = normalise(request({"text": "Herbal tea from the market"}))
    assert not entry.resolved and not entry.complete
    missing_reference = normalise(request(medicationReference={"reference": "Medication/absent"}), {}.get)
    assert not missing_reference.resolved


def test_status_and_activity() -> None:
    assert normalise(request({"text": "lisinopril 10 mg"}, status="stopped")).active is False
    assert normalise(request({"text": "lisinopril 10 mg"}, status="entered-in-error")).active is False
    assert normalise(request({"text": "lisinopril 10 mg"}, status="on-hold")).active is True


def test_route_from_dosage_route_coding_overrides_text() -> None:
    resource = request({"text": "Diclofenac 50 mg"}, dosageInstruction=[
        {"route": {"coding": [{"system": "http://snomed.info/sct", "code": "6064005", "display": "Topical route"}]}}])
    assert normalise(resource).route == LOCAL
    assert normalise(request({"text": "Oestrogel 0,06% gel"})).route == SYSTEMIC


def test_structured_dosage_and_text_dosage() -> None:
    dosage = parse_dosage([{"timing": {"repeat": {"frequency": 2, "period": 1, "periodUnit": "d"}},
                            "doseAndRate": [{"doseQuantity": {"value": 1, "unit": "tablet"}}]}])
    assert (dosage.dose_value, dosage.per_day) == (1.0, 2.0)
    assert parse_dosage_text("1 comprimé 3 fois par jour").per_day == 3.0
    assert parse_dosage_text("2 x per dag 1 tablet").per_day == 2.0
    assert parse_dosage_text("1-0-1").per_day == 2.0
    assert abs(parse_dosage_text("15 mg 1 keer per week").per_day - 1 / 7) < 1e-9
    assert parse_dosage_text("Take as needed.").as_needed

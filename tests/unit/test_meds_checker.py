"""The checking engine: interactions, duplicates, allergies, renal cautions, and the false alarms it avoids."""

from __future__ import annotations

from consult_desktop.meds.checker import check
from consult_desktop.meds.models import CheckResult


def med(rid: str, text: str, status: str = "active", **extra: object) -> dict:
    resource = {"resourceType": "MedicationStatement", "id": rid, "status": status,
                "medicationCodeableConcept": {"text": text}}
    resource.update(extra)
    return resource


def allergy(rid: str, text: str, clinical: str = "active", verification: str = "confirmed") -> dict:
    return {"resourceType": "AllergyIntolerance", "id": rid,
            "clinicalStatus": {"coding": [{"code": clinical}]},
            "verificationStatus": {"coding": [{"code": verification}]},
            "code": {"text": text}}


def kinds(result: CheckResult) -> set[tuple[str, str]]:
    return {(flag.kind, flag.rule_id) for flag in result.flags}


def test_interaction_flag_carries_resources_ingredients_and_advice() -> None:
    result = check([med("h1", "Clarithromycine Sandoz 500 mg")], [med("g1", "Simvastatin 40 MG Oral Tablet")])
    flag = result.flags[0]
    assert flag.kind == "interaction" and flag.severity == "contraindicated"
    assert set(flag.resource_ids) == {"h1", "g1"}
    assert set(flag.ingredients) == {"Clarithromycin", "Simvastatin"}
    assert flag.management and flag.mechanism and flag.sources


def test_unresolved_active_medication_is_not_checked_never_safe() -> None:
    result = check([med("h1", "Mystery remedy 5 mg")], [med("g1", "Dafalgan 1 g")])
    assert result.not_checked == ("h1",)
    partial = check([med("h2", "Acetaminophen 325 MG / Mystery 5 MG Oral Tablet")], [])
    assert partial.not_checked == ("h2",)


def test_stopped_medications_are_not_checked() -> None:
    result = check([med("h1", "warfarin sodium 5 MG Oral Tablet", status="stopped")], [med("g1", "Brufen 400 mg")])
    assert result.flags == ()
    assert check([med("h1", "Mystery", status="completed")], []).not_checked == ()


def test_same_medication_on_both_lists_is_one_medication() -> None:
    result = check([med("h1", "Dafalgan 1 g")], [med("g1", "paracetamol 1 g comprimé")])
    assert result.flags == ()
    # and its interactions are reported once, naming both records
    both = check([med("h1", "Marevan 5 mg"), med("h2", "Brufen 400 mg")], [med("g1", "warfarin 5 mg")])
    bleeding = [flag for flag in both.flags if flag.rule_id == "oac-nsaid"]
    assert len(bleeding) == 1 and set(bleeding[0].resource_ids) == {"h1", "h2", "g1"}


def test_duplicate_ingredient_inside_a_combination_product() -> None:
    result = check([med("h1", "Dafalgan Codeine")], [med("g1", "Acetaminophen 325 MG Oral Tablet")])
    assert ("duplicate", "duplicate-ingredient") in kinds(result)


def test_duplicate_same_class_and_intended_combinations() -> None:
    two_nsaids = check([med("h1", "Brufen 400 mg")], [med("g1", "Voltaren 50 mg")])
    assert ("duplicate", "duplicate-class:nsaids") in kinds(two_nsaids)
    dapt = check([med("h1", "Asaflow 80 mg")], [med("g1", "Plavix 75 mg")])
    assert [(f.kind, f.severity) for f in dapt.flags] == [("interaction", "moderate")]
    acei_thiazide = check([med("h1", "Zestoretic 20/12,5 mg")], [med("g1", "Amlor 5 mg")])
    assert acei_thiazide.flags == ()


def test_as_needed_same_ingredient_is_a_minor_duplicate() -> None:
    prn = {"dosage": [{"text": "si besoin", "asNeededBoolean": True}]}
    result = check([med("h1", "Dafalgan 1 g")], [med("g1", "Dafalgan Codeine", **prn)])
    duplicate = [flag for flag in result.flags if flag.rule_id == "duplicate-ingredient"]
    assert duplicate and duplicate[0].severity == "minor"


def test_same_product_twice_on_one_list_is_a_minor_duplicate() -> None:
    result = check([med("h1", "MS Contin 30 mg"), med("h2", "morphine 10 mg")], [])
    assert [(flag.rule_id, flag.severity) for flag in result.flags] == [("duplicate-same-product", "minor")]


def test_topical_forms_do_not_trigger_systemic_rules() -> None:
    assert check([med("h1", "Voltaren Emulgel 1% gel")], [med("g1", "Xarelto 20 mg")]).flags == ()
    assert check([med("h1", "Daktarin orale gel")], [med("g1", "Marevan 5 mg")]).flags[0].severity == "major"


def test_inhaled_corticosteroid_rule_applies_to_local_route() -> None:
    result = check([med("h1", "Flixotide 250 mcg inhalator")], [med("g1", "Norvir 100 mg")])
    assert ("interaction", "inhaled-steroid-booster") in kinds(result)


def test_dose_modifier_raises_severity() -> None:
    low = check([med("h1", "Simvastatin 20 MG Oral Tablet")], [med("g1", "amlodipine 5 mg")])
    high = check([med("h1", "Simvastatin 40 MG Oral Tablet")], [med("g1", "amlodipine 5 mg")])
    assert low.flags[0].severity == "moderate" and high.flags[0].severity == "major"


def test_three_drug_rule_including_a_combination_product() -> None:
    result = check([med("h1", "Co-Diovan 160/12,5 mg")], [med("g1", "Brufen 400 mg")])
    assert ("interaction", "triple-whammy") in kinds(result)
    assert check([med("h1", "Tritace 5 mg")], [med("g1", "Brufen 400 mg")]).flags[0].rule_id == "raas-nsaid"


def test_renal_flags_follow_egfr_thresholds() -> None:
    meds = [med("h1", "Metformax 850 mg")]
    assert check(meds, [], egfr=25).flags[0].severity == "contraindicated"
    assert check(meds, [], egfr=40).flags[0].severity == "moderate"
    assert check(meds, [], egfr=75).flags == ()
    assert check(meds, []).flags == ()


def test_renal_modifier_on_interaction() -> None:
    pair = ([med("h1", "Tritace 5 mg")], [med("g1", "Aldactone 25 mg")])
    assert check(*pair, egfr=80).flags[0].severity == "moderate"
    assert any(f.severity == "major" and f.kind == "interaction" for f in check(*pair, egfr=35).flags)


def test_allergy_substance_class_and_cross_reactivity() -> None:
    penicillin = [allergy("a1", "Penicillin")]
    assert check([med("h1", "Clamoxyl 500 mg")], [], penicillin).flags[0].severity == "major"
    # Current guidance (Khan 2022, Romano 2020): a cephalosporin whose side chain differs from the penicillins'
    # may be given (minor); one sharing the aminopenicillin side chain is moderate when the penicillin is unnamed.
    assert check([med("h1", "Zinnat 500 mg")], [], penicillin).flags[0].severity == "minor"
    assert check([med("h1", "Keforal 500 mg")], [], penicillin).flags[0].severity == "moderate"
    amoxicillin = [allergy("a2", "Amoxicillin")]
    assert check([med("h1", "Augmentin 875 mg")], [], amoxicillin).flags[0].severity == "contraindicated"
    nsaid = [allergy("a3", "Aspirin")]
    assert check([med("h1", "Brufen 400 mg")], [], nsaid).flags[0].kind == "allergy"


def test_allergy_records_that_do_not_apply_are_ignored() -> None:
    meds = [med("h1", "Clamoxyl 500 mg")]
    assert check(meds, [], [allergy("a1", "Penicillin", verification="refuted")]).flags == ()
    assert check(meds, [], [allergy("a1", "Penicillin", verification="entered-in-error")]).flags == ()
    assert check(meds, [], [allergy("a1", "Penicillin", clinical="inactive")]).flags == ()
    assert check(meds, [], [allergy("a1", "Eggs (edible) (substance)")]).flags == ()


def test_sulfonamide_antibiotic_allergy_spares_non_antibiotic_sulfonamides() -> None:
    sulfa = [{"resourceType": "AllergyIntolerance", "id": "a1",
              "code": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "10831",
                                   "display": "Sulfamethoxazole / Trimethoprim"}]}}]
    assert check([med("h1", "Bactrim Forte")], [], sulfa).flags[0].severity == "contraindicated"
    assert check([med("h1", "furosemide 40 mg"), med("h2", "hydrochlorothiazide 25 mg")], [], sulfa).flags == ()

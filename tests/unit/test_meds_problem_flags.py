"""One clinical problem, one flag: the opioid load, heart-failure context, composite rules and dose flags of a
problem, checked on the medicines a GP meets."""

from __future__ import annotations

from test_meds_checker import med

from consult_desktop.meds.checker import check
from consult_desktop.meds.models import Flag


def dosed(rid: str, text: str, dose: str) -> dict:
    return med(rid, text, dosage=[{"text": dose}])


def by_rule(flags: tuple[Flag, ...], rule_id: str) -> list[Flag]:
    return [flag for flag in flags if flag.rule_id == rule_id]


def test_opioid_load_adds_every_opioid_in_morphine_equivalents() -> None:
    patch = dosed("h1", "Durogesic 25 µg/h", "1 patch tous les 3 jours")
    oxycodone = dosed("g1", "Oxynorm 5 mg", "1 comprimé 4x/jour")
    flags = check([patch], [oxycodone], language="en").flags
    load = by_rule(flags, "dose-opioid-mme")
    assert len(load) == 1 and load[0].severity == "moderate"
    assert "90 mg oral morphine equivalents" in load[0].summary and "fentanyl 60, oxycodone 30" in load[0].summary
    # the "two opioids" duplicate is the same problem: it is listed inside, not a flag of its own
    assert not by_rule(flags, "duplicate-class:opioids")
    assert any("two medicines of the same class" in item for item in load[0].includes)


def test_one_usual_opioid_dose_is_a_note_and_a_low_one_nothing() -> None:
    alone = check([dosed("h1", "Durogesic 25 µg/h", "1 patch every 3 days")], [], language="en").flags
    assert [flag.severity for flag in by_rule(alone, "dose-opioid-mme")] == ["minor"]
    low = check([dosed("h1", "Contramal 50 mg", "1 capsule 3x per dag")], [], language="en").flags
    assert not by_rule(low, "dose-opioid-mme")  # 150 mg tramadol = 30 MME


def test_opioid_load_with_an_unreadable_dose_says_at_least() -> None:
    flags = check([dosed("h1", "MS Contin 60 mg", "1 tablet 2x per day")],
                  [med("g1", "Dafalgan Codeine")], language="en").flags
    load = by_rule(flags, "dose-opioid-mme")
    assert len(load) == 1 and "at least 120 mg" in load[0].summary


def test_opioid_load_joins_the_respiratory_depression_flag() -> None:
    flags = check([dosed("h1", "Durogesic 50 µg/h", "1 patch tous les 3 jours")],
                  [dosed("g1", "Temesta 1 mg", "1 co le soir")], language="en").flags
    head = [flag for flag in flags if flag.rule_id == "opioid-benzodiazepine"]
    assert len(head) == 1 and head[0].severity == "major"
    assert any("120 mg oral morphine equivalents" in item for item in head[0].includes)
    assert not by_rule(flags, "dose-opioid-mme")


def test_sglt2_inhibitor_with_loop_diuretic_is_quiet_in_heart_failure_only() -> None:
    heart_failure = check([med("h1", "Entresto 49 mg/51 mg"), med("h2", "Forxiga 10 mg"), med("h3", "Lasix 40 mg")],
                          [], language="en").flags
    assert not by_rule(heart_failure, "sglt2-loop")
    diabetes = check([med("h1", "Forxiga 10 mg"), med("h2", "Lasix 40 mg")], [], language="en").flags
    assert [flag.severity for flag in by_rule(diabetes, "sglt2-loop")] == ["minor"]


def test_triple_whammy_names_every_member_and_stands_for_the_potassium_pair() -> None:
    flags = check([med("h1", "Lisinopril 20 mg"), med("h2", "Aldactazine 25/15 mg"), med("h3", "Amlor 5 mg")],
                  [med("g1", "Co-Diovane 160/12,5 mg"), med("g2", "Brufen 400 mg")], language="en").flags
    whammy = by_rule(flags, "triple-whammy")
    assert len(whammy) == 1
    assert {"lisinopril", "valsartan", "spironolactone", "hydrochlorothiazide", "ibuprofen"} <= set(
        whammy[0].ingredient_ids)
    assert not by_rule(flags, "raas-k-sparing")
    assert any("hyperkalaemia" in item for item in whammy[0].includes)


def test_a_composite_never_hides_a_more_severe_pair() -> None:
    # sacubitril + an ACE inhibitor is contraindicated: it stays its own flag beside the (major) triple whammy
    flags = check([med("h1", "Entresto 49 mg/51 mg"), med("h2", "Lasix 40 mg")],
                  [med("g1", "Coversyl 5 mg"), med("g2", "Brufen 400 mg")], language="en").flags
    assert [flag.severity for flag in by_rule(flags, "sacubitril-acei")] == ["contraindicated"]
    whammy = by_rule(flags, "triple-whammy")
    assert len(whammy) == 1 and whammy[0].severity == "major"
    assert not any("angioedema" in item for item in whammy[0].includes)
    assert flags[0].severity == "contraindicated"


def test_a_sedative_above_the_older_patients_dose_joins_the_sedation_flag() -> None:
    from consult_desktop.meds.renal_check import PatientFacts

    older = PatientFacts(age=79, sex="male", weight_kg=72, creatinine_mg_dl=1.0)
    flags = check([dosed("h1", "Contramal 50 mg", "1 capsule 3x per dag")],
                  [dosed("g1", "Zolpidem 10 mg", "'s avonds")], language="en", patient=older).flags
    assert not [flag for flag in flags if flag.kind == "dose"]
    sedation = [flag for flag in flags if flag.rule_id == "opioid-benzodiazepine"]
    assert len(sedation) == 1 and any("above the maximum of 5 mg" in item for item in sedation[0].includes)

"""Languages, allergies that cannot be read, coverage, doses and kidney function, as a GP would meet them."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from test_meds_checker import allergy, med

from consult_desktop import exit_codes
from consult_desktop.cli import main
from consult_desktop.meds.checker import check
from consult_desktop.meds.renal_check import PatientFacts, cockcroft_gault, creatinine_mg_dl
from consult_desktop.meds.report import coverage_line, text_report


def dosed(rid: str, text: str, dose: str) -> dict:
    return med(rid, text, dosage=[{"text": dose}])


def run_cli(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        try:
            code = main(args)
        except SystemExit as exc:  # argparse refuses bad arguments with its usage code
            code = int(exc.code or 0)
    return code, out.getvalue()


def write(path: Path, resources: list[dict]) -> str:
    path.write_text(json.dumps(resources), encoding="utf-8")
    return str(path)


def test_flags_speak_the_gps_language() -> None:
    metformin = [med("h1", "Metformax 850 mg")]
    french = check(metformin, [], egfr=25, language="fr").flags[0]
    assert french.summary == "Metformine : DFG estimé 25 inférieur à 30 mL/min/1,73m²"
    assert french.management == "Arrêter la metformine."
    dutch = check(metformin, [], egfr=25, language="nl").flags[0]
    assert dutch.summary.startswith("Metformine: eGFR 25 lager dan 30") and dutch.management == "Metformine stoppen."
    pair = check([med("h1", "Marevan 5 mg")], [med("g1", "Brufen 400 mg")], language="nl").flags[0]
    assert pair.summary == "Warfarine + Ibuprofen: ernstige bloeding" and "paracetamol" in pair.management


def test_command_line_language_and_interface_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hospital = write(tmp_path / "h.json", [med("h1", "Metformax 850 mg")])
    gp = write(tmp_path / "g.json", [])
    code, out = run_cli(["interactions", "--hospital", hospital, "--gp", gp, "--egfr", "25", "--language", "fr"])
    assert code == exit_codes.OK
    assert "[CONTRE-INDIQUÉ] fonction rénale : Metformine" in out and "Conduite à tenir : Arrêter" in out
    assert "Stop metformin" not in out
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "desktop.json").write_text(json.dumps({"language": "nl"}), encoding="utf-8")
    monkeypatch.setenv("CONSULT_CONFIG_DIR", str(tmp_path / "config"))
    code, out = run_cli(["interactions", "--hospital", hospital, "--gp", gp, "--egfr", "25"])
    assert "[GECONTRA-INDICEERD] nierfunctie: Metformine" in out and "Aanpak: Metformine stoppen." in out


def test_an_unreadable_allergy_is_reported_not_dropped(tmp_path: Path) -> None:
    hospital = write(tmp_path / "h.json", [med("h1", "Amlor 5 mg")])
    gp = write(tmp_path / "g.json", [med("g1", "Kruidenthee van de apotheek")])
    allergies = write(tmp_path / "a.json", [allergy("a1", "Médicament pour la tension (oedème)"),
                                            allergy("a2", "Sulfamidés antibiotiques (rash)")])
    code, out = run_cli(["interactions", "--hospital", hospital, "--gp", gp, "--allergies", allergies, "--json"])
    result = json.loads(out)
    assert code == exit_codes.OK
    assert {"resource": "a1", "kind": "allergy"} in result["not_checked"]
    assert {"resource": "g1", "kind": "medication"} in result["not_checked"]
    assert {"resource": "a2", "kind": "allergy"} not in result["not_checked"]
    assert result["coverage"] == {"h1": "checked", "g1": "not resolved"}


@pytest.mark.parametrize("wording", ["Penicilline", "Pénicilline (urticaire)", "penicillin allergy (rash)"])
def test_beta_lactam_grading_does_not_depend_on_the_wording(wording: str) -> None:
    allergies = [allergy("a1", wording)]
    assert check([med("h1", "Zinnat 500 mg")], [], allergies).flags[0].severity == "minor"
    assert check([med("h1", "Meronem 1 g")], [], allergies).flags[0].severity == "minor"
    assert check([med("h1", "Augmentin 875 mg")], [], allergies).flags[0].severity == "major"
    amoxicillin = [allergy("a1", "Clamoxyl")]
    assert check([med("h1", "Keforal 500 mg")], [], amoxicillin).flags[0].severity == "major"
    assert check([med("h1", "Zinnat 500 mg")], [], amoxicillin).flags[0].severity == "minor"


def test_sulfasalazine_and_nsaid_class_names_in_french_and_dutch() -> None:
    sulfa = [allergy("a1", "Sulfonamide antibiotics")]
    assert check([med("h1", "Salazopyrine 500 mg")], [], sulfa).flags[0].severity == "major"
    for words in ("Ontstekingsremmers (NSAID)", "AINS", "Anti-inflammatoires non stéroïdiens"):
        assert check([], [med("g1", "Brufen 400 mg")], [allergy("a1", words)]).flags[0].kind == "allergy"


def test_the_coverage_line_counts_what_no_rule_covers() -> None:
    result = check([med("h1", "Amlor 5 mg"), med("h2", "Movicol")], [med("g1", "Mystery remedy"),
                                                                    med("g2", "Pantomed 40 mg")])
    assert dict(result.coverage) == {"h1": "checked", "h2": "no rules", "g1": "not resolved", "g2": "checked"}
    assert coverage_line(result.coverage, "en") == "2 of 4 medicines are not covered by the knowledge base"
    assert coverage_line(result.coverage, "nl") == "2 van de 4 geneesmiddelen vallen buiten de kennisbank"
    assert coverage_line(check([med("h1", "Amlor 5 mg")], []).coverage, "fr") == ""


def test_same_ingredient_is_summed_across_products_and_lists() -> None:
    result = check([dosed("h1", "Paracetamol 1 g", "1 comprimé 4 fois par jour")],
                   [dosed("g1", "Dafalgan Codeine 500 mg/30 mg", "2 comprimés 3x/jour")])
    dose = [flag for flag in result.flags if flag.kind == "dose"]
    assert dose and dose[0].severity == "major"
    assert dose[0].summary == "Paracetamol: 7 g a day is above the maximum of 4 g"
    # one medicine on both lists is one reconciled line whose dose is the hospital's
    same = check([dosed("h1", "Dafalgan 1 g", "1 co 3x/j")], [dosed("g1", "Paracetamol 1 g", "1 co 4x/j")])
    assert [flag for flag in same.flags if flag.kind == "dose"] == []


def test_methotrexate_daily_is_flagged_and_weekly_is_not() -> None:
    daily = check([], [dosed("g1", "Ledertrexate 2,5 mg", "1 tablet per dag")])
    assert daily.flags[0].kind == "dose" and daily.flags[0].severity == "major"
    weekly = check([dosed("h1", "Ledertrexate 2,5 mg", "6 comprimés 1x par semaine")], [])
    assert [flag for flag in weekly.flags if flag.kind == "dose"] == []


def test_renal_rules_read_the_strength_and_cockcroft_gault_wins_over_egfr() -> None:
    assert check([dosed("h1", "Xarelto 15 mg", "1x per dag")], [], egfr=40).flags == ()
    advice = check([dosed("h1", "Xarelto 20 mg", "1x per dag")], [], egfr=40).flags[0]
    assert "15 mg" in advice.management
    old_and_light = PatientFacts(age=89, sex="female", weight_kg=50, creatinine_mg_dl=1.1)
    assert cockcroft_gault(89, "female", 50, 1.1) == pytest.approx(27.4, abs=0.1)
    result = check([dosed("h1", "Pradaxa 150 mg", "1 gélule 2x/j")], [], egfr=55, patient=old_and_light)
    assert result.renal_basis == "crcl" and result.flags[0].severity == "contraindicated"
    assert "Cockcroft-Gault" in result.flags[0].summary
    assert check([dosed("h1", "Pradaxa 150 mg", "1 gélule 2x/j")], [], egfr=55).flags == ()
    assert creatinine_mg_dl(97.3, "µmol/L") == pytest.approx(1.1, abs=0.01)


def test_command_line_takes_the_patients_age_sex_weight_and_creatinine(tmp_path: Path) -> None:
    hospital = write(tmp_path / "h.json", [dosed("h1", "Pradaxa 150 mg", "1 gélule 2x/j")])
    gp = write(tmp_path / "g.json", [])
    code, out = run_cli(["interactions", "--hospital", hospital, "--gp", gp, "--egfr", "55", "--age", "89",
                         "--sex", "female", "--weight", "50", "--creatinine", "97umol/L", "--json"])
    result = json.loads(out)
    assert code == exit_codes.OK and result["renal_function"]["basis"] == "crcl"
    assert result["flags"][0]["severity"] == "contraindicated"
    code, _ = run_cli(["interactions", "--hospital", hospital, "--gp", gp, "--creatinine", "abc"])
    assert code == exit_codes.USAGE


def test_one_problem_one_flag_and_the_report_lists_what_it_covers() -> None:
    result = check([med("h1", "Zestril 20 mg"), med("h2", "Lasix 40 mg")], [med("g1", "Ibuprofen 400 mg")])
    serious = [flag for flag in result.flags if flag.rank >= 2]
    assert [flag.rule_id for flag in serious] == ["triple-whammy"] and len(serious[0].includes) == 2
    assert "Also covers" in text_report(result, 2, 1, "en")
    heart_failure = check([med("h1", "Entresto 24/26 mg"), med("h2", "Aldactone 25 mg"), med("h3", "Lasix 40 mg"),
                           med("h4", "Forxiga 10 mg")], [], egfr=55)
    hyperkalaemia = [flag for flag in heart_failure.flags if flag.rule_id == "raas-k-sparing"]
    assert hyperkalaemia and hyperkalaemia[0].severity == "moderate" and "heart failure" in hyperkalaemia[0].management


def test_doac_dose_reduction_criteria_from_the_record() -> None:
    eliquis = [dosed("h1", "Eliquis 5 mg", "1-0-1")]
    frail = PatientFacts(age=84, sex="female", weight_kg=58, creatinine_mg_dl=1.0)
    flag = next(flag for flag in check(eliquis, [], patient=frail).flags if flag.kind == "dose")
    assert flag.summary == "Apixaban: 5 mg per intake while the reduced dose applies (age 84, weight 58 kg)"
    one_criterion = PatientFacts(age=84, sex="female", weight_kg=70, creatinine_mg_dl=1.0)
    assert check(eliquis, [], patient=one_criterion).flags == ()
    assert check([dosed("h1", "Eliquis 2,5 mg", "1-0-1")], [], patient=frail).flags == ()

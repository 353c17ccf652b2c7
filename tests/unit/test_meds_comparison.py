"""Hospital list beside GP list: line statuses, changes, and flags attached to lines."""

from __future__ import annotations

from consult_desktop.meds.comparison import CHANGED, GP_ONLY, NEW, STOPPED, UNCHANGED, compare


def med(rid: str, text: str, status: str = "active", dosage: str | None = None) -> dict:
    resource: dict = {"resourceType": "MedicationRequest", "id": rid, "status": status,
                      "medicationCodeableConcept": {"text": text}}
    if dosage:
        resource["dosageInstruction"] = [{"text": dosage}]
    return resource


def by_status(comparison) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in comparison.lines:
        out.setdefault(line.status, []).append(line.label)
    return out


def test_statuses_of_a_discharge_comparison() -> None:
    hospital = [
        med("h1", "Amlor 5 mg", dosage="1 x per dag"),                  # same as GP, brand vs generic
        med("h2", "Simvastatin 40 MG Oral Tablet", dosage="1 x per dag"),  # GP has 20 mg
        med("h3", "Eliquis 5 mg", dosage="2 x per dag"),                # new
        med("h4", "Brufen 400 mg", status="stopped"),                   # stopped at the hospital
        med("h5", "Dafalgan 1 g", status="stopped"),                    # stopped, GP does not take it: no line
    ]
    gp = [
        med("g1", "amlodipine 5 mg", dosage="1 x per dag"),
        med("g2", "simvastatine 20 mg", dosage="1 x per dag"),
        med("g3", "ibuprofen 400 mg", dosage="3 x per dag"),
        med("g4", "Elthyrone 100 µg", dosage="1 x per dag"),            # hospital never had it
    ]
    comparison = compare(hospital, gp)
    statuses = by_status(comparison)
    assert statuses[UNCHANGED] == ["Amlor 5 mg"]
    assert statuses[CHANGED] == ["Simvastatin 40 MG Oral Tablet"]
    assert statuses[NEW] == ["Eliquis 5 mg"]
    assert statuses[STOPPED] == ["ibuprofen 400 mg"]
    assert statuses[GP_ONLY] == ["Elthyrone 100 µg"]
    changed = next(line for line in comparison.lines if line.status == CHANGED)
    assert changed.changes == ("strength",)


def test_discharge_list_mode_turns_gp_only_into_stopped() -> None:
    comparison = compare([med("h1", "Amlor 5 mg")], [med("g1", "Elthyrone 100 µg")], hospital_is_discharge_list=True)
    assert by_status(comparison)[STOPPED] == ["Elthyrone 100 µg"]


def test_frequency_change_is_reported() -> None:
    comparison = compare([med("h1", "Metformax 850 mg", dosage="1 co 3 fois par jour")],
                         [med("g1", "metformin 850 mg", dosage="2 x per dag")])
    assert comparison.lines[0].status == CHANGED and comparison.lines[0].changes == ("frequency",)


def test_flags_are_attached_to_the_lines_they_concern() -> None:
    comparison = compare([med("h1", "Clarithromycine 500 mg")], [med("g1", "Zocor 40 mg"), med("g2", "Amlor 5 mg")])
    flag = next(flag for flag in comparison.flags if flag.rule_id == "onc-statin-cyp3a4-inhibitor")
    assert {line.label for line in comparison.lines_for(flag)} == {"Clarithromycine 500 mg", "Zocor 40 mg"}
    amlodipine = next(line for line in comparison.lines if line.label == "Amlor 5 mg")
    assert all(f.rule_id != "onc-statin-cyp3a4-inhibitor" for f in amlodipine.flags)


def test_unresolved_medication_gets_an_unchecked_line() -> None:
    comparison = compare([med("h1", "Mystery remedy")], [])
    assert comparison.lines[0].status == NEW and comparison.lines[0].checked is False
    assert comparison.not_checked == ("h1",)


def gp_started(rid: str, text: str, start: str) -> dict:
    return {**med(rid, text), "resourceType": "MedicationStatement", "effectivePeriod": {"start": start}}


def test_a_gp_prescription_started_after_the_discharge_list_is_not_stopped_at_the_hospital() -> None:
    hospital = [med("h1", "Amlor 5 mg")]
    gp = [gp_started("g1", "Elthyrone 100 µg", "2026-12-05"), gp_started("g2", "Zocor 40 mg", "2026-10-01")]
    comparison = compare(hospital, gp, hospital_is_discharge_list=True, hospital_list_date="2026-11-20T10:00:00")
    statuses = by_status(comparison)
    assert statuses[GP_ONLY] == ["Elthyrone 100 µg"]
    assert statuses[STOPPED] == ["Zocor 40 mg"]  # taken before the stay and left off the list: stopped there


def test_a_gp_restart_after_the_hospital_stopped_it_is_not_stopped_at_the_hospital() -> None:
    hospital = [med("h1", "Amlor 5 mg"), med("h2", "Brufen 400 mg", status="stopped")]
    gp = [gp_started("g1", "ibuprofen 400 mg", "2026-12-05")]
    comparison = compare(hospital, gp, hospital_is_discharge_list=True, hospital_list_date="2026-11-20")
    assert by_status(comparison)[GP_ONLY] == ["ibuprofen 400 mg"]

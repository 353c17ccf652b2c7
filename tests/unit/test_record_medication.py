"""What the medication screen reads, without Qt: the hospital list chosen (the latest discharge list), stored
Medication resources resolved, the latest eGFR, stable keys; and the medication actions, each writing its
audit entry and returning what it changed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from consult_desktop.record import medication as medication_loader
from consult_desktop.record import medication_actions
from consult_desktop.record.changes import MEDICATION, PatientChanged

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import medication_records as mr  # noqa: E402

GP_LIST = [
    mr.gp_statement("Marevan 5 mg", 1, 1),  # same drug, same dose and frequency as the hospital
    mr.gp_statement("Amlodipine 5 mg", 1, 1),  # hospital: Amlor 10 mg
    mr.gp_statement("Emconcor 5 mg", 1, 1),  # hospital: twice a day
    mr.gp_statement("Omeprazole 20 mg", 1, 1),  # stopped at the hospital, with a reason
    mr.gp_statement("Blarf 3 mg", 1, 1),  # nobody knows it
]


@pytest.fixture
def store(tmp_path: Path):
    opened = mr.create_store(tmp_path / "profile", GP_LIST)
    yield opened
    opened.close()


def test_loader_prefers_the_latest_discharge_list_and_resolves_stored_medication(store) -> None:
    data = medication_loader.load_medication(store, mr.SERVER, mr.PATIENT)
    labels = {line.label for line in data.comparison.lines}
    assert "Lanoxin 0,125 mg" not in labels  # the older stay's discharge list
    assert "Dafalgan 1 g" not in labels  # home medication recorded at admission, not a discharge line
    assert data.hospital.kind == "discharge" and data.hospital.stay == "Cardiologie"
    assert data.hospital.date.startswith("2025-02-15")
    pantoprazole = next(line for line in data.comparison.lines if line.label == "Pantomed 40 mg")
    assert pantoprazole.checked and pantoprazole.ingredients == ("Pantoprazole",)  # via Medication/med-panto
    assert data.egfr is not None and data.egfr.value == 45 and data.egfr.date.startswith("2025-02-14")
    assert data.allergies == ("Penicilline",)
    assert data.patient_name == "LAMBERT, Josée"


def test_line_and_flag_keys_are_stable_across_loads(store) -> None:
    first = medication_loader.load_medication(store, mr.SERVER, mr.PATIENT)
    second = medication_loader.load_medication(store, mr.SERVER, mr.PATIENT)
    assert first.line_keys == second.line_keys and first.flag_keys == second.flag_keys
    assert "line:amlodipine" in first.line_keys and "line:?zorglub 10 mg" in first.line_keys
    assert len(set(first.flag_keys)) == len(first.flag_keys)


def test_medication_of_a_newer_stay_is_counted_but_not_compared(store) -> None:
    store.resources.put_many(mr.SERVER, [mr.request("h-newer", "Clexane 40 mg", category="inpatient",
                                                    encounter_id="e3", authored="2025-03-01T10:00:00+01:00")])
    data = medication_loader.load_medication(store, mr.SERVER, mr.PATIENT)
    assert data.hospital.later_active == 1
    assert "Clexane 40 mg" not in {line.label for line in data.comparison.lines}


def test_each_action_writes_its_audit_entry_and_says_what_changed(store, tmp_path: Path) -> None:
    changed = PatientChanged((mr.SERVER, mr.PATIENT), frozenset({MEDICATION}))
    resource = {"medicationCodeableConcept": {"text": "Atorvastatine 20 mg"}, "status": "active",
                "dosage": [{"text": "1x/day"}]}
    assert medication_actions.save_prescription(store, mr.SERVER, mr.PATIENT, resource) == changed
    saved = next(p for p in store.prescriptions.for_patient(mr.SERVER, mr.PATIENT)
                 if p["medicationCodeableConcept"]["text"] == "Atorvastatine 20 mg")
    assert medication_actions.stop_prescription(store, mr.SERVER, mr.PATIENT, saved["id"], "2025-03-01",
                                                "myalgia") == changed
    assert medication_actions.set_decision(store, mr.SERVER, mr.PATIENT, "line:amlodipine", "continue") == changed
    assert medication_actions.delete_prescription(store, mr.SERVER, mr.PATIENT, saved["id"]) == changed
    csv = tmp_path / "gp.csv"
    csv.write_text("Medication;Dosage\nBisoprolol 5 mg;1x/day\n", encoding="utf-8")
    outcome = medication_actions.import_prescriptions(store, mr.SERVER, mr.PATIENT, csv)
    assert outcome.change == changed
    data = medication_loader.load_medication(store, mr.SERVER, mr.PATIENT)
    key = data.flag_keys[0]
    assert medication_actions.acknowledge_flag(store, mr.SERVER, mr.PATIENT, [key], "known, monitored") == changed
    actions = [e.action for e in store.audit.entries(patient_id=mr.PATIENT)]
    for expected in ("prescription-saved", "prescription-stopped", "prescription-deleted", "prescriptions-imported",
                     "flag-acknowledged"):
        assert expected in actions
    with pytest.raises(ValueError):
        medication_actions.set_decision(store, mr.SERVER, mr.PATIENT, "line:amlodipine", "maybe")


def test_a_prescription_the_gp_starts_today_is_not_stopped_at_the_hospital(store) -> None:
    import datetime as dt

    from consult_desktop.meds.comparison import GP_ONLY

    today = dt.date.today().isoformat()
    resource = {"medicationCodeableConcept": {"text": "Elthyrone 100 µg"}, "status": "active",
                "effectivePeriod": {"start": today}, "dosage": [{"text": "1x/day"}]}
    medication_actions.save_prescription(store, mr.SERVER, mr.PATIENT, resource)
    data = medication_loader.load_medication(store, mr.SERVER, mr.PATIENT)
    line = next(line for line in data.comparison.lines if line.label == "Elthyrone 100 µg")
    assert line.status == GP_ONLY

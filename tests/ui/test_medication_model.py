"""The comparison as the GP reads it, without widgets: statuses, change texts, not-checked lines, and the data
the loader builds from a real encrypted store (discharge list chosen, references resolved, eGFR, keys)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from consult_desktop.record import medication as medication_loader
from consult_desktop.record import medication_actions
from consult_desktop.ui.medication.medication_comparison_model import KEY_ROLE, SEVERITY_ROLE, MedicationComparisonModel

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import medication_records as mr  # noqa: E402

TOOLTIP = Qt.ItemDataRole.ToolTipRole
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


@pytest.fixture
def model(qapp, store) -> MedicationComparisonModel:
    result = MedicationComparisonModel()
    result.set_data(medication_loader.load_medication(store, mr.SERVER, mr.PATIENT))
    return result


def rows_by_label(model: MedicationComparisonModel) -> dict[str, list[str]]:
    return {model.line_at(row).label: model.row_texts(row) for row in range(model.rowCount())}


def test_same_drug_same_dose_is_unchanged(model) -> None:
    row = rows_by_label(model)["Marevan 5 mg"]
    assert row[model.STATUS] == "Unchanged"
    assert "Marevan 5 mg" in row[model.HOSPITAL] and "Marevan 5 mg" in row[model.GP]
    assert row[model.CHANGE] == ""


def test_strength_and_frequency_changes_are_described(model) -> None:
    rows = rows_by_label(model)
    amlodipine = rows["Amlor 10 mg"]
    assert amlodipine[model.STATUS] == "Changed"
    assert amlodipine[model.CHANGE] == "5 mg → 10 mg"  # the GP's list → the hospital's
    bisoprolol = rows["Emconcor 5 mg"]
    assert bisoprolol[model.STATUS] == "Changed"
    assert bisoprolol[model.CHANGE] == "1x/day → 2x/day"


def test_new_at_the_hospital_and_stopped_at_the_hospital_with_its_reason(model) -> None:
    rows = rows_by_label(model)
    assert rows["Simvastatine 40 mg"][model.STATUS] == "New at the hospital"
    assert rows["Simvastatine 40 mg"][model.GP] == ""
    omeprazole = rows["Omeprazole 20 mg"]
    assert omeprazole[model.STATUS] == "Stopped at the hospital"
    assert omeprazole[model.HOSPITAL].startswith("Stopped: Omeprazole 20 mg")
    assert "No indication any more" in omeprazole[model.CHANGE]


def test_gp_only_when_the_hospital_sent_its_current_list(qapp, store) -> None:
    store.prescriptions.save(mr.SERVER, mr.CURRENT_ONLY, mr.gp_statement("Metformine 850 mg", 1, 2,
                                                                                pid=mr.CURRENT_ONLY))
    data = medication_loader.load_medication(store, mr.SERVER, mr.CURRENT_ONLY)
    model = MedicationComparisonModel()
    model.set_data(data)
    assert data.hospital.kind == "current"
    rows = rows_by_label(model)
    assert rows["Metformine 850 mg"][model.STATUS] == "GP only"
    assert rows["Atorvastatine 20 mg"][model.STATUS] == "New at the hospital"


def test_unresolved_medication_is_not_checked_and_never_shown_as_safe(model) -> None:
    rows = rows_by_label(model)
    assert rows["Zorglub 10 mg"][model.STATUS] == "New at the hospital · Not checked"
    assert rows["Blarf 3 mg"][model.STATUS].endswith("Not checked")
    assert rows["Zorglub 10 mg"][model.FLAGS] == "Not checked"  # an empty flags cell would read as "no problem"
    data = model.medication_data()
    assert {(item.label, item.side) for item in data.not_checked} == {("Zorglub 10 mg", "hospital"),
                                                                     ("Blarf 3 mg", "gp")}
    unknown = next(r for r in range(model.rowCount()) if model.line_at(r).label == "Zorglub 10 mg")
    assert model.index(unknown, model.STATUS).data(TOOLTIP) is not None  # a tooltip says why


def test_flags_column_shows_severity_word_and_icon(model) -> None:
    row = next(r for r in range(model.rowCount()) if model.line_at(r).label == "Simvastatine 40 mg")
    assert model.row_texts(row)[model.FLAGS].startswith("Major: Interaction")
    assert model.index(row, model.FLAGS).data(SEVERITY_ROLE) == "major"
    assert model.index(row, model.FLAGS).data(Qt.ItemDataRole.DecorationRole) is not None  # the severity icon


def test_decision_shows_in_its_column(qapp, store) -> None:
    medication_actions.set_decision(store, mr.SERVER, mr.PATIENT, "line:amlodipine", "modify", "back to 5 mg")
    model = MedicationComparisonModel()
    model.set_data(medication_loader.load_medication(store, mr.SERVER, mr.PATIENT))
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(KEY_ROLE) == "line:amlodipine")
    assert model.row_texts(row)[model.DECISION] == "Modify"
    assert model.index(row, model.DECISION).data(TOOLTIP) == "back to 5 mg"


def test_weekly_and_every_other_day_frequencies_read_naturally(qapp) -> None:
    model = MedicationComparisonModel()
    assert model.frequency_text(1 / 7) == "1x/week"
    assert model.frequency_text(0.5) == "every 2 days"
    assert model.frequency_text(3) == "3x/day"
    assert model.frequency_text(None) == ""

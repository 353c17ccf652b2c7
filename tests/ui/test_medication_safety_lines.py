"""What the medication tab and the allergy banner say about what could not be checked, on a real store."""

from __future__ import annotations

import sys
from pathlib import Path

from consult_desktop.ui.medication.medication_view import MedicationView
from consult_desktop.ui.patients.patient_view import PatientView

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import medication_records as mr  # noqa: E402


def unreadable_allergy() -> dict:
    allergy = mr.allergy()
    return {**allergy, "id": "al-2", "criticality": "low", "code": {"text": "Médicament pour la tension (oedème)"}}


def test_unreadable_allergy_and_uncovered_medicines_are_said(qtbot, runner, tmp_path: Path) -> None:
    mr.open_store_in_runner(qtbot, runner, tmp_path / "p", [mr.gp_statement("Movicol")])
    mr.db_call(qtbot, runner, lambda store: store.resources.put_many(mr.SERVER, [unreadable_allergy()]))
    view = PatientView(runner)
    qtbot.addWidget(view)
    view.show()
    view.select_tab("medication")
    medication = view.medication_widget()
    assert isinstance(medication, MedicationView)
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        view.show_patient(mr.SERVER, mr.PATIENT)
    text = medication.coverage_text()
    assert "Allergies not checked (not recognised): Médicament pour la tension (oedème)" in text
    assert "medicines are not covered by the knowledge base" in text
    data = medication.medication_data()
    assert data is not None and "Penicilline" in data.allergies and len(data.allergies) == 1
    qtbot.waitUntil(lambda: "Allergies:" in view.header().allergy_text(), timeout=10000)
    banner = view.header().allergy_text()
    assert "Médicament pour la tension (oedème) (not checked against the medication)" in banner
    assert "Penicilline (HIGH criticality)" in banner
    view.clear()
    assert medication.coverage_text() == ""


def test_one_flag_per_problem_lists_the_pairs_it_stands_for(qtbot, runner, tmp_path: Path) -> None:
    gp = [mr.gp_statement("Zestril 20 mg"), mr.gp_statement("Lasix 40 mg"), mr.gp_statement("Ibuprofen 400 mg")]
    mr.open_store_in_runner(qtbot, runner, tmp_path / "p", gp)
    view = PatientView(runner)
    qtbot.addWidget(view)
    view.show()
    view.select_tab("medication")
    medication = view.medication_widget()
    assert isinstance(medication, MedicationView)
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        view.show_patient(mr.SERVER, mr.PATIENT)
    panel = medication.flags_panel()
    texts = panel.item_texts()
    kidney = [i for i, text in enumerate(texts) if "triple whammy" in text]
    assert len(kidney) == 1 and not any("reduced diuretic effect" in text for text in texts)
    panel.select_flag(kidney[0])
    details = panel.details_text()
    assert "Also covers:" in details and "Furosemide + Ibuprofen: reduced diuretic effect" in details

"""Importing the GP's list (CSV from the GP's software, FHIR Bundle) and exporting the reconciliation PDF; the
medication tab on a demo-hospital patient."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument

from consult_desktop.demo.hospital import DemoHospital
from consult_desktop.store import Profile
from consult_desktop.ui.medication.medication_flags_panel import ContraindicationDialog
from consult_desktop.ui.medication.medication_view import MedicationView
from consult_desktop.ui.shell.task_runner import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import medication_records as mr  # noqa: E402
from demo_records import SERVER as DEMO_SERVER  # noqa: E402
from demo_records import fill_from_demo  # noqa: E402

CSV = (
    "Nom;Posologie;Fréquence;Début;Statut\n"
    "Marevan 5 mg;1 comprimé;1 fois par jour;2024-01-02;\n"
    ";1 comprimé;2 fois par jour;2024-01-02;\n"  # no name, ATC or CNK code: skipped
    "Brufen 400 mg;1 comprimé;3 fois par jour;2024-05-01;\n"
    "Omeprazole 20 mg;1 comprimé;1 fois par jour;2023-01-01;arrêté\n"
    "Plouf 2 mg;1 comprimé;1 fois par jour;2024-01-02;\n"
)


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def medication(qtbot, runner, tmp_path: Path) -> MedicationView:
    mr.open_store_in_runner(qtbot, runner, tmp_path / "p")
    view = MedicationView(runner)
    view.resize(1400, 900)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.data_loaded, timeout=10000):
        view.show_patient(mr.SERVER, mr.PATIENT)
    return view


def import_file(qtbot, medication: MedicationView, path: Path) -> None:
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        medication.import_file(path)


def test_csv_import_says_what_was_imported_and_which_rows_were_skipped_and_why(
        qtbot, runner, medication: MedicationView, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="cp1252")  # GP software on Windows often writes Windows-1252
    import_file(qtbot, medication, path)
    status = medication.status_text()
    assert status.startswith("Rows imported: 4 (already stopped, kept as history: 1).")
    assert "Skipped: 1 (row 2: no name, ATC or CNK code)." in status
    assert "Not matched to known ingredients (not checked): Plouf 2 mg." in status
    assert medication.active_dialog() is not None  # the same summary in a message box
    medication.active_dialog().accept()

    rows = medication.prescriptions_table().row_texts()
    assert [(r[0], r[4]) for r in rows] == [("Marevan 5 mg", "Active"), ("Brufen 400 mg", "Active"),
                                            ("Plouf 2 mg", "Active · Not checked"), ("Omeprazole 20 mg", "Stopped")]
    model = medication.model()
    statuses = {model.line_at(r).label: model.row_texts(r)[model.STATUS] for r in range(model.rowCount())}
    assert statuses["Marevan 5 mg"] == "Unchanged"
    assert any("Warfarin + Ibuprofen" in text for text in medication.flags_panel().item_texts())
    stored = mr.db_call(qtbot, runner, lambda store: store.prescriptions.for_patient(mr.SERVER, mr.PATIENT))
    assert len({p["id"] for p in stored}) == 4 and not any(p["id"].startswith("gp-csv") for p in stored)

    import_file(qtbot, medication, path)  # the same file again: nothing doubled
    assert medication.status_text().startswith("Rows imported: 0 ")
    assert "row 1: already on your list" in medication.status_text()
    assert medication.prescriptions_table().rowCount() == 4


def test_bundle_import_resolves_medication_referenced_inside_the_bundle(
        qtbot, medication: MedicationView, tmp_path: Path) -> None:
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "urn:uuid:med-1", "resource": {
            "resourceType": "Medication", "id": "med-1", "code": {"text": "Sintrom 4 mg"}}},
        {"resource": {"resourceType": "MedicationRequest", "id": "rx-1", "status": "active", "intent": "order",
                      "medicationReference": {"reference": "urn:uuid:med-1"},
                      "dosageInstruction": [{"text": "1/2 tablet daily"}]}},
    ]}
    path = tmp_path / "list.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    import_file(qtbot, medication, path)
    assert medication.status_text().startswith("Rows imported: 1 ")
    assert medication.prescriptions_table().row_texts()[0][4] == "Active"  # matched: no "Not checked"
    assert any("Acenocoumarol" in line.ingredients for line in medication.medication_data().comparison.lines)


def test_unreadable_file_is_reported_and_changes_nothing(qtbot, medication: MedicationView, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Colour;Size\nred;big\n", encoding="utf-8")
    with qtbot.waitSignal(medication.failed, timeout=10000) as failed:
        medication.import_file(path)
    assert "no 'name', 'atc' or 'cnk' column" in failed.args[0]
    assert medication.prescriptions_table().rowCount() == 0


def test_pdf_export_writes_a_real_pdf_with_lines_decisions_flags_and_the_knowledge_base_footer(
        qtbot, runner, medication: MedicationView, tmp_path: Path) -> None:
    medication.select_line(next(r for r in range(medication.model().rowCount())
                                if medication.model().line_at(r).label == "Marevan 5 mg"))
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        medication.set_decision("continue", "INR stable")
    panel = medication.flags_panel()
    panel.select_flag(0)
    panel.acknowledge_button().click()
    dialog = medication.active_dialog()
    dialog.reason.setText("dose already limited")
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        dialog.accept()

    path = medication.export_pdf(tmp_path / "reconciliation.pdf")
    assert path is not None
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    assert document.pageCount() >= 1
    text = " ".join(document.getAllText(page).text() for page in range(document.pageCount()))
    squashed = " ".join(text.split())
    for expected in ("Medication reconciliation", "LAMBERT, Josée", "Marevan 5 mg", "Continue (INR stable)",
                     "Acknowledged on", "dose already limited", "Zorglub 10 mg", "CC BY 4.0",
                     "knowledge base " + medication.medication_data().knowledge_base):
        assert expected in squashed, expected
    assert "Reconciliation summary saved to" in medication.status_text()


def test_demo_patient_with_a_contraindicated_renal_flag(qtbot, runner, tmp_path: Path) -> None:
    hospital = DemoHospital(patients=6, seed=7)

    def opener():
        store = Profile.resolve(tmp_path / "demo").create("pass phrase for tests", kdf=mr.FAST_KDF)
        for pid in hospital.patient_ids():
            fill_from_demo(store, hospital, pid)
        return store

    opened: list = []
    runner.open_store(opener, opened.append, opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=60000)
    assert not isinstance(opened[0], BaseException), opened[0]
    view = MedicationView(runner)
    qtbot.addWidget(view)
    view.show()
    found = False
    for pid in hospital.patient_ids():
        with qtbot.waitSignal(view.data_loaded, timeout=10000):
            view.show_patient(DEMO_SERVER, pid)
        data = view.medication_data()
        assert data.hospital.kind == "discharge"  # the demo hospital codes its discharge lists
        assert view.model().rowCount() == len(data.comparison.lines) > 0
        contraindicated = [f for f in data.comparison.flags if f.severity == "contraindicated"]
        dialog = view.active_dialog()
        assert (dialog is not None) == bool(contraindicated)
        if contraindicated:
            found = True
            assert isinstance(dialog, ContraindicationDialog)
            assert any(f.summary in text for f in contraindicated for text in dialog.texts())
    assert found, "the demo data set (seed 7) holds a contraindicated flag"

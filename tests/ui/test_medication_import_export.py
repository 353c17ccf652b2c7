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
from consult_desktop.ui.medication.medication_toolbar import MedicationToolbar
from consult_desktop.ui.medication.medication_view import MedicationView

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
def medication(qtbot, runner, tmp_path: Path) -> MedicationView:
    mr.open_store_in_runner(qtbot, runner, tmp_path / "p")
    view = MedicationView(runner)
    view.resize(1400, 900)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.data_loaded, timeout=10000):
        view.show_patient(mr.SERVER, mr.PATIENT)
    return view


def preview(qtbot, medication: MedicationView, path: Path):
    """ "Import…" (Ctrl+I) with a file: every format goes through the preview before anything is stored."""
    medication.file_actions.dialog = None
    medication.import_file(path)
    qtbot.waitUntil(lambda: medication.file_actions.dialog is not None, timeout=10000)
    return medication.file_actions.dialog


def import_file(qtbot, medication: MedicationView, path: Path):
    dialog = preview(qtbot, medication, path)
    if dialog.confirm.isVisible():
        dialog.confirm.setChecked(True)  # a CSV names no patient: the GP confirms it is about this one
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        dialog.import_button.click()
    return dialog


def test_csv_import_says_what_was_imported_and_which_rows_were_skipped_and_why(
        qtbot, runner, medication: MedicationView, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="cp1252")  # GP software on Windows often writes Windows-1252
    dialog = preview(qtbot, medication, path)
    rows = dialog.row_texts()
    assert [row[1] for row in rows if row[0] == "added"] == ["Marevan 5 mg", "Brufen 400 mg", "Plouf 2 mg"]
    assert any(row[1] == "Plouf 2 mg" and row[3] == "not recognised (not checked)" for row in rows)
    skipped = [dialog.notes.item(i).text() for i in range(dialog.notes.count())]
    assert any("1 CSV rows without a name, ATC or CNK were skipped" in text for text in skipped)
    if dialog.confirm.isVisible():
        dialog.confirm.setChecked(True)
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        dialog.import_button.click()
    assert medication.status_text().startswith("Imported ")

    rows = medication.prescriptions_table().row_texts()
    assert [(r[0], r[4]) for r in rows][:3] == [("Marevan 5 mg", "Active"), ("Brufen 400 mg", "Active"),
                                                ("Plouf 2 mg", "Active · Not checked")]
    model = medication.model()
    statuses = {model.line_at(r).label: model.row_texts(r)[model.STATUS] for r in range(model.rowCount())}
    assert statuses["Marevan 5 mg"] == "Unchanged"
    assert any("Warfarin + Ibuprofen" in text for text in medication.flags_panel().item_texts())
    stored = mr.db_call(qtbot, runner, lambda store: store.prescriptions.for_patient(mr.SERVER, mr.PATIENT))
    active = [p for p in stored if p.get("status") == "active"]
    assert len({p["id"] for p in active}) == 3 and not any(p["id"].startswith("gp-csv") for p in stored)

    again = preview(qtbot, medication, path)  # the same file again: nothing new to add, nothing doubled
    assert not [row for row in again.row_texts() if row[0] == "added"]
    again.reject()
    assert len([r for r in medication.prescriptions_table().row_texts() if r[4].startswith("Active")]) == 3


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
    assert medication.status_text().startswith("Imported 1 ")
    assert medication.prescriptions_table().row_texts()[0][4] == "Active"  # matched: no "Not checked"
    assert any("Acenocoumarol" in line.ingredients for line in medication.medication_data().comparison.lines)


def test_unreadable_file_is_reported_and_changes_nothing(qtbot, medication: MedicationView, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Colour;Size\nred;big\n", encoding="utf-8")
    medication.import_file(path)
    qtbot.waitUntil(lambda: "could not be read" in medication.status_text(), timeout=10000)
    assert "no 'name', 'atc' or 'cnk' column" in medication.status_text()
    assert medication.file_actions.dialog is None
    assert medication.prescriptions_table().rowCount() == 0


def test_one_import_button_in_the_toolbar(medication: MedicationView) -> None:
    texts = [action.text() for action in medication.findChild(MedicationToolbar).actions()]
    assert texts.count("Import…") == 1 and not any("KMEHR" in text for text in texts)


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

"""The medication tab on a real encrypted store, through the patient view: flags with their text, the one
interruption for contraindicated combinations, the GP's prescriptions (editor, stop, delete), decisions,
keyboard, and clearing on lock."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from consult_desktop.ui.medication.medication_flags_panel import ContraindicationDialog
from consult_desktop.ui.medication.medication_view import MedicationView
from consult_desktop.ui.medication.prescription_editor import PrescriptionEditor, StopPrescriptionDialog
from consult_desktop.ui.patients.patient_view import PatientView
from consult_desktop.ui.shell.task_runner import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import medication_records as mr  # noqa: E402

SAVE = QDialogButtonBox.StandardButton.Save


def open_view(qtbot, runner: TaskRunner, directory: Path, gp: list | None = None) -> PatientView:
    mr.open_store_in_runner(qtbot, runner, directory, gp)
    view = PatientView(runner)
    view.resize(1400, 900)
    qtbot.addWidget(view)
    view.show()
    view.select_tab("medication")
    return view


def show(qtbot, view: PatientView, patient_id: str = mr.PATIENT) -> MedicationView:
    medication = view.medication_widget()
    assert isinstance(medication, MedicationView)
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        view.show_patient(mr.SERVER, patient_id)
    return medication


def row_of(medication: MedicationView, label_part: str) -> int:
    model = medication.model()
    return next(r for r in range(model.rowCount()) if label_part in model.line_at(r).label)


def save(qtbot, medication: MedicationView, editor: PrescriptionEditor) -> None:
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        editor.buttons.button(SAVE).click()


def test_warfarin_at_the_hospital_and_ibuprofen_added_by_the_gp_shows_a_major_bleeding_flag(
        qtbot, runner, tmp_path: Path) -> None:
    view = open_view(qtbot, runner, tmp_path / "p")
    medication = show(qtbot, view)
    editor = medication.new_prescription()
    assert isinstance(editor, PrescriptionEditor) and editor.isVisible()
    editor.medication.setText("Ibuprofen 400 mg")
    editor.dose.setValue(1)
    editor.times.setValue(3)
    save(qtbot, medication, editor)

    panel = medication.flags_panel()
    texts = panel.item_texts()
    bleeding = next(i for i, text in enumerate(texts) if "Warfarin + Ibuprofen" in text)
    assert texts[bleeding].startswith("Major — Warfarin + Ibuprofen: serious bleeding")
    panel.select_flag(bleeding)
    details = panel.details_text()
    assert "Effect:" in details and "bleeding" in details
    assert "Management:" in details and "paracetamol" in details
    assert "Source:" in details and "warfarin (Coumadin)" in details
    model = medication.model()
    assert model.highlighted() == {row_of(medication, "Marevan"), row_of(medication, "Ibuprofen")}
    assert model.row_texts(row_of(medication, "Marevan"))[model.STATUS].startswith("▶ ")
    ibuprofen = model.row_texts(row_of(medication, "Ibuprofen"))
    assert ibuprofen[model.FLAGS].startswith("Major: Interaction")
    assert medication.active_dialog() is None  # a major flag is shown, not interrupting


def test_contraindicated_pair_interrupts_once_and_an_acknowledgement_is_stored_and_audited(
        qtbot, runner, tmp_path: Path) -> None:
    view = open_view(qtbot, runner, tmp_path / "p", gp=[mr.gp_statement("Clarithromycine 500 mg", 1, 2)])
    medication = show(qtbot, view)
    dialog = medication.active_dialog()
    assert isinstance(dialog, ContraindicationDialog) and dialog.isVisible() and dialog.isModal()
    assert any("Simvastatin + Clarithromycin" in text for text in dialog.texts())
    assert not dialog.acknowledge_button.isEnabled()  # not without a reason

    dialog.later_button.click()  # not now: no second interruption while the patient stays open
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        view.show_patient(mr.SERVER, mr.PATIENT)  # a refresh of the same patient (after a sync)
    assert medication.active_dialog() is None

    view.clear()
    medication = show(qtbot, view)  # opened again: not acknowledged yet, so it interrupts again
    dialog = medication.active_dialog()
    assert isinstance(dialog, ContraindicationDialog)
    qtbot.keyClicks(dialog.reason, "statin paused during the antibiotic course")
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        dialog.acknowledge_button.click()
    assert medication.active_dialog() is None

    acks = mr.db_call(qtbot, runner, lambda store: store.acknowledgements.for_patient(mr.SERVER, mr.PATIENT))
    [(key, (reason, _at))] = [(k, v) for k, v in acks.items() if "Clarithromycin+Simvastatin" in k]
    decisions = mr.db_call(qtbot, runner, lambda store: store.decisions.for_patient(mr.SERVER, mr.PATIENT))
    assert reason == "statin paused during the antibiotic course" and key not in decisions
    audit = mr.db_call(qtbot, runner, lambda store: store.audit.entries(patient_id=mr.PATIENT))
    assert [(e.action, e.object_id, e.detail) for e in audit if e.action == "flag-acknowledged"] == [
        ("flag-acknowledged", key, "statin paused during the antibiotic course")]
    panel = medication.flags_panel()
    number = next(i for i, text in enumerate(panel.item_texts()) if "Simvastatin + Clarithromycin" in text)
    item = panel.list_widget().item(number)
    assert "Acknowledged: statin paused during the antibiotic course" in item.text()
    dimmed = panel.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert item.foreground().color() == dimmed
    panel.select_flag(number)
    assert not panel.acknowledge_button().isEnabled()

    view.clear()
    medication = show(qtbot, view)
    assert medication.active_dialog() is None  # acknowledged: never again


def test_gp_prescription_added_with_autocomplete_edited_stopped_and_deleted(qtbot, runner, tmp_path: Path) -> None:
    view = open_view(qtbot, runner, tmp_path / "p")
    medication = show(qtbot, view)
    editor = medication.new_prescription()
    editor.medication.setFocus()
    qtbot.keyClicks(editor.medication, "amlo")
    assert "Amlodipine" in editor.suggestions()
    assert editor.completer.popup().isVisible()
    editor.medication.setText("Amlodipine")  # the suggestion chosen
    qtbot.keyClicks(editor.medication, " 5 mg")
    editor.dose.setValue(1)
    editor.times.setValue(1)
    editor.note.setText("morning")
    editor.start.setDate(QDate(2025, 1, 10))
    save(qtbot, medication, editor)

    rows = medication.prescriptions_table().row_texts()
    assert rows[0][:2] == ["Amlodipine 5 mg", "1 tablet, 1x/day"] and rows[0][4] == "Active" and rows[0][5] == "morning"
    model = medication.model()
    assert model.row_texts(row_of(medication, "Amlor"))[model.CHANGE] == "5 mg → 10 mg"

    medication.select_line(row_of(medication, "Amlor"))  # the GP side of the line is the one edited
    editor = medication.edit_selected()
    assert editor is not None and editor.medication.text() == "Amlodipine 5 mg" and editor.note.text() == "morning"
    editor.medication.setText("Amlodipine 10 mg")
    save(qtbot, medication, editor)
    assert model.row_texts(row_of(medication, "Amlor"))[model.STATUS] == "Unchanged"

    medication.select_line(row_of(medication, "Amlor"))
    dialog = medication.stop_selected()
    assert isinstance(dialog, StopPrescriptionDialog)
    dialog.end.setDate(QDate(2025, 3, 1))
    dialog.reason.setText("ankle oedema")
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    rows = medication.prescriptions_table().row_texts()
    assert rows[0][3] == "01/03/2025" and rows[0][4] == "Stopped (ankle oedema)"  # kept as history
    assert model.row_texts(row_of(medication, "Amlor"))[model.STATUS] == "New at the hospital"
    stored = mr.db_call(qtbot, runner, lambda store: store.prescriptions.for_patient(mr.SERVER, mr.PATIENT))
    assert [(p["status"], p["effectivePeriod"]["end"]) for p in stored] == [("stopped", "2025-03-01")]

    medication.prescriptions_table().select_id(stored[0]["id"])
    medication.prescriptions_table().setFocus()
    box = medication.delete_selected()
    assert isinstance(box, QMessageBox)
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert medication.prescriptions_table().rowCount() == 0
    audit = mr.db_call(qtbot, runner, lambda store: store.audit.entries(patient_id=mr.PATIENT))
    assert [e.action for e in reversed(audit)] == ["prescription-saved", "prescription-saved", "prescription-stopped",
                                                   "prescription-deleted"]


def test_a_hospital_line_is_taken_over_prefilled(qtbot, runner, tmp_path: Path) -> None:
    view = open_view(qtbot, runner, tmp_path / "p")
    medication = show(qtbot, view)
    medication.select_line(row_of(medication, "Simvastatine"))
    editor = medication.edit_selected()  # no GP prescription on this line: a new one, from the hospital's
    assert editor is not None and editor.medication.text() == "Simvastatine 40 mg"
    assert editor.dose.value() == 1 and editor.times.value() == 1
    save(qtbot, medication, editor)
    assert medication.model().row_texts(row_of(medication, "Simvastatine"))[0] == "Unchanged"


def test_decisions_are_stored_per_line_and_keyboard_shortcuts_work(qtbot, runner, tmp_path: Path) -> None:
    view = open_view(qtbot, runner, tmp_path / "p")
    medication = show(qtbot, view)
    table = medication.table()
    table.setFocus()
    medication.select_line(row_of(medication, "Marevan"))
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        decide_stop = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(table, Qt.Key.Key_2, decide_stop)  # Ctrl+Shift+2: decide stop
    model = medication.model()
    assert model.row_texts(row_of(medication, "Marevan"))[model.DECISION] == "Stop"
    acks = mr.db_call(qtbot, runner, lambda store: store.decisions.for_patient(mr.SERVER, mr.PATIENT))
    assert acks["line:warfarin"][1] == "stop"
    assert medication.table().selectionModel().selectedRows()[0].row() == row_of(medication, "Marevan")

    qtbot.keyClick(table, Qt.Key.Key_Down)  # the table is navigable with the keyboard
    assert medication.selected_line() == row_of(medication, "Marevan") + 1
    qtbot.keyClick(table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = medication.active_dialog()
    assert isinstance(editor, PrescriptionEditor) and editor.windowTitle() == "New prescription"
    qtbot.keyClicks(editor.medication, "Metformine")
    qtbot.keyClick(editor.medication, Qt.Key.Key_Delete)  # typing in the editor, not the view's shortcuts
    assert medication.active_dialog() is editor
    editor.reject()


def test_view_is_emptied_when_the_patient_view_is_cleared(qtbot, runner, tmp_path: Path) -> None:
    view = open_view(qtbot, runner, tmp_path / "p", gp=[mr.gp_statement("Clarithromycine 500 mg", 1, 2)])
    view.select_tab("documents")
    medication = show(qtbot, view)
    assert medication.model().rowCount() > 0
    medication.active_dialog().show_button.click()  # the interruption leads to the medication tab
    assert view.current_tab() == "medication" and medication.active_dialog() is None
    medication.new_prescription()  # an editor open when the profile is locked is closed with the rest
    view.clear()
    assert medication.model().rowCount() == 0
    assert medication.flags_panel().item_texts() == [] and medication.flags_panel().details_text() == ""
    assert medication.prescriptions_table().rowCount() == 0
    assert medication.info_text() == "" and medication.not_checked_text() == ""
    assert medication.active_dialog() is None and medication.medication_data() is None
    assert not medication.new_action.isEnabled()


def test_not_checked_band_names_what_could_not_be_matched(qtbot, runner, tmp_path: Path) -> None:
    view = open_view(qtbot, runner, tmp_path / "p")
    medication = show(qtbot, view)
    assert medication.not_checked_text() == ("⚠ Not checked — could not be matched to known ingredients: "
                                             "Zorglub 10 mg (hospital)")
    assert "discharge medication of 15/02/2025 (Cardiologie)" in medication.info_text()
    assert "Penicilline" in medication.info_text() and "eGFR 45" in medication.info_text()


def test_delete_key_in_the_prescription_list_asks_to_stop_the_chosen_prescription(qtbot, runner, tmp_path: Path
                                                                                 ) -> None:
    view = open_view(qtbot, runner, tmp_path / "p", gp=[mr.gp_statement("Emconcor 5 mg"),
                                                        mr.gp_statement("Amlodipine 5 mg")])
    medication = show(qtbot, view)
    table = medication.prescriptions_table()
    stored = mr.db_call(qtbot, runner, lambda store: store.prescriptions.for_patient(mr.SERVER, mr.PATIENT))
    amlodipine = next(p["id"] for p in stored if "Amlodipine" in p["medicationCodeableConcept"]["text"])
    medication.select_line(row_of(medication, "Emconcor"))
    table.setFocus()
    table.select_id(amlodipine)
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):  # a refresh (after a sync) keeps the choice
        view.show_patient(mr.SERVER, mr.PATIENT)
    assert medication.selected_prescription_id() == amlodipine
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    dialog = medication.active_dialog()
    assert isinstance(dialog, StopPrescriptionDialog) and "Amlodipine 5 mg" in dialog.findChild(QLabel).text()
    dialog.reject()


def test_a_failed_load_says_so_instead_of_an_empty_list(qtbot, runner) -> None:
    medication = MedicationView(runner)  # the runner has no open profile: every database call fails
    qtbot.addWidget(medication)
    medication.show()
    with qtbot.waitSignal(medication.failed, timeout=10000) as failed:
        medication.show_patient(mr.SERVER, mr.PATIENT)
    assert failed.args[0] == "The medication could not be read or saved in the local database."
    shown = [label.text() for label in medication.findChildren(QLabel) if label.isVisible()]
    assert "The medication could not be read or saved in the local database." in shown
    assert medication.model().rowCount() == 0


def test_the_view_reloads_only_for_a_medication_change_of_its_own_patient(qtbot, runner, tmp_path: Path) -> None:
    from consult_desktop.record.changes import MEDICATION, VIEWED, PatientChanged
    from consult_desktop.ui.shell.change_bus import ChangeBus

    mr.open_store_in_runner(qtbot, runner, tmp_path / "profile", None)
    bus = ChangeBus()
    medication = MedicationView(runner, changes=bus)
    qtbot.addWidget(medication)
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        medication.show_patient(mr.SERVER, mr.PATIENT)
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=10000)

    bus.announce(PatientChanged((mr.SERVER, "somebody-else"), frozenset({MEDICATION})))
    bus.announce(PatientChanged((mr.SERVER, mr.PATIENT), frozenset({VIEWED})))
    assert runner.in_flight == 0  # nothing to reload: another patient, or not the medication
    with qtbot.waitSignal(medication.data_loaded, timeout=10000) as loaded:
        bus.announce(PatientChanged((mr.SERVER, mr.PATIENT), frozenset({MEDICATION})))
    assert loaded.args == [mr.SERVER, mr.PATIENT]

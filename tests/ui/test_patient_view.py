"""The patient view on a real encrypted store: header, allergy banner, documents, labs, tabs, lock."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from consult_desktop.ui.patients.patient_view import PatientView
from consult_desktop.ui.shell.task_runner import TaskRunner
from consult_desktop.ui.widgets.severity_style import Level

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import patient_records as rec  # noqa: E402
from patient_records import db_call, open_filled_store  # noqa: E402


@pytest.fixture
def view(qtbot, runner: TaskRunner, tmp_path: Path) -> PatientView:
    open_filled_store(qtbot, runner, tmp_path / "profile")
    widget = PatientView(runner)
    widget.resize(1200, 800)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def show(qtbot, view: PatientView, patient_id: str = rec.PATIENT) -> None:
    with qtbot.waitSignal(view.patient_loaded, timeout=10000):
        view.show_patient(rec.SERVER, patient_id)


def test_header_shows_identity_with_formatted_ssin_and_high_criticality_allergy(qtbot, view: PatientView) -> None:
    show(qtbot, view)
    header = view.header()
    assert header.name_text() == "PEETERS, Marie Louise"
    assert "SSIN 85.07.31-001.23" in header.details_text()
    assert "Female" in header.details_text()
    assert "Penicilline" in header.allergy_text() and "Anaphylaxie" in header.allergy_text()
    assert "Latex" in header.allergy_text()
    assert header.allergy_level() is Level.WARNING
    assert view.current_patient() == (rec.SERVER, rec.PATIENT)


def test_no_allergies_after_a_sync_differs_from_allergies_never_synced(qtbot, runner, tmp_path: Path) -> None:
    texts = []
    for synced in (True, False):
        r = TaskRunner()
        try:
            open_filled_store(qtbot, r, tmp_path / f"p{synced}", synced=synced, with_allergies=False)
            widget = PatientView(r)
            qtbot.addWidget(widget)
            show(qtbot, widget)
            texts.append(widget.header().allergy_text())
        finally:
            r.shutdown()
    assert texts[0] == "No known allergies recorded."
    assert texts[1].startswith("Allergies not synced")


def test_documents_newest_first_without_entered_in_error_or_other_patients(qtbot, view: PatientView) -> None:
    show(qtbot, view)
    keys = [k[1] for k in view.documents_tab().visible_keys()]
    assert keys == ["d-text", "d-html", "d-pdf", "d-failed", "r-rad", "d-pending"]  # lab-only reports are labs


def test_opening_a_document_writes_an_audit_record(qtbot, view: PatientView, runner: TaskRunner) -> None:
    show(qtbot, view)
    with qtbot.waitSignal(view.document_opened, timeout=10000) as opened:
        view.open_document("DocumentReference", "d-text")
    assert opened.args == ["DocumentReference", "d-text"]
    entries = db_call(qtbot, runner, lambda store: store.audit.entries(patient_id=rec.PATIENT))
    assert [(e.action, e.server_id, e.object_type, e.object_id) for e in entries] == [
        ("open-document", rec.SERVER, "DocumentReference", "d-text")]


def test_lab_tab_and_problems_are_filled(qtbot, view: PatientView) -> None:
    show(qtbot, view)
    labs = view.lab_tab()
    assert labs.model().rowCount() == 4
    assert set(labs.model().panels()) == {"Chimie sanguine"}
    problems = view.problems_tab()
    assert problems.problem_texts() == ["Hypertension arterielle", "Cholecystite aigue"]
    assert problems.allergy_texts() == ["Penicilline", "Latex"]
    texts = view.encounters_tab().entry_texts()
    assert len(texts) == 2 and "Nephrologie" in texts[0] and "Documents: 1" in texts[0]


def test_tabs_are_selected_by_name_and_the_medication_tab_holds_the_comparison(qtbot, view: PatientView) -> None:
    from consult_desktop.ui.medication.medication_view import MedicationView

    assert view.current_tab() == "documents"
    for name in ("labs", "problems", "encounters", "medication", "documents"):
        view.select_tab(name)
        assert view.current_tab() == name
    with pytest.raises(ValueError):
        view.select_tab("billing")
    assert isinstance(view.medication_widget(), MedicationView)
    view.select_tab("medication")
    assert view.current_tab() == "medication"
    assert view.tab_widget().currentWidget() is view.medication_widget()


def test_clear_on_lock_drops_every_patient_detail(qtbot, view: PatientView) -> None:
    from PySide6.QtWidgets import QLineEdit

    show(qtbot, view)
    with qtbot.waitSignal(view.documents_tab().search_finished, timeout=10000):
        qtbot.keyClicks(view.documents_tab().search_field(), "kaliemie")  # typed: undoable
    with qtbot.waitSignal(view.document_opened, timeout=10000):
        view.open_document("DocumentReference", "d-text")
    view.documents_tab().viewer().open_find("semaine")
    view.clear()
    for edit in view.findChildren(QLineEdit):
        assert edit.text() == "" and not edit.isUndoAvailable()
    assert view.documents_tab().hits() == []
    assert view.current_patient() is None
    assert view.header().name_text() == "" and view.header().allergy_text() == ""
    assert view.documents_tab().model().rowCount() == 0
    assert view.documents_tab().viewer().content() is None
    assert view.documents_tab().viewer().text_browser().toPlainText() == ""
    assert view.lab_tab().model().rowCount() == 0
    assert view.problems_tab().problem_texts() == []
    assert view.encounters_tab().entry_texts() == []


def test_an_answer_for_a_previous_patient_is_not_shown(qtbot, view: PatientView) -> None:
    view.show_patient(rec.SERVER, rec.PATIENT)
    view.clear()  # locked before the snapshot arrived
    qtbot.wait(300)
    assert view.header().name_text() == ""
    assert view.documents_tab().model().rowCount() == 0


def test_refresh_keeps_the_open_document_until_it_is_withdrawn(qtbot, view: PatientView, runner: TaskRunner) -> None:
    show(qtbot, view)
    with qtbot.waitSignal(view.document_opened, timeout=10000):
        view.open_document("DocumentReference", "d-text")
    viewer = view.documents_tab().viewer()
    show(qtbot, view)  # the same patient again, as after a sync
    assert viewer.content() is not None and viewer.content().resource_id == "d-text"
    assert "dyspnee" in viewer.text_browser().toPlainText()

    withdrawn = {**next(r for r in rec.resources() if r["id"] == "d-text"), "status": "entered-in-error",
                 "meta": {"versionId": "2", "lastUpdated": "2025-03-02T00:00:00Z"}}
    db_call(qtbot, runner, lambda store: store.resources.put_many(rec.SERVER, [withdrawn]))
    show(qtbot, view)
    assert viewer.content() is None
    assert viewer.text_browser().toPlainText() == ""
    assert ("DocumentReference", "d-text") not in view.documents_tab().visible_keys()


def test_choosing_a_stay_lists_its_documents(qtbot, view: PatientView) -> None:
    show(qtbot, view)
    view.select_tab("encounters")
    items = view.encounters_tab().list_widget()
    older_stay = items.item(1)  # newest first: e2, then e1
    items.itemActivated.emit(older_stay)
    assert view.current_tab() == "documents"
    assert view.documents_tab().visible_keys() == [("DocumentReference", "d-pdf")]


def test_selecting_a_row_opens_that_document(qtbot, view: PatientView) -> None:
    show(qtbot, view)
    table = view.documents_tab().table()
    with qtbot.waitSignal(view.document_opened, timeout=10000) as opened:
        table.selectRow(1)
    assert opened.args == ["DocumentReference", "d-html"]
    assert view.documents_tab().viewer().mode() == "html"

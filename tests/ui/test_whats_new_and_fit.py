"""What is new since the GP last opened the patient is marked in the documents and lab lists (bold, a dot,
"New:" for screen readers) with a "New only" filter; the document list fits its space at 1280×800 and
1366×768 (no horizontal scrollbar, the date stays in view after a click and for the next patient); the
medication toolbar shows every button at 1366 px."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from consult_desktop.record import actions
from consult_desktop.ui.documents.document_list_model import DocumentListModel
from consult_desktop.ui.patients.patient_view import PatientView
from consult_desktop.ui.shell.task_runner import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import patient_records as rec  # noqa: E402
from patient_records import db_call, open_filled_store  # noqa: E402


def make_view(qtbot, runner: TaskRunner, tmp_path: Path, size: tuple[int, int]) -> PatientView:
    open_filled_store(qtbot, runner, tmp_path / "profile")
    widget = PatientView(runner)
    widget.resize(*size)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def show(qtbot, view: PatientView) -> None:
    with qtbot.waitSignal(view.patient_loaded, timeout=10000):
        view.show_patient(rec.SERVER, rec.PATIENT)


def test_new_documents_and_results_are_marked_and_can_be_shown_alone(qtbot, runner, tmp_path: Path) -> None:
    view = make_view(qtbot, runner, tmp_path, (1280, 800))
    db_call(qtbot, runner, lambda store: actions.mark_viewed(store, rec.SERVER, rec.PATIENT))
    new_doc = rec.document("d-new", "2025-03-02T10:00:00+01:00", "Résultat de biologie",
                           {"contentType": "text/plain", "data": "QmlvbG9naWU="})
    new_lab = rec.observation("o-new", "2160-0", "Creatinine", 2.4, "mg/dL", 0.6, 1.1, "2025-03-01T07:00:00+01:00")
    db_call(qtbot, runner, lambda store: store.resources.put_many(rec.SERVER, [new_doc, new_lab]))
    show(qtbot, view)

    tab = view.documents_tab()
    model = tab.model()
    row = model.row_of("DocumentReference", "d-new")
    title = model.index(row, DocumentListModel.TITLE)
    assert title.data(Qt.ItemDataRole.AccessibleTextRole) == "New: Résultat de biologie"
    assert isinstance(title.data(Qt.ItemDataRole.FontRole), QFont) and title.data(Qt.ItemDataRole.FontRole).bold()
    assert title.data(Qt.ItemDataRole.DecorationRole) is not None
    old = model.index(model.row_of("DocumentReference", "d-text"), DocumentListModel.TITLE)
    assert old.data(Qt.ItemDataRole.FontRole) is None and old.data(Qt.ItemDataRole.AccessibleTextRole) is None
    new_only = tab.new_only_box()
    new_only.click()
    assert tab.visible_keys() == [("DocumentReference", "d-new")]
    new_only.click()
    assert len(tab.visible_keys()) > 1

    view.select_tab("labs")
    labs = view.lab_tab()
    labs.new_only_box().click()
    assert labs.proxy().rowCount() == 1
    shown = labs.proxy().index(0, labs.model().TEST)
    assert shown.data(Qt.ItemDataRole.AccessibleTextRole) == "New: Creatinine"


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_the_document_list_fits_without_a_horizontal_scrollbar(qtbot, runner, tmp_path: Path, size) -> None:
    view = make_view(qtbot, runner, tmp_path, size)
    show(qtbot, view)
    tab = view.documents_tab()
    table = tab.table()
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    widths = sum(table.columnWidth(c) for c in range(tab.proxy().columnCount()))
    assert widths <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible() and table.horizontalScrollBar().maximum() == 0
    rect = table.visualRect(tab.proxy().index(0, DocumentListModel.ENCOUNTER))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.horizontalScrollBar().value() == 0
    assert table.columnViewportPosition(DocumentListModel.DATE) == 0


def test_every_medication_button_is_on_the_toolbar_at_1366(qtbot, runner, tmp_path: Path) -> None:
    view = make_view(qtbot, runner, tmp_path, (1366, 768))
    show(qtbot, view)
    view.select_tab("medication")
    medication = view.medication_widget()
    qtbot.waitUntil(lambda: medication.medication_data() is not None, timeout=10000)
    toolbar = medication.toolbar()
    extension = [w for w in toolbar.findChildren(type(toolbar.decide_button))
                 if w.objectName() == "qt_toolbar_ext_button"]
    assert not any(button.isVisible() for button in extension)  # no "»": everything fits
    assert toolbar.export_button.isVisible() and toolbar.decide_button.isVisible()


def test_the_medication_flags_and_decisions_are_on_screen_at_1366(qtbot, runner, tmp_path: Path) -> None:
    view = make_view(qtbot, runner, tmp_path, (1366, 768))
    show(qtbot, view)
    view.select_tab("medication")
    medication = view.medication_widget()
    qtbot.waitUntil(lambda: medication.medication_data() is not None, timeout=10000)
    table = medication.table()
    model = medication.model()
    right = table.columnViewportPosition(model.DECISION) + table.columnWidth(model.DECISION)
    assert right <= table.viewport().width()
    assert table.columnWidth(model.FLAGS) >= 120 and table.columnWidth(model.DECISION) >= 80

"""Printing and sharing from the patient's screens: the open document (PDF pages, text), the lab results (list
and cumulative view) and the medication comparison go through a print preview; a document is saved as the file
the hospital sent after a warning, under a name with the patient and the date in Documents; each one is in the
access log with the patient and the document."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox

from consult_desktop.ui.patients.patient_view import PatientView
from consult_desktop.ui.shell.task_runner import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import patient_records as rec  # noqa: E402
from patient_records import db_call, open_filled_store  # noqa: E402


@pytest.fixture
def view(qtbot, runner: TaskRunner, tmp_path: Path) -> PatientView:
    open_filled_store(qtbot, runner, tmp_path / "profile")
    widget = PatientView(runner)
    widget.resize(1280, 800)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.patient_loaded, timeout=10000):
        widget.show_patient(rec.SERVER, rec.PATIENT)
    return widget


def open_document(qtbot, view: PatientView, rid: str) -> None:
    with qtbot.waitSignal(view.document_opened, timeout=10000):
        view.open_document("DocumentReference", rid)


def printed_text(dialog: QPrintPreviewDialog, tmp_path: Path) -> str:
    """Lay the preview's pages out into a PDF, as printing would, and read its text back."""
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / f"printed-{id(dialog)}.pdf"
    printer.setOutputFileName(str(target))
    dialog.paintRequested.emit(printer)
    document = QPdfDocument()
    assert document.load(str(target)) == QPdfDocument.Error.None_
    assert document.pageCount() >= 1
    return " ".join(" ".join(document.getAllText(p).text() for p in range(document.pageCount())).split())


def audit(qtbot, runner: TaskRunner) -> list[tuple]:
    entries = db_call(qtbot, runner, lambda store: store.audit.entries(patient_id=rec.PATIENT))
    return [(e.action, e.patient_id, e.object_type, e.object_id) for e in entries]


def test_ctrl_p_previews_the_open_text_document_and_the_print_is_logged(
        qtbot, view: PatientView, runner: TaskRunner, tmp_path: Path) -> None:
    tab = view.documents_tab()
    open_document(qtbot, view, "d-text")
    tab.table().setFocus()
    qtbot.keyClick(tab.table(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.actions.dialog
    assert isinstance(dialog, QPrintPreviewDialog) and dialog.isVisible()
    text = printed_text(dialog, tmp_path)
    assert "Note de consultation — 15/02/2025" in text and "Consultation de suivi" in text
    dialog.accept()  # what the preview does once the pages went to the printer
    qtbot.waitUntil(lambda: ("document-printed", rec.PATIENT, "DocumentReference", "d-text") in audit(qtbot, runner),
                    timeout=10000)


def test_a_pdf_document_prints_its_pages(qtbot, view: PatientView, tmp_path: Path) -> None:
    tab = view.documents_tab()
    open_document(qtbot, view, "d-pdf")
    dialog = tab.print_current()
    assert isinstance(dialog, QPrintPreviewDialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "pages.pdf"
    printer.setOutputFileName(str(target))
    dialog.paintRequested.emit(printer)
    printed = QPdfDocument()
    assert printed.load(str(target)) == QPdfDocument.Error.None_
    assert printed.pageCount() == tab.viewer().pdf_document().pageCount() == 2
    dialog.reject()


def test_save_as_warns_then_writes_the_hospitals_file_named_after_the_patient_and_logs_it(
        qtbot, view: PatientView, runner: TaskRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = view.documents_tab()
    open_document(qtbot, view, "d-pdf")
    suggested: list[str] = []
    target = tmp_path / "out" / "letter"
    target.parent.mkdir()

    def fake_dialog(_parent, _title, name, _filter):
        suggested.append(name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    tab.save_current_as()
    qtbot.waitUntil(lambda: isinstance(tab.actions.dialog, QMessageBox), timeout=10000)
    box = tab.actions.dialog
    assert "encrypted" in box.windowTitle() and "ordinary file" in box.text()
    box.button(QMessageBox.StandardButton.Save).click()
    written = target.with_name("letter.pdf")
    qtbot.waitUntil(written.exists, timeout=10000)
    assert written.read_bytes()[:5] == b"%PDF-"
    name = Path(suggested[0])
    today = dt.date.today().isoformat()
    assert name.name == f"PEETERS Marie Louise - Lettre de sortie chirurgie - {today}.pdf"
    assert name.parent == Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    qtbot.waitUntil(lambda: ("document-saved", rec.PATIENT, "DocumentReference", "d-pdf") in audit(qtbot, runner),
                    timeout=10000)
    assert "Saved to" in tab.status_text()


def test_labs_copy_a_result_in_the_gps_words_and_print_the_cumulative_view(
        qtbot, view: PatientView, runner: TaskRunner, tmp_path: Path) -> None:
    view.select_tab("labs")
    labs = view.lab_tab()
    model = labs.model()
    high = next(r for r in range(model.rowCount()) if model.row_at(r).result.value == 1.9)
    labs.select_source_row(high)
    labs.table().setFocus()
    qtbot.keyClick(labs.table(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Creatinine 1.9 mg/dL (H) 14/02/2025"

    labs.set_cumulative(True)
    grid = labs.cumulative_table().model()
    creatinine = next(r for r in range(grid.rowCount()) if grid.index(r, 0).data().startswith("Creatinine"))
    days = [grid.headerData(c, Qt.Orientation.Horizontal) for c in range(1, grid.columnCount())]
    assert days == sorted(days, key=lambda d: dt.datetime.strptime(d, "%d/%m/%Y"), reverse=True)
    column = 1 + days.index("14/02/2025")
    assert grid.index(creatinine, column).data() == "1.9 H"
    labs.cumulative_table().setCurrentIndex(grid.index(creatinine, column))
    assert labs.copy_selected() == "Creatinine 1.9 mg/dL (H) 14/02/2025"

    labs.cumulative_table().setFocus()
    qtbot.keyClick(labs.cumulative_table(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = labs.print_dialog
    assert isinstance(dialog, QPrintPreviewDialog)
    text = printed_text(dialog, tmp_path)
    assert "Creatinine (mg/dL)" in text and "1.9 H" in text and "14/02/2025" in text
    dialog.accept()
    qtbot.waitUntil(lambda: ("labs-printed", rec.PATIENT, None, None) in audit(qtbot, runner), timeout=10000)

    labs.show_trend()  # from the chosen cell back to the list, with the trend of that test
    assert not labs.is_cumulative()
    assert labs.selected_result().result.value == 1.9
    assert len(labs.chart().series().points) == 2


def test_the_medication_comparison_prints_through_the_preview_and_is_logged(
        qtbot, view: PatientView, runner: TaskRunner, tmp_path: Path) -> None:
    view.select_tab("medication")
    medication = view.medication_widget()
    qtbot.waitUntil(lambda: medication.medication_data() is not None, timeout=10000)
    dialog = medication.print_current()
    assert isinstance(dialog, QPrintPreviewDialog)
    assert "Medication reconciliation" in printed_text(dialog, tmp_path)
    dialog.accept()
    qtbot.waitUntil(lambda: ("medication-printed", rec.PATIENT, None, None) in audit(qtbot, runner), timeout=10000)


def test_right_click_on_a_document_offers_open_print_and_save(qtbot, view: PatientView) -> None:
    from PySide6.QtWidgets import QMenu

    tab = view.documents_tab()
    table = tab.table()
    row = next(r for r in range(tab.proxy().rowCount()) if tab.visible_keys()[r][1] == "d-text")
    position = table.visualRect(tab.proxy().index(row, 1)).center()
    with qtbot.waitSignal(view.document_opened, timeout=10000):
        table.customContextMenuRequested.emit(position)
    menu = table.findChildren(QMenu)[-1]
    assert [action.text() for action in menu.actions()] == ["Open", "Print…", "Save as…"]
    assert all(action.isEnabled() for action in menu.actions())
    menu.close()


def test_right_click_in_the_lab_grid_offers_copy_and_trend(qtbot, view: PatientView) -> None:
    from PySide6.QtWidgets import QMenu

    view.select_tab("labs")
    labs = view.lab_tab()
    labs.set_cumulative(True)
    grid = labs.cumulative_table()
    position = grid.visualRect(grid.model().index(0, 1)).center()
    grid.customContextMenuRequested.emit(position)
    menu = grid.findChildren(QMenu)[-1]
    assert [action.text() for action in menu.actions()] == ["Copy", "Show trend"]
    menu.close()


def test_the_viewer_header_offers_print_and_save_once_a_document_is_shown(qtbot, view: PatientView) -> None:
    from PySide6.QtWidgets import QToolButton

    tab = view.documents_tab()
    ours = (tab.actions.print_action, tab.actions.save_action)
    buttons = {b.accessibleName(): b for b in tab.viewer().findChildren(QToolButton) if b.defaultAction() in ours}
    assert set(buttons) == {"Print", "Save as"}
    assert not buttons["Print"].isEnabled()
    open_document(qtbot, view, "d-html")
    assert buttons["Print"].isEnabled() and buttons["Save as"].isEnabled()

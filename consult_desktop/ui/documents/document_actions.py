"""`DocumentActions`: what the GP does with the open document besides reading it — print it (Ctrl+P, through a
print preview) and save it as the file the hospital sent ("Save as…", Ctrl+Shift+S), after a warning that the
copy leaves the encrypted store. Also the documents list's context menu (open, print, save as).

The bytes to save and the patient's name for the default file name are read on the database lane
(`record.exports`); the file is written there too by `exports.save_document`, which logs it. A print is
logged by `exports.record_print` once the preview printed. GUI thread only.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMenu, QMessageBox, QTableView, QWidget
from shiboken6 import isValid

from consult_desktop.domain import date_text
from consult_desktop.record import exports
from consult_desktop.record.document_content import ContentKind, DocumentContent
from consult_desktop.store import Store
from consult_desktop.ui.documents.document_viewer import DocumentViewer
from consult_desktop.ui.shell.task_runner import TaskRunner
from consult_desktop.ui.widgets import printing

log = logging.getLogger(__name__)
PRINTABLE = (ContentKind.PDF, ContentKind.HTML, ContentKind.TEXT, ContentKind.IMAGE)


class DocumentActions(QObject):
    message = Signal(str)  # a status text for the GP

    def __init__(self, tab: QWidget, runner: TaskRunner, viewer: DocumentViewer,
                 patient: Callable[[], tuple[str, str] | None]) -> None:
        super().__init__(tab)
        self._tab = tab
        self._runner = runner
        self._viewer = viewer
        self._patient = patient
        self.dialog: QWidget | None = None  # the print preview or the warning before saving, while open
        self.print_action = self._action(self.tr("Print…"), QKeySequence.StandardKey.Print, self.print_current)
        self.save_action = self._action(self.tr("Save as…"), "Ctrl+Shift+S", self.save_current_as)

    def _action(self, text: str, shortcut: object, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._tab)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(lambda _checked=False: slot())
        action.setEnabled(False)
        self._tab.addAction(action)
        return action

    def content_changed(self, content: DocumentContent | None) -> None:
        """The viewer shows another document (or none): enable what applies to it."""
        printable = content is not None and content.kind in PRINTABLE
        self.print_action.setEnabled(printable)
        self.save_action.setEnabled(content is not None and content.kind in
                                    (*PRINTABLE, ContentKind.UNSUPPORTED))

    def context_menu(self, table: QTableView, position: QPoint, open_row: Callable[[], None]) -> QMenu | None:
        """Right-click on the documents list: open the document under the pointer, print it, save it."""
        index = table.indexAt(position)
        if not index.isValid():
            return None
        table.selectRow(index.row())
        open_row()
        menu = QMenu(table)
        menu.addAction(self.tr("Open"), open_row)
        menu.addAction(self.print_action)
        menu.addAction(self.save_action)
        menu.popup(table.viewport().mapToGlobal(position))
        return menu

    # -- print ----------------------------------------------------------------------------------------------
    def print_current(self) -> QPrintPreviewDialog | None:
        """Ctrl+P: the open document in a print preview (PDF pages, text, HTML or image); logged once printed."""
        content, patient = self._viewer.content(), self._patient()
        if content is None or patient is None or content.kind not in PRINTABLE or self._viewer.mode() == "loading":
            return None  # nothing open, or another document on its way: never print the one being left
        if content.kind is ContentKind.PDF:
            pdf = self._viewer.pdf_document()

            def paint(printer: QPrinter) -> None:
                printing.print_pdf(printer, pdf)
        elif content.kind is ContentKind.IMAGE:
            image = QImage.fromData(content.data or b"")

            def paint(printer: QPrinter) -> None:
                printing.print_image(printer, image)
        else:
            heading = " — ".join(part for part in (content.title, date_text.display(content.date)) if part)
            body = content.text or "" if content.kind is ContentKind.HTML else \
                f"<p style='white-space: pre-wrap'>{html.escape(content.text or '')}</p>"
            document = f"<h3>{html.escape(heading)}</h3>{body}"

            def paint(printer: QPrinter) -> None:
                printing.print_text_document(printer, html=document)
        dialog = printing.open_print_preview(self._tab, self.tr("Print %1").replace("%1", content.title), paint)
        server_id, patient_id = patient
        dialog.accepted.connect(lambda: self._runner.query(
            self, lambda store: exports.record_print(store, server_id, patient_id, "document", content.resource_type,
                                                     content.resource_id, held_by=content.server_id or None),
            lambda _none: None, self._failed))
        self.dialog = dialog
        return dialog

    # -- save as --------------------------------------------------------------------------------------------
    def save_current_as(self, path: Path | None = None) -> None:
        """Warn that the copy leaves the encrypted store, then ask where (Documents, named after the patient,
        the document and the day) and write the original file."""
        content, patient = self._viewer.content(), self._patient()
        if content is None or patient is None or self._viewer.mode() == "loading":
            return
        server_id, patient_id = patient

        def read(store: Store) -> tuple[str, exports.OriginalFile | None]:
            return (exports.patient_name(store, server_id, patient_id),
                    exports.original_file(store, content.server_id or server_id, content.resource_type,
                                          content.resource_id))

        self._runner.query(self, read, lambda found: self._warn(patient, content, *found, path), self._failed,
                           slot="save")

    def _warn(self, patient: tuple[str, str], content: DocumentContent, name: str,
              original: exports.OriginalFile | None, path: Path | None) -> None:
        if original is None:
            self.message.emit(self.tr("This document has no file stored on this computer to save."))
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Save a copy outside the encrypted store"),
                          self.tr("The copy is an ordinary file: anyone who can open the folder where you save it "
                                  "can read it. Save it only where your practice keeps patient records."),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, self._tab)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: self._ask_and_save(patient, content, name, original, path))
        box.finished.connect(lambda _result: box.deleteLater())
        self.dialog = box
        box.open()

    def _ask_and_save(self, patient: tuple[str, str], content: DocumentContent, name: str,
                      original: exports.OriginalFile, path: Path | None) -> None:
        if path is None:
            suggested = exports.file_name(name, original.title or content.title, original.extension)
            path = printing.ask_save_path(self._tab, self.tr("Save the document as"), suggested,
                                          self.tr("The hospital's file (*%1)").replace("%1", original.extension))
        if path is None or not isValid(self) or self._patient() != patient:
            return
        server_id, patient_id = patient
        target = path
        self._runner.query(
            self, lambda store: exports.save_document(store, server_id, patient_id, content.resource_type,
                                                      content.resource_id, target, held_by=content.server_id or None),
            lambda _written: self.message.emit(self.tr("Saved to %1").replace("%1", str(target))),
            lambda exc: self._save_failed(exc, target))

    def _save_failed(self, exc: BaseException, path: Path) -> None:
        log.warning("saving a document failed: %s", type(exc).__name__)
        self.message.emit(self.tr("The document could not be saved to %1").replace("%1", str(path)))

    def _failed(self, exc: BaseException) -> None:
        log.warning("document action failed: %s", type(exc).__name__)
        self.message.emit(self.tr("The document could not be read from the local database."))

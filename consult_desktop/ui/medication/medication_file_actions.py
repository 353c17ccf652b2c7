"""`MedicationFileActions`: the medication tab's file actions — import (drop a file on the tab, or "Import…"):
KMEHR, SUMEHR, Belgian or generic FHIR, or the CSV of the GP's software, always with a preview before anything
is stored, and export of the reconciled list as a KMEHR medication scheme or a Belgian FHIR Bundle.

Reading the file, matching the patient and planning the import run on the database lane
(`consult_desktop.medlist`); the preview dialog shows on the GUI thread; the commit runs on the database
lane again in one transaction. Answers for another patient are dropped. GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QWidget
from shiboken6 import isValid

from consult_desktop.medlist.importer import ImportPreview, commit_import, preview_import
from consult_desktop.medlist.reader import read_medication_file
from consult_desktop.medlist.report import build_report
from consult_desktop.meds.fhir_input import InputFileError
from consult_desktop.meds.language import process_language
from consult_desktop.record import exports
from consult_desktop.store import Store
from consult_desktop.ui.medication.import_preview_dialog import ImportPreviewDialog
from consult_desktop.ui.medication.medication_toolbar import MedicationToolbar
from consult_desktop.ui.shell.task_runner import TaskRunner
from consult_desktop.ui.widgets import printing

log = logging.getLogger(__name__)


class MedicationFileActions(QObject):
    message = Signal(str)  # a status text for the GP
    imported = Signal(str, str)  # server_id, patient_id: the list changed

    def __init__(self, view: QWidget, runner: TaskRunner, toolbar: MedicationToolbar,
                 patient: Callable[[], tuple[str, str] | None]) -> None:
        super().__init__(view)
        self.setObjectName("medicationFileActions")
        self._view = view
        self._runner = runner
        self._patient = patient
        self.dialog: ImportPreviewDialog | None = None
        self.export_kmehr_action = QAction(self.tr("Export KMEHR…"), view)
        self.export_kmehr_action.setToolTip(self.tr("Export as KMEHR medication scheme…"))
        self.export_kmehr_action.triggered.connect(lambda _checked=False: self.export("kmehr"))
        self.export_fhir_action = QAction(self.tr("Export FHIR…"), view)
        self.export_fhir_action.setToolTip(self.tr("Export as Belgian FHIR…"))
        self.export_fhir_action.triggered.connect(lambda _checked=False: self.export("fhir"))
        toolbar.add_export_actions([self.export_kmehr_action, self.export_fhir_action])
        view.setAcceptDrops(True)
        view.installEventFilter(self)

    # -- drop ----------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._view and event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            drag: QDragEnterEvent = event  # type: ignore[assignment]
            if self._patient() is not None and self._local_paths(drag.mimeData().urls()):
                drag.acceptProposedAction()
                return True
        if watched is self._view and event.type() == QEvent.Type.Drop:
            drop: QDropEvent = event  # type: ignore[assignment]
            paths = self._local_paths(drop.mimeData().urls())
            if paths:
                drop.acceptProposedAction()
                self.import_file(paths[0])
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _local_paths(urls: list[Any]) -> list[Path]:
        return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]

    # -- import --------------------------------------------------------------------------------------------
    def import_file(self, path: Path | None = None) -> None:
        """Read and plan on the database lane, then show the preview (asks for the file without a path)."""
        patient = self._patient()
        if patient is None:
            return
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self._view, self.tr("Import a medication list"), str(printing.documents_folder()),
                self.tr("Medication lists (*.xml *.kmehr *.json *.ndjson *.csv *.txt);;All files (*)"))
            if not chosen or self._patient() != patient:
                return
            path = Path(chosen)
        server_id, patient_id = patient
        self.message.emit(self.tr("Reading %1…").replace("%1", path.name))

        def work(store: Store) -> ImportPreview:
            return preview_import(store, server_id, patient_id, build_report(read_medication_file(path)))

        self._runner.db(work, lambda preview: self._show_preview(patient, preview, path.name), self._failed)

    def _show_preview(self, patient: tuple[str, str], preview: ImportPreview, name: str) -> None:
        if not isValid(self) or self._patient() != patient:
            return  # another patient was chosen meanwhile
        dialog = ImportPreviewDialog(preview, name, self._view)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._commit(patient, preview, dialog))
        dialog.open()

    def _commit(self, patient: tuple[str, str], preview: ImportPreview, dialog: ImportPreviewDialog | None) -> None:
        confirmed = dialog.confirmed if dialog is not None else False
        if self._patient() != patient:
            return

        def done(result: Any) -> None:
            if not isValid(self):
                return
            self.message.emit(self.tr("Imported %1 lines from the file.").replace("%1", str(len(result.saved))))
            self.imported.emit(*patient)

        language = process_language()
        self._runner.db(lambda store: commit_import(store, preview, confirm_unverified=confirmed, language=language),
                        done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        log.warning("medication file work failed: %s", type(exc).__name__)
        if isinstance(exc, InputFileError):
            self.message.emit(self.tr("The file could not be read: %1").replace("%1", str(exc)))
        elif isinstance(exc, ValueError):
            self.message.emit(self.tr("Not imported: %1").replace("%1", str(exc)))
        else:
            self.message.emit(self.tr("The medication list could not be read or written."))

    # -- export --------------------------------------------------------------------------------------------
    def export(self, kind: str, path: Path | None = None) -> None:
        """Write the reconciled list (`kind` "kmehr" or "fhir"); asks where without a path (Documents, named
        after the patient and the day)."""
        patient = self._patient()
        if patient is None:
            return
        server_id, patient_id = patient
        if path is None:
            self._runner.query(self, lambda store: exports.patient_name(store, server_id, patient_id),
                               lambda name: self._ask_and_export(patient, kind, name), self._failed, slot="export")
            return
        target = path

        def done(count: int) -> None:
            if isValid(self):
                self.message.emit(self.tr("%1 lines exported to %2").replace("%1", str(count))
                                  .replace("%2", str(target)))

        self._runner.query(self, lambda store: exports.export_medication_list(store, server_id, patient_id, kind,
                                                                              target),
                           done, lambda exc: self._failed_export(exc, target))

    def _ask_and_export(self, patient: tuple[str, str], kind: str, name: str) -> None:
        suffix = ".xml" if kind == "kmehr" else ".json"
        suggested = exports.file_name(name, self.tr("Medication list"), suffix)
        path = printing.ask_save_path(self._view, self.tr("Export the medication list"), suggested,
                                      self.tr("KMEHR (*.xml)") if kind == "kmehr" else self.tr("FHIR JSON (*.json)"))
        if path is not None and isValid(self) and self._patient() == patient:
            self.export(kind, path)

    def _failed_export(self, exc: BaseException, path: Path) -> None:
        if isValid(self):
            log.warning("medication export failed: %s", type(exc).__name__)
            self.message.emit(self.tr("The list could not be exported to %1").replace("%1", str(path)))

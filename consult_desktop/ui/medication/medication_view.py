"""`MedicationView`: the medication tab — the hospital's list beside the GP's, the safety flags, the GP's own
prescriptions, decisions and the reconciliation PDF.

`show_patient(server_id, patient_id)` loads everything on the database lane (`record.medication`); every
change (a prescription added, edited, stopped, deleted or imported; a flag acknowledged; a decision) is an
action of `record.medication_actions` run there too, whose `PatientChanged` is announced on the change
signal; the view reloads when that signal names its patient's medication. The operation runner drops answers
for another patient, or after `clear()`. Contraindicated flags not yet acknowledged interrupt once per
patient opening with a modal dialog; every other flag is shown but quiet. The actions and their shortcuts
are in `MedicationToolbar` (Enter on a line also edits). GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from consult_desktop.meds.knowledge_base import load_knowledge_base
from consult_desktop.record import medication as medication_loader
from consult_desktop.record import medication_actions
from consult_desktop.record.changes import MEDICATION, PatientChanged
from consult_desktop.record.medication import MedicationData
from consult_desktop.store import Store
from consult_desktop.ui.medication.medication_comparison_model import MedicationComparisonModel, comparison_table
from consult_desktop.ui.medication.medication_file_actions import MedicationFileActions
from consult_desktop.ui.medication.medication_flags_panel import (
    AcknowledgeDialog,
    ContraindicationDialog,
    MedicationFlagsPanel,
)
from consult_desktop.ui.medication.medication_output import MedicationOutput
from consult_desktop.ui.medication.medication_toolbar import MedicationToolbar
from consult_desktop.ui.medication.prescription_editor import PrescriptionEditor, StopPrescriptionDialog
from consult_desktop.ui.medication.prescription_list import PrescriptionList
from consult_desktop.ui.medication.reconciliation_pdf import ReconciliationReport
from consult_desktop.ui.shell.change_bus import ChangeBus
from consult_desktop.ui.shell.task_runner import TaskRunner, drop
from consult_desktop.ui.widgets import severity_style

log = logging.getLogger(__name__)


class MedicationView(MedicationOutput, QWidget):
    data_loaded = Signal(str, str)  # server_id, patient_id — the view shows fresh data of this patient
    show_requested = Signal()  # the GP asked to see the medication tab (from the interruption)
    failed = Signal(str)  # a message shown to the GP

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *, changes: ChangeBus | None = None
                 ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._changes = changes if changes is not None else ChangeBus(self)
        self._patient: tuple[str, str] | None = None
        self._data: MedicationData | None = None
        self._interrupted: set[str] = set()  # contraindicated flags shown in this opening of the patient
        self._dialog: QDialog | None = None
        self._focus = "lines"  # which list Edit/Stop act on: "lines" or "prescriptions"
        self.print_dialog: QPrintPreviewDialog | None = None

        self._model = MedicationComparisonModel(self)
        self._model.set_palette(self.palette())
        self._report = ReconciliationReport(self._model, self)
        self._info = QLabel(self)
        self._info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # not-checked medicines; allergies not checked and medicines no rule covers (texts from meds.report)
        self._not_checked, self._coverage, self._status = QLabel(self), QLabel(self), QLabel(self)
        for label in (self._info, self._not_checked, self._coverage, self._status):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # names of medicines and files are never markup

        self._table = comparison_table(self._model, self)
        self._table.setAccessibleName(self.tr("Medication comparison"))

        self._prescriptions = PrescriptionList(self)
        self._flags = MedicationFlagsPanel(self)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self._table)
        left.addWidget(self._prescriptions)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self._flags)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self._toolbar = MedicationToolbar(self, self)
        bar = self._toolbar
        self.new_action, self.edit_action, self.stop_action = bar.new_action, bar.edit_action, bar.stop_action
        self.delete_action, self.import_action, self.export_action = bar.delete_action, bar.import_action, \
            bar.export_action
        self.print_action = bar.print_action
        self.decision_actions, self.clear_decision_action = bar.decision_actions, bar.clear_decision_action
        self.file_actions = self._file_actions(runner)
        self._table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._table.addActions(bar.line_actions())

        self._empty = QLabel(self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._content = QWidget(self)
        content = QVBoxLayout(self._content)
        content.setContentsMargins(0, 0, 0, 0)
        for widget in (self._info, self._not_checked, self._coverage, self._toolbar):
            content.addWidget(widget)
        content.addWidget(splitter, 1)
        content.addWidget(self._status)
        layout = QVBoxLayout(self)
        layout.addWidget(self._empty)
        layout.addWidget(self._content, 1)

        # The selection, not the current row: a click moves the current row before it selects the line.
        self._table.selectionModel().selectionChanged.connect(lambda *_: self._lines_focused())
        self._table.activated.connect(lambda _index: self.edit_selected())
        self._prescriptions.itemSelectionChanged.connect(self._prescriptions_focused)
        self._prescriptions.itemActivated.connect(lambda _item: self.edit_selected())
        self._flags.flag_selected.connect(self._flag_selected)
        self._flags.acknowledge_requested.connect(self._ask_acknowledgement)
        self._changes.patient_changed.connect(self._patient_changed)
        self.clear()

    def _file_actions(self, runner: TaskRunner) -> MedicationFileActions:
        """Belgian medication files: drop or import with a preview, export as KMEHR / FHIR."""
        file_actions = MedicationFileActions(self, runner, self._toolbar, lambda: self._patient)
        file_actions.message.connect(self._status.setText)
        file_actions.imported.connect(self.show_patient)
        return file_actions

    # -- patient --------------------------------------------------------------------------------------------
    def show_patient(self, server_id: str, patient_id: str) -> None:
        """Load (or refresh, for the patient already shown) on the database lane; returns at once."""
        if self._patient != (server_id, patient_id):
            self.clear()
            self._patient = (server_id, patient_id)
            self._status.setText(self.tr("Loading the medication…"))
        self._load()

    def clear(self) -> None:
        """Forget the patient (another patient is chosen, or the profile is locked): data, dialogs, texts."""
        drop(self)  # answers still under way are for the patient being left
        self._patient = None
        self._data = None
        self._interrupted = set()
        self._close_dialog()
        self._model.set_data(None)
        self._flags.clear()
        self._prescriptions.set_data(None)
        for label in (self._info, self._not_checked, self._coverage, self._status):
            label.clear()
        self._not_checked.hide()
        self._coverage.hide()
        self._content.hide()
        self._empty.setText(self.tr("Choose a patient to compare the hospital's medication with yours."))
        self._empty.show()
        self._update_actions()

    def _load(self) -> None:
        if self._patient is None:
            return
        server_id, patient_id = self._patient

        def loaded(data: MedicationData) -> None:
            self._apply(data)
            self._interrupt_if_needed(data)

        self._runner.query(self, lambda store: medication_loader.load_medication(store, server_id, patient_id),
                           loaded, self._failed, slot="load")

    def _patient_changed(self, change: PatientChanged) -> None:
        if change.patient == self._patient and MEDICATION in change.kinds:
            self._load()

    def _run(self, work: Callable[[Store], Any], done: Callable[[Any], None] | None = None) -> None:
        """Run an action on the database lane; announce what it changed (which reloads this view)."""

        def succeeded(result: Any) -> None:
            if done is not None:
                done(result)
            self._changes.announce(result)

        self._runner.query(self, work, succeeded, self._failed)

    def _failed(self, exc: BaseException) -> None:
        log.warning("medication work failed: %s", type(exc).__name__)
        message = self.tr("The medication could not be read or saved in the local database.")
        self._status.setText(message)
        if self._data is None:  # nothing shown yet: the message takes the place of the content
            self._empty.setText(message)
        self.failed.emit(message)

    def _apply(self, data: MedicationData) -> None:
        line_key, focus = self._selected_line_key(), self._focus
        self._data = data
        self._model.set_data(data)
        self._flags.set_data(data)
        self._prescriptions.set_data(data, self.selected_prescription_id() if self._focus == "prescriptions" else None)
        self._info.setText(self._report.info_text(data))
        self._show_not_checked(data)
        self._empty.hide()
        self._content.show()
        if self._status.text() == self.tr("Loading the medication…"):
            self._status.clear()
        self._table.resizeRowsToContents()
        if line_key in data.line_keys:
            self._table.selectRow(data.line_keys.index(line_key))
        self._focus = focus
        self._flag_selected(self._flags.current_flag())
        self._update_actions()
        self.data_loaded.emit(data.server_id, data.patient_id)

    def _show_not_checked(self, data: MedicationData) -> None:
        extra = "\n".join(text for text in (data.allergies_not_checked, data.coverage) if text)
        self._coverage.setText(("⚠ " if data.allergies_not_checked else "") + extra)
        self._coverage.setVisible(bool(extra))
        level = severity_style.Level.WARNING if data.allergies_not_checked else severity_style.Level.NORMAL
        self._coverage.setStyleSheet(severity_style.band_style(level, self.palette()))
        if not data.not_checked:
            self._not_checked.hide()
            return
        self._not_checked.setText("⚠ " + self._report.not_checked_text(data))
        self._not_checked.setStyleSheet(severity_style.band_style(severity_style.Level.WARNING, self.palette()))
        self._not_checked.show()

    # -- interruption ---------------------------------------------------------------------------------------
    def _interrupt_if_needed(self, data: MedicationData) -> None:
        """Contraindicated flags neither acknowledged nor shown in this opening; waits for an open dialog."""
        pending = [(key, flag) for key, flag in zip(data.flag_keys, data.comparison.flags, strict=True)
                   if flag.severity == "contraindicated" and key not in data.acknowledgements
                   and key not in self._interrupted]
        if not pending or self._dialog is not None:
            return
        keys = [key for key, _flag in pending]
        self._interrupted.update(keys)
        dialog = ContraindicationDialog([flag for _key, flag in pending], data.patient_name, self)
        dialog.acknowledged.connect(lambda reason: self._acknowledge(keys, reason))
        dialog.show_requested.connect(self.show_requested)
        self._open_dialog(dialog)

    def _ask_acknowledgement(self, number: int) -> None:
        if self._data is None:
            return
        flag = self._data.comparison.flags[number]
        key = self._data.flag_keys[number]
        dialog = AcknowledgeDialog(f"{self._model.severity_word(flag.severity)} — {flag.summary}", self)
        dialog.accepted.connect(lambda: self._acknowledge([key], dialog.reason_text()))
        self._open_dialog(dialog)

    def _acknowledge(self, keys: list[str], reason: str) -> None:
        if self._patient is None or not reason.strip():
            return
        server_id, patient_id = self._patient
        self._run(lambda store: medication_actions.acknowledge_flag(store, server_id, patient_id, keys, reason))

    def _open_dialog(self, dialog: QDialog) -> None:
        self._close_dialog()
        self._dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_finished(dialog))
        dialog.open()

    def _dialog_finished(self, dialog: QDialog) -> None:
        if self._dialog is dialog:
            self._dialog = None
            if self._data is not None:
                self._interrupt_if_needed(self._data)
        dialog.deleteLater()

    def _close_dialog(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None and isValid(dialog):
            dialog.reject()

    def active_dialog(self) -> QDialog | None:
        return self._dialog

    # -- selection --------------------------------------------------------------------------------------------
    def _lines_focused(self) -> None:
        self._focus = "lines"
        self._update_actions()

    def _prescriptions_focused(self) -> None:
        if self._prescriptions.selectedItems():
            self._focus = "prescriptions"
        self._update_actions()

    def selected_line(self) -> int | None:
        rows = self._table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _selected_line_key(self) -> str | None:
        row = self.selected_line()
        return self._data.line_keys[row] if self._data is not None and row is not None else None

    def select_line(self, row: int) -> None:
        self._table.selectionModel().setCurrentIndex(
            self._model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def selected_prescription_id(self) -> str | None:
        """The GP prescription Edit/Stop/Delete act on: chosen in the list, or the GP side of the chosen line."""
        if self._focus == "prescriptions":
            return self._prescriptions.selected_id()
        row = self.selected_line()
        if row is None or self._data is None:
            return None
        line = self._data.comparison.lines[row]
        return line.gp[0].resource_id if line.gp else None

    def _flag_selected(self, number: int) -> None:
        if self._data is None or number < 0:
            self._model.set_highlight(set())
            return
        rows = self._data.flag_lines[number]
        self._model.set_highlight(rows)
        if rows:
            self._table.scrollTo(self._model.index(rows[0], 0))

    def _update_actions(self) -> None:
        loaded = self._data is not None
        pid = self.selected_prescription_id() if loaded else None
        item = self._data.prescription(pid) if loaded and pid else None
        line = self.selected_line() if loaded else None
        for action in (self.new_action, self.import_action, self.export_action, self.print_action):
            action.setEnabled(loaded)
        self.edit_action.setEnabled(item is not None or (line is not None and self._focus == "lines"))
        self.stop_action.setEnabled(item is not None and item.active)
        self.delete_action.setEnabled(item is not None)
        for action in (*self.decision_actions.values(), self.clear_decision_action):
            action.setEnabled(line is not None)

    # -- prescriptions ----------------------------------------------------------------------------------------
    def _suggest(self, prefix: str, limit: int) -> list[str]:
        return [item.label for item in load_knowledge_base().suggest(prefix, limit)]

    def new_prescription(self, prefill_line: int | None = None) -> PrescriptionEditor | None:
        """Open the editor for a new prescription (prefilled from a hospital line when one is given)."""
        if self._data is None:
            return None
        editor = PrescriptionEditor(self._suggest, None, self)
        if prefill_line is not None:
            line = self._data.comparison.lines[prefill_line]
            if line.hospital:
                entry = line.hospital[0]
                editor.set_values(entry.label, entry.dosage.dose_value, entry.dosage.dose_unit, entry.dosage.per_day,
                                  entry.dosage.as_needed)
                editor.setWindowTitle(self.tr("New prescription (from the hospital's list)"))
        editor.accepted.connect(lambda: self._save(editor.resource()))
        self._open_dialog(editor)
        return editor

    def edit_selected(self) -> PrescriptionEditor | None:
        if self._data is None:
            return None
        pid = self.selected_prescription_id()
        item = self._data.prescription(pid) if pid else None
        if item is None:
            line = self.selected_line()
            return self.new_prescription(line) if line is not None and self._focus == "lines" else None
        editor = PrescriptionEditor(self._suggest, item.resource, self)
        editor.accepted.connect(lambda: self._save(editor.resource()))
        self._open_dialog(editor)
        return editor

    def _save(self, resource: dict[str, Any]) -> None:
        if self._patient is None:
            return
        server_id, patient_id = self._patient
        self._run(lambda store: medication_actions.save_prescription(store, server_id, patient_id, resource),
                  lambda _data: self._status.setText(self.tr("Prescription saved.")))

    def stop_selected(self) -> StopPrescriptionDialog | None:
        pid = self.selected_prescription_id()
        item = self._data.prescription(pid) if self._data is not None and pid else None
        if item is None or not item.active or self._patient is None:
            return None
        server_id, patient_id = self._patient
        dialog = StopPrescriptionDialog(item.label, item.start, self)

        def stop() -> None:
            end, reason = dialog.end_date(), dialog.reason_text()
            self._run(lambda store: medication_actions.stop_prescription(store, server_id, patient_id, item.id, end,
                                                                        reason),
                      lambda _data: self._status.setText(self.tr("Prescription stopped; it stays as history.")))

        dialog.accepted.connect(stop)
        self._open_dialog(dialog)
        return dialog

    def delete_selected(self) -> QMessageBox | None:
        pid = self.selected_prescription_id()
        item = self._data.prescription(pid) if self._data is not None and pid else None
        if item is None or self._patient is None:
            return None
        server_id, patient_id = self._patient
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete prescription"),
                          self.tr("Delete %1? Only for an entry made by mistake: to end a treatment, stop it "
                                  "instead, so it stays as history.").replace("%1", item.label),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: self._run(
            lambda store: medication_actions.delete_prescription(store, server_id, patient_id, item.id),
            lambda _data: self._status.setText(self.tr("Prescription deleted."))))
        self._open_dialog(box)
        return box

    def import_file(self, path: Path | None = None) -> None:
        """Import a medication file of any format the GP's software or the hospital writes (KMEHR, SUMEHR,
        Belgian or generic FHIR, CSV) through its preview; asks for the file without a path."""
        self.file_actions.import_file(path)

    # -- decisions --------------------------------------------------------------------------------------------
    def set_decision(self, decision: str | None, reason: str = "") -> None:
        """Continue / stop / modify the selected line (None clears it); "modify" also opens the editor."""
        row = self.selected_line()
        if row is None or self._data is None or self._patient is None:
            return
        server_id, patient_id = self._patient
        key = self._data.line_keys[row]
        self._run(lambda store: medication_actions.set_decision(store, server_id, patient_id, key, decision, reason))
        if decision == "modify":
            self._focus = "lines"
            self.edit_selected()

    # -- parts, for tests and the patient view ---------------------------------------------------------------
    def current_patient(self) -> tuple[str, str] | None:
        return self._patient

    def model(self) -> MedicationComparisonModel:
        return self._model

    def toolbar(self) -> MedicationToolbar:
        return self._toolbar

    def table(self) -> QTableView:
        return self._table

    def flags_panel(self) -> MedicationFlagsPanel:
        return self._flags

    def prescriptions_table(self) -> PrescriptionList:
        return self._prescriptions

    def medication_data(self) -> MedicationData | None:
        return self._data

    def info_text(self) -> str:
        return self._info.text()

    def not_checked_text(self) -> str:
        return self._not_checked.text() if self._not_checked.isVisibleTo(self) else ""

    def coverage_text(self) -> str:
        return self._coverage.text() if self._coverage.isVisibleTo(self) else ""

    def status_text(self) -> str:
        return self._status.text()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark: the severity colours follow
            self._model.set_palette(self.palette())
            if self._data is not None:
                self._show_not_checked(self._data)
        super().changeEvent(event)

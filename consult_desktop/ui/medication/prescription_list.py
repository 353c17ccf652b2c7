"""`PrescriptionList`: the GP's own prescriptions, active first, stopped ones dimmed and kept as history.

Read-only table (the medication view edits through `PrescriptionEditor`); also words the outcome of an
import for the GP. GUI thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QTableWidget, QTableWidgetItem, QWidget

from consult_desktop.domain import date_text
from consult_desktop.record.medication import MedicationData
from consult_desktop.record.medication_actions import ImportOutcome

PID_ROLE = Qt.ItemDataRole.UserRole


class PrescriptionList(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setHorizontalHeaderLabels([self.tr("Your prescriptions"), self.tr("Dose and frequency"),
                                        self.tr("Start"), self.tr("End"), self.tr("Status"), self.tr("Note")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.setColumnWidth(0, 250)
        self.setColumnWidth(1, 200)
        self.setAccessibleName(self.tr("Your prescriptions"))

    def set_data(self, data: MedicationData | None, keep: str | None = None) -> None:
        """Fill from the data; `keep` is a prescription id to select again."""
        self.blockSignals(True)
        self.setRowCount(0)
        dim = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        items = sorted(data.prescriptions, key=lambda item: not item.active) if data else []
        for row, item in enumerate(items):
            self.insertRow(row)
            status = self.tr("Active") if item.active else self.tr("Stopped")
            reasons = [r.get("text") for r in item.resource.get("statusReason") or () if isinstance(r, dict)]
            if not item.active and reasons and reasons[0]:
                status += f" ({reasons[0]})"
            if not item.checked:
                status += " · " + self.tr("Not checked")
            for column, text in enumerate((item.label, item.dosage_text, date_text.display(item.start),
                                           date_text.display(item.end), status, item.note)):
                cell = QTableWidgetItem(text)
                cell.setData(PID_ROLE, item.id)
                cell.setToolTip(text)
                if not item.active:
                    cell.setForeground(dim)
                self.setItem(row, column, cell)
            if item.id == keep:
                self.selectRow(row)
        self.blockSignals(False)

    def selected_id(self) -> str | None:
        items = self.selectedItems()
        return str(items[0].data(PID_ROLE)) if items else None

    def select_id(self, pid: str) -> None:
        for row in range(self.rowCount()):
            if self.item(row, 0).data(PID_ROLE) == pid:
                self.selectRow(row)
                return

    def ask_import_path(self) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import your medication list"), "",
            self.tr("Medication lists (*.csv *.json *.ndjson *.txt);;All files (*)"))
        return Path(chosen) if chosen else None

    def row_texts(self) -> list[list[str]]:
        return [[self.item(row, column).text() for column in range(self.columnCount())]
                for row in range(self.rowCount())]

    def import_summary(self, outcome: ImportOutcome) -> str:
        """`Rows imported: 3 (…). Skipped: 1 (row 2: no name, ATC or CNK code).`"""
        reasons = {"no-name": self.tr("no name, ATC or CNK code"), "duplicate": self.tr("already on your list")}
        text = self.tr("Rows imported: %1 (already stopped, kept as history: %2).").replace(
            "%1", str(outcome.imported)).replace("%2", str(outcome.stopped))
        if outcome.skipped:
            skipped = "; ".join(self.tr("row %1: %2").replace("%1", row).replace("%2", reasons.get(why, why))
                                for row, why in outcome.skipped)
            text += " " + self.tr("Skipped: %1 (%2).").replace("%1", str(len(outcome.skipped))).replace("%2", skipped)
        if outcome.not_matched:
            text += " " + self.tr("Not matched to known ingredients (not checked): %1.").replace(
                "%1", ", ".join(outcome.not_matched))
        return text

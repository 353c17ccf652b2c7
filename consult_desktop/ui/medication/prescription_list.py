"""`PrescriptionList`: the GP's own prescriptions, active first, stopped ones dimmed and kept as history.

Read-only table (the medication view edits through `PrescriptionEditor`; files are imported through the
preview of `MedicationFileActions`). GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from consult_desktop.domain import date_text
from consult_desktop.record.medication import MedicationData

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

    def row_texts(self) -> list[list[str]]:
        return [[self.item(row, column).text() for column in range(self.columnCount())]
                for row in range(self.rowCount())]

"""`MedicationPlaceholder`: what the medication tab shows until the comparison view is put in its place
with `PatientView.set_medication_widget(...)`. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class MedicationPlaceholder(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(self.tr("The medication comparison view will be shown here."), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        self._label = label
        layout = QVBoxLayout(self)
        layout.addWidget(label)

    def text(self) -> str:
        return self._label.text()

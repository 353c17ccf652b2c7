"""`ProblemsTab`: the hospital's problem list (conditions: active or resolved, onset) and the allergies and
intolerances with their reactions and criticality. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from consult_desktop.domain import date_text
from consult_desktop.domain.allergy import Allergy
from consult_desktop.domain.condition import Condition
from consult_desktop.record.patient_snapshot import AllergyStatus, PatientSnapshot, is_no_known_allergy
from consult_desktop.ui.widgets import severity_style
from consult_desktop.ui.widgets.severity_style import Level

_ACTIVE = {"active", "recurrence", "relapse"}


class ProblemsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems = self._tree()
        self._allergies = self._tree()
        self._problems_title = QLabel(self)
        self._allergies_title = QLabel(self)
        for title in (self._problems_title, self._allergies_title):
            font = title.font()
            font.setBold(True)
            title.setFont(font)
        self._allergy_note = QLabel(self)
        self._allergy_note.setWordWrap(True)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self._problems_title)
        top_layout.addWidget(self._problems)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self._allergies_title)
        bottom_layout.addWidget(self._allergy_note)
        bottom_layout.addWidget(self._allergies)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        """Titles and column names in the interface language (the rows follow when the patient is shown again)."""
        self._problems.setHeaderLabels([self.tr("Problem"), self.tr("Status"), self.tr("Onset"), self.tr("Resolved"),
                                        self.tr("Verification")])
        self._problems.setAccessibleName(self.tr("Problems"))
        self._allergies.setHeaderLabels([self.tr("Substance"), self.tr("Criticality"), self.tr("Reactions"),
                                         self.tr("Category"), self.tr("Status"), self.tr("Recorded")])
        self._allergies.setAccessibleName(self.tr("Allergies and intolerances"))
        self._problems_title.setText(self.tr("Problems"))
        self._allergies_title.setText(self.tr("Allergies and intolerances"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _tree(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setSortingEnabled(False)
        tree.setUniformRowHeights(True)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        tree.header().resizeSection(0, 340)
        return tree

    def clear(self) -> None:
        self._problems.clear()
        self._allergies.clear()
        self._allergy_note.clear()
        self._allergy_note.hide()

    def set_snapshot(self, snapshot: PatientSnapshot) -> None:
        self.clear()
        for condition in snapshot.conditions:
            self._problems.addTopLevelItem(self._condition_item(condition))
        if not snapshot.conditions:
            self._problems.addTopLevelItem(QTreeWidgetItem([self.tr("No problems recorded by the hospital.")]))
        for allergy in snapshot.allergies:
            self._allergies.addTopLevelItem(self._allergy_item(allergy))
        if snapshot.allergy_status is AllergyStatus.NOT_SYNCED:
            note = self.tr("Allergies not synced: nothing was received from the hospital; this is not 'no allergies'.")
            self._allergy_note.setText(note)
            self._allergy_note.show()
        elif not snapshot.active_allergies:
            self._allergy_note.setText(self.tr("No known allergies recorded."))
            self._allergy_note.show()

    def _condition_item(self, condition: Condition) -> QTreeWidgetItem:
        status = condition.clinical_status or ""
        item = QTreeWidgetItem([
            condition.display or condition.code or self.tr("(unnamed problem)"),
            self._status_text(status),
            date_text.display(condition.onset),
            date_text.display(condition.abatement),
            self._verification_text(condition.verification_status or ""),
        ])
        if status in _ACTIVE:
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
            item.setFont(1, font)
        return item

    def _status_text(self, status: str) -> str:
        return {
            "active": self.tr("Active"),
            "recurrence": self.tr("Recurrence"),
            "relapse": self.tr("Relapse"),
            "inactive": self.tr("Inactive"),
            "remission": self.tr("Remission"),
            "resolved": self.tr("Resolved"),
        }.get(status, status)

    def _allergy_item(self, allergy: Allergy) -> QTreeWidgetItem:
        reactions = []
        for reaction in allergy.reactions:
            text = ", ".join(reaction.manifestations)
            if reaction.severity:
                text += f" ({self._severity_text(reaction.severity)})"
            if text:
                reactions.append(text)
        criticality = {"high": "⚠ " + self.tr("High"), "low": self.tr("Low"),
                       "unable-to-assess": self.tr("Unable to assess")}.get(allergy.criticality or "", "")
        substance = allergy.substance_display or allergy.substance_code or self.tr("(unnamed substance)")
        if is_no_known_allergy(allergy):
            substance = self.tr("No known allergy (recorded statement)")
        item = QTreeWidgetItem([
            substance,
            criticality,
            "; ".join(reactions),
            ", ".join(allergy.category),
            self._status_text(allergy.clinical_status or "") if allergy.is_active else
            self.tr("Inactive or refuted"),
            date_text.display(allergy.recorded_date),
        ])
        if allergy.criticality == "high" and allergy.is_active:
            colour = severity_style.foreground(Level.HIGH, self.palette())
            font = QFont(item.font(0))
            font.setBold(True)
            for column in (0, 1):
                item.setFont(column, font)
                if colour is not None:
                    item.setForeground(column, colour)
        return item

    def _verification_text(self, status: str) -> str:
        return {
            "confirmed": self.tr("Confirmed"),
            "provisional": self.tr("Provisional"),
            "differential": self.tr("Differential"),
            "unconfirmed": self.tr("Unconfirmed"),
            "refuted": self.tr("Refuted"),
            "entered-in-error": self.tr("Entered in error"),
        }.get(status, status)

    def _severity_text(self, severity: str) -> str:
        return {"mild": self.tr("mild"), "moderate": self.tr("moderate"), "severe": self.tr("severe")}.get(
            severity, severity)

    # -- for tests ------------------------------------------------------------------------------------------
    def problem_texts(self) -> list[str]:
        return [self._problems.topLevelItem(i).text(0) for i in range(self._problems.topLevelItemCount())]

    def allergy_texts(self) -> list[str]:
        return [self._allergies.topLevelItem(i).text(0) for i in range(self._allergies.topLevelItemCount())]

"""`PatientHeader`: who the open record belongs to (name, age, sex, SSIN) and the allergy banner.

The banner has three distinct states, because "nothing recorded" and "we do not know" must never look
alike to a prescriber: active allergies (high criticality in the warning style, with ⚠), "No known
allergies recorded", and "Allergies not synced". GUI thread only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from consult_desktop.domain import date_text
from consult_desktop.domain.allergy import Allergy
from consult_desktop.domain.patient import display_name
from consult_desktop.meds import report
from consult_desktop.meds.language import process_language
from consult_desktop.record.patient_snapshot import AllergyStatus, PatientSnapshot
from consult_desktop.ui.widgets import severity_style
from consult_desktop.ui.widgets.severity_style import Level


def format_ssin(ssin: str | None) -> str:
    """Belgian national number as ``YY.MM.DD-XXX.CC``; anything that is not 11 digits is shown as sent."""
    if not ssin:
        return ""
    digits = "".join(c for c in ssin if c.isdigit())
    if len(digits) != 11:
        return ssin
    return f"{digits[0:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:11]}"


class PatientHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = QLabel(self)
        self._name.setTextFormat(Qt.TextFormat.PlainText)
        self._name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self._name.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self._name.setFont(font)
        self._details = QLabel(self)
        self._details.setTextFormat(Qt.TextFormat.PlainText)
        self._details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._allergies = QLabel(self)
        self._allergies.setTextFormat(Qt.TextFormat.PlainText)
        self._allergies.setWordWrap(True)
        self._allergies.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._allergies.setAccessibleName(self.tr("Allergies"))
        self._level = Level.NORMAL
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self._name)
        layout.addWidget(self._details)
        layout.addWidget(self._allergies)
        self.clear()

    def clear(self) -> None:
        self._name.clear()
        self._details.clear()
        self._allergies.clear()
        self._allergies.setStyleSheet("")
        self._allergies.hide()
        self._level = Level.NORMAL

    def show_loading(self) -> None:
        self.clear()
        self._name.setText(self.tr("Opening the record…"))

    def set_snapshot(self, snapshot: PatientSnapshot, today: dt.date | None = None) -> None:
        patient = snapshot.patient
        if patient is None:
            self._name.setText(self.tr("Patient %1 (no demographic data stored)").replace("%1", snapshot.patient_id))
            self._details.clear()
        else:
            name = display_name(patient)
            if patient.deceased:
                name += "  †"
            self._name.setText(name)
            parts: list[str] = []
            age = date_text.age_years(patient.birth_date, today)
            if age is not None:
                parts.append(self.tr("age %1").replace("%1", str(age)) if not patient.deceased else self.tr("Deceased"))
            if patient.birth_date:
                parts.append(self.tr("born %1").replace("%1", date_text.display(patient.birth_date)))
            parts.append(self._sex_text(patient.sex))
            if patient.ssin:
                parts.append(self.tr("SSIN %1").replace("%1", format_ssin(patient.ssin)))
            else:
                parts.append(self.tr("no SSIN recorded"))
            self._details.setText("  ·  ".join(p for p in parts if p))
        self._show_allergies(snapshot)

    def _sex_text(self, sex: str | None) -> str:
        return {
            "male": self.tr("Male"),
            "female": self.tr("Female"),
            "other": self.tr("Other sex"),
        }.get(sex or "", self.tr("Sex unknown"))

    def _show_allergies(self, snapshot: PatientSnapshot) -> None:
        status = snapshot.allergy_status
        if status is AllergyStatus.NOT_SYNCED:
            text = self.tr("Allergies not synced: no allergy information has been received from the hospital.")
            level = Level.ABNORMAL
        elif status is AllergyStatus.NONE_RECORDED:
            text = self.tr("No known allergies recorded.")
            level = Level.NORMAL
        else:
            active = snapshot.active_allergies
            high = any(a.criticality == "high" for a in active)
            items = "; ".join(self._allergy_text(a, a.id in snapshot.allergies_not_checked) for a in active)
            text = ("⚠ " if high else "") + self.tr("Allergies: %1").replace("%1", items)
            level = Level.WARNING if high else Level.ABNORMAL
        self._level = level
        self._allergies.setText(text)
        self._allergies.setStyleSheet(severity_style.band_style(level, self.palette()))
        self._allergies.show()

    def _allergy_text(self, allergy: Allergy, not_checked: bool = False) -> str:
        text = allergy.substance_display or allergy.substance_code or self.tr("unnamed substance")
        details: list[str] = []
        if allergy.criticality == "high":
            details.append(self.tr("HIGH criticality"))
        manifestations = [m for r in allergy.reactions for m in r.manifestations]
        if manifestations:
            details.append(", ".join(dict.fromkeys(manifestations)))
        if allergy.verification_status == "unconfirmed":
            details.append(self.tr("unconfirmed"))
        if not_checked:  # the medication checks cannot read it (decided on the database lane, see patient_snapshot)
            details.append(report.text("allergy_not_checked", process_language()))
        return f"{text} ({'; '.join(details)})" if details else text

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.PaletteChange and self._allergies.isVisible():
            self._allergies.setStyleSheet(severity_style.band_style(self._level, self.palette()))
        super().changeEvent(event)

    # -- for the patient view and tests --------------------------------------------------------------------
    def name_text(self) -> str:
        return self._name.text()

    def details_text(self) -> str:
        return self._details.text()

    def allergy_text(self) -> str:
        return self._allergies.text()

    def allergy_level(self) -> Level:
        return self._level

"""`PrescriptionEditor`: adds or edits one of the GP's own prescriptions; `StopPrescriptionDialog` stops one.

The medication field completes ingredient and brand names from the knowledge base (a `QCompleter` whose
list is refilled from `suggest(prefix)` as the GP types); strength goes in the same field ("Amlodipine
5 mg"), as on a prescription. Dose, frequency, "as needed", start date and a note are separate fields. The
result is a MedicationStatement-shaped dict (`resource()`); a dosage the GP did not touch keeps its original
wording (an imported "1-0-1" stays "1-0-1"). The dialogs only build dicts: the view stores them on the
database lane. GUI thread only.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

SUGGESTIONS = 12
DATE_FORMAT = "dd/MM/yyyy"
Suggest = Callable[[str, int], list[str]]


def _date(value: str | None) -> QDate | None:
    if not value or len(value) < 10:
        return None
    found = QDate.fromString(value[:10], "yyyy-MM-dd")
    return found if found.isValid() else None


class PrescriptionEditor(QDialog):
    def __init__(self, suggest: Suggest, resource: dict[str, Any] | None = None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._suggest = suggest
        self._original = copy.deepcopy(resource) if resource else None
        self._dosage_touched = False
        self.setWindowTitle(self.tr("Edit prescription") if resource else self.tr("New prescription"))
        self.setModal(True)

        self.medication = QLineEdit(self)
        self.medication.setPlaceholderText(self.tr("Ingredient or brand, with strength (e.g. Amlodipine 5 mg)"))
        self.medication.setAccessibleName(self.tr("Medication"))
        self._suggestions = QStringListModel(self)
        self.completer = QCompleter(self._suggestions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.medication.setCompleter(self.completer)

        self.dose = QDoubleSpinBox(self)
        self.dose.setRange(0, 10000)
        self.dose.setDecimals(2)
        self.dose.setSingleStep(0.5)
        self.dose.setSpecialValueText(self.tr("not stated"))
        self.dose.setAccessibleName(self.tr("Dose"))
        self.unit = QComboBox(self)
        self.unit.setEditable(True)
        self.unit.addItems([self.tr("tablet"), self.tr("capsule"), "mg", "ml", self.tr("drops"), self.tr("puffs"),
                            self.tr("sachet"), self.tr("units"), self.tr("application")])
        self.unit.setAccessibleName(self.tr("Dose unit"))
        self.times = QSpinBox(self)
        self.times.setRange(0, 24)
        self.times.setSpecialValueText(self.tr("not stated"))
        self.times.setSuffix(self.tr("×"))
        self.times.setAccessibleName(self.tr("Times"))
        self.period = QComboBox(self)
        self.period.addItem(self.tr("per day"), "d")
        self.period.addItem(self.tr("per week"), "wk")
        self.period.setAccessibleName(self.tr("Period"))
        self.as_needed = QCheckBox(self.tr("as needed"), self)
        self.start = QDateEdit(QDate.currentDate(), self)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(DATE_FORMAT)
        self.start.setAccessibleName(self.tr("Start date"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Optional"))
        self.note.setAccessibleName(self.tr("Note"))

        dose_row = QHBoxLayout()
        dose_row.addWidget(self.dose)
        dose_row.addWidget(self.unit, 1)
        frequency_row = QHBoxLayout()
        frequency_row.addWidget(self.times)
        frequency_row.addWidget(self.period, 1)
        frequency_row.addWidget(self.as_needed)
        dose_label = QLabel(self.tr("&Dose:"), self)
        dose_label.setBuddy(self.dose)
        frequency_label = QLabel(self.tr("&Frequency:"), self)
        frequency_label.setBuddy(self.times)
        form = QFormLayout()
        form.addRow(self.tr("&Medication:"), self.medication)  # a text label gets the field as its buddy
        form.addRow(dose_label, dose_row)
        form.addRow(frequency_label, frequency_row)
        form.addRow(self.tr("&Start date:"), self.start)
        form.addRow(self.tr("&Note:"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.medication.textEdited.connect(self._refresh_suggestions)
        self.medication.textChanged.connect(self._update)
        if resource:
            self._load(resource)
        for signal in (self.dose.valueChanged, self.unit.currentTextChanged, self.times.valueChanged,
                       self.period.currentIndexChanged, self.as_needed.toggled):
            signal.connect(self._touch)
        self._update()

    # -- filling --------------------------------------------------------------------------------------------
    def set_values(self, name: str, dose: float | None = None, unit: str | None = None, per_day: float | None = None,
                   as_needed: bool = False, note: str = "") -> None:
        """Prefill (e.g. from the hospital's line)."""
        self.medication.setText(name)
        self.dose.setValue(dose or 0)
        if unit:
            self.unit.setCurrentText(unit)
        self._set_per_day(per_day)
        self.as_needed.setChecked(as_needed)
        self.note.setText(note)
        self._dosage_touched = True

    def _load(self, resource: dict[str, Any]) -> None:
        concept = resource.get("medicationCodeableConcept") or {}
        name = concept.get("text") or next((c.get("display") for c in concept.get("coding") or ()
                                            if c.get("display")), "") or \
            (resource.get("medicationReference") or {}).get("display") or ""
        self.medication.setText(str(name))
        dosage = (resource.get("dosage") or [{}])[0]
        quantity = next((item.get("doseQuantity") for item in dosage.get("doseAndRate") or ()
                         if isinstance(item, dict) and item.get("doseQuantity")), None) or {}
        if isinstance(quantity.get("value"), (int, float)):
            self.dose.setValue(float(quantity["value"]))
        if quantity.get("unit"):
            self.unit.setCurrentText(str(quantity["unit"]))
        repeat = (dosage.get("timing") or {}).get("repeat") or {}
        frequency, period, unit = repeat.get("frequency"), repeat.get("period") or 1, repeat.get("periodUnit")
        if isinstance(frequency, (int, float)) and unit in ("d", "wk") and period:
            self._set_per_day(frequency / period / (7 if unit == "wk" else 1))
        self.as_needed.setChecked(bool(dosage.get("asNeededBoolean")))
        start = _date((resource.get("effectivePeriod") or {}).get("start") or resource.get("effectiveDateTime"))
        if start is not None:
            self.start.setDate(start)
        notes = [str(n.get("text")) for n in resource.get("note") or () if isinstance(n, dict) and n.get("text")]
        self.note.setText(" ".join(notes))

    def _set_per_day(self, per_day: float | None) -> None:
        if per_day is None or per_day <= 0:
            self.times.setValue(0)
        elif per_day >= 1 - 1e-6:
            self.times.setValue(round(per_day))
            self.period.setCurrentIndex(0)
        else:
            self.times.setValue(max(1, round(per_day * 7)))
            self.period.setCurrentIndex(1)

    # -- result ---------------------------------------------------------------------------------------------
    def resource(self) -> dict[str, Any]:
        """The prescription as a MedicationStatement dict (other fields of an edited one are kept)."""
        out: dict[str, Any] = copy.deepcopy(self._original) if self._original else {}
        out["resourceType"] = "MedicationStatement"
        out.setdefault("status", "active")
        name = self.medication.text().strip()
        concept = dict(out.get("medicationCodeableConcept") or {})
        if concept.get("text") != name:
            concept = {"text": name}  # a new name: codes of the old one no longer apply
        out["medicationCodeableConcept"] = concept
        out.pop("medicationReference", None)
        original_dosage = (self._original or {}).get("dosage")
        if not self._dosage_touched and original_dosage:
            out["dosage"] = original_dosage
        else:
            dosage = self._dosage()
            if dosage:
                out["dosage"] = [dosage]
            else:
                out.pop("dosage", None)
        out["effectivePeriod"] = {**(out.get("effectivePeriod") or {}),
                                  "start": self.start.date().toString("yyyy-MM-dd")}
        out.pop("effectiveDateTime", None)
        note = self.note.text().strip()
        if note:
            out["note"] = [{"text": note}]
        else:
            out.pop("note", None)
        return out

    def _dosage(self) -> dict[str, Any]:
        dosage: dict[str, Any] = {}
        words = []
        if self.dose.value() > 0:
            unit = self.unit.currentText().strip()
            dosage["doseAndRate"] = [{"doseQuantity": {"value": self.dose.value(), "unit": unit}}]
            words.append(f"{self.dose.value():g} {unit}".strip())
        if self.times.value() > 0:
            period_unit = self.period.currentData()
            dosage["timing"] = {"repeat": {"frequency": self.times.value(), "period": 1, "periodUnit": period_unit}}
            template = self.tr("%1x/day") if period_unit == "d" else self.tr("%1x/week")
            words.append(template.replace("%1", str(self.times.value())))
        if self.as_needed.isChecked():
            dosage["asNeededBoolean"] = True
            words.append(self.tr("as needed"))
        if words:
            dosage["text"] = ", ".join(words)
        return dosage

    # -- reactions ------------------------------------------------------------------------------------------
    def _refresh_suggestions(self, text: str) -> None:
        found = self._suggest(text.strip(), SUGGESTIONS) if len(text.strip()) >= 2 else []
        self._suggestions.setStringList(found)
        if found and self.medication.hasFocus():
            self.completer.complete()

    def suggestions(self) -> list[str]:
        return self._suggestions.stringList()

    def _touch(self) -> None:
        self._dosage_touched = True

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(self.medication.text().strip()))


class StopPrescriptionDialog(QDialog):
    """Stopping keeps the prescription as history, with its end date and an optional reason."""

    def __init__(self, label: str, start: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stop prescription"))
        self.setModal(True)
        text = QLabel(self.tr("Stop %1? It stays in the list as history.").replace("%1", label), self)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        self.end = QDateEdit(QDate.currentDate(), self)
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat(DATE_FORMAT)
        self.end.setAccessibleName(self.tr("End date"))
        started = _date(start)
        if started is not None:
            self.end.setMinimumDate(started)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Optional"))
        self.reason.setAccessibleName(self.tr("Reason"))
        form = QFormLayout()
        form.addRow(self.tr("End date:"), self.end)
        form.addRow(self.tr("Reason:"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Stop"))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def end_date(self) -> str:
        return self.end.date().toString("yyyy-MM-dd")

    def reason_text(self) -> str:
        return self.reason.text().strip()

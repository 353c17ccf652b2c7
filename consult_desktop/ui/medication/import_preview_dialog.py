"""`ImportPreviewDialog`: what importing a medication file will do, before anything is stored.

Shows whether the file's patient is the patient on screen (a different patient cannot be imported; a file
that does not identify its patient needs the GP's confirmation), each line planned as added / changed /
suspended / stopped / unchanged with the posology in the GP's words, the lines that cannot be read with their
reason, and the allergies and problems of a SUMEHR as "from the GP's SUMEHR". Accepting asks the caller to
commit. Built from plain data (an `ImportPreview`); GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.domain.file_messages import localised, place, word
from consult_desktop.medlist.importer import ImportPreview
from consult_desktop.meds.knowledge_base import load_knowledge_base
from consult_desktop.meds.language import process_language


class ImportPreviewDialog(QDialog):
    def __init__(self, preview: ImportPreview, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Import a medication list"))
        self.resize(900, 560)
        language = process_language()  # the interface language, as for the medication texts
        kb = load_knowledge_base()
        plan_words = {"added": self.tr("added"), "changed": self.tr("changed"), "suspended": self.tr("suspended"),
                      "stopped": self.tr("stopped"), "unchanged": self.tr("unchanged")}
        layout = QVBoxLayout(self)
        self.file_label = self._label(self.tr("File: %1 (%2)").replace("%1", file_name)
                                      .replace("%2", preview.report.format))
        outcome = preview.match.outcome
        match_text = {"match": self.tr("Patient checked: the file is about this patient (%1).")
                      .replace("%1", self.tr("national number") if preview.match.by == "ssin"
                               else self.tr("name and birth date")),
                      "mismatch": self.tr("Refused: the file is about another patient. Nothing can be imported."),
                      "unverified": self.tr("The file does not identify its patient well enough to check it.")}
        self.match_label = self._label(match_text[outcome])
        self.match_label.setStyleSheet("font-weight: bold")
        counts = {kind: preview.count(kind) for kind in plan_words}
        self.summary_label = self._label(
            self.tr("%1 added, %2 changed, %3 suspended, %4 stopped, %5 unchanged; %6 lines cannot be read.")
            .replace("%1", str(counts["added"])).replace("%2", str(counts["changed"]))
            .replace("%3", str(counts["suspended"])).replace("%4", str(counts["stopped"]))
            .replace("%5", str(counts["unchanged"])).replace("%6", str(preview.report.summary["unreadable"])))
        for label in (self.file_label, self.match_label, self.summary_label):
            layout.addWidget(label)

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Change"), self.tr("Medicine"), self.tr("Posology"),
                                              self.tr("Checked against")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, 260)
        self.table.setColumnWidth(3, 200)
        for item in preview.planned:
            line = item.line
            ingredients = self.tr("not recognised (not checked)")
            if line.entry and line.resolved:
                ingredients = ", ".join(sorted(kb.name(ingredient, language).lower()
                                               for ingredient in line.entry.ingredient_ids))
            words = line.words.get(language) or (line.entry.dosage.text if line.entry else "")
            self._add_row([plan_words[item.kind], line.product, words, ingredients])
        layout.addWidget(self.table, 1)

        self.unreadable = QListWidget(self)
        for line in preview.report.lines:
            if not line.readable:
                self.unreadable.addItem(self.tr("Cannot be read (%1): %2").replace("%1", place(line.source, language))
                                        .replace("%2", localised(line.reason, language)))
        self.sumehr = QListWidget(self)
        for found in preview.report.sumehr:
            self.sumehr.addItem(self.tr("From the GP's SUMEHR (%1): %2").replace("%1", word(found.kind, language))
                                .replace("%2", found.text))
        self.notes = QListWidget(self)
        # e.g. rows of a CSV without a name or code, skipped
        self.notes.addItems([localised(warning, language) for warning in preview.report.warnings])
        for title, widget in ((self.tr("Lines that cannot be read"), self.unreadable),
                              (self.tr("Notes on the file"), self.notes),
                              (self.tr("Allergies, problems and vaccinations from the GP's SUMEHR (not imported)"),
                               self.sumehr)):
            if widget.count():
                layout.addWidget(self._label(title))
                layout.addWidget(widget)
            else:
                widget.hide()  # not in the layout: it must not float over the dialog

        self.confirm = QCheckBox(self.tr("I confirm that this file is about the patient on screen"), self)
        self.confirm.setVisible(outcome == "unverified")
        layout.addWidget(self.confirm)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.confirm.toggled.connect(lambda _checked: self._update())
        self._update()

    def _label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # names of medicines and files are never markup
        return label

    def _add_row(self, values: list[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def _update(self) -> None:
        outcome = self.preview.match.outcome
        planned = any(item.kind != "unchanged" for item in self.preview.planned)
        allowed = outcome == "match" or (outcome == "unverified" and self.confirm.isChecked())
        self.import_button.setEnabled(allowed and planned)

    @property
    def confirmed(self) -> bool:
        return self.confirm.isChecked()

    def row_texts(self) -> list[list[str]]:
        return [[self.table.item(row, column).text() for column in range(self.table.columnCount())]
                for row in range(self.table.rowCount())]

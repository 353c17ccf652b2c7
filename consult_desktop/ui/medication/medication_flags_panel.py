"""`MedicationFlagsPanel`: every safety flag of the comparison, most severe first, with its full text; and the
two dialogs that acknowledge flags.

Each flag shows its severity as an icon, a word and a colour; acknowledged flags are dimmed and carry the
GP's reason. Choosing a flag shows its effect, mechanism, management and sources below the list and emits
`flag_selected` (the view highlights the lines it is about). `AcknowledgeDialog` asks for the reason of one
acknowledgement; `ContraindicationDialog` is the one interruption of the medication view: it lists the
contraindicated combinations not yet acknowledged. GUI thread only.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.meds import report
from consult_desktop.meds.language import process_language
from consult_desktop.meds.models import Flag
from consult_desktop.record.medication import MedicationData
from consult_desktop.ui.widgets import severity_icons

FLAG_INDEX = Qt.ItemDataRole.UserRole


class MedicationFlagsPanel(QWidget):
    flag_selected = Signal(int)  # index into comparison.flags, -1 when none
    acknowledge_requested = Signal(int)  # index into comparison.flags

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: MedicationData | None = None
        self._names = severity_icons.SeverityNames(self)
        self._title = QLabel(self.tr("Safety flags"), self)
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._list = QListWidget(self)
        self._list.setAccessibleName(self.tr("Safety flags"))
        self._list.setWordWrap(True)
        self._details = QTextBrowser(self)
        self._details.setAccessibleName(self.tr("Flag details"))
        self._details.setOpenLinks(False)
        self._acknowledge = QPushButton(self.tr("Acknowledge with a reason…"), self)
        self._acknowledge.setEnabled(False)
        self._empty = QLabel(self)
        self._empty.setWordWrap(True)
        self._empty.setTextFormat(Qt.TextFormat.PlainText)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._list)
        splitter.addWidget(self._details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._acknowledge)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self._empty)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._list.currentItemChanged.connect(lambda _item, _previous: self._current_changed())
        self._acknowledge.clicked.connect(self._acknowledge_clicked)
        self.set_data(None)

    # -- data ---------------------------------------------------------------------------------------------
    def set_data(self, data: MedicationData | None) -> None:
        """Fill the list; the flag chosen before stays chosen when it still exists."""
        previous = self.current_flag_key()
        self._data = data
        self._list.blockSignals(True)
        self._list.clear()
        flags = data.comparison.flags if data else ()
        for number, flag in enumerate(flags):
            item = QListWidgetItem(self._list)
            item.setData(FLAG_INDEX, number)
            self._style_item(item, flag)
        self._list.blockSignals(False)
        if data is None:
            self._empty.setText("")
        elif not flags:
            self._empty.setText(self.tr("No interaction, duplicate, allergy or kidney-function flag for the "
                                        "medicines that could be checked."))
        else:
            self._empty.setText(self.tr("Flags: %1, most severe first. Choose one to see its lines.").replace(
                "%1", str(len(flags))))
        self._empty.setVisible(data is not None)
        if previous is not None and data is not None and previous in data.flag_keys:
            self._list.setCurrentRow(data.flag_keys.index(previous))
        else:
            self._current_changed()

    def clear(self) -> None:
        self.set_data(None)

    def _style_item(self, item: QListWidgetItem, flag: Flag) -> None:
        assert self._data is not None
        palette = self.palette()
        ack = self._data.acknowledgements.get(self._data.flag_key(flag))
        text = f"{self._names.word(flag.severity)} — {flag.summary}"
        if ack is not None:
            text += "\n" + self.tr("Acknowledged: %1").replace("%1", ack.reason)
            item.setForeground(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        else:
            item.setForeground(severity_icons.colour(flag.severity, palette))
        item.setText(text)
        item.setIcon(severity_icons.icon(flag.severity, palette, dimmed=ack is not None))
        item.setToolTip(text)

    # -- reading --------------------------------------------------------------------------------------------
    def current_flag(self) -> int:
        item = self._list.currentItem()
        return int(item.data(FLAG_INDEX)) if item is not None else -1

    def current_flag_key(self) -> str | None:
        number = self.current_flag()
        return self._data.flag_keys[number] if self._data is not None and number >= 0 else None

    def select_flag(self, number: int) -> None:
        self._list.setCurrentRow(number)

    def item_texts(self) -> list[str]:
        return [self._list.item(i).text() for i in range(self._list.count())]

    def details_text(self) -> str:
        return self._details.toPlainText()

    def list_widget(self) -> QListWidget:
        return self._list

    def acknowledge_button(self) -> QPushButton:
        return self._acknowledge

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.PaletteChange and self._data is not None:
            for row in range(self._list.count()):
                item = self._list.item(row)
                self._style_item(item, self._data.comparison.flags[int(item.data(FLAG_INDEX))])
        super().changeEvent(event)

    # -- reactions ------------------------------------------------------------------------------------------
    def _current_changed(self) -> None:
        number = self.current_flag()
        data = self._data
        if data is None or number < 0:
            self._details.clear()
            self._acknowledge.setEnabled(False)
            self.flag_selected.emit(-1)
            return
        ack = data.acknowledgements.get(data.flag_keys[number])
        self._details.setHtml(self.details_html(data, number))
        self._acknowledge.setEnabled(ack is None)
        self.flag_selected.emit(number)

    def details_html(self, data: MedicationData, number: int) -> str:
        flag = data.comparison.flags[number]
        esc = html.escape
        colour = severity_icons.colour(flag.severity, self.palette()).name()
        parts = [f"<p><b style='color:{colour}'>{esc(self._names.word(flag.severity))}</b> · "
                 f"{esc(self._names.kind(flag.kind))}</p>", f"<p><b>{esc(flag.summary)}</b></p>"]
        for label, value in ((self.tr("Effect"), flag.effect), (self.tr("Mechanism"), flag.mechanism),
                             (self.tr("Management"), flag.management)):
            if value:
                parts.append(f"<p><b>{esc(label)}:</b> {esc(value)}</p>")
        # tr() outside f-strings, so that lupdate finds the texts.
        lines_label, source_label, rule_text = self.tr("Lines"), self.tr("Source"), self.tr("Rule: %1")
        if flag.includes:  # the other flags of the same clinical problem (texts from the knowledge base)
            items = "".join(f"<li>{esc(item)}</li>" for item in flag.includes)
            parts.append(f"<p><b>{esc(report.text('includes', process_language()))}:</b></p><ul>{items}</ul>")
        lines = [data.comparison.lines[i].label for i in data.flag_lines[number]]
        if lines:
            parts.append(f"<p><b>{esc(lines_label)}:</b> {esc(', '.join(lines))}</p>")
        if flag.sources:
            items = "".join(f"<li>{esc(source)}</li>" for source in flag.sources)
            parts.append(f"<p><b>{esc(source_label)}:</b></p><ul>{items}</ul>")
        parts.append(f"<p><small>{esc(rule_text.replace('%1', flag.rule_id))}</small></p>")
        ack = data.acknowledgements.get(data.flag_keys[number])
        if ack is not None:
            parts.append("<p><i>" + esc(self.tr("Acknowledged on %1: %2").replace("%1", ack.at[:10]).replace(
                "%2", ack.reason)) + "</i></p>")
        return "".join(parts)

    def _acknowledge_clicked(self) -> None:
        number = self.current_flag()
        if number >= 0:
            self.acknowledge_requested.emit(number)


class AcknowledgeDialog(QDialog):
    """Asks why a flag is accepted; OK only with a reason."""

    def __init__(self, flag_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Acknowledge a flag"))
        self.setModal(True)
        self.setMinimumSize(480, 200)  # room for the title bar's text and a flag summary of two lines
        label = QLabel(flag_text, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why this is accepted for this patient (stored and audited)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Acknowledge"))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(QLabel(self.tr("Reason:"), self))
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason.text().strip()))

    def reason_text(self) -> str:
        return self.reason.text().strip()


class ContraindicationDialog(QDialog):
    """The medication view's only interruption: contraindicated combinations not acknowledged yet."""

    acknowledged = Signal(str)  # the reason
    show_requested = Signal()

    def __init__(self, flags: list[Flag], patient_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contraindicated medication"))
        self.setModal(True)
        names = severity_icons.SeverityNames(self)
        intro = QLabel(self.intro_text({flag.kind for flag in flags}).replace(
            "%1", patient_name or self.tr("this patient")), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Contraindicated combinations"))
        for flag in flags:
            text = f"{names.word(flag.severity)} — {flag.summary}"
            if flag.management:
                text += "\n" + self.tr("Management: %1").replace("%1", flag.management)
            item = QListWidgetItem(severity_icons.icon(flag.severity, self.palette()), text, self.list)
            item.setToolTip(text)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason, to acknowledge (stored and audited)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.acknowledge_button = QPushButton(self.tr("Acknowledge"), self)
        self.show_button = QPushButton(self.tr("Show the medication"), self)
        self.later_button = QPushButton(self.tr("Not now"), self)
        row = QHBoxLayout()
        row.addWidget(self.show_button)
        row.addStretch(1)
        row.addWidget(self.later_button)
        row.addWidget(self.acknowledge_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel(self.tr("Reason:"), self))
        layout.addWidget(self.reason)
        layout.addLayout(row)
        self.resize(560, 360)
        self.reason.textChanged.connect(self._update)
        self.acknowledge_button.clicked.connect(self._acknowledge)
        self.show_button.clicked.connect(lambda: (self.show_requested.emit(), self.reject()))
        self.later_button.clicked.connect(self.reject)
        self._update()

    def intro_text(self, kinds: set[str]) -> str:
        """What the flags are about, in words that fit their kind (%1: the patient)."""
        if kinds == {"interaction"} or kinds == {"duplicate"} or kinds == {"interaction", "duplicate"}:
            return self.tr("The medication of %1 combines medicines that must not be taken together:")
        if kinds == {"renal"}:
            return self.tr("The medication of %1 contains medicines that must not be used at this kidney "
                           "function:")
        if kinds == {"allergy"}:
            return self.tr("The medication of %1 contains medicines the patient must not take because of a "
                           "recorded allergy:")
        if kinds == {"dose"}:
            return self.tr("The medication of %1 contains a dose that must not be given:")
        return self.tr("The medication of %1 contains medicines that must not be used:")

    def _update(self) -> None:
        self.acknowledge_button.setEnabled(bool(self.reason.text().strip()))

    def _acknowledge(self) -> None:
        reason = self.reason.text().strip()
        if reason:
            self.acknowledged.emit(reason)
            self.accept()

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

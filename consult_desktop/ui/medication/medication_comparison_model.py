"""`MedicationComparisonModel`: the hospital's medication beside the GP's, one row per medicine.

Columns: status (unchanged / changed / new at the hospital / stopped at the hospital / GP only, and "not
checked" for medicines that could not be matched to known ingredients), the hospital's line, the GP's line,
the change in words ("10 mg → 20 mg", "2x/day → 1x/day"), the worst open safety flag (icon, word and colour,
dimmed once acknowledged) and the GP's decision (continue / stop / modify). Rows chosen through the flags
panel are highlighted with a background, a bold font and a "▶" mark. Rows come from a `MedicationData`
built on the database lane; `comparison_table()` builds the read-only table view that shows them. GUI thread
only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QStyle, QTableView, QWidget

from consult_desktop.meds.comparison import CHANGED, GP_ONLY, NEW, STOPPED, UNCHANGED, ComparisonLine
from consult_desktop.meds.models import Dosage, Flag, MedicationEntry
from consult_desktop.record.medication import MedicationData
from consult_desktop.ui.widgets import severity_icons, severity_style
from consult_desktop.ui.widgets.headered_table_model import HeaderedTableModel

LINE_ROLE = Qt.ItemDataRole.UserRole  # index of the line in the comparison
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # stable line key ("line:...")
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2  # worst open flag severity ("" when none)

Index = QModelIndex | QPersistentModelIndex


class MedicationComparisonModel(HeaderedTableModel):
    STATUS, HOSPITAL, GP, CHANGE, FLAGS, DECISION = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data: MedicationData | None = None
        self._highlight: set[int] = set()
        self._open: list[list[Flag]] = []  # per line: flags not acknowledged
        self._palette: QPalette | None = None
        self._names = severity_icons.SeverityNames(self)
        self._headers = (self.tr("Status"), self.tr("Hospital"), self.tr("GP (your list)"),
                         self.tr("Change (GP → hospital)"), self.tr("Safety flags"), self.tr("Decision"))
        self._status_words = {
            UNCHANGED: self.tr("Unchanged"), CHANGED: self.tr("Changed"), NEW: self.tr("New at the hospital"),
            STOPPED: self.tr("Stopped at the hospital"), GP_ONLY: self.tr("GP only"),
        }
        self._decision_words = {"continue": self.tr("Continue"), "stop": self.tr("Stop"), "modify": self.tr("Modify")}

    # -- data -----------------------------------------------------------------------------------------------
    def set_data(self, data: MedicationData | None) -> None:
        self.beginResetModel()
        self._data = data
        self._highlight = set()
        self._open = []
        if data is not None:  # computed once: data() asks for it on every repaint
            self._open = [[flag for flag in line.flags if data.flag_key(flag) not in data.acknowledgements]
                          for line in data.comparison.lines]
        self.endResetModel()

    def medication_data(self) -> MedicationData | None:
        return self._data

    def line_at(self, row: int) -> ComparisonLine:
        assert self._data is not None
        return self._data.comparison.lines[row]

    def set_highlight(self, rows: set[int] | frozenset[int] | tuple[int, ...]) -> None:
        self._highlight = set(rows)
        self._refresh()

    def highlighted(self) -> set[int]:
        return set(self._highlight)

    def set_palette(self, palette: QPalette) -> None:
        self._palette = palette
        self._refresh()

    def open_flags(self, row: int) -> list[Flag]:
        """The line's flags not acknowledged yet, most severe first."""
        return self._open[row] if 0 <= row < len(self._open) else []

    # -- words, shared with the PDF summary ------------------------------------------------------------------
    def status_word(self, line: ComparisonLine) -> str:
        word = self._status_words.get(line.status, line.status)
        return word if line.checked else word + " · " + self.tr("Not checked")

    def decision_word(self, decision: str | None) -> str:
        return self._decision_words.get(decision or "", "")

    def severity_word(self, severity: str) -> str:
        return self._names.word(severity)

    def kind_word(self, kind: str) -> str:
        return self._names.kind(kind)

    def entry_text(self, entry: MedicationEntry | None) -> str:
        if entry is None:
            return ""
        dosage = self.dosage_text(entry.dosage)
        text = f"{entry.label} — {dosage}" if dosage else entry.label
        if not entry.active:
            text = self.tr("Stopped: %1").replace("%1", text)
            reason = self._data.stop_reasons.get(entry.resource_id) if self._data else None
            if reason:
                text += " (" + reason + ")"
        return text

    def dosage_text(self, dosage: Dosage) -> str:
        if dosage.text:
            return dosage.text
        parts = []
        if dosage.dose_value is not None:
            parts.append(f"{dosage.dose_value:g} {dosage.dose_unit or ''}".strip())
        frequency = self.frequency_text(dosage.per_day)
        if frequency:
            parts.append(frequency)
        if dosage.as_needed:
            parts.append(self.tr("as needed"))
        return ", ".join(parts)

    def frequency_text(self, per_day: float | None) -> str:
        if per_day is None or per_day <= 0:
            return ""
        if per_day >= 1 - 1e-6:
            return self.tr("%1x/day").replace("%1", f"{round(per_day, 2):g}")
        per_week = per_day * 7
        if round(per_week) >= 1 and abs(per_week - round(per_week)) < 0.05:
            return self.tr("%1x/week").replace("%1", f"{round(per_week):g}")
        return self.tr("every %1 days").replace("%1", f"{round(1 / per_day, 1):g}")

    def change_text(self, line: ComparisonLine) -> str:
        """GP's list → hospital's list, in the words of the prescription."""
        if line.status == STOPPED:
            reasons = [self._data.stop_reasons[e.resource_id] for e in line.hospital
                       if self._data and e.resource_id in self._data.stop_reasons]
            return self.tr("Reason: %1").replace("%1", reasons[0]) if reasons else ""
        if line.status != CHANGED or not line.hospital or not line.gp:
            return ""
        hospital, gp = line.hospital[0], line.gp[0]
        parts: list[str] = []
        if "strength" in line.changes:
            for item in hospital.ingredients:
                other = gp.strength_of(item.ingredient_id)
                if item.strength and other and item.strength != other:
                    prefix = f"{line.ingredients[0]} " if len(hospital.ingredients) > 1 and line.ingredients else ""
                    parts.append(f"{prefix}{other} → {item.strength}")
        if "dose" in line.changes:
            h, g = hospital.dosage, gp.dosage
            parts.append(f"{g.dose_value:g} {g.dose_unit or ''}".strip() + " → "
                         + f"{h.dose_value:g} {h.dose_unit or ''}".strip())
        if "frequency" in line.changes:
            parts.append(f"{self.frequency_text(gp.dosage.per_day)} → {self.frequency_text(hospital.dosage.per_day)}")
        return "; ".join(parts)

    def flags_text(self, row: int) -> str:
        line = self.line_at(row)
        if not line.flags:
            return "" if line.checked else self.tr("Not checked")  # never an empty cell that reads as "safe"
        open_flags = self.open_flags(row)
        if not open_flags:
            return self.tr("Acknowledged (%1)").replace("%1", str(len(line.flags)))
        worst = open_flags[0]
        text = f"{self.severity_word(worst.severity)}: {self.kind_word(worst.kind)}"
        if len(open_flags) > 1:
            text += " " + self.tr("(+%1 more)").replace("%1", str(len(open_flags) - 1))
        return text

    def decision_text(self, row: int) -> str:
        if self._data is None:
            return ""
        ack = self._data.decision(row)
        return self.decision_word(ack.decision) if ack else ""

    def row_texts(self, row: int, marks: bool = True) -> list[str]:
        """The texts of a row as shown (`marks=False`: without the highlight mark, for print)."""
        return [self._display(row, column, marks) for column in range(len(self._headers))]

    # -- Qt model -------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        if parent.isValid() or self._data is None:
            return 0
        return len(self._data.comparison.lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._data is None or not 0 <= index.row() < self.rowCount():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == LINE_ROLE:
            return row
        if role == KEY_ROLE:
            return self._data.line_keys[row]
        if role == SEVERITY_ROLE:
            open_flags = self.open_flags(row)
            return open_flags[0].severity if open_flags else ""
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column)
        if role == Qt.ItemDataRole.FontRole:
            return self._font(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _display(self, row: int, column: int, marks: bool = True) -> str:
        line = self.line_at(row)
        if column == self.STATUS:
            mark = "▶ " if marks and row in self._highlight else ""
            return mark + self.status_word(line)
        if column == self.HOSPITAL:
            return self.entry_text(line.hospital[0] if line.hospital else None)
        if column == self.GP:
            return self.entry_text(line.gp[0] if line.gp else None)
        if column == self.CHANGE:
            return self.change_text(line)
        if column == self.FLAGS:
            return self.flags_text(row)
        if column == self.DECISION:
            return self.decision_text(row)
        return ""

    def _decoration(self, row: int, column: int) -> object:
        line = self.line_at(row)
        if column == self.STATUS and not line.checked:
            style = QApplication.style()
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning) if style is not None else None
        if column == self.FLAGS and line.flags:
            open_flags = self.open_flags(row)
            worst = (open_flags or list(line.flags))[0]
            return severity_icons.icon(worst.severity, self._current_palette(), dimmed=not open_flags)
        return None

    def _foreground(self, row: int, column: int) -> QColor | None:
        palette = self._current_palette()
        if column == self.FLAGS and self.line_at(row).flags:
            open_flags = self.open_flags(row)
            if not open_flags:
                return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            if open_flags[0].severity == "contraindicated":
                return severity_style.foreground(severity_icons.level("contraindicated"), palette)
            return severity_icons.colour(open_flags[0].severity, palette)
        return None

    def _background(self, row: int, column: int) -> QColor | None:
        palette = self._current_palette()
        if column == self.FLAGS:
            open_flags = self.open_flags(row)
            if open_flags and open_flags[0].severity == "contraindicated":
                return severity_style.background(severity_icons.level("contraindicated"), palette)
        if row in self._highlight:
            colour = QColor(palette.color(QPalette.ColorRole.Highlight))
            colour.setAlpha(70)
            return colour
        return None

    def _font(self, row: int, column: int) -> QFont | None:
        bold = row in self._highlight or (column == self.FLAGS and bool(self.open_flags(row)))
        if not bold:
            return None
        font = QFont()
        font.setBold(True)
        return font

    def _tooltip(self, row: int, column: int) -> str:
        line = self.line_at(row)
        data = self._data
        assert data is not None
        if column == self.FLAGS and line.flags:
            texts = []
            for flag in line.flags:
                ack = data.acknowledgements.get(data.flag_key(flag))
                text = f"{self.severity_word(flag.severity)} — {flag.summary}"
                if ack is not None:
                    text += "\n   " + self.tr("Acknowledged: %1").replace("%1", ack.reason)
                texts.append(text)
            return "\n".join(texts)
        if column == self.DECISION:
            ack = data.decision(row)
            return ack.reason if ack and ack.reason else ""
        if column == self.STATUS and not line.checked:
            return self.tr("Not checked — could not be matched to known ingredients")
        if column == self.CHANGE and line.status == CHANGED:
            return self.tr("Your list → the hospital's list")
        return self._display(row, column)

    def _refresh(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self._headers) - 1))

    def _current_palette(self) -> QPalette:
        return self._palette if self._palette is not None else QGuiApplication.palette()


def comparison_table(model: MedicationComparisonModel, parent: QWidget) -> QTableView:
    """A read-only, keyboard-navigable table of whole rows for the model, wrapped and sized for reading."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(False)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    shares = {model.STATUS: 0.14, model.HOSPITAL: 0.21, model.GP: 0.21, model.CHANGE: 0.13, model.FLAGS: 0.19,
              model.DECISION: 0.12}
    table.viewport().installEventFilter(_FitColumns(table, shares))
    return table


class _FitColumns(QObject):
    """Shares the table's width between its columns whenever the view changes size (the flags and the decision
    stay on screen at 1366 px; long texts wrap), then fits the rows' heights to the wrapped text."""

    def __init__(self, table: QTableView, shares: dict[int, float]) -> None:
        super().__init__(table)
        self._table = table
        self._shares = shares

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            width = self._table.viewport().width()
            last = max(self._shares)
            used = 0
            for column, share in sorted(self._shares.items()):
                size = width - used if column == last else int(width * share)
                self._table.setColumnWidth(column, max(size, 40))
                used += size
            self._table.resizeRowsToContents()
        return False

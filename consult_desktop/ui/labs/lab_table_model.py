"""`LabTableModel`: lab results by date and panel, with abnormal flags, and the trend of one analyte.

Rows are plain `LabRow`s from the patient snapshot. Each flagged result says so three ways: a word
("High", "Critical low"), an arrow symbol, and a colour from `severity_style` (critical rows also get a
background), so nothing depends on colour alone. A result stored since the GP last opened the patient is
bold with a "new" dot before the test's name ("New:" for screen readers). `LabFilterProxy` sorts on
`SORT_ROLE` (newest first, then panel) and can keep one panel, only abnormal results or only new ones. GUI
thread only.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from consult_desktop.domain import date_text
from consult_desktop.domain.lab_flags import LabFlag, analyte_key, flag_for
from consult_desktop.domain.lab_result import LabResult
from consult_desktop.record.patient_snapshot import LabRow
from consult_desktop.ui.labs.trend_chart import TrendPoint, TrendSeries, flag_level
from consult_desktop.ui.widgets import severity_style
from consult_desktop.ui.widgets.filter_change import change_row_filter
from consult_desktop.ui.widgets.headered_table_model import HeaderedTableModel
from consult_desktop.ui.widgets.new_mark import new_mark_icon

SORT_ROLE = Qt.ItemDataRole.UserRole
FLAG_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # index into the model's rows

Index = QModelIndex | QPersistentModelIndex


def format_value(result: LabResult) -> str:
    if result.value is not None:
        return f"{result.comparator or ''}{result.value:g}"
    return result.value_text or ""


def format_range(result: LabResult) -> str:
    low, high = result.ref_low, result.ref_high
    if low is not None and high is not None:
        return f"{low:g} – {high:g}"
    if high is not None:
        return f"≤ {high:g}"
    if low is not None:
        return f"≥ {low:g}"
    return result.ref_text or ""


def result_name(row: LabRow) -> str:
    return row.result.display or row.result.code or ""


_FLAG_ORDER = [LabFlag.UNKNOWN, LabFlag.NORMAL, LabFlag.LOW, LabFlag.HIGH, LabFlag.ABNORMAL, LabFlag.CRITICAL_LOW,
               LabFlag.CRITICAL_HIGH, LabFlag.CRITICAL]


class LabTableModel(HeaderedTableModel):
    DATE, PANEL, TEST, RESULT, UNIT, RANGE, FLAG = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LabRow] = []
        self._flags: list[LabFlag] = []
        self._keys: dict[int, list[object]] = {}  # column -> sort key per row, computed when first sorted on
        self._palette: QPalette | None = None
        self._headers = (self.tr("Date"), self.tr("Panel"), self.tr("Test"), self.tr("Result"), self.tr("Unit"),
                         self.tr("Reference range"), self.tr("Flag"))
        self._flag_words = {
            LabFlag.LOW: "▼ " + self.tr("Low"),
            LabFlag.HIGH: "▲ " + self.tr("High"),
            LabFlag.CRITICAL_LOW: "▼▼ " + self.tr("Critical low"),
            LabFlag.CRITICAL_HIGH: "▲▲ " + self.tr("Critical high"),
            LabFlag.CRITICAL: "‼ " + self.tr("Critical"),
            LabFlag.ABNORMAL: "! " + self.tr("Abnormal"),
            LabFlag.NORMAL: "",
            LabFlag.UNKNOWN: "",
        }
        self._other_panel = self.tr("Other results")

    def set_rows(self, rows: list[LabRow] | tuple[LabRow, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._flags = [flag_for(r.result) for r in self._rows]
        self._keys = {}
        self.endResetModel()

    def set_palette(self, palette: QPalette) -> None:
        """The palette whose light/dark variant the severity colours follow (default: the application's)."""
        self._palette = palette
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._headers) - 1))

    def row_at(self, row: int) -> LabRow:
        return self._rows[row]

    def flag_at(self, row: int) -> LabFlag:
        return self._flags[row]

    def flag_text(self, flag: LabFlag) -> str:
        return self._flag_words.get(flag, "")

    def panel_name(self, row: LabRow) -> str:
        return row.panel or self._other_panel

    def panels(self) -> list[str]:
        """Panel names in order of first appearance (newest results first)."""
        seen: dict[str, None] = {}
        for row in self._rows:
            seen.setdefault(self.panel_name(row), None)
        return list(seen)

    # -- trend --------------------------------------------------------------------------------------------
    def series_for(self, row: int) -> TrendSeries:
        """All numeric results of the same analyte (and unit) as `row`, across every stay."""
        chosen = self._rows[row].result
        key = analyte_key(chosen)
        points: list[TrendPoint] = []
        omitted = 0
        for i, other in enumerate(self._rows):
            result = other.result
            if analyte_key(result) != key:
                continue
            when = date_text.parse(result.effective)
            if result.value is None or when is None or (result.unit or "") != (chosen.unit or ""):
                omitted += 1
                continue
            points.append(TrendPoint(when, result.value, self._flags[i], format_value(result)))
        return TrendSeries(chosen.display or chosen.code or "", chosen.unit or "", tuple(points),
                           chosen.ref_low, chosen.ref_high, omitted)

    # -- Qt model -----------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        flag = self._flags[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, flag, column)
        if role == SORT_ROLE:
            keys = self._keys.get(column)
            if keys is None:
                keys = self._keys[column] = [self._sort_key(r, i, column) for i, r in enumerate(self._rows)]
            return keys[index.row()]
        if role == FLAG_ROLE:
            return flag
        if role == ROW_ROLE:
            return index.row()
        if role == Qt.ItemDataRole.ForegroundRole and flag.is_abnormal and column in (self.RESULT, self.FLAG):
            return severity_style.foreground(flag_level(flag), self._current_palette())
        if role == Qt.ItemDataRole.BackgroundRole and flag.is_critical and column in (self.RESULT, self.FLAG):
            return severity_style.background(flag_level(flag), self._current_palette())
        if role == Qt.ItemDataRole.DecorationRole and row.new and column == self.TEST:
            return new_mark_icon(self._current_palette())
        if role == Qt.ItemDataRole.AccessibleTextRole and row.new and column == self.TEST:
            return self.tr("New: %1").replace("%1", result_name(row))
        if role == Qt.ItemDataRole.FontRole and (row.new or (flag.is_abnormal and column in (self.RESULT, self.FLAG))):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, flag)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.RESULT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: LabRow, flag: LabFlag, column: int) -> str:
        result = row.result
        if column == self.DATE:
            return date_text.display(result.effective, with_time=True)
        if column == self.PANEL:  # with the hospital when the person's results come from several
            return " · ".join(p for p in (self.panel_name(row), row.hospital) if p)
        if column == self.TEST:
            return result_name(row)
        if column == self.RESULT:
            return format_value(result)
        if column == self.UNIT:
            return result.unit or ""
        if column == self.RANGE:
            return format_range(result)
        if column == self.FLAG:
            return self._flag_words.get(flag, "")
        return ""

    def _sort_key(self, row: LabRow, position: int, column: int) -> object:
        """A string or number the proxy compares in C++ (no Python comparison per pair)."""
        result = row.result
        if column == self.DATE:
            # Date, then panel, then the report's own order in one string (descending keeps panels together).
            date_key = max(date_text.sort_key(result.effective), 0.0)
            return f"{date_key:016.0f}|{self.panel_name(row).casefold()}|{99999 - position:05d}"
        if column == self.RESULT:
            if result.value is not None:
                return f"0{result.value + 1e9:022.6f}"  # numbers first, in numeric order (down to -1e9)
            return "1" + (result.value_text or "").casefold()
        if column == self.FLAG:
            return _FLAG_ORDER.index(self._flags[position])
        return self._display(row, self._flags[position], column).casefold()

    def _tooltip(self, row: LabRow, flag: LabFlag) -> str:
        result = row.result
        lines = [f"{result.display or result.code or ''}: {format_value(result)} {result.unit or ''}".strip()]
        if row.new:
            lines.append(self.tr("New since you last opened this patient"))
        if format_range(result):
            lines.append(self.tr("Reference range: %1").replace("%1", format_range(result)))
        if flag.is_abnormal:
            lines.append(self._flag_words[flag])
        if result.interpretation:
            lines.append(self.tr("Laboratory interpretation code: %1").replace("%1", result.interpretation))
        return "\n".join(lines)

    def _current_palette(self) -> QPalette:
        return self._palette if self._palette is not None else QGuiApplication.palette()


class LabFilterProxy(QSortFilterProxyModel):
    """Newest first; optionally one panel only, or abnormal results only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._panel: str | None = None
        self._abnormal_only = False
        self._new_only = False
        self.sort(LabTableModel.DATE, Qt.SortOrder.DescendingOrder)

    def set_panel(self, panel: str | None) -> None:
        change_row_filter(self, lambda: setattr(self, "_panel", panel))

    def set_abnormal_only(self, value: bool) -> None:
        change_row_filter(self, lambda: setattr(self, "_abnormal_only", value))

    def set_new_only(self, value: bool) -> None:
        change_row_filter(self, lambda: setattr(self, "_new_only", value))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 (Qt API)
        model = self.sourceModel()
        if not isinstance(model, LabTableModel):
            return True
        if self._new_only and not model.row_at(source_row).new:
            return False
        if self._abnormal_only and not model.flag_at(source_row).is_abnormal:
            return False
        return self._panel is None or model.panel_name(model.row_at(source_row)) == self._panel

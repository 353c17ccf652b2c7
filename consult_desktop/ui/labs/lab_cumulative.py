"""The cumulative lab view (one row per test, one column per day, newest day first) and the lab texts shared by
the two views: the flag letters ("H", "L"; "B" for bas in French), the copied line
"Créatinine 2.44 mg/dL (H) 05/11/2026", and the HTML that prints either view.

Whether a result is abnormal comes from `domain.lab_flags.flag_for`, the one rule. GUI thread only (Qt models
and translated words).
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from consult_desktop.domain import date_text
from consult_desktop.domain.lab_flags import LabFlag, analyte_key, flag_for
from consult_desktop.record.patient_snapshot import LabRow
from consult_desktop.ui.labs.lab_table_model import format_value
from consult_desktop.ui.widgets.headered_table_model import HeaderedTableModel

ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the index of the result in the rows given to `set_rows`, or None
Index = QModelIndex | QPersistentModelIndex


def flag_letter(flag: LabFlag) -> str:
    """The laboratory's short flag in the interface language ("" for a normal or unknown result)."""
    letters = {
        LabFlag.HIGH: QCoreApplication.translate("LabFlags", "H", "flag letter: above the reference range"),
        LabFlag.LOW: QCoreApplication.translate("LabFlags", "L", "flag letter: below the reference range"),
        LabFlag.CRITICAL_HIGH: QCoreApplication.translate("LabFlags", "HH", "flag letters: critically high"),
        LabFlag.CRITICAL_LOW: QCoreApplication.translate("LabFlags", "LL", "flag letters: critically low"),
        LabFlag.CRITICAL: QCoreApplication.translate("LabFlags", "AA", "flag letters: critical"),
        LabFlag.ABNORMAL: QCoreApplication.translate("LabFlags", "A", "flag letter: abnormal"),
    }
    return letters.get(flag, "")


def copy_text(row: LabRow) -> str:
    """`Créatinine 2.44 mg/dL (H) 05/11/2026`: what the GP pastes into a letter or their own record."""
    result = row.result
    letter = flag_letter(flag_for(result))
    parts = [result.display or result.code or "", format_value(result), result.unit or "",
             f"({letter})" if letter else "", date_text.display(result.effective)]
    return " ".join(part for part in parts if part)


class CumulativeLabModel(HeaderedTableModel):
    """Tests down, days across (newest first); a cell holds the day's value with its flag letter."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LabRow] = []
        self._tests: list[tuple[object, str]] = []  # (analyte key, "Creatinine (mg/dL)")
        self._days: list[dt.date] = []
        self._cells: dict[tuple[int, int], int] = {}  # (test, day) -> index in _rows (the latest that day)
        self._headers: list[str] = [self.tr("Test")]

    def set_rows(self, rows: list[LabRow] | tuple[LabRow, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._tests = []
        tests: dict[object, int] = {}
        days: set[dt.date] = set()
        for row in self._rows:
            when = date_text.parse(row.result.effective)
            if when is not None:
                days.add(when.date())
            key = (analyte_key(row.result), row.result.unit or "")
            if key not in tests:
                tests[key] = len(tests)
                label = row.result.display or row.result.code or ""
                self._tests.append((key, f"{label} ({row.result.unit})" if row.result.unit else label))
        self._days = sorted(days, reverse=True)
        column = {day: number for number, day in enumerate(self._days)}
        self._cells = {}
        for position, row in enumerate(self._rows):
            when = date_text.parse(row.result.effective)
            if when is None:
                continue
            cell = (tests[(analyte_key(row.result), row.result.unit or "")], column[when.date()])
            previous = self._cells.get(cell)
            if previous is None or date_text.sort_key(row.result.effective) > date_text.sort_key(
                    self._rows[previous].result.effective):
                self._cells[cell] = position
        self._headers = [self.tr("Test"), *(date_text.display(day.isoformat()) for day in self._days)]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._tests)

    def result_at(self, index: Index) -> LabRow | None:
        position = self._cells.get((index.row(), index.column() - 1)) if index.column() > 0 else None
        return self._rows[position] if position is not None else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._tests):
            return None
        if index.column() == 0:
            return self._tests[index.row()][1] if role == Qt.ItemDataRole.DisplayRole else None
        position = self._cells.get((index.row(), index.column() - 1))
        if position is None:
            return None
        row = self._rows[position]
        flag = flag_for(row.result)
        if role == Qt.ItemDataRole.DisplayRole:
            letter = flag_letter(flag)
            return f"{format_value(row.result)} {letter}".strip()
        if role == ROW_ROLE:
            return position
        if role == Qt.ItemDataRole.FontRole and (flag.is_abnormal or row.new):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return copy_text(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = copy_text(row)
            return self.tr("New: %1").replace("%1", text) if row.new else text
        return None

    def html(self, title: str) -> str:
        """The grid as an HTML table for printing."""
        esc = html.escape
        out = [f"<h2>{esc(title)}</h2><table border='1' cellspacing='0' cellpadding='3'><tr>"]
        out += [f"<th align='left'>{esc(str(header))}</th>" for header in self._headers]
        out.append("</tr>")
        for row in range(self.rowCount()):
            cells = [str(self.data(self.index(row, column)) or "") for column in range(self.columnCount())]
            out.append("<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in cells) + "</tr>")
        out.append("</table>")
        return "".join(out)

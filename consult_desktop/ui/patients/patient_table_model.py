"""`PatientTableModel`: the patient list as a Qt table model, fed with `PatientSummary` rows.

Everything the list needs per keystroke or per sort is computed once in `set_rows`: display strings, sort
keys (served under `SORT_ROLE`, which is `Qt.UserRole`) and the accent-folded search text. Sorting is done
here on those keys with one Python sort (the proxy forwards its `sort()` to `sort_rows`), because letting
`QSortFilterProxyModel` compare 10,000 rows through `data()` costs seconds. GUI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from consult_desktop.store import PatientSummary
from consult_desktop.store.derived import fold

SORT_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # (server_id, patient_id)
NEW_ITEMS_ROLE = Qt.ItemDataRole.UserRole + 2  # int
DISCHARGE_ROLE = Qt.ItemDataRole.UserRole + 3  # ISO date "YYYY-MM-DD" or None

COL_NAME, COL_BIRTH, COL_SSIN, COL_NEW, COL_DISCHARGE = range(5)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_SORT, _KEY, _NEW, _DISCHARGE = (int(r) for r in (SORT_ROLE.value, KEY_ROLE, NEW_ITEMS_ROLE, DISCHARGE_ROLE))
_FONT = int(Qt.ItemDataRole.FontRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_SERVED = frozenset({_SORT, _KEY, _NEW, _DISCHARGE, _FONT, _ALIGN, _TOOLTIP, _ACCESSIBLE})
_CENTER = int(Qt.AlignmentFlag.AlignCenter.value)
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def format_date(iso: str | None) -> str:
    """'1950-12-31' (or a dateTime) as '31/12/1950', the way Belgian practices write dates."""
    if not iso or len(iso) < 10 or iso[4] != "-" or iso[7] != "-":
        return iso or ""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"


def format_ssin(ssin: str | None) -> str:
    """'85073003328' as '85.07.30-033.28' (the national register number as printed on the eID card)."""
    if not ssin:
        return ""
    if len(ssin) == 11 and ssin.isdigit():
        return f"{ssin[0:2]}.{ssin[2:4]}.{ssin[4:6]}-{ssin[6:9]}.{ssin[9:11]}"
    return ssin


def display_name(summary: PatientSummary) -> str:
    family = (summary.family or "").strip()
    given = (summary.given or "").strip()
    if family and given:
        return f"{family.upper()} {given}"
    return family.upper() or given or summary.id


@dataclass(slots=True)
class PatientRow:
    """One patient with everything precomputed for display, sorting and filtering."""

    summary: PatientSummary
    texts: tuple[str, str, str, str, str]
    keys: tuple[Any, Any, Any, Any, Any]
    search: str  # folded; also holds the SSIN without punctuation
    discharge: str  # "YYYY-MM-DD" or "" (compared as text)

    @classmethod
    def of(cls, s: PatientSummary) -> PatientRow:
        name = display_name(s)
        discharge = (s.last_discharge or "")[:10]
        name_key = (fold(s.family or ""), fold(s.given or ""), s.birth_date or "")
        if s.hospitals:  # several hospitals in the profile: where this person's records come from
            name = f"{name}   {' · '.join(s.hospitals)}"
        texts = (name, format_date(s.birth_date), format_ssin(s.ssin), str(s.new_items) if s.new_items else "",
                 format_date(discharge))
        keys = (name_key, s.birth_date or "", s.ssin or "", s.new_items, discharge)
        search = s.search_text or fold(f"{s.family or ''} {s.given or ''} {s.ssin or ''} {s.birth_date or ''}")
        return cls(s, texts, keys, search, discharge)


class PatientTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[PatientRow] = []
        self._sort: tuple[int, Qt.SortOrder] = (COL_NAME, Qt.SortOrder.AscendingOrder)
        self._headers: tuple[str, ...] = ()
        self.retranslate()
        self._bold = QFont()
        self._bold.setBold(True)

    def retranslate(self) -> None:
        """Column titles in the interface language (also after a language change)."""
        self._headers = (self.tr("Patient"), self.tr("Born"), self.tr("SSIN"), self.tr("New"),
                         self.tr("Discharged"))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    # -- feeding ---------------------------------------------------------------------------------------
    def set_rows(self, summaries: list[PatientSummary]) -> None:
        rows = [PatientRow.of(s) for s in summaries]
        self.beginResetModel()
        self.rows = rows
        self._apply_sort()
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_of(self, server_id: str, patient_id: str) -> int:
        for i, row in enumerate(self.rows):
            if row.summary.id == patient_id and row.summary.server_id == server_id:
                return i
        return -1

    def summary(self, row: int) -> PatientSummary:
        return self.rows[row].summary

    def set_new_items(self, server_id: str, patient_id: str, count: int) -> None:
        """Show a new badge count for one patient (0 after the GP has seen them)."""
        i = self.row_of(server_id, patient_id)
        if i < 0 or self.rows[i].summary.new_items == count:
            return
        self.rows[i] = PatientRow.of(replace(self.rows[i].summary, new_items=count))
        self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))

    # -- sorting ---------------------------------------------------------------------------------------
    def sort_rows(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        tracked = [(self.rows[p.row()], p.column()) for p in before]
        self._sort = (column, order)
        self._apply_sort()
        position = {id(r): i for i, r in enumerate(self.rows)}
        self.changePersistentIndexList(before, [self.index(position[id(r)], c) for r, c in tracked])
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        # Patients without a value (no discharge, no SSIN) go last in both directions.
        reverse = order == Qt.SortOrder.DescendingOrder
        filled = [r for r in self.rows if r.keys[column] not in ("", None)]
        empty = [r for r in self.rows if r.keys[column] in ("", None)]
        filled.sort(key=lambda r: (r.keys[column], r.keys[COL_NAME]), reverse=reverse)
        empty.sort(key=lambda r: r.keys[COL_NAME])
        self.rows = filled + empty

    # -- QAbstractTableModel ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == COL_NEW:
                return self.tr("Documents and results that arrived since you last opened the patient")
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        return self.cell(index.row(), index.column(), role)

    def cell(self, row_number: int, column: int, role: int = _DISPLAY) -> Any:
        """What `data()` answers, by row and column (the filtered list asks this without building indexes)."""
        # Called for every visible cell and role on each repaint: plain int comparisons, display first.
        if role == _DISPLAY:
            return self.rows[row_number].texts[column]
        if role not in _SERVED:
            return None
        row = self.rows[row_number]
        if role == _SORT:
            return row.keys[column]
        if role == _KEY:
            return (row.summary.server_id, row.summary.id)
        if role == _NEW:
            return row.summary.new_items
        if role == _DISCHARGE:
            return row.discharge or None
        if role == _FONT:
            return self._bold if column == COL_NAME and row.summary.new_items else None
        if role == _ALIGN:
            return _CENTER if column == COL_NEW else None
        if column == COL_NAME:  # tool tip: the full name when the column is too narrow for it
            return row.texts[COL_NAME]
        if column == COL_NEW:  # tool tip, accessible text
            n = row.summary.new_items
            return self.tr("%n new document(s) or result(s) since you last opened this patient", "", n) if n \
                else self.tr("Nothing new")
        return None

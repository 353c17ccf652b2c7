"""`DocumentListModel`: the patient's documents as a table (date, title, type, author, stay).

Plain `DocumentRow`s go in with `set_rows(...)`; `DocumentSortProxy` sorts on the values the model gives
for `SORT_ROLE` (a chronological key for dates, folded text otherwise), newest first by default, and can keep
only the documents of one stay or only the new ones. A document stored since the GP last opened the patient
is bold, its title has a "new" dot before it, and screen readers hear "New:" before it. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from consult_desktop.domain import date_text
from consult_desktop.record.patient_snapshot import DocumentRow
from consult_desktop.ui.widgets.filter_change import change_row_filter
from consult_desktop.ui.widgets.headered_table_model import HeaderedTableModel
from consult_desktop.ui.widgets.new_mark import new_mark_icon

SORT_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # (server_id, resource_type, resource_id): ids are each hospital's own

Index = QModelIndex | QPersistentModelIndex


class DocumentListModel(HeaderedTableModel):
    DATE, TITLE, TYPE, AUTHOR, ENCOUNTER = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentRow] = []
        # column -> sort key per row, computed when first sorted on: the proxy then compares plain numbers
        # and strings in C++ instead of calling Python for every pair.
        self._keys: dict[int, list[object]] = {}
        self._headers = (self.tr("Date"), self.tr("Document"), self.tr("Type"), self.tr("Author"),
                         self.tr("Stay"))

    def set_rows(self, rows: list[DocumentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = {}
        self.endResetModel()

    def row_at(self, row: int) -> DocumentRow:
        return self._rows[row]

    def rows(self) -> list[DocumentRow]:
        return list(self._rows)

    def row_of(self, resource_type: str, resource_id: str, server_id: str | None = None) -> int | None:
        """The row of this document (of `server_id`, or the first with this type and id when None)."""
        for i, r in enumerate(self._rows):
            if r.resource_type == resource_type and r.resource_id == resource_id and \
                    (server_id is None or r.server_id == server_id):
                return i
        return None

    def row_of_key(self, key: tuple[str, str, str]) -> int | None:
        """The row of a (server_id, resource_type, resource_id) key (KEY_ROLE, `DocumentContent.key`)."""
        server_id, resource_type, resource_id = key
        return self.row_of(resource_type, resource_id, server_id)

    # -- Qt model -----------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            keys = self._keys.get(column)
            if keys is None:
                keys = self._keys[column] = [
                    date_text.sort_key(r.date) if column == self.DATE else self._display(r, column).casefold()
                    for r in self._rows]
            return keys[index.row()]
        if role == KEY_ROLE:
            return row.server_id, row.resource_type, row.resource_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.FontRole and row.new:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and row.new and column == self.TITLE:
            return new_mark_icon()
        if role == Qt.ItemDataRole.AccessibleTextRole and row.new and column == self.TITLE:
            return self.tr("New: %1").replace("%1", row.title)
        return None

    def _display(self, row: DocumentRow, column: int) -> str:
        if column == self.DATE:
            return date_text.display(row.date)
        if column == self.TITLE:
            return row.title
        if column == self.TYPE:
            return row.type_display or ""
        if column == self.AUTHOR:
            return row.author or ""
        if column == self.ENCOUNTER:  # with the hospital when the person's record comes from several
            return " · ".join(p for p in (row.encounter_label, row.hospital) if p)
        return ""

    def _tooltip(self, row: DocumentRow) -> str:
        parts = [row.title]
        if row.new:
            parts.append(self.tr("New since you last opened this patient"))
        formats = {"pdf": self.tr("PDF"), "html": self.tr("HTML"), "text": self.tr("Text"),
                   "image": self.tr("Image"), "unsupported": self.tr("Other format")}
        if row.format_kind in formats:
            parts.append(self.tr("Format: %1").replace("%1", formats[row.format_kind]))
        elif row.format_kind is None:
            parts.append(self.tr("No attached file"))
        if row.doc_status and row.doc_status != "final":
            parts.append(self.tr("Status: %1").replace("%1", row.doc_status))
        return "\n".join(parts)


class DocumentSortProxy(QSortFilterProxyModel):
    """Sorts on SORT_ROLE (stable, so equal keys keep the newest-first order); newest first by default."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._encounter_id: str | None = None
        self._new_only = False
        self.sort(DocumentListModel.DATE, Qt.SortOrder.DescendingOrder)

    def set_encounter_filter(self, encounter_id: str | None) -> None:
        """Show only the documents of one stay (None: all documents)."""
        change_row_filter(self, lambda: setattr(self, "_encounter_id", encounter_id))

    def set_new_only(self, value: bool) -> None:
        """Show only the documents stored since the GP last opened the patient."""
        change_row_filter(self, lambda: setattr(self, "_new_only", value))

    def new_only(self) -> bool:
        return self._new_only

    def encounter_filter(self) -> str | None:
        return self._encounter_id

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 (Qt API)
        model = self.sourceModel()
        if not isinstance(model, DocumentListModel):
            return True
        row = model.row_at(source_row)
        if self._new_only and not row.new:
            return False
        return self._encounter_id is None or row.encounter_id == self._encounter_id

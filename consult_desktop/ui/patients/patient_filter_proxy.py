"""`PatientFilterProxy`: search-as-you-type and the "new" / "recently discharged" filters of the patient list.

The query is folded the way `PatientSummary.search_text` is (lower case, no accents) and split into words;
a patient matches when every word occurs in their search text (name, SSIN, birth date as 1950-12-31,
31/12/1950 and 31.12.1950). A word typed with punctuation, like an SSIN `85.07.30-033.28`, also matches
without it. No database query per keystroke.

Built for 10,000 patients and one keystroke well within a frame: the model keeps the list of source rows it
shows and answers the view from it (it is a table model over the source's rows, not a QSortFilterProxyModel,
which would ask Python about every patient on every keystroke). A keystroke that extends the query only tests
the patients still shown; a filter change is one layout change (the selection follows its patient, or is
dropped when they are filtered out), never a reset. Sorting is forwarded to the source model, which sorts on
precomputed keys. GUI thread only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from consult_desktop.store.derived import fold
from consult_desktop.ui.patients.patient_table_model import PatientTableModel

_SEPARATORS = str.maketrans("", "", "./- ")
_ROOT = QModelIndex()


def query_terms(text: str) -> list[tuple[str, ...]]:
    """Each word of the query with its alternatives (as typed, and without punctuation when it has digits)."""
    terms: list[tuple[str, ...]] = []
    for word in fold(text).split():
        bare = word.translate(_SEPARATORS)
        if bare and bare != word and any(c.isdigit() for c in word):
            terms.append((word, bare))
        elif bare:
            terms.append((word,))
    return terms


def matches(search: str, terms: list[tuple[str, ...]]) -> bool:
    """True when every word (one of its alternatives) occurs in the folded search text."""
    for alternatives in terms:
        if not any(a in search for a in alternatives):
            return False
    return True


class PatientFilterProxy(QAbstractTableModel):
    def __init__(self, parent: Any = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._terms: list[tuple[str, ...]] = []
        self._query = ""  # folded text of the query the terms came from
        self._only_new = False
        self._discharged_days: int | None = None
        self._today = today
        self._accepted: list[bool] = []
        self._visible: list[int] = []  # the source rows shown, in the source's order
        self._position: dict[int, int] | None = None  # source row -> row here, built on demand
        self._moving: list[tuple[QPersistentModelIndex, object, int]] = []
        self._model = PatientTableModel(self)

    # -- filter state ----------------------------------------------------------------------------------
    def set_query(self, text: str) -> None:
        terms = query_terms(text)
        if terms == self._terms:
            return
        folded = fold(text).strip()
        narrowing = bool(self._query) and folded.startswith(self._query)  # typing on: a subset of the shown
        self._terms, self._query = terms, folded
        self._refilter(narrowing=narrowing)

    def set_only_new(self, enabled: bool) -> None:
        if enabled != self._only_new:
            self._only_new = enabled
            self._refilter(narrowing=enabled)

    def set_discharged_within(self, days: int | None) -> None:
        """Keep only patients discharged in the last `days` days (None: no such filter)."""
        if days != self._discharged_days:
            self._discharged_days = days
            self._refilter()

    # -- matching --------------------------------------------------------------------------------------
    def _recompute(self, narrowing: bool = False) -> None:
        """Decide for every patient (or, narrowing, for those shown) at once."""
        rows = self._model.rows
        terms, only_new, days = self._terms, self._only_new, self._discharged_days
        candidates = self._visible if narrowing and len(self._accepted) == len(rows) else range(len(rows))
        accepted = [False] * len(rows)
        if len(terms) == 1 and len(terms[0]) == 1:  # the common case: one word being typed
            word = terms[0][0]
            keep = [i for i in candidates if word in rows[i].search]
        elif terms:
            keep = [i for i in candidates if matches(rows[i].search, terms)]
        else:
            keep = list(candidates)
        if only_new:
            keep = [i for i in keep if rows[i].summary.new_items > 0]
        if days is not None:
            cutoff = ((self._today or dt.date.today()) - dt.timedelta(days=days)).isoformat()
            keep = [i for i in keep if rows[i].discharge != "" and rows[i].discharge >= cutoff]
        for i in keep:
            accepted[i] = True
        self._accepted = accepted
        self._visible = keep
        self._position = None

    def _refilter(self, narrowing: bool = False) -> None:
        """Show the rows the filters now accept, as one layout change that keeps persistent indexes."""
        self._begin_layout()
        self._recompute(narrowing)
        self._end_layout()

    def _begin_layout(self, *_args: object) -> None:
        self.layoutAboutToBeChanged.emit()
        rows = self._model.rows
        self._moving = [(index, rows[self._visible[index.row()]], index.column())
                        for index in self.persistentIndexList() if 0 <= index.row() < len(self._visible)]

    def _end_layout(self) -> None:
        where = {id(self._model.rows[source]): row for row, source in enumerate(self._visible)}
        old = [index for index, _row, _column in self._moving]
        new = [self.index(where[id(row)], column) if id(row) in where else QModelIndex()
               for _index, row, column in self._moving]
        self._moving = []
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def filterAcceptsRow(self, source_row: int, _parent: object = None) -> bool:  # noqa: N802 - as in Qt
        return 0 <= source_row < len(self._accepted) and self._accepted[source_row]

    # -- the source ------------------------------------------------------------------------------------
    def setSourceModel(self, model: Any) -> None:  # noqa: N802 - Qt's name
        if not isinstance(model, PatientTableModel):
            raise TypeError("PatientFilterProxy needs a PatientTableModel")
        self.beginResetModel()
        self._model = model
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.layoutAboutToBeChanged.connect(self._begin_layout)
        model.layoutChanged.connect(self._source_layout_changed)
        model.dataChanged.connect(self._source_data_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        self._recompute()
        self.endResetModel()

    def sourceModel(self) -> PatientTableModel:  # noqa: N802 - Qt's name
        return self._model

    def _source_reset(self) -> None:
        self._recompute()
        self.endResetModel()

    def _source_layout_changed(self, *_args: object) -> None:  # sorted: same rows, another order
        self._recompute()
        self._end_layout()

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Any = ()) -> None:
        self._refilter()  # a badge cleared may hide the patient under "new since last view"
        for source in range(top_left.row(), bottom_right.row() + 1):
            index = self.mapFromSource(self._model.index(source, 0))
            if index.isValid():
                self.dataChanged.emit(index, self.index(index.row(), self.columnCount() - 1))

    def mapFromSource(self, source: QModelIndex | QPersistentModelIndex) -> QModelIndex:  # noqa: N802
        if not source.isValid():
            return QModelIndex()
        if self._position is None:
            self._position = {s: r for r, s in enumerate(self._visible)}
        row = self._position.get(source.row())
        return QModelIndex() if row is None else self.index(row, source.column())

    def mapToSource(self, index: QModelIndex | QPersistentModelIndex) -> QModelIndex:  # noqa: N802
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return QModelIndex()
        return self._model.index(self._visible[index.row()], index.column())

    # -- the table -------------------------------------------------------------------------------------
    def rowCount(self, parent: Any = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Any = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else self._model.columnCount()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> Any:  # noqa: N802 - Qt override
        return self._model.headerData(section, orientation, role)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._model.cell(self._visible[index.row()], index.column(), role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort_rows(column, order)

"""`PatientFilterProxy`: search-as-you-type and the "new" / "recently discharged" filters of the patient list.

The query is folded the way `PatientSummary.search_text` is (lower case, no accents) and split into words;
a patient matches when every word occurs in their search text (name, SSIN, birth date as 1950-12-31,
31/12/1950 and 31.12.1950). A word typed with punctuation, like an SSIN `85.07.30-033.28`, also matches
without it. Matches for all rows are computed in one pass when the query or the rows change, so the
per-row `filterAcceptsRow` is a list lookup; no database query per keystroke. Sorting is forwarded to
the source model, which sorts on precomputed keys. GUI thread only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from consult_desktop.store.derived import fold
from consult_desktop.ui.patients.patient_table_model import PatientTableModel

_SEPARATORS = str.maketrans("", "", "./- ")


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


class PatientFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._terms: list[tuple[str, ...]] = []
        self._only_new = False
        self._discharged_days: int | None = None
        self._today = today
        self._accepted: list[bool] = []
        self._model = PatientTableModel(self)

    # -- filter state ----------------------------------------------------------------------------------
    def set_query(self, text: str) -> None:
        terms = query_terms(text)
        if terms != self._terms:
            self._change(lambda: setattr(self, "_terms", terms))

    def set_only_new(self, enabled: bool) -> None:
        if enabled != self._only_new:
            self._change(lambda: setattr(self, "_only_new", enabled))

    def set_discharged_within(self, days: int | None) -> None:
        """Keep only patients discharged in the last `days` days (None: no such filter)."""
        if days != self._discharged_days:
            self._change(lambda: setattr(self, "_discharged_days", days))

    def _change(self, apply: Any) -> None:
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:  # Qt >= 6.9
            begin()
            apply()
            self._recompute()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            apply()
            self._recompute()
            self.invalidateRowsFilter()

    # -- matching --------------------------------------------------------------------------------------
    def _recompute(self, *_signal_args: object) -> None:
        """Decide for every patient at once; `filterAcceptsRow` then only reads the answer."""
        rows = self._model.rows
        terms, only_new, days = self._terms, self._only_new, self._discharged_days
        if terms:
            searches = [r.search for r in rows]
            if len(terms) == 1 and len(terms[0]) == 1:  # the common case: one word being typed
                word = terms[0][0]
                accepted = [word in s for s in searches]
            else:
                accepted = [matches(s, terms) for s in searches]
        else:
            accepted = [True] * len(rows)
        if only_new:
            accepted = [ok and r.summary.new_items > 0 for ok, r in zip(accepted, rows, strict=True)]
        if days is not None:
            cutoff = ((self._today or dt.date.today()) - dt.timedelta(days=days)).isoformat()
            accepted = [ok and r.discharge != "" and r.discharge >= cutoff
                        for ok, r in zip(accepted, rows, strict=True)]
        self._accepted = accepted

    def setSourceModel(self, model: Any) -> None:  # noqa: N802 - Qt override
        if not isinstance(model, PatientTableModel):
            raise TypeError("PatientFilterProxy needs a PatientTableModel")
        self._model = model
        # Connected before the proxy's own connections (made by setSourceModel), so that the answers are
        # recomputed before the proxy asks for them: slots run in the order they were connected.
        for signal in (model.modelReset, model.layoutChanged, model.dataChanged, model.rowsInserted,
                       model.rowsRemoved):
            signal.connect(self._recompute)
        super().setSourceModel(model)
        self._recompute()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        # Called for every patient on every keystroke, through the binding: keep it a list lookup.
        try:
            return self._accepted[source_row]
        except IndexError:  # the source changed without a signal; should not happen
            self._recompute()
            return source_row >= len(self._accepted) or self._accepted[source_row]

    # -- sorting: done by the source on its precomputed keys -------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort_rows(column, order)

"""`PatientListPanel`: the left side of the main window — search field, filters and the patient table.

Typing filters at once (a zero-delay timer coalesces keystrokes that arrive while the list is busy); there is
no database query per keystroke, the proxy filters rows already in memory.

The panel follows the one `CurrentPatient`: whenever the selected row names a patient other than the current
one (a click, arrow keys, Enter in the search field), that patient becomes current; whenever the current
patient changes elsewhere, their row is selected, or no row when they are filtered out. While the panel
itself changes the rows (filtering, reloading) the selection model's intermediate signals are ignored and the
selection is set from the current patient afterwards: filtering never selects a row by itself, so typing does
not open anybody, and what Enter or a click selects is always opened.

Keyboard: Down in the search field goes into the list (to the current patient's row, else the first row);
Escape clears the search; in the list only the arrows (and PgUp/PgDown/Home/End) change the row — Tab and
Ctrl+Tab leave the list instead of walking its cells, so no patient is opened (and logged) by tabbing through;
Enter goes to the open patient's record.
GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.record.changes import PatientKey
from consult_desktop.store import PatientSummary
from consult_desktop.ui.patients.badge_delegate import BadgeDelegate
from consult_desktop.ui.patients.patient_filter_proxy import PatientFilterProxy
from consult_desktop.ui.patients.patient_table_model import (
    COL_BIRTH,
    COL_DISCHARGE,
    COL_NAME,
    COL_NEW,
    COL_SSIN,
    KEY_ROLE,
    PatientTableModel,
)
from consult_desktop.ui.shell.current_patient import CurrentPatient
from consult_desktop.ui.widgets.accessibility import name_clear_button


class PatientListPanel(QWidget):
    record_requested = Signal()  # Enter on the selected patient: the GP wants to read their record
    def __init__(self, parent: QWidget | None = None, *, discharge_days: int = 14,
                 current: CurrentPatient | None = None) -> None:
        super().__init__(parent)
        self.current = current if current is not None else CurrentPatient(self)
        self.model = PatientTableModel(self)
        self.proxy = PatientFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._discharge_days = discharge_days

        self.search = QLineEdit(self)
        self.search.setObjectName("patientSearch")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.only_new = QCheckBox(self)
        self.discharged = QCheckBox(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("patientCount")

        self.table = self._build_table()

        filters = QHBoxLayout()
        filters.addWidget(self.only_new)
        filters.addWidget(self.discharged)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(0)
        self._debounce.timeout.connect(self._apply_query)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._open_first_match)
        self.only_new.toggled.connect(self._apply_filters)
        self.discharged.toggled.connect(self._apply_filters)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._update_count)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved):
            signal.connect(self._count_timer.start)
        self._changing_rows = False
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        selection.currentRowChanged.connect(self._selection_changed)
        self.current.changed.connect(self._follow_current)
        self._update_count()
        self.retranslate()

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        self.table = table
        self.table.setObjectName("patientTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; rows change with the arrows only
        self.table.installEventFilter(self)
        self.table.setItemDelegateForColumn(COL_NEW, BadgeDelegate(self.table))
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("New") + 16)
        header.setHighlightSections(False)
        width = self.fontMetrics().horizontalAdvance("00.00.00-000.00") + 14
        header.resizeSection(COL_SSIN, width)
        header.resizeSection(COL_BIRTH, self.fontMetrics().horizontalAdvance("00/00/0000") + 14)
        header.resizeSection(COL_NEW, self.fontMetrics().horizontalAdvance("0000") + 14)
        header.resizeSection(COL_DISCHARGE, self.fontMetrics().horizontalAdvance("00/00/0000") + 14)
        header.setStretchLastSection(False)
        # The name column takes whatever the others leave (long names elide at the end, their full text is the
        # tool tip); never a horizontal scroll bar.
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        return table

    def retranslate(self) -> None:
        """Every text of the panel in the interface language (also after a language change)."""
        self.search.setPlaceholderText(self.tr("Search by name, SSIN or birth date (dd/mm/yyyy)"))
        self.search.setAccessibleName(self.tr("Search patients"))
        self.search.setAccessibleDescription(self.tr("Type to filter the list; Down goes into the list, Enter opens "
                                                     "the first patient, Escape clears"))
        name_clear_button(self.search, self.tr("Clear the search"),
                          self.tr("Empties the search field and shows every patient"))
        self.only_new.setText(self.tr("New since last view"))
        self.only_new.setToolTip(self.tr("Only patients with documents or results you have not seen yet"))
        self.table.setAccessibleName(self.tr("Patients"))
        self.table.setAccessibleDescription(self.tr("Your patients; the arrows choose a patient and open their "
                                                    "record, Tab leaves the list"))
        self.model.retranslate()
        self._label_discharge()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, modifiers = event.key(), event.modifiers()
        if watched is self.search:
            if key == Qt.Key.Key_Down and not modifiers & Qt.KeyboardModifier.AltModifier:
                self._enter_list()
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        elif watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_key():
            self.record_requested.emit()  # the patient is open already: go to their record
            return True
        elif watched is self.table and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            backward = key == Qt.Key.Key_Backtab or bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            if backward:
                self.search.setFocus(Qt.FocusReason.BacktabFocusReason)
            else:
                self._focus_after_list()
            return True
        return False

    def _enter_list(self) -> None:
        """Down from the search field: to the current patient's row when shown, else the first row (opened)."""
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.current_key() is None and self.proxy.rowCount() > 0:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(self.proxy.index(0, 0), flags)

    def _focus_after_list(self) -> None:
        """Tab out of the list: to the next widget after the panel (the open patient), never into the table."""
        widget = self.table.nextInFocusChain()
        while widget is not None and widget is not self.table and (
                self.isAncestorOf(widget) or not widget.isVisible() or not widget.isEnabled()
                or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget = widget.nextInFocusChain()
        if widget is not None and widget is not self.table:
            widget.setFocus(Qt.FocusReason.TabFocusReason)

    # -- public ----------------------------------------------------------------------------------------
    def set_summaries(self, summaries: list[PatientSummary]) -> None:
        """Replace the rows; the current patient's row stays selected when they are still there."""
        self._change_rows(lambda: self.model.set_rows(summaries))
        self._update_count()

    def select_patient(self, server_id: str, patient_id: str) -> bool:
        """Select (and thereby open) a patient; False when they are not in the list (or filtered out)."""
        if self._proxy_index((server_id, patient_id)) is None:
            return False
        self.current.set((server_id, patient_id))
        return True

    def current_key(self) -> PatientKey | None:
        """The patient of the selected row, None when no row is selected."""
        rows = self.table.selectionModel().selectedRows()
        key = rows[0].data(KEY_ROLE) if rows else None
        return (key[0], key[1]) if key else None

    def clear_badge(self, server_id: str, patient_id: str) -> None:
        self._change_rows(lambda: self.model.set_new_items(server_id, patient_id, 0))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_discharge_days(self, days: int) -> None:
        self._discharge_days = days
        self._label_discharge()
        self._apply_filters()

    # -- internals -------------------------------------------------------------------------------------
    def _label_discharge(self) -> None:
        self.discharged.setText(self.tr("Discharged in the last %n day(s)", "", self._discharge_days))
        self.discharged.setToolTip(self.tr("Only patients whose latest hospital stay ended recently"))

    def _proxy_index(self, key: PatientKey) -> QModelIndex | None:
        row = self.model.row_of(*key)
        if row < 0:
            return None
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        return proxy_index if proxy_index.isValid() else None

    def _follow_current(self, _previous: object, key: PatientKey | None) -> None:
        """Select the current patient's row; select nothing when there is none or they are filtered out."""
        if key is not None and self.current_key() == key:
            return
        selection = self.table.selectionModel()
        index = self._proxy_index(key) if key is not None else None
        if index is None:
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        selection.setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _change_rows(self, change: Callable[[], object]) -> None:
        """Change the rows shown, then select the current patient's row (or none) from the one state."""
        self._changing_rows = True
        try:
            change()
        finally:
            self._changing_rows = False
        self._follow_current(None, self.current.key)

    def _selection_changed(self, *_args: object) -> None:
        """A row the GP selected names the current patient; an emptied selection (filtered out) changes nothing."""
        if self._changing_rows:
            return
        key = self.current_key()
        if key is not None and key != self.current.key:
            self.current.set(key)

    def _apply_query(self) -> None:
        self._change_rows(lambda: self.proxy.set_query(self.search.text()))

    def _apply_filters(self) -> None:
        def apply() -> None:
            self.proxy.set_only_new(self.only_new.isChecked())
            self.proxy.set_discharged_within(self._discharge_days if self.discharged.isChecked() else None)

        self._change_rows(apply)

    def _open_first_match(self) -> None:
        self._debounce.stop()
        self._apply_query()
        if self.proxy.rowCount() > 0:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(self.proxy.index(0, 0), flags)
            self.table.setFocus()

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("%n patient(s)", "", total))
        else:
            # The plural follows the patients shown: "1 patient sur 30", "2 patiënten van 30".
            self.count_label.setText(self.tr("%n of %1 patient(s)", "", shown).replace("%1", str(total)))

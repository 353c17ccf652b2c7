"""`LabTab`: the lab results table (by date and panel, abnormal flags) above the trend of the selected test,
or the cumulative view (tests × days).

Selecting a row draws that analyte across every stay in the `TrendChart` below. A panel filter, an "abnormal
only" and a "new only" switch narrow the table. Ctrl+C (or the context menu) copies the chosen result as
"Créatinine 2.44 mg/dL (H) 05/11/2026"; "Show trend" in the cumulative view goes back to the list with the
result chosen. Ctrl+P (`print_current`) prints the view shown through a preview, logged in the access log
once printed. GUI thread only.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.record import exports
from consult_desktop.record.patient_snapshot import LabRow
from consult_desktop.ui.labs.lab_cumulative import ROW_ROLE, CumulativeLabModel, copy_text
from consult_desktop.ui.labs.lab_table_model import LabFilterProxy, LabTableModel
from consult_desktop.ui.labs.trend_chart import TrendChart
from consult_desktop.ui.shell.task_runner import TaskRunner
from consult_desktop.ui.widgets import printing


class LabTab(QWidget):
    def __init__(self, parent: QWidget | None = None, *, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._patient: tuple[str, str] | None = None
        self.print_dialog: QPrintPreviewDialog | None = None
        self._model = LabTableModel(self)
        self._model.set_palette(self.palette())
        self._proxy = LabFilterProxy(self)
        self._proxy.setSourceModel(self._model)

        filters_row = self._build_filters()

        self._table = QTableView(self)
        self._table.setModel(self._proxy)
        self._table.setSortingEnabled(True)
        self._table.sortByColumn(LabTableModel.DATE, Qt.SortOrder.DescendingOrder)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setAlternatingRowColors(True)
        self._table.verticalHeader().hide()
        self._table.setWordWrap(False)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((LabTableModel.DATE, 120), (LabTableModel.PANEL, 170), (LabTableModel.TEST, 220),
                              (LabTableModel.RESULT, 80), (LabTableModel.UNIT, 80), (LabTableModel.RANGE, 120)):
            self._table.setColumnWidth(column, width)
        self._table.setAccessibleName(self.tr("Lab results"))
        self._cumulative_model, self._cumulative = self._build_cumulative()
        for table in (self._table, self._cumulative):
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            table.customContextMenuRequested.connect(lambda position, t=table: self._context_menu(t, position))
        self.copy_action = self._action(self.tr("Copy"), QKeySequence.StandardKey.Copy, self.copy_selected)
        self.trend_action = QAction(self.tr("Show trend"), self)
        self.trend_action.triggered.connect(lambda _checked=False: self.show_trend())
        self.print_action = self._action(self.tr("Print…"), QKeySequence.StandardKey.Print, self.print_current)

        self._chart = TrendChart(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._table)
        splitter.addWidget(self._chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self._views = QStackedWidget(self)
        self._views.addWidget(splitter)
        self._views.addWidget(self._cumulative)

        self._empty = QLabel(self.tr("No lab results stored for this patient."), self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addWidget(filters_row)
        layout.addWidget(self._views, 1)
        layout.addWidget(self._empty)

        self._table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._panel_combo.currentIndexChanged.connect(self._panel_changed)
        self._abnormal.toggled.connect(self._abnormal_toggled)
        self._new_only.toggled.connect(self._new_only_toggled)
        self._cumulative_button.toggled.connect(self.set_cumulative)
        self.set_rows([])

    def _build_filters(self) -> QWidget:
        """The row above the results: panel, abnormal only, new only, cumulative view, and the count."""
        self._panel_combo = QComboBox(self)
        self._panel_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._abnormal = QCheckBox(self.tr("Abnormal results only"), self)
        self._new_only = QCheckBox(self.tr("New only"), self)
        self._new_only.setToolTip(self.tr("Only the results that arrived since you last opened this patient"))
        self._new_only.setAccessibleName(self.tr("Show only new results"))
        self._cumulative_button = QPushButton(self.tr("Cumulative view"), self)
        self._cumulative_button.setCheckable(True)
        self._cumulative_button.setToolTip(self.tr("Tests down, days across"))
        self._cumulative_button.setAccessibleName(self.tr("Cumulative view"))
        self._count = QLabel(self)
        # The filter row never sets the window's minimum width (it fits from 1280 px; below that it is cut).
        filters_row = QWidget(self)
        filters_row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        filters = QHBoxLayout(filters_row)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(QLabel(self.tr("Panel:"), self))
        filters.addWidget(self._panel_combo)
        filters.addWidget(self._abnormal)
        filters.addWidget(self._new_only)
        filters.addWidget(self._cumulative_button)
        filters.addStretch(1)
        filters.addWidget(self._count)
        return filters_row

    def _build_cumulative(self) -> tuple[CumulativeLabModel, QTableView]:
        model = CumulativeLabModel(self)
        table = QTableView(self)
        table.setModel(model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setAccessibleName(self.tr("Cumulative lab results"))
        return model, table

    def _action(self, text: str, shortcut: QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.addAction(action)
        return action

    # -- data ---------------------------------------------------------------------------------------------
    def set_rows(self, rows: list[LabRow] | tuple[LabRow, ...], patient: tuple[str, str] | None = None) -> None:
        """Show a patient's results (`patient`: whose they are, for the access log of a print)."""
        self._patient = patient
        self._chart.clear()
        self._model.set_rows(rows)
        self._cumulative_model.set_rows(rows)
        self._panel_combo.blockSignals(True)
        self._panel_combo.clear()
        self._panel_combo.addItem(self.tr("All panels"), None)
        for panel in self._model.panels():
            self._panel_combo.addItem(panel, panel)
        self._panel_combo.setCurrentIndex(0)
        self._panel_combo.blockSignals(False)
        self._proxy.set_panel(None)
        self._empty.setVisible(not rows)
        self._update_count()

    def clear(self) -> None:
        self._abnormal.setChecked(False)
        self._new_only.setChecked(False)
        self.set_rows([])

    def model(self) -> LabTableModel:
        return self._model

    def proxy(self) -> LabFilterProxy:
        return self._proxy

    def table(self) -> QTableView:
        return self._table

    def new_only_box(self) -> QCheckBox:
        return self._new_only

    def chart(self) -> TrendChart:
        return self._chart

    def select_source_row(self, row: int) -> None:
        """Select one result (a row of the model) and show its trend."""
        proxy_index = self._proxy.mapFromSource(self._model.index(row, 0))
        if proxy_index.isValid():
            self._table.selectRow(proxy_index.row())
            self._table.scrollTo(proxy_index)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark: the flag colours follow
            self._model.set_palette(self.palette())
        super().changeEvent(event)

    # -- reactions ----------------------------------------------------------------------------------------
    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self._table.selectionModel().selectedRows()
        if not rows:
            self._chart.clear()
            return
        source: QModelIndex = self._proxy.mapToSource(rows[0])
        self._chart.set_series(self._model.series_for(source.row()))

    def _panel_changed(self, _index: int) -> None:
        self._proxy.set_panel(self._panel_combo.currentData())
        self._update_count()

    def _abnormal_toggled(self, checked: bool) -> None:
        self._proxy.set_abnormal_only(checked)
        self._update_count()

    def _new_only_toggled(self, checked: bool) -> None:
        self._proxy.set_new_only(checked)
        self._update_count()

    # -- cumulative view, copy, trend, print --------------------------------------------------------------
    def set_cumulative(self, on: bool) -> None:
        """Switch between the list by date and the cumulative view (tests × days)."""
        self._cumulative_button.blockSignals(True)
        self._cumulative_button.setChecked(on)
        self._cumulative_button.blockSignals(False)
        self._views.setCurrentIndex(1 if on else 0)

    def is_cumulative(self) -> bool:
        return self._views.currentIndex() == 1

    def cumulative_table(self) -> QTableView:
        return self._cumulative

    def selected_result(self) -> LabRow | None:
        """The result chosen in the view shown (a row of the list, a cell of the cumulative view)."""
        if self.is_cumulative():
            index = self._cumulative.currentIndex()
            return self._cumulative_model.result_at(index) if index.isValid() else None
        rows = self._table.selectionModel().selectedRows()
        return self._model.row_at(self._proxy.mapToSource(rows[0]).row()) if rows else None

    def copy_selected(self) -> str:
        """Ctrl+C: the chosen result on the clipboard as one line; returns the text ("" when none)."""
        row = self.selected_result()
        text = copy_text(row) if row is not None else ""
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def show_trend(self) -> None:
        """The chosen result's trend: from the cumulative view, back to the list with that result chosen."""
        if not self.is_cumulative():
            self._chart.show()
            self._chart.setFocus()
            return
        position = self._cumulative.currentIndex().data(ROW_ROLE)
        if position is None:
            return
        self._abnormal.setChecked(False)
        self._new_only.setChecked(False)
        self._panel_combo.setCurrentIndex(0)
        self.set_cumulative(False)
        self.select_source_row(position)

    def _context_menu(self, table: QTableView, position: QPoint) -> QMenu | None:
        index = table.indexAt(position)
        if not index.isValid():
            return None
        table.setCurrentIndex(index)
        if table is self._table:
            table.selectRow(index.row())
        menu = QMenu(table)
        menu.addAction(self.copy_action)
        menu.addAction(self.trend_action)
        menu.popup(table.viewport().mapToGlobal(position))
        return menu

    def print_current(self) -> QPrintPreviewDialog | None:
        """Ctrl+P: the view shown (the list as filtered, or the cumulative view) through a print preview."""
        if self._model.rowCount() == 0 or self._runner is None or self._patient is None:
            return None
        title = self.tr("Lab results")
        document = self._cumulative_model.html(title) if self.is_cumulative() else self._list_html(title)
        self.print_dialog = printing.open_print_preview(
            self, title, lambda printer: printing.print_text_document(printer, html=document))
        runner, (server_id, patient_id) = self._runner, self._patient
        self.print_dialog.accepted.connect(lambda: runner.query(
            self, lambda store: exports.record_print(store, server_id, patient_id, "labs"), lambda _none: None))
        return self.print_dialog

    def _list_html(self, title: str) -> str:
        esc = html.escape
        columns = range(self._proxy.columnCount())
        out = [f"<h2>{esc(title)}</h2><table border='1' cellspacing='0' cellpadding='3'><tr>"]
        out += [f"<th align='left'>{esc(str(self._proxy.headerData(c, Qt.Orientation.Horizontal)))}</th>"
                for c in columns]
        out.append("</tr>")
        for row in range(self._proxy.rowCount()):
            cells = [str(self._proxy.index(row, c).data() or "") for c in columns]
            out.append("<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in cells) + "</tr>")
        return "".join(out) + "</table>"

    def _update_count(self) -> None:
        shown, total = self._proxy.rowCount(), self._model.rowCount()
        abnormal = sum(1 for i in range(total) if self._model.flag_at(i).is_abnormal)
        if total == 0:
            self._count.clear()
        else:
            self._count.setText(self.tr("%1 of %2 results, %3 outside the reference range").replace(
                "%1", str(shown)).replace("%2", str(total)).replace("%3", str(abnormal)))

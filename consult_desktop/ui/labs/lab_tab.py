"""`LabTab`: the lab results table (by date and panel, abnormal flags) above the trend of the selected test.

Selecting a row draws that analyte across every stay in the `TrendChart` below. A panel filter and an
"abnormal only" switch narrow the table. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.record.patient_snapshot import LabRow
from consult_desktop.ui.labs.lab_table_model import LabFilterProxy, LabTableModel
from consult_desktop.ui.labs.trend_chart import TrendChart


class LabTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = LabTableModel(self)
        self._model.set_palette(self.palette())
        self._proxy = LabFilterProxy(self)
        self._proxy.setSourceModel(self._model)

        self._panel_combo = QComboBox(self)
        self._panel_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._abnormal = QCheckBox(self.tr("Abnormal results only"), self)
        self._count = QLabel(self)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Panel:"), self))
        filters.addWidget(self._panel_combo)
        filters.addWidget(self._abnormal)
        filters.addStretch(1)
        filters.addWidget(self._count)

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

        self._chart = TrendChart(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._table)
        splitter.addWidget(self._chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self._empty = QLabel(self.tr("No lab results stored for this patient."), self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._empty)

        self._table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._panel_combo.currentIndexChanged.connect(self._panel_changed)
        self._abnormal.toggled.connect(self._abnormal_toggled)
        self.set_rows([])

    # -- data ---------------------------------------------------------------------------------------------
    def set_rows(self, rows: list[LabRow] | tuple[LabRow, ...]) -> None:
        self._chart.clear()
        self._model.set_rows(rows)
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
        self.set_rows([])

    def model(self) -> LabTableModel:
        return self._model

    def proxy(self) -> LabFilterProxy:
        return self._proxy

    def table(self) -> QTableView:
        return self._table

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

    def _update_count(self) -> None:
        shown, total = self._proxy.rowCount(), self._model.rowCount()
        abnormal = sum(1 for i in range(total) if self._model.flag_at(i).is_abnormal)
        if total == 0:
            self._count.clear()
        else:
            self._count.setText(self.tr("%1 of %2 results, %3 outside the reference range").replace(
                "%1", str(shown)).replace("%2", str(total)).replace("%3", str(abnormal)))

"""The window opens within the screen, the patient list uses its width without a horizontal scroll bar, and the
window's size, splitter positions and column widths come back at the next start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from consult_desktop.store import Profile
from consult_desktop.sync.progress import SyncReport, SyncStatus
from consult_desktop.ui.patients.patient_table_model import COL_NAME, COL_SSIN
from consult_desktop.ui.shell import window_layout
from consult_desktop.ui.shell.main_window import MainWindow
from consult_desktop.ui.sync.sync_controller import SyncController
from consult_desktop.ui_settings import UiSettings

LONG_NAME = "VERSTRAETEN Marie-Christine"


def no_sync(profile, data_key, on_progress=None, cancel=None, patient_id=None) -> SyncReport:
    return SyncReport(SyncStatus.OK)


@pytest.fixture
def make(qtbot, runner, filled_profile: Profile, known):
    known.unlock(runner, filled_profile)

    def build() -> MainWindow:
        win = MainWindow(runner, filled_profile, SyncController(runner, filled_profile, sync_fn=no_sync),
                         UiSettings())
        qtbot.addWidget(win)
        return win

    return build


def test_opens_within_the_available_screen(make) -> None:
    window = make()
    window.show()
    area = window_layout.available_geometry(window)
    assert window.width() <= area.width() and window.height() <= area.height()


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1366, 768)])
def test_patient_list_fits_without_horizontal_scroll_bar(qtbot, make, width: int, height: int) -> None:
    window = make()
    window.resize(width, height)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 3, timeout=15000)
    table = window.list_panel.table
    header = table.horizontalHeader()
    assert not table.horizontalScrollBar().isVisible()
    assert header.length() <= table.viewport().width()
    assert header.sectionResizeMode(COL_NAME) == header.ResizeMode.Stretch
    assert header.sectionSize(COL_NAME) >= table.fontMetrics().horizontalAdvance(LONG_NAME) + 8
    model = window.list_panel.model
    assert model.index(0, COL_NAME).data(Qt.ItemDataRole.ToolTipRole) == model.index(0, COL_NAME).data()


def test_size_splitters_and_columns_come_back(qtbot, make) -> None:
    window = make()
    window.resize(790, 560)
    window.show()
    window.splitter.setSizes([330, 450])
    window.list_panel.table.horizontalHeader().resizeSection(COL_SSIN, 177)
    sizes = window.splitter.sizes()
    window.close()

    again = make()
    again.show()
    assert (again.width(), again.height()) == (790, 560)
    assert again.splitter.sizes() == sizes
    assert again.list_panel.table.horizontalHeader().sectionSize(COL_SSIN) == 177


def test_every_tab_fits_a_1366_by_768_screen_with_a_task_bar(qtbot, make, known) -> None:
    from PySide6.QtWidgets import QApplication

    window = make()
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 3, timeout=15000)
    window.list_panel.select_patient(known.SERVER, known.DUBOIS)
    qtbot.waitUntil(lambda: window.patient_view.snapshot() is not None, timeout=15000)
    for tab in ("documents", "labs", "problems", "encounters", "medication"):
        window.patient_view.select_tab(tab)
        QApplication.processEvents()
        needed = window.minimumSizeHint()
        assert needed.width() <= 1280 and needed.height() <= 768 - 48 - 32, (tab, needed)  # task bar, title bar

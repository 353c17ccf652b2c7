"""Every interactive widget of the main window has an accessible name: the whole widget tree is walked with a
patient open and every tab visited (the medication tab's tool bar, its "»" overflow button and the search field's
clear button included)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QToolButton,
    QWidget,
)

from consult_desktop.store import Profile
from consult_desktop.sync.progress import SyncReport, SyncStatus
from consult_desktop.ui.shell.main_window import MainWindow
from consult_desktop.ui.sync.sync_controller import SyncController
from consult_desktop.ui_settings import UiSettings

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QAbstractSlider, QTabBar)
PARTS_OF_A_VIEW = (QScrollBar, QHeaderView)  # read through their view (its name, its column titles)


def no_sync(profile, data_key, on_progress=None, cancel=None, patient_id=None) -> SyncReport:
    return SyncReport(SyncStatus.OK)


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says: the name set on the widget, else the one Qt derives (a button's text)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    derived = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (widget.accessibleName() or derived or "").strip()


def unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, PARTS_OF_A_VIEW) or widget.window() is not root:
            continue
        if not accessible_name(widget):
            path, parent = [], widget
            while parent is not None and parent is not root:
                path.append(parent.objectName() or type(parent).__name__)
                parent = parent.parentWidget()
            missing.append(" < ".join(path))
    return missing


@pytest.fixture
def window(qtbot, runner, filled_profile: Profile, known) -> MainWindow:
    known.unlock(runner, filled_profile)
    win = MainWindow(runner, filled_profile, SyncController(runner, filled_profile, sync_fn=no_sync), UiSettings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.start()
    qtbot.waitUntil(lambda: win.list_panel.model.rowCount() == 3, timeout=15000)
    return win


def test_every_interactive_widget_has_an_accessible_name(qtbot, window: MainWindow, known) -> None:
    window.list_panel.select_patient(known.SERVER, known.DUBOIS)
    qtbot.waitUntil(lambda: window.patient_view.snapshot() is not None, timeout=15000)
    with qtbot.waitSignal(window.patient_view.document_opened, timeout=10000):
        window.patient_view.open_document("DocumentReference", "doc-1")
    missing: set[str] = set()
    for name in ("documents", "labs", "problems", "encounters", "medication"):
        window.patient_view.select_tab(name)
        QApplication.processEvents()
        missing |= set(unnamed(window))
    window.patient_view.select_tab("medication")
    window.resize(800, 600)  # small enough for the medication tool bar's "»" overflow button to show
    QApplication.processEvents()
    missing |= set(unnamed(window))
    assert not missing, "\n".join(sorted(missing))


def test_known_gaps_are_named(qtbot, window: MainWindow) -> None:
    panel = window.list_panel
    clear_buttons = panel.search.findChildren(QToolButton)
    assert clear_buttons and all(accessible_name(b) for b in clear_buttons)
    assert accessible_name(panel.table) and panel.table.accessibleDescription()
    overflow = window.patient_view.medication_widget().findChild(QToolButton, "qt_toolbar_ext_button")
    assert overflow is not None and accessible_name(overflow)

"""The main window driven from the keyboard: tabs by Ctrl+1..5, Ctrl+PgDown/PgUp and Alt+letter; the search field
into the list and back; Tab leaves the list without opening anybody; one Ctrl+F that finds where the focus is;
F1 lists every shortcut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from consult_desktop.store import Profile
from consult_desktop.sync.progress import SyncReport, SyncStatus
from consult_desktop.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from consult_desktop.ui.documents.find_bar import FindBar
from consult_desktop.ui.patients.patient_table_model import KEY_ROLE
from consult_desktop.ui.shell.main_window import MainWindow
from consult_desktop.ui.sync.sync_controller import SyncController
from consult_desktop.ui_settings import UiSettings

CTRL = Qt.KeyboardModifier.ControlModifier


def no_sync(profile, data_key, on_progress=None, cancel=None, patient_id=None) -> SyncReport:
    return SyncReport(SyncStatus.OK)


@pytest.fixture
def window(qtbot, runner, filled_profile: Profile, known) -> MainWindow:
    known.unlock(runner, filled_profile)
    win = MainWindow(runner, filled_profile, SyncController(runner, filled_profile, sync_fn=no_sync), UiSettings())
    qtbot.addWidget(win)
    win.show()
    win.start()
    qtbot.waitUntil(lambda: win.list_panel.model.rowCount() == 3, timeout=15000)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    return win


def open_audits(runner, known) -> list[str]:
    return [e.patient_id for e in known.db(runner, lambda store: store.audit.entries()) if e.action == "open-patient"]


def opened(qtbot, window: MainWindow, known) -> None:
    window.list_panel.select_patient(known.SERVER, known.DUBOIS)
    qtbot.waitUntil(lambda: window.patient_view.snapshot() is not None, timeout=15000)


def test_ctrl_number_and_ctrl_page_keys_choose_the_tabs(qtbot, window: MainWindow, known) -> None:
    opened(qtbot, window, known)
    focus = window.list_panel.table
    focus.setFocus()
    for number, name in enumerate(("documents", "labs", "problems", "encounters", "medication"), start=1):
        qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{number}"), CTRL)
        assert window.patient_view.current_tab() == name
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, CTRL)
    assert window.patient_view.current_tab() == "documents"  # wraps around
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, CTRL)
    assert window.patient_view.current_tab() == "medication"


def test_tab_titles_carry_mnemonics_and_alt_letter_chooses_them(qtbot, window: MainWindow, known) -> None:
    opened(qtbot, window, known)
    tabs = window.patient_view.tab_widget()
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert all("&" in title for title in titles), titles
    letters = [title[title.index("&") + 1].lower() for title in titles]
    assert len(set(letters)) == len(letters)  # no two tabs share a letter
    menus = {a.text()[a.text().index("&") + 1].lower() for a in window.menuBar().actions() if "&" in a.text()}
    assert not menus & set(letters), "a tab mnemonic collides with a menu"
    window.list_panel.table.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{letters[1].upper()}"),
                   Qt.KeyboardModifier.AltModifier)
    assert window.patient_view.current_tab() == "labs"


def test_search_field_down_escape_and_enter(qtbot, window: MainWindow, runner, known) -> None:
    panel = window.list_panel
    qtbot.keyClick(panel.table, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is panel.search
    qtbot.keyClicks(panel.search, "jan")
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1, timeout=5000)
    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert panel.search.text() == ""
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 3, timeout=5000)
    assert window.current_patient is None
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is panel.table
    assert window.current_patient is not None  # the first row, selected and opened
    assert window.current_patient == panel.current_key() == panel.proxy.index(0, 0).data(KEY_ROLE)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)  # the arrows change the row and open that patient
    assert window.current_patient == panel.current_key()
    assert len(set(open_audits(runner, known))) == 2
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # Enter: on to their record
    assert QApplication.focusWidget() is window.patient_view.tab_widget().tabBar()
    assert window.current_patient == panel.current_key()


def test_tab_leaves_the_list_without_opening_anybody(qtbot, window: MainWindow, runner, known) -> None:
    opened(qtbot, window, known)
    panel = window.list_panel
    panel.table.setFocus()
    before = window.current_patient
    for key, modifiers in ((Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Tab, CTRL)):
        panel.table.setFocus()
        index_before = panel.table.currentIndex()
        qtbot.keyClick(panel.table, key, modifiers)
        assert not panel.table.hasFocus()
        assert panel.table.currentIndex() == index_before  # not one cell further
        assert window.current_patient == before
    assert open_audits(runner, known) == [known.DUBOIS]


def test_ctrl_f_finds_in_the_document_the_focus_is_in(qtbot, window: MainWindow, known) -> None:
    opened(qtbot, window, known)
    view = window.patient_view
    with qtbot.waitSignal(view.document_opened, timeout=10000):
        view.open_document("DocumentReference", "doc-1")
    viewer = view.documents_tab().viewer()
    viewer.text_browser().setFocus()
    qtbot.waitUntil(lambda: viewer.text_browser().hasFocus(), timeout=5000)
    qtbot.keyClick(viewer.text_browser(), Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: viewer.findChild(FindBar).isVisible(), timeout=5000)
    qtbot.keyClicks(QApplication.focusWidget(), "suivi")
    assert viewer.text_browser().textCursor().selectedText() == "suivi"
    assert viewer.find_status() == "1 of 1"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not viewer.findChild(FindBar).isVisible()
    documents = view.documents_tab()
    documents.table().setFocus()  # in the document list: the same keys search the patient's documents
    qtbot.keyClick(documents.table(), Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is documents.search_field()
    window.list_panel.table.setFocus()  # outside the patient's record: the same keys find a patient
    qtbot.keyClick(window.list_panel.table, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is window.list_panel.search


def test_f1_lists_every_shortcut_from_the_actions(qtbot, window: MainWindow, known) -> None:
    opened(qtbot, window, known)
    qtbot.keyClick(window.list_panel.table, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog, "shortcutsDialog")
    assert dialog is not None
    rows = dialog.rows()
    keys = {row[2] for row in rows}
    assert {"F5", "Ctrl+L", "Ctrl+F", "Ctrl+1", "Ctrl+5", "Ctrl+PgDown", "F1"} <= keys
    assert "Ctrl+Shift+1" in keys and "Ctrl+N" in keys  # the medication tab's own keys too
    medication = [row for row in rows if row[2] == "Ctrl+Shift+1"][0]
    assert medication[0] == "Medication"
    assert {"Alt+D", "Alt+M", "Down", "Esc"} <= keys  # the tabs' letters, the list's and the find bar's keys


def test_one_ctrl_p_prints_the_current_tab_wherever_the_focus_is(qtbot, window: MainWindow, known) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    window.list_panel.select_patient(known.SERVER, known.PEETERS)  # the one with a lab result
    qtbot.waitUntil(lambda: window.patient_view.snapshot() is not None, timeout=15000)
    window.list_panel.table.setFocus()
    qtbot.keyClick(window.list_panel.table, Qt.Key.Key_2, CTRL)  # the lab results
    labs = window.patient_view.lab_tab()
    assert window.patient_view.current_tab() == "labs" and labs.print_dialog is None
    window.list_panel.table.setFocus()  # focus outside the tab: the window's Ctrl+P still prints the tab
    qtbot.keyClick(window.list_panel.table, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: isinstance(labs.print_dialog, QPrintPreviewDialog), timeout=5000)
    labs.print_dialog.reject()
    first = labs.print_dialog
    labs.cumulative_table().setFocus()  # focus inside the tab: one Print action, not two ambiguous ones
    qtbot.keyClick(labs.cumulative_table(), Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: labs.print_dialog is not first, timeout=5000)
    labs.print_dialog.reject()
    keys = [a.shortcut().toString() for a in window.patient_view.print_actions()]
    assert keys == ["", "", ""] and window.print_action.shortcut().toString() == "Ctrl+P"

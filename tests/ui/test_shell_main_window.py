"""The main window on a real encrypted profile: opening patients, the access log, sync problems, idle lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from consult_desktop.store import Profile
from consult_desktop.sync.progress import SyncReport, SyncStatus
from consult_desktop.ui.patients.patient_table_model import KEY_ROLE, NEW_ITEMS_ROLE
from consult_desktop.ui.shell.main_window import MainWindow
from consult_desktop.ui.sync.sync_controller import SyncController
from consult_desktop.ui_settings import UiSettings


def no_sync(profile, data_key, on_progress=None, cancel=None, patient_id=None) -> SyncReport:
    return SyncReport(SyncStatus.OK)


@pytest.fixture
def window(qtbot, runner, filled_profile: Profile, known) -> MainWindow:
    known.unlock(runner, filled_profile)
    sync = SyncController(runner, filled_profile, sync_fn=no_sync)
    win = MainWindow(runner, filled_profile, sync, UiSettings())
    qtbot.addWidget(win)
    win.show()
    win.start()
    qtbot.waitUntil(lambda: win.list_panel.model.rowCount() == 3, timeout=15000)
    return win


def new_items(win: MainWindow, patient_id: str) -> int:
    model = win.list_panel.model
    return model.index(model.row_of("hosp", patient_id), 0).data(NEW_ITEMS_ROLE)


def test_opening_a_patient_shows_the_record_and_is_audited(qtbot, window: MainWindow, runner, known) -> None:
    assert window.list_panel.select_patient(known.SERVER, known.DUBOIS)
    assert window.current_patient == (known.SERVER, known.DUBOIS)
    assert window.right.currentWidget() is window.patient_view
    qtbot.waitUntil(lambda: window.patient_view.snapshot() is not None, timeout=15000)
    entries = known.db(runner, lambda store: store.audit.entries())
    assert entries[0].action == "open-patient" and entries[0].patient_id == known.DUBOIS

    dialog = window.open_access_log()
    qtbot.waitUntil(lambda: dialog.entries_shown > 0, timeout=15000)
    rows = [[dialog.table.item(r, c).text() for c in range(5)] for r in range(dialog.entries_shown)]
    assert rows[0][1] == "Opened patient" and rows[0][2] == "DUBOIS-LEFÈVRE Élodie"  # the name, not the id


def test_leaving_a_patient_clears_their_badge(qtbot, window: MainWindow, runner, known) -> None:
    assert new_items(window, known.DUBOIS) == 2
    window.list_panel.select_patient(known.SERVER, known.DUBOIS)
    window.list_panel.select_patient(known.SERVER, known.JANSSENS)
    assert new_items(window, known.DUBOIS) == 0
    window.reload()  # what the database now says
    qtbot.waitUntil(lambda: known.db(runner, lambda s: s.views.last_viewed(known.SERVER, known.DUBOIS))
                    is not None, timeout=15000)
    summaries = known.db(runner, lambda store: store.patient_summaries())
    assert {s.id: s.new_items for s in summaries}[known.DUBOIS] == 0
    assert {s.id: s.new_items for s in summaries}[known.PEETERS] == 1


def test_search_field_filters_and_ctrl_f_focuses_it(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    window.find_action.trigger()
    assert window.list_panel.search.hasFocus() or window.focusWidget() is window.list_panel.search
    qtbot.keyClicks(window.list_panel.search, "lefevre")
    qtbot.waitUntil(lambda: window.list_panel.proxy.rowCount() == 1, timeout=5000)
    assert window.current_patient is None  # typing does not open anybody
    qtbot.keyClick(window.list_panel.search, Qt.Key.Key_Return)  # Enter opens the first match
    assert window.current_patient is not None and window.current_patient[1] == "p-dubois"


def test_sync_problems_panel_lists_quarantined_resources(qtbot, window: MainWindow) -> None:
    dialog = window.open_sync_problems()
    qtbot.waitUntil(lambda: dialog.problem_count == 1, timeout=15000)
    row = [dialog.table.item(0, c).text() for c in range(4)]
    assert row[0] == "Observation" and row[1] == "obs-bad-7"
    assert "not a number" in row[2]
    assert row[3]  # a date


def test_idle_lock_then_unlock_returns_to_the_same_patient_and_tab(qtbot, window: MainWindow, runner,
                                                                   known) -> None:
    window.list_panel.select_patient(known.SERVER, known.DUBOIS)
    qtbot.waitUntil(lambda: window.patient_view.snapshot() is not None, timeout=15000)
    window.patient_view.select_tab("labs")
    with qtbot.waitSignal(window.locked, timeout=15000):
        window.idle.set_timeout_ms(200)

    # Nothing about patients remains on screen, and the database is closed.
    assert window.is_locked
    assert window.list_panel.model.rowCount() == 0
    assert window.patient_view.current_patient() is None
    assert window.pages.currentWidget() is window.locked_page
    errors: list = []
    runner.db(lambda store: store, None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=15000)
    assert "locked" in str(errors[0])

    dialog = window.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.passphrase, "wrong passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong passphrase" in dialog.message.text(), timeout=15000)
    assert window.is_locked
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, known.PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=15000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_patient == (known.SERVER, known.DUBOIS), timeout=15000)
    qtbot.waitUntil(lambda: window.patient_view.snapshot() is not None, timeout=15000)
    assert window.patient_view.current_tab() == "labs"
    current = window.list_panel.table.currentIndex()
    assert current.data(KEY_ROLE) == (known.SERVER, known.DUBOIS)
    actions = [e.action for e in known.db(runner, lambda store: store.audit.entries())]
    assert actions[:3] == ["open-patient", "unlock", "lock"]


def test_ctrl_l_locks(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    with qtbot.waitSignal(window.locked, timeout=5000):
        window.lock_action.trigger()
    assert window.unlock_dialog is not None and window.unlock_dialog.isVisible()
    assert window.lock_action.shortcut().toString() == "Ctrl+L"


def test_settings_apply_at_once_and_are_kept(qtbot, window: MainWindow) -> None:
    from consult_desktop.ui.dialogs.settings_dialog import SettingsDialog
    from consult_desktop.ui_settings import UiSettings as Saved

    window.open_settings()
    dialog = window.findChild(SettingsDialog, "settingsDialog")
    qtbot.waitUntil(lambda: dialog._server_loaded, timeout=15000)  # the server tab is filled from the profile
    assert dialog.server.url.text() == "http://127.0.0.1:9/fhir"
    dialog.idle.setValue(3)
    dialog.auto_sync.setValue(30)
    dialog.discharge.setValue(30)
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    from consult_desktop.meds.language import process_language, set_process_language

    medication_language = process_language()
    try:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert window.idle.timeout_ms == 3 * 60_000
        # The language applies at once too (see tests/ui/test_shell_language_switch.py).
        qtbot.waitUntil(lambda: window.list_panel.discharged.text() == "Ontslagen in de laatste 30 dagen",
                        timeout=5000)
    finally:
        from PySide6.QtWidgets import QApplication

        from consult_desktop.ui.shell import i18n

        i18n.install(QApplication.instance(), "en")
        set_process_language(medication_language)  # the switch set it for the whole process
    saved = Saved.load()
    assert (saved.language, saved.idle_lock_minutes, saved.auto_sync_minutes) == ("nl", 3, 30)

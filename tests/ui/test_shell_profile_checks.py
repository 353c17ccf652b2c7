"""After unlocking, the window says when the profile is damaged (daily check) or read-only."""

from __future__ import annotations

from consult_desktop.store import Profile
from consult_desktop.store.integrity import IntegrityReport
from consult_desktop.sync.progress import SyncReport, SyncStatus
from consult_desktop.ui.shell import main_window as main_window_module
from consult_desktop.ui.shell.main_window import MainWindow
from consult_desktop.ui.sync.sync_controller import SyncController
from consult_desktop.ui_settings import UiSettings


def no_sync(profile, data_key, on_progress=None, cancel=None, patient_id=None) -> SyncReport:
    return SyncReport(SyncStatus.OK)


def open_window(qtbot, runner, profile: Profile, known) -> MainWindow:
    known.unlock(runner, profile)
    win = MainWindow(runner, profile, SyncController(runner, profile, sync_fn=no_sync), UiSettings())
    qtbot.addWidget(win)
    win.show()
    win.start()
    qtbot.waitUntil(lambda: win.list_panel.model.rowCount() == 3, timeout=15000)
    return win


def test_a_healthy_profile_shows_no_message_and_is_checked_once_a_day(qtbot, runner, filled_profile, known) -> None:
    win = open_window(qtbot, runner, filled_profile, known)
    qtbot.waitUntil(lambda: known.db(runner, lambda s: s.settings.get("integrity.last_check")) is not None,
                    timeout=15000)
    assert not win.message_bar.isVisible()


def test_damage_found_after_unlock_is_shown_with_what_to_do(qtbot, runner, filled_profile, known,
                                                            monkeypatch) -> None:
    damaged = IntegrityReport(encryption=["page 12: HMAC check failed"])
    monkeypatch.setattr(main_window_module, "daily_check", lambda store: damaged)
    win = open_window(qtbot, runner, filled_profile, known)
    qtbot.waitUntil(lambda: win.message_bar.isVisible() and win.message_bar.kind == "error", timeout=15000)
    text = win.message_bar.text.text()
    assert "damaged" in text and "consult-desktop backup" in text


def test_a_read_only_profile_says_why_nothing_is_saved(qtbot, runner, filled_profile, known, monkeypatch) -> None:
    monkeypatch.setattr(Profile, "is_read_only", lambda self: True)
    win = open_window(qtbot, runner, filled_profile, known)
    qtbot.waitUntil(lambda: win.message_bar.isVisible() and win.message_bar.kind == "info", timeout=15000)
    assert "read-only" in win.message_bar.text.text()
    assert known.db(runner, lambda store: store.read_only)
    assert win.sync.start() is False  # no sync is started on a profile that cannot store anything

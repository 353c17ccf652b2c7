"""`consult-desktop --demo`: demo hospital on 127.0.0.1, a throw-away profile, a sync, the main window unlocked;
the demo profile is deleted at the end."""

from __future__ import annotations

import argparse

import pytest

from consult_desktop.sync.progress import SyncStatus


def test_demo_mode_opens_unlocked_and_synced(qtbot, qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("consult_desktop.demo.server", reason="demo server not present")
    pytest.importorskip("consult_desktop.sync.setup", reason="sync engine setup module not present")
    from consult_desktop.app import Shell
    from consult_desktop.demo_session import DEMO_PASSPHRASE

    monkeypatch.setenv("CONSULT_DEMO_PATIENTS", "6")
    shell = Shell(qapp, argparse.Namespace(data_dir=None, demo=True))
    try:
        shell.begin()
        qtbot.waitUntil(lambda: shell.window is not None, timeout=60000)
        window = shell.window
        assert not window.is_locked
        qtbot.waitUntil(lambda: window.sync.last_report is not None, timeout=120000)  # the sync it started
        assert window.sync.last_report.status == SyncStatus.OK
        qtbot.waitUntil(lambda: window.list_panel.model.rowCount() > 0, timeout=30000)
        directory = shell.demo.directory
        assert directory.is_dir()
        window.lock()
        assert window.unlock_dialog.hint.isVisible()
        assert DEMO_PASSPHRASE in window.unlock_dialog.hint.text()
    finally:
        if shell.window is not None:
            shell.window.close()
        shell.shutdown()
    assert not directory.exists()

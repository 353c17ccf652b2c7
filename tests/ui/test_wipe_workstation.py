""""Wipe this workstation": typed confirmation, then the profile and its keychain entry are gone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from consult_desktop.store import keychain
from consult_desktop.sync.progress import SyncReport, SyncStatus
from consult_desktop.ui.dialogs.wipe_workstation import WipeWorkstationDialog, confirm_and_wipe
from consult_desktop.ui.sync.sync_controller import SyncController


@pytest.fixture
def removed_keys(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    removed: list[str] = []
    monkeypatch.setattr(keychain, "delete_key", lambda profile_id: removed.append(profile_id) or True)
    return removed


def test_wipe_button_stays_disabled_until_wipe_is_typed(qtbot, filled_profile) -> None:
    dialog = WipeWorkstationDialog(filled_profile)
    qtbot.addWidget(dialog)
    assert not dialog.wipe_button.isEnabled()
    qtbot.keyClicks(dialog.confirm_edit, "WIP")
    assert not dialog.wipe_button.isEnabled()
    qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)  # Enter does not bypass the confirmation
    assert dialog.result() != dialog.DialogCode.Accepted
    qtbot.keyClicks(dialog.confirm_edit, "E")
    assert dialog.wipe_button.isEnabled()


def test_the_dialog_names_the_profile_folder(qtbot, filled_profile) -> None:
    from PySide6.QtWidgets import QLabel

    dialog = WipeWorkstationDialog(filled_profile)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(filled_profile.directory) in texts and "cannot be undone" in texts


def test_confirmed_wipe_closes_the_store_and_removes_files_and_keychain_entry(
        qtbot, runner, filled_profile, known, removed_keys) -> None:
    known.unlock(runner, filled_profile)
    profile_id = known.db(runner, lambda store: store.profile_id)
    assert confirm_and_wipe(None, runner, filled_profile, confirm=lambda parent, profile: True)
    assert not filled_profile.exists()
    assert not filled_profile.directory.exists()
    assert removed_keys == [profile_id]
    with pytest.raises(RuntimeError, match="locked"):
        known.db(runner, lambda store: store.patient_summaries())


def test_cancelling_leaves_everything_as_it_was(qtbot, runner, filled_profile, known, removed_keys) -> None:
    known.unlock(runner, filled_profile)
    before = [p.name for p in filled_profile.files()]
    assert not confirm_and_wipe(None, runner, filled_profile, confirm=lambda parent, profile: False)
    assert [p.name for p in filled_profile.files()] == before
    assert removed_keys == []
    assert len(known.db(runner, lambda store: store.patient_summaries())) == 3


def test_a_running_sync_is_stopped_before_anything_is_removed(qtbot, runner, filled_profile, known,
                                                              removed_keys) -> None:
    import threading

    running, release = threading.Event(), threading.Event()
    seen: list[tuple[bool, bool]] = []

    def slow_sync(profile, data_key, on_progress=None, cancel=None, patient_id=None) -> SyncReport:
        running.set()
        release.wait(10)
        seen.append((bool(cancel and cancel.cancelled), profile.key_path.exists()))
        return SyncReport(SyncStatus.CANCELLED)

    known.unlock(runner, filled_profile)
    sync = SyncController(runner, filled_profile, sync_fn=slow_sync)
    assert sync.start()
    qtbot.waitUntil(running.is_set, timeout=5000)

    def ask(parent, profile) -> bool:
        threading.Timer(0.3, release.set).start()
        return True

    assert confirm_and_wipe(None, runner, filled_profile, sync=sync, confirm=ask)
    assert seen == [(True, True)]  # cancelled, and the files were still there while it ran
    assert not filled_profile.exists()


def test_a_failed_removal_is_reported_and_returns_false(qtbot, runner, filled_profile, known, removed_keys,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(type(filled_profile), "wipe", lambda self: (_ for _ in ()).throw(PermissionError("busy")))
    known.unlock(runner, filled_profile)
    assert not confirm_and_wipe(None, runner, filled_profile, confirm=lambda parent, profile: True)
    assert shown and "busy" in shown[0]
    assert Path(filled_profile.key_path).exists()

"""The unlock dialog: a wrong passphrase keeps it open with a message; the right one unlocks the runner."""

from __future__ import annotations

from PySide6.QtCore import Qt

from consult_desktop.store import Profile
from consult_desktop.ui.dialogs.unlock_dialog import UnlockDialog


def test_wrong_then_right_passphrase(qtbot, runner, filled_profile: Profile, known) -> None:
    dialog = UnlockDialog(runner, filled_profile)
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong passphrase" in dialog.message.text(), timeout=15000)
    assert dialog.isVisible()
    assert dialog.passphrase.isEnabled()
    assert dialog.result() == 0

    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, known.PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.passphrase.text() == ""  # not kept in the widget
    assert known.db(runner, lambda store: store.stats()["patients"]) == 3


def test_empty_passphrase_asks_for_one(qtbot, runner, filled_profile: Profile) -> None:
    dialog = UnlockDialog(runner, filled_profile)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.unlock_button.click()
    assert "Enter your passphrase" in dialog.message.text()
    assert dialog.isVisible()


def test_demo_hint_only_in_demo_mode(qtbot, runner, filled_profile: Profile) -> None:
    plain = UnlockDialog(runner, filled_profile)
    demo = UnlockDialog(runner, filled_profile, hint="demo demo demo")
    for d in (plain, demo):
        qtbot.addWidget(d)
        d.show()
    assert not plain.hint.isVisible()
    assert demo.hint.isVisible() and "demo demo demo" in demo.hint.text()


def test_repeated_failures_wait_on_the_database_thread_and_say_so(qtbot, runner, filled_profile: Profile,
                                                                  known) -> None:
    dialog = UnlockDialog(runner, filled_profile)
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(2):
        dialog.passphrase.setText("wrong")
        dialog.unlock_button.click()
        qtbot.waitUntil(lambda: "Wrong passphrase" in dialog.message.text() and not dialog.busy_unlocking,
                        timeout=15000)
    dialog.passphrase.setText(known.PASSPHRASE)
    dialog.unlock_button.click()  # the store now waits before trying: the dialog explains and stays responsive
    assert "checking again in 1 second" in dialog.message.text()
    assert dialog.busy_unlocking and not dialog.passphrase.isEnabled()
    seen_busy = []
    qtbot.waitUntil(lambda: seen_busy.append(dialog.busy_unlocking) or not dialog.isVisible(), timeout=15000)
    assert True in seen_busy  # the GUI thread kept running while the database thread waited
    assert dialog.result() == dialog.DialogCode.Accepted

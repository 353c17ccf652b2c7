""""Wipe this workstation": remove the profile (database, key file, keychain entry) after typed confirmation.

A locum leaving a practice, or a practice retiring a computer, removes every patient record this program
kept on it. `confirm_and_wipe(parent, runner, profile, sync=...)` asks for confirmation (the GP types WIPE),
stops a running sync and waits for it, closes the database on its own thread, then `Profile.wipe()` removes
the files and the OS keychain entry. It returns True only when the profile is gone; the caller then leaves
the main window (there is nothing left to show). The hospital's records are not affected, and the desktop
preferences (language, lock delay: no patient data) are kept.

GUI thread only; the file removal runs on the task runner's network lane so the interface stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.record import actions
from consult_desktop.store import Profile
from consult_desktop.ui.shell.task_runner import TaskRunner

CONFIRM_WORD = "WIPE"
SYNC_STOP_TIMEOUT_MS = 120_000


class WipeWorkstationDialog(QDialog):
    """Says what will be removed and enables the Wipe button only once WIPE is typed."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wipeWorkstationDialog")
        self.setWindowTitle(self.tr("Wipe this workstation"))
        explanation = QLabel(self.tr(
            "This removes every patient record that Consult Desktop keeps on this computer: the encrypted "
            "database, its key file and the key kept in the system keychain, in %1. It cannot be undone. The "
            "hospital keeps its records: you can set up the program again later and sync.").replace(
                "%1", str(profile.directory)), self)
        explanation.setWordWrap(True)
        prompt = QLabel(self.tr("Type %1 to confirm:").replace("%1", CONFIRM_WORD), self)
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setObjectName("wipeConfirmEdit")
        self.confirm_edit.setPlaceholderText(CONFIRM_WORD)
        prompt.setBuddy(self.confirm_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.wipe_button: QPushButton = buttons.addButton(self.tr("Wipe"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.wipe_button.setObjectName("wipeButton")
        self.wipe_button.setEnabled(False)
        self.wipe_button.setAutoDefault(False)
        self.wipe_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.confirm_edit.textChanged.connect(lambda _text: self.wipe_button.setEnabled(self.confirmed))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(prompt)
        layout.addWidget(self.confirm_edit)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    @property
    def confirmed(self) -> bool:
        return self.confirm_edit.text().strip().upper() == CONFIRM_WORD

    def accept(self) -> None:
        if self.confirmed:  # Enter in the field must not bypass the typed confirmation
            super().accept()

    @staticmethod
    def ask(parent: QWidget | None, profile: Profile) -> bool:
        dialog = WipeWorkstationDialog(profile, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted


def _wait(done: Callable[[], bool], start: Callable[[Callable[[], None]], None], timeout_ms: int) -> bool:
    """Run `start(finish)` and spin a local event loop until `done()` (or the timeout); True when done."""
    loop = QEventLoop()
    start(loop.quit)
    if not done():
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
    return done()


def confirm_and_wipe(parent: QWidget | None, runner: TaskRunner, profile: Profile, *, sync: Any = None,
                     confirm: Callable[[QWidget | None, Profile], bool] | None = None) -> bool:
    """Ask, then remove the profile from this computer. True when it is gone; False when cancelled or failed.

    `sync` (the SyncController, optional) is stopped first; a running sync is cancelled and awaited, since it
    holds its own connection to the database. After True the store is closed and the runner is locked.
    """
    if not (confirm or WipeWorkstationDialog.ask)(parent, profile):
        return False
    if sync is not None:
        sync.set_enabled(False)

        def stop_sync(finish: Callable[[], None]) -> None:
            sync.finished.connect(lambda _report: finish())

        if sync.running and not _wait(lambda: not sync.running, stop_sync, SYNC_STOP_TIMEOUT_MS):
            _report_failure(parent, QCoreApplication.translate(
                "WipeWorkstationDialog", "The running sync did not stop; nothing was removed."))
            return False
    outcome: list[BaseException | None] = []

    def wipe(finish: Callable[[], None]) -> None:
        def done(result: object = None) -> None:
            outcome.append(result if isinstance(result, BaseException) else None)
            finish()

        runner.close_store(lambda _none: runner.net(lambda: actions.wipe_profile(profile), done, done), done)

    _wait(lambda: bool(outcome), wipe, SYNC_STOP_TIMEOUT_MS)
    error = outcome[0] if outcome else TimeoutError()
    if error is None and not profile.exists():
        return True
    if error is not None:
        reason = str(error) or type(error).__name__
    else:
        reason = QCoreApplication.translate("WipeWorkstationDialog", "some files are still there")
    _report_failure(parent, QCoreApplication.translate(
        "WipeWorkstationDialog", "The profile could not be removed completely: %1").replace("%1", reason))
    return False


def _report_failure(parent: QWidget | None, message: str) -> None:
    QMessageBox.critical(parent, QCoreApplication.translate("WipeWorkstationDialog", "Wipe this workstation"),
                         message)

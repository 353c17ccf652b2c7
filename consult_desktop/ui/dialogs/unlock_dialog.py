"""`UnlockDialog`: asks for the passphrase and opens the profile on the database lane.

Key derivation (Argon2id) and the store's growing wait after repeated failures both happen on the database
thread, so the dialog stays responsive and says what it is doing. A wrong passphrase leaves the dialog open
with a message; any other store error is shown as the store words it (those messages are written for the
GP). In demo mode the demo passphrase is shown as a hint. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.store import Profile, StoreError, WrongPassphrase
from consult_desktop.ui.shell.task_runner import TaskRunner


class UnlockDialog(QDialog):
    unlocked = Signal()

    def __init__(self, runner: TaskRunner, profile: Profile, parent: QWidget | None = None, *,
                 hint: str | None = None, relock: bool = False) -> None:
        super().__init__(parent)
        self._runner = runner
        self._profile = profile
        self._busy = False
        self.setWindowTitle(self.tr("Unlock Consult Desktop"))
        self.setObjectName("unlockDialog")
        self.setModal(True)

        self.heading = QLabel(self.tr("Consult Desktop is locked"), self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        intro = self.tr("The records stay encrypted while the program is locked.") if relock \
            else self.tr("Your patients' records are stored encrypted on this computer.")
        self.intro = QLabel(intro + " " + self.tr("Enter your passphrase to open them."), self)
        self.intro.setWordWrap(True)
        self.location = QLabel(self.tr("Profile: %1").replace("%1", str(profile.directory)), self)
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location.setEnabled(False)  # drawn in the palette's secondary text colour
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.hint = QLabel(self)
        self.hint.setObjectName("demoHint")
        self.hint.setVisible(hint is not None)
        if hint is not None:
            self.hint.setText(self.tr("Demo mode: the passphrase is “%1”.").replace("%1", hint))
            self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self)
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.unlock_button = self.buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setDefault(True)
        self.quit_button = self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.location)
        layout.addSpacing(6)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.passphrase.setFocus()

    @property
    def busy_unlocking(self) -> bool:
        return self._busy

    def try_unlock(self) -> None:
        if self._busy:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self._show_message(self.tr("Enter your passphrase."))
            return
        wait = self._profile.throttle.delay()
        self._set_busy(True)
        if wait >= 1:
            self._show_message(self.tr("Several wrong attempts: checking again in %n second(s)…", "", int(wait)))
        else:
            self._show_message(self.tr("Opening the profile…"))
        profile = self._profile
        self._runner.open_store(lambda: profile.unlock(passphrase), self._opened, self._failed)

    def reject(self) -> None:
        if self._busy:
            return  # an unlock is in progress on the database thread; let it finish
        super().reject()

    def _opened(self, _store: object) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.message.clear()
        self.unlocked.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self._show_message(self.tr("Wrong passphrase. Check Caps Lock and try again."))
        elif isinstance(exc, StoreError):
            self._show_message(str(exc))
        else:
            self._show_message(self.tr("The profile could not be opened: %1").replace("%1", str(exc) or
                                                                                     type(exc).__name__))
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.quit_button.setEnabled(not busy)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)

"""`FirstRunWizard`: the first start — create the encrypted profile, say who uses it, connect the hospital.

Pages: passphrase (twice, with a strength hint) -> role (GP, home-care nurse, physiotherapist) -> hospital
server (address, authentication, "Sign in" through the system browser for SMART) -> ready. The profile is
created on the database lane when leaving the first page (Argon2id takes a moment), so the wizard ends with
the profile unlocked in the task runner. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from consult_desktop.commands.common import MIN_PASSPHRASE
from consult_desktop.domain.roles import Role
from consult_desktop.record import actions
from consult_desktop.store import Profile, Store, StoreError
from consult_desktop.ui.dialogs.server_form import ServerForm
from consult_desktop.ui.shell.task_runner import ProfileLocked, TaskRunner


def passphrase_strength(passphrase: str) -> int:
    """0 too short, 1 weak, 2 fair, 3 strong: length counts most, then variety (a rough hint, no promise)."""
    if len(passphrase) < MIN_PASSPHRASE:
        return 0
    kinds = sum((any(c.islower() for c in passphrase), any(c.isupper() for c in passphrase),
                 any(c.isdigit() for c in passphrase), any(not c.isalnum() for c in passphrase)))
    words = len(passphrase.split())
    if len(passphrase) >= 20 or (len(passphrase) >= 16 and (kinds >= 3 or words >= 4)):
        return 3
    if len(passphrase) >= 12 or kinds >= 3:
        return 2
    return 1


class _AsyncPage(QWizardPage):
    """A page whose validation starts background work and moves on when it succeeds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._done = False
        self._working = False
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

    def run_then_next(self, start: Callable[[Callable[[object], None], Callable[[BaseException], None]], None],
                      working_text: str) -> None:
        self._working = True
        self.progress.setVisible(True)
        self.status.setText(working_text)
        self.setEnabled(False)
        self.completeChanged.emit()

        def ok(_result: object) -> None:
            self._working = False
            self._done = True
            self.progress.setVisible(False)
            self.status.setText("")
            self.setEnabled(True)
            self.completeChanged.emit()
            self.wizard().next()

        def failed(exc: BaseException) -> None:
            self._working = False
            self.progress.setVisible(False)
            self.setEnabled(True)
            generic = QCoreApplication.translate("FirstRunWizard", "Something went wrong: %1")
            self.status.setText(str(exc) if isinstance(exc, StoreError) else
                                generic.replace("%1", str(exc) or type(exc).__name__))
            self.completeChanged.emit()

        start(ok, failed)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return not self._working and super().isComplete()


class PassphrasePage(_AsyncPage):
    def __init__(self, runner: TaskRunner, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._profile = profile
        self.setTitle(self.tr("Protect your records"))
        self.setSubTitle(self.tr("Hospital records are kept encrypted on this computer. Choose a passphrase to "
                                 "lock them. It cannot be recovered: if it is forgotten, the local copy must "
                                 "be wiped and synced again."))
        self.first = QLineEdit(self)
        self.first.setObjectName("newPassphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit(self)
        self.second.setObjectName("repeatPassphrase")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QLabel(self)
        self.strength.setObjectName("strength")
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 3)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.match = QLabel(self)
        location = QLabel(self.tr("The profile will be created in %1").replace("%1", str(profile.directory)), self)
        location.setWordWrap(True)
        location.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.first)
        form.addRow("", self.meter)
        form.addRow("", self.strength)
        form.addRow(self.tr("Repeat:"), self.second)
        form.addRow("", self.match)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(location)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        level = passphrase_strength(self.first.text())
        self.meter.setValue(level)
        texts = {
            0: self.tr("At least %n characters. A few unrelated words are easy to type and hard to guess.", "",
                       MIN_PASSPHRASE),
            1: self.tr("Weak: make it longer."),
            2: self.tr("Fair: longer is better."),
            3: self.tr("Strong."),
        }
        self.strength.setText(texts[level])
        if self.second.text() and self.second.text() != self.first.text():
            self.match.setText(self.tr("The two passphrases differ."))
        else:
            self.match.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return (super().isComplete() and len(self.first.text()) >= MIN_PASSPHRASE
                and self.first.text() == self.second.text())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self._done:
            return True
        passphrase = self.first.text()
        profile = self._profile
        self.run_then_next(lambda ok, failed: self._runner.open_store(lambda: _create(profile, passphrase), ok,
                                                                      failed),
                           self.tr("Creating the encrypted profile…"))
        return False

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.first.setFocus()


def _create(profile: Profile, passphrase: str) -> Store:  # runs on the database thread
    return actions.create_profile(profile, passphrase)


class RolePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Who uses this program?"))
        self.setSubTitle(self.tr("The hospital sends only what your profession needs."))
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for i, (role, label, detail) in enumerate((
            (Role.GP, self.tr("General practitioner"),
             self.tr("The full hospital record: letters and reports, results, medication, problems.")),
            (Role.NURSE, self.tr("Home-care nurse"),
             self.tr("Medication, allergies, results, and discharge, nursing and care-plan documents.")),
            (Role.PHYSIO, self.tr("Physiotherapist"),
             self.tr("Stays, problems, procedures, and discharge, surgery, imaging and physiotherapy notes.")),
        )):
            button = QRadioButton(label, self)
            button.setObjectName(f"role_{role.value}")
            button.setProperty("role", role.value)
            self.group.addButton(button, i)
            text = QLabel(detail, self)
            text.setWordWrap(True)
            text.setIndent(24)
            layout.addWidget(button)
            layout.addWidget(text)
            if role == Role.GP:
                button.setChecked(True)
        layout.addStretch(1)

    @property
    def role(self) -> str:
        button = self.group.checkedButton()
        return str(button.property("role")) if button is not None else Role.GP.value


class ServerPage(_AsyncPage):
    def __init__(self, runner: TaskRunner, profile: Profile, parent: QWidget | None = None, *,
                 open_browser: Callable[[str], object] | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._profile = profile
        self._open_browser = open_browser
        self._role = Role.GP.value
        self.setTitle(self.tr("Connect to the hospital"))
        self.setSubTitle(self.tr("The hospital's IT department gives you the server address and tells you how "
                                 "to sign in."))
        self.form = ServerForm(self, show_role=False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.form.changed.connect(self._reset)
        self.form.sign_in_requested.connect(self._sign_in)
        self.sign_in_callback: Callable[[], None] | None = None

    def set_role(self, role: str) -> None:
        self._role = role
        self.form.set_role(role)

    def _reset(self) -> None:
        self._done = False
        self.form.show_error("")

    def _save(self, ok: Callable[[object], None], failed: Callable[[BaseException], None]) -> None:
        config, secrets = self.form.config()

        def save(store: Store) -> str:  # database thread
            return actions.save_server_settings(store, config, **secrets)

        self._runner.db(save, ok, failed)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        self.form.set_role(self._role)
        if not self.form.validate():
            return False
        if self._done:
            return True
        self.run_then_next(self._save, self.tr("Saving the server settings…"))
        return False

    def _sign_in(self) -> None:
        self.form.set_role(self._role)
        if not self.form.validate():
            return
        self.form.set_sign_in_status(self.tr("Complete the sign-in in your browser…"))
        self.form.sign_in_button.setEnabled(False)

        def signed_in(_result: object) -> None:
            self.form.sign_in_button.setEnabled(True)
            self.form.set_sign_in_status(self.tr("Signed in."))

        def failed(exc: BaseException) -> None:
            self.form.sign_in_button.setEnabled(True)
            text = self.tr("The profile is locked.") if isinstance(exc, ProfileLocked) else str(exc)
            self.form.set_sign_in_status(text or type(exc).__name__)

        def after_save(_server_id: object) -> None:
            from consult_desktop.sync.setup import sign_in as do_sign_in

            profile = self._profile
            browser = self._open_browser
            self._runner.with_data_key(self, lambda data_key: do_sign_in(profile, data_key, browser)
                                       if browser is not None else do_sign_in(profile, data_key), signed_in, failed)

        self._save(after_save, failed)


class ReadyPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Ready"))
        text = QLabel(self.tr("Consult Desktop will now fetch the records of the patients you follow. This "
                              "may take a few minutes the first time; you can use the program meanwhile."), self)
        text.setWordWrap(True)
        # the wizard sets up one hospital; the others are added where they are managed
        self.more = QLabel(self.tr("Other hospitals that share patients with you can be added later under File > "
                                   "Settings > Hospitals."), self)
        self.more.setWordWrap(True)
        self.sync_now = QCheckBox(self.tr("Sync now"), self)
        self.sync_now.setObjectName("syncNow")
        self.sync_now.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.more)
        layout.addWidget(self.sync_now)
        layout.addStretch(1)


class FirstRunWizard(QWizard):
    """`open_browser(url)` shows the hospital's sign-in page (default: the system browser)."""

    def __init__(self, runner: TaskRunner, profile: Profile, parent: QWidget | None = None, *,
                 open_browser: Callable[[str], object] | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("Welcome to Consult Desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.passphrase_page = PassphrasePage(runner, profile, self)
        self.role_page = RolePage(self)
        self.server_page = ServerPage(runner, profile, self, open_browser=open_browser)
        self.ready_page = ReadyPage(self)
        for page in (self.passphrase_page, self.role_page, self.server_page, self.ready_page):
            self.addPage(page)
        # Once the profile exists there is no going back to choose another passphrase.
        self.passphrase_page.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create profile"))
        self.currentIdChanged.connect(self._entered)
        self.setMinimumSize(640, 480)

    @property
    def profile_created(self) -> bool:
        return self.passphrase_page._done

    @property
    def sync_requested(self) -> bool:
        return self.ready_page.sync_now.isChecked()

    def _entered(self, _page_id: int) -> None:
        page = self.currentPage()
        if page is self.server_page:
            self.server_page.set_role(self.role_page.role)

    def reject(self) -> None:
        if self.passphrase_page._working or self.server_page._working:
            return
        super().reject()


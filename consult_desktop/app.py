"""Composition root of the desktop program: `run_gui(args)` builds the application and hands it to `ui/`.

Start-up order, kept short so the unlock dialog appears quickly: QApplication, translations, the task runner,
then the first window — the first-run wizard when there is no profile, else the unlock dialog. The main
window (and the heavy modules it needs: patient view, PDF) is imported only after that window is shown.
`--demo` starts the demo hospital on this computer (`CONSULT_DEMO_PATIENTS` patients, default 40), creates a
throw-away demo profile in a temporary directory (deleted at exit), syncs, and opens the main window already
unlocked; the unlock dialog shows the demo passphrase after an automatic lock.

Setting `CONSULT_STARTUP_MARKER=1` prints `consult-desktop-startup <event> <unix time>` on standard error when
the first window is shown (`=exit` also quits there), for `benchmarks/bench_startup.py`.

Runs on the main (GUI) thread.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from typing import Any

from consult_desktop import exit_codes
from consult_desktop.store import StoreError

log = logging.getLogger(__name__)
STARTUP_MARKER_ENV = "CONSULT_STARTUP_MARKER"


def _mark(event: str) -> None:
    value = os.environ.get(STARTUP_MARKER_ENV)
    if not value:
        return
    print(f"consult-desktop-startup {event} {time.time():.6f}", file=sys.stderr, flush=True)
    if value == "exit":
        from PySide6.QtCore import QCoreApplication, QTimer

        QTimer.singleShot(0, QCoreApplication.quit)


class Shell:
    """Holds the long-lived objects of one run and moves between the first window and the main window."""

    def __init__(self, app: Any, args: argparse.Namespace) -> None:
        from consult_desktop.store import Profile
        from consult_desktop.ui.shell.task_runner import TaskRunner
        from consult_desktop.ui_settings import UiSettings

        self.app = app
        self.args = args
        self.settings = UiSettings.load()
        self.runner = TaskRunner()
        self.profile = Profile.resolve(getattr(args, "data_dir", None))
        self.window: Any = None
        self.first: Any = None  # the wizard or unlock dialog shown at start
        self.demo: Any = None
        self.demo_hint: str | None = None

    # -- start ---------------------------------------------------------------------------------------------
    def begin(self) -> None:
        if getattr(self.args, "demo", False):
            self._start_demo()
        elif not self.profile.exists():
            self._show_wizard()
        else:
            self._show_unlock()

    def _show_unlock(self) -> None:
        from consult_desktop.ui.dialogs.unlock_dialog import UnlockDialog
        from consult_desktop.ui.widgets.icons import app_icon

        dialog = UnlockDialog(self.runner, self.profile, hint=self.demo_hint)
        dialog.setWindowIcon(app_icon())
        dialog.accepted.connect(lambda: self._open_main(sync_now=False))
        dialog.rejected.connect(self.app.quit)
        self.first = dialog
        dialog.show()
        self._after_first_window("unlock-dialog")
        if sys.platform in ("win32", "darwin"):
            self._try_keychain(dialog)

    def _try_keychain(self, dialog: Any) -> None:
        """Open with the key kept in the OS keychain (enabled with `init --keychain`), if there is one."""
        profile = self.profile

        def opened(store: object) -> None:
            if store is not None and dialog.isVisible() and not dialog.busy_unlocking:
                dialog.accept()

        self.runner.open_store(profile.unlock_from_keychain, opened,
                               lambda exc: log.info("keychain not used: %s", type(exc).__name__))

    def _show_wizard(self) -> None:
        from consult_desktop.ui.dialogs.first_run_wizard import FirstRunWizard
        from consult_desktop.ui.widgets.icons import app_icon

        wizard = FirstRunWizard(self.runner, self.profile)
        wizard.setWindowIcon(app_icon())

        def finished(result: int) -> None:
            if wizard.profile_created:
                self._open_main(sync_now=bool(result) and wizard.sync_requested)
            else:
                self.app.quit()

        wizard.finished.connect(finished)
        self.first = wizard
        wizard.show()
        self._after_first_window("first-run-wizard")

    def _after_first_window(self, event: str) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: _mark(event))
        # Warm the import cache while the GP types the passphrase.
        QTimer.singleShot(300, _preload)

    # -- main window ---------------------------------------------------------------------------------------
    def _open_main(self, *, sync_now: bool) -> None:
        from consult_desktop.ui.shell.main_window import MainWindow
        from consult_desktop.ui.sync.sync_controller import SyncController

        sync = SyncController(self.runner, self.profile)
        window = MainWindow(self.runner, self.profile, sync, self.settings, demo_hint=self.demo_hint)
        window.closed.connect(self.app.quit)
        self.window = window
        self.first = None
        window.show()
        window.start(sync_now=sync_now)
        _mark("main-window")

    # -- demo ----------------------------------------------------------------------------------------------
    def _start_demo(self) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QProgressDialog

        from consult_desktop.demo_session import DEMO_PASSPHRASE, DemoSession

        progress = QProgressDialog(QCoreApplication.translate("Shell", "Starting the demo hospital…"), "", 0, 0)
        progress.setCancelButton(None)
        progress.setWindowTitle("Consult Desktop")
        progress.setMinimumDuration(0)
        progress.show()
        self.first = progress
        self.demo_hint = DEMO_PASSPHRASE
        self._after_first_window("demo-progress")
        patients = int(os.environ.get("CONSULT_DEMO_PATIENTS", "40"))

        def started(session: DemoSession) -> None:
            self.demo = session
            self.profile = session.profile
            self.runner.open_store(session.create_profile, lambda _store: ready(), failed)

        def ready() -> None:
            progress.close()
            self._open_main(sync_now=True)

        def failed(exc: BaseException) -> None:
            from PySide6.QtWidgets import QMessageBox

            progress.close()
            text = QCoreApplication.translate("Shell", "The demo could not start: %1")
            QMessageBox.critical(None, "Consult Desktop", text.replace("%1", str(exc) or type(exc).__name__))
            self.app.quit()

        self.runner.net(lambda: DemoSession.start(patients=patients), started, failed)

    # -- end -----------------------------------------------------------------------------------------------
    def shutdown(self) -> None:
        self.runner.shutdown(wait=True)
        if self.demo is not None:
            self.demo.close()


def _preload() -> None:
    import consult_desktop.ui.patients.patient_view  # noqa: F401
    import consult_desktop.ui.shell.main_window  # noqa: F401


def name_application(app: Any) -> None:
    """The program's name for the desktop and QSettings. No application display name: Qt would append it to
    every window title ("Consult Desktop — demo — Consult Desktop"); the titles name the program themselves."""
    app.setApplicationName("Consult Desktop")
    app.setOrganizationName("Consult Desktop")


def create_application() -> Any:
    """The QApplication (or the existing one), named, with translations installed."""
    from PySide6.QtWidgets import QApplication

    from consult_desktop.ui.shell import crash_guard, i18n
    from consult_desktop.ui.shell.qt_compat import protect_singletons
    from consult_desktop.ui_settings import UiSettings

    protect_singletons()
    crash_guard.install()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    name_application(app)
    language = i18n.install(app, UiSettings.load().language)
    from consult_desktop.meds.language import set_process_language

    set_process_language(language)  # medication safety texts in the interface language
    return app


def _quit_on_signals(app: Any) -> Any:
    """Ctrl+C / SIGTERM end the program cleanly (the store is closed, a demo profile deleted)."""
    import signal

    from PySide6.QtCore import QTimer

    for name in ("SIGINT", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda *_args: app.quit())
    # Python handles signals only while it runs code: wake it up now and then.
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(500)
    return ticker


def run_gui(args: argparse.Namespace) -> int:
    app = create_application()
    # Windows come and go (unlock dialog, wizard, main window): quitting is decided explicitly.
    app.setQuitOnLastWindowClosed(False)
    _quit_on_signals(app)
    try:
        shell = Shell(app, args)
    except StoreError as exc:  # e.g. a locum's portable file naming a profile that cannot be used
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Consult Desktop", str(exc))
        return exit_codes.PROFILE_DAMAGED
    shell.begin()
    try:
        return int(app.exec())
    finally:
        shell.shutdown()

"""What happens to an unexpected exception in the desktop application: a short report without data.

Python's default hook prints the exception message, and a message may quote a value from a patient record.
The guard writes only the exception type and the code locations (file, line, function) to the log, and
tells the GP in a dialog that the action failed and that the stored data is intact. Install once, on the
GUI thread; the dialog is shown on the GUI thread only (other threads just log).
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from consult_desktop.crash_report import safe_report

log = logging.getLogger("consult_desktop.crash")


def install() -> None:
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("unexpected error: %s", safe_report(exc_type, tb))
        if threading.current_thread() is threading.main_thread():
            _tell_the_user()

    sys.excepthook = hook


def _tell_the_user() -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    QMessageBox.warning(
        QApplication.activeWindow(),
        QApplication.translate("CrashGuard", "Unexpected error"),
        QApplication.translate(
            "CrashGuard",
            "Consult Desktop could not finish this action because of an unexpected error. "
            "The data already stored is intact. If it happens again, please tell your support, "
            "with the time it happened (the error log contains no patient data).",
        ),
    )

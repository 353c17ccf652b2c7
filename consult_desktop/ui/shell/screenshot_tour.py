"""`run_tour(out_dir)`: screenshots of the real program on the demo hospital, for documentation and review.

Starts the demo hospital and a temporary demo profile, syncs through the real engine, then saves PNGs of the
unlock dialog, the patient list, an open PDF document, the lab results with a trend chart, the medication tab
and the sync problems and access log dialogs. Works offscreen (the caller sets QT_QPA_PLATFORM when there is no
display). GUI thread only; it runs its own event loop while it waits.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)


class TourError(Exception):
    """A step of the tour did not happen in time (the message says which)."""


def _wait(condition: Callable[[], bool], what: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TourError(f"timed out waiting for {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def _settle(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)


def _save(widget: QWidget, out_dir: Path, name: str, saved: list[Path]) -> None:
    _settle()
    path = out_dir / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise TourError(f"could not write {path}")
    saved.append(path)


def _pick_patient(window: Any) -> tuple[str, str] | None:
    """A patient with a PDF document and a lab test measured at least twice (for a trend)."""
    view = window.patient_view
    model = window.list_panel.model
    for row in range(min(model.rowCount(), 40)):
        key = (model.summary(row).server_id, model.summary(row).id)
        window.list_panel.select_patient(*key)
        _wait(lambda k=key: view.snapshot() is not None and view.current_patient() == k, "a patient to load")
        snapshot = view.snapshot()
        has_pdf = any(d.format_kind == "pdf" for d in snapshot.documents)
        codes = [lab.result.code for lab in snapshot.labs if getattr(lab.result, "code", None)]
        if has_pdf and len(codes) > len(set(codes)):
            return key
    return None


def run_tour(out_dir: Path, *, patients: int = 30, language: str = "") -> list[Path]:
    from consult_desktop.demo_session import DEMO_PASSPHRASE, DemoSession
    from consult_desktop.ui.dialogs.unlock_dialog import UnlockDialog
    from consult_desktop.ui.shell import i18n
    from consult_desktop.ui.shell.main_window import MainWindow
    from consult_desktop.ui.shell.qt_compat import protect_singletons
    from consult_desktop.ui.shell.task_runner import TaskRunner
    from consult_desktop.ui.sync.sync_controller import SyncController
    from consult_desktop.ui_settings import UiSettings

    protect_singletons()
    app = QApplication.instance() or QApplication(["consult-desktop"])
    from consult_desktop.meds.language import set_process_language

    set_process_language(i18n.install(app, language))  # medication safety texts in the tour's language
    out_dir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    runner = TaskRunner()
    session = DemoSession.start(patients=patients)
    window = None
    try:
        opened: list = []
        runner.open_store(session.create_profile, opened.append, opened.append)
        _wait(lambda: bool(opened), "the demo profile")
        if isinstance(opened[0], BaseException):
            raise opened[0]

        unlock = UnlockDialog(runner, session.profile, hint=DEMO_PASSPHRASE)
        unlock.show()
        _save(unlock, out_dir, "01-unlock-dialog", saved)
        unlock.hide()
        unlock.deleteLater()

        sync = SyncController(runner, session.profile)
        window = MainWindow(runner, session.profile, sync, UiSettings(idle_lock_minutes=0),
                            demo_hint=DEMO_PASSPHRASE)
        window.resize(1366, 768)  # a common practice screen; the README shows these
        window.show()
        reports: list = []
        sync.finished.connect(reports.append)
        window.start(sync_now=True)
        _wait(lambda: bool(reports), "the sync", timeout=600)
        _wait(lambda: window.list_panel.model.rowCount() > 0, "the patient list")
        log.info("tour: sync %s", reports[0].status.value)
        _save(window, out_dir, "02-patient-list", saved)

        _tour_patient(window, out_dir, saved)
        _tour_dialogs(window, out_dir, saved)
        return saved
    finally:
        if window is not None:
            window.close()
        runner.shutdown(wait=True)
        session.close()


def _tour_patient(window: Any, out_dir: Path, saved: list[Path]) -> None:
    """A patient with a PDF and a lab trend: the document, the trend, the medication tab."""
    view = window.patient_view
    key = _pick_patient(window)
    if key is None:
        raise TourError("no demo patient with a PDF and a lab trend")
    window.list_panel.select_patient(*key)
    _wait(lambda: view.snapshot() is not None, "the patient")
    if view.open_first_pdf():
        viewer = view.documents_tab().viewer()
        _wait(lambda: viewer.mode() == "pdf", "the PDF")
        _settle(1.0)
    _save(window, out_dir, "03-document-pdf", saved)
    view.select_tab("labs")
    labs = view.lab_tab()
    model = labs.model()
    codes = [model.row_at(r).result.code for r in range(model.rowCount())]
    repeated = next((r for r, c in enumerate(codes) if c and codes.count(c) > 1), 0)
    labs.select_source_row(repeated)
    _save(window, out_dir, "04-lab-results-trend", saved)
    view.select_tab("medication")
    _save(window, out_dir, "05-medication", saved)


def _tour_dialogs(window: Any, out_dir: Path, saved: list[Path]) -> None:
    problems = window.open_sync_problems()
    if problems is not None:
        _settle(0.5)
        _save(problems, out_dir, "06-sync-problems", saved)
        problems.close()
    access = window.open_access_log()
    if access is not None:
        _wait(lambda: access.entries_shown > 0, "the access log")
        _save(access, out_dir, "07-access-log", saved)
        access.close()

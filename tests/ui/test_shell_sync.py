"""Sync from the main window with a stand-in engine: progress and Cancel, refresh after a sync, and the
messages for offline, expired sign-in and partial syncs."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt

from consult_desktop.store import Profile
from consult_desktop.sync.progress import SyncProgress, SyncReport, SyncStatus
from consult_desktop.ui.patients.patient_table_model import NEW_ITEMS_ROLE
from consult_desktop.ui.shell.main_window import MainWindow
from consult_desktop.ui.sync.sync_controller import SyncController
from consult_desktop.ui_settings import UiSettings


class FakeEngine:
    """Returns the next report; may write through its own connection like the real engine does."""

    def __init__(self) -> None:
        self.reports: list[SyncReport] = []
        self.write: list[dict] = []
        self.block_until_cancelled = False
        self.calls = 0
        self.threads: set[int] = set()

    def __call__(self, profile: Profile, data_key: bytes, on_progress=None, cancel=None, patient_id=None):
        self.calls += 1
        self.threads.add(threading.get_ident())
        if on_progress:
            on_progress(SyncProgress("resources", 5, 10))
        if self.block_until_cancelled:
            deadline = time.monotonic() + 20
            while not cancel.cancelled and time.monotonic() < deadline:
                time.sleep(0.01)
            return SyncReport(SyncStatus.CANCELLED)
        if self.write:
            with profile.open(data_key) as store:
                store.resources.put_many("hosp", self.write)
        return self.reports.pop(0) if self.reports else SyncReport(SyncStatus.OK)


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def window(qtbot, runner, filled_profile: Profile, known, engine: FakeEngine) -> MainWindow:
    known.unlock(runner, filled_profile)
    sync = SyncController(runner, filled_profile, sync_fn=engine, sign_in_fn=lambda profile, key: None)
    win = MainWindow(runner, filled_profile, sync, UiSettings())
    qtbot.addWidget(win)
    win.show()
    win.start()
    qtbot.waitUntil(lambda: win.list_panel.model.rowCount() == 3, timeout=15000)
    return win


def test_f5_syncs_off_the_gui_thread_and_the_list_refreshes(qtbot, window: MainWindow, engine: FakeEngine,
                                                            known) -> None:
    engine.write = [{"resourceType": "Patient", "id": "p-new", "name": [{"family": "Wouters", "given": ["Lien"]}],
                     "birthDate": "2001-02-03"}]
    engine.reports = [SyncReport(SyncStatus.OK, resources_written=1)]
    # F5 is an application shortcut: it needs an active window (granted asynchronously offscreen).
    qtbot.waitUntil(lambda: (window.activateWindow(), window.isActiveWindow())[1], timeout=10000)
    with qtbot.waitSignal(window.data_changed, timeout=15000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 4, timeout=15000)
    assert threading.get_ident() not in engine.threads
    assert window.sync_action.isEnabled()
    assert "Online" == window.status.connection.text()


def test_progress_and_cancel(qtbot, window: MainWindow, engine: FakeEngine) -> None:
    engine.block_until_cancelled = True
    window.sync_action.trigger()
    qtbot.waitUntil(lambda: window.status.stage.text() == "Records: 5 of 10", timeout=15000)
    assert window.status.bar.isVisible() and window.status.bar.value() == 5
    assert not window.sync_action.isEnabled()
    window.sync_action.trigger()  # a second sync does not start while one runs
    with qtbot.waitSignal(window.sync.finished, timeout=15000) as finished:
        window.status.cancel_button.click()
    assert finished.args[0].status == SyncStatus.CANCELLED
    assert engine.calls == 1
    assert not window.status.bar.isVisible()
    assert "cancelled" in window.status.currentMessage()


def test_offline_keeps_the_local_copy(qtbot, window: MainWindow, engine: FakeEngine) -> None:
    engine.reports = [SyncReport(SyncStatus.UNREACHABLE, "the server did not answer")]
    with qtbot.waitSignal(window.sync.finished, timeout=15000):
        window.sync_action.trigger()
    assert window.status.connection.text() == "Offline — showing the local copy"
    assert window.message_bar.isVisible() and "Offline" in window.message_bar.text.text()
    assert window.list_panel.model.rowCount() == 3


def test_expired_sign_in_offers_to_sign_in_again(qtbot, window: MainWindow, engine: FakeEngine, runner,
                                                 known) -> None:
    setup = pytest.importorskip("consult_desktop.sync.setup", reason="sync engine setup module not present")
    from consult_desktop.fhir.server_config import ServerConfig

    known.db(runner, lambda store: setup.save_server(store, ServerConfig(
        base_url="https://fhir.example-hospital.be/r4", auth_kind="smart", client_id="consult-desktop")))
    engine.reports = [SyncReport(SyncStatus.AUTH_FAILED, "sign in again")]
    with qtbot.waitSignal(window.sync.finished, timeout=15000):
        window.sync_action.trigger()
    qtbot.waitUntil(lambda: "Sign in again" in window.message_bar.action_labels(), timeout=15000)
    assert "sign-in has expired" in window.message_bar.text.text()
    # Signing in (stand-in) is followed by a new sync.
    with qtbot.waitSignal(window.sync.finished, timeout=15000) as finished:
        window.message_bar.trigger("Sign in again")
    assert finished.args[0].status == SyncStatus.OK
    assert engine.calls == 2


def test_partial_sync_points_to_the_problems(qtbot, window: MainWindow, engine: FakeEngine) -> None:
    engine.reports = [SyncReport(SyncStatus.PARTIAL, problems=["Observation/obs-bad-7: invalid value"])]
    with qtbot.waitSignal(window.sync.finished, timeout=15000):
        window.sync_action.trigger()
    assert window.message_bar.isVisible()
    assert "some records could not be fetched" in window.message_bar.text.text()
    window.message_bar.trigger("Show problems")
    dialog = window.findChild(type(window.open_sync_problems()), "syncProblemsDialog")
    qtbot.waitUntil(lambda: dialog.problem_count == 1, timeout=15000)
    assert "obs-bad-7" in dialog.last_sync.text()


def test_last_sync_time_is_shown(qtbot, window: MainWindow, runner, known) -> None:
    import datetime as dt

    from consult_desktop.store import LAST_SYNC_KEY

    when = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=7)).isoformat()
    known.db(runner, lambda store: store.settings.set(LAST_SYNC_KEY, when))
    window.sync.refresh_last_sync()
    qtbot.waitUntil(lambda: window.status.last_sync.text() == "Last synced 7 minutes ago", timeout=15000)


def test_open_patient_is_refreshed_only_when_records_arrive_for_them(qtbot, window: MainWindow,
                                                                    engine: FakeEngine, known) -> None:
    window.list_panel.select_patient(known.SERVER, known.DUBOIS)
    view = window.patient_view
    qtbot.waitUntil(lambda: view.snapshot() is not None, timeout=15000)
    view.select_tab("labs")
    before = view.snapshot()
    assert len(before.documents) == 2

    # A sync that brings something for another patient leaves the open record alone.
    engine.write = [{"resourceType": "Observation", "id": "obs-9", "status": "final", "code": {"text": "CRP"},
                     "subject": {"reference": f"Patient/{known.PEETERS}"}, "effectiveDateTime": "2025-01-01"}]
    engine.reports = [SyncReport(SyncStatus.OK, resources_written=1)]
    with qtbot.waitSignal(window.sync.finished, timeout=15000):
        window.sync_action.trigger()
    qtbot.waitUntil(lambda: window.list_panel.model.index(
        window.list_panel.model.row_of(known.SERVER, known.PEETERS), 0).data(NEW_ITEMS_ROLE) == 2, timeout=15000)
    assert view.snapshot() is before

    # A new letter for the open patient is shown at once, on the tab the GP was using.
    engine.write = [{"resourceType": "DocumentReference", "id": "doc-3", "status": "current", "date": "2025-02-01",
                     "type": {"text": "Consultation"}, "subject": {"reference": f"Patient/{known.DUBOIS}"}}]
    engine.reports = [SyncReport(SyncStatus.OK, resources_written=1)]
    with qtbot.waitSignal(window.sync.finished, timeout=15000):
        window.sync_action.trigger()
    qtbot.waitUntil(lambda: view.snapshot() is not None and len(view.snapshot().documents) == 3, timeout=15000)
    assert view.current_tab() == "labs"
    assert "arrived for this patient" in window.status.currentMessage()


def test_a_sync_that_changes_only_the_open_patients_medication_shows_it(qtbot, window: MainWindow,
                                                                        engine: FakeEngine, known) -> None:
    """New hospital medication is not a "new document or result": the open record is still shown again."""
    window.list_panel.select_patient(known.SERVER, known.DUBOIS)
    view = window.patient_view
    qtbot.waitUntil(lambda: view.snapshot() is not None, timeout=15000)
    view.select_tab("medication")
    medication = view.medication_widget()
    qtbot.waitUntil(lambda: medication.current_patient() == (known.SERVER, known.DUBOIS), timeout=15000)

    def labels() -> list[str]:
        model = medication.model()
        return [model.line_at(row).label for row in range(model.rowCount())]

    qtbot.waitUntil(lambda: "Xarelto 20 mg" not in " ".join(labels()), timeout=15000)
    engine.write = [{"resourceType": "MedicationRequest", "id": "mr-new", "status": "active", "intent": "order",
                     "subject": {"reference": f"Patient/{known.DUBOIS}"}, "authoredOn": "2025-02-01",
                     "medicationCodeableConcept": {"text": "Xarelto 20 mg"}}]
    engine.reports = [SyncReport(SyncStatus.OK, resources_written=1)]
    with qtbot.waitSignal(window.sync.finished, timeout=15000):
        window.sync_action.trigger()
    qtbot.waitUntil(lambda: any("Xarelto 20 mg" in label for label in labels()), timeout=15000)
    assert view.current_tab() == "medication"
    assert "updated by the sync" in window.status.currentMessage()

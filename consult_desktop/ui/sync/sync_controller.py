"""`SyncController`: runs a sync (or a sign-in) in the background and reports it to the screens as signals.

`run_sync(profile, key, on_progress, cancel)` runs through the operation runner's `with_data_key`: the key is
read on the database lane, the sync runs on the network lane with its own database connection. Progress
callbacks arrive on that worker thread and are relayed to the GUI thread through a queued signal; the
controller never touches a widget. After a sync that may have changed data, `data_changed` tells the main
window, which announces `RecordsSynced` on the change signal. An optional timer syncs every N minutes.

Construct and call on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from consult_desktop.record import queries
from consult_desktop.store import Profile
from consult_desktop.sync.progress import CancelToken, SyncProgress, SyncReport, SyncStage, SyncStatus
from consult_desktop.ui.shell.task_runner import ProfileLocked, TaskRunner

log = logging.getLogger(__name__)

SyncFunction = Callable[..., SyncReport]
SignInFunction = Callable[[Profile, bytes], None]
# Statuses after which the local data may differ from before.
_CHANGING = (SyncStatus.OK, SyncStatus.PARTIAL, SyncStatus.CANCELLED, SyncStatus.FAILED)


def _default_sync(*args: Any, **kwargs: Any) -> SyncReport:
    from consult_desktop.sync.setup import run_sync

    return run_sync(*args, **kwargs)


def _default_sign_in(profile: Profile, data_key: bytes) -> None:
    from consult_desktop.sync.setup import sign_in

    sign_in(profile, data_key)


def parse_instant(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class _ProgressRelay(QObject):
    """Lives on the GUI thread; emitting `arrived` from the sync thread queues the call here."""

    arrived = Signal(object)


class SyncController(QObject):
    started = Signal()
    progress = Signal(object)  # SyncProgress
    finished = Signal(object)  # SyncReport
    data_changed = Signal()
    state_changed = Signal()  # online state or last-sync time changed
    sign_in_finished = Signal(object)  # None on success, else a message for the GP

    def __init__(self, runner: TaskRunner, profile: Profile, parent: QObject | None = None, *,
                 sync_fn: SyncFunction | None = None, sign_in_fn: SignInFunction | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._profile = profile
        self._sync_fn = sync_fn or _default_sync
        self._sign_in_fn = sign_in_fn or _default_sign_in
        self._token: CancelToken | None = None
        self._relay = _ProgressRelay(self)
        self._relay.arrived.connect(self._on_progress)
        self.online: bool | None = None  # None until a sync has tried
        self.last_sync: dt.datetime | None = None
        self.last_report: SyncReport | None = None
        self.changed_since: str | None = None  # the store's time when the last sync started (what it changed)
        self._auto = QTimer(self)
        self._auto.timeout.connect(self._auto_sync)
        self._enabled = True

    # -- state -----------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._token is not None

    @property
    def cancelling(self) -> bool:
        return self._token is not None and self._token.cancelled

    def set_enabled(self, enabled: bool) -> None:
        """Disabled while the profile is locked: no automatic sync, and a running one is cancelled."""
        self._enabled = enabled
        if not enabled:
            self.cancel()
            self._auto.stop()

    def set_auto_interval(self, minutes: int) -> None:
        self._auto.stop()
        if minutes > 0:
            self._auto.start(minutes * 60_000)

    def refresh_last_sync(self) -> None:
        self._runner.db(queries.last_sync, self._got_last_sync,
                        lambda exc: log.info("last sync time unavailable: %s", type(exc).__name__))

    # -- sync ------------------------------------------------------------------------------------------
    def start(self, patient_id: str | None = None) -> bool:
        """Start a sync unless one is running; False when nothing was started."""
        if self.running or not self._enabled:
            return False
        token = CancelToken()
        self._token = token
        self.changed_since = queries.store_time()
        self.started.emit()
        self._on_progress(SyncProgress(SyncStage.DISCOVERY, message=""))
        profile, sync_fn, relay = self._profile, self._sync_fn, self._relay

        def work(data_key: bytes) -> SyncReport:
            if token.cancelled:
                return SyncReport(SyncStatus.CANCELLED)
            return sync_fn(profile, data_key, on_progress=relay.arrived.emit, cancel=token, patient_id=patient_id)

        self._runner.with_data_key(self, work, lambda report: self._finish(report, token),
                                   lambda exc: self._crashed(exc, token))
        return True

    def cancel(self) -> None:
        if self._token is not None:
            self._token.cancel()

    def _crashed(self, exc: BaseException, token: CancelToken) -> None:
        if isinstance(exc, ProfileLocked):
            self._finish(SyncReport(SyncStatus.CANCELLED), token)
            return
        log.error("sync failed unexpectedly: %s", type(exc).__name__)
        self._finish(SyncReport(SyncStatus.FAILED, str(exc) or type(exc).__name__), token)

    def _finish(self, report: SyncReport, token: CancelToken) -> None:
        if self._token is token:
            self._token = None
        self.last_report = report
        if report.status == SyncStatus.UNREACHABLE:
            self.online = False
        elif report.status in (SyncStatus.OK, SyncStatus.PARTIAL, SyncStatus.AUTH_FAILED):
            self.online = True
        log.info("sync finished: %s, %d resources written", report.status.value, report.resources_written)
        self.finished.emit(report)
        self.state_changed.emit()
        if report.status in _CHANGING and self._enabled:
            self.refresh_last_sync()
            self.data_changed.emit()

    @Slot(object)
    def _on_progress(self, progress: SyncProgress) -> None:
        self.progress.emit(progress)

    def _got_last_sync(self, value: str | None) -> None:
        self.last_sync = parse_instant(value)
        self.state_changed.emit()

    def _auto_sync(self) -> None:
        # An expired sign-in needs the GP: retrying on a timer would only repeat the failure.
        if self.last_report is not None and self.last_report.status == SyncStatus.AUTH_FAILED:
            return
        self.start()

    # -- sign-in (SMART, system browser) ---------------------------------------------------------------
    def sign_in(self, then_sync: bool = True) -> None:
        profile, sign_in_fn = self._profile, self._sign_in_fn

        def signed_in(_result: object) -> None:
            self.sign_in_finished.emit(None)
            if then_sync:
                self.start()

        def failed(exc: BaseException) -> None:
            text = self.tr("The profile is locked.") if isinstance(exc, ProfileLocked) else str(exc)
            self.sign_in_finished.emit(text or type(exc).__name__)

        self._runner.with_data_key(self, lambda data_key: sign_in_fn(profile, data_key), signed_in, failed)

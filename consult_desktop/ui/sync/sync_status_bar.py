"""`SyncStatusBar`: the main window's status bar — online/offline, "last synced N minutes ago", and while a
sync runs its stage, counts, a progress bar and Cancel.

Listens to a `SyncController`; the "N minutes ago" text is refreshed every 30 seconds. GUI thread only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from consult_desktop.sync.progress import SyncProgress, SyncStage, SyncStatus
from consult_desktop.ui.sync.sync_controller import SyncController


class SyncStatusBar(QStatusBar):
    def __init__(self, sync: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sync = sync
        self.connection = QLabel(self)
        self.connection.setObjectName("connectionState")
        self.last_sync = QLabel(self)
        self.last_sync.setObjectName("lastSync")
        self.stage = QLabel(self)
        self.stage.setObjectName("syncStage")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("syncProgress")
        self.bar.setMaximumWidth(220)
        self.bar.setMaximumHeight(16)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelSync")
        self.cancel_button.clicked.connect(self._cancel)
        # Permanent widgets stay visible while showMessage() shows a passing note on the left.
        self.addPermanentWidget(self.connection)
        self.addPermanentWidget(self.last_sync)
        self.addPermanentWidget(self.stage)
        self.addPermanentWidget(self.bar)
        self.addPermanentWidget(self.cancel_button)
        self._set_running(False)
        sync.started.connect(lambda: self._set_running(True))
        sync.progress.connect(self._progress)
        sync.finished.connect(lambda _report: self._set_running(False))
        sync.state_changed.connect(self.update_texts)
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self.update_texts)
        self._ticker.start(30_000)
        self.update_texts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.update_texts()
        super().changeEvent(event)

    def update_texts(self) -> None:
        sync = self._sync
        report = sync.last_report
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the sync; what was received so far is kept"))
        # One status: before the first sync of this session only how old the local copy is ("Never synced" or
        # "Last synced …"), afterwards the connection state beside it.
        self.connection.setVisible(sync.online is not None)
        if sync.online is None:
            self.connection.clear()
        elif not sync.online:
            self.connection.setText(self.tr("Offline — showing the local copy"))
        elif report is not None and report.status == SyncStatus.AUTH_FAILED:
            self.connection.setText(self.tr("Online — sign-in needed"))
        else:
            self.connection.setText(self.tr("Online"))
        self.last_sync.setText(self.last_sync_text(sync.last_sync))

    def last_sync_text(self, when: dt.datetime | None, now: dt.datetime | None = None) -> str:
        if when is None:
            return self.tr("Never synced")
        now = now or dt.datetime.now(dt.UTC)
        minutes = max(0, int((now - when).total_seconds() // 60))
        if minutes < 1:
            return self.tr("Last synced just now")
        if minutes < 60:
            return self.tr("Last synced %n minute(s) ago", "", minutes)
        hours = minutes // 60
        if hours < 24:
            return self.tr("Last synced %n hour(s) ago", "", hours)
        local = when.astimezone()
        return self.tr("Last synced on %1").replace("%1", local.strftime("%d/%m/%Y %H:%M"))

    def _set_running(self, running: bool) -> None:
        self.stage.setVisible(running)
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        if running:
            self.bar.setRange(0, 0)
            self.stage.setText(self.tr("Connecting…"))

    def stage_name(self, stage: SyncStage | str) -> str:
        """The stage in the user's language; the engine's own names never reach the screen."""
        names = {
            SyncStage.DISCOVERY: self.tr("Connecting"),
            SyncStage.PATIENTS: self.tr("Patients"),
            SyncStage.RESOURCES: self.tr("Records"),
            SyncStage.BACKFILL: self.tr("New patients"),
            SyncStage.EXPORT: self.tr("Waiting for the hospital"),
            SyncStage.ATTACHMENTS: self.tr("Documents"),
            SyncStage.DELETIONS: self.tr("Clean-up"),
            SyncStage.DONE: self.tr("Finishing"),
        }
        try:
            return names[SyncStage(stage)]
        except ValueError:  # a stage this screen does not know yet: say something true, not the code
            return names[SyncStage.RESOURCES]

    def _progress(self, progress: SyncProgress) -> None:
        name = self.stage_name(progress.stage)
        if progress.total:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(min(progress.done, progress.total))
            self.stage.setText(self.tr("%1: %2 of %3").replace("%1", name).replace("%2", str(progress.done))
                               .replace("%3", str(progress.total)))
        else:
            self.bar.setRange(0, 0)
            self.stage.setText(f"{name}: {progress.done}" if progress.done else name)
        if self._sync.cancelling:
            self.stage.setText(self.tr("Cancelling…"))

    def _cancel(self) -> None:
        self._sync.cancel()
        self.cancel_button.setEnabled(False)
        self.stage.setText(self.tr("Cancelling…"))

"""`ProblemsIndicator`: the Sync problems action shows its warning triangle and a count only when there are problems.

Problems are the records kept in quarantine (read on the database lane through `record.queries`) and what the
last sync reported. Refreshed after every sync and when the window reloads. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon

from consult_desktop.record import queries
from consult_desktop.store import Store
from consult_desktop.ui.shell.task_runner import TaskRunner
from consult_desktop.ui.sync.sync_controller import SyncController
from consult_desktop.ui.widgets.icons import icon


def _count(store: Store) -> int:  # database lane
    return len(queries.sync_problems(store))


class ProblemsIndicator(QObject):
    def __init__(self, action: QAction, runner: TaskRunner, sync: SyncController) -> None:
        super().__init__(action)
        self._action = action
        self._runner = runner
        self._sync = sync
        self.count = 0
        self._show(0)
        sync.finished.connect(lambda _report: self.refresh())

    def refresh(self) -> None:
        self._runner.query(self, _count, self._show, lambda _exc: None, slot="problem-count")

    def _show(self, quarantined: int) -> None:
        report = self._sync.last_report
        self.count = quarantined + (len(report.problems) if report is not None else 0)
        self.retranslate()

    def retranslate(self) -> None:
        action = self._action
        if self.count:
            action.setIcon(icon("problems"))
            action.setText(self.tr("Sync &problems (%1)…").replace("%1", str(self.count)))
            action.setToolTip(self.tr("%n record(s) could not be read or fetched: show why", "", self.count))
        else:
            action.setIcon(QIcon())
            action.setText(self.tr("Sync &problems…"))
            action.setToolTip(self.tr("No sync problems"))

    def has_warning_icon(self) -> bool:
        return not self._action.icon().isNull()

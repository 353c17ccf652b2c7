"""`SyncProblemsDialog`: resources the hospital sent that could not be read, kept aside in quarantine.

Shows type, id, error and date (no patient names). The list can be copied for the hospital's helpdesk. It is
reloaded on every `data_changed` while open. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.record import queries
from consult_desktop.ui.dialogs.access_log_dialog import local_time
from consult_desktop.ui.shell.task_runner import TaskRunner


class SyncProblemsDialog(QDialog):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *,
                 problems: list[str] | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._rows: list[dict] = []
        self.setObjectName("syncProblemsDialog")
        self.setWindowTitle(self.tr("Sync problems"))
        intro = QLabel(self.tr("These records were received from the hospital but could not be read. They are "
                               "kept aside and are not shown in the patients' files. A later sync replaces "
                               "them when the hospital sends a corrected version."), self)
        intro.setWordWrap(True)
        self.last_sync = QLabel(self)
        self.last_sync.setWordWrap(True)
        self.set_last_problems(problems or [])
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("syncProblemsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Type"), self.tr("Id"), self.tr("Error"),
                                              self.tr("Received")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("Copy list"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.last_sync)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(820, 440)
        self.reload()

    @property
    def problem_count(self) -> int:
        return self.table.rowCount()

    def set_last_problems(self, problems: list[str]) -> None:
        """Problems the last sync reported (ids and reasons), shown above the quarantine list."""
        if problems:
            shown = problems[:20]
            more = len(problems) - len(shown)
            text = self.tr("The last sync reported:") + "\n• " + "\n• ".join(shown)
            if more:
                text += "\n" + self.tr("… and %n more", "", more)
            self.last_sync.setText(text)
        self.last_sync.setVisible(bool(problems))

    def reload(self) -> None:
        self.status.setText(self.tr("Loading…"))
        self._runner.query(self, queries.sync_problems, self._show, lambda exc: self.status.setText(str(exc)),
                           slot="problems")

    def _show(self, rows: list[dict]) -> None:
        self._rows = rows
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            values = (row.get("type") or self.tr("unknown"), row.get("id") or "", row.get("error") or "",
                      local_time(row.get("received_at") or ""))
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setToolTip(str(value))
                self.table.setItem(i, column, item)
        self.status.setText(self.tr("%n record(s) kept aside", "", len(rows)) if rows
                            else self.tr("No problems: every record received could be read."))
        self.copy_button.setEnabled(bool(rows))

    def copy(self) -> None:
        lines = ["\t".join((r.get("type") or "", r.get("id") or "", r.get("error") or "", r.get("received_at") or ""))
                 for r in self._rows]
        QApplication.clipboard().setText("\n".join(lines))

"""`AccessLogDialog`: the local audit log — who opened which patient or document, when, and other events.

Entries are read on the database lane (most recent first, at most 2,000) and shown with local times. The log
holds ids, never names. GUI thread only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.record import queries
from consult_desktop.store.audit import AuditEntry
from consult_desktop.ui.shell.task_runner import TaskRunner

LIMIT = 2000


def action_label(action: str) -> str:
    labels = {
        "open-patient": QCoreApplication.translate("AccessLog", "Opened patient"),
        "open-document": QCoreApplication.translate("AccessLog", "Opened document"),
        "profile-created": QCoreApplication.translate("AccessLog", "Profile created"),
        "passphrase-changed": QCoreApplication.translate("AccessLog", "Passphrase changed"),
        "server-configured": QCoreApplication.translate("AccessLog", "Server configured"),
        "signed-in": QCoreApplication.translate("AccessLog", "Signed in to the hospital"),
        "sync": QCoreApplication.translate("AccessLog", "Synchronised"),
        "lock": QCoreApplication.translate("AccessLog", "Locked"),
        "unlock": QCoreApplication.translate("AccessLog", "Unlocked"),
        "flag-acknowledged": QCoreApplication.translate("AccessLog", "Warning acknowledged"),
    }
    return labels.get(action, action)


def local_time(iso: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M:%S")


class AccessLogDialog(QDialog):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *,
                 patient: tuple[str, str] | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._patient = patient
        self.setObjectName("accessLogDialog")
        self.setWindowTitle(self.tr("Access log"))
        intro = QLabel(self.tr("Everything opened on this computer with this profile, most recent first. The "
                               "log stays in the encrypted profile."), self)
        intro.setWordWrap(True)
        self.only_patient = QCheckBox(self.tr("Only the open patient"), self)
        self.only_patient.setVisible(patient is not None)
        self.only_patient.toggled.connect(self.reload)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("accessLogTable")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Action"), self.tr("Patient id"),
                                              self.tr("Object"), self.tr("Detail"), self.tr("Hospital told")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.refresh_button = buttons.addButton(self.tr("Refresh"), QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.reload)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.only_patient)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(820, 480)
        self.reload()

    @property
    def entries_shown(self) -> int:
        return self.table.rowCount()

    def reload(self) -> None:
        patient_id = self._patient[1] if self._patient and self.only_patient.isChecked() else None
        self.status.setText(self.tr("Loading…"))
        self._runner.query(self, lambda store: queries.access_log(store, LIMIT, patient_id), self._show,
                           lambda exc: self.status.setText(str(exc)), slot="entries")

    def _show(self, entries: list[AuditEntry]) -> None:
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            obj = "/".join(p for p in (entry.object_type, entry.object_id) if p)
            report = {"delivered": self.tr("Delivered"), "pending": self.tr("Pending")}.get(entry.report or "", "")
            values = (local_time(entry.at), action_label(entry.action), entry.patient_id or "", obj,
                      entry.detail or "", report)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, entry.at)
                self.table.setItem(row, column, item)
        self.status.setText(self.tr("%n entry(ies)", "", len(entries)) if len(entries) < LIMIT
                            else self.tr("The most recent %n entries", "", LIMIT))

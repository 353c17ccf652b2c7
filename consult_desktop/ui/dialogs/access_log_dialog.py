"""`AccessLogDialog` (Tools > Access log): when, who (the patient's name), what (in words, in the interface
language), which document (its title) — filtered by patient and period, exported as CSV (the export is logged).

Entries are read on the database lane through `record.access_log` (most recent first, at most 2,000) and shown
with local times. Action keys are worded here; a key this version does not know yet is shown as words too
("document-printed" -> "Document printed"), never as a raw key. GUI thread only.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.record import access_log
from consult_desktop.record.access_log import AccessLogRow, LogPatient
from consult_desktop.ui.shell.task_runner import TaskRunner

LIMIT = 2000
PERIODS = (None, 1, 7, 30, 365)  # days back from today; None: any time


def action_label(action: str) -> str:
    """An audit action key in words, in the interface language."""
    return _labels().get(action) or readable_key(action)


def has_words(action: str) -> bool:
    """Whether this version words the action itself (else it is made readable from the key)."""
    return action in _labels()


def _labels() -> dict[str, str]:
    return {
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
        "medication-decision": QCoreApplication.translate("AccessLog", "Medication decision recorded"),
        "prescription-saved": QCoreApplication.translate("AccessLog", "GP prescription saved"),
        "prescription-stopped": QCoreApplication.translate("AccessLog", "GP prescription stopped"),
        "prescription-deleted": QCoreApplication.translate("AccessLog", "GP prescription deleted (entered by mistake)"),
        "prescriptions-imported": QCoreApplication.translate("AccessLog", "Medication list imported"),
        "prescriptions-exported": QCoreApplication.translate("AccessLog", "Medication list exported"),
        "reconciliation-exported": QCoreApplication.translate("AccessLog", "Medication comparison exported as PDF"),
        "reconciliation-printed": QCoreApplication.translate("AccessLog", "Medication comparison printed"),
        "patient-purged": QCoreApplication.translate("AccessLog", "Patient's local record removed (no longer shared)"),
        "document-printed": QCoreApplication.translate("AccessLog", "Document printed"),
        "document-saved": QCoreApplication.translate("AccessLog", "Document saved to a file"),
        "labs-printed": QCoreApplication.translate("AccessLog", "Lab results printed"),
        "medication-printed": QCoreApplication.translate("AccessLog", "Medication comparison printed"),
        "settings-changed": QCoreApplication.translate("AccessLog", "Settings changed"),
        "backup-written": QCoreApplication.translate("AccessLog", "Own data backed up to a file"),
        "backup-restored": QCoreApplication.translate("AccessLog", "Own data restored from a backup"),
        "server-removed": QCoreApplication.translate("AccessLog", "Hospital server removed"),
        access_log.AUDIT_EXPORTED: QCoreApplication.translate("AccessLog", "Access log exported"),
    }


def readable_key(key: str) -> str:
    """A key this version has no words for, made readable: separators become spaces, first letter capital."""
    words = " ".join(w for w in re.split(r"[-_/.:]+", key) if w)
    return (words[:1].upper() + words[1:]) if words else QCoreApplication.translate("AccessLog", "Other event")


def detail_text(row: AccessLogRow) -> str:
    if row.action == "medication-decision":
        words = {"continue": QCoreApplication.translate("AccessLog", "continue"),
                 "stop": QCoreApplication.translate("AccessLog", "stop"),
                 "modify": QCoreApplication.translate("AccessLog", "modify"),
                 "cleared": QCoreApplication.translate("AccessLog", "decision cleared")}
        return words.get(row.detail or "", readable_key(row.detail or ""))
    if row.action == access_log.AUDIT_EXPORTED:
        return ""
    if row.detail == "demo":
        return QCoreApplication.translate("AccessLog", "demo")
    return row.detail or ""


def object_text(row: AccessLogRow) -> str:
    if row.document_title:
        return row.document_title
    if row.object_type == "file" and row.object_id:
        return row.object_id
    if row.object_type in access_log.DOCUMENT_TYPES:
        return QCoreApplication.translate("AccessLog", "a document no longer in the local record")
    return ""


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
        self._open_patient = patient
        self._rows: list[AccessLogRow] = []
        self.setObjectName("accessLogDialog")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.patient_filter = QComboBox(self)
        self.patient_filter.setObjectName("accessLogPatient")
        self.period_filter = QComboBox(self)
        self.period_filter.setObjectName("accessLogPeriod")
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("accessLogTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.choose_export_file)
        self.refresh_button.clicked.connect(self.reload)
        buttons.rejected.connect(self.reject)
        self.patient_label = QLabel(self)
        self.patient_label.setBuddy(self.patient_filter)
        self.period_label = QLabel(self)
        self.period_label.setBuddy(self.period_filter)
        self.filters = QFormLayout()
        self.filters.addRow(self.patient_label, self.patient_filter)
        self.filters.addRow(self.period_label, self.period_filter)
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addLayout(self.filters)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self.retranslate()
        self.patient_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.period_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self._runner.query(self, access_log.log_patients, self._patients_loaded, lambda exc: None, slot="patients")
        self.reload()

    # -- texts ----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Access log"))
        self.intro.setText(self.tr("Everything opened on this computer with this profile, most recent first. The "
                                   "log stays in the encrypted profile."))
        self.patient_label.setText(self.tr("&Patient:"))
        self.period_label.setText(self.tr("P&eriod:"))
        self.patient_filter.setAccessibleName(self.tr("Patient"))
        self.patient_filter.setAccessibleDescription(self.tr("Show the entries of one patient"))
        self.period_filter.setAccessibleName(self.tr("Period"))
        self.period_filter.setAccessibleDescription(self.tr("Show the entries of a recent period"))
        period_names = [self.tr("Any time"), self.tr("Today"), self.tr("Last 7 days"), self.tr("Last 30 days"),
                        self.tr("Last 12 months")]
        if self.period_filter.count() == 0:
            self.period_filter.addItems(period_names)
        else:
            for index, name in enumerate(period_names):
                self.period_filter.setItemText(index, name)
        if self.patient_filter.count() == 0:
            self.patient_filter.addItem(self.tr("All patients"), None)
        else:
            self.patient_filter.setItemText(0, self.tr("All patients"))
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Patient"),
                                              self.tr("Document or file"), self.tr("Detail"),
                                              self.tr("Hospital told")])
        self.table.setAccessibleName(self.tr("Access log entries"))
        self.export_button.setText(self.tr("&Export CSV…"))
        self.export_button.setToolTip(self.tr("Save the entries shown as a CSV file (the export is logged)"))
        self.refresh_button.setText(self.tr("&Refresh"))
        if self._rows:
            self._show(self._rows)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- loading --------------------------------------------------------------------------------------------
    def _patients_loaded(self, patients: list[LogPatient]) -> None:
        self.patient_filter.blockSignals(True)
        for patient in patients:
            self.patient_filter.addItem(patient.name, (patient.server_id, patient.patient_id))
        if self._open_patient is not None:
            for index in range(1, self.patient_filter.count()):
                data = self.patient_filter.itemData(index)
                if data and tuple(data) == tuple(self._open_patient):
                    self.patient_filter.setCurrentIndex(index)
        self.patient_filter.blockSignals(False)
        if self.patient_filter.currentIndex() > 0:
            self.reload()

    def selected_patient(self) -> tuple[str, str] | None:
        data = self.patient_filter.currentData()
        return (data[0], data[1]) if data else None

    def set_period_days(self, days: int | None) -> None:
        self.period_filter.setCurrentIndex(PERIODS.index(days))

    def _since(self) -> dt.datetime | None:
        days = PERIODS[max(0, self.period_filter.currentIndex())]
        if days is None:
            return None
        today = dt.datetime.combine(dt.date.today(), dt.time()).astimezone()
        return today - dt.timedelta(days=days - 1)

    def reload(self) -> None:
        patient, since = self.selected_patient(), self._since()
        self.status.setText(self.tr("Loading…"))
        self._runner.query(self, lambda store: access_log.access_log_rows(store, LIMIT, patient, since),
                           self._show, lambda exc: self.status.setText(str(exc)), slot="entries")

    @property
    def entries_shown(self) -> int:
        return self.table.rowCount()

    def row_texts(self, row: AccessLogRow) -> list[str]:
        who = row.patient_name or ""
        if not who and row.patient_id:  # their local record was removed (no longer shared): the id is all left
            who = self.tr("A patient no longer in the local record (%1)").replace("%1", row.patient_id)
        report = {"delivered": self.tr("Delivered"), "pending": self.tr("Pending")}.get(row.report or "", "")
        return [local_time(row.at), action_label(row.action), who, object_text(row), detail_text(row), report]

    def _show(self, rows: list[AccessLogRow]) -> None:
        self._rows = rows
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, value in enumerate(self.row_texts(row)):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, row.at)
                self.table.setItem(index, column, item)
        self.status.setText(self.tr("%n entry(ies)", "", len(rows)) if len(rows) < LIMIT
                            else self.tr("The most recent %n entries", "", LIMIT))

    # -- export ---------------------------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name = self.tr("access-log") + f"-{dt.date.today().isoformat()}.csv"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the access log"), str(Path(folder) / name),
                                                    self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the entries shown, as shown, to `path` (database lane, which also logs the export)."""
        header = [self.table.horizontalHeaderItem(c).text() for c in range(self.table.columnCount())]
        lines = [self.row_texts(row) for row in self._rows]
        self.status.setText(self.tr("Exporting…"))
        self._runner.query(self, lambda store: access_log.export_csv(store, path, header, lines),
                           lambda written: self._exported(written.path),
                           lambda exc: self.status.setText(self.tr("The export failed: %1").replace("%1", str(exc))),
                           slot="export")

    def _exported(self, path: str) -> None:
        self.status.setText(self.tr("Exported to %1").replace("%1", path))
        self.reload()

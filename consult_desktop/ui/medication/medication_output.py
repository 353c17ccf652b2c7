"""`MedicationOutput`: what leaves the medication tab on paper or as a file — the reconciliation summary as a
PDF the GP saves (in Documents, named after the patient and the day) and the comparison printed through a
preview. Both are logged in the access log by actions of `record` run on the database lane. Mixed into
`MedicationView`, whose data, report, status line and runner it uses. GUI thread only.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QLabel

from consult_desktop.record import actions, exports
from consult_desktop.record.medication import MedicationData
from consult_desktop.ui.medication.reconciliation_pdf import ReconciliationReport
from consult_desktop.ui.shell.change_bus import ChangeBus
from consult_desktop.ui.shell.task_runner import TaskRunner
from consult_desktop.ui.widgets import printing

log = logging.getLogger(__name__)


class MedicationOutput:
    _data: MedicationData | None
    _report: ReconciliationReport
    _status: QLabel
    _runner: TaskRunner
    _changes: ChangeBus
    _failed: Callable[[BaseException], None]
    print_dialog: QPrintPreviewDialog | None = None

    # -- export and print -------------------------------------------------------------------------------------
    def export_pdf(self, path: Path | None = None) -> Path | None:
        """Write the reconciliation summary (asks where without a path); returns the file written."""
        if self._data is None:
            return None
        path = path or self._report.ask_path(self, self._data)
        if path is None or self._data is None:  # the profile may have been locked while the dialog was open
            return None
        try:
            self._report.write_pdf(path, self._data)
        except OSError as exc:
            log.warning("writing the reconciliation PDF failed: %s", type(exc).__name__)
            text = QCoreApplication.translate("MedicationView", "The PDF could not be written: %1")
            self._status.setText(text.replace("%1", str(path)))
            return None
        text = QCoreApplication.translate("MedicationView", "Reconciliation summary saved to %1")
        self._status.setText(text.replace("%1", str(path)))
        server_id, patient_id, written = self._data.server_id, self._data.patient_id, path
        self._runner.query(self, lambda store: actions.record_export(store, server_id, patient_id, written),
                           self._changes.announce, self._failed)
        return path

    def print_current(self) -> QPrintPreviewDialog | None:
        """Ctrl+P: the medication comparison (the reconciliation summary) in a print preview; logged once
        printed."""
        data = self._data
        if data is None:
            return None
        document = self._report.html(data) + f"<p><small>{html.escape(self._report.footer_text(data))}</small></p>"
        self.print_dialog = printing.open_print_preview(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("MedicationView", "Print the medication comparison"),
            lambda printer: printing.print_text_document(printer, html=document))
        self.print_dialog.accepted.connect(lambda: self._runner.query(
            self, lambda store: exports.record_print(store, data.server_id, data.patient_id, "medication"),
            lambda _none: None, self._failed))
        return self.print_dialog

"""`ChangeBus`: the one typed change signal of the desktop.

Actions of the record layer return what they changed (`consult_desktop.record.changes`); whoever ran the
action announces that value here, and a sync announces `RecordsSynced`. Views subscribe and refresh only what
changed (the medication tab on `PatientChanged` with "medication" for its patient, the patient list on
`RecordsSynced`) instead of reloading everything after a write. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from consult_desktop.record.changes import Change, PatientChanged, RecordsSynced


class ChangeBus(QObject):
    changed = Signal(object)  # any Change
    patient_changed = Signal(object)  # PatientChanged
    records_synced = Signal(object)  # RecordsSynced

    def announce(self, change: Change | None) -> None:
        """Tell the views; None (an action that changed nothing) is ignored."""
        if change is None:
            return
        self.changed.emit(change)
        if isinstance(change, PatientChanged):
            self.patient_changed.emit(change)
        elif isinstance(change, RecordsSynced):
            self.records_synced.emit(change)

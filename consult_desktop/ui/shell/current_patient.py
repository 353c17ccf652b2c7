"""`CurrentPatient`: the one patient the desktop shows.

The patient list, the header with its allergy banner and every tab follow this single value: the list sets it
when the GP selects a row (by click, arrow keys or Enter in the search field) and selects the row of whatever
it holds; the main window opens the record it names. A list that selects one patient while the record shows
another is therefore not a state the program can be in. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from consult_desktop.record.changes import PatientKey


class CurrentPatient(QObject):
    changed = Signal(object, object)  # previous key or None, new key or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key: PatientKey | None = None

    @property
    def key(self) -> PatientKey | None:
        return self._key

    def set(self, key: PatientKey | None) -> None:
        key = (key[0], key[1]) if key is not None else None
        if key == self._key:
            return
        previous, self._key = self._key, key
        self.changed.emit(previous, key)

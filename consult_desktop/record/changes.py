"""What an action or a sync changed, as frozen dataclasses the screens can react to.

Actions of `consult_desktop.record` return one of these; the desktop re-emits them on its change signal
(`ui/shell/change_bus.py`) so that a view refreshes only what changed. Plain data; any thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PatientKey = tuple[str, str]  # (server_id, patient_id)

# Kinds of data of one patient that an action can change.
MEDICATION = "medication"
VIEWED = "viewed"
DOCUMENT_TEXT = "document-text"


@dataclass(frozen=True)
class PatientChanged:
    """One patient's data of the given kinds changed (e.g. `kinds={"medication"}` after a prescription)."""

    patient: PatientKey
    kinds: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kinds", frozenset(self.kinds))


@dataclass(frozen=True)
class RecordsSynced:
    """A sync (or a server's removal) changed records: `patients` are the ones with a resource stored or changed,
    or None when any patient may have changed (resources were deleted, or a server was removed)."""

    patients: frozenset[PatientKey] | None = None

    def touches(self, patient: PatientKey) -> bool:
        return self.patients is None or patient in self.patients


@dataclass(frozen=True)
class FileWritten:
    """An export wrote a file; nothing in the store changed."""

    path: str


@dataclass(frozen=True)
class ProfileWiped:
    """The profile was removed from this computer."""


Change = PatientChanged | RecordsSynced | FileWritten | ProfileWiped

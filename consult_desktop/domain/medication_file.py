"""What a medication file (KMEHR scheme, SUMEHR, Belgian FHIR, generic FHIR, CSV) was found to hold.

The readers (`consult_desktop.kmehr`, `consult_desktop.medlist`) fill these; the import preview, the
command line report and the import itself read them. Every medication line is kept as a
MedicationStatement-shaped dict, the shape the GP's own prescriptions are stored in. Plain frozen data;
safe on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ACTIVE = "active"
SUSPENDED = "suspended"
STOPPED = "stopped"
# How the three statuses of a line are written in a MedicationStatement.
FHIR_STATUS = {ACTIVE: "active", SUSPENDED: "on-hold", STOPPED: "stopped"}
_STOPPED_FHIR = frozenset({"stopped", "completed", "cancelled", "entered-in-error", "not-taken"})
_SUSPENDED_FHIR = frozenset({"on-hold", "suspended"})


def line_status(statement: dict[str, Any]) -> str:
    """active / suspended / stopped of a MedicationStatement-shaped dict."""
    status = str(statement.get("status") or "")
    return STOPPED if status in _STOPPED_FHIR else SUSPENDED if status in _SUSPENDED_FHIR else ACTIVE


@dataclass(frozen=True, slots=True)
class FilePatient:
    """The patient a file is about, as far as the file says."""

    ssin: str | None = None  # Belgian national number, 11 digits
    pseudonym: str | None = None  # a pseudonymised SSIN (eHealth pseudonymisation), not comparable locally
    family: str | None = None
    given: str | None = None
    birth_date: str | None = None
    display: str | None = None  # a free-text name when the file gives nothing else

    @property
    def identified(self) -> bool:
        return bool(self.ssin or (self.family and self.birth_date))

    def as_json(self) -> dict[str, Any]:
        return {"ssin": self.ssin, "pseudonymised_ssin": bool(self.pseudonym), "family": self.family,
                "given": self.given, "birth_date": self.birth_date, "display": self.display}


@dataclass(frozen=True, slots=True)
class FoundLine:
    """One medication line of a file: readable (with its statement) or unreadable (with the reason)."""

    source: str  # where in the file: "transaction 3, item 1", "MedicationStatement/abc", "Bundle entry 4"
    statement: dict[str, Any] | None  # MedicationStatement-shaped; None when unreadable
    reason: str = ""  # why the line cannot be read
    notes: tuple[str, ...] = ()  # quirks met and how they were handled

    @property
    def readable(self) -> bool:
        return self.statement is not None


@dataclass(frozen=True, slots=True)
class SumehrItem:
    """An allergy, intolerance, risk, problem or vaccination of a GP's SUMEHR (shown, not checked)."""

    kind: str  # "allergy", "adr", "risk", "socialrisk", "problem", "vaccine", ...
    text: str
    codes: tuple[str, ...] = ()
    status: str = ""
    start: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "codes": list(self.codes), "status": self.status,
                "start": self.start, "origin": "from the GP's SUMEHR"}


@dataclass(frozen=True, slots=True)
class FileRead:
    format: str  # "kmehr-medicationscheme", "kmehr-sumehr", "kmehr", "fhir-be", "fhir", "csv"
    patient: FilePatient | None
    lines: tuple[FoundLine, ...]
    sumehr: tuple[SumehrItem, ...] = ()
    warnings: tuple[str, ...] = ()
    other_patients: int = 0  # further, different patients named in the same file
    extra: dict[str, Any] = field(default_factory=dict)

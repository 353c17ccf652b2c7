"""Is the file's patient the patient we are importing into? SSIN first, else family name and birth date.

A file is never imported into the wrong patient: a different SSIN, name or birth date is a mismatch and
refused; a file that does not identify its patient (a pseudonymised SSIN, which cannot be checked here, a
display name only, or nothing) is "unverified" and imported only when the GP confirms the patient. Pure;
safe on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from consult_desktop.domain.medication_file import FilePatient
from consult_desktop.domain.patient import Patient
from consult_desktop.meds.text_parser import fold

MATCH = "match"
MISMATCH = "mismatch"
UNVERIFIED = "unverified"


@dataclass(frozen=True, slots=True)
class PatientMatch:
    outcome: str  # MATCH, MISMATCH or UNVERIFIED
    by: str  # "ssin", "name and birth date", or "" when not matched
    message: str  # for the GP; names no patient data

    @property
    def allowed(self) -> bool:
        return self.outcome == MATCH

    def as_json(self) -> dict[str, str]:
        return {"outcome": self.outcome, "by": self.by, "message": self.message}


def _digits(value: str | None) -> str:
    return "".join(ch for ch in value or "" if ch.isdigit())


def _same_name(a: str | None, b: str | None) -> bool:
    return bool(a and b) and fold(a or "").replace("-", " ").split() == fold(b or "").replace("-", " ").split()


def match_patient(found: FilePatient | None, patient: Patient, other_patients: int = 0) -> PatientMatch:
    if other_patients:
        return PatientMatch(MISMATCH, "", "The file holds the medication of more than one patient: "
                            "it is not imported. Import a file about this patient only.")
    if found is None:
        return PatientMatch(UNVERIFIED, "", "The file does not say whose medication it is.")
    file_ssin, stored_ssin = _digits(found.ssin), _digits(patient.ssin)
    if file_ssin and stored_ssin:
        if file_ssin == stored_ssin:
            return PatientMatch(MATCH, "ssin", "Same national number (SSIN).")
        return PatientMatch(MISMATCH, "", "The file is about another patient (different national number): "
                            "it is not imported.")
    if found.family and found.birth_date and patient.family and patient.birth_date:
        same_birth = found.birth_date[:10] == patient.birth_date[:10]
        if _same_name(found.family, patient.family) and same_birth:
            return PatientMatch(MATCH, "name and birth date", "Same family name and birth date.")
        return PatientMatch(MISMATCH, "", "The file is about another patient (different name or birth date): "
                            "it is not imported.")
    if found.pseudonym:
        return PatientMatch(UNVERIFIED, "", "The file names its patient by a pseudonymised national number, "
                            "which cannot be checked on this computer.")
    return PatientMatch(UNVERIFIED, "", "The file does not identify its patient well enough "
                        "(no national number, or no name with a birth date).")

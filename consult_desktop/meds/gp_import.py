"""Imports the GP's own medication list as FHIR-like MedicationStatement dicts.

Accepted inputs: a FHIR Bundle / JSON array of MedicationStatement or MedicationRequest resources, or a
CSV file exported by the GP's software. CSV rules (documented for users in the module so the import
dialog can show them):

- separator ``;``, ``,`` or tab (detected); UTF-8 (with or without BOM), else Windows-1252;
- a header row; column names are case- and accent-insensitive, in English, French or Dutch:

  ============  ===========================================================================
  column        accepted header names
  ============  ===========================================================================
  name          name, product, medication, drug, medicament, produit, nom, geneesmiddel, naam
  dose          dose, dosage, dosis, posologie, dosering
  frequency     frequency, frequence, frequentie, schema, frequentie/schema
  start         start, start date, begin, debut, date debut, startdatum, begindatum
  end           end, stop, end date, fin, date fin, einde, stopdatum, einddatum
  atc           atc, atc code, code atc
  cnk           cnk, cnk code, code cnk
  status        status, statut (active / stopped; default active)
  ============  ===========================================================================

Only ``name`` (or ``atc`` or ``cnk``) is required. Rows without any of them are skipped and counted.
File I/O on the caller's thread; the result holds no Qt types.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from consult_desktop.meds.dosage import parse_dosage_text
from consult_desktop.meds.fhir_input import MEDICATION_TYPES, InputFileError, pick, read_json_resources
from consult_desktop.meds.normalise import ATC_SYSTEM, CNK_SYSTEM
from consult_desktop.meds.text_parser import fold

_HEADERS = {
    "name": {"name", "product", "medication", "drug", "medicament", "produit", "nom", "geneesmiddel", "naam",
             "specialite", "specialiteit", "product name", "nom du produit", "productnaam"},
    "dose": {"dose", "dosage", "dosis", "posologie", "dosering"},
    "frequency": {"frequency", "frequence", "frequentie", "schema", "frequentie schema"},
    "start": {"start", "start date", "begin", "debut", "date debut", "startdatum", "begindatum"},
    "end": {"end", "stop", "end date", "fin", "date fin", "einde", "stopdatum", "einddatum"},
    "atc": {"atc", "atc code", "code atc"},
    "cnk": {"cnk", "cnk code", "code cnk"},
    "status": {"status", "statut"},
}
_STOPPED_WORDS = {"stopped", "stop", "gestopt", "arrete", "inactive", "inactief", "completed"}


@dataclass(frozen=True, slots=True)
class GpImport:
    statements: tuple[dict[str, Any], ...]
    skipped_rows: int = 0


def read_gp_medication(path: Path) -> GpImport:
    """Read a Bundle/JSON or CSV file of the GP's medication (format chosen by content, not extension)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        resources = pick(read_json_resources(path), MEDICATION_TYPES, path)
        return GpImport(tuple(as_statement(resource) for resource in resources))
    return read_gp_csv(raw, path)


def as_statement(resource: dict[str, Any]) -> dict[str, Any]:
    """A MedicationRequest becomes the equivalent MedicationStatement; a statement is kept as it is."""
    if resource.get("resourceType") == "MedicationStatement":
        return resource
    statement = {key: value for key, value in resource.items()
                 if key in ("id", "medicationCodeableConcept", "medicationReference", "contained", "subject")}
    statement["resourceType"] = "MedicationStatement"
    status = str(resource.get("status") or "active")
    statement["status"] = {"cancelled": "stopped", "draft": "intended", "on-hold": "on-hold"}.get(status, status)
    if resource.get("dosageInstruction"):
        statement["dosage"] = resource["dosageInstruction"]
    if resource.get("authoredOn"):
        statement["effectivePeriod"] = {"start": resource["authoredOn"]}
    return statement


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_gp_csv(raw: bytes, path: Path) -> GpImport:
    text = _decode(raw)
    sample = text[:4096]
    delimiter = max((";", ",", "\t"), key=lambda candidate: sample.splitlines()[0].count(candidate) if sample else 0)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = [row for row in reader if any(cell.strip() for cell in row)]
    if not rows:
        raise InputFileError(f"{path}: the CSV file is empty")
    columns: dict[str, int] = {}
    for index, header in enumerate(rows[0]):
        key = fold(header).replace("_", " ")
        for name, accepted in _HEADERS.items():
            if key in accepted and name not in columns:
                columns[name] = index
    if not {"name", "atc", "cnk"} & columns.keys():
        raise InputFileError(f"{path}: no 'name', 'atc' or 'cnk' column in the CSV header")
    statements: list[dict[str, Any]] = []
    skipped = 0
    for number, row in enumerate(rows[1:], start=1):
        def cell(name: str, row: list[str] = row) -> str:
            index = columns.get(name)
            return row[index].strip() if index is not None and index < len(row) else ""

        name, atc, cnk = cell("name"), cell("atc").upper().replace(" ", ""), cell("cnk").replace(" ", "")
        if not (name or atc or cnk):
            skipped += 1
            continue
        statements.append(_statement(number, name, atc, cnk, cell("dose"), cell("frequency"), cell("start"),
                                     cell("end"), cell("status")))
    return GpImport(tuple(statements), skipped)


def _statement(number: int, name: str, atc: str, cnk: str, dose: str, frequency: str, start: str, end: str,
               status: str) -> dict[str, Any]:
    coding = []
    if atc:
        coding.append({"system": ATC_SYSTEM, "code": atc})
    if cnk:
        coding.append({"system": CNK_SYSTEM, "code": cnk})
    concept: dict[str, Any] = {"coding": coding} if coding else {}
    if name:
        concept["text"] = name
    statement: dict[str, Any] = {
        "resourceType": "MedicationStatement",
        "id": f"gp-csv-{number}",
        "status": "stopped" if fold(status) in _STOPPED_WORDS or (end and not status) else "active",
        "medicationCodeableConcept": concept,
    }
    if start or end:
        statement["effectivePeriod"] = {key: value for key, value in (("start", start), ("end", end)) if value}
    posology = " ".join(part for part in (dose, frequency) if part)
    if posology:
        parsed = parse_dosage_text(posology)
        dosage: dict[str, Any] = {"text": posology}
        if parsed.dose_value is not None:
            dosage["doseAndRate"] = [{"doseQuantity": {"value": parsed.dose_value, "unit": parsed.dose_unit}}]
        if parsed.per_day is not None:
            dosage["timing"] = {"repeat": {"frequency": parsed.per_day, "period": 1, "periodUnit": "d"}}
        if parsed.as_needed:
            dosage["asNeededBoolean"] = True
        statement["dosage"] = [dosage]
    return statement

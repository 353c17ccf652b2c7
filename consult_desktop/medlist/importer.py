"""Import a read medication file into the GP's own prescriptions: preview, then commit in one transaction.

`preview_import` compares each readable line with the patient's current prescriptions (same source id,
else same ingredients, else same product name) and plans it as added / changed / suspended / stopped /
unchanged; it also matches the file's patient. `commit_import` refuses a mismatching patient (and an
unverified one unless the GP confirmed it), then writes every planned line as today's GP prescription and
one access-log entry, all in a single transaction: either everything is imported or nothing is.
Runs on the thread that owns the Store.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from consult_desktop.domain.medication_file import STOPPED, SUSPENDED, line_status
from consult_desktop.fhir import mapping
from consult_desktop.kmehr.codes import SOURCE_ID_SYSTEM
from consult_desktop.medlist.patient_match import MATCH, UNVERIFIED, PatientMatch, match_patient
from consult_desktop.medlist.report import MedicationReport, ReportLine
from consult_desktop.meds.knowledge_base import load_knowledge_base
from consult_desktop.meds.normalise import normalise
from consult_desktop.meds.text_parser import fold
from consult_desktop.store import Store

ADDED = "added"
CHANGED = "changed"
UNCHANGED = "unchanged"
KINDS = (ADDED, CHANGED, SUSPENDED, STOPPED)


class PatientRefused(ValueError):
    """The file's patient is not (or cannot be shown to be) the patient being imported into."""


@dataclass(frozen=True)
class PlannedLine:
    kind: str  # added / changed / suspended / stopped / unchanged
    line: ReportLine
    existing_id: str | None = None


@dataclass(frozen=True)
class ImportPreview:
    server_id: str
    patient_id: str
    report: MedicationReport
    match: PatientMatch
    planned: tuple[PlannedLine, ...]

    def count(self, kind: str) -> int:
        return sum(1 for item in self.planned if item.kind == kind)

    def as_json(self) -> dict[str, Any]:
        return {"patient_match": self.match.as_json(),
                "plan": {kind: self.count(kind) for kind in (*KINDS, UNCHANGED)},
                "lines": [{"source": item.line.source, "product": item.line.product, "plan": item.kind}
                          for item in self.planned]}


@dataclass(frozen=True)
class ImportResult:
    saved: tuple[str, ...]  # prescription ids written
    counts: dict[str, int]


def stored_patient(store: Store, server_id: str, patient_id: str) -> Any:
    patient = mapping.map_patient(store.resources.get(server_id, "Patient", patient_id))
    if patient is None:
        raise LookupError("no such patient in this profile")
    return patient


def preview_import(store: Store, server_id: str, patient_id: str, report: MedicationReport) -> ImportPreview:
    match = match_patient(report.patient, stored_patient(store, server_id, patient_id), report.other_patients)
    kb = load_knowledge_base()
    existing = store.prescriptions.for_patient(server_id, patient_id)
    by_source = {ident.get("value"): item for item in existing for ident in item.get("identifier") or ()
                 if ident.get("system") == SOURCE_ID_SYSTEM and ident.get("value")}
    by_key: dict[str, dict[str, Any]] = {}
    for item in existing:
        by_key.setdefault(_key(normalise(item, None, kb)), item)
    planned: list[PlannedLine] = []
    taken: set[str] = set()
    for line in report.lines:
        if line.statement is None or line.entry is None:
            continue
        source = _source_id(line)
        current = by_source.get(source) if source else None
        if current is None or str(current.get("id")) in taken:
            current = by_key.get(_key(line.entry))
        if current is not None and str(current.get("id")) in taken:
            current = None
        if current is not None:
            taken.add(str(current.get("id")))
        planned.append(PlannedLine(_plan(line, current), line, str(current.get("id")) if current else None))
    return ImportPreview(server_id, patient_id, report, match, tuple(planned))


def commit_import(store: Store, preview: ImportPreview, confirm_unverified: bool = False,
                  language: str = "en") -> ImportResult:
    """`language` (en/fr/nl) writes a structured posology in the GP's words as its text, as the list shows it."""
    if preview.match.outcome != MATCH and not (preview.match.outcome == UNVERIFIED and confirm_unverified):
        raise PatientRefused(preview.match.message)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    saved: list[str] = []
    with store.transaction():
        for item in preview.planned:
            if item.kind == UNCHANGED:
                continue
            resource = _resource(item, preview.patient_id, now, language)
            saved.append(store.prescriptions.save(preview.server_id, preview.patient_id, resource,
                                                         resource["id"]))
        counts = {kind: preview.count(kind) for kind in (*KINDS, UNCHANGED)}
        detail = f"format={preview.report.format} " + " ".join(f"{k}={v}" for k, v in counts.items()) + \
            f" unreadable={preview.report.summary['unreadable']} patient={preview.match.by or 'confirmed by user'}"
        store.audit.write("prescriptions-imported", server_id=preview.server_id, patient_id=preview.patient_id,
                            object_type="MedicationStatement", detail=detail)
    return ImportResult(tuple(saved), counts)


def _key(entry: Any) -> str:
    return "+".join(sorted(entry.ingredient_ids)) if entry.resolved else "?" + fold(entry.label)


def _source_id(line: ReportLine) -> str | None:
    """The line's stable id in the sender's system (a scheme URI, an identifier), never a message-local id."""
    for ident in (line.statement or {}).get("identifier") or ():
        if isinstance(ident, dict) and ident.get("value"):
            return str(ident["value"])
    return None


def _plan(line: ReportLine, current: dict[str, Any] | None) -> str:
    status = line.status
    if current is None:
        return STOPPED if status == STOPPED else SUSPENDED if status == SUSPENDED else ADDED
    before = line_status(current)
    if status != before and status in (STOPPED, SUSPENDED):
        return status
    same = (status == before and _dosage_key(current) == _dosage_key(line.statement or {})
            and fold(_label(current)) == fold(_label(line.statement or {})))
    return UNCHANGED if same else CHANGED


def _label(statement: dict[str, Any]) -> str:
    return str((statement.get("medicationCodeableConcept") or {}).get("text") or "")


def _dosage_key(statement: dict[str, Any]) -> str:
    """The posology as the file states it; the GP's words added on import to structured entries do not count."""
    entries = [{key: value for key, value in entry.items()
                if key != "text" or not (entry.get("timing") or entry.get("doseAndRate"))}
               for entry in statement.get("dosage") or () if isinstance(entry, dict)]
    return json.dumps(entries, sort_keys=True)


def _resource(item: PlannedLine, patient_id: str, now: str, language: str) -> dict[str, Any]:
    statement = dict(item.line.statement or {})
    dosage = [dict(entry) for entry in statement.get("dosage") or () if isinstance(entry, dict)]
    words = item.line.words.get(language) or item.line.words.get("en")
    if dosage and words and not any(entry.get("text") for entry in dosage):
        dosage[0]["text"] = words
        statement["dosage"] = dosage
    source_id = _source_id(item.line)
    identifiers = [ident for ident in statement.get("identifier") or () if isinstance(ident, dict)
                   and ident.get("system") != SOURCE_ID_SYSTEM]
    statement.update({
        "resourceType": "MedicationStatement",
        "id": item.existing_id or str(uuid.uuid4()),
        "subject": {"reference": f"Patient/{patient_id}"},
        "dateAsserted": now,
        "identifier": [*identifiers, *([{"system": SOURCE_ID_SYSTEM, "value": source_id}] if source_id else [])],
    })
    if item.kind == STOPPED and not (statement.get("effectivePeriod") or {}).get("end"):
        statement["effectivePeriod"] = {**(statement.get("effectivePeriod") or {}), "end": now[:10]}
    statement.pop("informationSource", None)
    return statement

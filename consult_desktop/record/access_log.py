"""The readable access log: entries with the patient's name and the document's title, filtered by patient and
period, and its export as a CSV file (the export is itself logged).

The store keeps ids only; names and titles are looked up here, on the database lane, from the cached records
(a patient whose record was purged keeps their id). The interface turns action keys into words
(`ui/dialogs/access_log_dialog.py`). Plain Python, no Qt: call on the thread that opened the store.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from consult_desktop.fhir import mapping
from consult_desktop.record.changes import FileWritten
from consult_desktop.store import Store

AUDIT_EXPORTED = "access-log-exported"
DOCUMENT_TYPES = ("DocumentReference", "DiagnosticReport")


@dataclass(frozen=True)
class AccessLogRow:
    at: str  # UTC ISO instant
    action: str  # the stored key ("open-patient" …); the interface words it
    server_id: str | None
    patient_id: str | None
    patient_name: str | None  # "FAMILY Given", None when no patient or their record is gone
    object_type: str | None
    object_id: str | None
    document_title: str | None  # for entries about a document
    detail: str | None
    report: str | None = None  # access report to the hospital: "delivered", "pending", None when none is due


@dataclass(frozen=True)
class LogPatient:
    server_id: str
    patient_id: str
    name: str


def _name(family: str | None, given: str | None) -> str | None:
    family, given = (family or "").strip(), (given or "").strip()
    if family and given:
        return f"{family.upper()} {given}"
    return family.upper() or given or None


def log_patients(store: Store) -> list[LogPatient]:
    """The patients the filter offers: every patient of the local record, by name."""
    rows = [LogPatient(s.server_id, s.id, _name(s.family, s.given) or s.id) for s in store.patient_summaries()]
    return sorted(rows, key=lambda p: p.name.casefold())


def _document_title(store: Store, server_id: str | None, object_type: str | None, object_id: str | None,
                    cache: dict[tuple, str | None]) -> str | None:
    if not server_id or not object_id or object_type not in DOCUMENT_TYPES:
        return None
    key = (server_id, object_type, object_id)
    if key not in cache:
        resource = store.resources.get(server_id, object_type, object_id)
        document = mapping.map_document(resource) if resource is not None else None
        cache[key] = document.title if document is not None else None
    return cache[key]


def access_log_rows(store: Store, limit: int, patient: tuple[str, str] | None = None,
                    since: dt.datetime | None = None, until: dt.datetime | None = None) -> list[AccessLogRow]:
    """The newest entries first (at most `limit`), of one patient and within [since, until) when given."""
    entries = store.audit.entries(limit, patient_id=patient[1] if patient else None,
                                  since=since.astimezone(dt.UTC).isoformat() if since else None,
                                  until=until.astimezone(dt.UTC).isoformat() if until else None)
    names = {(s.server_id, s.id): _name(s.family, s.given) for s in store.patient_summaries()}
    by_id = {pid: name for (_server, pid), name in names.items()}
    titles: dict[tuple, str | None] = {}
    rows = []
    for e in entries:
        if patient is not None and e.server_id not in (None, patient[0]):
            continue
        name = names.get((e.server_id, e.patient_id)) if e.server_id else by_id.get(e.patient_id or "")
        rows.append(AccessLogRow(e.at, e.action, e.server_id, e.patient_id, name, e.object_type, e.object_id,
                                 _document_title(store, e.server_id, e.object_type, e.object_id, titles), e.detail,
                                 e.report))
    return rows


def export_csv(store: Store, path: Path, header: list[str], lines: list[list[str]]) -> FileWritten:
    """Write the log as shown (words in the interface language) to a CSV file, and log the export."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # the BOM lets spreadsheets read UTF-8
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows(lines)
    store.audit.write(AUDIT_EXPORTED, object_type="file", object_id=path.name, detail=f"{len(lines)} entries")
    return FileWritten(str(path))

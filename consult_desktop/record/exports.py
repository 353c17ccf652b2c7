"""What leaves the encrypted store on paper or as a file: printing a document, the lab results or the medication
comparison, saving a document as the file the hospital sent, exporting the GP's reconciled medication list
(KMEHR or Belgian FHIR), and the default names of those files.

Each action writes its audit entry (the access log shows the patient and the document) before or after the
work it records, and returns a `FileWritten` when a file was written. `original_file` reads the bytes of the
attachment exactly as the hospital sent them. Plain Python, no Qt: call on the thread that opened the store
(`save_document` also writes the file there, so a full disk is reported as an OSError, never half-logged).
"""

from __future__ import annotations

import datetime as dt
import json
import mimetypes
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from consult_desktop.fhir import mapping
from consult_desktop.record.access_report import record_access
from consult_desktop.record.changes import FileWritten
from consult_desktop.record.document_content import preferred_attachment, stored_index
from consult_desktop.record.people import owner_of
from consult_desktop.store import Store

PRINTED_DOCUMENT = "document-printed"
PRINTED_LABS = "labs-printed"
PRINTED_MEDICATION = "medication-printed"
SAVED_DOCUMENT = "document-saved"
EXPORTED_MEDICATION_LIST = "prescriptions-exported"
EXPORTED_RECONCILIATION = "reconciliation-exported"
PRINT_ACTIONS = {"document": PRINTED_DOCUMENT, "labs": PRINTED_LABS, "medication": PRINTED_MEDICATION}

_EXTENSIONS = {  # the ones `mimetypes` gets wrong or does not know on every platform
    "application/pdf": ".pdf", "text/plain": ".txt", "text/html": ".html", "application/xhtml+xml": ".xhtml",
    "image/jpeg": ".jpg", "image/png": ".png", "image/tiff": ".tif", "application/xml": ".xml",
    "text/xml": ".xml", "application/json": ".json", "application/dicom": ".dcm", "text/rtf": ".rtf",
}


@dataclass(frozen=True)
class OriginalFile:
    """One attachment as the hospital sent it."""

    data: bytes
    content_type: str
    extension: str  # ".pdf"
    title: str
    date: str | None


def extension_for(content_type: str | None) -> str:
    """".pdf" for "application/pdf"; ".bin" when the type says nothing known."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    return _EXTENSIONS.get(ctype) or mimetypes.guess_extension(ctype) or ".bin"


def file_name(patient_name: str, what: str, extension: str, day: dt.date | None = None) -> str:
    """`Dubois-Lefevre Elodie - Lettre de sortie - 2026-12-05.pdf`: safe on Windows, macOS and Linux."""
    day = day or dt.date.today()
    parts = [_safe(part) for part in (patient_name, what) if _safe(part)]
    return " - ".join([*parts, day.isoformat()]) + extension


def _safe(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9 ._-]+", " ", ascii_text.replace(",", ""))
    return re.sub(r"\s+", " ", cleaned).strip(" .")[:60]


def patient_name(store: Store, server_id: str, patient_id: str) -> str:
    patient = mapping.map_patient(store.resources.get(server_id, "Patient", patient_id))
    return mapping.display_name(patient) if patient is not None else ""


def original_file(store: Store, server_id: str, resource_type: str, resource_id: str) -> OriginalFile | None:
    """The attachment the viewer shows, as stored (None when the document has no stored bytes)."""
    resource = store.resources.get(server_id, resource_type, resource_id)
    if resource is None:
        return None
    document = mapping.map_document(resource)
    index = preferred_attachment(document)
    if index is None:
        return None
    declared = document.attachments[index]
    stored = store.resources.get_attachment(server_id, resource_type, resource_id, stored_index(resource, declared))
    data = stored.data if stored is not None and stored.data else declared.inline_bytes()
    if not data:
        return None
    content_type = (stored.content_type if stored is not None else None) or declared.content_type or ""
    if not content_type and data[:5] == b"%PDF-":
        content_type = "application/pdf"
    return OriginalFile(data, content_type, extension_for(content_type), document.title, document.date)


def save_document(store: Store, server_id: str, patient_id: str, resource_type: str, resource_id: str,
                  path: Path, held_by: str | None = None) -> FileWritten:
    """Write the document's original attachment to `path` and log it (LookupError without stored bytes).
    `held_by`: the server of the document when it may be another hospital of this person."""
    if held_by is not None:
        server_id, patient_id = owner_of(store, server_id, patient_id, resource_type, resource_id, held_by)
    found = original_file(store, server_id, resource_type, resource_id)
    if found is None or not _belongs(store, server_id, patient_id, resource_type, resource_id):
        raise LookupError("the document has no stored file")
    path.write_bytes(found.data)
    record_access(store, SAVED_DOCUMENT, server_id, patient_id, object_type=resource_type,
                      object_id=resource_id, detail=f"file={path.name}")
    return FileWritten(str(path))


def _belongs(store: Store, server_id: str, patient_id: str, resource_type: str, resource_id: str) -> bool:
    return any(resource.get("id") == resource_id
               for resource in store.resources.for_patient(server_id, patient_id, (resource_type,)))


def record_print(store: Store, server_id: str, patient_id: str, what: str, resource_type: str | None = None,
                 resource_id: str | None = None, held_by: str | None = None) -> None:
    """The GP printed (or printed to PDF) the document, the lab results or the medication comparison; a
    document is logged for the hospital that holds it (`held_by`, when it may be another of this person's)."""
    if held_by is not None and resource_type is not None and resource_id is not None:
        server_id, patient_id = owner_of(store, server_id, patient_id, resource_type, resource_id, held_by)
    record_access(store, PRINT_ACTIONS[what], server_id, patient_id,
                  object_type=resource_type, object_id=resource_id)


def record_reconciliation_export(store: Store, server_id: str, patient_id: str, path: Path) -> FileWritten:
    """The reconciliation summary of this patient was written to a file (the access log shows it)."""
    record_access(store, EXPORTED_RECONCILIATION, server_id, patient_id,
                  object_type="file", object_id=path.name)
    return FileWritten(str(path))



def export_medication_list(store: Store, server_id: str, patient_id: str, kind: str, path: Path) -> int:
    """Write the reconciled list as a KMEHR medication scheme (`kind` "kmehr") or a Belgian FHIR Bundle ("fhir")
    and log it; returns the number of lines written."""
    from consult_desktop.medlist.export import export_fhir, export_kmehr, file_patient, reconciled_list

    statements = reconciled_list(store, server_id, patient_id)
    who = file_patient(store, server_id, patient_id)
    data = export_kmehr(statements, who) if kind == "kmehr" else \
        json.dumps(export_fhir(statements, who), ensure_ascii=False, indent=2).encode()
    path.write_bytes(data)
    record_access(store, EXPORTED_MEDICATION_LIST, server_id, patient_id,
                      object_type="MedicationStatement",
                      detail=f"format={kind} lines={len(statements)} file={path.name}")
    return len(statements)

"""What the GP does on the medication screen and the command line: prescribe, edit, stop or delete a prescription,
import the GP software's list, acknowledge a flag, decide a hospital line.

Each action writes through the store, writes its own audit entry (the store's acknowledgement and decision
writes audit themselves) and returns `PatientChanged(patient, {"medication"})`, which the desktop announces on
its change signal so that the medication view reloads (`medication.load_medication`). Plain Python, no Qt: call
on the thread that opened the store.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from consult_desktop.meds.fhir_input import make_resolver, read_entries
from consult_desktop.meds.gp_import import as_statement, read_gp_medication
from consult_desktop.meds.knowledge_base import load_knowledge_base
from consult_desktop.meds.normalise import normalise
from consult_desktop.meds.text_parser import fold
from consult_desktop.record.changes import MEDICATION, PatientChanged
from consult_desktop.record.medication import DECISIONS, IMPORT_SYSTEM, concept_text
from consult_desktop.store import Store


@dataclass(frozen=True)
class ImportOutcome:
    imported: int
    stopped: int  # imported rows that were already stopped (kept as history)
    skipped: tuple[tuple[str, str], ...]  # (which row, why): "no-name", "duplicate"
    not_matched: tuple[str, ...]  # imported, but not resolved to known ingredients (not checked)
    change: PatientChanged


def _changed(server_id: str, patient_id: str) -> PatientChanged:
    return PatientChanged((server_id, patient_id), frozenset({MEDICATION}))


# -- actions --------------------------------------------------------------
def save_prescription(store: Store, server_id: str, patient_id: str, resource: dict[str, Any]) -> PatientChanged:
    resource = {**resource, "resourceType": "MedicationStatement", "subject": {"reference": f"Patient/{patient_id}"}}
    resource.setdefault("dateAsserted", _now())
    pid = store.prescriptions.save(server_id, patient_id, resource, resource.get("id") or _new_id())
    store.audit.write("prescription-saved", server_id=server_id, patient_id=patient_id,
                        object_type="MedicationStatement", object_id=pid)
    return _changed(server_id, patient_id)


def stop_prescription(store: Store, server_id: str, patient_id: str, pid: str, end: str, reason: str = ""
                      ) -> PatientChanged:
    """Stopped, with an end date, and kept for history."""
    current = next((item for item in store.prescriptions.for_patient(server_id, patient_id) if item.get("id") == pid),
                   None)
    if current is None:
        raise LookupError("the prescription no longer exists")
    stopped = {**current, "status": "stopped",
               "effectivePeriod": {**(current.get("effectivePeriod") or {}), "end": end}}
    if reason:
        stopped["statusReason"] = [{"text": reason}]
    store.prescriptions.save(server_id, patient_id, stopped, pid)
    store.audit.write("prescription-stopped", server_id=server_id, patient_id=patient_id,
                        object_type="MedicationStatement", object_id=pid)
    return _changed(server_id, patient_id)


def delete_prescription(store: Store, server_id: str, patient_id: str, pid: str) -> PatientChanged:
    """Only for a prescription entered by mistake (stopping keeps the history)."""
    if not any(item.get("id") == pid for item in store.prescriptions.for_patient(server_id, patient_id)):
        raise LookupError("the prescription does not belong to this patient")
    store.prescriptions.delete(pid)
    store.audit.write("prescription-deleted", server_id=server_id, patient_id=patient_id,
                        object_type="MedicationStatement", object_id=pid)
    return _changed(server_id, patient_id)


def import_prescriptions(store: Store, server_id: str, patient_id: str, path: Path) -> ImportOutcome:
    """Read a FHIR Bundle/JSON or CSV export of the GP's software and add its rows (InputFileError if unreadable).

    Every imported row gets a new id (the file's ids are kept as identifiers): ids of another program must
    never overwrite a prescription of this one. Rows identical to one already on the list are skipped.
    """
    found = read_gp_medication(path)
    statements = _inline_medications([as_statement(item) for item in found.statements], path)
    csv_rows = {int(rid[7:]) for item in statements
                if (rid := str(item.get("id", ""))).startswith("gp-csv-") and rid[7:].isdigit()}
    skipped: list[tuple[str, str]] = []
    if csv_rows or found.skipped_rows:
        total = len(statements) + found.skipped_rows
        skipped += [(str(row), "no-name") for row in range(1, total + 1) if row not in csv_rows]
    existing = {_same_key(item) for item in store.prescriptions.for_patient(server_id, patient_id)}
    kb = load_knowledge_base()
    imported = stopped = 0
    not_matched: list[str] = []
    for number, statement in enumerate(statements, start=1):
        original = str(statement.get("id") or "")
        which = original[7:] if original.startswith("gp-csv-") else str(number)
        if _same_key(statement) in existing:
            skipped.append((which, "duplicate"))
            continue
        existing.add(_same_key(statement))
        resource = {**statement, "id": _new_id(), "subject": {"reference": f"Patient/{patient_id}"},
                    "dateAsserted": _now()}
        if original and not original.startswith("gp-csv-"):
            resource["identifier"] = [*resource.get("identifier", []), {"system": IMPORT_SYSTEM, "value": original}]
        store.prescriptions.save(server_id, patient_id, resource, resource["id"])
        imported += 1
        entry = normalise(resource, None, kb)
        stopped += not entry.active
        if not entry.resolved or not entry.complete:
            not_matched.append(entry.label)
    store.audit.write("prescriptions-imported", server_id=server_id, patient_id=patient_id,
                        object_type="MedicationStatement", detail=f"imported={imported} skipped={len(skipped)}")
    skipped.sort(key=lambda item: (len(item[0]), item[0]))
    return ImportOutcome(imported, stopped, tuple(skipped), tuple(not_matched), _changed(server_id, patient_id))


def acknowledge_flag(store: Store, server_id: str, patient_id: str, keys: Sequence[str], reason: str
                     ) -> PatientChanged:
    """Acknowledge one or more flags with the GP's reason (each written to the audit log by the store)."""
    if not reason.strip():
        raise ValueError("an acknowledgement needs a reason")
    for key in keys:
        store.acknowledgements.acknowledge(server_id, patient_id, key, reason.strip())
    return _changed(server_id, patient_id)


def set_decision(store: Store, server_id: str, patient_id: str, key: str, decision: str | None, reason: str = ""
                 ) -> PatientChanged:
    """Continue / stop / modify for one line (None clears it); kept with the flag acknowledgements."""
    if decision is not None and decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}")
    store.decisions.decide(server_id, patient_id, key, decision, reason.strip())
    return _changed(server_id, patient_id)



# -- helpers ---------------------------------------------------------------------------------------------------
def _inline_medications(statements: list[dict[str, Any]], path: Path) -> list[dict[str, Any]]:
    """Medication resources referenced inside the imported Bundle become contained ones (they are not stored)."""
    if not any(_external_reference(item) for item in statements):
        return statements
    resolve = make_resolver(read_entries(path))
    out = []
    for item in statements:
        reference = _external_reference(item)
        medication = resolve(reference) if reference else None
        if medication is not None:
            item = {**item, "contained": [*item.get("contained", []), {**medication, "id": "imported-medication"}],
                    "medicationReference": {**item["medicationReference"], "reference": "#imported-medication"}}
        out.append(item)
    return out


def _external_reference(resource: dict[str, Any]) -> str | None:
    reference = (resource.get("medicationReference") or {}).get("reference")
    return str(reference) if reference and not str(reference).startswith("#") else None


def _new_id() -> str:
    return str(uuid.uuid4())


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _same_key(resource: dict[str, Any]) -> tuple[str, str, str]:
    dosage = resource.get("dosage") or [{}]
    return fold(concept_text(resource)), fold(str(dosage[0].get("text") or "")), str(resource.get("status"))

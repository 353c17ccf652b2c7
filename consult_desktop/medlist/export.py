"""Back out: the reconciled list (the GP's decisions applied) as a KMEHR medication scheme or a Belgian FHIR Bundle.

The reconciled list is the GP's own prescriptions with each line's decision applied (stop -> stopped,
continue / modify -> kept as the GP wrote it), plus the hospital medicines the GP decided to continue that
are not already on the GP's list. Runs on the thread that owns the Store (the writers themselves are pure).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from consult_desktop.domain.medication_file import FilePatient, line_status
from consult_desktop.kmehr.codes import SSIN_FHIR
from consult_desktop.kmehr.writer import write_medication_scheme
from consult_desktop.medlist.importer import stored_patient
from consult_desktop.meds.gp_import import as_statement
from consult_desktop.meds.knowledge_base import load_knowledge_base
from consult_desktop.meds.normalise import normalise
from consult_desktop.meds.text_parser import fold
from consult_desktop.store import Store

LINE_PROFILE = "https://www.ehealth.fgov.be/standards/fhir/medication/StructureDefinition/BeMedicationLine"
PATIENT_PROFILE = "https://www.ehealth.fgov.be/standards/fhir/core/StructureDefinition/be-patient"
_KEEP = ("resourceType", "id", "identifier", "status", "statusReason", "medicationCodeableConcept",
         "medicationReference", "contained", "effectivePeriod", "dateAsserted", "dosage", "note")


def _key(statement: dict[str, Any], kb: Any) -> str:
    entry = normalise(statement, None, kb)
    return "line:" + ("+".join(sorted(entry.ingredient_ids)) if entry.resolved else "?" + fold(entry.label))


def reconciled_list(store: Store, server_id: str, patient_id: str) -> list[dict[str, Any]]:
    kb = load_knowledge_base()
    decisions = {key: decision for key, (_, decision, _) in
                 store.decisions.for_patient(server_id, patient_id).items() if decision}
    out: list[dict[str, Any]] = []
    keys: set[str] = set()
    today = dt.date.today().isoformat()
    for statement in store.prescriptions.for_patient(server_id, patient_id):
        key = _key(statement, kb)
        keys.add(key)
        if decisions.get(key) == "stop" and line_status(statement) != "stopped":
            statement = {**statement, "status": "stopped",
                         "effectivePeriod": {**(statement.get("effectivePeriod") or {}), "end": today}}
        out.append({key: value for key, value in statement.items() if key in _KEEP})
    for resource in store.resources.for_patient(server_id, patient_id, ("MedicationRequest", "MedicationStatement")):
        key = _key(resource, kb)
        if decisions.get(key) == "continue" and key not in keys and resource.get("status") in ("active", "on-hold"):
            keys.add(key)
            statement = as_statement(resource)
            out.append({key: value for key, value in statement.items() if key in _KEEP})
    return out


def file_patient(store: Store, server_id: str, patient_id: str) -> FilePatient:
    patient = stored_patient(store, server_id, patient_id)
    return FilePatient(ssin=patient.ssin, family=patient.family, given=" ".join(patient.given) or None,
                       birth_date=patient.birth_date)


def export_kmehr(statements: list[dict[str, Any]], patient: FilePatient) -> bytes:
    return write_medication_scheme(statements, patient)


def export_fhir(statements: list[dict[str, Any]], patient: FilePatient) -> dict[str, Any]:
    """A collection Bundle: the Patient (BE profile, SSIN) and one BeMedicationLine per line."""
    patient_url = f"urn:uuid:{uuid.uuid4()}"
    resource: dict[str, Any] = {"resourceType": "Patient", "meta": {"profile": [PATIENT_PROFILE]}}
    if patient.ssin:
        resource["identifier"] = [{"system": SSIN_FHIR, "value": patient.ssin}]
    name = {key: value for key, value in (("family", patient.family),
                                           ("given", [patient.given] if patient.given else None)) if value}
    if name:
        resource["name"] = [name]
    if patient.birth_date:
        resource["birthDate"] = patient.birth_date
    entries: list[dict[str, Any]] = [{"fullUrl": patient_url, "resource": resource}]
    for statement in statements:
        line = {key: value for key, value in statement.items() if key in _KEEP}
        line.update({"resourceType": "MedicationStatement", "meta": {"profile": [LINE_PROFILE]},
                     "subject": {"reference": patient_url}})
        line["id"] = str(line.get("id") or uuid.uuid4())
        entries.append({"fullUrl": f"urn:uuid:{uuid.uuid4()}", "resource": line})
    return {"resourceType": "Bundle", "type": "collection",
            "timestamp": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(), "entry": entries}

"""Access reporting: every read of a hospital's record in the local copy becomes a FHIR AuditEvent for that
hospital, following IHE Basic Audit Log Patterns (BALP).

`record_access(store, action, server_id, patient_id, ...)` is the one place where an audit entry about a
record is written together with its queued report (one transaction): opening a patient (BALP PatientQuery:
their record was searched), opening a document (BALP PatientRead: that resource was read), and an export of
their data (DICOM "Export", with the patient). The sync delivers the queue (`sync.audit_delivery`).
Codes are the public ones of the BALP profiles, the FHIR audit-event-type, restful-interaction,
audit-entity-type and object-role code systems, and DICOM (PS3.16). The event carries ids only: the patient
reference, the resource reference, the profile's pseudonymous user id, never names or text.
Plain Python, no Qt: call on the thread that opened the store.
"""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime
from typing import Any

from consult_desktop import __version__
from consult_desktop.store import Store

BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit."
EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type"
INTERACTION = "http://hl7.org/fhir/restful-interaction"
DICOM = "http://dicom.nema.org/resources/ontology/DCM"
ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type"
OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role"
SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type"
ROLE_TYPE = "http://terminology.hl7.org/CodeSystem/extra-security-role-type"
APP = "Consult Desktop"

# action of the audit log -> pattern of its report
QUERY, READ, EXPORT = "PatientQuery", "PatientRead", "Export"
REPORTED = {"open-patient": QUERY, "open-document": READ, "reconciliation-exported": EXPORT,
            "prescriptions-exported": EXPORT, "document-saved": EXPORT, "document-printed": EXPORT,
            "labs-printed": EXPORT, "medication-printed": EXPORT}


def record_access(store: Store, action: str, server_id: str, patient_id: str, object_type: str | None = None,
                  object_id: str | None = None, detail: str | None = None) -> int:
    """Write the audit entry and, for a reported action, queue its AuditEvent for `server_id` (one
    transaction). Returns the audit entry's id (0 on a read-only profile, where the store skips both writes)."""
    with store.transaction():
        audit_id = store.audit.write(action, server_id=server_id, patient_id=patient_id, object_type=object_type,
                                     object_id=object_id, detail=detail)
        pattern = REPORTED.get(action)
        if pattern is not None:
            event_id = str(uuid.uuid4())
            event = audit_event(event_id, pattern, store.profile_id, patient_id, object_type, object_id)
            store.access_reports.queue(event_id, audit_id, server_id, event)
    return audit_id or 0


def audit_event(event_id: str, pattern: str, user_id: str, patient_id: str, object_type: str | None,
                object_id: str | None, recorded: datetime | None = None) -> dict[str, Any]:
    """The AuditEvent of one access (FHIR R4), with the client-assigned id that makes its delivery idempotent."""
    when = (recorded or datetime.now(UTC)).isoformat(timespec="seconds").replace("+00:00", "Z")
    patient = {"reference": f"Patient/{patient_id}"}
    entities: list[dict[str, Any]] = [{"what": patient, "type": _coding(ENTITY_TYPE, "1", "Person"),
                                       "role": _coding(OBJECT_ROLE, "1", "Patient")}]
    event: dict[str, Any] = {"resourceType": "AuditEvent", "id": event_id}
    if pattern == QUERY:
        event |= {"meta": {"profile": [BALP + "PatientQuery"]}, "type": _rest(),
                  "subtype": [_coding(INTERACTION, "search-type", "search")], "action": "E"}
        query = f"Patient/{patient_id}/$everything"  # the whole record of the patient, read from the local copy
        entities.append({"type": _coding(ENTITY_TYPE, "2", "System Object"),
                         "role": _coding(OBJECT_ROLE, "24", "Query"),
                         "query": base64.b64encode(query.encode()).decode("ascii")})
    elif pattern == READ:
        event |= {"meta": {"profile": [BALP + "PatientRead"]}, "type": _rest(),
                  "subtype": [_coding(INTERACTION, "read", "read")], "action": "R"}
    else:
        event |= {"type": _coding(DICOM, "110106", "Export"), "action": "R"}
    if object_type and object_id and object_type != "file":
        entities.append({"what": {"reference": f"{object_type}/{object_id}"},
                         "type": _coding(ENTITY_TYPE, "2", "System Object"),
                         "role": _coding(OBJECT_ROLE, "4", "Domain Resource")})
    event |= {
        "recorded": when,
        "outcome": "0",
        "outcomeDesc": "read from the offline copy kept by the general practitioner's desktop",
        "agent": [
            {"type": _concept(ROLE_TYPE, "humanuser", "human user"), "requestor": True,
             "who": {"identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{_uuid_of(user_id)}"}}},
            {"type": _concept(DICOM, "110153", "Source Role ID"), "requestor": False,
             "who": {"display": f"{APP} {__version__}"}},
        ],
        "source": {"observer": {"display": APP}, "type": [_coding(SOURCE_TYPE, "1", "End-user display device")]},
        "entity": entities,
    }
    return event


def _rest() -> dict[str, str]:
    return _coding(EVENT_TYPE, "rest", "Restful Operation")


def _coding(system: str, code: str, display: str) -> dict[str, str]:
    return {"system": system, "code": code, "display": display}


def _concept(system: str, code: str, display: str) -> dict[str, Any]:
    return {"coding": [_coding(system, code, display)]}


def _uuid_of(profile_id: str) -> str:
    """The profile's id as a UUID (a pseudonym of this GP's profile, the same in every report)."""
    try:
        return str(uuid.UUID(profile_id))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:consult-desktop:profile:{profile_id}"))

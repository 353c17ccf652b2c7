"""Reads Belgian (HL7 Belgium) and generic FHIR medication files into a `FileRead`.

Accepts a BeMedicationLine MedicationStatement, a BE MedicationRequest or MedicationDispense, alone, in a
JSON array, in ndjson, or in a Bundle of any type (nested Bundles included). Tolerates what published
files contain: Bundle entries not wrapped in `entry.resource`, entries without any resource, references as
`Patient1` or `urn:be:custom:Patient/…`, a subject with only a display, a pseudonymised SSIN. A line that
does not say which medicine it is (no `medication[x]`, a reference to nothing in the file) is an unreadable
line with its reason. Every readable line becomes a MedicationStatement-shaped dict. Pure; safe on any
thread.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from consult_desktop.domain.file_messages import said
from consult_desktop.domain.medication_file import FHIR_STATUS, STOPPED, SUSPENDED, FilePatient, FileRead, FoundLine
from consult_desktop.meds.gp_import import as_statement

LINE_TYPES = frozenset({"MedicationStatement", "MedicationRequest", "MedicationDispense"})
_BE_MARKERS = ("ehealth.fgov.be", "hl7belgium", "samv2", "cnk", "hl7-be", "riziv", "inami")
_STOPPED = frozenset({"stopped", "cancelled", "entered-in-error", "not-taken", "declined"})
_STOPPED_REQUEST = _STOPPED | {"completed"}
_SUSPENDED = frozenset({"on-hold", "suspended", "paused"})
PSEUDO_PREFIX = "urn:be:fgov:ehealth:pseudo"


class FhirInputError(ValueError):
    """JSON that holds no FHIR resource at all."""


# What malformed content (a field of the wrong JSON type) raises; such a line is unreadable, not a crash.
MALFORMED = (TypeError, AttributeError, ValueError, KeyError, IndexError)


def malformed(exc: BaseException) -> str:
    return said("fhir_malformed", error=type(exc).__name__)


def read_fhir(data: Any, today: dt.date | None = None) -> FileRead:
    today = today or dt.date.today()
    found: list[tuple[str, dict[str, Any] | None, str, tuple[str, ...]]] = []
    warnings: list[str] = []
    if not isinstance(data, list) and not (isinstance(data, dict) and isinstance(data.get("resourceType"), str)):
        raise FhirInputError("expected FHIR JSON: a Bundle, a resource or an array of resources")
    _walk(data, "", found, warnings)
    resources = [resource for _, resource, _, _ in found if resource is not None]
    index = _index(found)
    lines: list[FoundLine] = []
    patients: list[FilePatient] = []
    for source, resource, reason, notes in found:
        if resource is None:
            lines.append(FoundLine(source, None, reason, notes))
            continue
        if resource.get("resourceType") not in LINE_TYPES:
            continue
        try:
            lines.append(_line(source, resource, index, today, notes))
            patient = _patient(resource.get("subject"), index)
        except MALFORMED as exc:
            lines.append(FoundLine(source, None, malformed(exc), notes))
            continue
        if patient is not None and patient not in patients:
            patients.append(patient)
    if not patients:
        for resource in resources:
            try:
                found_patient = _patient_resource(resource) if resource.get("resourceType") == "Patient" else None
            except MALFORMED:
                found_patient = None
            if found_patient is not None:
                patients.append(found_patient)
    belgian = any(marker in json.dumps(resource.get("meta", {})).casefold()
                  or marker in json.dumps(resource.get("medicationCodeableConcept", {})).casefold()
                  or marker in json.dumps(resource.get("subject", {})).casefold()
                  for resource in resources for marker in _BE_MARKERS)
    return FileRead("fhir-be" if belgian else "fhir", patients[0] if patients else None, tuple(lines), (),
                    tuple(warnings), other_patients=max(0, len(patients) - 1))


def _walk(data: Any, where: str, found: list, warnings: list[str]) -> None:
    if isinstance(data, list):
        for number, item in enumerate(data, start=1):
            _walk(item, f"{where}item {number} ", found, warnings)
        return
    if not isinstance(data, dict) or not isinstance(data.get("resourceType"), str):
        found.append((where.strip() or "file", None, "not a FHIR resource (no resourceType)", ()))
        return
    if data["resourceType"] != "Bundle":
        found.append((_source(data, where), data, "", ()))
        return
    entries = data.get("entry") if isinstance(data.get("entry"), list) else []
    for number, entry in enumerate(entries, start=1):
        at = f"{where}Bundle entry {number}"
        if not isinstance(entry, dict):
            continue
        resource = entry.get("resource")
        if isinstance(resource, dict):
            _walk_entry(resource, at, entry.get("fullUrl"), found, warnings)
        elif resource is not None:
            found.append((at, None, said("not_a_resource_plain"), ()))
        elif isinstance(entry.get("resourceType"), str):
            unwrapped = {key: value for key, value in entry.items() if key not in ("fullUrl", "search", "request")}
            _walk_entry(unwrapped, at, entry.get("fullUrl"), found, warnings,
                        (said("entry_unwrapped"),))
        elif str((entry.get("request") or {}).get("method") if isinstance(entry.get("request"), dict) else "") \
                .upper() == "DELETE":
            warnings.append(said("deletion", at=at))
        elif "medication" in json.dumps(entry).casefold():
            found.append((at, None, said("entry_without_resource"), ()))
        else:
            warnings.append(said("no_resource", at=at))


def _walk_entry(resource: dict[str, Any], at: str, full_url: Any, found: list, warnings: list[str],
                notes: tuple[str, ...] = ()) -> None:
    if not isinstance(resource.get("resourceType"), str):
        found.append((at, None, said("not_a_resource"), notes))
        return
    if resource.get("resourceType") == "Bundle":
        _walk(resource, at + ": ", found, warnings)
        return
    item = {**resource, "_fullUrl": full_url} if full_url else resource
    found.append((f"{at} ({_source(resource, '')})", item, "", notes))


def _source(resource: dict[str, Any], where: str) -> str:
    rid = resource.get("id")
    return f"{where}{resource.get('resourceType')}" + (f"/{rid}" if rid else " (no id)")


def _index(found: list) -> dict[str, dict[str, Any]]:
    index: dict[str, dict[str, Any]] = {}
    for _, resource, _, _ in found:
        if resource is None:
            continue
        rtype, rid = resource.get("resourceType"), resource.get("id")
        if rid and isinstance(rid, (str, int)):
            index.setdefault(f"{rtype}/{rid}", resource)
            index.setdefault(str(rid), resource)
        if isinstance(resource.get("_fullUrl"), str):
            index.setdefault(str(resource["_fullUrl"]), resource)
    return index


def _resolve(reference: str, index: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    if not reference:
        return None
    hit = index.get(reference)
    if hit is None and "/" in reference:
        hit = index.get("/".join(reference.rstrip("/").split("/")[-2:]))
    return hit


def _line(source: str, resource: dict[str, Any], index: dict[str, dict[str, Any]], today: dt.date,
          notes: tuple[str, ...]) -> FoundLine:
    notes_list = list(notes)
    concept = resource.get("medicationCodeableConcept")
    reference = resource.get("medicationReference")
    r5 = resource.get("medication")
    if isinstance(r5, dict):
        concept = concept or r5.get("concept")
        reference = reference or r5.get("reference")
    if not isinstance(concept, dict) and not isinstance(reference, dict):
        return FoundLine(source, None, said("no_medication"), tuple(notes_list))
    if isinstance(concept, dict) and not concept.get("text") and not any(
            isinstance(c, dict) and (c.get("code") or c.get("display")) for c in concept.get("coding") or ()):
        if not isinstance(reference, dict):
            return FoundLine(source, None, said("empty_medication"), tuple(notes_list))
        concept = None
    statement = _as_statement(resource)
    statement.pop("medication", None)  # R5 `medication` becomes the R4 medication[x] the rest of the program reads
    statement.pop("medicationCodeableConcept", None)
    if isinstance(concept, dict):
        statement["medicationCodeableConcept"] = concept
    elif isinstance(reference, dict):
        statement["medicationReference"] = reference
    if isinstance(reference, dict) and not isinstance(concept, dict):
        target = str(reference.get("reference") or "")
        medication = None
        if target.startswith("#"):
            medication = next((item for item in resource.get("contained") or ()
                               if isinstance(item, dict) and item.get("id") == target[1:]), None)
        else:
            medication = _resolve(target, index)
        if medication is not None:
            contained = {key: value for key, value in medication.items() if key != "_fullUrl"}
            contained["id"] = contained.get("id") or "medication"
            statement["contained"] = [*(c for c in statement.get("contained", []) if c.get("id") != contained["id"]),
                                      contained]
            statement["medicationReference"] = {"reference": "#" + contained["id"]}
            if isinstance(contained.get("code"), dict):
                statement["medicationCodeableConcept"] = contained["code"]
                del statement["medicationReference"]
            elif not contained.get("ingredient"):
                return FoundLine(source, None, said("referenced_medication_empty"), tuple(notes_list))
        elif reference.get("display"):
            statement.pop("medicationReference", None)
            statement["medicationCodeableConcept"] = {"text": str(reference["display"])}
            notes_list.append(said("reference_display_used", target=target or "(empty)"))
        else:
            return FoundLine(source, None, said("reference_missing", target=target or "(empty)"), tuple(notes_list))
    period = statement.get("effectivePeriod") if isinstance(statement.get("effectivePeriod"), dict) else {}
    status = _status(resource)
    if status not in (STOPPED, SUSPENDED) and period.get("end") and _before(str(period["end"]), today):
        status = STOPPED
        notes_list.append(said("end_date_passed"))
    statement["status"] = FHIR_STATUS.get(status, "active")
    return FoundLine(source, statement, notes=tuple(notes_list))


def _as_statement(resource: dict[str, Any]) -> dict[str, Any]:
    clean = {key: value for key, value in resource.items() if key not in ("_fullUrl", "text")}
    rtype = clean.get("resourceType")
    if rtype == "MedicationDispense":
        statement = {key: value for key, value in clean.items()
                     if key in ("id", "medicationCodeableConcept", "medicationReference", "contained", "subject",
                                "identifier")}
        statement["resourceType"] = "MedicationStatement"
        if clean.get("dosageInstruction"):
            statement["dosage"] = clean["dosageInstruction"]
        when = clean.get("whenHandedOver") or clean.get("whenPrepared")
        if when:
            statement["effectivePeriod"] = {"start": when}
        return statement
    if rtype == "MedicationRequest":
        statement = as_statement(clean)
        if clean.get("identifier"):
            statement["identifier"] = clean["identifier"]
        return statement
    return clean


def _status(resource: dict[str, Any]) -> str:
    status = str(resource.get("status") or "")
    if resource.get("resourceType") == "MedicationDispense":
        return STOPPED if status in ("cancelled", "entered-in-error", "declined", "stopped") else "active"
    stopped = _STOPPED_REQUEST if resource.get("resourceType") == "MedicationRequest" else _STOPPED | {"completed"}
    if status in stopped:
        return STOPPED
    return SUSPENDED if status in _SUSPENDED else "active"


def _before(value: str, today: dt.date) -> bool:
    try:
        return dt.date.fromisoformat(value[:10]) < today
    except ValueError:
        return False


def _identifiers(identifiers: Any) -> Iterator[tuple[str, str, bool]]:
    for identifier in identifiers if isinstance(identifiers, list) else [identifiers]:
        if not isinstance(identifier, dict):
            continue
        value = str(identifier.get("value") or "")
        system = str(identifier.get("system") or "").casefold()
        pseudo = value.startswith(PSEUDO_PREFIX) or "pseudo" in json.dumps(identifier.get("_value") or {}).casefold()
        if value and (any(word in system for word in ("ssin", "inss", "niss", "insz", "rrn", "nrn")) or pseudo):
            yield system, value, pseudo


def _patient_resource(resource: dict[str, Any]) -> FilePatient | None:
    ssin = pseudonym = None
    for _, value, pseudo in _identifiers(resource.get("identifier")):
        if pseudo:
            pseudonym = value
        elif value.replace(".", "").replace("-", "").isdigit():
            ssin = value.replace(".", "").replace("-", "")
    names = resource.get("name") or [{}]
    name = names[0] if isinstance(names, list) and names and isinstance(names[0], dict) else {}
    given = " ".join(str(part) for part in name.get("given") or ()) or None
    family = name.get("family") or None
    if not (ssin or pseudonym or family or resource.get("birthDate")):
        return None
    return FilePatient(ssin=ssin, pseudonym=pseudonym, family=family, given=given,
                       birth_date=resource.get("birthDate"), display=name.get("text"))


def _patient(subject: Any, index: dict[str, dict[str, Any]]) -> FilePatient | None:
    if not isinstance(subject, dict):
        return None
    target = _resolve(str(subject.get("reference") or ""), index)
    if target is not None and target.get("resourceType") == "Patient":
        found = _patient_resource(target)
        if found is not None:
            return found
    identifier = subject.get("identifier")
    if identifier:
        found = _patient_resource({"identifier": [identifier]})
        if found is not None:
            return found
    display = subject.get("display")
    return FilePatient(display=str(display)) if display else None

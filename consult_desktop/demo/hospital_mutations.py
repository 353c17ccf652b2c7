"""Changes to the demo hospital while it runs: new, amended, replaced or retracted documents, deletions,
relationship changes, new lab results or patients, and deliberately invalid resources.

Mixin of `DemoHospital`; every method takes the hospital lock, so tests may call them from any thread while
the server answers requests. Each change gets a fresh server instant as lastUpdated and bumps versionId.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from consult_desktop.demo import labs
from consult_desktop.demo import record_builders as rb
from consult_desktop.demo.directory import HOSPITAL_ID, LABORATORY_ID
from consult_desktop.demo.documents import AttachmentSource
from consult_desktop.demo.fhir_elements import (
    ABSOLUTE_BASE_PLACEHOLDER,
    JSON,
    LOINC,
    concept,
    fhir_datetime,
    instant,
    ref,
)
from consult_desktop.demo.generated import TherapeuticRelationship
from consult_desktop.demo.generator import generate_patient

if TYPE_CHECKING:
    from consult_desktop.demo.directory import Directory
    from consult_desktop.demo.resource_log import ResourceLog, Version

STATUS_TYPES = ("DocumentReference", "Observation", "MedicationRequest", "MedicationStatement", "DiagnosticReport",
                "Immunization", "Procedure", "Encounter")
INVALID_KINDS = ("observation", "observation-status", "patient-birthdate", "document")


class HospitalMutations:
    lock: threading.RLock
    seed: int
    patient_count: int
    directory: Directory
    default_practitioner_id: str
    _log: ResourceLog
    _relationships: list[TherapeuticRelationship]
    _shared_refs: dict[str, set[tuple[str, str]]]
    _attachments: dict[str, AttachmentSource]
    _binary_cache: dict[str, bytes]
    _group_version: int
    _group_lu: int
    _counter: int

    if TYPE_CHECKING:
        def stamp(self) -> int: ...
        def _register_source(self, source: AttachmentSource, owner_version: int) -> None: ...
        def materialize(self, version: Version) -> Version: ...

    # -- helpers ---------------------------------------------------------------------------------------------

    def _next_id(self, prefix: str) -> str:
        self._counter += 1
        return f"{prefix}-m{self._counter}"

    def _live(self, rtype: str, rid: str) -> Version:
        version = self._log.current(rtype, rid)
        if version is None or version.deleted:
            raise KeyError(f"{rtype}/{rid} does not exist")
        return self.materialize(version)

    def _latest_encounter(self, patient_id: str) -> str | None:
        ids = self._log.ids_of_patient(patient_id, "Encounter")
        dated = [(self._log.current("Encounter", e).resource["period"]["start"], e) for e in ids]  # type: ignore[index]
        return max(dated)[1] if dated else None

    def _new_attachment(self, patient_id: str, owner: tuple[str, str], kind: str, lang: str, encounter: str | None,
                        author: str, date: int, content_type: str, mode: str, text: str | None,
                        size: int | None, title: str, version: int, like: AttachmentSource | None = None) -> JSON:
        source = AttachmentSource(self._next_id("bin"), patient_id, content_type, kind, lang, encounter, author, date,
                                  owner=owner, text=text, size=size, exposed=mode != "inline")
        if like is not None:
            source.exam, source.abnormal = like.exam, like.abnormal
        elif kind == "radiology":
            source.exam = "xr_chest"
        self._register_source(source, version)
        attachment: JSON = {"contentType": content_type, "language": f"{lang}-BE"}
        if mode == "url":
            attachment["url"] = f"Binary/{source.binary_id}"
        elif mode == "absolute":
            attachment["url"] = f"{ABSOLUTE_BASE_PLACEHOLDER}/Binary/{source.binary_id}"
        elif mode != "inline":
            raise ValueError("attachment must be 'url', 'absolute' or 'inline'")
        attachment["title"] = title
        attachment["creation"] = fhir_datetime(date)
        return attachment

    def _source_of(self, doc_id: str, resource: JSON) -> AttachmentSource | None:
        """The attachment source behind a document's current content (to keep its exam when re-issued)."""
        url = resource.get("content", [{}])[0].get("attachment", {}).get("url", "")
        if "/Binary/" in f"/{url}":
            return self._attachments.get(url.rsplit("/", 1)[-1])
        return next((s for s in self._attachments.values() if s.owner == ("DocumentReference", doc_id)), None)

    def _lang(self, patient_id: str) -> str:
        patient = self._live("Patient", patient_id).resource or {}
        code = patient.get("communication", [{}])[0].get("language", {}).get("coding", [{}])[0].get("code", "fr")
        return "nl" if code.startswith("nl") else "fr"

    # -- documents -------------------------------------------------------------------------------------------

    def add_document(self, patient_id: str, *, kind: str = "discharge", text: str | None = None,
                     content_type: str = "application/pdf", attachment: str = "url", encounter_id: str | None = None,
                     author_id: str = "hp-internal-1", size: int | None = None) -> str:
        """A new current DocumentReference (kind discharge/operative/radiology); returns its id.

        `attachment` is "url" (Binary/{id}), "absolute" (this server's Binary URL) or "inline" (base64 data);
        `size` makes a PDF of about that many bytes.
        """
        with self.lock:
            lang = self._lang(patient_id)
            encounter = encounter_id or self._latest_encounter(patient_id)
            date = self.stamp()
            doc_id = self._next_id("doc")
            title = rb.DOCUMENT_TYPES[kind][3 if lang == "nl" else 2]
            att = self._new_attachment(patient_id, ("DocumentReference", doc_id), kind, lang, encounter, author_id,
                                       date, content_type, attachment, text, size, title, 1)
            resource = rb.document_reference(doc_id, patient_id, encounter, kind, lang, date, author_id, HOSPITAL_ID,
                                             att, None, None)
            self._log.write(resource, patient_id, date)
            return doc_id

    def add_large_document(self, patient_id: str, size_bytes: int, *, attachment: str = "url") -> str:
        """A scanned-looking PDF of at least `size_bytes` (rendered when first requested)."""
        return self.add_document(patient_id, kind="discharge", attachment=attachment, size=size_bytes)

    def amend_document(self, doc_id: str, *, text: str | None = None, attachment: str = "url") -> int:
        """New version of the same DocumentReference: docStatus amended, new content. Returns the versionId."""
        with self.lock:
            current = self._live("DocumentReference", doc_id)
            old = current.resource or {}
            lang = old["content"][0]["attachment"].get("language", "fr-BE")[:2]
            encounter = (old.get("context", {}).get("encounter") or [{}])[0].get("reference", "/").split("/")[-1]
            date = self.stamp()
            kind = old["category"][0]["coding"][0]["code"]
            att = self._new_attachment(
                current.patient or "", ("DocumentReference", doc_id), kind, lang, encounter or None,
                old["author"][0]["reference"].split("/")[-1], date, old["content"][0]["attachment"]["contentType"],
                attachment, text, None, old["content"][0]["attachment"].get("title", ""), current.vid + 1,
                self._source_of(doc_id, old))
            resource = dict(old, docStatus="amended", date=instant(date), content=[{"attachment": att}])
            return self._log.write(resource, current.patient, date).vid

    def replace_document(self, doc_id: str, *, text: str | None = None, attachment: str = "url") -> str:
        """A new DocumentReference that `relatesTo` replaces the old one; the old one becomes superseded."""
        with self.lock:
            old_version = self._live("DocumentReference", doc_id)
            old = old_version.resource or {}
            patient = old_version.patient or ""
            lang = old["content"][0]["attachment"].get("language", "fr-BE")[:2]
            encounter = (old.get("context", {}).get("encounter") or [{}])[0].get("reference", "/").split("/")[-1]
            kind = old["category"][0]["coding"][0]["code"]
            date = self.stamp()
            new_id = self._next_id("doc")
            att = self._new_attachment(patient, ("DocumentReference", new_id), kind, lang, encounter or None,
                                       old["author"][0]["reference"].split("/")[-1], date,
                                       old["content"][0]["attachment"]["contentType"], attachment, text, None,
                                       old["content"][0]["attachment"].get("title", ""), 1,
                                       self._source_of(doc_id, old))
            new = dict(old, id=new_id, date=instant(date), content=[{"attachment": att}],
                       relatesTo=[{"code": "replaces", "target": ref("DocumentReference", doc_id)}])
            new.pop("meta", None)
            self._log.write(new, patient, date)
            self._log.write(dict(old, status="superseded"), patient, self.stamp())
            return new_id

    def mark_entered_in_error(self, rtype: str, rid: str) -> int:
        """Retract a resource: status entered-in-error (verificationStatus for Condition/AllergyIntolerance)."""
        with self.lock:
            current = self._live(rtype, rid)
            old = current.resource or {}
            if rtype in STATUS_TYPES:
                resource = dict(old, status="entered-in-error")
            elif rtype in ("Condition", "AllergyIntolerance"):
                system = rb.CONDITION_VERIFICATION if rtype == "Condition" else rb.ALLERGY_VERIFICATION
                resource = dict(old, verificationStatus=concept(system, "entered-in-error"))
                resource.pop("clinicalStatus", None)
            else:
                raise ValueError(f"{rtype} cannot be marked entered-in-error")
            return self._log.write(resource, current.patient, self.stamp()).vid

    def mark_document_entered_in_error(self, doc_id: str) -> int:
        return self.mark_entered_in_error("DocumentReference", doc_id)

    # -- generic changes -------------------------------------------------------------------------------------

    def update_resource(self, rtype: str, rid: str, changes: JSON | Callable[[JSON], JSON]) -> int:
        """New version with `changes` merged in (top-level keys), or the result of `changes(old_copy)`."""
        with self.lock:
            current = self._live(rtype, rid)
            old = dict(current.resource or {})
            resource = changes(old) if callable(changes) else dict(old, **changes)
            resource["id"], resource["resourceType"] = rid, rtype
            return self._log.write(resource, current.patient, self.stamp()).vid

    def touch(self, rtype: str, rid: str) -> int:
        """New version with the same content (only meta changes)."""
        return self.update_resource(rtype, rid, {})

    def delete_resource(self, rtype: str, rid: str) -> None:
        """Delete a resource (history shows DELETE; read answers 410). Deleting a Patient deletes its record."""
        with self.lock:
            self._live(rtype, rid)
            if rtype == "Patient":
                for kind, ids in list(self._log.types_of_patient(rid)):
                    for other in sorted(ids):
                        if kind != "Patient":
                            self._log.delete(kind, other, self.stamp())
            self._log.delete(rtype, rid, self.stamp())

    # -- relationships ---------------------------------------------------------------------------------------

    def _relationships_changed(self) -> None:
        self._group_version += 1
        self._group_lu = self.stamp()

    def end_relationship(self, patient_id: str, practitioner_id: str | None = None, at_ms: int | None = None) -> int:
        """End the active relationship(s) now (or at `at_ms`); returns how many were ended."""
        practitioner = practitioner_id or self.default_practitioner_id
        with self.lock:
            end = self.stamp() if at_ms is None else at_ms
            ended = 0
            for i, rel in enumerate(self._relationships):
                if rel.patient == patient_id and rel.practitioner == practitioner and rel.active_at(end - 1):
                    self._relationships[i] = TherapeuticRelationship(rel.patient, rel.practitioner, rel.start_ms, end)
                    ended += 1
            if ended:
                self._relationships_changed()
            return ended

    def start_relationship(self, patient_id: str, practitioner_id: str | None = None, start_ms: int | None = None,
                           end_ms: int | None = None) -> None:
        """A new relationship, active from now (or `start_ms`)."""
        practitioner = practitioner_id or self.default_practitioner_id
        with self.lock:
            self._live("Patient", patient_id)
            start = self.stamp() if start_ms is None else start_ms
            self._relationships.append(TherapeuticRelationship(patient_id, practitioner, start, end_ms))
            self._shared_refs.setdefault(patient_id, set()).add(("Practitioner", practitioner))
            self._relationships_changed()

    # -- new data --------------------------------------------------------------------------------------------

    def add_lab_result(self, patient_id: str, test: str = "potassium", value: float | None = None,
                       encounter_id: str | None = None) -> str:
        """A new final laboratory Observation (test key from `labs.TESTS`); returns its id."""
        with self.lock:
            definition = labs.TESTS[test]
            lang = self._lang(patient_id)
            encounter = encounter_id or self._latest_encounter(patient_id) or ""
            at = self.stamp()
            amount = value if value is not None else round(((definition.low or 0) + (definition.high or 10)) / 2, 1)
            resource = rb.lab_observation(self._next_id("obs"), patient_id, encounter, definition, amount, lang,
                                          at, at)
            if not encounter:
                resource.pop("encounter")
            self._log.write(resource, patient_id, at)
            return resource["id"]

    def add_patient(self, practitioner_id: str | None = None) -> str:
        """A new generated patient, with a relationship to the practitioner (default: the demo GP) from now."""
        with self.lock:
            index = self.patient_count
            self.patient_count += 1
            record = generate_patient(index, self.seed, self.directory, self.reference_date, 0.0)
            practitioner = practitioner_id or self.default_practitioner_id
            for resource, _ in sorted(record.items, key=lambda item: item[1]):
                if resource["resourceType"] == "Patient":
                    resource["generalPractitioner"] = [ref("Practitioner", practitioner)]
                self._log.write(resource, record.pid, self.stamp())
            for source in record.attachments:
                self._register_source(source, 1)
            self._shared_refs[record.pid] = record.shared_refs
            self.start_relationship(record.pid, practitioner)
            return record.pid

    def add_invalid_resource(self, patient_id: str, kind: str = "observation") -> tuple[str, str]:
        """A resource that fails validation, so a client can quarantine it; returns (type, id).

        observation: status "not-a-status" and effectiveDateTime "31/02/1970" (fails fhir.resources too);
        observation-status: only the status is wrong (fails the value set, not the JSON schema);
        patient-birthdate: a new version of the Patient with birthDate "31/02/1970";
        document: a DocumentReference without the required content.
        """
        with self.lock:
            at = self.stamp()
            if kind == "patient-birthdate":
                current = self._live("Patient", patient_id)
                self._log.write(dict(current.resource or {}, birthDate="31/02/1970"), patient_id, at)
                return ("Patient", patient_id)
            if kind in ("observation", "observation-status"):
                resource: dict[str, Any] = {
                    "resourceType": "Observation", "id": self._next_id("obs"), "status": "not-a-status",
                    "code": concept(LOINC, "2823-3", "Potassium [Moles/volume] in Serum or Plasma", "Potassium"),
                    "subject": ref("Patient", patient_id),
                    "effectiveDateTime": "31/02/1970" if kind == "observation" else fhir_datetime(at),
                    "valueQuantity": {"value": 4.2, "unit": "mmol/L", "system": "http://unitsofmeasure.org",
                                      "code": "mmol/L"},
                    "performer": [ref("Organization", LABORATORY_ID)],
                }
            elif kind == "document":
                resource = {"resourceType": "DocumentReference", "id": self._next_id("doc"), "status": "not-a-status",
                            "subject": ref("Patient", patient_id), "date": instant(at)}
            else:
                raise ValueError(f"kind must be one of {INVALID_KINDS}")
            self._log.write(resource, patient_id, at)
            return (resource["resourceType"], resource["id"])

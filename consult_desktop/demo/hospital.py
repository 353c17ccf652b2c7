"""`DemoHospital`: a deterministic synthetic Belgian hospital (patients, GPs, stays, records) held in memory.

Thread-safe: every public method takes the hospital's re-entrant lock, so the demo server's request threads
and a test's mutations may call it concurrently. Generation is deterministic for (patients, seed,
reference_date); PDFs are rendered on first request and cached. Mutation methods live in
`hospital_mutations.HospitalMutations`.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import threading
import time
from dataclasses import dataclass

from consult_desktop.demo import documents, pdfs
from consult_desktop.demo.clinical import IMAGING, SPECIALTIES
from consult_desktop.demo.directory import DEFAULT_GP_ID, HOSPITAL_SHORT, Directory
from consult_desktop.demo.documents import AttachmentSource, DocumentFacts
from consult_desktop.demo.fhir_elements import JSON, datetime_from_ms, instant, meta, ms_from_date, ref
from consult_desktop.demo.generated import TherapeuticRelationship
from consult_desktop.demo.generator import generate_patient
from consult_desktop.demo.hospital_mutations import HospitalMutations
from consult_desktop.demo.resource_log import ResourceLog, Version
from consult_desktop.demo.ssin import format_ssin


@dataclass(frozen=True, slots=True)
class BinaryContent:
    binary_id: str
    content_type: str
    data: bytes
    patient: str
    version: int
    last_updated: int


class _Clock:
    """Server time in ms; strictly increasing, so every stamp handed out is unique and ordered."""

    def __init__(self, floor: int) -> None:
        self.last = floor

    def stamp(self) -> int:
        self.last = max(int(time.time() * 1000), self.last + 1)
        return self.last


class DemoHospital(HospitalMutations):
    """A synthetic hospital of `patients` patients; same (patients, seed, reference_date) -> same records.

    `reference_date` (default: today, UTC) anchors clinical dates; `practitioners` is the number of GPs
    (default: about one per 12 patients, at least 3); `default_gp_share` is the share of patients whose GP is
    the demo user `gp-001` (a few of those relationships are ended or not started yet, see `relationships`).
    """

    def __init__(self, patients: int = 40, seed: int = 1, *, reference_date: dt.date | None = None,
                 practitioners: int | None = None, default_gp_share: float = 0.8, hospital_name: str | None = None,
                 shared_patients: int = 0) -> None:
        self.patient_count = patients
        self.seed = seed
        self.shared_patients = min(max(0, shared_patients), patients)
        self.reference_date = reference_date or dt.datetime.now(dt.UTC).date()
        self.directory = Directory(seed, practitioners or max(3, -(-patients // 12)),
                                   *([hospital_name] if hospital_name else []))
        self.name = self.directory.hospital_name
        self.default_practitioner_id = DEFAULT_GP_ID
        self.lock = threading.RLock()
        self._log = ResourceLog()
        self._attachments: dict[str, AttachmentSource] = {}
        self._binary_cache: dict[str, bytes] = {}
        self._pending_inline: dict[tuple[str, str, int], str] = {}
        self._relationships: list[TherapeuticRelationship] = []
        self._shared_refs: dict[str, set[tuple[str, str]]] = {}
        self._group_version = 1
        self._group_lu = 0
        self._counter = 0
        ref_ms = ms_from_date(self.reference_date)
        items: list[tuple[JSON, str | None, int]] = [(r, None, ref_ms - 400 * 86_400_000)
                                                     for r in self.directory.shared_resources()]
        for index in range(patients):
            slot = self.shared_slot(index)
            record = generate_patient(index, seed, self.directory, self.reference_date,
                                      1.0 if slot is not None else default_gp_share, slot)
            items.extend((resource, record.pid, lu) for resource, lu in record.items)
            self._relationships.extend(record.relationships)
            self._shared_refs[record.pid] = record.shared_refs
            for source in record.attachments:
                self._register_source(source, 1)
        self._log.load(items)
        self._group_lu = self._log.latest_lu()
        self._clock = _Clock(max(self._log.latest_lu(), ref_ms))

    def shared_slot(self, index: int) -> int | None:
        """The shared person at this patient index, or None. Slot k sits at index (k + seed) % patients, so
        two hospitals with different seeds give the same person different patient ids."""
        slot = (index - self.seed) % max(1, self.patient_count)
        return slot if slot < self.shared_patients else None

    # -- time ------------------------------------------------------------------------------------------------

    def stamp(self) -> int:
        """A fresh server instant (ms); anything written afterwards gets a later lastUpdated."""
        with self.lock:
            return self._clock.stamp()

    def now_ms(self) -> int:
        """Server time (ms), never behind the last stamp handed out."""
        return max(int(time.time() * 1000), self._clock.last)

    # -- who may see what ------------------------------------------------------------------------------------

    def relationships(self, patient_id: str | None = None) -> list[TherapeuticRelationship]:
        with self.lock:
            return [r for r in self._relationships if patient_id is None or r.patient == patient_id]

    def practitioner_ids(self) -> list[str]:
        return [c.id for c in self.directory.gps]

    def patient_ids(self) -> list[str]:
        with self.lock:
            return sorted(self._log.ids_of_type("Patient"))

    def authorised_patient_ids(self, practitioner_id: str, at_ms: int | None = None) -> list[str]:
        """Patients with a relationship active at `at_ms` (default now): start <= t and (no end or end > t)."""
        at = self.now_ms() if at_ms is None else at_ms
        with self.lock:
            live = self._log.ids_of_type("Patient")
            return sorted({r.patient for r in self._relationships
                           if r.practitioner == practitioner_id and r.active_at(at) and r.patient in live})

    def is_authorised(self, practitioner_id: str, patient_id: str, at_ms: int | None = None) -> bool:
        at = self.now_ms() if at_ms is None else at_ms
        with self.lock:
            return any(r.patient == patient_id and r.practitioner == practitioner_id and r.active_at(at)
                       for r in self._relationships)

    def group_id(self, practitioner_id: str) -> str:
        return f"grp-{practitioner_id}"

    def group(self, practitioner_id: str) -> JSON:
        """Group of the practitioner's currently authorised patients (members carry the relationship period)."""
        with self.lock:
            now = self.now_ms()
            members = []
            for rel in sorted(self._relationships, key=lambda r: (r.patient, r.start_ms)):
                if rel.practitioner == practitioner_id and rel.active_at(now) and rel.patient in \
                        self._log.ids_of_type("Patient"):
                    span = {"start": instant(rel.start_ms)} | ({"end": instant(rel.end_ms)} if rel.end_ms else {})
                    members.append({"entity": ref("Patient", rel.patient), "period": span})
            clinician = self.directory.by_id.get(practitioner_id)
            name = clinician.display() if clinician else practitioner_id
            return {
                "resourceType": "Group", "id": self.group_id(practitioner_id),
                "meta": meta(self._group_version, self._group_lu),
                "active": True, "type": "person", "actual": True,
                "name": f"Patients - {name}",
                "managingEntity": ref("Practitioner", practitioner_id),
                "quantity": len(members), "member": members,
            }

    # -- reading ---------------------------------------------------------------------------------------------

    @property
    def log(self) -> ResourceLog:
        """The version store; callers must hold `lock` while they use it."""
        return self._log

    def current(self, rtype: str, rid: str) -> Version | None:
        with self.lock:
            version = self._log.current(rtype, rid)
            return self.materialize(version) if version else None

    def resource(self, rtype: str, rid: str) -> JSON | None:
        """Current content of a live resource, or None (unknown or deleted)."""
        version = self.current(rtype, rid)
        return version.resource if version else None

    def resources_of_patient(self, patient_id: str, rtype: str | None = None) -> list[JSON]:
        with self.lock:
            out = []
            for kind, ids in self._log.types_of_patient(patient_id):
                if rtype is None or kind == rtype:
                    for rid in sorted(ids):
                        version = self.materialize(self._log.current(kind, rid))  # type: ignore[arg-type]
                        if version.resource is not None:
                            out.append(version.resource)
            return out

    def shared_references(self, patient_id: str) -> set[tuple[str, str]]:
        with self.lock:
            return set(self._shared_refs.get(patient_id, set()))

    def counts_by_type(self) -> dict[str, int]:
        with self.lock:
            return self._log.counts_by_type()

    def resource_count(self) -> int:
        with self.lock:
            return self._log.count()

    def materialize(self, version: Version) -> Version:
        """Fill in inline attachment data (rendered on first use); the version's meta is unchanged."""
        key = (version.rtype, version.rid, version.vid)
        binary_id = self._pending_inline.get(key)
        if binary_id is None or version.resource is None:
            return version
        with self.lock:
            binary_id = self._pending_inline.pop(key, None)
            if binary_id is None:
                return version
            data = self._render(self._attachments[binary_id])
            resource = dict(version.resource)
            content = [dict(c) for c in resource["content"]]
            attachment = dict(content[0]["attachment"])
            attachment["data"] = base64.b64encode(data).decode("ascii")
            attachment["size"] = len(data)
            attachment["hash"] = base64.b64encode(hashlib.sha1(data).digest()).decode("ascii")
            content[0] = dict(content[0], attachment=attachment)
            resource["content"] = content
            self._log.replace_content(version, resource)
            return version

    # -- attachments -----------------------------------------------------------------------------------------

    def _register_source(self, source: AttachmentSource, owner_version: int) -> None:
        self._attachments[source.binary_id] = source
        if not source.exposed and source.owner is not None:
            self._pending_inline[(source.owner[0], source.owner[1], owner_version)] = source.binary_id

    def binary(self, binary_id: str) -> BinaryContent | None:
        """Bytes of an attachment served as Binary/{id}; None when unknown or inline-only."""
        with self.lock:
            source = self._attachments.get(binary_id)
            if source is None or not source.exposed:
                return None
            if source.owner is not None:
                owner = self._log.current(*source.owner)
                if owner is None or owner.deleted:
                    return None
            data = self._render(source)
            return BinaryContent(binary_id, source.content_type, data, source.patient, 1, source.date_ms)

    def attachment_source(self, binary_id: str) -> AttachmentSource | None:
        with self.lock:
            return self._attachments.get(binary_id)

    def _render(self, source: AttachmentSource) -> bytes:
        cached = self._binary_cache.get(source.binary_id)
        if cached is not None:
            return cached
        doc = documents.compose(self._facts(source))
        creation = datetime_from_ms(source.date_ms)
        if source.size is not None:
            data = pdfs.big_pdf(source.size, doc, creation, seed=self.seed)
        elif source.content_type == "text/plain":
            data = documents.as_text(doc).encode("utf-8")
        else:
            data = pdfs.render_pdf(doc, creation)
        self._binary_cache[source.binary_id] = data
        return data

    def _facts(self, source: AttachmentSource) -> DocumentFacts:
        lang = source.lang
        patient = (self._log.current("Patient", source.patient) or _EMPTY).resource or {}
        name = (patient.get("name") or [{}])[0].get("text", "")
        ssin = next((i["value"] for i in patient.get("identifier", []) if i.get("system", "").endswith("/ssin")), "")
        birth = patient.get("birthDate", "")
        gp_ref = (patient.get("generalPractitioner") or [{}])[0].get("reference", "/")
        gp = self.directory.by_id.get(gp_ref.split("/")[-1])
        author = self.directory.by_id.get(source.author)
        facts = DocumentFacts(
            lang=lang, kind=source.kind, hospital=HOSPITAL_SHORT.get(lang, HOSPITAL_SHORT["fr"]), patient_name=name,
            birth_date=_dmy(birth), ssin=format_ssin(ssin) if len(ssin) == 11 else ssin,
            document_date=f"{datetime_from_ms(source.date_ms):%d/%m/%Y}",
            author=author.display() if author else source.author, gp=gp.display() if gp else "",
            given_text=source.text,
        )
        if author and author.role in SPECIALTIES:
            specialty = SPECIALTIES[author.role]
            facts.service = specialty.nl if lang == "nl" else specialty.fr
        if source.exam:
            exam = IMAGING[source.exam]
            facts.exam = exam.nl if lang == "nl" else exam.fr
            facts.finding = (exam.finding_nl if lang == "nl" else exam.finding_fr) if source.abnormal else (
                exam.normal_nl if lang == "nl" else exam.normal_fr)
        if source.encounter:
            self._stay_facts(facts, source.patient, source.encounter)
        return facts

    def _stay_facts(self, facts: DocumentFacts, patient: str, encounter_id: str) -> None:
        encounter = (self._log.current("Encounter", encounter_id) or _EMPTY).resource or {}
        span = encounter.get("period", {})
        facts.stay_start = _dmy(span.get("start", "")[:10])
        facts.stay_end = _dmy(span.get("end", "")[:10])
        facts.reason = (encounter.get("reasonCode") or [{}])[0].get("text", "")
        facts.disposition = encounter.get("hospitalization", {}).get("dischargeDisposition", {}).get("text", "")
        target = f"Encounter/{encounter_id}"
        for rtype in ("Condition", "Procedure", "MedicationRequest", "Observation"):
            for rid in sorted(self._log.ids_of_patient(patient, rtype), key=_natural):
                r = (self._log.current(rtype, rid) or _EMPTY).resource or {}
                if r.get("encounter", {}).get("reference") != target:
                    continue
                if rtype == "Condition":
                    facts.diagnoses.append(r["code"].get("text", ""))
                elif rtype == "Procedure":
                    facts.procedures.append(r["code"].get("text", ""))
                elif rtype == "MedicationRequest" and r["category"][0]["coding"][0]["code"] == "discharge":
                    product = r.get("medicationCodeableConcept", r.get("medicationReference", {}))
                    label = product.get("text") or product.get("display", "")
                    if r["status"] == "stopped":
                        facts.stopped.append(f"{label} ({r.get('statusReason', {}).get('text', '')})")
                    elif r["status"] != "entered-in-error":
                        facts.medication.append((label, r["dosageInstruction"][0]["text"]))
                elif rtype == "Observation" and "valueQuantity" in r:
                    flag = r.get("interpretation", [{}])[0].get("coding", [{}])[0].get("code", "N")
                    if flag in ("H", "L"):
                        q = r["valueQuantity"]
                        facts.labs.append(f"{r['code'].get('text', '')}: {q['value']} {q['unit']} ({flag})")


_EMPTY = Version("", "", 0, 0, None, None, "")


def _dmy(iso: str) -> str:
    parts = iso.split("-")
    return f"{parts[2]}/{parts[1]}/{parts[0]}" if len(parts) == 3 else iso


def _natural(rid: str) -> tuple[int, str]:
    tail = rid.rsplit("-", 1)[-1]
    return (int(tail) if tail.isdigit() else 0, rid)

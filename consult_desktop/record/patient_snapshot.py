"""Everything the patient view paints first, read in one go on the database lane.

`load_patient_snapshot(store, server_id, patient_id)` runs on the database thread: the record of the person at
every hospital that knows them (same SSIN), merged, each row carrying its hospital; per hospital one query for
the patient's resources, mapped to domain objects (consult_desktop.fhir.mapping), then grouped into the plain
rows the tabs show: documents with their stay, lab results with their panel, encounters with the number of
documents they hold, problems and allergies, and whether allergy information was synced at all. It returns
a frozen `PatientSnapshot`; attachments are not read here (they load when a document is opened). Authors and
hospitals sent as bare references are named from the stored Practitioner / Organization when there is one.
No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum

from consult_desktop.domain import date_text
from consult_desktop.domain.allergy import Allergy
from consult_desktop.domain.condition import Condition
from consult_desktop.domain.document import Document
from consult_desktop.domain.encounter import Encounter
from consult_desktop.domain.lab_result import LabResult
from consult_desktop.domain.patient import Patient
from consult_desktop.domain.roles import profile_for
from consult_desktop.fhir import mapping
from consult_desktop.meds.allergies import is_recognised
from consult_desktop.record.document_content import kind_of, preferred_attachment
from consult_desktop.store import LAST_SYNC_KEY, Store

SNAPSHOT_TYPES = ("Patient", "AllergyIntolerance", "Condition", "Encounter", "DocumentReference",
                  "DiagnosticReport", "Observation")
LAB_CATEGORIES = frozenset({"laboratory", "LAB"})
# Referenced resources whose name is shown when the hospital sends the reference without a display text
# (an `$everything` or bulk sync brings them): document authors, the hospital of a stay.
NAMED_TYPES = ("Practitioner", "PractitionerRole", "Organization")
Ref = tuple[str, str]


class AllergyStatus(Enum):
    RECORDED = "recorded"  # at least one active allergy
    NONE_RECORDED = "none-recorded"  # synced, and no active allergy (or an explicit "no known allergy")
    NOT_SYNCED = "not-synced"  # no allergy information has reached this computer


@dataclass(frozen=True)
class DocumentRow:
    resource_type: str
    resource_id: str
    date: str | None
    title: str
    type_display: str | None
    author: str | None
    encounter_id: str | None
    encounter_label: str | None
    format_kind: str | None  # ContentKind value of the rendition that will be shown
    doc_status: str | None
    new: bool = False  # stored since the GP last opened the patient
    server_id: str = ""  # the hospital server that holds it (a person's record may span several)
    hospital: str = ""  # that server's name


@dataclass(frozen=True)
class LabRow:
    result: LabResult
    panel: str | None  # the report (panel) this result belongs to; None when it came alone
    panel_id: str | None = None
    new: bool = False  # stored since the GP last opened the patient
    server_id: str = ""
    hospital: str = ""


@dataclass(frozen=True)
class EncounterRow:
    encounter: Encounter
    documents: int
    service: str | None = None  # the clinical service (Encounter.serviceType)
    server_id: str = ""
    hospital: str = ""


@dataclass(frozen=True)
class PatientSnapshot:
    server_id: str
    patient_id: str
    patient: Patient | None
    allergy_status: AllergyStatus
    allergies: tuple[Allergy, ...]  # every stored allergy, active first
    conditions: tuple[Condition, ...]
    encounters: tuple[EncounterRow, ...]  # newest first
    documents: tuple[DocumentRow, ...]  # newest first
    labs: tuple[LabRow, ...]
    allergies_not_checked: frozenset[str] = frozenset()  # allergy ids the medication checks cannot read
    hospitals: tuple[str, ...] = ()  # the names of the hospitals whose records are merged here
    keys: tuple[tuple[str, str], ...] = ()  # their (server_id, patient_id), the row's own first
    allergy_hospitals: tuple[str, ...] = ()  # the hospital of each allergy, in the order of `allergies`
    condition_hospitals: tuple[str, ...] = ()  # the hospital of each problem, in the order of `conditions`

    @property
    def active_allergies(self) -> tuple[Allergy, ...]:
        return tuple(a for a in self.allergies if a.is_active and not is_no_known_allergy(a))


def is_no_known_allergy(allergy: Allergy) -> bool:
    return allergy.states_none_known


def load_patient_snapshot(store: Store, server_id: str, patient_id: str) -> PatientSnapshot:
    """Database lane. The person's record at every hospital that knows them (same SSIN, see
    `Store.person_keys`), merged, each item carrying its hospital; the row's own key names the snapshot."""
    names = store.servers.names()
    several = len(names) > 1  # with one server, its name on every item says nothing
    parts = [_tagged(load_record_snapshot(store, sid, pid), names.get(sid, sid) if several else "")
             for sid, pid in store.person_keys(server_id, patient_id)]
    return parts[0] if len(parts) == 1 else _merged(parts)


def _tagged(snap: PatientSnapshot, hospital: str) -> PatientSnapshot:
    sid = snap.server_id
    return replace(
        snap,
        documents=tuple(replace(d, server_id=sid, hospital=hospital) for d in snap.documents),
        labs=tuple(replace(lab, server_id=sid, hospital=hospital) for lab in snap.labs),
        encounters=tuple(replace(e, server_id=sid, hospital=hospital) for e in snap.encounters),
        hospitals=(hospital,) if hospital else (), keys=((sid, snap.patient_id),),
        allergy_hospitals=(hospital,) * len(snap.allergies),
        condition_hospitals=(hospital,) * len(snap.conditions),
    )


def _merged(parts: list[PatientSnapshot]) -> PatientSnapshot:
    """One snapshot of several hospitals' records of one person; lists re-sorted as one."""
    first = parts[0]
    allergies = sorted(((a, h) for p in parts for a, h in zip(p.allergies, p.allergy_hospitals, strict=True)),
                       key=lambda pair: _allergy_order(pair[0]))
    conditions = sorted(((c, h) for p in parts for c, h in zip(p.conditions, p.condition_hospitals, strict=True)),
                        key=lambda pair: _condition_order(pair[0]))
    statuses = {p.allergy_status for p in parts}
    status = next(s for s in (AllergyStatus.RECORDED, AllergyStatus.NOT_SYNCED, AllergyStatus.NONE_RECORDED)
                  if s in statuses)
    return replace(
        first,
        patient=first.patient or next((p.patient for p in parts if p.patient), None),
        allergy_status=status,
        allergies=tuple(a for a, _h in allergies), allergy_hospitals=tuple(h for _a, h in allergies),
        conditions=tuple(c for c, _h in conditions), condition_hospitals=tuple(h for _c, h in conditions),
        encounters=tuple(sorted((e for p in parts for e in p.encounters),
                                key=lambda r: date_text.sort_key(r.encounter.start or r.encounter.end),
                                reverse=True)),
        documents=tuple(sorted((d for p in parts for d in p.documents), key=lambda r: date_text.sort_key(r.date),
                               reverse=True)),
        labs=tuple(sorted((lab for p in parts for lab in p.labs),
                          key=lambda r: date_text.sort_key(r.result.effective), reverse=True)),
        allergies_not_checked=frozenset().union(*(p.allergies_not_checked for p in parts)),
        hospitals=tuple(h for p in parts for h in p.hospitals), keys=tuple(k for p in parts for k in p.keys),
    )


def _allergy_order(a: Allergy) -> tuple:
    return not a.is_active, a.criticality != "high", (a.substance_display or "").casefold()


def _condition_order(c: Condition) -> tuple:
    return (c.clinical_status not in (None, "active", "recurrence", "relapse"),
            -date_text.sort_key(c.onset or c.recorded_date))


def load_record_snapshot(store: Store, server_id: str, patient_id: str) -> PatientSnapshot:
    """Database lane. One server's record of the patient: one query; the rest is mapping and grouping."""
    patient: Patient | None = None
    allergies: list[Allergy] = []
    conditions: list[Condition] = []
    encounters: list[Encounter] = []
    documents: list[Document] = []
    reports: list[Document] = []
    observations: list[LabResult] = []
    panel_of: dict[str, tuple[str, str]] = {}  # observation id -> (report id, report title)
    for resource in store.resources.for_patient(server_id, patient_id, SNAPSHOT_TYPES):
        rtype = resource.get("resourceType")
        if rtype == "Observation":
            result = mapping.map_observation(resource)
            if result is not None and _is_lab(result):
                observations.append(result)
            continue
        item = mapping.map_resource(resource)
        if item is None:
            continue
        if isinstance(item, Patient):
            patient = item
        elif isinstance(item, Allergy):
            allergies.append(item)
        elif isinstance(item, Condition):
            conditions.append(item)
        elif isinstance(item, Encounter):
            encounters.append(item)
        elif isinstance(item, Document):
            if item.resource_type == "DiagnosticReport":
                reports.append(item)
            if _is_readable(item):
                documents.append(item)
    for report in reports:
        for obs_id in report.result_ids:
            panel_of.setdefault(obs_id, (report.id, report.title))

    encounter_rows_unsorted = _encounter_rows(store, server_id, encounters)
    encounter_labels = {r.encounter.id: encounter_label(r.encounter, r.service) for r in encounter_rows_unsorted}
    documents = one_per_report(documents)
    authors = _author_names(store, server_id, documents)
    new = store.views.new_since_viewed(server_id, patient_id)
    doc_rows = tuple(replace(_document_row(d, encounter_labels, authors), new=(d.resource_type, d.id) in new)
                     for d in documents)
    doc_rows = tuple(sorted(doc_rows, key=lambda r: date_text.sort_key(r.date), reverse=True))
    per_encounter: dict[str, int] = {}
    for row in doc_rows:
        if row.encounter_id:
            per_encounter[row.encounter_id] = per_encounter.get(row.encounter_id, 0) + 1
    encounter_rows = tuple(
        replace(r, documents=per_encounter.get(r.encounter.id, 0))
        for r in sorted(encounter_rows_unsorted, key=lambda r: date_text.sort_key(r.encounter.start or r.encounter.end),
                        reverse=True)
    )
    labs = tuple(
        LabRow(r, panel_of[r.id][1], panel_of[r.id][0], ("Observation", r.id) in new) if r.id in panel_of
        else LabRow(r, None, None, ("Observation", r.id) in new)
        for r in sorted(observations, key=lambda r: date_text.sort_key(r.effective), reverse=True)
    )
    allergies.sort(key=_allergy_order)
    conditions.sort(key=_condition_order)
    return PatientSnapshot(
        server_id=server_id,
        patient_id=patient_id,
        patient=patient,
        allergy_status=_allergy_status(store, server_id, allergies),
        allergies=tuple(allergies),
        conditions=tuple(conditions),
        encounters=encounter_rows,
        documents=doc_rows,
        labs=labs,
        allergies_not_checked=frozenset(a.id for a in allergies if a.is_active and not is_recognised(
            a.substance_display, a.substance_code, a.substance_system, a.category)),
    )


def encounter_label(encounter: Encounter, service: str | None = None) -> str:
    """`12/03/2024 Cardiology` — the start date and the most telling name of the stay."""
    name = service or encounter.type_display or encounter.service_provider or encounter.class_display or ""
    when = date_text.display(encounter.start or encounter.end)
    return " ".join(p for p in (when, name) if p)


def _encounter_rows(store: Store, server_id: str, encounters: list[Encounter]) -> list[EncounterRow]:
    providers = {e.id: ref for e in encounters if not e.service_provider and (ref := _named(e.service_provider_ref))}
    names = resolve_names(store, server_id, providers.values())
    rows = []
    for encounter in encounters:
        ref = providers.get(encounter.id)
        if ref is not None and ref in names:
            encounter = replace(encounter, service_provider=names[ref])
        rows.append(EncounterRow(encounter, 0, encounter.service))
    return rows


def _author_names(store: Store, server_id: str, documents: list[Document]) -> dict[str, str]:
    """Document id -> author name, for documents whose author reference carries no display text."""
    wanted = {d.id: refs for d in documents
              if not d.author and (refs := [ref for r in d.author_refs if (ref := _named(r)) is not None])}
    names = resolve_names(store, server_id, (ref for refs in wanted.values() for ref in refs))
    out = {}
    for doc_id, refs in wanted.items():
        found = [names[ref] for ref in refs if ref in names]
        if found:
            out[doc_id] = found[0]
    return out


def _document_row(document: Document, labels: dict[str, str], authors: dict[str, str]) -> DocumentRow:
    index = preferred_attachment(document)
    format_kind = None
    if index is not None:
        format_kind = kind_of(document.attachments[index].content_type).value
    type_display = document.type_display or document.category_display
    service = document.practice_setting
    if service and type_display and service.casefold() not in type_display.casefold():
        type_display = f"{type_display} · {service}"
    return DocumentRow(
        resource_type=document.resource_type,
        resource_id=document.id,
        date=document.date,
        title=document.title,
        type_display=type_display,
        author=document.author or authors.get(document.id),
        encounter_id=document.encounter_id,
        encounter_label=labels.get(document.encounter_id or "", None),
        format_kind=format_kind,
        doc_status=document.doc_status,
    )


def one_per_report(documents: list[Document]) -> list[Document]:
    """Each report listed once: a DocumentReference that publishes a DiagnosticReport of the list (it says so in
    `context.related`, or carries the same attachment — same URL or same inline content) is left out; the report,
    with its conclusion and its own dates, stays."""
    reports = [d for d in documents if d.resource_type == "DiagnosticReport"]
    report_ids = {d.id for d in reports}
    renditions = {a.url or a.data for d in reports for a in d.attachments if a.url or a.data}

    def duplicate(document: Document) -> bool:
        if document.resource_type != "DocumentReference":
            return False
        if report_ids.intersection(document.related_reports):
            return True
        own = {a.url or a.data for a in document.attachments if a.url or a.data}
        return bool(own) and own <= renditions

    return [d for d in documents if not duplicate(d)]


def _is_readable(document: Document) -> bool:
    """A lab report with results only is shown in the lab tab, not as a document to read."""
    if document.resource_type == "DocumentReference":
        return True
    return bool(document.attachments) or document.conclusion is not None


def _is_lab(result: LabResult) -> bool:
    if result.value is None and result.value_text is None:
        return False  # a panel header (hasMember) or a result without a value
    return result.category is None or result.category in LAB_CATEGORIES


def _allergy_status(store: Store, server_id: str, allergies: list[Allergy]) -> AllergyStatus:
    if any(a.is_active and not is_no_known_allergy(a) for a in allergies):
        return AllergyStatus.RECORDED
    if allergies:  # only inactive ones, or an explicit "no known allergy"
        return AllergyStatus.NONE_RECORDED
    if not _allergies_synced(store, server_id):
        return AllergyStatus.NOT_SYNCED
    return AllergyStatus.NONE_RECORDED


def _allergies_synced(store: Store, server_id: str) -> bool:
    """True when a sync of this server has completed with a role that fetches allergies.

    Only then does an empty list mean "the hospital has none recorded" rather than "we do not know".
    """
    synced = store.settings.get(f"{LAST_SYNC_KEY}.{server_id}") or store.settings.get(LAST_SYNC_KEY)
    if not synced:
        return False
    for sid, _url, config in store.servers.all():
        if sid == server_id:
            try:
                return profile_for(str(config.get("role") or "gp")).fetches("AllergyIntolerance")
            except ValueError:
                return True
    return True


# -- names behind references ----------------------------------------------------------------------------------------
def _named(target: Ref | None) -> Ref | None:
    """The reference when it points to a Practitioner, PractitionerRole or Organization (a name to show)."""
    return target if target is not None and target[0] in NAMED_TYPES else None


def resolve_names(store: Store, server_id: str, refs: Iterable[Ref]) -> dict[Ref, str]:
    """Display names of the referenced resources that are stored (one lookup per distinct reference)."""
    names: dict[Ref, str] = {}
    for rtype, rid in set(refs):
        resource = store.resources.get(server_id, rtype, rid)
        if resource is None:
            continue
        name = mapping.party_name(resource)
        if name:
            names[(rtype, rid)] = name
    return names

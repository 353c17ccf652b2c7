"""Everything the medication comparison view shows, read and checked in one go on the database lane.

`load_medication(store, server_id, patient_id)` picks the hospital's list (across the hospitals that know the
person, the most recent discharge list, naming its hospital; within one, the latest discharge list when
the hospital codes one, else its current medication), reads the GP's own prescriptions, the allergies and
the latest eGFR, resolves referenced Medication resources from the store, runs the comparison and the
safety checks, and returns one frozen `MedicationData`. What the GP does to it (prescribe, stop, decide,
acknowledge, import) is in `medication_actions`. Plain Python, no Qt: call these only on the thread that
opened the store; the results are safe to hand to the GUI thread.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources as package_files
from typing import Any

from consult_desktop import __version__
from consult_desktop.domain import date_text
from consult_desktop.domain.lab_result import LabResult
from consult_desktop.domain.references import reference_id, reference_target
from consult_desktop.fhir import mapping
from consult_desktop.meds.allergies import parse_allergy
from consult_desktop.meds.comparison import Comparison, ComparisonLine, compare
from consult_desktop.meds.knowledge_base import load_knowledge_base
from consult_desktop.meds.language import process_language
from consult_desktop.meds.models import INACTIVE_STATUSES, Flag, MedicationEntry
from consult_desktop.meds.normalise import normalise
from consult_desktop.meds.patient_facts import is_fact_observation, patient_facts
from consult_desktop.meds.report import allergies_line, coverage_line
from consult_desktop.meds.text_parser import fold
from consult_desktop.store import Store

MEDICATION_TYPES = ("MedicationRequest", "MedicationStatement")
DECISIONS = ("continue", "stop", "modify")
LINE_PREFIX = "line:"
FLAG_PREFIX = "flag:"
IMPORT_SYSTEM = "urn:consult-desktop:imported-id"
GP_NAME_KEY = "export.gp_name"  # the GP's name printed on exports (settings dialog)
_WITHDRAWN = frozenset({"entered-in-error"})
_OBSERVATION_WITHDRAWN = frozenset({"entered-in-error", "cancelled"})


@dataclass(frozen=True)
class HospitalList:
    kind: str  # "discharge" (the latest discharge list), "current" (no discharge list coded) or "none"
    date: str | None = None  # when the discharge list was written
    stay: str | None = None  # the stay's service, when the hospital names one
    later_active: int = 0  # active hospital medication written after the discharge list (a newer stay)
    hospital: str | None = None  # the hospital whose list this is, when the person is known to several


@dataclass(frozen=True)
class Egfr:
    value: float
    unit: str
    date: str | None
    comparator: str = ""


@dataclass(frozen=True)
class Prescription:
    """One of the GP's own prescriptions as stored (MedicationStatement-shaped), with what the list shows."""

    id: str
    resource: dict[str, Any]  # treat as read-only
    label: str
    dosage_text: str
    start: str | None
    end: str | None
    status: str
    note: str
    checked: bool  # resolved to known ingredients

    @property
    def active(self) -> bool:
        return self.status not in INACTIVE_STATUSES


@dataclass(frozen=True)
class Acknowledgement:
    reason: str
    decision: str | None
    at: str


@dataclass(frozen=True)
class NotChecked:
    label: str
    side: str  # "hospital" | "gp"


@dataclass(frozen=True)
class MedicationData:
    server_id: str
    patient_id: str
    patient_name: str
    birth_date: str | None
    hospital: HospitalList
    comparison: Comparison
    line_keys: tuple[str, ...]  # one per comparison line
    flag_keys: tuple[str, ...]  # one per comparison flag
    flag_lines: tuple[tuple[int, ...], ...]  # the lines each flag is about
    prescriptions: tuple[Prescription, ...]
    acknowledgements: dict[str, Acknowledgement]
    allergies: tuple[str, ...]  # allergy records the check used
    egfr: Egfr | None
    not_checked: tuple[NotChecked, ...]
    stop_reasons: dict[str, str] = field(default_factory=dict)  # hospital resource id -> why it was stopped
    knowledge_base: str = ""
    allergies_not_checked: str = ""  # "Allergies not checked (not recognised): ..." or ""
    coverage: str = ""  # "2 of 14 medicines are not covered by the knowledge base" or ""
    patient_ssin: str | None = None  # printed on the reconciliation summary
    gp_name: str = ""  # the GP's name as set in the settings ("" when not set), printed on exports

    def flag_key(self, flag: Flag) -> str:
        return self.flag_keys[self.comparison.flags.index(flag)]

    def decision(self, line_index: int) -> Acknowledgement | None:
        ack = self.acknowledgements.get(self.line_keys[line_index])
        return ack if ack is not None and ack.decision else None

    def prescription(self, pid: str) -> Prescription | None:
        return next((item for item in self.prescriptions if item.id == pid), None)


# -- keys ----------------------------------------------------------------------------------------------------
def entry_key(entry: MedicationEntry) -> str:
    if entry.resolved:
        return "+".join(sorted(entry.ingredient_ids))
    return "?" + fold(entry.label)


def line_key(line: ComparisonLine) -> str:
    """Stable across loads and syncs: the line's ingredients (or folded label when unresolved)."""
    first = (line.hospital or line.gp)[0]
    return LINE_PREFIX + entry_key(first)


def flag_key(flag: Flag) -> str:
    """The rule, the ingredients and the records it is about: a new prescription of the same pair asks again."""
    digest = hashlib.sha256("|".join(sorted(flag.resource_ids)).encode()).hexdigest()[:12]
    return f"{FLAG_PREFIX}{flag.rule_id}:{'+'.join(sorted(flag.ingredients))}:{digest}"


# -- loading -------------------------------------------------------------------------------------------------
def load_medication(store: Store, server_id: str, patient_id: str) -> MedicationData:
    """Database lane. A few queries, then the comparison in memory (milliseconds for 30 + 30 medications)."""
    types = (*MEDICATION_TYPES, "AllergyIntolerance", "Observation")
    allergy_resources: list[dict[str, Any]] = []
    observations: list[LabResult] = []
    facts: list[dict[str, Any]] = []  # weight and creatinine, for the Cockcroft-Gault clearance
    lists: list[tuple[str, list[dict[str, Any]], HospitalList]] = []  # per hospital: its chosen list
    keys = store.person_keys(server_id, patient_id)  # every hospital that knows this person (same SSIN)
    for sid, pid in keys:
        medication: list[dict[str, Any]] = []
        for resource in store.resources.for_patient(sid, pid, types):
            rtype = resource.get("resourceType")
            if rtype in MEDICATION_TYPES:
                if resource.get("status") not in _WITHDRAWN:
                    medication.append(resource)
            elif rtype == "AllergyIntolerance":
                allergy_resources.append(resource)
            elif rtype == "Observation" and resource.get("status") not in _OBSERVATION_WITHDRAWN:
                lab = mapping.map_observation(resource)
                if lab is not None and lab.is_egfr:
                    observations.append(lab)
                elif is_fact_observation(resource):
                    facts.append(resource)
        lists.append((sid, *choose_hospital_list(medication)))
    list_server, hospital_resources, hospital = _latest_list(lists)
    if hospital.kind == "discharge" and hospital.stay is None:
        hospital = _with_stay(store, list_server, hospital_resources, hospital)
    if len(keys) > 1:
        hospital = replace(hospital, hospital=store.servers.names().get(list_server, list_server))
    prescriptions_raw = store.prescriptions.for_patient(server_id, patient_id)
    kb = load_knowledge_base()
    resolve = _resolver(store, list_server)
    egfr = latest_egfr(observations)
    patient_raw = store.resources.get(server_id, "Patient", patient_id)
    comparison = compare(hospital_resources, prescriptions_raw, allergy_resources, egfr.value if egfr else None,
                         hospital_is_discharge_list=hospital.kind == "discharge", kb=kb, resolve_reference=resolve,
                         patient=patient_facts(patient_raw, facts),
                         hospital_list_date=hospital.date if hospital.kind == "discharge" else None)
    gp_entries = {entry.resource_id: entry for line in comparison.lines for entry in line.gp}
    prescriptions = tuple(_prescription(raw, gp_entries.get(str(raw.get("id"))), resolve)
                          for raw in prescriptions_raw)
    acks = {key: Acknowledgement(reason or "", None, at)
            for key, (reason, at) in store.acknowledgements.for_patient(server_id, patient_id).items()}
    acks.update({key: Acknowledgement(note or "", decision, at)
                 for key, (note, decision, at) in store.decisions.for_patient(server_id, patient_id).items()})
    labels = {entry.resource_id: (entry.label, "hospital") for line in comparison.lines for entry in line.hospital}
    labels.update({entry.resource_id: (entry.label, "gp") for entry in gp_entries.values()})
    not_checked = tuple(NotChecked(*labels[rid]) for rid in comparison.not_checked if rid in labels)
    parsed = [found for raw in allergy_resources if (found := parse_allergy(raw, kb)) is not None]
    allergies = tuple(dict.fromkeys(found.label for found in parsed if found.resolved))
    unchecked = [found.label or found.resource_id for found in parsed if not found.resolved]
    line_index = {id(line): number for number, line in enumerate(comparison.lines)}
    patient = mapping.map_patient(patient_raw)
    return MedicationData(
        server_id=server_id,
        patient_id=patient_id,
        patient_name=mapping.display_name(patient) if patient is not None else "",
        birth_date=patient.birth_date if patient is not None else None,
        hospital=hospital,
        comparison=comparison,
        line_keys=tuple(line_key(line) for line in comparison.lines),
        flag_keys=tuple(flag_key(flag) for flag in comparison.flags),
        flag_lines=tuple(tuple(line_index[id(line)] for line in comparison.lines_for(flag))
                         for flag in comparison.flags),
        prescriptions=prescriptions,
        acknowledgements=acks,
        allergies=allergies,
        egfr=egfr,
        not_checked=not_checked,
        stop_reasons={str(r.get("id")): text for r in hospital_resources if (text := _stop_reason(r))},
        knowledge_base=knowledge_base_version(),
        allergies_not_checked=allergies_line(unchecked, process_language()),
        coverage=coverage_line(comparison.coverage, process_language()),
        patient_ssin=patient.ssin if patient is not None else None,
        gp_name=store.settings.get(GP_NAME_KEY) or "",
    )


def _latest_list(lists: list[tuple[str, list[dict[str, Any]], HospitalList]]
                 ) -> tuple[str, list[dict[str, Any]], HospitalList]:
    """Across hospitals: the most recently written discharge list; without one anywhere, the first hospital
    (the row's own first) that has medication."""
    discharges = [entry for entry in lists if entry[2].kind == "discharge"]
    if discharges:
        return max(discharges, key=lambda entry: date_text.sort_key(entry[2].date))
    return next((entry for entry in lists if entry[2].kind != "none"), lists[0])


def choose_hospital_list(medication: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], HospitalList]:
    """The latest discharge list when the hospital codes one (category "discharge"), else everything it has.

    A discharge list is the set of discharge-category requests of one stay (or, without an encounter, of
    one day); the latest is the one written last.
    """
    if not medication:
        return [], HospitalList("none")
    groups: dict[str, list[dict[str, Any]]] = {}
    for resource in medication:
        if _is_discharge(resource):
            groups.setdefault(_stay_key(resource), []).append(resource)
    if not groups:
        return list(medication), HospitalList("current")
    latest = max(groups.values(), key=lambda items: max(date_text.sort_key(_written(r)) for r in items))
    written = max((_written(r) for r in latest), key=date_text.sort_key)
    chosen = {id(r) for r in latest}
    later = sum(1 for r in medication if id(r) not in chosen and r.get("resourceType") == "MedicationRequest"
                and r.get("status") in ("active", "on-hold")
                and date_text.sort_key(_written(r)) > date_text.sort_key(written))
    return list(latest), HospitalList("discharge", written, None, later)


def latest_egfr(observations: Iterable[LabResult]) -> Egfr | None:
    """The most recent eGFR with a number (the renal dose checks use it)."""
    best: tuple[float, Egfr] | None = None
    for lab in observations:
        if lab.value is None:
            continue
        key = date_text.sort_key(lab.effective)
        if best is None or key > best[0]:
            unit = lab.unit or "mL/min/1.73m²"
            if unit == "mL/min/{1.73_m2}":
                unit = "mL/min/1.73m²"
            best = (key, Egfr(float(lab.value), unit, lab.effective, lab.comparator or ""))
    return best[1] if best else None


@functools.lru_cache(maxsize=1)
def knowledge_base_version() -> str:
    """`"0.1.0+3fa2c1d09b"`: the program's version and a digest of the knowledge-base files shipped with it."""
    digest = hashlib.sha256()
    directory = package_files.files("consult_desktop.resources") / "kb"
    for item in sorted(directory.iterdir(), key=lambda entry: entry.name):
        if item.is_file() and item.name.endswith((".yaml", ".csv")):
            digest.update(item.name.encode())
            digest.update(item.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:10]}"


# -- helpers ---------------------------------------------------------------------------------------------------
def _codes(concept: Any) -> list[str]:
    if not isinstance(concept, dict):
        return []
    return [str(c.get("code") or "").casefold() for c in concept.get("coding") or () if isinstance(c, dict)] + \
        [str(concept.get("text") or "").casefold()]


def _is_discharge(resource: dict[str, Any]) -> bool:
    categories = resource.get("category")
    categories = categories if isinstance(categories, list) else [categories]
    return any("discharge" in _codes(category) for category in categories)


def _stay_key(resource: dict[str, Any]) -> str:
    encounter = reference_id(resource.get("encounter") or resource.get("context"), "Encounter")
    return "stay:" + encounter if encounter else "day:" + str(_written(resource) or "")[:10]


def _written(resource: dict[str, Any]) -> str | None:
    return resource.get("authoredOn") or resource.get("dateAsserted") or \
        (resource.get("effectivePeriod") or {}).get("start") or resource.get("effectiveDateTime")


def _with_stay(store: Store, server_id: str, chosen: list[dict[str, Any]], hospital: HospitalList) -> HospitalList:
    encounter_id = reference_id(chosen[0].get("encounter"), "Encounter") if chosen else None
    if encounter_id is None:
        return hospital
    encounter = store.resources.get(server_id, "Encounter", encounter_id)
    if not encounter:
        return hospital
    service = encounter.get("serviceType")
    if isinstance(service, list):
        service = service[0] if service else None
    name = (service or {}).get("text") if isinstance(service, dict) else None
    if not name and isinstance(service, dict):
        name = next((c.get("display") for c in service.get("coding") or () if c.get("display")), None)
    name = name or (encounter.get("serviceProvider") or {}).get("display")
    return HospitalList(hospital.kind, hospital.date, name, hospital.later_active)


def _resolver(store: Store, server_id: str) -> Any:
    cache: dict[str, dict[str, Any] | None] = {}

    def resolve(reference: str) -> dict[str, Any] | None:
        if reference not in cache:
            target = reference_target(reference)
            cache[reference] = store.resources.get(server_id, *target) if target is not None else None
        return cache[reference]

    return resolve


def _stop_reason(resource: dict[str, Any]) -> str:
    reason = resource.get("statusReason")
    reason = reason[0] if isinstance(reason, list) and reason else reason
    if not isinstance(reason, dict):
        return ""
    return str(reason.get("text") or next((c.get("display") for c in reason.get("coding") or ()
                                            if c.get("display")), "") or "")


def concept_text(resource: dict[str, Any]) -> str:
    concept = resource.get("medicationCodeableConcept") or {}
    return str(concept.get("text") or next((c.get("display") or c.get("code") for c in concept.get("coding") or ()
                                            ), "") or "")


def _prescription(raw: dict[str, Any], entry: MedicationEntry | None, resolve: Any) -> Prescription:
    entry = entry or normalise(raw, resolve)
    period = raw.get("effectivePeriod") or {}
    dosage = raw.get("dosage") or [{}]
    notes = [str(n.get("text")) for n in raw.get("note") or () if isinstance(n, dict) and n.get("text")]
    return Prescription(
        id=str(raw.get("id")), resource=raw, label=concept_text(raw) or entry.label,
        dosage_text=str(dosage[0].get("text") or "") if isinstance(dosage[0], dict) else "",
        start=period.get("start") or raw.get("effectiveDateTime"), end=period.get("end"),
        status=str(raw.get("status") or "active"), note=" ".join(notes), checked=entry.resolved and entry.complete,
    )

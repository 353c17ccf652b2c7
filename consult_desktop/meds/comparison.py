"""Puts the hospital's medication beside the GP's, line by line, with the safety flags attached.

Matching is by ingredient set (so a brand and its generic match). Statuses, per line:

- ``unchanged``: active on both lists, same strength, dose and frequency (as far as stated).
- ``changed``: active on both lists, but the strength, dose or frequency differs (``changes`` says which).
- ``new``: active at the hospital, not active on the GP list.
- ``stopped``: active on the GP list; the hospital has the same medicine only with a stopped, completed or
  cancelled status. With ``hospital_is_discharge_list=True`` a GP medicine that the hospital's list does
  not contain at all is also ``stopped`` (the discharge list is taken as complete). A GP medicine started
  after the hospital's list was written (``hospital_list_date``) is never ``stopped``: the hospital cannot have
  stopped what the GP prescribed later; it is ``gp_only``.
- ``gp_only``: active on the GP list, and the hospital has no record of it at all (default), so nothing
  can be concluded about it.

Medications that could not be resolved to ingredients are matched on their folded label and carry
``checked=False``. Pure; safe on any thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from consult_desktop.domain import date_text
from consult_desktop.meds.checker import as_entries, check
from consult_desktop.meds.knowledge_base import KnowledgeBase, load_knowledge_base
from consult_desktop.meds.language import process_language
from consult_desktop.meds.models import AllergyEntry, Flag, MedicationEntry
from consult_desktop.meds.normalise import Resolver
from consult_desktop.meds.renal_check import PatientFacts
from consult_desktop.meds.text_parser import fold

UNCHANGED = "unchanged"
CHANGED = "changed"
NEW = "new"
STOPPED = "stopped"
GP_ONLY = "gp_only"


@dataclass(frozen=True, slots=True)
class ComparisonLine:
    status: str
    label: str
    ingredients: tuple[str, ...]  # display names
    hospital: tuple[MedicationEntry, ...]  # every hospital entry for this medicine (active first)
    gp: tuple[MedicationEntry, ...]
    changes: tuple[str, ...] = ()  # "strength", "dose", "frequency"
    checked: bool = True
    flags: tuple[Flag, ...] = ()

    @property
    def resource_ids(self) -> tuple[str, ...]:
        return tuple(entry.resource_id for entry in (*self.hospital, *self.gp))


@dataclass(frozen=True, slots=True)
class Comparison:
    lines: tuple[ComparisonLine, ...]
    flags: tuple[Flag, ...]
    not_checked: tuple[str, ...]
    not_checked_allergies: tuple[str, ...] = ()  # allergy resource ids that name nothing we know
    coverage: tuple[tuple[str, str], ...] = ()  # (medication resource id, "checked" | "no rules" | "not resolved")
    renal_basis: str = ""  # "crcl" or "egfr" (what the renal checks used), "" when unknown

    def lines_for(self, flag: Flag) -> tuple[ComparisonLine, ...]:
        """The lines a flag is about (two for a pair, one for a renal or allergy flag)."""
        ids = set(flag.resource_ids)
        return tuple(line for line in self.lines if ids & set(line.resource_ids))


def _key(entry: MedicationEntry) -> tuple[str, ...]:
    if entry.resolved:
        return tuple(sorted(entry.ingredient_ids))
    return ("?" + fold(entry.label),)


def _changes(hospital: MedicationEntry, gp: MedicationEntry) -> tuple[str, ...]:
    changes: list[str] = []
    for item in hospital.ingredients:
        other = gp.strength_of(item.ingredient_id)
        if item.strength and other and item.strength != other:
            changes.append("strength")
            break
    h, g = hospital.dosage, gp.dosage
    if h.dose_value is not None and g.dose_value is not None and h.dose_value != g.dose_value:
        changes.append("dose")
    if h.per_day is not None and g.per_day is not None and abs(h.per_day - g.per_day) > 1e-6:
        changes.append("frequency")
    return tuple(changes)


def _started_after(gp: Sequence[MedicationEntry | dict[str, Any]], list_date: str | None) -> frozenset[str]:
    """Ids of the GP medicines (given as resources) started on a later day than the hospital's list."""
    if not list_date:
        return frozenset()
    written = date_text.parse(list_date)
    if written is None:
        return frozenset()
    later = set()
    for item in gp:
        if not isinstance(item, dict):
            continue
        period = item.get("effectivePeriod") or {}
        start = date_text.parse(period.get("start") or item.get("effectiveDateTime") or item.get("authoredOn"))
        if start is not None and start.date() > written.date():
            later.add(str(item.get("id")))
    return frozenset(later)


def compare(
    hospital: Sequence[MedicationEntry | dict[str, Any]],
    gp: Sequence[MedicationEntry | dict[str, Any]],
    allergies: Sequence[AllergyEntry | dict[str, Any]] = (),
    egfr: float | None = None,
    hospital_is_discharge_list: bool = False,
    kb: KnowledgeBase | None = None,
    resolve_reference: Resolver | None = None,
    language: str | None = None,
    patient: PatientFacts | None = None,
    hospital_list_date: str | None = None,
) -> Comparison:
    kb = kb or load_knowledge_base()
    started_later = _started_after(gp, hospital_list_date)
    hospital_entries = as_entries(hospital, resolve_reference, kb)
    gp_entries = as_entries(gp, resolve_reference, kb)
    result = check(hospital_entries, gp_entries, allergies, egfr, kb, language=language, patient=patient)
    by_key: dict[tuple[str, ...], tuple[list[MedicationEntry], list[MedicationEntry]]] = {}
    for entry in hospital_entries:
        by_key.setdefault(_key(entry), ([], []))[0].append(entry)
    for entry in gp_entries:
        if entry.active:
            by_key.setdefault(_key(entry), ([], []))[1].append(entry)
    lines: list[ComparisonLine] = []
    for key, (h_entries, g_entries) in by_key.items():
        h_active = [entry for entry in h_entries if entry.active]
        if not h_active and not g_entries:
            continue  # stopped at the hospital and not taken according to the GP: history, not a line
        changes: tuple[str, ...] = ()
        if h_active and g_entries:
            changes = _changes(h_active[0], g_entries[0])
            status = CHANGED if changes else UNCHANGED
        elif h_active:
            status = NEW
        elif (h_entries or hospital_is_discharge_list) and not all(
                entry.resource_id in started_later for entry in g_entries):
            status = STOPPED
        else:
            status = GP_ONLY
        first = (h_active or g_entries or h_entries)[0]
        ids = {entry.resource_id for entry in (*h_entries, *g_entries)}
        line_flags = tuple(flag for flag in result.flags if ids & set(flag.resource_ids))
        lines.append(ComparisonLine(
            status=status,
            label=first.label,
            ingredients=tuple(kb.name(item, language or process_language()) for item in key)
            if not key[0].startswith("?") else (),
            hospital=tuple(h_active + [entry for entry in h_entries if not entry.active]),
            gp=tuple(g_entries),
            changes=changes,
            checked=first.resolved and first.complete,
            flags=line_flags,
        ))
    order = {NEW: 0, CHANGED: 1, STOPPED: 2, UNCHANGED: 3, GP_ONLY: 4}
    lines.sort(key=lambda line: (order[line.status], fold(line.label)))
    return Comparison(lines=tuple(lines), flags=result.flags, not_checked=result.not_checked,
                      not_checked_allergies=result.not_checked_allergies, coverage=result.coverage,
                      renal_basis=result.renal_basis)

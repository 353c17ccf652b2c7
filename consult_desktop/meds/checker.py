"""Checks hospital and GP medication lists for interactions, duplicates, allergy conflicts and renal cautions.

`check()` is pure (no I/O beyond the first knowledge-base load) and safe on any thread; for 60
medications it takes a few milliseconds once the knowledge base is loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations, product
from typing import Any

from consult_desktop.meds.allergies import parse_allergy
from consult_desktop.meds.knowledge_base import InteractionRule, KnowledgeBase, load_knowledge_base
from consult_desktop.meds.models import (
    LOCAL,
    SEVERITY_RANK,
    AllergyEntry,
    CheckResult,
    Flag,
    MedicationEntry,
)
from consult_desktop.meds.normalise import Resolver, normalise

_KIND_ORDER = {"allergy": 0, "interaction": 1, "duplicate": 2, "renal": 3}


@dataclass(slots=True)
class _Unit:
    """One medication as the patient takes it: entries with the same ingredients and route, both lists."""

    ingredients: frozenset[str]
    route: str
    entries: list[tuple[str, MedicationEntry]] = field(default_factory=list)  # (list name, entry)

    @property
    def resource_ids(self) -> list[str]:
        return [entry.resource_id for _, entry in self.entries]

    @property
    def systemic(self) -> bool:
        return self.route != LOCAL

    @property
    def as_needed_only(self) -> bool:
        return all(entry.dosage.as_needed for _, entry in self.entries)

    def strength_mg(self, ingredient_id: str) -> float | None:
        values = []
        for _, entry in self.entries:
            strength = entry.strength_of(ingredient_id)
            if strength is not None and strength.unit == "mg":
                values.append(strength.value)
        return max(values) if values else None


def as_entries(
    items: Iterable[MedicationEntry | dict[str, Any]],
    resolve_reference: Resolver | None = None,
    kb: KnowledgeBase | None = None,
) -> list[MedicationEntry]:
    return [item if isinstance(item, MedicationEntry) else normalise(item, resolve_reference, kb) for item in items]


def check(
    hospital: Sequence[MedicationEntry | dict[str, Any]],
    gp: Sequence[MedicationEntry | dict[str, Any]],
    allergies: Sequence[AllergyEntry | dict[str, Any]] = (),
    egfr: float | None = None,
    kb: KnowledgeBase | None = None,
    resolve_reference: Resolver | None = None,
) -> CheckResult:
    """All flags for the active medications of both lists, most severe first, and what could not be checked."""
    kb = kb or load_knowledge_base()
    lists = (("hospital", as_entries(hospital, resolve_reference, kb)), ("gp", as_entries(gp, resolve_reference, kb)))
    units: dict[tuple[frozenset[str], str], _Unit] = {}
    not_checked: list[str] = []
    for list_name, entries in lists:
        for entry in entries:
            if not entry.active:
                continue
            if not entry.resolved or not entry.complete:
                not_checked.append(entry.resource_id)
            if entry.resolved:
                key = (entry.ingredient_ids, entry.route)
                units.setdefault(key, _Unit(entry.ingredient_ids, entry.route)).entries.append((list_name, entry))
    allergy_entries = [
        item if isinstance(item, AllergyEntry) else parse_allergy(item, kb) for item in allergies
    ]
    unit_list = list(units.values())
    flags: list[Flag] = []
    flags += _interactions(unit_list, kb, egfr)
    flags += _duplicates(unit_list, kb)
    flags += _allergy_flags(unit_list, [a for a in allergy_entries if a is not None], kb)
    if egfr is not None:
        flags += _renal_flags(unit_list, kb, egfr)
    flags.sort(key=lambda flag: (-flag.rank, _KIND_ORDER[flag.kind], flag.summary))
    return CheckResult(flags=tuple(flags), not_checked=tuple(dict.fromkeys(not_checked)))


def _names(kb: KnowledgeBase, ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({kb.name(item) for item in ids}))


def _resource_ids(units: Iterable[_Unit]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(rid for unit in units for rid in unit.resource_ids))


def _severity(rule: InteractionRule, units: Sequence[_Unit], egfr: float | None) -> str:
    severity = rule.severity
    for modifier in rule.modifiers:
        if modifier.egfr_below is not None:
            if egfr is not None and egfr < modifier.egfr_below:
                severity = modifier.severity
            continue
        if modifier.ingredient is None:
            continue
        doses = [unit.strength_mg(modifier.ingredient) for unit in units if modifier.ingredient in unit.ingredients]
        known = [dose for dose in doses if dose is not None]
        if not known:
            continue
        if modifier.above_mg is not None and max(known) > modifier.above_mg:
            severity = modifier.severity
        if modifier.at_most_mg is not None and max(known) <= modifier.at_most_mg:
            severity = modifier.severity
    return severity


def _rule_flag(kb: KnowledgeBase, rule: InteractionRule, units: Sequence[_Unit], ingredient_sets: Sequence[set[str]],
               egfr: float | None) -> Flag:
    names = " + ".join(", ".join(_names(kb, ids)) for ids in ingredient_sets)
    return Flag(
        kind="interaction",
        severity=_severity(rule, units, egfr),
        resource_ids=_resource_ids(units),
        ingredients=_names(kb, set().union(*ingredient_sets)),
        summary=f"{names}: {rule.title}",
        rule_id=rule.id,
        effect=rule.effect,
        mechanism=rule.mechanism,
        management=rule.management,
        sources=rule.sources,
    )


def _interactions(units: list[_Unit], kb: KnowledgeBase, egfr: float | None) -> list[Flag]:
    flags: list[Flag] = []
    for first, second in combinations(units, 2):
        found: dict[int, tuple[set[str], set[str]]] = {}
        for a, b in product(first.ingredients, second.ingredients):
            if a == b:
                continue
            for rule_number, role in kb.rules_between(a, b):
                rule = kb.rules[rule_number]
                if not rule.include_local and not (first.systemic and second.systemic):
                    continue
                pair = found.setdefault(rule_number, (set(), set()))
                (pair[0] if role == 0 else pair[1]).add(a)
                (pair[1] if role == 0 else pair[0]).add(b)
        for rule_number, (side_a, side_b) in found.items():
            flags.append(_rule_flag(kb, kb.rules[rule_number], (first, second), (side_a, side_b), egfr))
    for rule in kb.rules:
        if len(rule.roles) > 2:
            flags.extend(_multi_role(kb, rule, units, egfr))
    return flags


def _multi_role(kb: KnowledgeBase, rule: InteractionRule, units: list[_Unit], egfr: float | None) -> list[Flag]:
    candidates = [[unit for unit in units if unit.ingredients & role and (unit.systemic or rule.include_local)]
                  for role in rule.roles]
    if not all(candidates):
        return []
    for chosen in product(*candidates):
        # Roles may share a combination product (an ACE inhibitor/diuretic tablet), but not all of them.
        if len({id(unit) for unit in chosen}) > 1:
            sets = [set(unit.ingredients & role) for unit, role in zip(chosen, rule.roles, strict=True)]
            return [_rule_flag(kb, rule, list({id(unit): unit for unit in chosen}.values()), sets, egfr)]
    return []


def _duplicates(units: list[_Unit], kb: KnowledgeBase) -> list[Flag]:
    flags: list[Flag] = []
    for unit in units:
        lists = [name for name, _ in unit.entries]
        if len(lists) != len(set(lists)) and unit.systemic:
            flags.append(Flag(
                kind="duplicate", severity="minor", resource_ids=_resource_ids([unit]),
                ingredients=_names(kb, unit.ingredients),
                summary=f"{', '.join(_names(kb, unit.ingredients))}: listed more than once on the same list",
                rule_id="duplicate-same-product",
                management="Check whether both entries are meant (e.g. two strengths) or one should be removed.",
            ))
    for first, second in combinations([unit for unit in units if unit.systemic], 2):
        shared = first.ingredients & second.ingredients
        if shared:
            severity = max((kb.same_ingredient_severity.get(i, "moderate") for i in shared), key=SEVERITY_RANK.get)
            if first.as_needed_only or second.as_needed_only:
                severity = "minor"
            names = ", ".join(_names(kb, shared))
            flags.append(Flag(
                kind="duplicate", severity=severity, resource_ids=_resource_ids([first, second]),
                ingredients=_names(kb, shared), summary=f"{names}: same ingredient in two medications",
                rule_id="duplicate-ingredient",
                effect="The patient may take the ingredient twice (e.g. alone and inside a combination product).",
                management="Keep one product, or confirm the total daily dose is intended.",
                sources=("Consult Desktop knowledge base: duplicate therapy check",),
            ))
            continue
        best: tuple[str, str, str] | None = None  # (severity, class name, class id)
        for a, b in product(first.ingredients, second.ingredients):
            shared_classes = kb.duplicate_keys.get(a, frozenset()) & kb.duplicate_keys.get(b, frozenset())
            if not shared_classes or frozenset((a, b)) in kb.allowed_pairs:
                continue
            for found in shared_classes:
                if best is None or (SEVERITY_RANK[found[0]], found[2]) > (SEVERITY_RANK[best[0]], best[2]):
                    best = found
        if best is not None:
            severity, class_name, class_id = best
            flags.append(Flag(
                kind="duplicate", severity=severity, resource_ids=_resource_ids([first, second]),
                ingredients=_names(kb, first.ingredients | second.ingredients),
                summary=f"{', '.join(_names(kb, first.ingredients))} + {', '.join(_names(kb, second.ingredients))}:"
                        f" two medicines of the same class ({class_name})",
                rule_id=f"duplicate-class:{class_id}",
                effect="Two medicines with the same action add up their adverse effects without added benefit.",
                management="Check whether one replaces the other (a switch at the hospital) and stop the other.",
                sources=("WHO ATC classification (level 4), Consult Desktop duplicate classes",),
            ))
    return flags


def _allergy_flags(units: list[_Unit], allergies: list[AllergyEntry], kb: KnowledgeBase) -> list[Flag]:
    flags: list[Flag] = []
    for unit, allergy in product(units, allergies):
        hit: tuple[str, set[str], str, tuple[str, ...], str] | None = None
        direct = unit.ingredients & allergy.ingredient_ids
        if direct:
            hit = ("contraindicated", direct, "allergy-substance", (), "documented allergy to this substance")
        else:
            for class_id in sorted(allergy.class_ids):
                allergy_class = kb.allergy_classes[class_id]
                members = unit.ingredients & allergy_class.members
                if members and (hit is None or SEVERITY_RANK["major"] > SEVERITY_RANK[hit[0]]):
                    hit = ("major", members, f"allergy-class:{class_id}", allergy_class.sources,
                           f"allergy to a medicine of the same class ({allergy_class.name})")
                for other, severity, note in allergy_class.cross:
                    other_class = kb.allergy_classes[other]
                    members = unit.ingredients & other_class.members
                    if members and (hit is None or SEVERITY_RANK[severity] > SEVERITY_RANK[hit[0]]):
                        hit = (severity, members, f"allergy-cross:{class_id}:{other}",
                               allergy_class.sources, f"possible cross-reactivity: {note}")
        if hit is None:
            continue
        severity, members, rule_id, sources, reason = hit
        flags.append(Flag(
            kind="allergy", severity=severity, resource_ids=(*_resource_ids([unit]), allergy.resource_id),
            ingredients=_names(kb, members), summary=f"{', '.join(_names(kb, members))}: {reason}",
            rule_id=rule_id, effect="Risk of an allergic reaction.",
            management="Check the nature of the recorded reaction before giving; choose an alternative if it "
                       "was a true allergy.",
            sources=sources or ("AllergyIntolerance record of the patient",),
        ))
    return flags


def _renal_flags(units: list[_Unit], kb: KnowledgeBase, egfr: float) -> list[Flag]:
    flags: list[Flag] = []
    for unit in units:
        if not unit.systemic:
            continue
        for rule in kb.renal_rules:
            members = unit.ingredients & rule.ingredients
            threshold = next((item for item in rule.thresholds if egfr < item.egfr_below), None)
            if not members or threshold is None:
                continue
            names = ", ".join(_names(kb, members))
            flags.append(Flag(
                kind="renal", severity=threshold.severity, resource_ids=_resource_ids([unit]),
                ingredients=_names(kb, members),
                summary=f"{names}: eGFR {egfr:g} is below {threshold.egfr_below:g} mL/min/1.73m²",
                rule_id=rule.id, effect=rule.effect, management=threshold.advice, sources=rule.sources,
            ))
    return flags

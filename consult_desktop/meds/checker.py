"""Checks hospital and GP medication lists for interactions, duplicates, allergies, doses and renal cautions.

`check()` is pure (no I/O beyond the first knowledge-base load) and safe on any thread; for 60 medications it
takes a few milliseconds once the knowledge base is loaded. Texts come in the requested language (en/fr/nl).
What could not be checked is said: unresolved medications and allergies (`not_checked`,
`not_checked_allergies`) and, per medication, whether any rule covers it (`coverage`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations, product
from typing import Any

from consult_desktop.meds.allergies import parse_allergy
from consult_desktop.meds.allergy_check import allergy_flags
from consult_desktop.meds.dose_check import dose_flags
from consult_desktop.meds.flag_grouping import dose_over_duplicates, merge_problems, supersede
from consult_desktop.meds.knowledge_base import NO_FLAG, InteractionRule, KnowledgeBase, load_knowledge_base
from consult_desktop.meds.language import colon, localise, phrase, process_language
from consult_desktop.meds.models import (
    COVERAGE_CHECKED,
    COVERAGE_NO_RULES,
    COVERAGE_NOT_RESOLVED,
    SEVERITY_RANK,
    AllergyEntry,
    CheckResult,
    Flag,
    MedicationEntry,
)
from consult_desktop.meds.normalise import Resolver, normalise
from consult_desktop.meds.opioid_load import opioid_load_flag
from consult_desktop.meds.renal_check import PatientFacts, RenalFunction, renal_flags, renal_function
from consult_desktop.meds.units import Unit, group_units

_KIND_ORDER = {"allergy": 0, "interaction": 1, "dose": 2, "duplicate": 3, "renal": 4}
HEART_FAILURE = "heart_failure"
HEART_FAILURE_REGIMEN = "heart_failure_regimen"
# Medicines given only for heart failure (with the loop diuretic + beta-blocker pattern below).
_HF_ONLY = frozenset({"sacubitril", "eplerenone", "ivabradine"})
_HF_BETA_BLOCKERS = frozenset({"bisoprolol", "carvedilol", "metoprolol", "nebivolol"})
_HF_SGLT2 = frozenset({"dapagliflozin", "empagliflozin"})
_SAME_LIST_DEFAULT = "minor"


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
    language: str | None = None,
    patient: PatientFacts | None = None,
) -> CheckResult:
    """All flags for the active medications of both lists, most severe first, and what could not be checked.

    `egfr` (mL/min/1.73 m2) is used for the renal checks unless `patient` gives age, sex, weight and serum
    creatinine, in which case the Cockcroft-Gault creatinine clearance is used (the flags say which). Without
    `language` the texts are in the process language (the desktop program's interface language, else English).
    """
    kb = kb or load_knowledge_base()
    language = language or process_language()
    lists = (("hospital", as_entries(hospital, resolve_reference, kb)), ("gp", as_entries(gp, resolve_reference, kb)))
    active = [entry for _, entries in lists for entry in entries if entry.active]
    not_checked = [entry.resource_id for entry in active if not entry.resolved or not entry.complete]
    units = group_units(lists)
    parsed = [item if isinstance(item, AllergyEntry) else parse_allergy(item, kb) for item in allergies]
    allergy_entries = [item for item in parsed if item is not None]
    renal = renal_function(egfr, patient)
    flags = _interactions(units, kb, renal, language)
    flags += _duplicates(units, kb, language)
    flags += dose_flags(units, kb, patient, language)
    load = opioid_load_flag(units, kb, language)
    if load is not None:
        flags.append(load)
    flags += allergy_flags(units, [item for item in allergy_entries if item.resolved], kb, language)
    if renal is not None:
        flags += renal_flags(units, kb, renal, language)
    flags = supersede(flags, kb)
    flags = dose_over_duplicates(flags)
    flags = merge_problems(flags)
    flags.sort(key=lambda flag: (-flag.rank, _KIND_ORDER[flag.kind], flag.summary))
    return CheckResult(
        flags=tuple(flags), not_checked=tuple(dict.fromkeys(not_checked)),
        not_checked_allergies=tuple(item.resource_id for item in allergy_entries if not item.resolved),
        coverage=tuple(dict.fromkeys((entry.resource_id, _coverage(entry, kb)) for entry in active)),
        renal_basis=renal.basis if renal else "", renal_value=renal.value if renal else None,
    )


def _coverage(entry: MedicationEntry, kb: KnowledgeBase) -> str:
    if not entry.resolved or not entry.complete:
        return COVERAGE_NOT_RESOLVED
    return COVERAGE_CHECKED if entry.ingredient_ids & kb.covered else COVERAGE_NO_RULES


def _names(kb: KnowledgeBase, ids: Iterable[str], language: str) -> tuple[str, ...]:
    return tuple(sorted({kb.name(item, language) for item in ids}))


def _resource_ids(units: Iterable[Unit]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(rid for unit in units for rid in unit.resource_ids))


def _contexts(units: Sequence[Unit]) -> frozenset[str]:
    """Clinical contexts the medication list shows. Heart failure: an ARNI, eplerenone or ivabradine, or a loop
    diuretic with an SGLT2 inhibitor or a heart-failure beta-blocker. `heart_failure_regimen` is the same shown
    without the SGLT2 inhibitor, for the rules about that inhibitor itself."""
    present = frozenset().union(*(unit.ingredients for unit in units)) if units else frozenset()
    loop = bool(present & {"furosemide", "bumetanide", "torasemide"})
    regimen = bool(present & _HF_ONLY or (loop and present & _HF_BETA_BLOCKERS))
    contexts = {HEART_FAILURE} if regimen or (loop and present & _HF_SGLT2) else set()
    if regimen:
        contexts.add(HEART_FAILURE_REGIMEN)
    return frozenset(contexts)


def _severity(rule: InteractionRule, units: Sequence[Unit], renal: RenalFunction | None,
              contexts: frozenset[str]) -> str:
    severity = rule.severity
    for modifier in rule.modifiers:
        if modifier.context is not None:
            if modifier.context in contexts:
                severity = modifier.severity
            continue
        if modifier.egfr_below is not None:
            if renal is not None and renal.value < modifier.egfr_below:
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


def _rule_flag(kb: KnowledgeBase, rule: InteractionRule, units: Sequence[Unit], sides: Sequence[set[str]],
               renal: RenalFunction | None, contexts: frozenset[str], language: str) -> Flag:
    """The rule's flag for these medicines; its severity is NO_FLAG when a context makes it intended treatment."""
    names = " + ".join(", ".join(_names(kb, ids, language)) for ids in sides)
    severity = _severity(rule, units, renal, contexts)
    problem = rule.problem
    if problem == "perpetrator" and severity != NO_FLAG:  # serious and lesser effects of one inhibitor stay apart
        band = "serious" if SEVERITY_RANK[severity] >= SEVERITY_RANK["major"] else "other"
        problem = f"perpetrator:{'+'.join(sorted(sides[-1]))}:{band}"
    return Flag(
        kind="interaction",
        severity=severity,
        resource_ids=_resource_ids(units),
        ingredients=_names(kb, set().union(*sides), language),
        summary=f"{names}{colon(language)}{localise(rule.title, language)}",
        rule_id=rule.id,
        effect=localise(rule.effect, language),
        mechanism=localise(rule.mechanism, language),
        management=localise(rule.management, language),
        sources=rule.sources,
        ingredient_ids=tuple(sorted(set().union(*sides))),
        problem=problem,
    )


def _interactions(units: list[Unit], kb: KnowledgeBase, renal: RenalFunction | None, language: str
                  ) -> list[Flag]:
    contexts = _contexts(units)
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
        for rule_number, sides in found.items():
            flags.append(_rule_flag(kb, kb.rules[rule_number], (first, second), sides, renal, contexts, language))
    for rule in kb.rules:
        if len(rule.roles) > 2:
            flags.extend(_multi_role(kb, rule, units, renal, contexts, language))
    return [flag for flag in flags if flag.severity != NO_FLAG]


def _multi_role(kb: KnowledgeBase, rule: InteractionRule, units: list[Unit], renal: RenalFunction | None,
                contexts: frozenset[str], language: str) -> list[Flag]:
    """One flag naming every medicine that fills a role of a composite rule (all the RAAS blockers, all the
    diuretics), when the roles are filled by at least two different medicines."""
    candidates = [[unit for unit in units if unit.ingredients & role and (unit.systemic or rule.include_local)]
                  for role in rule.roles]
    if not all(candidates):
        return []
    # Roles may share a combination product (an ACE inhibitor/diuretic tablet), but not all of them.
    if not any(len({id(unit) for unit in chosen}) > 1 for chosen in product(*candidates)):
        return []
    sets = [set().union(*(unit.ingredients & role for unit in members))
            for members, role in zip(candidates, rule.roles, strict=True)]
    distinct = list({id(unit): unit for members in candidates for unit in members}.values())
    return [_rule_flag(kb, rule, distinct, sets, renal, contexts, language)]


def _same_list_flags(units: list[Unit], kb: KnowledgeBase, language: str) -> list[Flag]:
    flags: list[Flag] = []
    for unit in units:
        lists = [name for name, _ in unit.entries]
        if len(lists) == len(set(lists)) or not unit.systemic:
            continue
        severity = max((kb.same_ingredient_severity.get(i, _SAME_LIST_DEFAULT) for i in unit.ingredients),
                       key=SEVERITY_RANK.__getitem__)
        if unit.as_needed_only or any(entry.dosage.as_needed for _, entry in unit.entries):
            severity = _SAME_LIST_DEFAULT
        names = ", ".join(_names(kb, unit.ingredients, language))
        flags.append(Flag(
            kind="duplicate", severity=severity, resource_ids=_resource_ids([unit]),
            ingredients=_names(kb, unit.ingredients, language),
            summary=f"{names}{colon(language)}{phrase('same_list', language)}", rule_id="duplicate-same-product",
            management=phrase("same_list_advice", language), ingredient_ids=tuple(sorted(unit.ingredients)),
            sources=("Consult Desktop knowledge base: duplicate therapy check",),
        ))
    return flags


def _duplicates(units: list[Unit], kb: KnowledgeBase, language: str) -> list[Flag]:
    flags = _same_list_flags(units, kb, language)
    for first, second in combinations([unit for unit in units if unit.systemic], 2):
        shared = first.ingredients & second.ingredients
        if shared:
            severity = max((kb.same_ingredient_severity.get(i, "moderate") for i in shared), key=SEVERITY_RANK.get)
            if first.as_needed_only or second.as_needed_only:
                severity = "minor"
            flags.append(Flag(
                kind="duplicate", severity=severity, resource_ids=_resource_ids([first, second]),
                ingredients=_names(kb, shared, language),
                summary=f"{', '.join(_names(kb, shared, language))}{colon(language)}"
                        f"{phrase('same_ingredient', language)}",
                rule_id="duplicate-ingredient", effect=phrase("same_ingredient_effect", language),
                management=phrase("same_ingredient_advice", language),
                sources=("Consult Desktop knowledge base: duplicate therapy check",),
                ingredient_ids=tuple(sorted(shared)),
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
            if first.as_needed_only or second.as_needed_only:  # a reliever beside a regular medicine
                severity = "minor"
            name = localise(kb.duplicate_class_names.get(class_id), language) or class_name
            flags.append(Flag(
                kind="duplicate", severity=severity, resource_ids=_resource_ids([first, second]),
                ingredients=_names(kb, first.ingredients | second.ingredients, language),
                summary=f"{', '.join(_names(kb, first.ingredients, language))} + "
                        f"{', '.join(_names(kb, second.ingredients, language))}{colon(language)}"
                        f"{phrase('same_class', language, name=name)}",
                rule_id=f"duplicate-class:{class_id}", effect=phrase("same_class_effect", language),
                management=phrase("same_class_advice", language),
                sources=("WHO ATC classification (level 4), Consult Desktop duplicate classes",),
                ingredient_ids=tuple(sorted(first.ingredients | second.ingredients)),
            ))
    return flags

"""One clinical problem, one flag: composite rules supersede their pairs, and flags of one problem are merged.

- A rule's `supersedes` list removes the flags of those (pair) rules that are about medicines the composite flag
  already covers ("triple whammy" over NSAID + ACE inhibitor and NSAID + diuretic); the opioid load stands for
  the "two opioids" duplicate the same way.
- Flags whose rules share a `problem` (bleeding, sedation and respiratory depression, serotonin toxicity, QT,
  hyperkalaemia, ...) and that touch a common medicine become one flag with the most severe one at its head.
- `problem: perpetrator` groups the flags of one enzyme inhibitor or inducer ("clarithromycin raises colchicine,
  digoxin and rivaroxaban") by that medicine.
- Renal flags form one "kidney function" flag, and the flags of one allergy record one allergy flag.
- A dose flag for an ingredient stands for the "same ingredient twice" and renal flags of that ingredient.
The flags a merged flag stands for are listed in its `includes`. Pure; safe on any thread.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from consult_desktop.meds.knowledge_base import KnowledgeBase
from consult_desktop.meds.models import Flag

# Problems about the patient rather than a pair of medicines: merged even without a shared medicine.
_PATIENT_LEVEL = ("renal", "allergy:")
_SAME_INGREDIENT_RULES = frozenset({"duplicate-ingredient", "duplicate-same-product"})
_HEAD_ORDER = {"allergy": 0, "interaction": 1, "dose": 2, "duplicate": 3, "renal": 4}


def _absorb(head: Flag, others: Sequence[Flag]) -> Flag:
    if not others:
        return head
    resources = tuple(dict.fromkeys((*head.resource_ids, *(rid for flag in others for rid in flag.resource_ids))))
    ingredients = tuple(sorted({*head.ingredients, *(name for flag in others for name in flag.ingredients)}))
    ids = tuple(sorted({*head.ingredient_ids, *(item for flag in others for item in flag.ingredient_ids)}))
    includes = tuple(dict.fromkeys((*head.includes, *(_described(flag) for flag in others),
                                    *(item for flag in others for item in flag.includes))))
    related = tuple(sorted(set().union(*(flag.problem_keys for flag in (head, *others))) - {head.problem}))
    return dataclasses.replace(head, resource_ids=resources, ingredients=ingredients, ingredient_ids=ids,
                               includes=includes, related_problems=related)


def _described(flag: Flag) -> str:
    return f"{flag.summary} — {flag.management}" if flag.management else flag.summary


def _superseded_rules(rule_id: str, kb: KnowledgeBase) -> tuple[str, ...]:
    """The rules whose flags a flag of `rule_id` stands for: a composite interaction rule's pairs, or the
    "two opioids" duplicate for the opioid load."""
    rule = kb.rule_by_id.get(rule_id)
    if rule is not None:
        return rule.supersedes
    load = kb.opioid_load
    return load.supersedes if load is not None and load.id == rule_id else ()


def supersede(flags: list[Flag], kb: KnowledgeBase) -> list[Flag]:
    """Remove pair flags that a composite flag on the same medicines stands for (never a more severe one); the
    opioid load stands for the "two opioids" duplicate the same way."""
    result = list(flags)
    for composite in list(flags):
        superseded = _superseded_rules(composite.rule_id, kb)
        if not superseded or not any(item is composite for item in result):
            continue  # not a composite, or already absorbed by another one
        covered = set(composite.resource_ids)
        absorbed = [other for other in result if other is not composite and other.rule_id in superseded
                    and set(other.resource_ids) <= covered and other.rank <= composite.rank]
        if absorbed:
            merged = _absorb(composite, absorbed)
            result = [merged if other is composite else other for other in result
                      if not any(other is item for item in absorbed)]
    return result


def dose_over_duplicates(flags: list[Flag]) -> list[Flag]:
    """A dose flag on an ingredient stands for the duplicate and renal flags about that ingredient alone.

    The most severe of them leads (the dose flag when equal), so nothing is graded down.
    """
    dosed = {flag.ingredient_ids for flag in flags if flag.kind == "dose"}
    groups: dict[tuple[str, ...], list[Flag]] = {}
    keep: list[Flag] = []
    for flag in flags:
        related = flag.kind == "dose" or flag.kind == "renal" or flag.rule_id in _SAME_INGREDIENT_RULES
        if related and flag.ingredient_ids in dosed:
            groups.setdefault(flag.ingredient_ids, []).append(flag)
        else:
            keep.append(flag)
    for members in groups.values():
        ordered = sorted(members, key=lambda item: (-item.rank, item.kind != "dose"))
        # with a renal flag among them it is a kidney-function dosing problem: one flag with the other renal ones
        problem = "renal" if any(item.kind == "renal" for item in members) else next(
            (item.problem for item in members if item.kind == "dose" and item.problem), "")
        keep.append(dataclasses.replace(_absorb(ordered[0], ordered[1:]), problem=problem))
    return keep


def merge_problems(flags: list[Flag]) -> list[Flag]:
    """Merge flags with a common problem key that share a medicine (patient-level problems: always).

    A flag that already stands for flags of other problems (a composite that absorbed a pair) carries their
    keys too, so the rest of those problems joins it rather than standing beside it.
    """
    groups: list[list[Flag]] = []
    out: list[Flag] = []
    for flag in flags:
        keys = flag.problem_keys
        if not keys:
            out.append(flag)
            continue
        touching = [group for group in groups if _joins(flag, keys, group)]
        merged = [flag]
        for group in touching:
            merged += group
            groups.remove(group)
        groups.append(merged)
    for group in groups:
        ordered = sorted(group, key=lambda item: (-item.rank, _HEAD_ORDER.get(item.kind, 9), -len(item.includes),
                                                  item.summary))
        out.append(_absorb(ordered[0], ordered[1:]))
    return out


def _joins(flag: Flag, keys: frozenset[str], group: list[Flag]) -> bool:
    for member in group:
        common = keys & member.problem_keys
        if common and (any(key.startswith(_PATIENT_LEVEL) for key in common)
                       or set(flag.resource_ids) & set(member.resource_ids)):
            return True
    return False

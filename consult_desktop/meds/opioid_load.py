"""The opioid load flag: every opioid the patient takes, in oral morphine milligram equivalents (MME) a day.

Each unit's daily amount is read as for the maximum-dose rules (the hospital's dose for a medicine on both
lists); a fentanyl patch counts its micrograms an hour (patches worn at once x strength). An opioid whose
amount cannot be read, or that has no factor (buprenorphine, fentanyl other than a patch), adds nothing and
makes the total "at least". The flag stands for the "two opioids" duplicate flag and joins the flags of its
problem (sedation and respiratory depression). Pure; safe on any thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from consult_desktop.meds.kb_doses import OpioidLoadRule
from consult_desktop.meds.knowledge_base import KnowledgeBase
from consult_desktop.meds.language import colon, localise, number, phrase
from consult_desktop.meds.models import Flag
from consult_desktop.meds.units import Unit

_OPIOID_CLASS = "opioids"


def _patch_mcg_per_hour(unit: Unit, ingredient_id: str) -> float | None:
    """Micrograms an hour of the patches worn at once (None when the strength is not per hour)."""
    for entry in unit.dosing_entries:
        strength = entry.strength_of(ingredient_id)
        if strength is not None and strength.unit == "mg/h":
            pieces = entry.dosage.dose_value if entry.dosage.dose_value is not None else 1.0
            return strength.value * 1000 * pieces
    return None


def _unit_mme(rule: OpioidLoadRule, unit: Unit, ingredient_id: str) -> float | None:
    if ingredient_id in rule.transdermal_factors:
        per_hour = _patch_mcg_per_hour(unit, ingredient_id)
        if per_hour is not None:
            return per_hour * rule.transdermal_factors[ingredient_id]
    if ingredient_id in rule.oral_factors:
        amount, complete = unit.daily_mg(ingredient_id)
        if complete and amount > 0:
            return amount * rule.oral_factors[ingredient_id]
    return None


def opioid_load_flag(units: Sequence[Unit], kb: KnowledgeBase, language: str) -> Flag | None:
    rule = kb.opioid_load
    if rule is None:
        return None
    opioids = kb.groups.get(_OPIOID_CLASS, frozenset()) | rule.ingredients
    parts: dict[str, float] = {}
    holders: list[Unit] = []
    complete = True
    for unit in units:
        if not unit.systemic:
            continue
        for ingredient_id in sorted(unit.ingredients & opioids):
            holders.append(unit)
            mme = _unit_mme(rule, unit, ingredient_id)
            if mme is None:
                complete = False
            else:
                parts[ingredient_id] = parts.get(ingredient_id, 0.0) + mme
    total = round(sum(parts.values()))
    reached = next(((limit, severity) for limit, severity in rule.thresholds if total >= limit), None)
    if reached is None:
        return None
    limit, severity = reached
    ids = tuple(sorted(parts))
    names = [kb.name(item, language) for item in ids]
    detail = ", ".join(f"{kb.name(item, language).lower()} {number(round(parts[item]), language)}" for item in ids)
    text = phrase("opioid_load" if complete else "opioid_load_at_least", language, mme=number(total, language),
                  parts=detail, limit=number(round(limit), language))
    return Flag(
        kind="dose", severity=severity,
        resource_ids=tuple(dict.fromkeys(rid for unit in holders for rid in unit.resource_ids)),
        ingredients=tuple(names), summary=f"{' + '.join(names)}{colon(language)}{text}", rule_id=rule.id,
        effect=localise(rule.effect, language), management=localise(rule.advice, language), sources=rule.sources,
        ingredient_ids=ids, problem=rule.problem,
    )

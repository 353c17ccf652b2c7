"""Dose flags: an ingredient's daily total over all the patient's medicines against the knowledge base's maxima.

The total adds every unit (medicine) that contains the ingredient, combination products included; a unit counts
the hospital's dose when the hospital lists it (see `units.Unit.dosing_entries`). A unit whose dose cannot be
read adds nothing, so a flag on an incomplete total says "at least". Once-a-week medicines (methotrexate) are
flagged when scheduled more often. Pure; safe on any thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from consult_desktop.meds.kb_parts import DoseRule
from consult_desktop.meds.knowledge_base import KnowledgeBase
from consult_desktop.meds.language import colon, localise, number, phrase
from consult_desktop.meds.models import Flag
from consult_desktop.meds.renal_check import PatientFacts
from consult_desktop.meds.units import Unit

_WEEKLY_TOLERANCE = 1.01  # once a week, allowing for rounding of 1/7 per day


def _amount(mg: float, language: str) -> str:
    if mg >= 1000 and round(mg) % 100 == 0:
        return f"{number(round(mg / 1000, 2), language)} g"
    return f"{number(round(mg, 2), language)} mg"


def _limit(rule: DoseRule, patient: PatientFacts | None) -> float | None:
    if rule.min_age is not None and (patient is None or patient.age is None or patient.age < rule.min_age):
        return None
    if rule.max_mg_per_kg is not None:
        weight = patient.weight_kg if patient is not None else None
        if weight is None or rule.below_weight_kg is None or weight >= rule.below_weight_kg:
            return None
        return rule.max_mg_per_kg * weight
    return rule.max_daily_mg


def dose_flags(units: Sequence[Unit], kb: KnowledgeBase, patient: PatientFacts | None, language: str) -> list[Flag]:
    flags: list[Flag] = []
    systemic = [unit for unit in units if unit.systemic]
    for rule in kb.dose_rules:
        for ingredient_id in sorted(rule.ingredients):
            holders = [unit for unit in systemic if ingredient_id in unit.ingredients]
            if not holders:
                continue
            if rule.weekly_only:
                flag = _weekly_flag(rule, ingredient_id, holders, kb, language)
            elif rule.strength_above_mg is not None:
                flag = _reduced_dose_flag(rule, ingredient_id, holders, kb, patient, language)
            else:
                flag = _maximum_flag(rule, ingredient_id, holders, kb, patient, language)
            if flag is not None:
                flags.append(flag)
    return flags


def _flag(rule: DoseRule, ingredient_id: str, holders: Sequence[Unit], kb: KnowledgeBase, text: str,
          language: str) -> Flag:
    name = kb.name(ingredient_id, language)
    return Flag(
        kind="dose", severity=rule.severity,
        resource_ids=tuple(dict.fromkeys(rid for unit in holders for rid in unit.resource_ids)),
        ingredients=(name,), summary=f"{name}{colon(language)}{text}", rule_id=rule.id,
        effect=localise(rule.effect, language), management=localise(rule.advice, language), sources=rule.sources,
        ingredient_ids=(ingredient_id,), problem=rule.problem,
    )


def _maximum_flag(rule: DoseRule, ingredient_id: str, holders: Sequence[Unit], kb: KnowledgeBase,
                  patient: PatientFacts | None, language: str) -> Flag | None:
    limit = _limit(rule, patient)
    if limit is None:
        return None
    total, complete = 0.0, True
    for unit in holders:
        amount, known = unit.daily_mg(ingredient_id)
        total += amount
        complete = complete and known
    if total <= limit * 1.001:
        return None
    key = "daily_dose" if complete else "daily_dose_at_least"
    text = phrase(key, language, dose=_amount(total, language), limit=_amount(limit, language))
    return _flag(rule, ingredient_id, holders, kb, text, language)


def _met_criteria(rule: DoseRule, patient: PatientFacts | None, language: str) -> list[str]:
    """The patient criteria of a reduced-dose rule that hold (unknown values do not count), as text."""
    if patient is None:
        return []
    values = {"age_at_least": patient.age, "weight_at_most_kg": patient.weight_kg,
              "creatinine_at_least_mg_dl": patient.creatinine_mg_dl}
    met = []
    for name, limit in rule.criteria:
        value = values.get(name)
        if value is None or (value > limit if name == "weight_at_most_kg" else value < limit):
            continue
        met.append(phrase(name, language, value=number(round(value, 2), language)))
    return met


def _reduced_dose_flag(rule: DoseRule, ingredient_id: str, holders: Sequence[Unit], kb: KnowledgeBase,
                       patient: PatientFacts | None, language: str) -> Flag | None:
    met = _met_criteria(rule, patient, language)
    if len(met) < rule.criteria_needed or rule.strength_above_mg is None:
        return None
    above = [unit for unit in holders if (unit.strength_mg(ingredient_id) or 0) > rule.strength_above_mg]
    if not above:
        return None
    strength = max(unit.strength_mg(ingredient_id) or 0 for unit in above)
    text = phrase("reduced_dose", language, strength=_amount(strength, language), criteria=", ".join(met))
    return _flag(rule, ingredient_id, above, kb, text, language)


def _weekly_flag(rule: DoseRule, ingredient_id: str, holders: Sequence[Unit], kb: KnowledgeBase,
                 language: str) -> Flag | None:
    per_week = sum(unit.per_week() or 0.0 for unit in holders)
    if per_week <= _WEEKLY_TOLERANCE:
        return None
    text = phrase("more_than_weekly", language, count=number(round(per_week, 1), language))
    return _flag(rule, ingredient_id, holders, kb, text, language)

"""Reads the dose part of the knowledge base (`doses.yaml`): maximum-dose rules and the opioid load rule.

Built by `knowledge_base.KnowledgeBase` while it loads; the checks themselves are in `dose_check` and
`opioid_load`. Pure; safe on any thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from consult_desktop.meds.kb_parts import DoseRule, KnowledgeBaseError, read_text
from consult_desktop.meds.language import Text

Resolve = Callable[[Any, str], frozenset[str]]
Severity = Callable[[str, str], str]


@dataclass(frozen=True, slots=True)
class OpioidLoadRule:
    """The day's opioids in oral morphine equivalents (MME), summed over every opioid the patient takes.

    `oral_factors`: mg of oral morphine per mg of the opioid by mouth; `transdermal_factors`: MME a day per
    microgram an hour of a patch. Thresholds are (MME a day, severity), the highest first.
    """

    id: str
    oral_factors: Mapping[str, float]
    transdermal_factors: Mapping[str, float]
    thresholds: tuple[tuple[float, str], ...]
    effect: Text
    advice: Text
    sources: tuple[str, ...]
    problem: str = ""
    covers_duplicate_class: str = ""  # the duplicate-class flag this flag stands for ("two opioids")

    @property
    def ingredients(self) -> frozenset[str]:
        return frozenset(self.oral_factors) | frozenset(self.transdermal_factors)

    @property
    def supersedes(self) -> tuple[str, ...]:
        """The flags this one stands for on its medicines, as a composite interaction rule's `supersedes`."""
        return (f"duplicate-class:{self.covers_duplicate_class}",) if self.covers_duplicate_class else ()


def _sources(raw: Mapping[str, Any], rule_id: str) -> tuple[str, ...]:
    sources = tuple(str(item) for item in raw.get("refs", ()))
    if not sources:
        raise KnowledgeBaseError(f"dose rule {rule_id}: no reference")
    return sources


def parse_dose_rule(raw: Mapping[str, Any], resolve: Resolve, severity: Severity) -> DoseRule:
    rule_id = str(raw["id"])
    return DoseRule(
        id=rule_id, ingredients=resolve(raw["ingredients"], rule_id),
        severity=severity(raw["severity"], rule_id), effect=read_text(raw.get("effect"), rule_id),
        advice=read_text(raw.get("advice"), rule_id), sources=_sources(raw, rule_id),
        max_daily_mg=raw.get("max_daily_mg"), min_age=raw.get("min_age"),
        max_mg_per_kg=raw.get("max_mg_per_kg"), below_weight_kg=raw.get("below_weight_kg"),
        weekly_only=bool(raw.get("weekly_only", False)), strength_above_mg=raw.get("strength_above_mg"),
        criteria=tuple((str(key), float(value)) for key, value in (raw.get("criteria") or {}).items()),
        criteria_needed=int(raw.get("criteria_needed", 1)), problem=str(raw.get("problem", "")),
    )


def parse_opioid_load(raw: Mapping[str, Any] | None, resolve: Resolve, severity: Severity
                      ) -> OpioidLoadRule | None:
    if not raw:
        return None
    rule_id = str(raw["id"])

    def factors(key: str) -> dict[str, float]:
        table = raw.get(key) or {}
        for ingredient in table:
            resolve([ingredient], rule_id)  # raises on an unknown ingredient
        return {str(name): float(value) for name, value in table.items()}

    thresholds = sorted(((float(item["from_mme"]), severity(item["severity"], rule_id))
                         for item in raw["thresholds"]), reverse=True)
    return OpioidLoadRule(
        id=rule_id, oral_factors=factors("oral_factors"), transdermal_factors=factors("transdermal_factors"),
        thresholds=tuple(thresholds), effect=read_text(raw.get("effect"), rule_id),
        advice=read_text(raw.get("advice"), rule_id), sources=_sources(raw, rule_id),
        problem=str(raw.get("problem", "")), covers_duplicate_class=str(raw.get("covers_duplicate_class", "")),
    )

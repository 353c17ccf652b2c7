"""Knowledge-base entries beyond ingredients and interaction rules: renal, dose, allergy and duplicate rules.

Plain frozen dataclasses built by `knowledge_base.KnowledgeBase` while it loads, plus the helpers that read
trilingual texts and derive the French/Dutch spelling of an INN. Pure; safe on any thread.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from consult_desktop.meds.language import LANGUAGES, Text


class KnowledgeBaseError(ValueError):
    """The knowledge base files are inconsistent (unknown reference, bad severity, duplicate id, missing text)."""


def read_text(value: Any, where: str) -> dict[str, str]:
    """A text of the knowledge base: {en, fr, nl} (a plain string is English only, for optional texts)."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {"en": value}
    if isinstance(value, Mapping):
        unknown = set(value) - set(LANGUAGES)
        if unknown:
            raise KnowledgeBaseError(f"{where}: unknown language {sorted(unknown)}")
        return {str(key): str(text) for key, text in value.items()}
    raise KnowledgeBaseError(f"{where}: a text must be a string or {{en, fr, nl}}")


@dataclass(frozen=True, slots=True)
class RenalThreshold:
    """Applies when renal function is below `below` and the prescribed amount exceeds the limits (if given)."""

    below: float
    severity: str
    advice: Text
    strength_above_mg: float | None = None  # per unit of the product
    daily_above_mg: float | None = None

    @property
    def egfr_below(self) -> float:  # the name of earlier versions
        return self.below


@dataclass(frozen=True, slots=True)
class RenalRule:
    id: str
    ingredients: frozenset[str]
    thresholds: tuple[RenalThreshold, ...]  # lowest first
    effect: Text
    sources: tuple[str, ...]
    alternatives: frozenset[str] = frozenset()  # medicines the advice may name besides the rule's own


@dataclass(frozen=True, slots=True)
class DoseRule:
    """A maximum daily dose (optionally from an age, or per kg below a weight), or a once-a-week-only medicine."""

    id: str
    ingredients: frozenset[str]
    severity: str
    effect: Text
    advice: Text
    sources: tuple[str, ...]
    max_daily_mg: float | None = None
    min_age: float | None = None  # the rule applies from this age only
    max_mg_per_kg: float | None = None  # applies when the patient's weight is known and below `below_weight_kg`
    below_weight_kg: float | None = None
    weekly_only: bool = False
    # A reduced strength that applies when enough patient criteria hold (DOAC dose-reduction criteria):
    strength_above_mg: float | None = None
    # (name, value), name "age_at_least", "weight_at_most_kg" or "creatinine_at_least_mg_dl"
    criteria: tuple[tuple[str, float], ...] = ()
    criteria_needed: int = 1
    problem: str = ""  # a flag of this rule merges with the flags of this problem (interaction rules' `problem`)


@dataclass(frozen=True, slots=True)
class CrossReaction:
    other_class: str
    severity: str
    note: Text


@dataclass(frozen=True, slots=True)
class AllergyClass:
    id: str
    name: Text
    members: frozenset[str]
    cross: tuple[CrossReaction, ...]
    sources: tuple[str, ...]
    umbrella: bool = False  # a class word only ("beta-lactams"), never inferred from one member


@dataclass(frozen=True, slots=True)
class SideChainGroup:
    """Beta-lactams sharing an identical or very similar R1 side chain (the main cause of cross-reactivity)."""

    id: str
    members: frozenset[str]


@dataclass(frozen=True, slots=True)
class DuplicateClass:
    id: str
    name: Text
    members: frozenset[str]
    severity: str


def collect_rule_texts(documents: Mapping[str, Any], fields: Sequence[str]) -> dict[str, dict[str, dict[str, str]]]:
    """Rule texts in other languages (files rule_texts_fr.yaml, rule_texts_nl.yaml): rule id -> language -> field."""
    found: dict[str, dict[str, dict[str, str]]] = {}
    for language in LANGUAGES:
        for raw in documents.get(f"rule_texts_{language}", []):
            texts = {name: str(raw[name]) for name in fields if raw.get(name)}
            found.setdefault(str(raw["id"]), {})[language] = texts
    return found


# --------------------------------------------------------------------------------------- ingredient names
# English INN endings and their Belgian French / Dutch spellings (amoxicillin -> amoxicilline, spironolactone ->
# spironolacton, omeprazole -> omeprazol, alendronate -> alendronaat).
_FR_ENDINGS = (("in", "ine"),)
_NL_ENDINGS = (("in", "ine"), ("one", "on"), ("ole", "ol"), ("ate", "aat"), ("yl", "yl"))
_ACID = re.compile(r"^(?P<stem>[a-z]+)ic acid$")


def localised_name(name: str, language: str, overrides: Mapping[str, Text] | None = None) -> str:
    """The ingredient's name as Belgian French or Dutch prescribers write it (explicit overrides first)."""
    if language == "en":
        return name
    override = (overrides or {}).get(name.lower())
    if override and override.get(language):
        return override[language]
    lowered = name.lower()
    acid = _ACID.match(lowered)
    if acid:
        stem = acid.group("stem")
        return f"acide {stem}ique" if language == "fr" else f"{stem}inezuur"
    if " " in lowered or "(" in lowered or not lowered.isalpha():
        return name
    for suffix, replacement in _FR_ENDINGS if language == "fr" else _NL_ENDINGS:
        if lowered.endswith(suffix) and len(lowered) > len(suffix) + 3:
            lowered = lowered[: -len(suffix)] + replacement
            break
    if language == "nl":
        lowered = lowered.replace("ph", "f")
    return lowered[:1].upper() + lowered[1:]


_SUFFIX_VARIANTS = (("in", "ine"), ("ine", "in"), ("one", "on"), ("ole", "ol"), ("ate", "aat"), ("ide", "id"))


def spelling_variants(phrase: str) -> set[str]:
    """French/Dutch/German spellings of an English INN: clarithromycin -> clarithromycine, claritromycine;
    spironolactone -> spironolacton; omeprazole -> omeprazol; alendronate -> alendronaat; morphine -> morfine."""
    head, _, last = phrase.rpartition(" ")
    endings = {last}
    for suffix, replacement in _SUFFIX_VARIANTS:
        if last.endswith(suffix) and len(last) > len(suffix) + 4 and not last.endswith(replacement):
            endings.add(last[: -len(suffix)] + replacement)
    variants: set[str] = set()
    for ending in endings:
        word = f"{head} {ending}" if head else ending
        variants |= {word, word.replace("ph", "f"), word.replace("th", "t"), word.replace("ph", "f").replace("th", "t")}
    variants.discard(phrase)
    return {variant for variant in variants if len(variant) >= 5}

"""Reads AllergyIntolerance resources into `AllergyEntry` (substance ingredients and allergy classes).

Entered-in-error, refuted, inactive and resolved records are ignored, and so are records of a non-medication
category (food, environment). Every other record is kept: one that names nothing we know comes back with no
ingredient and no class, and the checker reports it as not checked. The reaction written in brackets
("Pénicilline (urticaire)") is not part of the allergen. No fuzzy matching. Pure; safe on any thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from consult_desktop.meds.knowledge_base import KnowledgeBase, load_knowledge_base
from consult_desktop.meds.models import AllergyEntry
from consult_desktop.meds.normalise import ATC_SYSTEMS, RXNORM_SYSTEMS
from consult_desktop.meds.text_parser import fold_phrase, parse_product_text

_IGNORED_CLINICAL = frozenset({"inactive", "resolved"})
_IGNORED_VERIFICATION = frozenset({"entered-in-error", "refuted"})
_FILLER = frozenset(
    """allergy allergie allergies allergic allergique allergisch to for aan voor voor a au aux de la les le
    substance product drug drugs medication medicine geneesmiddel medicament class klasse classe intolerance
    intolerantie hypersensitivity overgevoeligheid hypersensibilite disorder finding history of aan
    contre indication contra indicatie voor van du des d l""".split()
)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NON_DRUG_CATEGORIES = frozenset({"food", "environment", "biologic"})


def _status(resource: dict[str, Any], key: str) -> str:
    concept = resource.get(key) or {}
    for coding in concept.get("coding") or ():
        if coding.get("code"):
            return str(coding["code"])
    return str(concept.get("text") or "")


def parse_allergy(resource: dict[str, Any], kb: KnowledgeBase | None = None) -> AllergyEntry | None:
    """None when the record does not apply (inactive, refuted, entered in error, not about a medicine)."""
    kb = kb or load_knowledge_base()
    if _status(resource, "clinicalStatus") in _IGNORED_CLINICAL:
        return None
    if _status(resource, "verificationStatus") in _IGNORED_VERIFICATION:
        return None
    categories = {str(item) for item in resource.get("category") or () if isinstance(item, str)}
    if categories and categories <= _NON_DRUG_CATEGORIES:
        return None
    code = resource.get("code") or resource.get("substance") or {}
    ingredient_ids: set[str] = set()
    class_ids: set[str] = set()
    texts = [str(code["text"])] if code.get("text") else []
    for coding in code.get("coding") or ():
        system = str(coding.get("system") or "")
        value = str(coding.get("code") or "")
        if system in RXNORM_SYSTEMS:
            ingredient_ids.update(kb.by_rxnorm.get(value, ()))
        elif system in ATC_SYSTEMS:
            prefix = value.upper()
            ingredient_ids.update(kb.by_atc.get(prefix, ()))
            if len(prefix) < 7:  # a class code such as J01C: every ingredient under it
                ingredient_ids.update(ingredient.id for ingredient in kb.ingredients.values()
                                      if any(atc.startswith(prefix) for atc in ingredient.atc))
        if coding.get("display"):
            texts.append(str(coding["display"]))
    for text in texts:
        found_class, found_ingredients = _read_text(text, kb)
        class_ids |= found_class
        ingredient_ids |= found_ingredients
    for class_id, allergy_class in kb.allergy_classes.items():
        if ingredient_ids & allergy_class.members and not allergy_class.umbrella:
            class_ids.add(class_id)
    label = texts[0] if texts else ""
    return AllergyEntry(
        resource_id=str(resource.get("id") or ""),
        label=label,
        ingredient_ids=frozenset(ingredient_ids),
        class_ids=frozenset(class_ids),
        criticality=str(resource.get("criticality") or ""),
    )


def is_recognised(text: str | None, code: str | None = None, system: str | None = None,
                  categories: Iterable[str] = (), kb: KnowledgeBase | None = None) -> bool:
    """Whether an allergy record names a substance or class the medication checks know (True for non-drug ones).

    For screens that show allergies from the domain model (the patient header) rather than FHIR resources.
    """
    coding = [{"system": system or "", "code": code}] if code else []
    entry = parse_allergy({"code": {"text": text or "", "coding": coding}, "category": list(categories)}, kb)
    return entry is None or entry.resolved


def _read_text(text: str, kb: KnowledgeBase) -> tuple[set[str], set[str]]:
    """Allergy classes and ingredients named by one text: a class phrase anywhere wins over ingredient names."""
    words = [word for word in fold_phrase(_BRACKETS.sub(" ", text)).split() if word not in _FILLER]
    if not words:  # the whole text was in brackets or filler: read it all
        words = [word for word in fold_phrase(text).split() if word not in _FILLER]
    for length in range(len(words), 0, -1):
        for start in range(len(words) - length + 1):
            class_id = kb.allergy_class_for_text(" ".join(words[start:start + length]))
            if class_id:
                return {class_id}, set()
    parsed = parse_product_text(" ".join(words), kb.phrases, kb.max_words)
    return set(), {item.ingredient_id for item in parsed.ingredients}

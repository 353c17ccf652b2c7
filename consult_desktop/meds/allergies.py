"""Reads AllergyIntolerance resources into `AllergyEntry` (substance ingredients and allergy classes).

Entered-in-error, refuted, inactive and resolved records are ignored. Pure; safe on any thread.
"""

from __future__ import annotations

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
    intolerantie hypersensitivity overgevoeligheid hypersensibilite disorder finding history of""".split()
)


def _status(resource: dict[str, Any], key: str) -> str:
    concept = resource.get(key) or {}
    for coding in concept.get("coding") or ():
        if coding.get("code"):
            return str(coding["code"])
    return str(concept.get("text") or "")


def parse_allergy(resource: dict[str, Any], kb: KnowledgeBase | None = None) -> AllergyEntry | None:
    """None when the record does not apply (inactive, refuted, entered in error) or names nothing we know."""
    kb = kb or load_knowledge_base()
    if _status(resource, "clinicalStatus") in _IGNORED_CLINICAL:
        return None
    if _status(resource, "verificationStatus") in _IGNORED_VERIFICATION:
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
        words = [word for word in fold_phrase(text).split() if word not in _FILLER]
        class_id = kb.allergy_class_for_text(" ".join(words))
        if class_id:
            class_ids.add(class_id)
            continue
        parsed = parse_product_text(" ".join(words), kb.phrases, kb.max_words)
        ingredient_ids.update(item.ingredient_id for item in parsed.ingredients)
    for class_id, allergy_class in kb.allergy_classes.items():
        if ingredient_ids & allergy_class.members:
            class_ids.add(class_id)
    if not ingredient_ids and not class_ids:
        return None
    label = texts[0] if texts else "allergy"
    return AllergyEntry(
        resource_id=str(resource.get("id") or ""),
        label=label,
        ingredient_ids=frozenset(ingredient_ids),
        class_ids=frozenset(class_ids),
        criticality=str(resource.get("criticality") or ""),
    )

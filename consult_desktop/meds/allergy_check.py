"""Allergy flags: the recorded allergen against each medicine, graded the same whatever the record's wording.

Same substance: contraindicated. Same class: major. Beta-lactams follow current guidance (Khan 2022, Romano
2020): a beta-lactam sharing the allergen's R1 side chain is major; a penicillin allergy that does not name the
penicillin gives moderate for the cephalosporins sharing the aminopenicillin side chain; other cephalosporins and
carbapenems are minor. Umbrella classes ("beta-lactams") apply only when the record names them. Pure; any thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product

from consult_desktop.meds.knowledge_base import KnowledgeBase
from consult_desktop.meds.language import Text, colon, localise, phrase
from consult_desktop.meds.models import SEVERITY_RANK, AllergyEntry, Flag
from consult_desktop.meds.units import Unit

_PENICILLIN_CLASS = "penicillins"
_AMINOPENICILLIN_CHAIN = "aminobenzyl"
_SIDE_CHAIN_NOTE: Text = {
    "en": "same or similar side chain as {allergen}",
    "fr": "chaîne latérale identique ou proche de celle de {allergen}",
    "nl": "zelfde of gelijkaardige zijketen als {allergen}"}
_UNNAMED_PENICILLIN_NOTE: Text = {
    "en": "the penicillin is not named; this cephalosporin shares the side chain of amoxicillin and ampicillin",
    "fr": "la pénicilline n'est pas précisée ; cette céphalosporine partage la chaîne latérale de l'amoxicilline et "
          "de l'ampicilline",
    "nl": "de penicilline is niet vermeld; deze cefalosporine deelt de zijketen van amoxicilline en ampicilline"}


@dataclass(frozen=True, slots=True)
class _Hit:
    severity: str
    members: frozenset[str]
    rule_id: str
    sources: tuple[str, ...]
    reason: str


def allergy_flags(units: Sequence[Unit], allergies: Sequence[AllergyEntry], kb: KnowledgeBase,
                  language: str) -> list[Flag]:
    flags: list[Flag] = []
    for unit, allergy in product(units, allergies):
        hit = _grade(unit, allergy, kb, language)
        if hit is None:
            continue
        names = tuple(sorted({kb.name(item, language) for item in hit.members}))
        flags.append(Flag(
            kind="allergy", severity=hit.severity,
            resource_ids=(*dict.fromkeys(unit.resource_ids), allergy.resource_id),
            ingredients=names, summary=f"{', '.join(names)}{colon(language)}{hit.reason}", rule_id=hit.rule_id,
            effect=phrase("allergy_effect", language), management=phrase("allergy_advice", language),
            sources=hit.sources or ("AllergyIntolerance record of the patient",),
            ingredient_ids=tuple(sorted(hit.members)), problem=f"allergy:{allergy.resource_id}",
        ))
    return flags


def _better(current: _Hit | None, candidate: _Hit) -> _Hit:
    if current is None or SEVERITY_RANK[candidate.severity] > SEVERITY_RANK[current.severity]:
        return candidate
    return current


def _grade(unit: Unit, allergy: AllergyEntry, kb: KnowledgeBase, language: str) -> _Hit | None:
    direct = unit.ingredients & allergy.ingredient_ids
    if direct:
        return _Hit("contraindicated", frozenset(direct), "allergy-substance", (),
                    phrase("allergy_substance", language))
    best: _Hit | None = None
    for hit in (*_side_chain_hits(unit, allergy, kb, language), *_class_hits(unit, allergy, kb, language)):
        best = _better(best, hit)
    return best


def _side_chain_hits(unit: Unit, allergy: AllergyEntry, kb: KnowledgeBase, language: str) -> list[_Hit]:
    hits: list[_Hit] = []
    sources = kb.allergy_classes["beta-lactams"].sources
    for chain in kb.side_chains:
        allergens = allergy.ingredient_ids & chain.members
        shared = (unit.ingredients & chain.members) - allergy.ingredient_ids
        if allergens and shared:
            allergen = ", ".join(sorted(kb.name(item, language) for item in allergens))
            note = localise(_SIDE_CHAIN_NOTE, language).format(allergen=allergen)
            hits.append(_Hit("major", frozenset(shared), f"allergy-side-chain:{chain.id}", sources,
                             phrase("allergy_cross", language, note=note)))
    penicillins = kb.allergy_classes[_PENICILLIN_CLASS]
    if _PENICILLIN_CLASS in allergy.class_ids and not allergy.ingredient_ids & penicillins.members:
        chain = next((item for item in kb.side_chains if item.id == _AMINOPENICILLIN_CHAIN), None)
        shared = unit.ingredients & chain.members & kb.groups["cephalosporins"] if chain else frozenset()
        if shared:
            note = localise(_UNNAMED_PENICILLIN_NOTE, language)
            hits.append(_Hit("moderate", frozenset(shared), "allergy-side-chain:unnamed-penicillin",
                             penicillins.sources, phrase("allergy_cross", language, note=note)))
    return hits


def _class_hits(unit: Unit, allergy: AllergyEntry, kb: KnowledgeBase, language: str) -> list[_Hit]:
    hits: list[_Hit] = []
    for class_id in sorted(allergy.class_ids):
        allergy_class = kb.allergy_classes[class_id]
        members = unit.ingredients & allergy_class.members
        if members:
            name = localise(allergy_class.name, language)
            hits.append(_Hit("major", frozenset(members), f"allergy-class:{class_id}", allergy_class.sources,
                             phrase("allergy_class", language, name=name)))
        for cross in allergy_class.cross:
            other = unit.ingredients & kb.allergy_classes[cross.other_class].members
            if other:
                note = localise(cross.note, language)
                hits.append(_Hit(cross.severity, frozenset(other), f"allergy-cross:{class_id}:{cross.other_class}",
                                 allergy_class.sources, phrase("allergy_cross", language, note=note)))
    return hits

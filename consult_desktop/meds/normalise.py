"""Turns a FHIR MedicationRequest / MedicationStatement (R4 JSON dict) into a `MedicationEntry`.

Resolution order: codes (ATC, RxNorm ingredient codes, CNK example table), then product text of the
concept, its codings and any contained or referenced Medication. Results are merged, so an ATC code and
a brand name that agree give one ingredient. Pure; safe on any thread once the knowledge base is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from consult_desktop.meds.dosage import parse_dosage
from consult_desktop.meds.knowledge_base import KnowledgeBase, load_knowledge_base
from consult_desktop.meds.models import LOCAL, SYSTEMIC, IngredientAmount, MedicationEntry, Strength
from consult_desktop.meds.text_parser import ParsedText, detect_route, fold, parse_product_text, route_hint

ATC_SYSTEM = "http://www.whocc.no/atc"
CNK_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/cnk-codes"
ATC_SYSTEMS = frozenset({ATC_SYSTEM, "urn:oid:2.16.840.1.113883.6.73", "http://whocc.no/atc"})
RXNORM_SYSTEMS = frozenset({"http://www.nlm.nih.gov/research/umls/rxnorm", "urn:oid:2.16.840.1.113883.6.88"})
CNK_SYSTEMS = frozenset({CNK_SYSTEM, "https://www.ehealth.fgov.be/standards/fhir/NamingSystem/cnk-codes"})
# SNOMED CT route codes that mean local application.
_LOCAL_ROUTE_CODES = frozenset({"6064005", "54485002", "10547007", "46713006", "18679011000001101",
                                "447694001", "16857009", "419762003", "372449004"})
_SYSTEMIC_ROUTE_CODES = frozenset({"26643006", "47625008", "78421000", "34206005", "37161004", "45890007",
                                   "37839007", "54471007"})

# Ingredients whose gels and sprays on the skin are made for systemic effect (hormone replacement).
_SYSTEMIC_ON_SKIN = frozenset({"estradiol", "testosterone"})
# Ingredients whose plasters act where they are applied (medicated plasters, unlike transdermal systems).
_LOCAL_PLASTER_INGREDIENTS = frozenset({"diclofenac", "ibuprofen", "ketoprofen", "flurbiprofen", "lidocaine",
                                        "capsaicin"})
_PLASTER_WORDS = frozenset({"patch", "patches", "plaster", "pleister", "pleisters", "emplatre", "pflaster",
                            "tissugel"})
_TRANSDERMAL_WORDS = frozenset({"transdermal", "transdermaal", "transdermique", "transdermale", "system"})
# WHO ATC groups made only for local use: dermatologicals (less the systemic D01B, D05B, D10B), eye and ear
# preparations, nasal and throat preparations, inhalants for obstructive airway disease (R03A, R03B: the
# oral forms have R03C/R03D codes), topical products for joint and muscle pain, hemorrhoid preparations,
# gynaecological anti-infectives and intrauterine contraceptives.
_LOCAL_ATC_PREFIXES = ("D", "S01", "S02", "S03", "R01A", "R02A", "R03A", "R03B", "M02A", "C05A", "G01", "G02BA")
_SYSTEMIC_ATC_PREFIXES = ("D01B", "D05B", "D10B")

Resolver = Callable[[str], "dict[str, Any] | None"]


def normalise(
    resource: dict[str, Any],
    resolve_reference: Resolver | None = None,
    kb: KnowledgeBase | None = None,
) -> MedicationEntry:
    """Reduce one medication resource to ingredients, route, status and dosage (never raises on content)."""
    kb = kb or load_knowledge_base()
    concept, medication = _medication_parts(resource, resolve_reference)
    codings = list(_codings(concept))
    texts = _texts(concept)
    strengths: dict[str, Strength] = {}
    form_text = ""
    if medication:
        code = medication.get("code") or {}
        codings += _codings(code)
        texts += _texts(code)
        form_text = " ".join(_texts(medication.get("form") or {}))
        for item in medication.get("ingredient") or ():
            item_concept = item.get("itemCodeableConcept") or (item.get("item") or {}).get("concept") or {}
            reference = (item.get("itemReference") or {}).get("reference")
            if reference and resolve_reference:
                item_concept = (resolve_reference(reference) or {}).get("code") or {}
            codings += _codings(item_concept)
            item_ids = _ids_from_codings(_codings(item_concept), kb)[0]
            parsed = [parse_product_text(text, kb.phrases, kb.max_words) for text in _texts(item_concept)]
            item_ids = item_ids or tuple(ing.ingredient_id for p in parsed for ing in p.ingredients)
            strength = _ratio_strength(item.get("strength") or item.get("strengthRatio") or {})
            for ingredient_id in item_ids:
                texts.append(kb.name(ingredient_id))
                if strength:
                    strengths[ingredient_id] = strength

    code_ids, via = _ids_from_codings(codings, kb)
    ingredients: dict[str, Strength | None] = {ingredient_id: None for ingredient_id in code_ids}
    text_complete = False
    for text in dict.fromkeys(texts):
        parsed: ParsedText = parse_product_text(text, kb.phrases, kb.max_words)
        if parsed.ingredients:
            if "text" not in via:
                via.append("text")
            text_complete = text_complete or parsed.complete
            for item in parsed.ingredients:
                if ingredients.get(item.ingredient_id) is None:
                    ingredients[item.ingredient_id] = item.strength
    for ingredient_id, strength in strengths.items():
        if ingredient_id in ingredients:
            ingredients[ingredient_id] = strength
    dosage_list = resource.get("dosageInstruction") or resource.get("dosage") or []
    folded_texts = [fold(text) for text in dict.fromkeys(texts)]
    route = _route(dosage_list, form_text, folded_texts, _local_by_code_or_brand(codings, folded_texts, kb))
    if route == LOCAL and _SYSTEMIC_ON_SKIN & ingredients.keys() and "vaginal" not in fold(" ".join(texts)):
        route = SYSTEMIC
    if route == SYSTEMIC and ingredients and ingredients.keys() <= _LOCAL_PLASTER_INGREDIENTS:
        words = {word for text in folded_texts for word in text.split()}
        if words & _PLASTER_WORDS and not words & _TRANSDERMAL_WORDS:
            route = LOCAL
    label = next(iter(texts), "") or "(medication without a name)"
    return MedicationEntry(
        resource_id=str(resource.get("id") or ""),
        resource_type=str(resource.get("resourceType") or ""),
        label=label,
        status=str(resource.get("status") or "unknown"),
        ingredients=tuple(IngredientAmount(key, value) for key, value in ingredients.items()),
        route=route,
        dosage=parse_dosage(dosage_list if isinstance(dosage_list, list) else []),
        resolved_by="+".join(via),
        complete=bool(ingredients) and (bool(code_ids) or text_complete),
    )


def _medication_parts(
    resource: dict[str, Any], resolve_reference: Resolver | None
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    concept = resource.get("medicationCodeableConcept")
    reference = (resource.get("medicationReference") or {}).get("reference")
    r5 = resource.get("medication")
    if isinstance(r5, dict):
        concept = concept or r5.get("concept")
        reference = reference or (r5.get("reference") or {}).get("reference")
    if resource.get("resourceType") == "Medication":
        return {}, resource
    medication = None
    if reference:
        if reference.startswith("#"):
            medication = next((item for item in resource.get("contained") or ()
                                if item.get("id") == reference[1:]), None)
        elif resolve_reference is not None:
            medication = resolve_reference(reference)
    return concept or {}, medication


def _codings(concept: dict[str, Any]) -> list[dict[str, Any]]:
    return [coding for coding in concept.get("coding") or () if isinstance(coding, dict)]


def _texts(concept: dict[str, Any]) -> list[str]:
    texts = [str(concept["text"])] if concept.get("text") else []
    texts += [str(coding["display"]) for coding in _codings(concept) if coding.get("display")]
    return texts


def _ids_from_codings(codings: list[dict[str, Any]], kb: KnowledgeBase) -> tuple[tuple[str, ...], list[str]]:
    ids: list[str] = []
    via: list[str] = []
    for coding in codings:
        system = str(coding.get("system") or "").rstrip("/")
        code = str(coding.get("code") or "").strip()
        if not code:
            continue
        if system in ATC_SYSTEMS:
            hit, name = kb.by_atc.get(code.upper()), "atc"
        elif system in RXNORM_SYSTEMS:
            hit, name = kb.by_rxnorm.get(code), "rxnorm"
        elif system in CNK_SYSTEMS:
            hit, name = kb.by_cnk.get(code.lstrip("0").zfill(7)) or kb.by_cnk.get(code), "cnk"
        else:
            continue
        if hit:
            ids += [item for item in hit if item not in ids]
            if name not in via:
                via.append(name)
    return tuple(ids), via


def _ratio_strength(ratio: dict[str, Any]) -> Strength | None:
    numerator = ratio.get("numerator") or {}
    value = numerator.get("value")
    if not isinstance(value, (int, float)):
        return None
    unit = fold(str(numerator.get("code") or numerator.get("unit") or "mg"))
    factor = {"g": 1000.0, "ug": 0.001, "mcg": 0.001}.get(unit, 1.0)
    base = "mg" if unit in ("g", "ug", "mcg", "mg") else unit
    denominator = ratio.get("denominator") or {}
    per = fold(str(denominator.get("code") or denominator.get("unit") or ""))
    per_value = denominator.get("value")
    if per in ("ml", "g") and isinstance(per_value, (int, float)) and per_value not in (0, 1):
        return Strength(round(value * factor / per_value, 6), f"{base}/{per}")
    return Strength(round(value * factor, 6), f"{base}/{per}" if per in ("ml", "g") else base)


def _route(dosage_list: Any, form_text: str, folded_texts: list[str], local_by_code_or_brand: bool) -> str:
    """Dosage route, then the Medication form, then the words of the product texts, then ATC code or brand.

    Texts that say nothing about the route (most brand lines) do not vote, so "Voltaren Emulgel" stays local
    when a coding display only says "diclofenac".
    """
    if isinstance(dosage_list, list):
        for dosage in dosage_list:
            route = dosage.get("route") if isinstance(dosage, dict) else None
            if not isinstance(route, dict):
                continue
            codes = {str(coding.get("code")) for coding in _codings(route)}
            if codes & _SYSTEMIC_ROUTE_CODES:
                return SYSTEMIC
            if codes & _LOCAL_ROUTE_CODES:
                return LOCAL
            words = " ".join(_texts(route))
            if words:
                return detect_route(fold(words))
    if form_text:
        return detect_route(fold(form_text))
    hints = {route_hint(text) for text in folded_texts}
    if SYSTEMIC in hints:
        return SYSTEMIC
    if LOCAL in hints or local_by_code_or_brand:
        return LOCAL
    return SYSTEMIC


def _local_by_code_or_brand(codings: list[dict[str, Any]], folded_texts: list[str], kb: KnowledgeBase) -> bool:
    """True when every ATC code is a local-use group, or a text names a brand made only for local use."""
    atc_codes = [str(coding.get("code") or "").strip().upper() for coding in codings
                 if str(coding.get("system") or "").rstrip("/") in ATC_SYSTEMS and coding.get("code")]
    if atc_codes and all(code.startswith(_LOCAL_ATC_PREFIXES) and not code.startswith(_SYSTEMIC_ATC_PREFIXES)
                         for code in atc_codes):
        return True
    return any(kb.names_local_brand(text) for text in folded_texts)

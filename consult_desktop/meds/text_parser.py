"""Reads medication product text (EN/FR/NL, Synthea RxNorm style, Belgian brand style) into ingredients.

Pure functions over a phrase index supplied by the knowledge base; safe on any thread.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from consult_desktop.meds.models import LOCAL, SYSTEMIC, IngredientAmount, Strength

_NON_WORD = re.compile(r"[^a-z0-9.%/+]+")
_DECIMAL_COMMA = re.compile(r"(\d),(\d)")
_STRENGTH = re.compile(
    r"(?<![a-z0-9.])(\d+(?:[.,]\d+)?)\s*"
    r"(mg|g|gram|mcg|µg|ug|microgram(?:s|mes|men)?|microg|ml|iu|ui|ie|unt|units?|eenheden|unites|mmol|meq|%)"
    r"(?:\s*/\s*(\d+(?:[.,]\d+)?)?\s*(ml|g|actuat|dose|h|hr|24hr))?(?![a-z])",
)
_COMPONENT_SPLIT = re.compile(r"\s+[/+&]\s+")
# "160/12.5 mg", "49/51 mg", "500/30 mg": the strengths of a combination product sharing one unit.
_SHARED_UNIT = re.compile(r"(?<![a-z0-9.])(\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)+)\s*(mg|g|mcg|ug|µg)(?![a-z/])")
_WORD = re.compile(r"[a-z][a-z0-9]*")
_UNIT_ALIASES = {
    "g": ("mg", 1000.0), "gram": ("mg", 1000.0), "mg": ("mg", 1.0),
    "mcg": ("mg", 0.001), "µg": ("mg", 0.001), "ug": ("mg", 0.001), "microg": ("mg", 0.001),
    "iu": ("iu", 1.0), "ui": ("iu", 1.0), "ie": ("iu", 1.0), "unt": ("iu", 1.0), "unit": ("iu", 1.0),
    "units": ("iu", 1.0), "eenheden": ("iu", 1.0), "unites": ("iu", 1.0),
    "ml": ("ml", 1.0), "mmol": ("mmol", 1.0), "meq": ("meq", 1.0), "%": ("%", 1.0),
}

# Words that mark a product applied locally (its systemic exposure is too low for systemic rules).
_LOCAL_WORDS = frozenset(
    """cream creme crema ointment zalf pommade unguent lotion gel emulgel topical cutaneous cutanee cutaan cutane
    dermal ophthalmic oftalmisch ophtalmique collyre eye oog oogdruppels oogzalf ooggel otic auricular auriculaire
    oordruppels ear inhalation inhalatie inhaler inhalator inhaled inhalant inhalateur nebuliser nebulizer
    vernevelaar vernevelingsvloeistof turbuhaler diskus ellipta respimat spiromax genuair breezhaler handihaler
    easyhaler novolizer autohaler nexthaler evohaler aerolizer nasal neusspray neusdruppels nasale intranasal
    shampoo shampooing mouthwash mondspoeling gargle lozenge zuigtablet keeltablet intrauterine
    enema klysma vaginal vaginale ovule ovules pessary irrigation dentaire dental foam schuim
    tissugel iud ius spiraal hormoonspiraal sterilet diu ophtalmiques oculaire collyres nasales auriculaires
    vaginaal dermique inh inhalaties inhalations inhalatiepoeder
    """.split()
)
# Phrases that keep a product systemic although a word above appears (patches, rings, oral gels, suppositories).
# Counter-ions that are also ingredients on their own: right after another ingredient they are a salt
# ("losartan potassium", "atorvastatin calcium", "esomeprazole magnesium"), not a second ingredient.
SALT_WORDS = frozenset({"potassium", "kalium", "calcium", "magnesium", "sodium", "natrium"})
# Dutch writes salts as one word ("tramadolhydrochloride", "losartankalium"): strip these to find the INN.
_GLUED_SALTS = (
    "waterstofsulfaat", "hydrochloride", "hydrochloried", "hydrobromide", "monohydraat", "hemihydraat", "dihydraat",
    "trihydraat", "besilaat", "mesilaat", "maleaat", "fumaraat", "succinaat", "tartraat", "citraat", "fosfaat",
    "sulfaat", "acetaat", "hyclaat", "natrium", "kalium", "calcium", "magnesium",
)
_SYSTEMIC_PHRASES = (
    "transdermal", "patch", "pleister", "vaginal system", "vaginal ring", "ring", "anneau", "oral gel",
    "orale gel", "gel oral", "mondgel", "oromucosal", "gel buccal", "mucosal spray", "sublingual", "pen ",
    "injection", "injectable",
)

def fold(text: str, keep: str = "") -> str:
    """Lower-case, strip accents, and reduce punctuation to single spaces (dictionary and text alike).

    `keep` lists extra punctuation to preserve (the dosage reader keeps "-" for "1-0-1").
    """
    # The micro sign (U+00B5) and Greek mu (U+03BC) both mean micro: keep them as "u" (µg -> ug), never drop.
    lowered = text.lower().replace("\u00b5", "u").replace("\u03bc", "u")
    decomposed = unicodedata.normalize("NFKD", lowered)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
    pattern = _NON_WORD if not keep else re.compile(f"[^a-z0-9.%/+{re.escape(keep)}]+")
    return " ".join(pattern.sub(" ", plain).split())


def fold_phrase(text: str) -> str:
    """Dictionary key form: like fold() but without separators, so 'co-amoxiclav' == 'co amoxiclav'."""
    return " ".join(_WORD.findall(fold(text).replace("/", " ").replace("+", " ")))


@dataclass(frozen=True, slots=True)
class ParsedText:
    ingredients: tuple[IngredientAmount, ...]
    route: str
    complete: bool  # every '/'-separated component of the text named a known ingredient


def _to_strength(number: str, unit: str, per_number: str | None, per_unit: str | None) -> Strength:
    value = float(number.replace(",", "."))
    unit_key = unit.lower()
    if unit_key.startswith("microgram"):
        unit_key = "mcg"
    base, factor = _UNIT_ALIASES.get(unit_key, (unit_key, 1.0))
    value *= factor
    if per_unit:
        per_value = float(per_number.replace(",", ".")) if per_number else 1.0
        per = {"h": "24h" if per_value == 24 else "h", "hr": "h", "24hr": "24h"}.get(per_unit, per_unit)
        if per_value not in (0.0, 1.0) and per in ("ml", "g", "actuat", "dose"):
            value /= per_value
        return Strength(round(value, 6), f"{base}/{per}")
    return Strength(round(value, 6), base)


def detect_route(folded: str) -> str:
    """'local' for topical, ophthalmic, inhaled, nasal, otic, intrauterine and vaginal forms; else 'systemic'."""
    return route_hint(folded) or SYSTEMIC


def route_hint(folded: str) -> str | None:
    """What the words of a product text say about its route: 'local', 'systemic', or None when they say nothing.

    'systemic' only when a local form word is overruled by a systemic phrase ("oral gel", "patch", "ring").
    """
    words = set(folded.split())
    if not words & _LOCAL_WORDS:
        return None
    padded = f" {folded} "
    if any(f" {phrase}" in padded for phrase in _SYSTEMIC_PHRASES):
        return SYSTEMIC
    return LOCAL


def parse_product_text(
    text: str, phrases: Mapping[str, tuple[str, ...]], max_words: int
) -> ParsedText:
    """Find known ingredient, synonym and brand phrases (longest first) and bind strengths to them.

    A strength binds to the ingredient named before it; a brand naming several ingredients takes the
    following strengths in order. Quantities written before any ingredient ("1 ML ...") are ignored.
    """
    # A decimal comma ("0,025MG" in Belgian product names) must not become two numbers.
    folded = _SHARED_UNIT.sub(_spread_unit, fold(_DECIMAL_COMMA.sub(r"\1.\2", text)))
    route = detect_route(folded)
    components = [part for part in _COMPONENT_SPLIT.split(folded) if part.strip()]
    found: list[list[object]] = []  # [ingredient_id, strength]
    complete = True
    for component in components:
        before = len(found)
        pending: list[int] = []  # indexes in found awaiting a strength, in order
        position = 0
        for match in _STRENGTH.finditer(component):
            _match_words(component[position:match.start()], phrases, max_words, found, pending)
            if pending:
                slot = pending.pop(0)
                found[slot][1] = _to_strength(*match.groups())
            position = match.end()
        _match_words(component[position:], phrases, max_words, found, pending)
        if len(found) == before and _WORD.search(component) and len(components) > 1:
            complete = False
    merged: dict[str, Strength | None] = {}
    for ingredient_id, strength in found:
        if ingredient_id not in merged or merged[ingredient_id] is None:
            merged[str(ingredient_id)] = strength  # type: ignore[assignment]
    ingredients = tuple(IngredientAmount(key, value) for key, value in merged.items())
    return ParsedText(ingredients=ingredients, route=route, complete=complete and bool(ingredients))


def _spread_unit(match: re.Match[str]) -> str:
    """'160/12.5 mg' -> '160 mg 12.5 mg' (each strength with the shared unit, in order)."""
    numbers = [part.strip() for part in match.group(1).split("/")]
    return " ".join(f"{number} {match.group(2)}" for number in numbers)


def _match_words(
    segment: str,
    phrases: Mapping[str, tuple[str, ...]],
    max_words: int,
    found: list[list[object]],
    pending: list[int],
) -> None:
    words = _WORD.findall(segment)
    index = 0
    last_end = -1
    while index < len(words):
        for length in range(min(max_words, len(words) - index), 0, -1):
            key = " ".join(words[index:index + length])
            hit = phrases.get(key)
            if hit and key in SALT_WORDS and last_end == index:
                hit = None
            if hit:
                last_end = index + length
                pending.clear()
                for ingredient_id in hit:
                    pending.append(len(found))
                    found.append([ingredient_id, None])
                index += length
                break
        else:
            stem_hit = _glued_salt_stem(words[index], phrases)
            if stem_hit:
                pending.clear()
                for ingredient_id in stem_hit:
                    pending.append(len(found))
                    found.append([ingredient_id, None])
                last_end = index + 1
            index += 1


def _glued_salt_stem(word: str, phrases: Mapping[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    for suffix in _GLUED_SALTS:
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return phrases.get(word[: -len(suffix)])
    return None

"""The GP's words for a posology: "1 le matin, 1 au coucher", "1 's morgens, 1 bij het slapengaan".

Built from FHIR dosage entries (one per moment, `timing.repeat.when`, `timeOfDay`, frequency and period,
dose) in English, French and Dutch; free text in the file is kept when nothing is structured. Belgian meal
names are avoided in French (déjeuner/dîner/souper differ from France) by naming the meal by its moment.
Pure; safe on any thread.
"""

from __future__ import annotations

from typing import Any

from consult_desktop.kmehr.posology import unit_word
from consult_desktop.meds.dosage import parse_dosage_text

LANGUAGES = ("en", "fr", "nl")
WHEN_WORDS: dict[str, tuple[str, str, str]] = {
    "ACM": ("before breakfast", "avant le petit-déjeuner", "voor het ontbijt"),
    "CM": ("at breakfast", "au petit-déjeuner", "bij het ontbijt"),
    "PCM": ("after breakfast", "après le petit-déjeuner", "na het ontbijt"),
    "ACD": ("before lunch", "avant le repas de midi", "voor het middagmaal"),
    "CD": ("at lunch", "au repas de midi", "bij het middagmaal"),
    "PCD": ("after lunch", "après le repas de midi", "na het middagmaal"),
    "ACV": ("before dinner", "avant le repas du soir", "voor het avondmaal"),
    "CV": ("at dinner", "au repas du soir", "bij het avondmaal"),
    "PCV": ("after dinner", "après le repas du soir", "na het avondmaal"),
    "AC": ("before a meal", "avant le repas", "voor de maaltijd"),
    "C": ("with a meal", "pendant le repas", "bij de maaltijd"),
    "PC": ("after a meal", "après le repas", "na de maaltijd"),
    "MORN": ("in the morning", "le matin", "'s morgens"),
    "MORN.early": ("early in the morning", "tôt le matin", "vroeg in de ochtend"),
    "MORN.late": ("late in the morning", "en fin de matinée", "laat in de voormiddag"),
    "NOON": ("at noon", "à midi", "'s middags"),
    "AFT": ("in the afternoon", "l'après-midi", "in de namiddag"),
    "EVE": ("in the evening", "le soir", "'s avonds"),
    "NIGHT": ("at night", "la nuit", "'s nachts"),
    "HS": ("at bedtime", "au coucher", "bij het slapengaan"),
    "PHS": ("before sleep", "avant le coucher", "voor het slapengaan"),
    "WAKE": ("on waking", "au lever", "bij het opstaan"),
}
_PER = {"d": ("a day", "par jour", "per dag"), "wk": ("a week", "par semaine", "per week"),
        "mo": ("a month", "par mois", "per maand")}
_EVERY = {"h": ("every {n} hours", "toutes les {n} heures", "om de {n} uur"),
          "d": ("every {n} days", "tous les {n} jours", "om de {n} dagen"),
          "wk": ("every {n} weeks", "toutes les {n} semaines", "om de {n} weken"),
          "mo": ("every {n} months", "tous les {n} mois", "om de {n} maanden"),
          "a": ("every {n} years", "tous les {n} ans", "om de {n} jaar")}
_EVERY_ONE = {"h": ("every hour", "toutes les heures", "elk uur"), "wk": ("every week", "chaque semaine", "elke week"),
              "mo": ("every month", "chaque mois", "elke maand"), "a": ("every year", "chaque année", "elk jaar")}
_DAY = ("day {n}:", "jour {n} :", "dag {n}:")
_WEEKDAYS = {"mon": ("Monday", "lundi", "maandag"), "tue": ("Tuesday", "mardi", "dinsdag"),
             "wed": ("Wednesday", "mercredi", "woensdag"), "thu": ("Thursday", "jeudi", "donderdag"),
             "fri": ("Friday", "vendredi", "vrijdag"), "sat": ("Saturday", "samedi", "zaterdag"),
             "sun": ("Sunday", "dimanche", "zondag")}
_ON = ("on {days}", "le {days}", "op {days}")
_AND = (" and ", " et ", " en ")
_AT = ("at {t}", "à {t}", "om {t}")
_AS_NEEDED = ("if needed", "si nécessaire", "indien nodig")
_FRACTIONS = {0.25: "¼", 0.5: "½", 0.75: "¾"}


def quantity_words(value: float) -> str:
    whole = int(value)
    rest = round(value - whole, 2)
    if rest in _FRACTIONS:
        return (str(whole) if whole else "") + _FRACTIONS[rest]
    return f"{value:g}".replace(".", ",")


def posology_words(dosage: list[dict[str, Any]] | None) -> dict[str, str]:
    """One phrase per language; empty strings when the line states no posology."""
    entries = [entry for entry in dosage if isinstance(entry, dict)] if isinstance(dosage, list) else []
    out: dict[str, str] = {}
    for number, language in enumerate(LANGUAGES):
        parts = [part for entry in entries if (part := _safe_words(entry, number))]
        if not parts:
            parts = list(dict.fromkeys(str(entry["text"]) for entry in entries if isinstance(entry.get("text"), str)
                                       and entry["text"]))
        out[language] = ", ".join(parts)
    return out


def _safe_words(entry: dict[str, Any], language: int) -> str:
    try:
        return _entry_words(entry, language)
    except (TypeError, AttributeError, ValueError, KeyError):
        return ""  # a malformed entry says nothing the GP can read; its text (if any) is shown instead


def _entry_words(entry: dict[str, Any], language: int) -> str:
    repeat = (entry.get("timing") or {}).get("repeat") or {}
    text = entry["text"].strip() if isinstance(entry.get("text"), str) else ""
    dose = _dose(entry)
    if dose is None and text and (repeat.get("when") or repeat.get("timeOfDay")):
        parsed = parse_dosage_text(text)  # "0,5 tab" beside a structured moment
        if parsed.dose_value is not None:
            dose = {"value": parsed.dose_value, "unit": parsed.dose_unit}
    words: list[str] = []
    if dose is not None:
        unit = unit_word(str(dose.get("unit") or "")) or unit_word(str(dose.get("code") or ""))
        low = f"{quantity_words(float(dose['low']))}-" if "low" in dose else ""
        words.append(low + quantity_words(float(dose["value"])) + (f" {unit}" if unit else ""))
    elif text:
        words.append(text)  # the file's own words say more than a bare frequency
    moments = [WHEN_WORDS[code][language] if code in WHEN_WORDS else str(code) for code in repeat.get("when") or ()]
    moments += [_AT[language].format(t=str(clock)[:5]) for clock in repeat.get("timeOfDay") or ()]
    if moments:
        words.append(" + ".join(moments))
    days = [_WEEKDAYS[day][language] for day in repeat.get("dayOfWeek") or () if day in _WEEKDAYS]
    if days:
        words.append(_ON[language].format(days=_AND[language].join(days)))
    numbered = [str(note.get("text"))[4:] for note in entry.get("additionalInstruction") or ()
                if isinstance(note, dict) and str(note.get("text") or "").startswith("day ")]
    period = _period_words(repeat, bool(moments), bool(days), bool(numbered), language)
    if period and not (dose is None and text and "×" in period):
        words.append(period)
    if numbered and words:
        words.insert(0, _DAY[language].format(n=numbered[0]))
    if not words:
        return ""
    if (entry.get("asNeededBoolean") or "asNeededCodeableConcept" in entry) and not (dose is None and text):
        words.append(_AS_NEEDED[language])
    return " ".join(words)


def _period_words(repeat: dict[str, Any], moments: bool, weekdays: bool, numbered: bool, language: int) -> str:
    period, unit, frequency = repeat.get("period"), repeat.get("periodUnit"), repeat.get("frequency")
    if not isinstance(period, (int, float)):
        return ""
    weekly = weekdays and ((unit == "d" and period == 7) or (unit == "wk" and period == 1))
    if weekly or (numbered and unit == "d"):
        return ""  # a weekday or a day number already says when
    if period == 1 and unit in _PER and not moments and isinstance(frequency, (int, float)):
        return f"{frequency:g} × {_PER[unit][language]}"
    if period == 1 and unit in _EVERY_ONE:
        return _EVERY_ONE[unit][language]
    if unit in _EVERY and not (period == 1 and unit == "d"):
        return _EVERY[unit][language].format(n=f"{period:g}".replace(".", ","))
    return ""


def _dose(entry: dict[str, Any]) -> dict[str, Any] | None:
    for item in entry.get("doseAndRate") or ():
        quantity = (item or {}).get("doseQuantity") if isinstance(item, dict) else None
        if isinstance(quantity, dict) and isinstance(quantity.get("value"), (int, float)):
            return quantity
        span = (item or {}).get("doseRange") if isinstance(item, dict) else None
        if isinstance(span, dict):  # "1-2": the words show the range, the checks see no fixed dose
            low, high = (span.get(key) or {} for key in ("low", "high"))
            if isinstance(low.get("value"), (int, float)) and isinstance(high.get("value"), (int, float)):
                return {"value": high["value"], "unit": high.get("unit") or low.get("unit"),
                        "low": low["value"]}
    return None

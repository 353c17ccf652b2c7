"""Reads FHIR dosageInstruction / dosage (structured or free text, EN/FR/NL) into a `Dosage`.

Pure functions; safe on any thread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from consult_desktop.meds.models import Dosage
from consult_desktop.meds.text_parser import fold

_PERIOD_DAYS = {"s": 1 / 86400, "min": 1 / 1440, "h": 1 / 24, "d": 1.0, "wk": 7.0, "mo": 30.0, "a": 365.0}
_TIMING_CODES = {"QD": 1.0, "BID": 2.0, "TID": 3.0, "QID": 4.0, "AM": 1.0, "PM": 1.0, "QOD": 0.5,
                 "Q4H": 6.0, "Q6H": 4.0, "Q8H": 3.0, "Q12H": 2.0, "WK": 1 / 7}
_WORD_NUMBERS = {
    "once": 1, "one": 1, "een": 1, "un": 1, "une": 1, "twice": 2, "two": 2, "twee": 2, "deux": 2,
    "thrice": 3, "three": 3, "drie": 3, "trois": 3, "four": 4, "vier": 4, "quatre": 4,
}
_PER_DAY_PATTERNS: tuple[tuple[re.Pattern[str], float | None], ...] = (
    (re.compile(r"\b(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?\b"), None),
    (re.compile(r"\b(\d+|once|twice|een|twee|un|une|deux)\s*(?:x|times|maal|keer|fois)?\s*"
                r"(?:a|per|/|par|p)\s*(?:week|semaine|wk|w)\b"), 1 / 7),
    (re.compile(r"\b(\d+|once|twice|thrice|one|two|three|four|een|twee|drie|vier|un|une|deux|trois|quatre)"
                r"\s*(?:x|times|maal|keer|fois)?\s*(?:a|per|/|par|p|daags|daily|day|dag|jour|j|d)\b"
                r"\s*(day|dag|jour|j|d|daily)?"), 1.0),
    (re.compile(r"\bevery\s+(\d+)\s*(?:hours?|h)\b|\belke\s+(\d+)\s*(?:uur|u)\b|\btoutes les\s+(\d+)\s*(?:heures|h)\b"),
     -1.0),
)
_ABBREVIATIONS = {"qd": 1.0, "od": 1.0, "daily": 1.0, "bid": 2.0, "bd": 2.0, "tid": 3.0, "tds": 3.0,
                  "qid": 4.0, "qds": 4.0, "nightly": 1.0, "weekly": 1 / 7, "wekelijks": 1 / 7,
                  "hebdomadaire": 1 / 7, "dagelijks": 1.0, "quotidien": 1.0,
                  "soir": 1.0, "avonds": 1.0, "matin": 1.0, "ochtend": 1.0, "morgens": 1.0, "bedtime": 1.0}
_ONCE_A_DAY = re.compile(r"(?:\b(?:per|par|a)\s+|/\s*)(?:dag|jour|day|d|j)\b")
_AS_NEEDED = re.compile(r"\b(as needed|prn|if needed|when needed|ad ?hoc|zo nodig|indien nodig|bij nood|si besoin|"
                        r"au besoin|si necessaire|en cas de)\b")
_DOSE = re.compile(r"\b(\d+(?:\.\d+)?)\s*(mg|g|mcg|ml|tablets?|tabs?|caps(?:ules?)?|comprimes?|"
                   r"tabletten|tablet|capsules?|druppels|gouttes|drops|puffs?|sachets?|ie|iu|ui|units?|"
                   r"co|cp|compr|gelules?|zakjes?|inh|inhalations?|inhalaties?)\b")


def parse_dosage(instructions: Sequence[dict[str, Any]] | None) -> Dosage:
    """First dosage instruction of a MedicationRequest/Statement, structured fields before text."""
    if not instructions:
        return Dosage()
    if len(instructions) > 1:
        return parse_dosages(instructions)
    first = instructions[0] if isinstance(instructions[0], dict) else {}
    text = str(first.get("text") or first.get("patientInstruction") or "")
    dose_value: float | None = None
    dose_unit: str | None = None
    for dose_and_rate in first.get("doseAndRate") or ():
        quantity = dose_and_rate.get("doseQuantity") if isinstance(dose_and_rate, dict) else None
        if isinstance(quantity, dict) and isinstance(quantity.get("value"), (int, float)):
            dose_value = float(quantity["value"])
            code = str(quantity.get("code") or "")
            dose_unit = quantity.get("unit") or (code if code and not code.isdigit() else None)  # not "00005"
            break
    per_day = _per_day_from_timing(first.get("timing") or {})
    as_needed = bool(first.get("asNeededBoolean")) or "asNeededCodeableConcept" in first
    if text:
        from_text = parse_dosage_text(text)
        dose_value = dose_value if dose_value is not None else from_text.dose_value
        dose_unit = dose_unit or from_text.dose_unit
        per_day = per_day if per_day is not None else from_text.per_day
        as_needed = as_needed or from_text.as_needed
    return Dosage(dose_value=dose_value, dose_unit=dose_unit, per_day=per_day, as_needed=as_needed, text=text)


def _per_day_from_timing(timing: dict[str, Any]) -> float | None:
    repeat = timing.get("repeat") or {}
    frequency = repeat.get("frequency")
    period = repeat.get("period")
    unit = repeat.get("periodUnit")
    if isinstance(period, (int, float)) and period > 0 and unit in _PERIOD_DAYS:
        count = frequency if isinstance(frequency, (int, float)) else 1
        return round(count / (period * _PERIOD_DAYS[unit]), 4)
    if isinstance(repeat.get("timeOfDay"), list) and repeat["timeOfDay"]:
        return float(len(repeat["timeOfDay"]))
    if isinstance(repeat.get("when"), list) and repeat["when"]:
        return float(len(repeat["when"]))
    for coding in (timing.get("code") or {}).get("coding") or ():
        code = str(coding.get("code", "")).upper()
        if code in _TIMING_CODES:
            return _TIMING_CODES[code]
    return None


def parse_dosage_text(text: str) -> Dosage:
    """Free-text posology: '1 tablet twice daily', '2 x per dag', '1 comprimé 3 fois par jour', '1-0-1'."""
    folded = fold(text.replace(",", "."), keep="-")
    per_day: float | None = None
    units_per_intake: float | None = None
    moments = {_MOMENT_WORDS[word] for word in _MOMENTS.findall(folded)}
    for pattern, scale in _PER_DAY_PATTERNS:
        match = pattern.search(folded)
        if not match:
            continue
        if scale is None:  # "1-0-1", "2-0-2": intakes per day, and the mean number of units per intake
            amounts = [float(group) for group in match.groups() if group and float(group) > 0]
            per_day = float(len(amounts))
            units_per_intake = sum(amounts) / len(amounts) if amounts else None
        elif scale < 0:
            hours = next(int(group) for group in match.groups() if group)
            per_day = round(24 / hours, 4) if hours else None
        else:
            word = match.group(1)
            count = float(word) if word[0].isdigit() else float(_WORD_NUMBERS.get(word, 1))
            per_day = count * scale
        break
    if per_day is None and moments:
        per_day = float(len(moments))
    if per_day is None:
        for word in folded.split():
            if word in _ABBREVIATIONS:
                per_day = _ABBREVIATIONS[word]
                break
    if per_day is None and _ONCE_A_DAY.search(folded):
        per_day = 1.0
    dose_value: float | None = None
    dose_unit: str | None = None
    match = _DOSE.search(folded)
    if match:
        dose_value = float(match.group(1))
        dose_unit = match.group(2)
    elif units_per_intake is not None and units_per_intake != 1.0:
        dose_value = units_per_intake
    return Dosage(dose_value=dose_value, dose_unit=dose_unit, per_day=per_day,
                  as_needed=bool(_AS_NEEDED.search(folded)), text=text)



# Moments of the day named in free-text posology (EN/FR/NL), folded; each distinct moment is one intake.
_MOMENT_WORDS = {
    "matin": "morning", "lever": "morning", "morning": "morning", "ochtend": "morning", "morgens": "morning",
    "midi": "noon", "noon": "noon", "lunch": "noon", "middag": "noon", "middags": "noon",
    "soir": "evening", "evening": "evening", "avond": "evening", "avonds": "evening", "souper": "evening",
    "coucher": "bedtime", "bedtime": "bedtime", "slapengaan": "bedtime", "slapen": "bedtime",
}
_MOMENTS = re.compile(r"\b(" + "|".join(_MOMENT_WORDS) + r")\b")


def parse_dosages(instructions: Sequence[dict[str, Any]]) -> Dosage:
    """Several dosage entries (one per moment, as Belgian medication lines write them) as one daily figure.

    The intakes per day add up; the dose per intake is the total daily amount divided by the intakes, so the
    daily dose the checks compute is exact even when the moments differ (2 at breakfast, 1 at dinner).
    """
    phases: dict[Any, list[dict[str, Any]]] = {}
    for item in instructions:
        if isinstance(item, dict):
            phases.setdefault(item.get("sequence") if isinstance(item.get("sequence"), int) else None, []).append(item)
    if len(phases) > 1:  # successive phases (a loading dose, a taper): the heaviest day counts
        return max((parse_dosages(items) if len(items) > 1 else parse_dosage(items) for items in phases.values()),
                   key=lambda dose: (dose.dose_value or 0) * (dose.per_day or 0))
    parts = [(parse_dosage([item]), _intakes_per_day(item)) for item in instructions if isinstance(item, dict)]
    if not parts:
        return Dosage()
    per_days = [known if known is not None else dosage.per_day for dosage, known in parts]
    counted = [value for value in per_days if value is not None]
    per_day = round(sum(counted), 4) if counted else None
    doses = [dosage.dose_value for dosage, _ in parts]
    dose_value: float | None = None
    if all(value is not None for value in doses) and per_day and len(counted) == len(parts):
        total = sum(float(dose) * float(times) for dose, times in zip(doses, per_days, strict=True))  # type: ignore[arg-type]
        dose_value = round(total / sum(counted), 4)
    elif doses and doses[0] is not None and len(set(doses)) == 1:
        dose_value = doses[0]
    text = "; ".join(dict.fromkeys(dosage.text for dosage, _ in parts if dosage.text))
    return Dosage(dose_value=dose_value, dose_unit=next((d.dose_unit for d, _ in parts if d.dose_unit), None),
                  per_day=per_day, as_needed=any(dosage.as_needed for dosage, _ in parts), text=text)


def _intakes_per_day(instruction: dict[str, Any]) -> float | None:
    """FHIR `timing.repeat.when` (ACM, CM, CD, CV, MORN, HS ...): one intake per moment per period."""
    repeat = (instruction.get("timing") or {}).get("repeat") or {}
    when = [code for code in repeat.get("when") or () if code] + list(repeat.get("timeOfDay") or ())
    if not when:
        return None
    period, unit = repeat.get("period"), repeat.get("periodUnit")
    days = period * _PERIOD_DAYS[unit] if isinstance(period, (int, float)) and period > 0 and unit in _PERIOD_DAYS \
        else 1.0
    frequency = repeat.get("frequency") if isinstance(repeat.get("frequency"), (int, float)) else 1
    return max(len(when), frequency) / days  # rounded once summed (parse_dosages)

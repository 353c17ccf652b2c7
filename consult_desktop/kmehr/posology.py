"""KMEHR posology (<regimen>, <frequency>, <posology>, item-level <dayperiod>) <-> FHIR dosage[] entries.

Each intake of a KMEHR regimen (a day, a moment of the day, a quantity) becomes one FHIR dosage entry with
`timing.repeat.when` (or `timeOfDay`, `dayOfWeek`, `event`), the way Belgian FHIR medication lines write
one dosage per moment. Pure functions on elements/dicts; safe on any thread.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element, SubElement

from consult_desktop.kmehr.xml_input import cd, child, children, local, path, text
from consult_desktop.meds.dosage import parse_dosage_text

# CD-DAYPERIOD -> FHIR EventTiming (timing.repeat.when).
DAYPERIOD_TO_WHEN = {
    "beforebreakfast": "ACM", "duringbreakfast": "CM", "afterbreakfast": "PCM",
    "beforelunch": "ACD", "duringlunch": "CD", "afterlunch": "PCD",
    "beforedinner": "ACV", "duringdinner": "CV", "afterdinner": "PCV",
    "beforemeal": "AC", "duringmeal": "C", "aftermeal": "PC", "betweenmeals": "C",
    "morning": "MORN", "midday": "NOON", "afternoon": "AFT", "evening": "EVE", "night": "NIGHT",
    "thehourofsleep": "HS", "beforesleep": "PHS", "wakeup": "WAKE",
    "betweenbreakfastandlunch": "MORN.late", "betweenlunchanddinner": "AFT", "betweendinnerandsleep": "EVE",
}
WHEN_TO_DAYPERIOD = {
    "ACM": "beforebreakfast", "CM": "duringbreakfast", "PCM": "afterbreakfast", "ACD": "beforelunch",
    "CD": "duringlunch", "PCD": "afterlunch", "ACV": "beforedinner", "CV": "duringdinner", "PCV": "afterdinner",
    "AC": "beforemeal", "C": "duringmeal", "PC": "aftermeal", "MORN": "morning", "MORN.early": "morning",
    "MORN.late": "betweenbreakfastandlunch", "NOON": "midday", "AFT": "afternoon", "EVE": "evening", "NIGHT": "night",
    "HS": "thehourofsleep", "PHS": "beforesleep", "WAKE": "wakeup",
}
# CD-PERIODICITY codes are built from a unit letter (U hour, D day, W week, M month, J year) and a Dutch
# multiplier letter (T twee 2, D drie 3, V vier 4, Q 5, Z zes 6, S zeven 7, A acht 8, N negen 9, X 10,
# E elf 11, W twaalf 12, C 18, P 24, H half); "O" is every other day.
_PERIOD_UNITS = {"U": "h", "D": "d", "W": "wk", "M": "mo", "J": "a"}
_MULTIPLIERS = {"": 1, "H": 0.5, "T": 2, "D": 3, "V": 4, "Q": 5, "Z": 6, "S": 7, "A": 8, "N": 9, "X": 10, "E": 11,
                "W": 12, "C": 18, "P": 24}
PERIODICITIES: dict[str, tuple[float, str]] = {
    unit + letter: (float(times), fhir_unit) for unit, fhir_unit in _PERIOD_UNITS.items()
    for letter, times in _MULTIPLIERS.items()}
PERIODICITIES["O"] = (2.0, "d")
_PERIODICITY_CODES = {value: code for code, value in sorted(PERIODICITIES.items(), key=lambda item: -len(item[0]))}


def periodicity(code: str) -> tuple[float, str] | None:
    """(period, FHIR periodUnit) of a CD-PERIODICITY code: "WT" -> (2, "wk"), "UH" -> (0.5, "h")."""
    return PERIODICITIES.get(code.strip().upper())


WEEKDAYS = {"monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri",
            "saturday": "sat", "sunday": "sun"}
UNIT_SYSTEM = "urn:kmehr:CD-ADMINISTRATIONUNIT"
_UNIT_WORDS = {"internationalunits": "IU", "internationalunit": "IU", "iu": "IU"}


def _number(value: str) -> float | None:
    try:
        return float(value.replace(",", "."))
    except ValueError:
        return None


def unit_word(code: str) -> str:
    """A unit code as a reader says it: "internationalunits" / "[IU]" -> "IU", "{TBL}" -> "TBL"; "" for numeric
    codes of a table (KMEHR administration units, SNOMED CT), which name nothing by themselves."""
    word = re.sub(r"[\[\]{}]", "", code.strip())
    if not word or word.isdigit():
        return ""
    return _UNIT_WORDS.get(word.lower(), word)


def _quantity(element: Element | None) -> dict[str, Any] | None:
    value = _number(text(child(element, "decimal")) or text(child(element, "high")) or text(child(element, "low")))
    if value is None:
        return None
    unit_code = cd(child(element, "unit"))
    quantity: dict[str, Any] = {"value": value}
    if unit_code:
        quantity["code"] = unit_code
        quantity["system"] = UNIT_SYSTEM
        if unit_word(unit_code):
            quantity["unit"] = unit_word(unit_code)
    return quantity


def read_posology(item: Element) -> list[dict[str, Any]]:
    """FHIR dosage entries of one KMEHR medication item (an empty list when it states no posology)."""
    days = periodicity(cd(path(item, "frequency", "periodicity")))
    free_text = text(child(child(item, "posology"), "text")) or text(child(item, "instructionforpatient"))
    entries = _regimen(child(item, "regimen"), days)
    if not entries:
        entries = _simple(item, days)
    if free_text:
        if entries:
            entries[0] = {"text": free_text, **entries[0]}
        elif days is not None and parse_dosage_text(free_text).per_day is None:
            # free text under a periodicity ("every 3 days"), unless the text states its own frequency
            entries = [{"text": free_text, **_entry(None, {}, {}, days)}]
        else:
            entries = [{"text": free_text}]
        if parse_dosage_text(free_text).as_needed:  # "si nécessaire", "indien nodig", "if needed"
            entries = [{**entry, "asNeededBoolean": True} for entry in entries]
    return entries


def _regimen(regimen: Element | None, days: tuple[float, str] | None) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    day: dict[str, Any] = {}
    moment: dict[str, Any] = {}
    previous = ""
    for element in regimen if regimen is not None else ():
        name, previous = local(element), previous
        if name == "daynumber":
            day = {"daynumber": text(element)}
        elif name == "date":
            day = {"event": [text(element)]}
        elif name == "weekday":
            weekday = WEEKDAYS.get(cd(element).lower(), cd(element).lower()[:3])
            day = {"dayOfWeek": [*day["dayOfWeek"], weekday]} if previous == "weekday" and "dayOfWeek" in day \
                else {"dayOfWeek": [weekday]}
        elif name == "daytime":
            period = cd(child(element, "dayperiod")).lower()
            clock = text(child(element, "time"))
            moment = {"when": [DAYPERIOD_TO_WHEN.get(period, period)]} if period else \
                {"timeOfDay": [clock if clock.count(":") == 2 else clock + ":00"]} if clock else {}
        elif name == "quantity":
            quantity = _quantity(element)
            if quantity is not None and quantity["value"] < 0:
                quantity = None  # a negative quantity means nothing: the intake stays, without a dose
                entries.append({**_entry(None, day, moment, days), "text": "?"})
            elif quantity is not None:
                entries.append(_entry(quantity, day, moment, days))
            moment = {}
        previous = name
    entries = _merge_bare(entries) if days is not None else entries
    numbers = [int(day) for entry in entries for note in entry.get("additionalInstruction") or ()
               if (day := str(note.get("text", ""))[4:]).isdigit()]
    if days is None and numbers:  # day 1, day 2 … of the treatment: a cycle as long as its last day
        for entry in entries:
            repeat = entry.setdefault("timing", {}).setdefault("repeat", {})
            repeat.update({"frequency": 1, "period": max(numbers), "periodUnit": "d"})
    return entries


def _merge_bare(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Identical intakes that name no moment or day ("1 tablet", three times in a daily regimen) are one entry
    with that frequency: 3 × 1 a day."""
    merged: list[dict[str, Any]] = []
    for entry in entries:
        repeat = (entry.get("timing") or {}).get("repeat") or {}
        bare = not (set(repeat) & {"when", "timeOfDay", "dayOfWeek"}) and "additionalInstruction" not in entry \
            and "event" not in (entry.get("timing") or {})
        last = merged[-1] if merged else None
        if bare and last is not None and last.get("_bare") and last.get("doseAndRate") == entry.get("doseAndRate"):
            last["timing"]["repeat"]["frequency"] += 1
            continue
        merged.append({**entry, "_bare": True} if bare and repeat else entry)
    return [{key: value for key, value in entry.items() if key != "_bare"} for entry in merged]


def _simple(item: Element, days: tuple[float, str] | None) -> list[dict[str, Any]]:
    """Older items: an item-level <dayperiod> and/or <posology><takes> with a <unit>."""
    posology = child(item, "posology")
    quantity = _quantity(child(posology, "takes")) or _quantity(posology)
    if quantity is not None and "code" not in quantity:
        unit = cd(child(posology, "unit"))
        if unit:
            quantity.update({"code": unit, "system": UNIT_SYSTEM})
            if unit_word(unit):
                quantity["unit"] = unit_word(unit)
    periods = [cd(element).lower() for element in children(item, "dayperiod") if cd(element)]
    if quantity is None and not periods:
        return []
    moment = {"when": [DAYPERIOD_TO_WHEN.get(period, period) for period in periods]} if periods else {}
    return [_entry(quantity, {}, moment, days if periods else None)]


def _entry(quantity: dict[str, Any] | None, day: dict[str, Any], moment: dict[str, Any],
           days: tuple[float, str] | None) -> dict[str, Any]:
    repeat: dict[str, Any] = dict(moment)
    if "dayOfWeek" in day:
        repeat["dayOfWeek"] = day["dayOfWeek"]
    if days is not None:
        period = int(days[0]) if float(days[0]).is_integer() else days[0]
        repeat.update({"frequency": 1, "period": period, "periodUnit": days[1]})
    timing: dict[str, Any] = {"repeat": repeat} if repeat else {}
    if "event" in day:
        timing["event"] = day["event"]
    entry: dict[str, Any] = {"timing": timing} if timing else {}
    if "daynumber" in day:
        entry["additionalInstruction"] = [{"text": f"day {day['daynumber']}"}]
    if quantity is not None:
        entry["doseAndRate"] = [{"doseQuantity": quantity}]
    return entry


def write_posology(item: Element, dosage: list[dict[str, Any]]) -> None:
    """The inverse of `read_posology`, appended to a KMEHR <item> in schema order."""
    entries = [entry for entry in dosage if isinstance(entry, dict)]
    repeat = next(((entry.get("timing") or {}).get("repeat") or {} for entry in entries
                   if isinstance(((entry.get("timing") or {}).get("repeat") or {}).get("period"), (int, float))), {})
    period = repeat.get("period")
    code = _PERIODICITY_CODES.get((float(period), str(repeat.get("periodUnit")))) \
        if isinstance(period, (int, float)) else None
    if code:
        _cd(SubElement(SubElement(item, "frequency"), "periodicity"), "CD-PERIODICITY", code)
    intakes = [entry for entry in entries if _dose(entry) is not None]
    timed = [entry for entry in entries if (entry.get("timing") or {}).get("repeat") or entry.get("timing")]
    if intakes and len(intakes) < len(timed):
        intakes = []  # a regimen cannot hold an intake without a quantity: all of it stays text, not a smaller dose
    if intakes:
        regimen = SubElement(item, "regimen")
        for entry in intakes:
            for _ in range(_bare_times(entry)):
                _write_intake(regimen, entry)
    elif not any(_dose(entry) is not None for entry in entries):
        # moments without a stated quantity ("0,5 tab" in text, after breakfast): the older item-level form
        for entry in entries:
            for when in ((entry.get("timing") or {}).get("repeat") or {}).get("when") or ():
                _cd(SubElement(item, "dayperiod"), "CD-DAYPERIOD", WHEN_TO_DAYPERIOD.get(str(when), str(when)))
    free_text = next((str(entry["text"]) for entry in entries if entry.get("text")), "")
    as_needed = any(entry.get("asNeededBoolean") is True or "asNeededCodeableConcept" in entry for entry in entries)
    if as_needed and not parse_dosage_text(free_text).as_needed:
        free_text = f"{free_text} (if needed)" if free_text else "if needed"
    if free_text:
        SubElement(SubElement(item, "posology"), "text", L="en").text = free_text


def _bare_times(entry: dict[str, Any]) -> int:
    """A regimen has no frequency of its own: "3 × a day" without moments is written as three intakes."""
    timing = entry.get("timing") or {}
    repeat = timing.get("repeat") or {}
    frequency = repeat.get("frequency")
    if set(repeat) & {"when", "timeOfDay", "dayOfWeek"} or "event" in timing or entry.get("additionalInstruction"):
        return 1
    return int(frequency) if isinstance(frequency, int) and 1 < frequency <= 24 else 1


def _write_intake(regimen: Element, entry: dict[str, Any]) -> None:
    timing = entry.get("timing") or {}
    repeat = timing.get("repeat") or {}
    for note in entry.get("additionalInstruction") or ():
        words = str((note or {}).get("text") or "")
        if words.startswith("day ") and words[4:].isdigit():
            SubElement(regimen, "daynumber").text = words[4:]
    for event in timing.get("event") or ():
        SubElement(regimen, "date").text = str(event)[:10]
    for weekday in repeat.get("dayOfWeek") or ():
        full = next((name for name, short in WEEKDAYS.items() if short == weekday), weekday)
        _cd(SubElement(regimen, "weekday"), "CD-WEEKDAY", full)
    when = (repeat.get("when") or [None])[0]
    clock = (repeat.get("timeOfDay") or [None])[0]
    if when:
        daytime = SubElement(regimen, "daytime")
        _cd(SubElement(daytime, "dayperiod"), "CD-DAYPERIOD", WHEN_TO_DAYPERIOD.get(str(when), str(when)))
    elif clock:
        SubElement(SubElement(regimen, "daytime"), "time").text = str(clock)
    dose = _dose(entry) or {}
    quantity = SubElement(regimen, "quantity")
    SubElement(quantity, "decimal").text = f"{float(dose['value']):g}"
    unit = dose.get("code") or dose.get("unit")
    if unit:
        _cd(SubElement(quantity, "unit"), "CD-ADMINISTRATIONUNIT", str(unit))


def _dose(entry: dict[str, Any]) -> dict[str, Any] | None:
    for item in entry.get("doseAndRate") or ():
        quantity = (item or {}).get("doseQuantity")
        if isinstance(quantity, dict) and isinstance(quantity.get("value"), (int, float)):
            return quantity
    return None


def _cd(parent: Element, scheme: str, value: str) -> None:
    SubElement(parent, "cd", S=scheme, SV="1.0").text = value

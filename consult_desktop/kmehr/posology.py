"""KMEHR posology (<regimen>, <frequency>, <posology>, item-level <dayperiod>) <-> FHIR dosage[] entries.

Each intake of a KMEHR regimen (a day, a moment of the day, a quantity) becomes one FHIR dosage entry with
`timing.repeat.when` (or `timeOfDay`, `dayOfWeek`, `event`), the way Belgian FHIR medication lines write
one dosage per moment. Pure functions on elements/dicts; safe on any thread.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element, SubElement

from consult_desktop.kmehr.xml_input import cd, child, children, local, path, text

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
    "MORN.late": "morning", "NOON": "midday", "AFT": "afternoon", "EVE": "evening", "NIGHT": "night",
    "HS": "thehourofsleep", "PHS": "beforesleep", "WAKE": "wakeup",
}
# CD-PERIODICITY -> length of the period in days.
PERIODICITY_DAYS = {
    "D": 1, "O": 2, "T": 3, "V": 4, "J": 5, "DZ": 6, "W": 7, "WT": 14, "WD": 21, "WV": 28, "WZ": 42,
    "M": 30, "MT": 60, "MD": 90, "MV": 120, "MZ": 180, "JA": 365, "JT": 730,
}
DAYS_TO_PERIODICITY = {days: code for code, days in PERIODICITY_DAYS.items()}
WEEKDAYS = {"monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri",
            "saturday": "sat", "sunday": "sun"}
UNIT_SYSTEM = "urn:kmehr:CD-ADMINISTRATIONUNIT"
_UNIT_WORDS = {"internationalunits": "IU", "internationalunit": "IU"}


def _number(value: str) -> float | None:
    try:
        return float(value.replace(",", "."))
    except ValueError:
        return None


def _quantity(element: Element | None) -> dict[str, Any] | None:
    value = _number(text(child(element, "decimal")) or text(child(element, "high")) or text(child(element, "low")))
    if value is None:
        return None
    unit_code = cd(child(element, "unit"))
    quantity: dict[str, Any] = {"value": value}
    if unit_code:
        quantity["code"] = unit_code
        quantity["system"] = UNIT_SYSTEM
        if not unit_code.isdigit():
            quantity["unit"] = _UNIT_WORDS.get(unit_code.lower(), unit_code)
    return quantity


def read_posology(item: Element) -> list[dict[str, Any]]:
    """FHIR dosage entries of one KMEHR medication item (an empty list when it states no posology)."""
    days = PERIODICITY_DAYS.get(cd(path(item, "frequency", "periodicity")).upper())
    free_text = text(child(child(item, "posology"), "text")) or text(child(item, "instructionforpatient"))
    entries = _regimen(child(item, "regimen"), days)
    if not entries:
        entries = _simple(item, days)
    if free_text:
        if entries:
            entries[0] = {"text": free_text, **entries[0]}
        else:
            entries = [{"text": free_text}]
    return entries


def _regimen(regimen: Element | None, days: int | None) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    day: dict[str, Any] = {}
    moment: dict[str, Any] = {}
    for element in regimen if regimen is not None else ():
        name = local(element)
        if name == "daynumber":
            day = {"daynumber": text(element)}
        elif name == "date":
            day = {"event": [text(element)]}
        elif name == "weekday":
            day = {"dayOfWeek": [WEEKDAYS.get(cd(element).lower(), cd(element).lower()[:3])]}
        elif name == "daytime":
            period = cd(child(element, "dayperiod")).lower()
            clock = text(child(element, "time"))
            moment = {"when": [DAYPERIOD_TO_WHEN.get(period, period)]} if period else \
                {"timeOfDay": [clock if clock.count(":") == 2 else clock + ":00"]} if clock else {}
        elif name == "quantity":
            quantity = _quantity(element)
            if quantity is not None:
                entries.append(_entry(quantity, day, moment, days))
            moment = {}
    return entries


def _simple(item: Element, days: int | None) -> list[dict[str, Any]]:
    """Older items: an item-level <dayperiod> and/or <posology><takes> with a <unit>."""
    posology = child(item, "posology")
    quantity = _quantity(child(posology, "takes")) or _quantity(posology)
    if quantity is not None and "code" not in quantity:
        unit = cd(child(posology, "unit"))
        if unit:
            quantity.update({"code": unit, "system": UNIT_SYSTEM, **({} if unit.isdigit() else {"unit": unit})})
    periods = [cd(element).lower() for element in children(item, "dayperiod") if cd(element)]
    if quantity is None and not periods:
        return []
    moment = {"when": [DAYPERIOD_TO_WHEN.get(period, period) for period in periods]} if periods else {}
    return [_entry(quantity, {}, moment, days if periods else None)]


def _entry(quantity: dict[str, Any] | None, day: dict[str, Any], moment: dict[str, Any], days: int | None
           ) -> dict[str, Any]:
    repeat: dict[str, Any] = dict(moment)
    if "dayOfWeek" in day:
        repeat["dayOfWeek"] = day["dayOfWeek"]
    if days is not None:
        repeat.update({"frequency": 1, "period": days, "periodUnit": "d"})
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
                   if (entry.get("timing") or {}).get("repeat")), {})
    period = repeat.get("period")
    if isinstance(period, (int, float)) and repeat.get("periodUnit") == "d" and int(period) in DAYS_TO_PERIODICITY:
        periodicity = SubElement(SubElement(item, "frequency"), "periodicity")
        _cd(periodicity, "CD-PERIODICITY", DAYS_TO_PERIODICITY[int(period)])
    intakes = [entry for entry in entries if _dose(entry) is not None]
    if intakes:
        regimen = SubElement(item, "regimen")
        for entry in intakes:
            _write_intake(regimen, entry)
    else:  # moments without a stated quantity ("0,5 tab" in text, after breakfast): the older item-level form
        for entry in entries:
            for when in ((entry.get("timing") or {}).get("repeat") or {}).get("when") or ():
                _cd(SubElement(item, "dayperiod"), "CD-DAYPERIOD", WHEN_TO_DAYPERIOD.get(str(when), str(when)))
    free_text = next((str(entry["text"]) for entry in entries if entry.get("text")), "")
    if free_text:
        SubElement(SubElement(item, "posology"), "text", L="en").text = free_text


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

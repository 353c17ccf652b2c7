"""FHIR dates and dateTimes as the patient view shows and sorts them (Belgian day/month/year order).

FHIR sends dates as text that may be partial (``"1950"``, ``"1950-04"``) or carry a time and an offset. The
screens need three things from them: a display text, a key that sorts chronologically, and an age. Pure
functions, no Qt; callable from any thread.
"""

from __future__ import annotations

import datetime as dt


def parse(value: str | None) -> dt.datetime | None:
    """The moment a FHIR date/dateTime stands for (partial dates at their first day), or None.

    Times with an offset are converted to local wall-clock time, because the GP reads hospital times in
    their own time zone; naive values are taken as they are.
    """
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if len(text) == 4:
            return dt.datetime(int(text), 1, 1)
        if len(text) == 7:
            return dt.datetime(int(text[:4]), int(text[5:7]), 1)
        if len(text) == 10:
            return dt.datetime.fromisoformat(text)
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment


def sort_key(value: str | None) -> float:
    """Seconds since 1 January 1 (naive); unknown dates sort before every known one."""
    moment = parse(value)
    if moment is None:
        return float("-inf")
    return (moment - dt.datetime(1, 1, 1)).total_seconds()


def display(value: str | None, *, with_time: bool = False) -> str:
    """``31/12/2024`` (or ``31/12/2024 14:05`` with a time), keeping partial dates partial."""
    if not value:
        return ""
    text = value.strip()
    if len(text) == 4 and text.isdigit():
        return text
    if len(text) == 7:
        return f"{text[5:7]}/{text[:4]}"
    moment = parse(text)
    if moment is None:
        return text
    shown = moment.strftime("%d/%m/%Y")
    if with_time and len(text) > 10:
        shown += moment.strftime(" %H:%M")
    return shown


def age_years(birth_date: str | None, today: dt.date | None = None) -> int | None:
    """Completed years since the birth date; None when unknown or in the future."""
    birth = parse(birth_date)
    if birth is None:
        return None
    today = today or dt.date.today()
    years = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    return years if years >= 0 else None

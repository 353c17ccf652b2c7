"""Defensive readers for FHIR JSON datatypes (CodeableConcept, Coding, Reference, Period ...).

Every helper accepts anything (missing keys, wrong JSON types) and answers None / empty rather than
raising, so the mapping never crashes on partial or unusual data.

Reference handling (:func:`reference_id`): ``Patient/123``, ``Patient/123/_history/2``, absolute URLs
``https://host/fhir/Patient/123`` and ``urn:uuid:...`` references (as in Synthea transaction bundles,
where the uuid is the resource id) give the id; conditional references (``Patient?identifier=...``),
contained references (``#x``) and identifier-only references give None.

Pure functions; safe on any thread.
"""

from __future__ import annotations

from typing import Any

# Re-exported: reference parsing lives in the domain layer, shared with the store's indexes.
from consult_desktop.domain.references import patient_id_of, reference_id  # noqa: F401

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"


def text(value: Any) -> str | None:
    """``value`` when it is a non-blank string, else None."""
    return value if isinstance(value, str) and value.strip() else None


def number(value: Any) -> float | None:
    """A JSON number as float (booleans are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def dicts(value: Any) -> list[dict[str, Any]]:
    """The dict items of a JSON array (a single dict counts as a one-item array)."""
    if isinstance(value, dict):
        return [value]
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def first(value: Any) -> dict[str, Any] | None:
    items = dicts(value)
    return items[0] if items else None


def strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    return tuple(v for v in value if isinstance(v, str) and v.strip()) if isinstance(value, list) else ()


def coding(concept_value: Any, prefer_system: str | None = None) -> dict[str, Any] | None:
    """The coding of a CodeableConcept in ``prefer_system`` if any, else the first one with a code."""
    raw = concept_value.get("coding") if isinstance(concept_value, dict) else None
    codings = [c for c in dicts(raw) if text(c.get("code"))]
    if prefer_system:
        for c in codings:
            if c.get("system") == prefer_system:
                return c
    return codings[0] if codings else None


def concept(
    concept_value: Any, prefer_system: str | None = None
) -> tuple[str | None, str | None, str | None]:
    """``(code, system, display)`` of a CodeableConcept; display falls back on the text, then the code."""
    if not isinstance(concept_value, dict):
        return None, None, None
    chosen = coding(concept_value, prefer_system)
    code = text(chosen.get("code")) if chosen else None
    system = text(chosen.get("system")) if chosen else None
    display = text(concept_value.get("text")) or (text(chosen.get("display")) if chosen else None)
    if display is None:
        for c in dicts(concept_value.get("coding")):
            if text(c.get("display")):
                display = c["display"]
                break
    return code, system, display or code


def concept_text(concept_value: Any) -> str | None:
    """The human text of a CodeableConcept (text, else a display, else a code)."""
    return concept(concept_value)[2]


def concept_codes(concepts: Any) -> tuple[str, ...]:
    """Every code in one CodeableConcept or a list of them, in order, without duplicates."""
    codes: dict[str, None] = {}
    for c in dicts(concepts):
        for item in dicts(c.get("coding")):
            code = text(item.get("code"))
            if code:
                codes[code] = None
    return tuple(codes)


def coding_code(value: Any) -> str | None:
    """The code of a CodeableConcept (first coding) or of a bare Coding."""
    if not isinstance(value, dict):
        return None
    if "coding" in value:
        chosen = coding(value)
        return text(chosen.get("code")) if chosen else None
    return text(value.get("code"))


def period_bounds(value: Any) -> tuple[str | None, str | None]:
    if not isinstance(value, dict):
        return None, None
    return text(value.get("start")), text(value.get("end"))


def reference_display(reference: Any) -> str | None:
    return text(reference.get("display")) if isinstance(reference, dict) else None


def choice(resource: dict[str, Any], stem: str) -> tuple[str | None, Any]:
    """The ``[x]`` element ``stem``: ``(suffix, value)``, e.g. ``("DateTime", "2020-01-01")``."""
    for key, value in resource.items():
        if key.startswith(stem) and len(key) > len(stem) and key[len(stem)].isupper():
            return key[len(stem):], value
    return None, None

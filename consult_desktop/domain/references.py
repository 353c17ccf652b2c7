"""FHIR references read from raw JSON: which resource a reference points to, which patient a resource
belongs to. Pure functions on dicts (no I/O, no Qt), shared by the store's indexes and the FHIR mapping;
callable from any thread.
"""

from __future__ import annotations

from typing import Any

# Elements that name the patient a resource is about, in the resources we keep.
PATIENT_ELEMENTS = ("subject", "patient", "beneficiary")


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def reference_id(reference: Any, expected_type: str | None = None) -> str | None:
    """The id a Reference (or reference string) points to; None when it cannot be resolved locally.

    `Patient/123`, `https://host/fhir/Patient/123/_history/2` and `urn:uuid:123` give `123`. With
    `expected_type`, a reference to another type gives None (`urn:uuid:` references carry no type and are
    accepted). Contained (`#x`), conditional (`?`) and other URN references give None.
    """
    ref = _text(reference.get("reference") if isinstance(reference, dict) else reference)
    if ref is None:
        return None
    if ref.startswith("urn:uuid:"):
        return _text(ref[len("urn:uuid:"):])
    target = reference_target(ref)
    if target is None or (expected_type is not None and target[0] != expected_type):
        return None
    return target[1]


def reference_target(reference: Any) -> tuple[str, str] | None:
    """(type, id) of a relative or absolute typed reference (`Practitioner/7`, `https://h/fhir/Encounter/3`,
    history suffix ignored); None for contained, conditional, `urn:` or untyped references."""
    ref = _text(reference.get("reference") if isinstance(reference, dict) else reference)
    if ref is None or ref.startswith(("#", "urn:")) or "?" in ref:
        return None
    parts = [p for p in ref.split("/") if p]
    if "_history" in parts:
        parts = parts[: parts.index("_history")]
    return (parts[-2], parts[-1]) if len(parts) >= 2 else None


def patient_id_of(resource: Any) -> str | None:
    """The id of the patient a resource belongs to: a Patient's own id, else its subject / patient."""
    if not isinstance(resource, dict):
        return None
    if resource.get("resourceType") == "Patient":
        return _text(resource.get("id"))
    for key in PATIENT_ELEMENTS:
        found = reference_id(resource.get(key), "Patient")
        if found:
            return found
    return None


def id_in_path(path: Any, resource_type: str) -> str | None:
    """The id that follows `resource_type` in a request path: `/fhir/Patient/123/$everything` gives `123`."""
    parts = [p for p in path.split("/") if p] if isinstance(path, str) else []
    if resource_type in parts:
        index = parts.index(resource_type)
        if index + 1 < len(parts):
            return _text(parts[index + 1])
    return None

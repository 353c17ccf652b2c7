"""Names behind references the domain mapping leaves as ids: document authors, the hospital of a stay.

A hospital often sends ``author: [{"reference": "Practitioner/123"}]`` without a display text. When the
referenced Practitioner, PractitionerRole or Organization is in the store (an `$everything` or bulk sync
brings them), its name is shown; otherwise the column stays empty. Also reads the stay's service
(Encounter.serviceType) and a document's practice setting, which the mapping does not carry yet. Runs on
the database lane (reads the store); the parsing helpers are pure.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from consult_desktop.fhir.fhir_values import concept_text, dicts, first, reference_display, strings, text
from consult_desktop.store import Store

NAMED_TYPES = ("Practitioner", "PractitionerRole", "Organization")
Ref = tuple[str, str]


def typed_reference(reference: Any) -> Ref | None:
    """(type, id) of a relative or absolute reference to one of NAMED_TYPES."""
    value = text(reference.get("reference")) if isinstance(reference, dict) else None
    if value is None or "?" in value or value.startswith(("#", "urn:")):
        return None
    parts = [p for p in value.split("/") if p]
    if "_history" in parts:
        parts = parts[: parts.index("_history")]
    if len(parts) >= 2 and parts[-2] in NAMED_TYPES:
        return parts[-2], parts[-1]
    return None


def author_references(resource: dict) -> list[Ref]:
    fields = ("author",) if resource.get("resourceType") == "DocumentReference" else (
        "resultsInterpreter", "performer")
    refs = []
    for field in fields:
        for ref in dicts(resource.get(field)):
            found = typed_reference(ref)
            if found is not None:
                refs.append(found)
    return refs


def encounter_service(resource: dict) -> str | None:
    """The clinical service of a stay (Encounter.serviceType), e.g. "Cardiologie"."""
    service = resource.get("serviceType")
    if isinstance(service, list):
        service = first(service)
    return concept_text(service)


def provider_reference(resource: dict) -> Ref | None:
    provider = resource.get("serviceProvider")
    return None if reference_display(provider) else typed_reference(provider)


def document_service(resource: dict) -> str | None:
    context = resource.get("context") if isinstance(resource.get("context"), dict) else {}
    return concept_text(context.get("practiceSetting"))


def resolve_names(store: Store, server_id: str, refs: Iterable[Ref]) -> dict[Ref, str]:
    """Display names of the referenced resources that are stored (one lookup per distinct reference)."""
    names: dict[Ref, str] = {}
    for rtype, rid in set(refs):
        resource = store.resources.get(server_id, rtype, rid)
        if resource is None:
            continue
        name = _name_of(resource)
        if name:
            names[(rtype, rid)] = name
    return names


def _name_of(resource: dict) -> str | None:
    rtype = resource.get("resourceType")
    if rtype == "Organization":
        return text(resource.get("name"))
    if rtype == "PractitionerRole":
        return reference_display(resource.get("practitioner")) or reference_display(resource.get("organization"))
    names = dicts(resource.get("name"))
    chosen = next((n for n in names if n.get("use") == "official"), names[0] if names else None)
    if chosen is None:
        return None
    if text(chosen.get("text")):
        return text(chosen.get("text"))
    parts = [*strings(chosen.get("prefix")), *strings(chosen.get("given")), text(chosen.get("family")) or ""]
    return " ".join(p for p in parts if p) or None

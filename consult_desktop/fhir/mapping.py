"""FHIR R4 JSON -> domain objects. Pure functions from dict to the frozen dataclasses of ``domain/``.

Each ``map_*`` function returns None when the dict is not a resource of the expected type with an id
(nothing can be shown for it); otherwise it maps whatever is present and leaves the rest None / empty.
No function raises on partial or odd data (wrong JSON types included). :func:`map_resource` dispatches
on ``resourceType``; :data:`MAPPERS` lists the supported types.

Also here: :func:`patient_id_of` (subject / patient reference -> patient id) and :func:`display_name`.
Which documents a role may see is decided by ``domain.roles.may_see``.

Choices made:
- Patient: the SSIN is the identifier with system
  ``https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin`` (punctuation removed when the
  rest is 11 digits); the official name, else usual, else the first not marked old/maiden; the home
  address, else the first; the preferred communication language, else the first.
- Codes: LOINC is preferred for documents and observations, SNOMED CT for conditions and procedures;
  otherwise the first coding.
- LabResult.abnormal: the one rule of `domain.lab_flags.is_abnormal` (the interpretation code decides when it
  is known; otherwise the reference range, a value with a comparator only when unambiguous).

Pure functions; safe on any thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from consult_desktop.domain.allergy import Allergy, AllergyReaction
from consult_desktop.domain.condition import Condition
from consult_desktop.domain.document import Attachment, Document
from consult_desktop.domain.encounter import Encounter
from consult_desktop.domain.immunization import Immunization
from consult_desktop.domain.lab_flags import is_abnormal
from consult_desktop.domain.lab_result import LabResult
from consult_desktop.domain.patient import Patient, display_name
from consult_desktop.domain.procedure import Procedure
from consult_desktop.domain.references import reference_target
from consult_desktop.fhir.fhir_values import (
    LOINC,
    SNOMED,
    choice,
    coding_code,
    concept,
    concept_codes,
    concept_text,
    dicts,
    first,
    number,
    patient_id_of,
    period_bounds,
    reference_display,
    reference_id,
    strings,
    text,
)

__all__ = [
    "MAPPERS", "SSIN_SYSTEM", "display_name", "map_allergy", "map_condition",
    "map_diagnostic_report", "map_document", "map_document_reference", "map_encounter", "map_immunization",
    "map_observation", "map_patient", "map_procedure", "map_resource", "party_name", "patient_id_of",
]

SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin"


def _base(resource: Any, resource_type: str) -> str | None:
    """The id when ``resource`` is a ``resource_type`` with an id, else None."""
    if not isinstance(resource, dict) or resource.get("resourceType") != resource_type:
        return None
    return text(resource.get("id"))


def map_patient(resource: Any) -> Patient | None:
    rid = _base(resource, "Patient")
    if rid is None:
        return None
    name = _pick_name(resource.get("name"))
    family = text(name.get("family")) if name else None
    given = strings(name.get("given")) if name else ()
    if name and family is None and not given:
        family = text(name.get("text"))
    deceased_kind, deceased = choice(resource, "deceased")
    return Patient(
        id=rid,
        ssin=_ssin(resource.get("identifier")),
        family=family,
        given=given,
        birth_date=text(resource.get("birthDate")),
        sex=text(resource.get("gender")),
        language=_language(resource.get("communication")),
        address_line=_address_line(resource.get("address")),
        deceased=(deceased is True) if deceased_kind == "Boolean" else bool(text(deceased)),
    )


def map_document_reference(resource: Any) -> Document | None:
    rid = _base(resource, "DocumentReference")
    if rid is None:
        return None
    type_code, _, type_display = concept(resource.get("type"), LOINC)
    category = first(resource.get("category"))
    category_code, _, category_display = concept(category)
    context = resource.get("context") if isinstance(resource.get("context"), dict) else {}
    encounter = first(context.get("encounter"))
    attachments = tuple(
        a for c in dicts(resource.get("content")) if (a := _attachment(c.get("attachment"))) is not None
    )
    date = text(resource.get("date")) or period_bounds(context.get("period"))[0]
    return Document(
        id=rid,
        resource_type="DocumentReference",
        patient_id=patient_id_of(resource),
        type_code=type_code,
        type_display=type_display,
        type_codes=concept_codes(resource.get("type")),
        category=category_code,
        category_display=category_display,
        category_codes=concept_codes(resource.get("category")),
        date=date or next(iter(_creation_dates(resource)), None),
        author=_first_display(resource.get("author")),
        encounter_id=reference_id(encounter, "Encounter"),
        status=text(resource.get("status")),
        doc_status=text(resource.get("docStatus")),
        description=text(resource.get("description")),
        attachments=attachments,
        author_refs=_bare_references(resource.get("author")),
        practice_setting=concept_text(context.get("practiceSetting")),
        related_reports=tuple(rid for ref in dicts(context.get("related"))
                              if (rid := reference_id(ref, "DiagnosticReport"))),
    )


def map_diagnostic_report(resource: Any) -> Document | None:
    rid = _base(resource, "DiagnosticReport")
    if rid is None:
        return None
    type_code, _, type_display = concept(resource.get("code"), LOINC)
    category_code, _, category_display = concept(first(resource.get("category")))
    date = _when(resource, "effective")
    return Document(
        id=rid,
        resource_type="DiagnosticReport",
        patient_id=patient_id_of(resource),
        type_code=type_code,
        type_display=type_display,
        type_codes=concept_codes(resource.get("code")),
        category=category_code,
        category_display=category_display,
        category_codes=concept_codes(resource.get("category")),
        date=date or text(resource.get("issued")),
        author=_first_display(resource.get("resultsInterpreter"))
        or _first_display(resource.get("performer")),
        encounter_id=reference_id(resource.get("encounter"), "Encounter"),
        status=text(resource.get("status")),
        attachments=tuple(
            a for f in dicts(resource.get("presentedForm")) if (a := _attachment(f)) is not None
        ),
        author_refs=_bare_references([*dicts(resource.get("resultsInterpreter")), *dicts(resource.get("performer"))]),
        conclusion=text(resource.get("conclusion")),
        result_ids=tuple(rid for ref in dicts(resource.get("result")) if (rid := reference_id(ref, "Observation"))),
    )


def map_document(resource: Any) -> Document | None:
    """DocumentReference or DiagnosticReport -> Document."""
    if isinstance(resource, dict) and resource.get("resourceType") == "DiagnosticReport":
        return map_diagnostic_report(resource)
    return map_document_reference(resource)


def map_observation(resource: Any) -> LabResult | None:
    rid = _base(resource, "Observation")
    if rid is None:
        return None
    code, system, display = concept(resource.get("code"), LOINC)
    value = comparator = unit = value_text = None
    kind, raw = choice(resource, "value")
    if kind == "Quantity" and isinstance(raw, dict):
        value = number(raw.get("value"))
        comparator = text(raw.get("comparator"))
        unit = text(raw.get("unit")) or text(raw.get("code"))
    elif kind == "Integer":
        value = number(raw)
    elif kind == "String":
        value_text = text(raw)
    elif kind == "CodeableConcept":
        value_text = concept_text(raw)
    elif kind == "Boolean" and isinstance(raw, bool):
        value_text = "yes" if raw else "no"
    rng = first(resource.get("referenceRange")) or {}
    low = number(rng["low"].get("value")) if isinstance(rng.get("low"), dict) else None
    high = number(rng["high"].get("value")) if isinstance(rng.get("high"), dict) else None
    interpretation = coding_code(first(resource.get("interpretation")))
    eff_kind, effective = choice(resource, "effective")
    if eff_kind == "Period":
        effective = period_bounds(effective)[0]
    return LabResult(
        id=rid,
        patient_id=patient_id_of(resource),
        code=code,
        code_system=system,
        display=display,
        value=value,
        comparator=comparator,
        unit=unit,
        value_text=value_text,
        ref_low=low,
        ref_high=high,
        ref_text=text(rng.get("text")),
        interpretation=interpretation,
        abnormal=is_abnormal(interpretation, value, comparator, low, high),
        effective=text(effective) or text(resource.get("issued")),
        category=coding_code(first(resource.get("category"))),
        encounter_id=reference_id(resource.get("encounter"), "Encounter"),
        status=text(resource.get("status")),
    )


def map_encounter(resource: Any) -> Encounter | None:
    rid = _base(resource, "Encounter")
    if rid is None:
        return None
    klass = resource.get("class")
    klass = first(klass) if isinstance(klass, list) else klass
    class_code = class_display = None
    if isinstance(klass, dict):
        if "coding" in klass:  # a CodeableConcept (later FHIR versions)
            class_code, _, class_display = concept(klass)
        else:
            class_code, class_display = text(klass.get("code")), text(klass.get("display"))
    start, end = period_bounds(resource.get("period"))
    hospitalization = resource.get("hospitalization")
    disposition = hospitalization.get("dischargeDisposition") if isinstance(hospitalization, dict) else None
    return Encounter(
        id=rid,
        patient_id=patient_id_of(resource),
        status=text(resource.get("status")),
        class_code=class_code,
        class_display=class_display,
        start=start,
        end=end,
        type_display=concept_text(first(resource.get("type"))),
        reason=concept_text(first(resource.get("reasonCode"))),
        service_provider=reference_display(resource.get("serviceProvider")),
        discharge_disposition=concept_text(disposition),
        service=concept_text(first(service) if isinstance(service := resource.get("serviceType"), list) else service),
        service_provider_ref=next(iter(_bare_references([resource.get("serviceProvider")])), None),
    )


def map_condition(resource: Any) -> Condition | None:
    rid = _base(resource, "Condition")
    if rid is None:
        return None
    code, system, display = concept(resource.get("code"), SNOMED)
    return Condition(
        id=rid,
        patient_id=patient_id_of(resource),
        code=code,
        code_system=system,
        display=display,
        clinical_status=coding_code(resource.get("clinicalStatus")),
        verification_status=coding_code(resource.get("verificationStatus")),
        category=coding_code(first(resource.get("category"))),
        onset=_when(resource, "onset"),
        abatement=_when(resource, "abatement"),
        recorded_date=text(resource.get("recordedDate")),
        encounter_id=reference_id(resource.get("encounter"), "Encounter"),
    )


def map_allergy(resource: Any) -> Allergy | None:
    rid = _base(resource, "AllergyIntolerance")
    if rid is None:
        return None
    reactions = []
    for reaction in dicts(resource.get("reaction")):
        reactions.append(AllergyReaction(
            manifestations=tuple(t for m in dicts(reaction.get("manifestation")) if (t := concept_text(m))),
            severity=text(reaction.get("severity")),
            substance=concept_text(reaction.get("substance")),
            onset=text(reaction.get("onset")),
        ))
    code, system, display = concept(resource.get("code"))
    if code is None and display is None:  # fall back on the substance named in a reaction
        for reaction in dicts(resource.get("reaction")):
            code, system, display = concept(reaction.get("substance"))
            if code or display:
                break
    return Allergy(
        id=rid,
        patient_id=patient_id_of(resource),
        substance_code=code,
        substance_system=system,
        substance_display=display,
        type=text(resource.get("type")),
        category=strings(resource.get("category")),
        criticality=text(resource.get("criticality")),
        clinical_status=coding_code(resource.get("clinicalStatus")),
        verification_status=coding_code(resource.get("verificationStatus")),
        reactions=tuple(reactions),
        recorded_date=text(resource.get("recordedDate")),
        onset=_when(resource, "onset"),
    )


def map_immunization(resource: Any) -> Immunization | None:
    rid = _base(resource, "Immunization")
    if rid is None:
        return None
    code, system, display = concept(resource.get("vaccineCode"))
    return Immunization(
        id=rid,
        patient_id=patient_id_of(resource),
        vaccine_code=code,
        vaccine_system=system,
        vaccine_display=display,
        status=text(resource.get("status")),
        occurrence=_when(resource, "occurrence"),
        lot_number=text(resource.get("lotNumber")),
        encounter_id=reference_id(resource.get("encounter"), "Encounter"),
    )


def map_procedure(resource: Any) -> Procedure | None:
    rid = _base(resource, "Procedure")
    if rid is None:
        return None
    code, system, display = concept(resource.get("code"), SNOMED)
    kind, performed = choice(resource, "performed")
    start, end = period_bounds(performed) if kind == "Period" else (_when(resource, "performed"), None)
    return Procedure(
        id=rid,
        patient_id=patient_id_of(resource),
        code=code,
        code_system=system,
        display=display,
        status=text(resource.get("status")),
        category=concept_text(resource.get("category")),
        performed=start,
        performed_end=end,
        body_site=concept_text(first(resource.get("bodySite"))),
        encounter_id=reference_id(resource.get("encounter"), "Encounter"),
    )


MAPPERS: dict[str, Callable[[Any], Any]] = {
    "Patient": map_patient,
    "DocumentReference": map_document_reference,
    "DiagnosticReport": map_diagnostic_report,
    "Observation": map_observation,
    "Encounter": map_encounter,
    "Condition": map_condition,
    "AllergyIntolerance": map_allergy,
    "Immunization": map_immunization,
    "Procedure": map_procedure,
}


def map_resource(resource: Any) -> Any | None:
    """The domain object for any supported resource; None for other types or unusable input."""
    if not isinstance(resource, dict):
        return None
    mapper = MAPPERS.get(resource.get("resourceType"))  # type: ignore[arg-type]
    return mapper(resource) if mapper is not None else None


# --- helpers ---------------------------------------------------------------------------------------


def _attachment(value: Any) -> Attachment | None:
    if not isinstance(value, dict):
        return None
    data = text(value.get("data"))
    size = value.get("size")
    size = size if isinstance(size, int) and not isinstance(size, bool) and size >= 0 else None
    if size is None and data is not None:
        size = len(data) * 3 // 4 - data[-2:].count("=")
    if data is None and text(value.get("url")) is None and text(value.get("contentType")) is None:
        return None
    return Attachment(
        content_type=text(value.get("contentType")),
        url=text(value.get("url")),
        data=data,
        size=size,
        title=text(value.get("title")),
        language=text(value.get("language")),
    )


def _creation_dates(resource: dict[str, Any]) -> list[str]:
    result = []
    for content in dicts(resource.get("content")):
        attachment = content.get("attachment")
        if isinstance(attachment, dict) and (created := text(attachment.get("creation"))):
            result.append(created)
    return result


def party_name(resource: Any) -> str | None:
    """The name of a Practitioner, PractitionerRole or Organization (an author, a hospital)."""
    if not isinstance(resource, dict):
        return None
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


def _bare_references(references: Any) -> tuple[tuple[str, str], ...]:
    """(type, id) of the references sent without a display text (the screens look their names up)."""
    return tuple(target for ref in dicts(references)
                 if not reference_display(ref) and (target := reference_target(ref)) is not None)


def _first_display(references: Any) -> str | None:
    for ref in dicts(references):
        if display := reference_display(ref):
            return display
    return None


def _when(resource: dict[str, Any], stem: str) -> str | None:
    """A ``[x]`` date-ish element as text: dateTime / string as sent, the start of a period."""
    kind, value = choice(resource, stem)
    if kind in ("DateTime", "String", "Instant", "Date"):
        return text(value)
    if kind == "Period":
        return period_bounds(value)[0]
    return None


def _ssin(identifiers: Any) -> str | None:
    for identifier in dicts(identifiers):
        if identifier.get("system") == SSIN_SYSTEM and (value := text(identifier.get("value"))):
            digits = re.sub(r"[\s.\-]", "", value)
            return digits if digits.isdigit() and len(digits) == 11 else value.strip()
    return None


def _pick_name(names: Any) -> dict[str, Any] | None:
    items = dicts(names)
    for use in ("official", "usual"):
        for name in items:
            if name.get("use") == use:
                return name
    for name in items:
        if name.get("use") not in ("old", "maiden", "anonymous"):
            return name
    return items[0] if items else None


def _language(communications: Any) -> str | None:
    items = dicts(communications)
    items.sort(key=lambda c: c.get("preferred") is not True)
    for item in items:
        code, _, display = concept(item.get("language"))
        if code or display:
            return code or display
    return None


def _address_line(addresses: Any) -> str | None:
    items = dicts(addresses)
    chosen = next((a for a in items if a.get("use") == "home"), items[0] if items else None)
    if chosen is None:
        return None
    street = ", ".join(strings(chosen.get("line")))
    place = " ".join(p for p in (text(chosen.get("postalCode")), text(chosen.get("city"))) if p)
    line = ", ".join(p for p in (street, place) if p)
    return line or text(chosen.get("text"))

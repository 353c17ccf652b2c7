"""FHIR XML (as HL7 Belgium also publishes its examples) turned into the JSON shape the readers take.

FHIR XML says nothing about which elements repeat; the elements a medication line, its patient and its
Bundle use as lists are listed here, every other element is single. Primitive values come from the `value`
attribute; numbers only where FHIR has numbers (quantities, timing repeats), so identifiers such as an SSIN
keep their leading zeros. Parsed with the same safe parser as KMEHR. Pure; safe on any thread.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from consult_desktop.kmehr.xml_input import local

FHIR_NS = "http://hl7.org/fhir"
LIST_ELEMENTS = frozenset({
    "entry", "contained", "extension", "modifierExtension", "coding", "dosage", "dosageInstruction",
    "doseAndRate", "when", "timeOfDay", "dayOfWeek", "event", "additionalInstruction", "note", "ingredient",
    "given", "prefix", "suffix", "telecom", "address", "line", "statusReason", "reasonCode", "reasonReference",
    "derivedFrom", "basedOn", "partOf", "category", "profile", "tag", "security", "performer",
    "authorizingPrescription", "supportingInformation", "detectedIssue", "eventHistory", "link", "communication",
    "contact", "qualification", "specialty", "insurance",
})
# Elements that repeat only in some parents: a person's names, a practitioner role's codes.
_LIST_IN = {"name": frozenset({"Patient", "Practitioner", "RelatedPerson", "Person"}),
            "code": frozenset({"PractitionerRole"})}
_PRIMITIVES = frozenset({"display", "text", "value", "code", "system", "unit", "family", "given", "status"})
_QUANTITY_PARENTS = frozenset({"doseQuantity", "quantity", "numerator", "denominator", "low", "high",
                               "boundsDuration", "valueQuantity", "amount", "rateQuantity", "daysSupply",
                               "expectedSupplyDuration", "valueDuration"})
_REPEAT_NUMBERS = frozenset({"frequency", "frequencyMax", "period", "periodMax", "duration", "durationMax",
                             "count", "countMax", "offset"})


def is_fhir_xml(root: Element) -> bool:
    return isinstance(root.tag, str) and root.tag.startswith("{" + FHIR_NS + "}")


def to_json(root: Element) -> dict[str, Any]:
    return _resource(root)


def _resource(element: Element) -> dict[str, Any]:
    out: dict[str, Any] = {"resourceType": local(element)}
    out.update(_children(element, local(element)))
    return out


def _children(element: Element, name: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in element:
        key = local(item)
        if not key or (key == "text" and any(local(child) == "div" for child in item)):
            continue  # the narrative (HTML) is not data
        if not item.attrib and key in _PRIMITIVES and len(item) and all(local(c) == "extension" for c in item):
            out[f"_{key}"] = {"extension": [_value(child, "extension", key) for child in item]}
            continue  # a primitive with extensions and no value (a display given only as translations)
        if "value" in item.attrib and len(item) and all(local(child) == "extension" for child in item):
            # a primitive with extensions (a pseudonymised SSIN's marker, a translation): JSON's `_key`
            out[f"_{key}"] = {"extension": [_value(child, "extension", key) for child in item]}
            item = Element(item.tag, dict(item.attrib))
        value = _value(item, key, name)
        # a resource's identifiers repeat; a reference (subject, requester ...) and a Bundle have one
        repeats = key in LIST_ELEMENTS or name in _LIST_IN.get(key, ()) or \
            (key == "identifier" and name[:1].isupper() and name != "Bundle")
        if repeats:
            out.setdefault(key, []).append(value)
        else:
            out[key] = value
    return out


def _value(item: Element, key: str, parent: str) -> Any:
    if key in ("resource", "contained") or (key == "outcome" and len(item)):
        inner = next(iter(item), None)
        return _resource(inner) if inner is not None else {}
    attributes = {name: value for name, value in item.attrib.items() if name in ("url", "id")}
    if "value" in item.attrib and not len(item) and not attributes.get("url"):
        return _primitive(item.attrib["value"], key, parent)
    out: dict[str, Any] = dict(attributes)
    if "value" in item.attrib:
        out["value"] = _primitive(item.attrib["value"], key, parent)
    out.update(_children(item, key))
    return out


def _primitive(raw: str, key: str, parent: str) -> Any:
    if raw in ("true", "false") and (key.endswith("Boolean") or key in ("userSelected", "active", "marker")):
        return raw == "true"
    if (key == "value" and parent in _QUANTITY_PARENTS) or (parent == "repeat" and key in _REPEAT_NUMBERS) or \
            key in ("valueDecimal", "valueInteger", "total", "sequence"):
        try:
            number = float(raw)
        except ValueError:
            return raw
        return int(number) if number.is_integer() and "." not in raw else number
    return raw

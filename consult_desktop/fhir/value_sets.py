"""Required value-set bindings of the elements the screens rely on, checked after structural validation.

The ``fhir.resources`` models check types and cardinality but accept any string in a ``code`` element.
For the resource types Consult Desktop shows, every element whose binding strength is *required* in FHIR R4
(status, intent, gender, clinical and verification status, criticality ...) is checked here against the
codes listed in the R4 specification (hl7.org/fhir/R4, each resource's "Terminology Bindings" table). A
violation is an error like any other validation error: the resource goes to quarantine.

For CodeableConcept elements, only codings in the bound code system are checked (a server may add its
own codings beside them). Pure functions; safe on any thread.
"""

from __future__ import annotations

from typing import Any

_HL7 = "http://terminology.hl7.org/CodeSystem/"
_CLINICAL = frozenset({"active", "recurrence", "relapse", "inactive", "remission", "resolved"})
_CONDITION_VERIFICATION = frozenset({"unconfirmed", "provisional", "differential", "confirmed", "refuted",
                                     "entered-in-error"})
_OBSERVATION_STATUS = frozenset({"registered", "preliminary", "final", "amended", "corrected", "cancelled",
                                 "entered-in-error", "unknown"})

# resource type -> element -> allowed codes (a code element, or a list of them)
CODES: dict[str, dict[str, frozenset[str]]] = {
    "Patient": {"gender": frozenset({"male", "female", "other", "unknown"})},
    "Observation": {"status": _OBSERVATION_STATUS},
    "DiagnosticReport": {"status": frozenset({"registered", "partial", "preliminary", "final", "amended",
                                              "corrected", "appended", "cancelled", "entered-in-error",
                                              "unknown"})},
    "DocumentReference": {"status": frozenset({"current", "superseded", "entered-in-error"}),
                          "docStatus": frozenset({"preliminary", "final", "amended", "entered-in-error"})},
    "Encounter": {"status": frozenset({"planned", "arrived", "triaged", "in-progress", "onleave", "finished",
                                       "cancelled", "entered-in-error", "unknown"})},
    "MedicationRequest": {
        "status": frozenset({"active", "on-hold", "cancelled", "completed", "entered-in-error", "stopped",
                             "draft", "unknown"}),
        "intent": frozenset({"proposal", "plan", "order", "original-order", "reflex-order", "filler-order",
                             "instance-order", "option"}),
        "priority": frozenset({"routine", "urgent", "asap", "stat"}),
    },
    "MedicationStatement": {"status": frozenset({"active", "completed", "entered-in-error", "intended",
                                                 "stopped", "on-hold", "unknown", "not-taken"})},
    "Medication": {"status": frozenset({"active", "inactive", "entered-in-error"})},
    "AllergyIntolerance": {
        "type": frozenset({"allergy", "intolerance"}),
        "category": frozenset({"food", "medication", "environment", "biologic"}),
        "criticality": frozenset({"low", "high", "unable-to-assess"}),
    },
    "Immunization": {"status": frozenset({"completed", "entered-in-error", "not-done"})},
    "Procedure": {"status": frozenset({"preparation", "in-progress", "not-done", "on-hold", "stopped",
                                       "completed", "entered-in-error", "unknown"})},
}

# resource type -> element -> (code system, allowed codes) for required CodeableConcept bindings
CONCEPTS: dict[str, dict[str, tuple[str, frozenset[str]]]] = {
    "Condition": {
        "clinicalStatus": (_HL7 + "condition-clinical", _CLINICAL),
        "verificationStatus": (_HL7 + "condition-ver-status", _CONDITION_VERIFICATION),
    },
    "AllergyIntolerance": {
        "clinicalStatus": (_HL7 + "allergyintolerance-clinical", frozenset({"active", "inactive", "resolved"})),
        "verificationStatus": (_HL7 + "allergyintolerance-verification",
                               frozenset({"unconfirmed", "confirmed", "refuted", "entered-in-error"})),
    },
}


def check_required_codes(resource: dict[str, Any]) -> str | None:
    """None when every required-bound element holds an allowed code, else ``element: ...`` (no values)."""
    rtype = resource.get("resourceType")
    for element, allowed in CODES.get(rtype, {}).items():  # type: ignore[arg-type]
        value = resource.get(element)
        values = value if isinstance(value, list) else [value] if value is not None else []
        if any(v not in allowed for v in values):
            return f"{element}: not a code of its required value set"
    for element, (system, allowed) in CONCEPTS.get(rtype, {}).items():  # type: ignore[arg-type]
        concept = resource.get(element)
        codings = concept.get("coding") if isinstance(concept, dict) else None
        for coding in codings if isinstance(codings, list) else []:
            if isinstance(coding, dict) and coding.get("system") == system and coding.get("code") not in allowed:
                return f"{element}: not a code of its required value set"
    return None

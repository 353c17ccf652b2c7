"""Builders of the demo hospital's MedicationRequest, MedicationStatement and Medication resources.

Pure functions; callable from any thread. A medication is coded with ATC and a (synthetic) CNK code, named
with its Belgian product name in the patient's language, and dosed with text, timing and doseAndRate.
"""

from __future__ import annotations

from consult_desktop.demo.drugs import Drug
from consult_desktop.demo.fhir_elements import ATC, CNK, JSON, SNOMED, UCUM, coding, concept, fhir_datetime, ref

REQUEST_CATEGORY = "http://terminology.hl7.org/CodeSystem/medicationrequest-category"
STATEMENT_CATEGORY = "http://terminology.hl7.org/CodeSystem/medication-statement-category"
DOSE_RATE_TYPE = "http://terminology.hl7.org/CodeSystem/dose-rate-type"


def medication_concept(drug: Drug, lang: str) -> JSON:
    name = drug.name(lang)
    return {
        "coding": [coding(ATC, drug.atc, ", ".join(i.name_en for i in drug.ingredients)), coding(CNK, drug.cnk, name)],
        "text": name,
    }


def dosage(drug: Drug, lang: str) -> JSON:
    d = drug.dosage
    repeat: JSON = {"frequency": d.per_day, "period": 1, "periodUnit": "d", "when": list(d.when)}
    if d.days:
        repeat["boundsDuration"] = {"value": d.days, "unit": "d", "system": UCUM, "code": "d"}
    out: JSON = {
        "text": d.text_nl if lang == "nl" else d.text_fr,
        "timing": {"repeat": repeat},
        "route": concept(SNOMED, d.route[0], d.route[1]),
        "doseAndRate": [{
            "type": concept(DOSE_RATE_TYPE, "ordered", "Ordered"),
            "doseQuantity": {"value": d.dose, "unit": d.unit_nl if lang == "nl" else d.unit_fr, "system": UCUM,
                             "code": d.unit_code},
        }],
    }
    if d.as_needed:
        out["asNeededBoolean"] = True
    return out


def medication_resource(mid: str, drug: Drug, lang: str) -> JSON:
    """A Medication with ingredients and strengths (used contained, or as a resource of its own)."""
    per_unit = drug.dosage.unit_code
    ingredients = []
    for item in drug.ingredients:
        code: JSON = {"text": item.name_en}
        if item.atc:
            code["coding"] = [coding(ATC, item.atc, item.name_en)]
        denominator_code = item.per or per_unit
        ingredients.append({
            "itemCodeableConcept": code,
            "isActive": True,
            "strength": {
                "numerator": {"value": item.amount, "unit": item.unit, "system": UCUM, "code": item.unit},
                "denominator": {"value": 1, "unit": denominator_code, "system": UCUM, "code": denominator_code},
            },
        })
    return {
        "resourceType": "Medication", "id": mid,
        "code": medication_concept(drug, lang),
        "status": "active",
        "form": {"text": drug.form_nl if lang == "nl" else drug.form_fr},
        "ingredient": ingredients,
    }


def medication_request(rid: str, pid: str, eid: str, drug: Drug, lang: str, *, status: str, category: str,
                       authored: int, requester: str, medication: str = "concept", medication_id: str | None = None,
                       reason_condition: str | None = None, status_reason: str | None = None) -> JSON:
    """`medication` is "concept" (medicationCodeableConcept), "contained" or "reference" (Medication/{id})."""
    out: JSON = {
        "resourceType": "MedicationRequest", "id": rid, "status": status, "intent": "order",
        "category": [concept(REQUEST_CATEGORY, category, category.capitalize())],
    }
    if medication == "contained":
        out["contained"] = [medication_resource("med", drug, lang)]
        out["medicationReference"] = {"reference": "#med", "display": drug.name(lang)}
    elif medication == "reference" and medication_id:
        out["medicationReference"] = ref("Medication", medication_id, drug.name(lang))
    else:
        out["medicationCodeableConcept"] = medication_concept(drug, lang)
    out.update({
        "subject": ref("Patient", pid),
        "encounter": ref("Encounter", eid),
        "authoredOn": fhir_datetime(authored),
        "requester": ref("Practitioner", requester),
        "dosageInstruction": [dosage(drug, lang)],
    })
    if status_reason:
        out["statusReason"] = {"text": status_reason}
    if reason_condition:
        out["reasonReference"] = [ref("Condition", reason_condition)]
    return out


def medication_statement(sid: str, pid: str, eid: str, drug: Drug, lang: str, asserted: int, since: str) -> JSON:
    return {
        "resourceType": "MedicationStatement", "id": sid, "status": "active",
        "category": concept(STATEMENT_CATEGORY, "patientspecified", "Patient Specified"),
        "medicationCodeableConcept": medication_concept(drug, lang),
        "subject": ref("Patient", pid),
        "context": ref("Encounter", eid),
        "effectivePeriod": {"start": since},
        "dateAsserted": fhir_datetime(asserted),
        "informationSource": ref("Patient", pid),
        "note": [{"text": "Medicatie bij opname" if lang == "nl" else "Traitement à domicile à l'admission"}],
        "dosage": [dosage(drug, lang)],
    }

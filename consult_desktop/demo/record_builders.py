"""Builders of the demo hospital's clinical FHIR R4 resources (one dict per call, without meta).

Pure functions; callable from any thread. Medication resources are in `medication_builder`; the
orchestration per patient is in `generator`.
"""

from __future__ import annotations

from consult_desktop.demo import labs
from consult_desktop.demo.clinical import DISCHARGE_DISPOSITIONS, AdmissionReason, AllergyKind, ChronicProblem
from consult_desktop.demo.fhir_elements import (
    ACT_CODE,
    ATC,
    DIAG_SERVICE,
    INTERPRETATION,
    JSON,
    LOINC,
    OBS_CATEGORY,
    SNOMED,
    coding,
    concept,
    fhir_datetime,
    instant,
    period,
    quantity,
    ref,
)

CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
ALLERGY_VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
DISPOSITION = "http://terminology.hl7.org/CodeSystem/discharge-disposition"
PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
REFRANGE_MEANING = "http://terminology.hl7.org/CodeSystem/referencerange-meaning"

_INTERPRETATION_DISPLAY = {"H": "High", "L": "Low", "N": "Normal"}
_CLASS_DISPLAY = {"IMP": "inpatient encounter", "AMB": "ambulatory"}


def encounter(eid: str, pid: str, inpatient: bool, start: int, end: int | None, reason: AdmissionReason,
              lang: str, specialty_label: str, specialist: str, hospital: str, disposition: str | None) -> JSON:
    cls = "IMP" if inpatient else "AMB"
    if inpatient:
        type_text = "Klassieke opname" if lang == "nl" else "Hospitalisation classique"
    else:
        type_text = "Daghospitalisatie" if lang == "nl" else "Hospitalisation de jour"
    out: JSON = {
        "resourceType": "Encounter", "id": eid,
        "status": "finished" if end is not None else "in-progress",
        "class": coding(ACT_CODE, cls, _CLASS_DISPLAY[cls]),
        "type": [{"text": type_text}],
        "serviceType": {"text": specialty_label},
        "subject": ref("Patient", pid),
        "participant": [{"type": [concept(PARTICIPATION, "ATND", "attender")], "individual": ref("Practitioner",
                                                                                                   specialist)}],
        "period": period(start, end),
        "reasonCode": [concept(SNOMED, reason.snomed, reason.display, reason.nl if lang == "nl" else reason.fr)],
        "serviceProvider": ref("Organization", hospital),
    }
    if disposition is not None:
        display, fr, nl = DISCHARGE_DISPOSITIONS[disposition]
        out["hospitalization"] = {
            "dischargeDisposition": concept(DISPOSITION, disposition, display, nl if lang == "nl" else fr)
        }
    return out


def condition(cid: str, pid: str, eid: str, snomed: str, display: str, label: str, problem_list: bool,
              active: bool, onset: str, recorded: int, abated: int | None = None) -> JSON:
    category = "problem-list-item" if problem_list else "encounter-diagnosis"
    out: JSON = {
        "resourceType": "Condition", "id": cid,
        "clinicalStatus": concept(CONDITION_CLINICAL, "active" if active else "resolved"),
        "verificationStatus": concept(CONDITION_VERIFICATION, "confirmed"),
        "category": [concept(CONDITION_CATEGORY, category)],
        "code": concept(SNOMED, snomed, display, label),
        "subject": ref("Patient", pid),
        "encounter": ref("Encounter", eid),
        "onsetDateTime": onset,
        "recordedDate": fhir_datetime(recorded),
    }
    if abated is not None and not active:
        out["abatementDateTime"] = fhir_datetime(abated)
    return out


def chronic_condition(cid: str, pid: str, eid: str, problem: ChronicProblem, lang: str, onset: str,
                      recorded: int) -> JSON:
    label = problem.nl if lang == "nl" else problem.fr
    return condition(cid, pid, eid, problem.snomed, problem.display, label, True, True, onset, recorded)


def allergy(aid: str, pid: str, kind: AllergyKind, lang: str, recorded: int, onset_year: int) -> JSON:
    code = concept(SNOMED, kind.snomed, kind.display, kind.nl if lang == "nl" else kind.fr)
    if kind.atc:
        code["coding"].append(coding(ATC, kind.atc))
    r_code, r_display, r_fr, r_nl = kind.reaction
    return {
        "resourceType": "AllergyIntolerance", "id": aid,
        "clinicalStatus": concept(ALLERGY_CLINICAL, "active"),
        "verificationStatus": concept(ALLERGY_VERIFICATION, "confirmed"),
        "type": kind.kind,
        "category": [kind.category],
        "criticality": kind.criticality,
        "code": code,
        "patient": ref("Patient", pid),
        "onsetDateTime": str(onset_year),
        "recordedDate": fhir_datetime(recorded),
        "reaction": [{
            "manifestation": [concept(SNOMED, r_code, r_display, r_nl if lang == "nl" else r_fr)],
            "severity": kind.severity,
        }],
    }


def lab_observation(oid: str, pid: str, eid: str, test: labs.LabTest, value: float, lang: str, effective: int,
                    issued: int, on_warfarin: bool = False) -> JSON:
    flag = labs.interpretation(test, value)
    ranges: list[JSON] = []
    reference: JSON = {}
    if test.low is not None:
        reference["low"] = quantity(test.low, test.shown_unit, test.unit)
    if test.high is not None:
        reference["high"] = quantity(test.high, test.shown_unit, test.unit)
    if reference:
        ranges.append(reference)
    if test.key == "inr" and on_warfarin:
        ranges.append({"low": quantity(2.0, test.shown_unit, test.unit), "high": quantity(3.0, test.shown_unit,
                                                                                            test.unit),
                       "type": concept(REFRANGE_MEANING, "treatment", "Treatment Range"),
                       "text": "Therapeutisch doel" if lang == "nl" else "Zone thérapeutique"})
    out: JSON = {
        "resourceType": "Observation", "id": oid, "status": "final",
        "category": [concept(OBS_CATEGORY, "laboratory", "Laboratory")],
        "code": concept(LOINC, test.loinc, test.display, test.nl if lang == "nl" else test.fr),
        "subject": ref("Patient", pid),
        "encounter": ref("Encounter", eid),
        "effectiveDateTime": fhir_datetime(effective),
        "issued": instant(issued),
        "valueQuantity": quantity(value, test.shown_unit, test.unit),
        "interpretation": [concept(INTERPRETATION, flag, _INTERPRETATION_DISPLAY[flag])],
    }
    if ranges:
        out["referenceRange"] = ranges
    return out


def blood_pressure(oid: str, pid: str, eid: str, systolic: int, diastolic: int, effective: int) -> JSON:
    def component(code: str, display: str, value: int) -> JSON:
        return {"code": concept(LOINC, code, display), "valueQuantity": quantity(value, "mm[Hg]")}

    return {
        "resourceType": "Observation", "id": oid, "status": "final",
        "category": [concept(OBS_CATEGORY, "vital-signs", "Vital Signs")],
        "code": concept(LOINC, "85354-9", "Blood pressure panel with all children optional"),
        "subject": ref("Patient", pid), "encounter": ref("Encounter", eid),
        "effectiveDateTime": fhir_datetime(effective),
        "component": [component("8480-6", "Systolic blood pressure", systolic),
                      component("8462-4", "Diastolic blood pressure", diastolic)],
    }


def heart_rate(oid: str, pid: str, eid: str, rate: int, effective: int) -> JSON:
    return {
        "resourceType": "Observation", "id": oid, "status": "final",
        "category": [concept(OBS_CATEGORY, "vital-signs", "Vital Signs")],
        "code": concept(LOINC, "8867-4", "Heart rate"),
        "subject": ref("Patient", pid), "encounter": ref("Encounter", eid),
        "effectiveDateTime": fhir_datetime(effective),
        "valueQuantity": quantity(rate, "/min"),
    }


def lab_report(rid: str, pid: str, eid: str, panel: str, lang: str, effective: int, issued: int,
               results: list[str], laboratory: str) -> JSON:
    code, display, fr, nl = labs.PANELS[panel]
    return {
        "resourceType": "DiagnosticReport", "id": rid, "status": "final",
        "category": [concept(DIAG_SERVICE, "LAB", "Laboratory")],
        "code": concept(LOINC, code, display, nl if lang == "nl" else fr),
        "subject": ref("Patient", pid), "encounter": ref("Encounter", eid),
        "effectiveDateTime": fhir_datetime(effective), "issued": instant(issued),
        "performer": [ref("Organization", laboratory)],
        "result": [ref("Observation", oid) for oid in results],
    }


def imaging_report(rid: str, pid: str, eid: str, exam_label: str, conclusion: str, effective: int, issued: int,
                   radiologist: str, attachment: JSON) -> JSON:
    return {
        "resourceType": "DiagnosticReport", "id": rid, "status": "final",
        "category": [concept(DIAG_SERVICE, "RAD", "Radiology")],
        "code": concept(LOINC, "18748-4", "Diagnostic imaging study", exam_label),
        "subject": ref("Patient", pid), "encounter": ref("Encounter", eid),
        "effectiveDateTime": fhir_datetime(effective), "issued": instant(issued),
        "performer": [ref("Practitioner", radiologist)],
        "conclusion": conclusion,
        "presentedForm": [attachment],
    }


DOCUMENT_TYPES = {
    "discharge": ("18842-5", "Discharge summary", "Lettre de sortie", "Ontslagbrief"),
    "operative": ("11504-8", "Surgical operation note", "Protocole opératoire", "Operatieverslag"),
    "radiology": ("18748-4", "Diagnostic imaging study", "Rapport d'imagerie", "Radiologieverslag"),
}
DOCUMENT_CLASS = "https://demo-hospital.invalid/fhir/CodeSystem/document-class"


def document_reference(did: str, pid: str, eid: str | None, kind: str, lang: str, date: int, author: str,
                       hospital: str, attachment: JSON, stay: JSON | None, setting: str | None) -> JSON:
    code, display, fr, nl = DOCUMENT_TYPES[kind]
    label = nl if lang == "nl" else fr
    out: JSON = {
        "resourceType": "DocumentReference", "id": did, "status": "current", "docStatus": "final",
        "type": concept(LOINC, code, display, label),
        "category": [concept(DOCUMENT_CLASS, kind, display, label)],
        "subject": ref("Patient", pid),
        "date": instant(date),
        "author": [ref("Practitioner", author)],
        "custodian": ref("Organization", hospital),
        "description": attachment.get("title", label),
        "content": [{"attachment": attachment}],
    }
    if eid is not None:
        context: JSON = {"encounter": [ref("Encounter", eid)]}
        if stay is not None:
            context["period"] = stay
        if setting:
            context["practiceSetting"] = {"text": setting}
        out["context"] = context
    return out


def procedure(prid: str, pid: str, eid: str, code: tuple[str, str, str, str], lang: str, start: int, end: int,
              performer: str, reason_condition: str | None) -> JSON:
    snomed, display, fr, nl = code
    out: JSON = {
        "resourceType": "Procedure", "id": prid, "status": "completed",
        "code": concept(SNOMED, snomed, display, nl if lang == "nl" else fr),
        "subject": ref("Patient", pid), "encounter": ref("Encounter", eid),
        "performedPeriod": period(start, end),
        "performer": [{"actor": ref("Practitioner", performer)}],
    }
    if reason_condition:
        out["reasonReference"] = [ref("Condition", reason_condition)]
    return out


def immunization(iid: str, pid: str, atc_code: str, product: str, label: str, when: int, lot: str) -> JSON:
    return {
        "resourceType": "Immunization", "id": iid, "status": "completed",
        "vaccineCode": {"coding": [coding(ATC, atc_code)], "text": f"{label} ({product})"},
        "patient": ref("Patient", pid),
        "occurrenceDateTime": fhir_datetime(when),
        "primarySource": False,
        "reportOrigin": {"text": "Vaccinnet"},
        "lotNumber": lot,
    }

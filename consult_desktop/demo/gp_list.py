"""The demo GP's own prescriptions for about half of the demo patients, so that the medication comparison has
every kind of line: unchanged, dose changed at the hospital, stopped at the hospital, the GP's only (started
after the discharge) — and at
least one interaction between a GP prescription and a hospital medicine (an NSAID beside an anticoagulant,
an antiplatelet, a RAAS blocker or a diuretic).

Built from the hospital's own discharge lists, so the story matches the discharge letters. Pure function of
the hospital; any thread. `--demo` stores the result in the demo profile as the GP's prescriptions.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from consult_desktop.demo import medication_builder as mb
from consult_desktop.demo.drugs import DRUGS, Drug
from consult_desktop.demo.fhir_elements import CNK, JSON

BY_CNK = {drug.cnk: drug for drug in DRUGS.values()}
# Hospital medicines beside which the GP's ibuprofen is an interaction the checks flag.
NSAID_PARTNERS = frozenset({"warfarin", "rivaroxaban", "apixaban", "aspirin", "clopidogrel", "ramipril",
                            "perindopril", "lisinopril", "candesartan", "spironolactone", "furosemide",
                            "escitalopram", "sertraline", "sacubitril_valsartan"})

# Medicines a hospital often leaves out of an older patient's discharge list (the GP had them for years).
LEFT_OUT_AT_DISCHARGE = ("zolpidem", "calcium_vitd", "omeprazole")


def _drug_of(hospital: Any, request: JSON) -> Drug | None:
    concept = request.get("medicationCodeableConcept")
    if concept is None and request.get("contained"):
        concept = request["contained"][0].get("code")
    reference = (request.get("medicationReference") or {}).get("reference", "")
    if concept is None and reference.startswith("Medication/"):
        medication = hospital.resource("Medication", reference.split("/", 1)[1]) or {}
        concept = medication.get("code")
    for coding in (concept or {}).get("coding", []):
        if coding.get("system") == CNK and coding.get("code") in BY_CNK:
            return BY_CNK[coding["code"]]
    return None


def _latest_discharge(hospital: Any, patient_id: str) -> tuple[list[Drug], list[Drug], str]:
    """(active, stopped) drugs of the patient's latest discharge list, and when it was written."""
    requests = [r for r in hospital.resources_of_patient(patient_id, "MedicationRequest")
                if any(c.get("code") == "discharge" for cat in r.get("category", []) for c in cat.get("coding", []))]
    if not requests:
        return [], [], ""
    latest = max(r.get("authoredOn", "") for r in requests)
    listed = [r for r in requests if r.get("authoredOn", "") == latest]
    active = [d for r in listed if r.get("status") in ("active", "completed") and (d := _drug_of(hospital, r))]
    stopped = [d for r in listed if r.get("status") == "stopped" and (d := _drug_of(hospital, r))]
    return active, stopped, latest


def _statement(drug: Drug, lang: str, start: dt.date, dose_factor: float = 1.0) -> JSON:
    dosage = mb.dosage(drug, lang)
    if dose_factor != 1.0:
        dosage = copy.deepcopy(dosage)
        quantity = dosage["doseAndRate"][0]["doseQuantity"]
        quantity["value"] = quantity["value"] * dose_factor
        per_day = drug.dosage.per_day
        unit = drug.dosage.unit_nl if lang == "nl" else drug.dosage.unit_fr
        amount = f"{quantity['value']:g}"
        dosage["text"] = (f"{amount} {unit} {per_day}x per dag" if lang == "nl"
                          else f"{amount} {unit} {per_day}x par jour")
    return {"resourceType": "MedicationStatement", "status": "active",
            "medicationCodeableConcept": mb.medication_concept(drug, lang),
            "effectivePeriod": {"start": start.isoformat()}, "dosage": [dosage]}


def gp_prescriptions(hospital: Any, patient_ids: list[str]) -> dict[str, list[JSON]]:
    """patient id -> the GP's prescriptions, for every second patient of `patient_ids` that has a discharge list."""
    out: dict[str, list[JSON]] = {}
    since = hospital.reference_date - dt.timedelta(days=400)
    for position, patient_id in enumerate(sorted(patient_ids)):
        if position % 2:
            continue
        active, stopped, written = _latest_discharge(hospital, patient_id)
        if not active and not stopped:
            continue
        patient = hospital.resource("Patient", patient_id) or {}
        lang = "nl" if "nl" in str(patient.get("communication", "")) else "fr"
        lines = []
        if active:
            lines.append(_statement(active[0], lang, since))  # unchanged
        if len(active) > 1:
            lines.append(_statement(active[1], lang, since, dose_factor=2.0))  # the hospital changed the dose
        hospital_keys = {d.key for d in active + stopped}
        if stopped:  # stopped at the hospital: on its list as stopped
            lines.append(_statement(stopped[0], lang, since))
        else:  # stopped at the hospital: the GP's long-standing medicine is not on the discharge list
            dropped = next((key for key in LEFT_OUT_AT_DISCHARGE if key not in hospital_keys), None)
            if dropped is not None:
                lines.append(_statement(DRUGS[dropped], lang, since))
        gp_only = "ibuprofen" if hospital_keys & NSAID_PARTNERS else "paracetamol"
        if gp_only not in hospital_keys:  # the GP's only: started after the discharge
            discharged = dt.date.fromisoformat(written[:10])
            started = min(discharged + dt.timedelta(days=1), hospital.reference_date)
            lines.append(_statement(DRUGS[gp_only], lang, started))
        out[patient_id] = lines
    return out

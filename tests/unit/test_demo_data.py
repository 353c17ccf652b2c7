"""Demo hospital data: valid Belgian SSINs, determinism, FHIR R4 validity, clinically coherent records."""

from __future__ import annotations

import base64
import datetime as dt
import importlib
import json
import re
import zlib
from collections import defaultdict

import pytest

from consult_desktop.demo import DemoHospital, ssin_is_valid
from consult_desktop.demo.fhir_elements import ATC, CNK, LOINC, SNOMED
from consult_desktop.demo.ssin import SSIN_SYSTEM, format_ssin, make_ssin

REFERENCE = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def hospital() -> DemoHospital:
    return DemoHospital(60, seed=7, reference_date=REFERENCE)


def validate(resource: dict) -> None:
    rtype = resource["resourceType"]
    model = getattr(importlib.import_module(f"fhir.resources.R4B.{rtype.lower()}"), rtype)
    model.model_validate(resource)


def codes(concept: dict, system: str) -> list[str]:
    return [c["code"] for c in concept.get("coding", []) if c.get("system") == system]


def pdf_text(data: bytes) -> str:
    """The text shown by a PDF made with fpdf2's core fonts (content streams, Latin-1)."""
    chunks = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(chunks).replace("\\(", "(").replace("\\)", ")")


# -- SSIN ------------------------------------------------------------------------------------------------------


def test_ssin_check_digits_follow_the_national_register_rule() -> None:
    # 85-07-30, serial 033 (a man): 97 - (850730033 mod 97) = 97 - 69 = 28
    assert 850730033 % 97 == 69
    assert ssin_is_valid("85073003328")
    assert ssin_is_valid("85.07.30-033.28")
    assert not ssin_is_valid("85073003329")
    # born in 2005: the check is computed on "2" + the first nine digits: 97 - 29 = 68
    assert 2050112004 % 97 == 29
    assert ssin_is_valid("05011200468")
    assert ssin_is_valid("05011200439")  # the same digits for someone born in 1905: 97 - (50112004 mod 97)
    assert not ssin_is_valid("05011200429")
    assert not ssin_is_valid("0501120041")
    assert not ssin_is_valid("0501120041X")


def test_make_ssin_builds_valid_numbers_for_both_centuries_and_sexes() -> None:
    man = make_ssin(dt.date(1950, 3, 12), 5)
    woman = make_ssin(dt.date(2003, 11, 30), 998 - 2)
    assert man.startswith("500312005") and ssin_is_valid(man)
    assert woman.startswith("031130996") and ssin_is_valid(woman)
    assert format_ssin(man) == f"50.03.12-005.{man[9:]}"
    with pytest.raises(ValueError):
        make_ssin(dt.date(1950, 3, 12), 0)


def test_every_generated_patient_has_a_valid_ssin_matching_birth_date_and_sex(hospital: DemoHospital) -> None:
    patients = hospital.resources_of_patient
    seen = set()
    for pid in hospital.patient_ids():
        patient = patients(pid, "Patient")[0]
        ssin = next(i["value"] for i in patient["identifier"] if i["system"] == SSIN_SYSTEM)
        assert ssin_is_valid(ssin), pid
        birth = dt.date.fromisoformat(patient["birthDate"])
        assert ssin[:6] == f"{birth:%y%m%d}"
        assert (int(ssin[6:9]) % 2 == 1) == (patient["gender"] == "male")
        seen.add(ssin)
    assert len(seen) == 60


# -- determinism ------------------------------------------------------------------------------------------------


def dump(hospital: DemoHospital) -> list[str]:
    rows = []
    with hospital.lock:
        for rtype, count in hospital.counts_by_type().items():
            assert count
            for rid in sorted(hospital.log.ids_of_type(rtype)):
                rows.append(json.dumps(hospital.log.current(rtype, rid).resource, sort_keys=True))
    return rows


def test_same_size_and_seed_give_identical_records() -> None:
    first = DemoHospital(25, seed=3, reference_date=REFERENCE)
    second = DemoHospital(25, seed=3, reference_date=REFERENCE)
    assert dump(first) == dump(second)
    assert dump(DemoHospital(25, seed=4, reference_date=REFERENCE)) != dump(first)


def test_a_patient_does_not_depend_on_how_many_patients_there_are() -> None:
    small = DemoHospital(5, seed=3, reference_date=REFERENCE)
    large = DemoHospital(30, seed=3, reference_date=REFERENCE)
    assert small.resources_of_patient("pat-00004") == large.resources_of_patient("pat-00004")


def test_about_fifty_resources_per_patient_and_every_type_present(hospital: DemoHospital) -> None:
    counts = hospital.counts_by_type()
    per_patient = (hospital.resource_count() - counts["Practitioner"] - counts["Organization"]) / 60
    assert 35 <= per_patient <= 70
    for rtype in ("Patient", "Encounter", "Condition", "AllergyIntolerance", "MedicationRequest",
                  "MedicationStatement", "Medication", "Observation", "DiagnosticReport", "DocumentReference",
                  "Immunization", "Procedure", "Practitioner", "Organization"):
        assert counts.get(rtype, 0) > 0, rtype


# -- FHIR validity ----------------------------------------------------------------------------------------------


def test_a_sample_of_every_resource_type_validates_against_r4b_models(hospital: DemoHospital) -> None:
    by_type: dict[str, list[dict]] = defaultdict(list)
    with hospital.lock:
        for rtype in hospital.counts_by_type():
            for rid in sorted(hospital.log.ids_of_type(rtype))[:40]:
                by_type[rtype].append(hospital.current(rtype, rid).resource)  # inline attachments rendered
    for resources in by_type.values():
        for resource in resources:
            validate(resource)
    validate(hospital.group(hospital.default_practitioner_id))
    assert len(by_type) >= 14


def test_every_resource_has_version_and_a_past_utc_last_updated(hospital: DemoHospital) -> None:
    now = dt.datetime.now(dt.UTC)
    with hospital.lock:
        for rtype in hospital.counts_by_type():
            for rid in hospital.log.ids_of_type(rtype):
                meta = hospital.log.current(rtype, rid).resource["meta"]
                assert meta["versionId"] == "1"
                moment = dt.datetime.fromisoformat(meta["lastUpdated"])
                assert moment.utcoffset() == dt.timedelta(0)
                assert moment < now


# -- clinical coherence -----------------------------------------------------------------------------------------


def observations_by_report(hospital: DemoHospital) -> list[dict[str, dict]]:
    panels = []
    for pid in hospital.patient_ids():
        observations = {o["id"]: o for o in hospital.resources_of_patient(pid, "Observation")}
        for report in hospital.resources_of_patient(pid, "DiagnosticReport"):
            if report["category"][0]["coding"][0]["code"] == "LAB":
                ids = [r["reference"].split("/")[1] for r in report["result"]]
                panels.append({codes(observations[i]["code"], LOINC)[0]: observations[i] for i in ids})
    return panels


def test_high_creatinine_always_comes_with_low_egfr_and_flags_match_ranges(hospital: DemoHospital) -> None:
    high_creatinine = 0
    for panel in observations_by_report(hospital):
        for observation in panel.values():
            value = observation["valueQuantity"]["value"]
            reference = observation["referenceRange"][0]
            flag = observation["interpretation"][0]["coding"][0]["code"]
            expected = "H" if "high" in reference and value > reference["high"]["value"] else (
                "L" if "low" in reference and value < reference["low"]["value"] else "N")
            assert flag == expected
        if "2160-0" in panel:
            egfr = panel["62238-1"]["valueQuantity"]["value"]
            if panel["2160-0"]["valueQuantity"]["value"] > 1.5:
                high_creatinine += 1
                assert egfr < 60
                assert panel["62238-1"]["interpretation"][0]["coding"][0]["code"] == "L"
    assert high_creatinine > 0


def test_labs_follow_each_patients_problems_and_medication(hospital: DemoHospital) -> None:
    diabetics = warfarin_users = 0
    for pid in hospital.patient_ids():
        problems = {c for cond in hospital.resources_of_patient(pid, "Condition") for c in codes(cond["code"], SNOMED)}
        requests = hospital.resources_of_patient(pid, "MedicationRequest")
        on_warfarin = any('"B01AA03"' in json.dumps(mr) for mr in requests)
        labs = {c for o in hospital.resources_of_patient(pid, "Observation") for c in codes(o["code"], LOINC)}
        if "4548-4" in labs:
            assert "44054006" in problems  # HbA1c is measured in diabetics
            diabetics += 1
        assert ("6301-6" in labs) == on_warfarin  # INR is followed when warfarin is taken
        warfarin_users += on_warfarin
    assert diabetics > 0 and warfarin_users > 0


def test_trends_exist_across_stays(hospital: DemoHospital) -> None:
    repeated = 0
    for pid in hospital.patient_ids():
        creatinine = [o for o in hospital.resources_of_patient(pid, "Observation")
                      if codes(o["code"], LOINC) == ["2160-0"]]
        if len({o["encounter"]["reference"] for o in creatinine}) >= 2:
            repeated += 1
    assert repeated >= 5


def test_medication_is_coded_with_atc_and_synthetic_cnk_and_dosed(hospital: DemoHospital) -> None:
    variants = set()
    for pid in hospital.patient_ids():
        for request in hospital.resources_of_patient(pid, "MedicationRequest"):
            assert request["intent"] == "order"
            assert request["category"][0]["coding"][0]["code"] in ("discharge", "inpatient")
            dosage = request["dosageInstruction"][0]
            assert dosage["text"] and dosage["timing"]["repeat"]["frequency"] >= 1
            assert dosage["doseAndRate"][0]["doseQuantity"]["value"] > 0
            if "medicationCodeableConcept" in request:
                variants.add("concept")
                concept = request["medicationCodeableConcept"]
                assert codes(concept, ATC) and re.fullmatch(r"\d{7}", codes(concept, CNK)[0])
            elif request["medicationReference"]["reference"].startswith("#"):
                variants.add("contained")
                assert request["contained"][0]["ingredient"]
            else:
                variants.add("reference")
                medication = hospital.resource("Medication", request["medicationReference"]["reference"][11:])
                assert medication is not None and medication["ingredient"][0]["strength"]["numerator"]["value"] > 0
    assert variants == {"concept", "contained", "reference"}


def test_belgian_product_names_in_the_patients_language(hospital: DemoHospital) -> None:
    names = {(p["communication"][0]["language"]["coding"][0]["code"], mr["medicationCodeableConcept"]["text"])
             for pid in hospital.patient_ids()
             for p in hospital.resources_of_patient(pid, "Patient")
             for mr in hospital.resources_of_patient(pid, "MedicationRequest") if "medicationCodeableConcept" in mr}
    texts = " ".join(name for _, name in names)
    assert any(lang == "nl-BE" and "tabletten" in name for lang, name in names)
    assert any(lang == "fr-BE" and "comprimés" in name for lang, name in names)
    assert re.search(r"(Marevan|Xarelto|Eliquis) ", texts)


def test_documents_are_real_pdfs_in_the_patients_language(hospital: DemoHospital) -> None:
    kinds, modes = set(), set()
    for pid in hospital.patient_ids():
        patient = hospital.resources_of_patient(pid, "Patient")[0]
        lang = patient["communication"][0]["language"]["coding"][0]["code"]
        for doc in hospital.resources_of_patient(pid, "DocumentReference"):
            kinds.add(codes(doc["type"], LOINC)[0])
            assert doc["status"] == "current" and doc["docStatus"] == "final"
            assert doc["context"]["encounter"][0]["reference"].startswith("Encounter/")
            attachment = doc["content"][0]["attachment"]
            assert attachment["language"] == lang
            if "data" in attachment:
                modes.add("inline")
                data = base64.b64decode(attachment["data"])
                assert attachment["size"] == len(data)
            else:
                modes.add("absolute" if attachment["url"].startswith("http") else "url")
                data = hospital.binary(attachment["url"].rsplit("/", 1)[1]).data
            if attachment["contentType"] == "application/pdf":
                assert data.startswith(b"%PDF-") and len(data) < 20_000
                text = pdf_text(data)
            else:
                text = data.decode("utf-8")
            assert patient["name"][0]["family"] in text
            kind = codes(doc["type"], LOINC)[0]
            if kind == "18842-5":
                assert ("Ontslagbrief" if lang == "nl-BE" else "Lettre de sortie") in text
    assert kinds == {"18842-5", "11504-8", "18748-4"}
    assert modes == {"inline", "url", "absolute"}


def test_relationships_decide_who_the_demo_gp_sees(hospital: DemoHospital) -> None:
    gp = hospital.default_practitioner_id
    now = hospital.now_ms()
    authorised = set(hospital.authorised_patient_ids(gp))
    expected = {r.patient for r in hospital.relationships() if r.practitioner == gp and r.start_ms <= now and
                (r.end_ms is None or r.end_ms > now)}
    assert authorised == expected
    assert 0 < len(authorised) < 60
    assert any(r.end_ms is not None and r.end_ms <= now for r in hospital.relationships())  # some ended

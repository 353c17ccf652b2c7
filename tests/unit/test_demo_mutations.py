"""Demo hospital changes while running: documents, deletions, relationships, invalid resources, big PDFs."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from fhir.resources.R4B.documentreference import DocumentReference
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from pydantic import ValidationError

from consult_desktop.demo import DemoHospital
from consult_desktop.demo.fhir_elements import datetime_from_ms


@pytest.fixture
def hospital() -> DemoHospital:
    return DemoHospital(12, seed=2, reference_date=dt.date(2026, 3, 2))


def patient_of(hospital: DemoHospital) -> str:
    return hospital.authorised_patient_ids(hospital.default_practitioner_id)[0]


def last_updated(resource: dict) -> dt.datetime:
    return dt.datetime.fromisoformat(resource["meta"]["lastUpdated"])


def test_new_document_gets_a_fresh_last_updated_and_a_binary(hospital: DemoHospital) -> None:
    pid = patient_of(hospital)
    newest_before = max(last_updated(r) for r in hospital.resources_of_patient(pid))
    doc_id = hospital.add_document(pid, text="Nouvelle lettre de test")
    doc = hospital.resource("DocumentReference", doc_id)
    assert doc["meta"]["versionId"] == "1" and last_updated(doc) > newest_before
    DocumentReference.model_validate(doc)
    binary = hospital.binary(doc["content"][0]["attachment"]["url"].split("/")[-1])
    assert binary.data.startswith(b"%PDF-")


def test_amend_keeps_the_id_and_bumps_the_version(hospital: DemoHospital) -> None:
    pid = patient_of(hospital)
    doc_id = hospital.add_document(pid)
    first = hospital.resource("DocumentReference", doc_id)
    assert hospital.amend_document(doc_id, text="Corrigé") == 2
    amended = hospital.resource("DocumentReference", doc_id)
    assert amended["docStatus"] == "amended" and amended["meta"]["versionId"] == "2"
    assert last_updated(amended) > last_updated(first)
    assert amended["content"][0]["attachment"]["url"] != first["content"][0]["attachment"]["url"]


def test_replace_supersedes_the_old_document(hospital: DemoHospital) -> None:
    pid = patient_of(hospital)
    old_id = hospital.resources_of_patient(pid, "DocumentReference")[0]["id"]
    new_id = hospital.replace_document(old_id, text="Version corrigée")
    old, new = hospital.resource("DocumentReference", old_id), hospital.resource("DocumentReference", new_id)
    assert old["status"] == "superseded" and old["meta"]["versionId"] == "2"
    assert new["relatesTo"] == [{"code": "replaces", "target": {"reference": f"DocumentReference/{old_id}"}}]
    assert new["status"] == "current"
    DocumentReference.model_validate(new)


def test_entered_in_error_and_delete(hospital: DemoHospital) -> None:
    pid = patient_of(hospital)
    doc_id = hospital.resources_of_patient(pid, "DocumentReference")[0]["id"]
    hospital.mark_document_entered_in_error(doc_id)
    assert hospital.resource("DocumentReference", doc_id)["status"] == "entered-in-error"
    obs_id = hospital.resources_of_patient(pid, "Observation")[0]["id"]
    hospital.delete_resource("Observation", obs_id)
    assert hospital.resource("Observation", obs_id) is None
    version = hospital.current("Observation", obs_id)
    assert version.deleted and version.method == "DELETE"
    with pytest.raises(KeyError):
        hospital.delete_resource("Observation", obs_id)


def test_deleting_a_patient_deletes_the_whole_record(hospital: DemoHospital) -> None:
    pid = patient_of(hospital)
    hospital.delete_resource("Patient", pid)
    assert hospital.resources_of_patient(pid) == []
    assert pid not in hospital.authorised_patient_ids(hospital.default_practitioner_id)


def test_relationship_end_and_start_change_authorisation_at_once(hospital: DemoHospital) -> None:
    gp = hospital.default_practitioner_id
    pid = patient_of(hospital)
    version_before = hospital.group(gp)["meta"]["versionId"]
    assert hospital.end_relationship(pid) == 1
    assert pid not in hospital.authorised_patient_ids(gp)
    assert hospital.group(gp)["meta"]["versionId"] != version_before
    hospital.start_relationship(pid)
    assert pid in hospital.authorised_patient_ids(gp)
    outsider = next(p for p in hospital.patient_ids() if p not in hospital.authorised_patient_ids(gp))
    hospital.start_relationship(outsider, gp)
    assert hospital.is_authorised(gp, outsider)


def test_invalid_resources_fail_validation(hospital: DemoHospital) -> None:
    pid = patient_of(hospital)
    rtype, rid = hospital.add_invalid_resource(pid, "observation")
    with pytest.raises(ValidationError):
        Observation.model_validate(hospital.resource(rtype, rid))
    rtype, rid = hospital.add_invalid_resource(pid, "patient-birthdate")
    assert hospital.resource("Patient", pid)["birthDate"] == "31/02/1970"
    with pytest.raises(ValidationError):
        Patient.model_validate(hospital.resource(rtype, rid))
    rtype, rid = hospital.add_invalid_resource(pid, "document")
    with pytest.raises(ValidationError):
        DocumentReference.model_validate(hospital.resource(rtype, rid))
    rtype, rid = hospital.add_invalid_resource(pid, "observation-status")
    assert hospital.resource(rtype, rid)["status"] == "not-a-status"


def test_large_document_has_the_requested_size(hospital: DemoHospital) -> None:
    doc_id = hospital.add_large_document(patient_of(hospital), 600_000)
    url = hospital.resource("DocumentReference", doc_id)["content"][0]["attachment"]["url"]
    data = hospital.binary(url.split("/")[-1]).data
    assert data.startswith(b"%PDF-") and 600_000 <= len(data) <= 660_000


def test_new_patient_and_lab_result(hospital: DemoHospital) -> None:
    pid = hospital.add_patient()
    assert pid in hospital.authorised_patient_ids(hospital.default_practitioner_id)
    patient = hospital.resource("Patient", pid)
    assert patient["generalPractitioner"][0]["reference"] == f"Practitioner/{hospital.default_practitioner_id}"
    obs_id = hospital.add_lab_result(pid, "potassium", 6.3)
    obs = hospital.resource("Observation", obs_id)
    assert obs["valueQuantity"]["value"] == 6.3 and obs["interpretation"][0]["coding"][0]["code"] == "H"


def test_concurrent_changes_get_unique_increasing_times(hospital: DemoHospital) -> None:
    pid = patient_of(hospital)
    ids: list[str] = []

    def work() -> None:
        for _ in range(10):
            ids.append(hospital.add_lab_result(pid, "sodium", 140))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stamps = [hospital.current("Observation", i).lu for i in ids]
    assert len(set(stamps)) == 40
    assert max(stamps) <= int(dt.datetime.now(dt.UTC).timestamp() * 1000) + 1000
    assert datetime_from_ms(min(stamps)).tzinfo is not None

"""Demo hospitals that share patients: the same persons by SSIN, under other ids, with other records."""

from __future__ import annotations

from consult_desktop.demo.hospital import DemoHospital
from consult_desktop.demo.ssin import SSIN_SYSTEM


def _people(hospital: DemoHospital) -> dict[str, tuple[str, dict]]:
    out = {}
    for pid in hospital.patient_ids():
        patient = hospital.resource("Patient", pid) or {}
        ssin = next(i["value"] for i in patient["identifier"] if i["system"] == SSIN_SYSTEM)
        out[ssin] = (pid, patient)
    return out


def test_two_hospitals_share_n_persons_with_other_ids_and_records() -> None:
    a = DemoHospital(patients=9, seed=4, hospital_name="Hôpital A", shared_patients=3)
    b = DemoHospital(patients=7, seed=5, hospital_name="Ziekenhuis B", shared_patients=3)
    people_a, people_b = _people(a), _people(b)
    shared = set(people_a) & set(people_b)
    assert len(shared) == 3
    for ssin in shared:
        (pid_a, pat_a), (pid_b, pat_b) = people_a[ssin], people_b[ssin]
        assert pid_a != pid_b
        assert (pat_a["name"], pat_a["birthDate"], pat_a["gender"]) == (pat_b["name"], pat_b["birthDate"],
                                                                        pat_b["gender"])
        assert pid_a in a.authorised_patient_ids(a.default_practitioner_id) or \
            pid_b in b.authorised_patient_ids(b.default_practitioner_id)
        docs_a = {d.get("date") for d in a.resources_of_patient(pid_a, "DocumentReference")}
        docs_b = {d.get("date") for d in b.resources_of_patient(pid_b, "DocumentReference")}
        assert docs_a != docs_b  # other stays, other documents
    assert a.resource("Organization", "org-hospital")["name"] == "Hôpital A"
    assert b.resource("Organization", "org-hospital")["name"] == "Ziekenhuis B"


def test_without_sharing_a_hospital_is_what_it_was() -> None:
    plain = DemoHospital(patients=5, seed=4)
    again = DemoHospital(patients=5, seed=4, shared_patients=0)
    assert [plain.resource("Patient", p) for p in plain.patient_ids()] == \
        [again.resource("Patient", p) for p in again.patient_ids()]
    assert plain.name == "Hôpital Démo de Bruxelles - Demoziekenhuis Brussel"

"""The demo GP's own prescriptions: about half of the demo GP's patients have them, and stored beside the hospital
record they give the comparison every kind of line and at least one GP-hospital interaction."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from consult_desktop.demo.gp_list import gp_prescriptions
from consult_desktop.demo.hospital import DemoHospital
from consult_desktop.meds import comparison as cmp
from consult_desktop.record.medication import load_medication
from consult_desktop.store import KdfParams, Profile

FAST_KDF = KdfParams(iterations=1, lanes=1, memory_kib=8)
SERVER = "demo"


def test_half_of_the_gps_patients_with_every_kind_of_line(tmp_path: Path) -> None:
    hospital = DemoHospital(patients=40, seed=1)
    shared = hospital.authorised_patient_ids(hospital.default_practitioner_id)
    lists = gp_prescriptions(hospital, shared)
    assert set(lists) <= set(shared)
    assert 0.3 * len(shared) <= len(lists) <= 0.55 * len(shared)

    gp_only_after_discharge = 0
    for patient_id, statements in lists.items():
        requests = hospital.resources_of_patient(patient_id, "MedicationRequest")
        on_hospital_lists = {c["code"] for r in requests
                             for c in (r.get("medicationCodeableConcept") or {}).get("coding", [])}
        discharged = max(r.get("authoredOn", "") for r in requests)[:10]
        gp_only_after_discharge += sum(
            1 for s in statements if not {c["code"] for c in s["medicationCodeableConcept"]["coding"]}
            & on_hospital_lists and s["effectivePeriod"]["start"] > discharged)
    assert gp_only_after_discharge >= len(lists) // 2

    statuses: Counter[str] = Counter()
    gp_hospital_interactions = 0
    with Profile.resolve(tmp_path / "p").create("demo pass phrase", kdf=FAST_KDF) as store:
        for patient_id, statements in lists.items():
            resources = [hospital.resource("Patient", patient_id), *hospital.resources_of_patient(patient_id)]
            store.resources.put_many(SERVER, [r for r in resources if r])
            for statement in statements:
                store.prescriptions.save(SERVER, patient_id, {**statement,
                                                              "subject": {"reference": f"Patient/{patient_id}"}})
            data = load_medication(store, SERVER, patient_id)
            statuses.update(line.status for line in data.comparison.lines)
            gp_ids = {e.resource_id for line in data.comparison.lines if not line.hospital for e in line.gp}
            hospital_ids = {e.resource_id for line in data.comparison.lines for e in line.hospital}
            gp_hospital_interactions += sum(
                1 for flag in data.comparison.flags if flag.kind == "interaction"
                and set(flag.resource_ids) & gp_ids and set(flag.resource_ids) & hospital_ids)
    assert {cmp.UNCHANGED, cmp.CHANGED, cmp.STOPPED} <= set(statuses), statuses
    assert gp_hospital_interactions >= 1

"""`--demo` creates its profile with the demo GP's own prescriptions for about half of the GP's patients."""

from __future__ import annotations

from consult_desktop.demo_session import DemoSession


def test_demo_profile_holds_gp_prescriptions() -> None:
    session = DemoSession.start(patients=12)
    try:
        store = session.create_profile()
        try:
            # `--demo` configures two hospitals; the GP's own lists belong to the first one's patients
            [server_id] = [sid for sid, url, _config in store.servers.all() if url == session.base_url]
            hospital = session.server.hospital
            shared = hospital.authorised_patient_ids(hospital.default_practitioner_id)
            with_list = [p for p in shared if store.prescriptions.for_patient(server_id, p)]
            assert 0 < len(with_list) <= (len(shared) + 1) // 2
            statement = store.prescriptions.for_patient(server_id, with_list[0])[0]
            assert statement["resourceType"] == "MedicationStatement"
            assert statement["subject"]["reference"] == f"Patient/{with_list[0]}"
            outside = set(hospital.patient_ids()) - set(shared)
            assert not any(store.prescriptions.for_patient(server_id, p) for p in outside)
            assert not any(store.prescriptions.for_patient(other, p) for other, _u, _c in store.servers.all()
                           if other != server_id for p in shared)
        finally:
            store.close()
    finally:
        session.close()

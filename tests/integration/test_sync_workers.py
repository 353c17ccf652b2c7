"""With validation in worker processes, a sync stores the same data as in-process validation, and an invalid
resource still goes to quarantine without replacing the stored good version."""

from __future__ import annotations

import pytest

from consult_desktop.sync.progress import SyncStatus


def test_worker_validation_quarantines_and_keeps_the_good_version(server, hospital, make_profile,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSULT_SYNC_WORKERS", "1")
    inline = make_profile(server)
    assert inline.sync().status == SyncStatus.OK
    monkeypatch.setenv("CONSULT_SYNC_WORKERS", "2")
    prof = make_profile(server)
    assert prof.sync().status == SyncStatus.OK
    assert prof.snapshot()["resources"] == inline.snapshot()["resources"]

    patient = hospital.authorised_patient_ids(hospital.default_practitioner_id)[0]
    obs = hospital.resources_of_patient(patient, "Observation")[0]["id"]
    hospital.update_resource("Observation", obs, {"effectiveDateTime": "31/02/2026"})
    report = prof.sync()
    assert report.status == SyncStatus.OK
    assert report.quarantined == 1
    with prof.open() as store:
        assert store.resources.get(prof.server_id, "Observation", obs).get("effectiveDateTime") != "31/02/2026"
        assert [(q["type"], q["id"]) for q in store.resources.quarantined()] == [("Observation", obs)]
        assert "effectiveDateTime" in store.resources.quarantined()[0]["error"]

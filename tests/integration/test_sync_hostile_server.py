"""A hostile or broken hospital server: oversized, deeply nested or crowded pages, documents elsewhere.

Each is a clear problem in the sync report (partial), or a permanent state of one attachment; what was
stored before stays, and the next sync completes."""

from __future__ import annotations

import pytest

from consult_desktop.sync.attachments import OTHER_HOST
from consult_desktop.sync.progress import SyncStatus

MESSAGES = {"gzip-bomb": "larger than the allowed", "huge": "larger than the allowed", "deep": "nested deeper",
            "crowded": "resources in one page"}


@pytest.mark.parametrize("kind", sorted(MESSAGES))
def test_a_hostile_page_is_a_problem_in_the_report_and_loses_nothing(server, hospital, make_profile,
                                                                     kind: str) -> None:
    prof = make_profile(server)
    assert prof.sync().status == SyncStatus.OK
    before = prof.snapshot()
    patient = hospital.authorised_patient_ids(hospital.default_practitioner_id)[0]
    for _ in range(5):
        hospital.add_lab_result(patient)
    server.faults.hostile_next(1, kind, size_mb=70)
    report = prof.sync()
    assert report.status == SyncStatus.PARTIAL, report
    assert MESSAGES[kind] in report.message and any(MESSAGES[kind] in p for p in report.problems)
    assert set(before["resources"]) <= set(prof.snapshot()["resources"])
    assert prof.sync().status == SyncStatus.OK


def test_a_document_on_another_host_is_recorded_once_and_not_retried(server, hospital, make_profile) -> None:
    patient = hospital.authorised_patient_ids(hospital.default_practitioner_id)[0]
    doc = hospital.add_document(patient)

    def elsewhere(resource: dict) -> dict:
        resource["content"][0]["attachment"]["url"] = "https://documents.elsewhere.example/letter.pdf"
        return resource

    hospital.update_resource("DocumentReference", doc, elsewhere)
    prof = make_profile(server)
    report = prof.sync()
    assert report.status == SyncStatus.OK, report  # not partial: nothing failed, nothing to retry
    with prof.open() as store:
        att = store.resources.get_attachment(prof.server_id, "DocumentReference", doc)
        assert att is not None and att.data is None and att.error == "permanent: " + OTHER_HOST
    report = prof.sync()
    assert report.status == SyncStatus.OK and not report.problems


def test_sync_json_reports_a_deeply_nested_page_without_a_traceback(server, tmp_path) -> None:
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "CONSULT_PASSPHRASE": "hostile passphrase", "CONSULT_DATA_DIR": str(tmp_path / "p")}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "consult_desktop", *args], env=env, capture_output=True,
                              text=True, timeout=300)

    assert cli("init").returncode == 0
    assert cli("server", "set", server.base_url, "--auth", "none").returncode == 0
    server.faults.hostile_next(1, "deep")
    out = cli("sync", "--json")
    assert out.returncode == 10, out.stderr
    report = json.loads(out.stdout)
    assert report["status"] == "partial" and "nested deeper" in report["message"]
    assert "Traceback" not in out.stderr and "RecursionError" not in out.stderr
    out = cli("sync", "--json")
    assert out.returncode == 0 and json.loads(out.stdout)["status"] == "ok"

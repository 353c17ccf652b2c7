"""A flaky or unreachable server, refused credentials, malformed pages, oversized attachments: what was
stored stays, and the next sync completes."""

from __future__ import annotations

from consult_desktop.demo.server import DemoServer
from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.sync.engine import SyncOptions
from consult_desktop.sync.progress import SyncStatus


def same(a: dict, b: dict) -> bool:
    return all(sorted(a[k]) == sorted(b[k]) for k in a)


def test_rate_limits_and_unavailability_are_retried(server, make_profile) -> None:
    server.fail_next(2, 429)
    server.fail_next(1, 503)
    prof = make_profile(server)
    report = prof.sync()
    assert report.status == SyncStatus.OK, report
    clean = make_profile(server)
    clean.sync()
    assert same(prof.snapshot(), clean.snapshot())


def test_a_hanging_request_times_out_and_is_retried(server, make_profile) -> None:
    config = ServerConfig(base_url=server.base_url, auth_kind="none", timeout=0.5, connect_timeout=0.5)
    prof = make_profile(server, config=config)
    server.hang_next(1, 2.0)
    report = prof.sync()
    assert report.status == SyncStatus.OK, report


def test_malformed_page_keeps_stored_data_and_next_sync_completes(server, hospital, make_profile) -> None:
    prof = make_profile(server)
    assert prof.sync().status == SyncStatus.OK
    before = prof.snapshot()
    patient = hospital.authorised_patient_ids(hospital.default_practitioner_id)[0]
    for _ in range(30):
        hospital.add_lab_result(patient)
    server.malformed_next(1)
    report = prof.sync()
    assert report.status == SyncStatus.PARTIAL
    assert "malformed" in report.message.lower() or "not valid" in report.message.lower() or report.problems
    assert {r[:2] for r in before["resources"]} <= {r[:2] for r in prof.snapshot()["resources"]}
    assert prof.sync().status == SyncStatus.OK
    clean = make_profile(server)
    clean.sync()
    assert same(prof.snapshot(), clean.snapshot())


def test_unreachable_server_changes_nothing(server, make_profile) -> None:
    prof = make_profile(server)
    assert prof.sync().status == SyncStatus.OK
    before = prof.snapshot()
    with prof.open() as store:
        last_sync = store.stats()["last_sync"]
    server.stop()
    report = prof.sync()
    assert report.status == SyncStatus.UNREACHABLE
    assert "127.0.0.1" in report.message or "reach" in report.message.lower()
    assert prof.snapshot() == before
    with prof.open() as store:
        assert store.stats()["last_sync"] == last_sync


def test_expired_token_asks_to_sign_in_again_and_keeps_the_cache(hospital, make_profile) -> None:
    server = DemoServer(hospital, auth="token", page_size=25)
    server.start()
    try:
        token = server.issue_token()
        config = ServerConfig(base_url=server.base_url, auth_kind="bearer")
        prof = make_profile(server, config=config, token=token)
        assert prof.sync().status == SyncStatus.OK
        before = prof.snapshot()
        server.expire_tokens()
        report = prof.sync()
        assert report.status == SyncStatus.AUTH_FAILED, report
        assert prof.snapshot() == before
    finally:
        server.stop()


def test_attachment_above_the_limit_is_not_downloaded(server, hospital, make_profile) -> None:
    patient = hospital.authorised_patient_ids(hospital.default_practitioner_id)[0]
    big = hospital.add_large_document(patient, 600_000)
    prof = make_profile(server, SyncOptions(max_attachment_bytes=300_000))
    report = prof.sync()
    assert report.status == SyncStatus.OK, report
    with prof.open() as store:
        att = store.resources.get_attachment(prof.server_id, "DocumentReference", big)
        assert att is not None and att.data is None
        assert att.error.startswith("permanent:") and "large" in att.error.lower()
        assert store.resources.get(prof.server_id, "DocumentReference", big) is not None
        others = store.conn.execute("SELECT count(*) FROM attachments WHERE data IS NOT NULL").fetchone()[0]
        assert others > 0
    # Not retried on the next sync.
    server.reset_counters()
    assert prof.sync().status == SyncStatus.OK
    assert server.request_counts.get("binary", 0) == 0


def test_invalid_resource_quarantined_without_replacing_the_good_version(server, hospital, make_profile) -> None:
    prof = make_profile(server)
    assert prof.sync().status == SyncStatus.OK
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

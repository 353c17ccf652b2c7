"""Full sync against the demo hospital over HTTP: exactly the authorised patients' data, nothing else."""

from __future__ import annotations

from consult_desktop.domain.roles import GP_PROFILE
from consult_desktop.sync.progress import SyncStatus


def expected_ids(hospital, practitioner: str | None = None) -> set[tuple[str, str]]:
    practitioner = practitioner or hospital.default_practitioner_id
    out = set()
    for pid in hospital.authorised_patient_ids(practitioner):
        for resource in hospital.resources_of_patient(pid):
            if resource["resourceType"] in GP_PROFILE.resource_types:
                out.add((resource["resourceType"], resource["id"]))
    return out


def test_full_sync_stores_exactly_the_authorised_patients(server, hospital, make_profile) -> None:
    prof = make_profile(server)
    progress = []
    report = prof.sync(on_progress=progress.append)
    assert report.status == SyncStatus.OK, report
    authorised = set(hospital.authorised_patient_ids(hospital.default_practitioner_id))
    assert 0 < len(authorised) < len(hospital.patient_ids())
    with prof.open() as store:
        stored = {(r[0], r[1]) for r in store.conn.execute(
            "SELECT type, id FROM resources WHERE type != 'Medication'")}
        patients = {r[0] for r in store.conn.execute("SELECT id FROM patients")}
        assert patients == authorised
        assert stored == expected_ids(hospital)
        owners = {r[0] for r in store.conn.execute(
            "SELECT DISTINCT patient_id FROM resources WHERE patient_id IS NOT NULL")}
        assert owners <= authorised
        # Every shown document has its attachment, and PDFs are real PDFs.
        missing = store.resources.documents_missing_attachments(prof.server_id)
        assert missing == []
        pdfs = store.conn.execute("SELECT data FROM attachments WHERE content_type = 'application/pdf'").fetchall()
        assert pdfs and all(bytes(p[0]).startswith(b"%PDF") for p in pdfs)
        assert store.stats()["last_sync"] is not None
    assert {p.stage for p in progress} >= {"discovery", "patients", "resources", "done"}


def test_second_sync_without_changes_writes_nothing(server, make_profile) -> None:
    prof = make_profile(server)
    assert prof.sync().status == SyncStatus.OK
    before = prof.snapshot()
    server.reset_counters()
    report = prof.sync()
    assert report.status == SyncStatus.OK
    assert report.resources_written == 0
    assert prof.snapshot() == before


def test_a_nurse_stores_only_the_documents_her_role_may_see(server, hospital, make_profile) -> None:
    from consult_desktop.domain.roles import NURSE_PROFILE, may_see
    from consult_desktop.fhir.server_config import ServerConfig

    prof = make_profile(server, config=ServerConfig(base_url=server.base_url, auth_kind="none", role="nurse"))
    assert prof.sync().status == SyncStatus.OK
    practitioner = hospital.default_practitioner_id
    allowed, refused = set(), set()
    for pid in hospital.authorised_patient_ids(practitioner):
        for resource in hospital.resources_of_patient(pid):
            key = (resource["resourceType"], resource["id"])
            (allowed if may_see(NURSE_PROFILE, resource) else refused).add(key)
    assert {t for t, _ in refused} & {"DocumentReference", "DiagnosticReport"}  # the demo has notes she may not see
    with prof.open() as store:
        stored = {(r[0], r[1]) for r in store.conn.execute(
            "SELECT type, id FROM resources WHERE type != 'Medication'")}
    assert stored == allowed


def test_an_address_two_documents_point_to_is_downloaded_once(server, make_profile) -> None:
    server.reset_counters()
    prof = make_profile(server)
    assert prof.sync().status == SyncStatus.OK
    with prof.open() as store:
        rows = store.conn.execute(
            "SELECT url, content_type, sha256, data FROM attachments WHERE url LIKE '%Binary/%'").fetchall()
    by_url: dict[str, set] = {}
    for url, ctype, sha, data in rows:
        assert data is not None and sha is not None
        by_url.setdefault(url, set()).add((ctype, sha, bytes(data)))
    shared = [url for url in by_url if sum(1 for r in rows if r[0] == url) > 1]
    assert shared, "the demo hospital has reports and documents sharing a file"
    assert all(len(versions) == 1 for versions in by_url.values())  # the same content for every document
    assert server.request_counts.get("binary") == len(by_url)

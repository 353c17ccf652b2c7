"""Schema migrations, refusing newer databases, disk-full behaviour and the repositories' rules."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest

from consult_desktop.store import MigrationFailed, Profile, SchemaTooNew, StorageFull, migrations
from consult_desktop.store.database import open_database
from consult_desktop.store.keyfile import KdfParams, KeyFile
from consult_desktop.store.migrations import LATEST, migrate, schema_version

PASS = "correct horse battery staple"


def make_v1_profile(directory: Path) -> None:
    """A profile as the first released schema wrote it: raw resources, no patient index, no search index."""
    directory.mkdir(parents=True)
    data_key = secrets.token_bytes(32)
    conn = open_database(directory / "consult.db", data_key, create=True)
    migrate(conn, None, target=1)
    for rid, family in (("p1", "Peeters"), ("p2", "Lambert")):
        resource = {"resourceType": "Patient", "id": rid, "name": [{"family": family, "given": ["Jan"]}],
                    "meta": {"versionId": "1", "lastUpdated": "2025-01-01T00:00:00Z"}}
        conn.execute(
            "INSERT INTO resources(server_id, type, id, version_id, last_updated, patient_id, stored_at, json) "
            "VALUES ('h', 'Patient', ?, '1', '2025-01-01T00:00:00Z', ?, '2025-01-01', ?)",
            (rid, rid, json.dumps(resource)),
        )
    doc = {"resourceType": "DiagnosticReport", "id": "r1", "subject": {"reference": "Patient/p1"},
           "code": {"text": "Echographie abdominale"}, "conclusion": "Cholécystite aiguë."}
    conn.execute(
        "INSERT INTO resources(server_id, type, id, patient_id, stored_at, json) VALUES "
        "('h', 'DiagnosticReport', 'r1', 'p1', '2025-01-01', ?)",
        (json.dumps(doc),),
    )
    assert schema_version(conn) == 1
    conn.close()
    KeyFile.wrap(data_key, PASS, KdfParams()).write(directory / "key.json")


def test_migration_from_first_schema_fills_new_indexes_and_removes_its_backup(tmp_path: Path) -> None:
    make_v1_profile(tmp_path / "p")
    profile = Profile.resolve(tmp_path / "p")
    copies: list[bool] = []
    real_copy = migrations.shutil.copy2

    def copy_and_note(src: Path, dst: Path) -> None:
        real_copy(src, dst)
        copies.append(Path(dst).name == "consult.db.v1.bak")

    migrations.shutil.copy2 = copy_and_note  # type: ignore[assignment]
    try:
        with profile.unlock(PASS) as store:
            assert schema_version(store.conn) == LATEST
            assert sorted(p.family for p in store.patient_summaries()) == ["Lambert", "Peeters"]
            hits = store.resources.search_documents("h", "p1", "cholecystite")  # accents folded
            assert [h[1] for h in hits] == ["r1"]
    finally:
        migrations.shutil.copy2 = real_copy  # type: ignore[assignment]
    assert copies == [True]  # a backup was taken before migrating ...
    assert not list((tmp_path / "p").glob("*.bak"))  # ... and removed once the result was checked


def test_failed_migration_keeps_the_backup_and_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_v1_profile(tmp_path / "p")
    profile = Profile.resolve(tmp_path / "p")

    def broken(conn: object) -> None:
        raise RuntimeError("boom")

    steps = [(n, t, sql, broken if n == LATEST else fill) for n, t, sql, fill in migrations.MIGRATIONS]
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    with pytest.raises(MigrationFailed) as info:
        profile.unlock(PASS)
    backup = tmp_path / "p" / "consult.db.v1.bak"
    assert backup.exists()
    assert str(backup) in str(info.value)
    assert "RuntimeError" in str(info.value) and "boom" not in str(info.value)


def test_migration_to_schema_3_moves_line_decisions_out_of_acknowledgements(tmp_path: Path) -> None:
    directory = tmp_path / "p"
    directory.mkdir(parents=True)
    data_key = secrets.token_bytes(32)
    conn = open_database(directory / "consult.db", data_key, create=True)
    migrate(conn, None, target=2)
    rows = [("h", "p1", "line:warfarin", "bleeding risk", "stop", "2025-02-01T10:00:00Z"),
            ("h", "p1", "line:metformin", "", "continue", "2025-02-01T10:01:00Z"),
            ("h", "p1", "flag:DDI:Clarithromycin+Simvastatin", "statin paused", None, "2025-02-01T10:02:00Z")]
    conn.executemany("INSERT INTO flag_acks(server_id, patient_id, flag_key, reason, decision, acked_at) "
                     "VALUES (?,?,?,?,?,?)", rows)
    assert schema_version(conn) == 2
    conn.close()
    KeyFile.wrap(data_key, PASS, KdfParams()).write(directory / "key.json")

    with Profile.resolve(directory).unlock(PASS) as store:
        assert schema_version(store.conn) == LATEST >= 3
        assert store.decisions.for_patient("h", "p1") == {
            "line:warfarin": ("bleeding risk", "stop", "2025-02-01T10:00:00Z"),
            "line:metformin": ("", "continue", "2025-02-01T10:01:00Z"),
        }
        assert store.acknowledgements.for_patient("h", "p1") == {
            "flag:DDI:Clarithromycin+Simvastatin": ("statin paused", "2025-02-01T10:02:00Z")}
        store.decisions.decide("h", "p1", "line:warfarin", "modify", "lower dose")
        assert store.decisions.for_patient("h", "p1")["line:warfarin"][:2] == ("lower dose", "modify")
    assert not (directory / "consult.db.v2.bak").exists()  # the copy taken before upgrading goes once checked


def test_database_from_a_newer_version_is_refused_unchanged(tmp_path: Path) -> None:
    profile = Profile.resolve(tmp_path / "p")
    store = profile.create(PASS)
    store.conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    store.close()
    before = profile.db_path.read_bytes()
    with pytest.raises(SchemaTooNew, match="newer version"):
        profile.unlock(PASS)
    assert profile.db_path.read_bytes() == before


def resource(i: int, patient: str = "p1") -> dict:
    return {"resourceType": "Observation", "id": f"o{i}", "status": "final",
            "meta": {"versionId": "1", "lastUpdated": "2026-01-01T00:00:00Z"},
            "subject": {"reference": f"Patient/{patient}"}, "code": {"text": "x" * 900}}


def test_disk_full_keeps_everything_stored_before(tmp_path: Path) -> None:
    profile = Profile.resolve(tmp_path / "p")
    with profile.create(PASS) as store:
        store.resources.put_many("h", [resource(i) for i in range(50)])
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 5}")  # the disk fills up after a few pages
        with pytest.raises(StorageFull, match="disk is full"):
            store.resources.put_many("h", [resource(i) for i in range(50, 2000)])
        store.conn.execute("PRAGMA max_page_count = 1073741823")
        assert store.resources.ids("h", "Observation") == {f"o{i}" for i in range(50)}
    with profile.unlock(PASS) as store:
        assert len(store.resources.ids("h", "Observation")) == 50


def test_an_older_version_never_replaces_a_newer_one(tmp_path: Path) -> None:
    with Profile.resolve(tmp_path / "p").create(PASS) as store:
        new = {**resource(1), "meta": {"versionId": "3", "lastUpdated": "2026-03-01T00:00:00Z"}, "status": "amended"}
        old = {**resource(1), "meta": {"versionId": "2", "lastUpdated": "2026-02-01T00:00:00Z"}}
        assert store.resources.put_many("h", [new]).written == 1
        result = store.resources.put_many("h", [old])
        assert (result.written, result.unchanged) == (0, 1)
        assert store.resources.get("h", "Observation", "o1")["status"] == "amended"


def test_quarantine_keeps_the_good_version_and_counts_in_stats(tmp_path: Path) -> None:
    with Profile.resolve(tmp_path / "p").create(PASS) as store:
        store.resources.put_many("h", [resource(1)])
        bad = {**resource(1), "status": "not-a-status", "meta": {"versionId": "2"}}
        store.resources.quarantine("h", bad, "status: not a valid code")
        assert store.resources.get("h", "Observation", "o1")["status"] == "final"
        stats = store.stats()
        assert stats["quarantined"] == 1
        assert stats["resources"]["Observation"] == 2
        assert store.stats("p1")["quarantined"] == 1
        assert store.resources.quarantined()[0]["error"].startswith("status")


def test_purge_patient_removes_all_their_data_only(tmp_path: Path) -> None:
    with Profile.resolve(tmp_path / "p").create(PASS) as store:
        store.resources.put_many("h", [{"resourceType": "Patient", "id": p, "name": [{"family": p}]}
                                       for p in ("p1", "p2")])
        store.resources.put_many("h", [resource(1, "p1"), resource(2, "p2")])
        store.resources.put_attachment("h", "Observation", "o1", 0, content_type="text/plain", url=None, data=b"x")
        store.views.mark_viewed("h", "p1")
        removed = store.resources.purge_patient("h", "p1")
        assert removed == 2
        assert store.resources.patient_ids("h") == {"p2"}
        assert [p.id for p in store.patient_summaries()] == ["p2"]
        assert store.stats()["attachments"]["count"] == 0


def test_new_since_last_view_badge(tmp_path: Path) -> None:
    with Profile.resolve(tmp_path / "p").create(PASS) as store:
        store.resources.put_many("h", [{"resourceType": "Patient", "id": "p1", "name": [{"family": "A"}]}])
        store.resources.put_many("h", [resource(1), resource(2)])
        assert store.patient_summaries()[0].new_items == 2
        store.views.mark_viewed("h", "p1")
        assert store.patient_summaries()[0].new_items == 0
        store.resources.put_many("h", [resource(3)])
        assert store.patient_summaries()[0].new_items == 1


def test_the_patient_list_reads_only_its_index(tmp_path: Path) -> None:
    """At a large practice the list's counts must not read the resources themselves (encrypted pages of JSON):
    both subqueries are answered from the index, and a document publishing a report still counts once."""
    with Profile.resolve(tmp_path / "p").create(PASS) as store:
        store.resources.put_many("h", [{"resourceType": "Patient", "id": "p1", "name": [{"family": "A"}]}])
        report = {"resourceType": "DiagnosticReport", "id": "d1", "subject": {"reference": "Patient/p1"},
                  "status": "final", "code": {"text": "RX thorax"}}
        letter = {"resourceType": "DocumentReference", "id": "l1", "status": "current",
                  "subject": {"reference": "Patient/p1"}, "content": [{"attachment": {"title": "RX thorax"}}],
                  "context": {"related": [{"reference": "DiagnosticReport/d1"}]}}
        other = {**letter, "id": "l2", "context": {}}
        store.resources.put_many("h", [report, letter, other])
        assert store.patient_summaries()[0].new_items == 2  # the report and the other letter
        plan = [row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + store.patient_list_sql())
                if "resources" in row[3] or " r " in row[3]]
        searches = [line for line in plan if line.startswith("SEARCH r")]
        assert len(searches) == 2 and all("COVERING INDEX resources_patient" in line for line in searches), plan


def test_a_prescription_id_of_another_patient_is_refused(tmp_path: Path) -> None:
    with Profile.resolve(tmp_path / "p").create(PASS) as store:
        rec = store.prescriptions
        rec.save("h", "p1", {"resourceType": "MedicationStatement", "id": "gp-csv-1", "status": "active"})
        with pytest.raises(ValueError, match="another patient"):
            rec.save("h", "p2", {"resourceType": "MedicationStatement", "id": "gp-csv-1"})
        assert rec.for_patient("h", "p1")[0]["status"] == "active"
        assert rec.for_patient("h", "p2") == []


def test_line_decisions_are_stored_cleared_and_audited(tmp_path: Path) -> None:
    with Profile.resolve(tmp_path / "p").create(PASS) as store:
        rec = store.decisions
        rec.decide("h", "p1", "line:warfarin", "stop", "bleeding risk")
        assert rec.for_patient("h", "p1")["line:warfarin"][1] == "stop"
        rec.decide("h", "p1", "line:warfarin", None)
        assert "line:warfarin" not in rec.for_patient("h", "p1")
        assert [e.action for e in store.audit.entries()][:2] == ["medication-decision", "medication-decision"]


def test_purging_a_patient_removes_their_decisions_and_acknowledgements_only(tmp_path: Path) -> None:
    with Profile.resolve(tmp_path / "p").create(PASS) as store:
        for pid in ("p1", "p2"):
            store.decisions.decide("h", pid, "line:warfarin", "stop", "bleeding risk")
            store.acknowledgements.acknowledge("h", pid, "flag:renal", "dose checked")
        store.resources.purge_patient("h", "p1")
        assert store.decisions.for_patient("h", "p1") == {} and store.acknowledgements.for_patient("h", "p1") == {}
        assert list(store.decisions.for_patient("h", "p2")) == ["line:warfarin"]
        assert list(store.acknowledgements.for_patient("h", "p2")) == ["flag:renal"]


def test_an_attachment_never_outlives_its_resource(tmp_path: Path) -> None:
    with Profile.resolve(tmp_path / "p").create(PASS) as store:
        assert not store.resources.put_attachment("h", "DocumentReference", "gone", 0, content_type="text/plain",
                                                  url=None, data=b"late download")
        assert store.stats()["attachments"]["count"] == 0

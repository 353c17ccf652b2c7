"""Several hospital servers in one profile: two demo hospitals on loopback that share patients by SSIN."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from multi_hospitals import MULTI_PASS, TwoHospitals

from consult_desktop import exit_codes
from consult_desktop.store import Profile
from consult_desktop.sync.progress import SyncStatus
from consult_desktop.sync.setup import remove_server, run_sync

PASS = MULTI_PASS


def test_full_then_incremental_sync_of_two_servers(two: TwoHospitals, make_multi) -> None:
    prof = make_multi(two)
    report = prof.sync()
    assert report.status == SyncStatus.OK, report
    assert [s.name for s in report.servers] == ["Hôpital A", "Ziekenhuis B"]
    assert all(s.report.status == SyncStatus.OK and s.report.resources_written > 0 for s in report.servers)
    shared = two.shared_in_both()
    assert shared, "the demo hospitals should share authorised patients"
    with prof.open() as store:
        stats = store.stats()
        rows = store.conn.execute("SELECT count(*) FROM patients").fetchone()[0]
    by_id = {s["id"]: s for s in stats["servers"]}
    assert by_id[prof.id_a]["name"] == "Hôpital A" and by_id[prof.id_b]["name"] == "Ziekenhuis B"
    assert by_id[prof.id_a]["patients"] + by_id[prof.id_b]["patients"] == rows
    assert all(s["last_sync"] and s["resources"]["Patient"] > 0 for s in stats["servers"])
    assert stats["patients"] == rows - len(shared)  # people, not rows

    two.b.hospital.add_document(shared[0][2], kind="discharge")
    again = prof.sync()
    assert again.status == SyncStatus.OK, again
    written = {s.name: s.report.resources_written for s in again.servers}
    assert written["Ziekenhuis B"] >= 1
    assert written["Hôpital A"] < report.servers[0].report.resources_written
    clean = make_multi(two)
    assert clean.sync().status == SyncStatus.OK
    assert prof.snapshot() == clean.snapshot()


def test_relationship_ending_at_one_hospital_purges_only_its_rows(two: TwoHospitals, make_multi) -> None:
    prof = make_multi(two)
    assert prof.sync().status == SyncStatus.OK
    ssin, at_a, at_b = two.shared_in_both()[0]
    with prof.open() as store:
        own = store.prescriptions.save(prof.id_a, at_a, {"resourceType": "MedicationStatement", "status": "active",
                                                          "medicationCodeableConcept": {"text": "paracetamol"}})
    assert two.a.hospital.end_relationship(at_a) == 1
    report = prof.sync()
    assert report.status == SyncStatus.OK, report
    assert {s.name: s.report.patients_purged for s in report.servers} == {"Hôpital A": 1, "Ziekenhuis B": 0}
    with prof.open() as store:
        assert at_a not in store.resources.patient_ids(prof.id_a)
        assert at_b in store.resources.patient_ids(prof.id_b)
        assert store.find_patient(ssin) == [(prof.id_b, at_b)]
        kept = store.conn.execute("SELECT count(*) FROM resources WHERE server_id=? AND patient_id=?",
                                  (prof.id_b, at_b)).fetchone()[0]
        # The GP's own list is not the hospital's data: it stays with the person, now through hospital B.
        assert [p["id"] for p in store.prescriptions.for_patient(prof.id_b, at_b)] == [own]
        assert store.prescriptions.for_patient(prof.id_a, at_a) == []
    assert kept > 1


def test_removing_a_server_removes_its_records_only(two: TwoHospitals, make_multi) -> None:
    prof = make_multi(two)
    assert prof.sync().status == SyncStatus.OK
    before = prof.snapshot()
    with prof.open() as store:
        assert remove_server(store, prof.id_a)
        assert not remove_server(store, prof.id_a)
        assert [s["id"] for s in store.stats()["servers"]] == [prof.id_b]
        left = store.conn.execute("SELECT count(*) FROM resources WHERE server_id=?", (prof.id_a,)).fetchone()[0]
        patients = store.conn.execute("SELECT count(*) FROM patients WHERE server_id=?", (prof.id_a,)).fetchone()[0]
        options = store.conn.execute("SELECT count(*) FROM settings WHERE key LIKE ?",
                                     (f"%{prof.id_a}%",)).fetchone()[0]
    assert (left, patients, options) == (0, 0, 0)
    after = prof.snapshot()
    assert after["resources"] == [r for r in before["resources"] if r[0] == prof.id_b]
    report = prof.sync()
    assert report.status == SyncStatus.OK and [s.server_id for s in report.servers] == [prof.id_b]


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "consult_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=300)


def test_cli_server_add_list_sync_remove(two: TwoHospitals, tmp_path: Path) -> None:
    env = {**os.environ, "CONSULT_PASSPHRASE": PASS, "CONSULT_DATA_DIR": str(tmp_path / "p")}
    assert cli("init", env=env).returncode == 0
    out = cli("server", "add", two.a.base_url, "--auth", "none", "--name", "Hôpital A", env=env)
    assert out.returncode == 0, out.stderr
    out = cli("server", "add", two.b.base_url, "--auth", "none", env=env)
    assert out.returncode == 0, out.stderr
    listed = json.loads(cli("server", "list", "--json", env=env).stdout)
    assert [s["name"] for s in listed] == ["Hôpital A", "127.0.0.1:" + str(two.b.port)]
    # `server set` is the single-server command: with two servers it refuses a third address.
    out = cli("server", "set", "http://127.0.0.1:9/fhir", "--auth", "none", env=env)
    assert out.returncode == exit_codes.USAGE and "server add" in out.stderr

    out = cli("sync", "--json", env=env)
    assert out.returncode == exit_codes.OK, out.stderr
    report = json.loads(out.stdout)
    assert [s["id"] for s in report["servers"]] == [s["id"] for s in listed]
    assert all(s["status"] == "ok" for s in report["servers"])
    stats = json.loads(cli("stats", "--json", env=env).stdout)
    assert {s["id"] for s in stats["servers"]} == {s["id"] for s in listed}
    ssin = two.shared_in_both()[0][0]
    person = json.loads(cli("stats", "--json", "--patient", ssin, env=env).stdout)
    assert person["patients"] == 1 and person["resources"]["Patient"] == 2  # one person, two hospitals

    out = cli("sync", "--json", "--server", listed[1]["id"], env=env)
    assert out.returncode == exit_codes.OK, out.stderr
    assert [s["id"] for s in json.loads(out.stdout)["servers"]] == [listed[1]["id"]]

    two.b.faults.configure(error_rate=1.0)
    out = cli("sync", "--json", env=env)
    assert out.returncode == exit_codes.SYNC_PARTIAL, out.stderr
    statuses = {s["id"]: s["status"] for s in json.loads(out.stdout)["servers"]}
    assert statuses[listed[0]["id"]] == "ok" and statuses[listed[1]["id"]] != "ok"
    two.b.faults.configure(error_rate=0.0)

    out = cli("server", "remove", listed[0]["id"], env=env)
    assert out.returncode == exit_codes.USAGE  # no terminal, no --yes: nothing removed
    out = cli("server", "remove", listed[0]["id"], "--yes", env=env)
    assert out.returncode == 0, out.stderr
    assert [s["id"] for s in json.loads(cli("server", "list", "--json", env=env).stdout)] == [listed[1]["id"]]


def test_one_person_one_row_and_a_merged_record(two: TwoHospitals, make_multi) -> None:
    from consult_desktop.record import actions, queries
    from consult_desktop.record.medication import load_medication
    from consult_desktop.record.patient_snapshot import load_patient_snapshot, load_record_snapshot

    prof = make_multi(two)
    assert prof.sync().status == SyncStatus.OK
    with prof.open() as store:
        ssin, at_a, at_b = next(
            s for s in two.shared_in_both()
            if load_record_snapshot(store, prof.id_a, s[1]).documents and
            load_record_snapshot(store, prof.id_b, s[2]).documents)
        rows = queries.patient_list(store)
        mine = [r for r in rows if r.ssin == ssin]
        assert len(mine) == 1
        assert mine[0].hospitals == ("Hôpital A", "Ziekenhuis B")
        assert mine[0].keys == ((prof.id_a, at_a), (prof.id_b, at_b))
        assert len(rows) == store.stats()["patients"]
        alone = [r for r in rows if len(r.keys) == 1]
        assert alone and all(len(r.hospitals) == 1 for r in alone)

        snap = load_patient_snapshot(store, prof.id_a, at_a)
        part_a = load_record_snapshot(store, prof.id_a, at_a)
        part_b = load_record_snapshot(store, prof.id_b, at_b)
        assert snap.hospitals == ("Hôpital A", "Ziekenhuis B")
        assert len(snap.documents) == len(part_a.documents) + len(part_b.documents)
        assert {d.hospital for d in snap.documents} == {"Hôpital A", "Ziekenhuis B"}
        assert {(d.server_id, d.resource_id) for d in snap.documents if d.hospital == "Ziekenhuis B"} == \
            {(prof.id_b, d.resource_id) for d in part_b.documents}
        assert len(snap.labs) == len(part_a.labs) + len(part_b.labs)
        assert len(snap.allergies) == len(snap.allergy_hospitals) == len(part_a.allergies) + len(part_b.allergies)
        dates = [d.date or "" for d in snap.documents]
        assert dates == sorted(dates, reverse=True)

        # A document of the other hospital opens from its own server, and the access is logged for that one.
        doc_b = next(d for d in snap.documents if d.server_id == prof.id_b)
        content = actions.open_document(store, prof.id_a, at_a, doc_b.resource_type, doc_b.resource_id)
        assert content.title == doc_b.title
        entry = queries.access_log(store, 1)[0]
        assert (entry.action, entry.server_id, entry.patient_id) == ("open-document", prof.id_b, at_b)

        meds = load_medication(store, prof.id_a, at_a)
        lists = [load_medication(store, sid, pid).hospital for sid, pid in ((prof.id_a, at_a), (prof.id_b, at_b))]
        assert meds.hospital.hospital in ("Hôpital A", "Ziekenhuis B")
        discharge = [h.date for h in lists if h.kind == "discharge" and h.date]
        if discharge:
            assert meds.hospital.kind == "discharge" and meds.hospital.date == max(discharge)


def test_rows_without_ssin_are_never_merged_by_name(tmp_path: Path) -> None:
    from consult_desktop.record import queries

    profile = Profile.resolve(tmp_path / "p")
    with profile.create(PASS) as store:
        for sid in ("s1", "s2"):
            store.servers.save(sid, f"https://{sid}.example/fhir", {"base_url": f"https://{sid}.example/fhir"})
            store.resources.put_many(sid, [{"resourceType": "Patient", "id": "p1",
                                            "name": [{"family": "Peeters", "given": ["Jan"]}],
                                            "birthDate": "1950-01-01"}])
        rows = queries.patient_list(store)
        assert [r.keys for r in rows] == [(("s1", "p1"),), (("s2", "p1"),)]
        assert store.stats()["patients"] == 2


def test_one_sign_in_signs_in_with_every_smart_hospital(tmp_path: Path) -> None:
    import threading

    import requests

    from consult_desktop.demo.auth import DEMO_PUBLIC_CLIENT_ID
    from consult_desktop.demo.hospital import DemoHospital
    from consult_desktop.demo.server import DemoServer
    from consult_desktop.fhir.server_config import ServerConfig
    from consult_desktop.sync.setup import add_server, run_sync, sign_in

    opened: list[str] = []

    def browser(url: str) -> bool:  # the GP's browser, following the hospital's redirect back to the program
        opened.append(url)
        threading.Thread(target=lambda: requests.get(url, timeout=30), daemon=True).start()
        return True

    a = DemoServer(DemoHospital(patients=4, seed=1, shared_patients=2), auth="token").start()
    b = DemoServer(DemoHospital(patients=4, seed=2, shared_patients=2), auth="token").start()
    try:
        profile = Profile.resolve(tmp_path / "p")
        with profile.create(PASS) as store:
            key = store.data_key
            ids = [add_server(store, ServerConfig(base_url=s.base_url, auth_kind="smart",
                                                  client_id=DEMO_PUBLIC_CLIENT_ID)) for s in (a, b)]
        assert key is not None
        sign_in(profile, key, browser)
        assert [u.split("?")[0] for u in opened] == [a.authorize_url, b.authorize_url]
        with profile.open(key) as store:
            assert all(store.secrets.get(f"server:{sid}:oauth_tokens") for sid in ids)
        report = run_sync(profile, key)
        assert report.status == SyncStatus.OK, report
        assert [s.report.status for s in report.servers] == [SyncStatus.OK, SyncStatus.OK]
        sign_in(profile, key, browser)  # all signed in: the last one again, as with one server
        assert len(opened) == 3 and opened[-1].startswith(b.authorize_url)
    finally:
        a.stop()
        b.stop()


def test_demo_session_starts_two_hospitals_that_share_patients() -> None:
    from consult_desktop.demo_session import DemoSession
    from consult_desktop.record import queries

    session = DemoSession.start(patients=10)
    try:
        store = session.create_profile()
        data_key = store.data_key
        names = [s.name for s in store.servers.rows()]
        store.close()
        assert len(session.servers) == 2 and names == [s.hospital.name for s in session.servers]
        assert names[0] != names[1]
        assert data_key is not None
        report = run_sync(session.profile, data_key)
        assert report.status == SyncStatus.OK and len(report.servers) == 2
        with session.profile.open(data_key) as store:
            rows = queries.patient_list(store)
        assert any(len(r.hospitals) == 2 for r in rows)
    finally:
        session.close()
    assert not session.directory.exists()

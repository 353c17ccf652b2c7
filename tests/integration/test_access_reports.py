"""Access reports: reads of the local copy reach the hospital that owns the record as BALP AuditEvents, once.

Two demo hospitals on loopback; `kill -9` of a sync in the middle of a multi-server sync and in the middle of
the delivery of access reports, then a normal sync: the data equal a clean sync's and every AuditEvent is held
by its hospital exactly once.
"""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
import time

from multi_hospitals import MULTI_PASS as PASS

from consult_desktop.demo.http_types import HttpError
from consult_desktop.record import actions, queries
from consult_desktop.sync.progress import SyncStatus

BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit."


def _queued(store) -> dict[str, str]:
    """event id -> server id of every queued report."""
    rows = store.conn.execute("SELECT event_id, server_id FROM audit_outbox").fetchall()
    return {r[0]: r[1] for r in rows}


def test_reads_are_reported_to_the_owning_hospital_once(two, make_multi) -> None:
    prof = make_multi(two)
    assert prof.sync().status == SyncStatus.OK
    ssin, at_a, at_b = two.shared_in_both()[0]
    with prof.open() as store:
        actions.open_patient(store, prof.id_a, at_a)  # the person: one report to each hospital
        doc = next(d for d in store.resources.for_patient(prof.id_b, at_b, ("DocumentReference",)))
        actions.open_document(store, prof.id_a, at_a, "DocumentReference", doc["id"])
        log = queries.access_log(store, 10)
        assert [(e.action, e.server_id, e.report) for e in log[:3]] == [
            ("open-document", prof.id_b, "pending"), ("open-patient", prof.id_b, "pending"),
            ("open-patient", prof.id_a, "pending")]
        actions.audit_session(store, "lock")
        assert queries.access_log(store, 1)[0].report is None  # not about a record: nothing to report
        queued = _queued(store)
    assert sorted(queued.values()) == sorted([prof.id_a, prof.id_b, prof.id_b])

    report = prof.sync()
    assert report.status == SyncStatus.OK, report
    assert (report.audit_events_sent, report.audit_events_pending) == (3, 0)
    events_a, events_b = two.a.audit_events.events(), two.b.audit_events.events()
    assert {e["id"] for e in events_a} == {k for k, v in queued.items() if v == prof.id_a}
    assert {e["id"] for e in events_b} == {k for k, v in queued.items() if v == prof.id_b}
    query = next(e for e in events_b if e["action"] == "E")
    assert query["meta"]["profile"] == [BALP + "PatientQuery"]
    assert query["type"]["code"] == "rest" and query["subtype"][0]["code"] == "search-type"
    patient = next(x for x in query["entity"] if x["role"]["code"] == "1")
    assert patient["what"]["reference"] == f"Patient/{at_b}"
    assert base64.b64decode(next(x for x in query["entity"] if x["role"]["code"] == "24")["query"]).decode() \
        == f"Patient/{at_b}/$everything"
    read = next(e for e in events_b if e["action"] == "R")
    assert read["meta"]["profile"] == [BALP + "PatientRead"] and read["subtype"][0]["code"] == "read"
    assert {x["what"]["reference"] for x in read["entity"]} == {f"Patient/{at_b}", f"DocumentReference/{doc['id']}"}
    user = read["agent"][0]
    assert user["requestor"] is True and user["who"]["identifier"]["value"].startswith("urn:uuid:")
    assert ssin not in str(events_a + events_b)  # ids only, no SSIN or name
    with prof.open() as store:
        assert {e.report for e in queries.access_log(store, 10) if e.action.startswith("open-")} == {"delivered"}

    again = prof.sync()
    assert (again.audit_events_sent, again.audit_events_pending) == (0, 0)
    assert set(two.a.audit_events.times_sent().values()) | set(two.b.audit_events.times_sent().values()) == {1}


def test_a_refused_report_waits_and_never_fails_the_data_sync(two, make_multi, monkeypatch) -> None:
    prof = make_multi(two)
    assert prof.sync().status == SyncStatus.OK
    _ssin, at_a, _at_b = two.shared_in_both()[0]
    with prof.open() as store:
        actions.open_patient(store, prof.id_a, at_a)

    def refuse(*_args: object) -> None:
        raise HttpError(422, "processing", "not today")

    monkeypatch.setattr(two.a.audit_events, "handle", refuse)
    report = prof.sync()
    assert report.status == SyncStatus.OK, report
    by_name = {s.name: s.report for s in report.servers}
    assert by_name["Hôpital A"].audit_events_pending == 1 and "refused" in by_name["Hôpital A"].audit_problem
    with prof.open() as store:
        opened = [e for e in queries.access_log(store, 20) if e.action == "open-patient"]
        assert {e.server_id: e.report for e in opened} == {prof.id_a: "pending", prof.id_b: "delivered"}
    monkeypatch.undo()
    report = prof.sync()
    assert (report.audit_events_sent, report.audit_events_pending) == (1, 0)  # A's, retried; B's went before
    assert len(two.a.audit_events.events()) == 1 and len(two.b.audit_events.events()) == 1


def _sync_process(env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "consult_desktop", "sync", "--json"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _kill_during(env: dict, delays: tuple[float, ...]) -> int:
    """Start `sync` in a process and kill -9 it after each delay; how many kills hit a running sync."""
    hits = 0
    for delay in delays:
        proc = _sync_process(env)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            hits += 1
        proc.wait(timeout=60)
    return hits


def _kill_once_delivering(env: dict, received) -> bool:
    """Start `sync` and kill -9 it as soon as its hospitals received a few more reports than before; True
    when the kill landed in the middle of the delivery."""
    before = received()
    proc = _sync_process(env)
    give_up = time.monotonic() + 120
    while proc.poll() is None and received() < before + 3 and time.monotonic() < give_up:
        time.sleep(0.005)
    hit = proc.poll() is None and received() >= before + 3
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    return hit


def test_kill_dash_nine_during_delivery_then_resume_delivers_each_event_once(two, make_multi) -> None:
    prof = make_multi(two)
    assert prof.sync().status == SyncStatus.OK
    with prof.open() as store:
        keys = [(prof.id_a, pid) for pid in sorted(store.resources.patient_ids(prof.id_a))]
        keys += [(prof.id_b, pid) for pid in sorted(store.resources.patient_ids(prof.id_b))]
        for _round in range(4):
            for sid, pid in keys:
                actions.open_patient(store, sid, pid)
        queued = _queued(store)
    assert len(queued) > 60
    env = {**os.environ, "CONSULT_PASSPHRASE": PASS, "CONSULT_DATA_DIR": str(prof.profile.directory)}
    two.a.set_latency(25)
    two.b.set_latency(25)

    def received() -> int:
        return len(two.a.audit_events.times_sent()) + len(two.b.audit_events.times_sent())

    hits = sum(_kill_once_delivering(env, received) for _round in range(3))
    assert hits >= 1, "no kill landed during the delivery"
    assert received() < len(queued), "the delivery finished before it could be interrupted"
    two.a.set_latency(0)
    two.b.set_latency(0)
    final = prof.sync()
    assert final.status == SyncStatus.OK and final.audit_events_pending == 0, final
    received = {e["id"]: sid for sid, server in ((prof.id_a, two.a), (prof.id_b, two.b))
                for e in server.audit_events.events()}
    assert received == queued  # every report at its own hospital, and nothing else
    assert len(two.a.audit_events.events()) + len(two.b.audit_events.events()) == len(queued)
    with prof.open() as store:
        assert store.access_reports.counts() == {"pending": 0, "delivered": len(queued)}


def test_kill_dash_nine_during_a_two_server_sync_then_resume_equals_clean_sync(two, make_multi) -> None:
    prof = make_multi(two)
    env = {**os.environ, "CONSULT_PASSPHRASE": PASS, "CONSULT_DATA_DIR": str(prof.profile.directory)}
    two.a.set_latency(15)
    two.b.set_latency(15)

    hits = _kill_during(env, (0.6, 1.2, 1.8, 2.4))
    assert hits >= 2, "the sync finished before it could be interrupted"
    two.a.set_latency(0)
    two.b.set_latency(0)
    final = prof.sync()
    assert final.status == SyncStatus.OK, final
    clean = make_multi(two)
    assert clean.sync().status == SyncStatus.OK
    assert prof.snapshot() == clean.snapshot()


def test_the_demo_hospital_declares_and_lists_audit_events(two) -> None:
    import requests

    statement = requests.get(f"{two.a.base_url}/metadata", timeout=10).json()
    entry = next(r for r in statement["rest"][0]["resource"] if r["type"] == "AuditEvent")
    assert entry["updateCreate"] is True and {"update", "search-type"} <= {i["code"] for i in entry["interaction"]}
    event = {"resourceType": "AuditEvent", "id": "e-1", "type": {"code": "rest"}, "recorded": "2026-01-01T00:00:00Z",
             "agent": [{"requestor": True}], "source": {"observer": {"display": "test"}}}
    first = requests.put(f"{two.a.base_url}/AuditEvent/e-1", json=event, timeout=10)
    again = requests.put(f"{two.a.base_url}/AuditEvent/e-1", json=event, timeout=10)
    assert (first.status_code, again.status_code) == (201, 200)
    listed = requests.get(f"{two.a.base_url}/AuditEvent", timeout=10).json()
    assert [e["resource"]["id"] for e in listed["entry"]] == ["e-1"]
    assert requests.put(f"{two.a.base_url}/AuditEvent/e-2", json=event, timeout=10).status_code == 400

"""Incremental sync after hospital-side changes equals a clean full sync, for every strategy."""

from __future__ import annotations

import pytest

from consult_desktop.demo.server import DemoServer
from consult_desktop.sync.engine import SyncOptions
from consult_desktop.sync.progress import SyncStatus

STRATEGIES = {
    "export": ({}, "group"),
    "type-search": ({}, None),
    "patient-search": ({}, "patient-search"),
    "one-patient-per-request": ({"patient_list_search": False, "type_search": False, "export": False,
                                 "everything": False}, None),
    "everything": ({"export": False}, "everything"),
    "type-search-refused": ({"type_search": False, "export": False}, None),
    "no-history": ({"history": False, "export": False}, None),
}


def options_for(hospital, how: str | None) -> SyncOptions:
    if how == "group":
        return SyncOptions(group_id=hospital.group_id(hospital.default_practitioner_id))
    if how:
        return SyncOptions(strategy=how)
    return SyncOptions()


def pick(hospital, pid: str, rtype: str, n: int = 0) -> str:
    return [r["id"] for r in hospital.resources_of_patient(pid, rtype)][n]


@pytest.mark.parametrize("name", list(STRATEGIES))
def test_incremental_sync_equals_clean_full_sync(name: str, hospital, make_profile) -> None:
    capabilities, how = STRATEGIES[name]
    server = DemoServer(hospital, auth="none", page_size=25, export_delay=0.2, capabilities=capabilities)
    server.start()
    try:
        gp = hospital.default_practitioner_id
        prof = make_profile(server, options_for(hospital, how))
        first = prof.sync()
        assert first.status == SyncStatus.OK, first
        authorised = hospital.authorised_patient_ids(gp)
        p1, p2 = authorised[0], authorised[1]
        outsider = next(p for p in hospital.patient_ids() if p not in authorised)

        new_doc = hospital.add_document(p1, kind="radiology", attachment="inline")
        amended = pick(hospital, p1, "DocumentReference", 0)
        hospital.amend_document(amended)
        replaced = pick(hospital, p1, "DocumentReference", 1)
        replacement = hospital.replace_document(replaced)
        retracted = pick(hospital, p2, "DocumentReference", 0)
        hospital.mark_document_entered_in_error(retracted)
        deleted = pick(hospital, p1, "Observation", 0)
        hospital.delete_resource("Observation", deleted)
        leaving = authorised[2]
        hospital.end_relationship(leaving, gp)
        # Started a second ago: a relationship starting "now" may not be active yet when the sync asks.
        hospital.start_relationship(outsider, gp, start_ms=hospital.now_ms() - 1000)
        bad_type, bad_id = hospital.add_invalid_resource(p1)

        second = prof.sync()
        assert second.status == SyncStatus.OK, second
        assert second.patients_purged == 1

        clean = make_profile(server, options_for(hospital, how))
        assert clean.sync().status == SyncStatus.OK
        mine, theirs = prof.snapshot(), clean.snapshot()
        for key in mine:
            only_incremental = sorted(set(mine[key]) - set(theirs[key]))
            only_clean = sorted(set(theirs[key]) - set(mine[key]))
            assert (only_incremental, only_clean) == ([], []), key

        with prof.open() as store:
            res = store.resources
            assert res.get(prof.server_id, "DocumentReference", new_doc) is not None
            assert res.get_attachment(prof.server_id, "DocumentReference", new_doc).data.startswith(b"%PDF")
            assert res.get(prof.server_id, "DocumentReference", amended)["docStatus"] == "amended"
            shown = {d["id"] for d in res.for_patient(prof.server_id, p1, ["DocumentReference"])}
            assert replacement in shown and replaced not in shown
            assert retracted not in {d["id"] for d in res.for_patient(prof.server_id, p2, ["DocumentReference"])}
            assert res.get(prof.server_id, "Observation", deleted) is None
            assert res.patient_ids(prof.server_id) == set(hospital.authorised_patient_ids(gp))
            assert leaving not in {p.id for p in store.patient_summaries()}
            assert len(res.for_patient(prof.server_id, outsider)) == len(
                [r for r in hospital.resources_of_patient(outsider) if r["resourceType"] != "Medication"])
            assert {(q["type"], q["id"]) for q in res.quarantined()} == {(bad_type, bad_id)}
            assert store.stats(p1)["quarantined"] == 1
    finally:
        server.stop()

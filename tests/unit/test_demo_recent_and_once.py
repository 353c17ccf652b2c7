"""The demo hospital has discharges in the last two weeks relative to today, and the desktop lists each imaging
report once although the hospital publishes it both as a DiagnosticReport and as a DocumentReference."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from consult_desktop.demo.hospital import DemoHospital
from consult_desktop.domain.document import Attachment, Document
from consult_desktop.record.patient_snapshot import load_patient_snapshot, one_per_report
from consult_desktop.store import KdfParams, Profile

FAST_KDF = KdfParams(iterations=1, lanes=1, memory_kib=8)


def test_discharges_in_the_last_two_weeks() -> None:
    hospital = DemoHospital(patients=40, seed=1)
    today = hospital.reference_date
    recent = set()
    for patient_id in hospital.authorised_patient_ids(hospital.default_practitioner_id):
        for encounter in hospital.resources_of_patient(patient_id, "Encounter"):
            end = (encounter.get("period") or {}).get("end")
            if encounter.get("class", {}).get("code") == "IMP" and end:
                if today - dt.date.fromisoformat(end[:10]) <= dt.timedelta(days=14):
                    recent.add(patient_id)
    assert len(recent) >= 3


def test_published_imaging_documents_name_their_report() -> None:
    hospital = DemoHospital(patients=40, seed=1)
    published = 0
    for patient_id in hospital.patient_ids():
        reports = {r["id"] for r in hospital.resources_of_patient(patient_id, "DiagnosticReport")}
        for document in hospital.resources_of_patient(patient_id, "DocumentReference"):
            if document["type"]["coding"][0]["code"] == "18748-4":
                related = document["context"]["related"][0]["reference"]
                assert related.split("/")[1] in reports
                published += 1
    assert published > 0


def test_each_imaging_report_listed_once(tmp_path: Path) -> None:
    hospital = DemoHospital(patients=40, seed=1)
    twice = [p for p in hospital.patient_ids()
             if any(d["type"]["coding"][0]["code"] == "18748-4"
                    for d in hospital.resources_of_patient(p, "DocumentReference"))]
    assert twice
    with Profile.resolve(tmp_path / "p").create("demo pass phrase", kdf=FAST_KDF) as store:
        for patient_id in twice[:3]:
            store.resources.put_many("demo", [hospital.resource("Patient", patient_id),
                                              *hospital.resources_of_patient(patient_id)])
            snapshot = load_patient_snapshot(store, "demo", patient_id)
            imaging = [d for d in snapshot.documents if d.resource_type == "DocumentReference"
                       and d.title.startswith(("Rapport d'imagerie", "Radiologieverslag"))]
            reports = [d for d in snapshot.documents if d.resource_type == "DiagnosticReport"]
            assert not imaging and reports
            keys = [(d.resource_type, d.resource_id) for d in snapshot.documents]
            assert len(keys) == len(set(keys))


def test_a_document_with_the_reports_own_file_is_the_same_report() -> None:
    pdf = Attachment(content_type="application/pdf", url="Binary/b-1")
    report = Document(id="r-1", resource_type="DiagnosticReport", attachments=(pdf,), conclusion="Normal.")
    copy = Document(id="d-1", resource_type="DocumentReference", attachments=(pdf,))
    other = Document(id="d-2", resource_type="DocumentReference",
                     attachments=(Attachment(content_type="application/pdf", url="Binary/b-2"),))
    linked = Document(id="d-3", resource_type="DocumentReference", related_reports=("r-1",),
                      attachments=(Attachment(content_type="application/pdf", url="Binary/b-9"),))
    unlinked = Document(id="d-4", resource_type="DocumentReference", related_reports=("r-404",))
    kept = one_per_report([report, copy, other, linked, unlinked])
    assert [d.id for d in kept] == ["r-1", "d-2", "d-4"]

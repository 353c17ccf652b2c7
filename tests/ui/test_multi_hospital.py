"""Several hospitals in the desktop: one row per person with the hospitals named, and the access log saying
whether each hospital has been told of a read."""

from __future__ import annotations

from pathlib import Path

from consult_desktop.record import actions, queries
from consult_desktop.store import Profile
from consult_desktop.ui.dialogs.access_log_dialog import AccessLogDialog
from consult_desktop.ui.patients.patient_table_model import PatientTableModel

SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin"


def _patient(pid: str, ssin: str | None) -> dict:
    out = {"resourceType": "Patient", "id": pid, "name": [{"family": "Maes", "given": ["Lotte"]}],
           "birthDate": "1948-03-02"}
    if ssin:
        out["identifier"] = [{"system": SSIN_SYSTEM, "value": ssin}]
    return out


def test_one_row_per_person_with_the_hospitals(qtbot, tmp_path: Path, known) -> None:
    profile = Profile.resolve(tmp_path / "p")
    with profile.create(known.PASSPHRASE, kdf=known.FAST_KDF) as store:
        store.servers.save("s1", "https://a.example/fhir", {"base_url": "https://a.example/fhir"}, "Hôpital A")
        store.servers.save("s2", "https://b.example/fhir", {"base_url": "https://b.example/fhir"}, "AZ B")
        store.resources.put_many("s1", [_patient("a1", "48030212345"), _patient("a2", None)])
        store.resources.put_many("s2", [_patient("b7", "48030212345"), _patient("b8", None)])
        rows = queries.patient_list(store)
    model = PatientTableModel()
    model.set_rows(rows)
    assert model.rowCount() == 3  # the person with an SSIN once; the two without stay apart
    merged = model.row_of("s1", "a1")
    assert model.index(merged, 0).data().endswith("Hôpital A · AZ B")
    assert model.row_of("s2", "b7") == -1
    assert model.index(model.row_of("s2", "b8"), 0).data().endswith("AZ B")


def test_access_log_shows_whether_the_hospital_was_told(qtbot, runner, filled_profile: Profile, known) -> None:
    known.unlock(runner, filled_profile)
    known.db(runner, lambda store: actions.open_patient(store, known.SERVER, known.DUBOIS))
    known.db(runner, lambda store: actions.audit_session(store, "lock"))
    dialog = AccessLogDialog(runner, None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.entries_shown >= 2, timeout=15000)
    header = dialog.table.horizontalHeaderItem(5).text()
    rows = [[dialog.table.item(r, c).text() for c in range(6)] for r in range(dialog.entries_shown)]
    assert header == "Hospital told"
    assert rows[0][5] == ""  # locking is not about a record
    assert rows[1][2] == "DUBOIS-LEFÈVRE Élodie" and rows[1][5] == "Pending"  # the log names the patient


def test_documents_and_results_name_their_hospital(qtbot, tmp_path: Path, known) -> None:
    from consult_desktop.record.patient_snapshot import load_patient_snapshot
    from consult_desktop.ui.documents.document_list_model import DocumentListModel
    from consult_desktop.ui.labs.lab_table_model import LabTableModel

    profile = Profile.resolve(tmp_path / "p")
    with profile.create(known.PASSPHRASE, kdf=known.FAST_KDF) as store:
        for sid, name, pid in (("s1", "Hôpital A", "a1"), ("s2", "AZ B", "b7")):
            store.servers.save(sid, f"https://{sid}.example/fhir", {"base_url": f"https://{sid}.example/fhir"}, name)
            store.resources.put_many(sid, [
                _patient(pid, "48030212345"),
                {"resourceType": "DocumentReference", "id": "d1", "status": "current",
                 "subject": {"reference": f"Patient/{pid}"}, "date": "2026-01-0" + pid[-1] + "T10:00:00Z",
                 "description": f"Letter {name}",
                 "content": [{"attachment": {"contentType": "text/plain", "data": "SGVsbG8="}}]},
                {"resourceType": "Observation", "id": "o1", "status": "final", "category": [
                    {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                 "code": "laboratory"}]}],
                 "code": {"text": "Potassium"}, "subject": {"reference": f"Patient/{pid}"},
                 "effectiveDateTime": "2026-01-02T08:00:00Z",
                 "valueQuantity": {"value": 4.1, "unit": "mmol/L"}},
            ])
        snap = load_patient_snapshot(store, "s1", "a1")
    documents = DocumentListModel()
    documents.set_rows(list(snap.documents))
    assert documents.rowCount() == 2  # the same id "d1" at two hospitals: two documents
    stays = {documents.index(r, DocumentListModel.ENCOUNTER).data() for r in range(2)}
    assert stays == {"Hôpital A", "AZ B"}
    labs = LabTableModel()
    labs.set_rows(list(snap.labs))
    panels = {labs.index(r, LabTableModel.PANEL).data() for r in range(labs.rowCount())}
    assert panels == {"Other results · Hôpital A", "Other results · AZ B"}


def test_the_medication_comparison_names_the_hospital_of_its_list(qtbot) -> None:
    from consult_desktop.record.medication import HospitalList
    from consult_desktop.ui.medication.reconciliation_pdf import ReconciliationReport

    report = ReconciliationReport(None)  # type: ignore[arg-type] - hospital_text does not use the model

    class Data:
        hospital = HospitalList("discharge", "2026-11-02", "Cardiology", 0, "AZ B")

    assert report.hospital_text(Data()).endswith("(Cardiology), AZ B")  # type: ignore[arg-type]
    Data.hospital = HospitalList("discharge", "2026-11-02", "Cardiology")
    assert report.hospital_text(Data()).endswith("(Cardiology)")  # type: ignore[arg-type]


def test_the_same_document_id_at_two_hospitals_opens_each_its_own(qtbot, runner, tmp_path: Path, known) -> None:
    import base64

    from consult_desktop.record.document_content import AUDIT_OPEN_DOCUMENT
    from consult_desktop.ui.documents.document_list_model import KEY_ROLE
    from consult_desktop.ui.patients.patient_view import PatientView

    profile = Profile.resolve(tmp_path / "p")
    with profile.create(known.PASSPHRASE, kdf=known.FAST_KDF) as store:
        for sid, name, pid in (("s1", "Hôpital A", "a1"), ("s2", "AZ B", "b7")):
            store.servers.save(sid, f"https://{sid}.example/fhir", {"base_url": f"https://{sid}.example/fhir"}, name)
            text = base64.b64encode(f"Letter written at {name}".encode()).decode()
            store.resources.put_many(sid, [
                _patient(pid, "48030212345"),
                {"resourceType": "DocumentReference", "id": "d1", "status": "current",
                 "subject": {"reference": f"Patient/{pid}"}, "date": "2026-01-0" + pid[-1] + "T10:00:00Z",
                 "description": f"Letter {name}",
                 "content": [{"attachment": {"contentType": "text/plain", "data": text}}]}])
    known.unlock(runner, profile)
    view = PatientView(runner)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.patient_loaded, timeout=10000):
        view.show_patient("s1", "a1")
    tab = view.documents_tab()
    assert sorted(tab.visible_document_keys()) == [("s1", "DocumentReference", "d1"), ("s2", "DocumentReference", "d1")]
    shown = {}
    for row in range(tab.proxy().rowCount()):
        key = tab.proxy().index(row, 0).data(KEY_ROLE)
        with qtbot.waitSignal(tab.document_opened, timeout=10000):
            tab.table().selectRow(row)
        qtbot.waitUntil(lambda: tab.viewer().mode() == "text")
        assert tab.viewer().content().key == tuple(key)
        shown[key[0]] = tab.viewer().text_browser().toPlainText()
    assert shown == {"s1": "Letter written at Hôpital A", "s2": "Letter written at AZ B"}
    opened = known.db(runner, lambda store: [(e.server_id, e.patient_id, e.object_id) for e in store.audit.entries()
                                             if e.action == AUDIT_OPEN_DOCUMENT])
    assert sorted(opened) == [("s1", "a1", "d1"), ("s2", "b7", "d1")]
    with qtbot.waitSignal(tab.search_finished, timeout=10000):
        tab.search("written")
    assert sorted(tab.hit_keys()) == [("s1", "DocumentReference", "d1"), ("s2", "DocumentReference", "d1")]
    second = tab.hit_keys().index(("s2", "DocumentReference", "d1"))
    with qtbot.waitSignal(tab.document_opened, timeout=10000):
        tab.choose_hit(second)
    assert tab.viewer().content().key == ("s2", "DocumentReference", "d1")


def test_saving_and_printing_the_same_id_go_to_the_hospital_that_holds_it(tmp_path: Path, known) -> None:
    import base64

    from consult_desktop.record import exports

    profile = Profile.resolve(tmp_path / "p")
    with profile.create(known.PASSPHRASE, kdf=known.FAST_KDF) as store:
        for sid, name, pid in (("s1", "Hôpital A", "a1"), ("s2", "AZ B", "b7")):
            store.servers.save(sid, f"https://{sid}.example/fhir", {"base_url": f"https://{sid}.example/fhir"}, name)
            text = base64.b64encode(f"Letter written at {name}".encode()).decode()
            store.resources.put_many(sid, [
                _patient(pid, "48030212345"),
                {"resourceType": "DocumentReference", "id": "d1", "status": "current",
                 "subject": {"reference": f"Patient/{pid}"}, "description": f"Letter {name}",
                 "content": [{"attachment": {"contentType": "text/plain", "data": text}}]}])
        target = tmp_path / "letter.txt"
        exports.save_document(store, "s1", "a1", "DocumentReference", "d1", target, held_by="s2")
        exports.record_print(store, "s1", "a1", "document", "DocumentReference", "d1", held_by="s2")
        exports.record_print(store, "s1", "a1", "document", "DocumentReference", "d1", held_by="s1")
        logged = [(e.action, e.server_id, e.patient_id) for e in store.audit.entries()
                  if e.action in (exports.SAVED_DOCUMENT, exports.PRINTED_DOCUMENT)]
    assert target.read_text() == "Letter written at AZ B"
    assert sorted(logged) == [(exports.PRINTED_DOCUMENT, "s1", "a1"), (exports.PRINTED_DOCUMENT, "s2", "b7"),
                              (exports.SAVED_DOCUMENT, "s2", "b7")]

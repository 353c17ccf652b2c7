"""The patient view on records of the demo hospital (realistic Belgian patients, PDFs, labs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument

from consult_desktop.demo.hospital import DemoHospital
from consult_desktop.domain.date_text import sort_key
from consult_desktop.fhir import mapping
from consult_desktop.store import Profile
from consult_desktop.ui.patients.patient_header import format_ssin
from consult_desktop.ui.patients.patient_view import PatientView

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from demo_records import SERVER, fill_from_demo  # noqa: E402
from patient_records import FAST_KDF  # noqa: E402


@pytest.fixture(scope="module")
def hospital():
    return DemoHospital(patients=6, seed=7)


def test_every_demo_patient_opens_with_header_documents_and_labs(qtbot, runner, hospital, tmp_path: Path) -> None:
    patients = hospital.patient_ids()

    def opener():
        store = Profile.resolve(tmp_path / "p").create("pass phrase for tests", kdf=FAST_KDF)
        for pid in patients:
            fill_from_demo(store, hospital, pid)
        return store

    opened: list = []
    runner.open_store(opener, opened.append, opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=60000)
    assert not isinstance(opened[0], BaseException), opened[0]

    view = PatientView(runner)
    view.resize(1200, 800)
    qtbot.addWidget(view)
    view.show()
    pdf_seen = False
    for pid in patients:
        with qtbot.waitSignal(view.patient_loaded, timeout=10000):
            view.show_patient(SERVER, pid)
        patient = mapping.map_patient(hospital.resource("Patient", pid))
        assert view.header().name_text().startswith(mapping.display_name(patient))
        assert f"SSIN {format_ssin(patient.ssin)}" in view.header().details_text()
        assert view.header().allergy_text() != ""
        rows = view.documents_tab().model().rows()
        shown = [r.date for r in (rows[view.documents_tab().proxy().mapToSource(
            view.documents_tab().proxy().index(i, 0)).row()] for i in range(len(rows)))]
        assert shown == sorted(shown, key=sort_key, reverse=True)
        assert view.lab_tab().model().rowCount() > 0
        if not pdf_seen and any(r.format_kind == "pdf" for r in rows):
            viewer = view.documents_tab().viewer()
            with qtbot.waitSignal(view.document_opened, timeout=10000):
                assert view.open_first_pdf()
            assert viewer.mode() == "pdf"
            assert viewer.pdf_document().status() == QPdfDocument.Status.Ready
            assert viewer.pdf_document().pageCount() >= 1
            pdf_seen = True
    assert pdf_seen

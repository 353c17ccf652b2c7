"""Documents of a real encrypted store in the viewer: PDF from memory, text find, HTML, failures, search."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument

from consult_desktop.record.document_content import ContentKind, DocumentContent
from consult_desktop.ui.documents.document_viewer import DocumentViewer, OfflineTextBrowser
from consult_desktop.ui.patients.patient_view import PatientView
from consult_desktop.ui.shell.task_runner import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import patient_records as rec  # noqa: E402
from patient_records import db_call, open_filled_store  # noqa: E402


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temp directory of our own for Python and Qt, so that any file written there can be seen."""
    directory = tmp_path / "tmp"
    directory.mkdir()
    monkeypatch.setenv("TMPDIR", str(directory))
    monkeypatch.setattr(tempfile, "tempdir", str(directory))
    return directory


@pytest.fixture
def view(qtbot, runner: TaskRunner, tmp_path: Path) -> PatientView:
    open_filled_store(qtbot, runner, tmp_path / "profile")
    widget = PatientView(runner)
    widget.resize(1200, 800)
    qtbot.addWidget(widget)
    widget.show()
    show(qtbot, widget)
    return widget


def show(qtbot, view: PatientView, patient_id: str = rec.PATIENT) -> None:
    with qtbot.waitSignal(view.patient_loaded, timeout=10000):
        view.show_patient(rec.SERVER, patient_id)


def open_doc(qtbot, view: PatientView, rid: str) -> DocumentViewer:
    with qtbot.waitSignal(view.document_opened, timeout=10000):
        view.open_document("DocumentReference", rid)
    return view.documents_tab().viewer()


def test_pdf_renders_from_memory_without_any_temp_file(qtbot, runner, tmp_path, private_tmp: Path) -> None:
    tmp_before = set(os.listdir(tempfile.gettempdir()))
    open_filled_store(qtbot, runner, tmp_path / "profile")
    view = PatientView(runner)
    view.resize(1000, 800)
    qtbot.addWidget(view)
    view.show()
    show(qtbot, view)
    viewer = view.documents_tab().viewer()
    with qtbot.waitSignal(viewer.first_page_rendered, timeout=10000):
        with qtbot.waitSignal(view.document_opened, timeout=10000):
            assert view.open_first_pdf() is True
    assert viewer.mode() == "pdf"
    assert viewer.pdf_document().status() == QPdfDocument.Status.Ready
    assert viewer.pdf_document().pageCount() == 2
    assert tempfile.gettempdir() == str(private_tmp)
    assert set(os.listdir(tempfile.gettempdir())) == tmp_before == set()


def test_pdf_text_layer_is_added_to_the_search_index(qtbot, view: PatientView, runner: TaskRunner) -> None:
    before = db_call(qtbot, runner, lambda s: s.resources.search_documents(rec.SERVER, rec.PATIENT, rec.PDF_WORD))
    assert before == []
    open_doc(qtbot, view, "d-pdf")
    qtbot.waitUntil(lambda: bool(db_call(qtbot, runner, lambda s: s.resources.search_documents(
        rec.SERVER, rec.PATIENT, rec.PDF_WORD))), timeout=10000)
    tab = view.documents_tab()
    with qtbot.waitSignal(tab.search_finished, timeout=10000) as found:
        tab.search(rec.PDF_WORD)
    assert found.args == [1]
    assert tab.hits() == [("DocumentReference", "d-pdf")]


def test_find_in_pdf_reports_the_match(qtbot, view: PatientView) -> None:
    viewer = open_doc(qtbot, view, "d-pdf")
    viewer.open_find(rec.PDF_WORD)
    qtbot.waitUntil(lambda: viewer.find_status() == "1 of 1", timeout=10000)
    viewer.open_find("zzzz-not-there")
    qtbot.waitUntil(lambda: viewer.find_status() == "Not found", timeout=10000)


def test_find_in_text_steps_through_matches_and_wraps(qtbot, view: PatientView) -> None:
    viewer = open_doc(qtbot, view, "d-text")
    assert viewer.mode() == "text"
    assert "dyspnee d'effort" in viewer.text_browser().toPlainText()
    viewer.open_find("kaliemie")
    assert viewer.text_browser().textCursor().selectedText() == "kaliemie"
    assert viewer.find_status() == "1 of 2"
    viewer.find_next()
    assert viewer.find_status() == "2 of 2"
    viewer.find_next()
    assert viewer.find_status() == "1 of 2"
    viewer.find_previous()
    assert viewer.find_status() == "2 of 2"
    viewer.open_find("absent-word")
    assert viewer.find_status() == "Not found"


def test_html_letter_is_sanitised_and_loads_nothing_external(qtbot, view: PatientView) -> None:
    viewer = open_doc(qtbot, view, "d-html")
    assert viewer.mode() == "html"
    browser = viewer.text_browser()
    assert "Fraction d'ejection conservee." in browser.toPlainText()
    shown = browser.toHtml()
    for banned in ("alert(", "steal", "tracker.invalid", "phishing.invalid", "color:red"):
        assert banned not in shown
    assert browser.loadResource(2, "https://tracker.invalid/pixel.png") is None


def test_offline_browser_shows_embedded_images_only(qtbot) -> None:
    browser = OfflineTextBrowser()
    qtbot.addWidget(browser)
    image = QImage(4, 3, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    data_url = "data:image/png;base64," + bytes(buffer.data().toBase64()).decode()
    loaded = browser.loadResource(2, data_url)
    assert isinstance(loaded, QImage) and (loaded.width(), loaded.height()) == (4, 3)
    assert browser.loadResource(2, "file:///etc/hostname") is None


def test_failed_download_is_explained(qtbot, view: PatientView) -> None:
    viewer = open_doc(qtbot, view, "d-failed")
    assert viewer.mode() == "message"
    assert "could not be fetched from the hospital" in viewer.message_text()
    assert "HTTP 404" in viewer.message_text()


def test_attachment_not_downloaded_yet_is_explained(qtbot, view: PatientView) -> None:
    viewer = open_doc(qtbot, view, "d-pending")
    assert viewer.mode() == "message"
    assert "has not been downloaded from the hospital yet" in viewer.message_text()


def test_report_without_attachment_shows_its_conclusion(qtbot, view: PatientView) -> None:
    with qtbot.waitSignal(view.document_opened, timeout=10000):
        view.open_document("DiagnosticReport", "r-rad")
    viewer = view.documents_tab().viewer()
    assert viewer.mode() == "text"
    assert "Vesicule lithiasique." in viewer.text_browser().toPlainText()


def test_image_documents_are_decoded(qtbot) -> None:
    viewer = DocumentViewer()
    qtbot.addWidget(viewer)
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("gray"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    viewer.show_content(DocumentContent("DocumentReference", "img", title="ECG", kind=ContentKind.IMAGE,
                                        content_type="image/png", data=bytes(data)))
    assert viewer.mode() == "image" and viewer.image_size() == (40, 30)
    viewer.show_content(DocumentContent("DocumentReference", "bad", kind=ContentKind.IMAGE, data=b"not an image"))
    assert viewer.mode() == "message"


def test_search_finds_a_word_and_opening_the_hit_finds_it_in_the_document(qtbot, view: PatientView) -> None:
    tab = view.documents_tab()
    with qtbot.waitSignal(tab.search_finished, timeout=10000):
        tab.search(rec.TEXT_WORD)
    # The entered-in-error document and the other patient's document hold the word too.
    assert tab.hits() == [("DocumentReference", "d-text")]
    with qtbot.waitSignal(view.document_opened, timeout=10000):
        tab.choose_hit(0)
    viewer = tab.viewer()
    assert viewer.content().resource_id == "d-text"
    assert viewer.text_browser().textCursor().selectedText().lower() == rec.TEXT_WORD
    assert viewer.find_status() == "1 of 1"


def test_damaged_and_password_protected_pdfs_are_explained(qtbot) -> None:
    from fpdf import FPDF

    viewer = DocumentViewer()
    qtbot.addWidget(viewer)
    viewer.show_content(DocumentContent("DocumentReference", "bad", kind=ContentKind.PDF, data=b"%PDF-1.4 broken"))
    assert viewer.mode() == "message" and "damaged" in viewer.message_text()
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Confidentiel")
    viewer.show_content(DocumentContent("DocumentReference", "locked", kind=ContentKind.PDF, data=bytes(pdf.output())))
    assert viewer.mode() == "message" and "password-protected" in viewer.message_text()
    assert viewer.pdf_document().status() != QPdfDocument.Status.Ready  # nothing of it stays loaded

"""The medication tab acts on the first click on a line, and the interruption names what kind of danger it is
about (a pair of medicines, the kidney function, an allergy)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from consult_desktop.meds.models import Flag
from consult_desktop.ui.medication.medication_flags_panel import AcknowledgeDialog, ContraindicationDialog
from consult_desktop.ui.medication.medication_view import MedicationView

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import medication_records as mr  # noqa: E402


@pytest.fixture
def medication(qtbot, runner, tmp_path: Path) -> MedicationView:
    mr.open_store_in_runner(qtbot, runner, tmp_path / "p", [mr.gp_statement("Marevan 5 mg", 1, 1)])
    view = MedicationView(runner)
    view.resize(1366, 700)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.data_loaded, timeout=10000):
        view.show_patient(mr.SERVER, mr.PATIENT)
    return view


def test_one_click_on_a_line_enables_edit_and_the_decisions(qtbot, medication: MedicationView) -> None:
    dialog = medication.active_dialog()
    if dialog is not None:
        dialog.reject()
    table = medication.table()
    assert not medication.edit_action.isEnabled()
    rect = table.visualRect(medication.model().index(1, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert medication.selected_line() == 1
    assert medication.edit_action.isEnabled()
    assert all(action.isEnabled() for action in medication.decision_actions.values())


def flag(kind: str) -> Flag:
    return Flag(kind=kind, severity="contraindicated", resource_ids=("a",), ingredients=("x",),
                summary=f"{kind} summary", rule_id=f"rule-{kind}")


@pytest.mark.parametrize(("kind", "words"), [
    ("renal", "kidney function"), ("allergy", "allergy"), ("interaction", "taken together"),
])
def test_the_interruption_says_what_kind_of_danger_it_is(qtbot, kind: str, words: str) -> None:
    dialog = ContraindicationDialog([flag(kind)], "LAMBERT, Josée")
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(words in text and "LAMBERT, Josée" in text for text in texts)
    if kind != "interaction":
        assert not any("taken together" in text for text in texts)


def test_the_acknowledge_dialog_is_wide_enough_for_its_title(qtbot) -> None:
    dialog = AcknowledgeDialog("Contraindicated — potassium and spironolactone")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) + 200


def test_the_reconciliation_pdf_names_the_patient_with_ssin_and_the_gp_and_is_logged(
        qtbot, runner, medication: MedicationView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QFileDialog

    from consult_desktop.record import actions

    ssin = "48050212345"
    with_ssin = {**mr.patient(), "meta": {"versionId": "2", "lastUpdated": "2025-02-17T12:00:00Z"},
                 "identifier": [{"system": "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin",
                                 "value": ssin}]}
    mr.db_call(qtbot, runner, lambda store: store.resources.put_many(mr.SERVER, [with_ssin]))
    mr.db_call(qtbot, runner, lambda store: actions.set_gp_name(store, "Dr. Anne Willems"))
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        medication.show_patient(mr.SERVER, mr.PATIENT)

    asked: list[str] = []
    target = tmp_path / "chosen"

    def fake_dialog(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    path = medication.export_pdf()
    assert path == tmp_path / "chosen.pdf"
    suggested = Path(asked[0])
    assert suggested.name.startswith("LAMBERT Josee - Medication reconciliation - ") and suggested.suffix == ".pdf"
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    text = " ".join(" ".join(document.getAllText(page).text() for page in range(document.pageCount())).split())
    assert "SSIN " + ssin in text and "Prepared by: Dr. Anne Willems" in text
    qtbot.waitUntil(lambda: any(entry.action == "reconciliation-exported" for entry in mr.db_call(
        qtbot, runner, lambda store: store.audit.entries(patient_id=mr.PATIENT))), timeout=10000)


def test_the_gp_name_is_set_in_the_settings_and_kept_in_the_profile(qtbot, runner, tmp_path: Path) -> None:
    from consult_desktop.record import queries
    from consult_desktop.ui.dialogs.settings_dialog import SettingsDialog
    from consult_desktop.ui_settings import UiSettings

    mr.open_store_in_runner(qtbot, runner, tmp_path / "p")
    dialog = SettingsDialog(runner, UiSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.gp_name.isEnabled(), timeout=5000)
    dialog.gp_name.setFocus()
    qtbot.keyClicks(dialog.gp_name, "Dr. Anne Willems")
    dialog.accept()
    qtbot.waitUntil(lambda: mr.db_call(qtbot, runner, queries.gp_name) == "Dr. Anne Willems", timeout=10000)


def test_the_kmehr_export_is_named_after_the_patient_in_documents_and_logged(
        qtbot, runner, medication: MedicationView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []

    def fake_dialog(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(tmp_path / "scheme"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    medication.file_actions.export("kmehr")
    qtbot.waitUntil(lambda: "exported to" in medication.status_text(), timeout=10000)
    assert (tmp_path / "scheme.xml").read_bytes().lstrip().startswith(b"<?xml")
    suggested = Path(asked[0])
    assert suggested.name.startswith("LAMBERT Josee - Medication list - ") and suggested.suffix == ".xml"
    assert suggested.parent == Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    entries = mr.db_call(qtbot, runner, lambda store: store.audit.entries(patient_id=mr.PATIENT))
    assert any(e.action == "prescriptions-exported" and "format=kmehr" in (e.detail or "") for e in entries)

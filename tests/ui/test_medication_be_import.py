"""The medication tab imports a Belgian medication file through a preview, refuses another patient, and
exports the reconciled list (real profile, real widgets)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consult_desktop.medlist.reader import read_medication_file
from consult_desktop.ui.medication.medication_view import MedicationView
from tests.fixtures import medication_records as mr
from tests.unit.test_medlist_import_export import PID, SSIN, _patient
from tests.unit.test_medlist_readers import SCHEME


@pytest.fixture
def medication(qtbot, runner, tmp_path: Path) -> MedicationView:
    mr.open_store_in_runner(qtbot, runner, tmp_path / "p")
    mr.db_call(qtbot, runner, lambda store: store.resources.put_many(mr.SERVER, [_patient()]))
    view = MedicationView(runner)
    view.resize(1400, 900)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.data_loaded, timeout=10000):
        view.show_patient(mr.SERVER, PID)
    return view


def _preview(qtbot, view: MedicationView, path: Path):
    actions = view.file_actions
    actions.dialog = None
    actions.import_file(path)
    qtbot.waitUntil(lambda: actions.dialog is not None and actions.dialog.isVisible(), timeout=10000)
    return actions.dialog


def test_import_preview_then_commit_and_export(qtbot, runner, medication: MedicationView, tmp_path: Path) -> None:
    path = tmp_path / "scheme.xml"
    path.write_bytes(SCHEME)
    dialog = _preview(qtbot, medication, path)
    assert "about this patient" in dialog.match_label.text()
    assert dialog.summary_label.text().startswith("2 added, 0 changed, 1 suspended, 0 stopped, 0 unchanged; 1 lines")
    rows = dialog.row_texts()
    assert rows[0][0] == "added" and "Bisoprolol" in rows[0][1] and rows[0][2] == "1 in the morning, 1 at bedtime"
    assert rows[2][3] == "not recognised (not checked)"
    assert dialog.unreadable.count() == 1 and "no product" in dialog.unreadable.item(0).text()
    assert dialog.import_button.isEnabled() and not dialog.confirm.isVisible()
    with qtbot.waitSignal(medication.data_loaded, timeout=10000):
        dialog.import_button.click()
    rows = medication.prescriptions_table().row_texts()
    assert len(rows) == 3
    assert any("1 in the morning, 1 at bedtime" in cell for row in rows for cell in row)
    assert "Imported 3 lines" in medication.status_text()
    audit = mr.db_call(qtbot, runner, lambda store: store.audit.entries(patient_id=PID))
    assert audit[0].action == "prescriptions-imported"

    target = tmp_path / "out.xml"
    medication.file_actions.export("kmehr", target)
    qtbot.waitUntil(lambda: "exported" in medication.status_text(), timeout=10000)
    exported = read_medication_file(target)
    assert exported.format == "kmehr-medicationscheme" and exported.patient.ssin == SSIN
    assert len(exported.lines) == 3
    fhir = tmp_path / "out.json"
    medication.file_actions.export("fhir", fhir)
    qtbot.waitUntil(lambda: fhir.exists() and "out.json" in medication.status_text(), timeout=10000)
    assert json.loads(fhir.read_text())["resourceType"] == "Bundle"


def test_another_patient_cannot_be_imported(qtbot, medication: MedicationView, tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_bytes(SCHEME.replace(SSIN.encode(), b"49112002395"))
    dialog = _preview(qtbot, medication, path)
    assert dialog.match_label.text().startswith("Refused")
    assert not dialog.import_button.isEnabled()
    dialog.reject()
    by_name = tmp_path / "by-name.xml"
    by_name.write_bytes(SCHEME.replace(b'<id S="ID-PATIENT">00000000097</id>', b""))
    dialog = _preview(qtbot, medication, by_name)
    assert dialog.match_label.text().endswith("(name and birth date).")
    dialog.reject()
    start, end = SCHEME.index(b"<patient>"), SCHEME.index(b"</patient>") + len(b"</patient>")
    anonymous = tmp_path / "anonymous.xml"
    anonymous.write_bytes(SCHEME[:start] + SCHEME[end:])
    dialog = _preview(qtbot, medication, anonymous)
    assert "does not identify its patient" in dialog.match_label.text()
    assert dialog.confirm.isVisibleTo(dialog) and not dialog.import_button.isEnabled()
    dialog.confirm.setChecked(True)
    assert dialog.import_button.isEnabled()


def test_unreadable_file_says_why(qtbot, medication: MedicationView, tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(b"<kmehrmessage><folder>")
    medication.file_actions.import_file(path)
    qtbot.waitUntil(lambda: "could not be read" in medication.status_text(), timeout=10000)
    assert medication.file_actions.dialog is None


def test_a_file_dropped_on_the_tab_opens_the_preview(qtbot, medication: MedicationView, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "scheme.xml"
    path.write_bytes(SCHEME)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    # QApplication only delivers drop events during a real drag; the tab's drop handler is called as Qt would.
    assert medication.acceptDrops()
    assert medication.file_actions.eventFilter(medication, drop)
    qtbot.waitUntil(lambda: medication.file_actions.dialog is not None, timeout=10000)
    assert medication.file_actions.dialog.row_texts()[0][1].startswith("Bisoprolol")


SUMEHR = Path(__file__).resolve().parents[3] / "shared" / "be-samples" / "kmehr" / \
    "dwagelaar+ttc2023-kmehr2fhir" / "sumehr_example.kmehr.xml"


@pytest.mark.skipif(not SUMEHR.is_file(), reason=f"Belgian SUMEHR sample not found at {SUMEHR}")
def test_sumehr_items_are_shown_as_from_the_gps_sumehr(qtbot, medication: MedicationView) -> None:
    dialog = _preview(qtbot, medication, SUMEHR)
    texts = [dialog.sumehr.item(row).text() for row in range(dialog.sumehr.count())]
    # the KMEHR item kind in words ("adr" is an adverse drug reaction), not as its code
    assert any(text.startswith("From the GP's SUMEHR (adverse drug reaction): Intolerance to paracetamol")
               for text in texts)
    assert any("(problem)" in text for text in texts)
    assert dialog.match_label.text().startswith("Refused")  # the demo SUMEHR is about another patient
    assert not dialog.import_button.isEnabled()


def test_the_preview_speaks_the_interface_language(qtbot, qapp, medication: MedicationView, tmp_path: Path) -> None:
    from consult_desktop.meds.language import process_language, set_process_language
    from consult_desktop.ui.shell import i18n

    if i18n.lrelease_executable() is None:
        pytest.skip("lrelease (PySide6 tools) not found")
    before = process_language()
    i18n.apply(qapp, "fr")
    try:
        path = tmp_path / "scheme.xml"
        path.write_bytes(SCHEME)
        dialog = _preview(qtbot, medication, path)
        rows = dialog.row_texts()
        assert rows[0][0] == "ajouté" and rows[0][2] == "1 le matin, 1 au coucher"
        assert rows[2][3] == "non reconnu (non vérifié)"
        unreadable = dialog.unreadable.item(0).text()
        assert "pas de produit" in unreadable and "élément" in unreadable and "no product" not in unreadable
        assert rows[1][3] == "simvastatine"  # ingredient names in French, not the English INN
    finally:
        i18n.apply(qapp, "en")
        set_process_language(before)

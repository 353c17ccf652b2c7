"""The patient view on real Synthea output (US Core; skipped when the optional sample is absent)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from consult_desktop.store import Profile
from consult_desktop.ui.patients.patient_view import PatientView

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from patient_records import FAST_KDF  # noqa: E402


def test_every_synthea_patient_opens_and_their_notes_read_as_text(qtbot, runner, synthea_dir: Path,
                                                                   tmp_path: Path) -> None:
    def opener():
        store = Profile.resolve(tmp_path / "p").create("pass phrase for tests", kdf=FAST_KDF)
        for path in sorted(synthea_dir.glob("*.ndjson")):
            store.resources.put_many("synthea", [json.loads(line) for line in path.read_text().splitlines() if line])
        return store

    opened: list = []
    runner.open_store(opener, opened.append, opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=60000)
    assert not isinstance(opened[0], BaseException), opened[0]
    patients: list = []
    runner.db(lambda store: sorted(store.resources.ids("synthea", "Patient")), patients.append)
    qtbot.waitUntil(lambda: bool(patients), timeout=10000)
    assert len(patients[0]) == 13

    view = PatientView(runner)
    qtbot.addWidget(view)
    with_allergies = 0
    for pid in patients[0]:
        with qtbot.waitSignal(view.patient_loaded, timeout=10000):
            view.show_patient("synthea", pid)
        assert view.header().name_text() and "," in view.header().name_text()
        assert view.encounters_tab().entry_texts()
        with_allergies += view.header().allergy_text().startswith(("Allergies:", "⚠"))
        keys = view.documents_tab().visible_keys()
        assert keys, "the current (not superseded) clinical note is listed"
        with qtbot.waitSignal(view.document_opened, timeout=10000):
            view.open_document(*keys[0])
        viewer = view.documents_tab().viewer()
        assert viewer.mode() == "text" and "Chief Complaint" in viewer.text_browser().toPlainText()
    assert with_allergies == 2

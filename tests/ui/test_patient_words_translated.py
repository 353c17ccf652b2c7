"""The open patient in French and Dutch: the allergy criticality and the problems tab's words are translated,
never the raw FHIR code or the English word ("HIGH")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from consult_desktop.ui.patients.patient_view import PatientView
from consult_desktop.ui.shell import i18n

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import patient_records as rec  # noqa: E402
from patient_records import open_filled_store  # noqa: E402

pytestmark = pytest.mark.skipif(i18n.lrelease_executable() is None, reason="lrelease (PySide6 tools) not found")


@pytest.mark.parametrize(("code", "criticality", "sex"), [("fr", "criticité ÉLEVÉE", "Femme"),
                                                          ("nl", "HOGE kritikaliteit", "Vrouw")])
def test_allergy_and_problem_words(qtbot, qapp, runner, tmp_path: Path, code: str, criticality: str,
                                   sex: str) -> None:
    open_filled_store(qtbot, runner, tmp_path / "profile")
    i18n.install(qapp, code)
    try:
        view = PatientView(runner)
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.patient_loaded, timeout=10000):
            view.show_patient(rec.SERVER, rec.PATIENT)
        header = view.header()
        assert criticality in header.allergy_text()
        assert "HIGH" not in header.allergy_text().replace(criticality, "")
        assert sex in header.details_text()
        texts = " ".join(view.problems_tab().allergy_texts() + view.problems_tab().problem_texts())
        assert "high" not in texts.lower().split()
    finally:
        i18n.install(qapp, "en")

"""The access log reads as words: when, the patient's name, what happened in the interface language, the
document's title; it filters by patient and period and exports as CSV, the export being logged too."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from consult_desktop.record import actions
from consult_desktop.store import Profile
from consult_desktop.ui.dialogs.access_log_dialog import AccessLogDialog, has_words

DUBOIS_NAME = "DUBOIS-LEFÈVRE Élodie"


@pytest.fixture
def logged(qtbot, runner, filled_profile: Profile, known):
    """A profile where the GP opened Dubois and her discharge letter, then Janssens; and one old entry."""
    known.unlock(runner, filled_profile)

    def write(store) -> None:
        actions.open_patient(store, known.SERVER, known.DUBOIS)
        store.audit.write("open-document", server_id=known.SERVER, patient_id=known.DUBOIS,
                          object_type="DocumentReference", object_id="doc-1")
        store.audit.write("medication-decision", server_id=known.SERVER, patient_id=known.DUBOIS,
                          object_type="line", object_id="ingredient:warfarin", detail="stop")
        store.audit.write("flag/flag:raas-potassium", server_id=known.SERVER, patient_id=known.DUBOIS)
        actions.open_patient(store, known.SERVER, known.JANSSENS)
        old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=40)).isoformat()
        store.conn.execute("INSERT INTO audit_log(at, action, server_id, patient_id) VALUES (?,?,?,?)",
                           (old, "open-patient", known.SERVER, known.PEETERS))
        older = (dt.datetime.now(dt.UTC) - dt.timedelta(days=400)).isoformat()
        store.conn.execute("INSERT INTO audit_log(at, action, server_id, patient_id) VALUES (?,?,?,?)",
                           (older, "patient-purged", known.SERVER, "p-gone"))

    known.db(runner, write)
    return known


def shown(qtbot, dialog: AccessLogDialog, count: int) -> list[list[str]]:
    qtbot.waitUntil(lambda: dialog.entries_shown == count, timeout=15000)
    return [[dialog.table.item(r, c).text() for c in range(5)] for r in range(dialog.entries_shown)]


def test_entries_in_words_with_names_and_titles(qtbot, runner, logged) -> None:
    dialog = AccessLogDialog(runner)
    qtbot.addWidget(dialog)
    rows = shown(qtbot, dialog, 7)
    assert rows[0][1:3] == ["Opened patient", "JANSSENS Jan"]
    assert rows[6][1:3] == ["Patient's local record removed (no longer shared)",
                            "A patient no longer in the local record (p-gone)"]
    assert rows[1][1:3] == ["Flag flag raas potassium", DUBOIS_NAME]  # unknown key: words, not a raw key
    assert rows[2][1:] == ["Medication decision recorded", DUBOIS_NAME, "", "stop"]
    assert rows[3][1:4] == ["Opened document", DUBOIS_NAME, "Lettre de sortie"]
    assert all("/" not in row[1] and "-" not in row[1] for row in rows)
    assert not any(known_id in " ".join(row) for row in rows for known_id in ("p-dubois", "p-janssens"))


def test_filter_by_patient_and_period(qtbot, runner, logged) -> None:
    dialog = AccessLogDialog(runner, patient=(logged.SERVER, logged.DUBOIS))  # the open patient preselected
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.patient_filter.count() == 4, timeout=15000)
    assert dialog.patient_filter.currentText() == DUBOIS_NAME
    rows = shown(qtbot, dialog, 4)
    assert {row[2] for row in rows} == {DUBOIS_NAME}
    dialog.patient_filter.setCurrentIndex(0)  # all patients
    rows = shown(qtbot, dialog, 7)
    assert rows[-2][2] == "PEETERS Anne"  # 40 days ago
    dialog.set_period_days(365)
    rows = shown(qtbot, dialog, 6)
    dialog.set_period_days(30)
    rows = shown(qtbot, dialog, 5)
    assert "PEETERS Anne" not in {row[2] for row in rows}


def test_export_as_csv_is_logged(qtbot, runner, logged, tmp_path: Path) -> None:
    dialog = AccessLogDialog(runner)
    qtbot.addWidget(dialog)
    shown(qtbot, dialog, 7)
    target = tmp_path / "log.csv"
    dialog.export_to(target)
    qtbot.waitUntil(lambda: dialog.entries_shown == 8, timeout=15000)  # the export itself, listed first
    with target.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle, delimiter=";"))
    assert lines[0] == ["When", "What", "Patient", "Document or file", "Detail", "Hospital told"]
    assert len(lines) == 8 and lines[4][1:4] == ["Opened document", DUBOIS_NAME, "Lettre de sortie"]
    assert dialog.table.item(0, 1).text() == "Access log exported"
    assert dialog.table.item(0, 3).text() == "log.csv"


def test_every_action_key_the_program_writes_has_words() -> None:
    import re

    root = Path(__file__).resolve().parents[2] / "consult_desktop"
    keys = set()
    for source in root.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        keys |= set(re.findall(r'audit\.write\(\s*"([a-z-]+)"', text))
        keys |= set(re.findall(r'record_access\(\s*store,\s*"([a-z-]+)"', text))
        keys |= set(re.findall(r'audit_session\(store, "([a-z-]+)"\)', text))
    from consult_desktop.record import exports

    keys |= {exports.PRINTED_DOCUMENT, exports.PRINTED_LABS, exports.PRINTED_MEDICATION, exports.SAVED_DOCUMENT,
             exports.EXPORTED_MEDICATION_LIST, exports.EXPORTED_RECONCILIATION}
    keys |= {"open-document", "open-patient"}
    assert len(keys) > 10
    unworded = sorted(k for k in keys if not has_words(k))
    assert not unworded, unworded


def test_french_words(qtbot, qapp, runner, logged) -> None:
    from consult_desktop.ui.shell import i18n

    if i18n.lrelease_executable() is None:
        pytest.skip("lrelease (PySide6 tools) not found")
    i18n.install(qapp, "fr")
    try:
        dialog = AccessLogDialog(runner)
        qtbot.addWidget(dialog)
        rows = shown(qtbot, dialog, 7)
        assert rows[3][1] == "Document ouvert"
        assert rows[2][1] == "Décision de médication enregistrée" and rows[2][4] == "arrêter"
        assert dialog.table.horizontalHeaderItem(2).text() == "Patient"
    finally:
        i18n.install(qapp, "en")

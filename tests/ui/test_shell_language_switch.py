"""Changing the language in Settings applies at once: the open main window (menus, tabs, list, status bar,
the open patient's header) shows the new language's words without a restart."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QTreeWidget

from consult_desktop.store import Profile
from consult_desktop.sync.progress import SyncReport, SyncStatus
from consult_desktop.ui.shell import i18n
from consult_desktop.ui.shell.main_window import MainWindow
from consult_desktop.ui.sync.sync_controller import SyncController
from consult_desktop.ui_settings import UiSettings

pytestmark = pytest.mark.skipif(i18n.lrelease_executable() is None, reason="lrelease (PySide6 tools) not found")


def no_sync(profile, data_key, on_progress=None, cancel=None, patient_id=None) -> SyncReport:
    return SyncReport(SyncStatus.OK)


def visible_texts(window: MainWindow) -> dict[str, str]:
    tabs = window.patient_view.tab_widget()
    return {
        "file menu": window.menuBar().actions()[0].text(),
        "sync": window.sync_action.text(),
        "first tab": tabs.tabText(0),
        "medication tab": tabs.tabText(4),
        "search": window.list_panel.search.placeholderText(),
        "count": window.list_panel.count_label.text(),
        "last sync": window.status.last_sync.text(),
        "header": window.patient_view.header().details_text(),
        "problem columns": " | ".join(tree.headerItem().text(0)
                                     for tree in window.patient_view.problems_tab().findChildren(QTreeWidget)),
        "stays hint": " | ".join(label.text() for label in window.patient_view.encounters_tab().findChildren(QLabel)),
    }


@pytest.fixture
def window(qtbot, qapp, runner, filled_profile: Profile, known) -> MainWindow:
    from consult_desktop.meds.language import process_language, set_process_language

    known.unlock(runner, filled_profile)
    medication_language = process_language()
    i18n.install(qapp, "fr")
    win = MainWindow(runner, filled_profile, SyncController(runner, filled_profile, sync_fn=no_sync),
                     UiSettings(language="fr"))
    qtbot.addWidget(win)
    win.show()
    win.start()
    qtbot.waitUntil(lambda: win.list_panel.model.rowCount() == 3, timeout=15000)
    win.list_panel.select_patient(known.SERVER, known.DUBOIS)
    qtbot.waitUntil(lambda: win.patient_view.snapshot() is not None, timeout=15000)
    yield win
    i18n.install(QApplication.instance(), "en")
    set_process_language(medication_language)  # the switch set it for the whole process


def test_french_to_dutch_without_restart(qtbot, window: MainWindow) -> None:
    french = visible_texts(window)
    assert french["file menu"] == "&Fichier" and french["first tab"] == "&Documents"
    assert french["count"] == "3 patients" and "Femme" in french["header"]
    window.apply_settings(UiSettings(language="nl"))
    qtbot.waitUntil(lambda: visible_texts(window)["file menu"] == "&Bestand", timeout=5000)
    qtbot.waitUntil(lambda: "Vrouw" in visible_texts(window)["header"], timeout=15000)
    dutch = visible_texts(window)
    assert dutch["first tab"] == "&Documenten" and dutch["medication tab"] == "&Medicatie"
    assert dutch["count"] == "3 patiënten"
    assert dutch["last sync"] == "Nooit gesynchroniseerd"
    changed = {name for name in french if french[name] != dutch[name]}
    assert changed == set(french), f"unchanged: {set(french) - changed}"

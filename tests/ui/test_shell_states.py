"""What the main window says about itself: one title, one sync status, the problems warning only when there are
problems, and list texts whose plurals follow the number."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from consult_desktop.store import Profile
from consult_desktop.sync.progress import SyncReport, SyncStatus
from consult_desktop.ui.patients.patient_table_model import COL_NEW
from consult_desktop.ui.shell.main_window import MainWindow
from consult_desktop.ui.sync.sync_controller import SyncController
from consult_desktop.ui_settings import UiSettings


def no_sync(profile, data_key, on_progress=None, cancel=None, patient_id=None) -> SyncReport:
    return SyncReport(SyncStatus.OK)


def make_window(qtbot, runner, profile: Profile, known, **kwargs) -> MainWindow:
    known.unlock(runner, profile)
    win = MainWindow(runner, profile, SyncController(runner, profile, sync_fn=no_sync), UiSettings(), **kwargs)
    qtbot.addWidget(win)
    win.show()
    win.start()
    qtbot.waitUntil(lambda: win.list_panel.model.rowCount() == 3, timeout=15000)
    return win


def test_title_names_the_program_once(qtbot, qapp, runner, filled_profile: Profile, known) -> None:
    from PySide6.QtGui import QGuiApplication

    from consult_desktop.app import name_application

    name_application(qapp)
    window = make_window(qtbot, runner, filled_profile, known, demo_hint="demo")
    assert window.windowTitle() == "Consult Desktop — demo"
    # No display name of its own (it defaults to the application name), so Qt adds nothing to the title.
    assert QGuiApplication.applicationDisplayName() == QGuiApplication.applicationName() == "Consult Desktop"


def test_one_sync_status_before_and_after_the_first_sync(qtbot, runner, filled_profile: Profile, known) -> None:
    window = make_window(qtbot, runner, filled_profile, known)
    status = window.status
    assert status.last_sync.text() == "Never synced"
    assert not status.connection.isVisible()  # not "Not synced yet since start-up" beside "Never synced"
    with qtbot.waitSignal(window.sync.finished, timeout=15000):
        window.start_sync()
    assert status.connection.isVisible() and status.connection.text() == "Online"


def test_problems_warning_only_with_problems(qtbot, runner, filled_profile: Profile, known, tmp_path: Path) -> None:
    window = make_window(qtbot, runner, filled_profile, known)
    qtbot.waitUntil(lambda: window.problems.count == 1, timeout=15000)  # the profile's one quarantined record
    assert window.problems.has_warning_icon()
    assert "(1)" in window.problems_action.text()


def test_no_problems_no_warning(qtbot, runner, known, tmp_path: Path) -> None:
    from tests.ui.conftest import FAST_KDF, PASSPHRASE, SERVER, shell_resources

    profile = Profile.resolve(tmp_path / "clean")
    with profile.create(PASSPHRASE, kdf=FAST_KDF) as store:
        store.servers.save(SERVER, "http://127.0.0.1:9/fhir", {"base_url": "http://127.0.0.1:9/fhir"})
        store.resources.put_many(SERVER, shell_resources())
    window = make_window(qtbot, runner, profile, known)
    with qtbot.waitSignal(window.sync.finished, timeout=15000):
        window.start_sync()
    qtbot.wait(50)
    assert window.problems.count == 0
    assert not window.problems.has_warning_icon()
    assert window.problems_action.text() == "Sync &problems…"


@pytest.mark.parametrize(("query", "expected"), [("jan", "1 of 3 patients"), ("e", "3 patients")])
def test_count_plural_follows_the_patients_shown(qtbot, runner, filled_profile, known, query, expected) -> None:
    window = make_window(qtbot, runner, filled_profile, known)
    qtbot.keyClicks(window.list_panel.search, query)
    qtbot.waitUntil(lambda: window.list_panel.proxy.rowCount() == (1 if query == "jan" else 3), timeout=5000)
    assert window.list_panel.count_label.text() == expected


def test_badge_explains_itself(qtbot, runner, filled_profile, known) -> None:
    window = make_window(qtbot, runner, filled_profile, known)
    model = window.list_panel.model
    tip = model.index(model.row_of(known.SERVER, known.DUBOIS), COL_NEW).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "2 new documents or results since you last opened this patient"
    tip = model.index(model.row_of(known.SERVER, known.PEETERS), COL_NEW).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "1 new document or result since you last opened this patient"


@pytest.mark.skipif(__import__("consult_desktop.ui.shell.i18n", fromlist=["x"]).lrelease_executable() is None,
                    reason="lrelease (PySide6 tools) not found")
@pytest.mark.parametrize(("code", "one", "two", "badge"), [
    ("fr", "1 patient sur 3", "2 patients sur 3",
     "2 nouveaux documents ou résultats depuis votre dernière ouverture de ce dossier"),
    ("nl", "1 patiënt van 3", "2 patiënten van 3", "2 nieuwe documenten of resultaten sinds u deze patiënt het "
                                                   "laatst opende"),
])
def test_count_plural_in_french_and_dutch(qtbot, qapp, runner, filled_profile, known, code, one, two,
                                          badge) -> None:
    from consult_desktop.ui.shell import i18n

    i18n.install(qapp, code)
    try:
        window = make_window(qtbot, runner, filled_profile, known)
        panel = window.list_panel
        qtbot.keyClicks(panel.search, "jan")
        qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1, timeout=5000)
        assert panel.count_label.text() == one
        panel.search.setText("an")  # Jan Janssens, Anne Peeters
        qtbot.waitUntil(lambda: panel.proxy.rowCount() == 2, timeout=5000)
        assert panel.count_label.text() == two
        model = panel.model
        assert model.index(model.row_of(known.SERVER, known.DUBOIS), COL_NEW).data(Qt.ItemDataRole.ToolTipRole) \
            == badge
    finally:
        i18n.install(qapp, "en")

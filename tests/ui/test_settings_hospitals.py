"""Settings > Hospitals: add a second hospital with the keyboard, see it listed, remove it after the
confirmation, and find the store's server list and audit log as expected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from consult_desktop.record import queries
from consult_desktop.ui.dialogs.settings_dialog import SettingsDialog
from consult_desktop.ui_settings import UiSettings


def test_add_and_remove_a_hospital_with_the_keyboard(qtbot, runner, filled_profile, known) -> None:
    known.unlock(runner, filled_profile)
    before = known.db(runner, queries.servers)
    dialog = SettingsDialog(runner, UiSettings(), None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_hospitals_tab()
    page = dialog.hospitals
    qtbot.waitUntil(lambda: page.list.topLevelItemCount() == len(before), timeout=10000)
    assert page.list.accessibleName() == "Hospitals"

    page.add_button.setFocus()
    qtbot.keyClick(page.add_button, Qt.Key.Key_Space)
    add = page.add_dialog
    assert add is not None and add.isVisible()
    assert add.focusWidget() is add.name
    qtbot.keyClicks(add.name, "AZ Test")
    qtbot.keyClick(add.name, Qt.Key.Key_Tab)
    assert add.focusWidget() is add.server.url
    qtbot.keyClicks(add.server.url, "http://127.0.0.1:8999/fhir")
    qtbot.keyClick(add.server.auth, Qt.Key.Key_End)  # "None (demo server on this computer)"
    assert add.server.auth_kind == "none"
    with qtbot.waitSignal(page.listed, timeout=10000):
        qtbot.keyClick(add.server.url, Qt.Key.Key_Return)
    names = [row[0] for row in page.rows()]
    assert "AZ Test" in names and len(names) == len(before) + 1
    row = names.index("AZ Test")
    assert page.rows()[row][1:] == ("http://127.0.0.1:8999/fhir", "Never")
    stored = known.db(runner, queries.servers)
    added = next(entry for entry in stored if entry.name == "AZ Test")
    assert len(stored) == len(before) + 1

    page.list.setCurrentItem(page.list.topLevelItem(row))
    page.remove_button.setFocus()
    qtbot.keyClick(page.remove_button, Qt.Key.Key_Space)
    box = page.confirm
    assert box is not None and "AZ Test" in box.text()
    assert "removed from this computer" in box.informativeText()
    remove = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    remove.setFocus()
    with qtbot.waitSignal(page.listed, timeout=10000):
        qtbot.keyClick(remove, Qt.Key.Key_Space)
    assert "AZ Test" not in [r[0] for r in page.rows()]
    after = known.db(runner, queries.servers)
    assert [entry.id for entry in after] == [entry.id for entry in before]
    audit = known.db(runner, lambda store: [(e.action, e.server_id) for e in store.audit.entries()])
    assert ("server-configured", added.id) in audit and ("server-removed", added.id) in audit

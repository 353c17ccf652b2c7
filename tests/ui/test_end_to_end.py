"""End to end through the desktop shell: a profile pointed at the demo hospital (real HTTP on 127.0.0.1, a free
port, bearer token), unlock, sync with F5, pick a patient, open a PDF, lock, unlock."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from consult_desktop.store import Profile
from consult_desktop.sync.progress import SyncStatus


@pytest.fixture
def demo_server():
    hospital_mod = pytest.importorskip("consult_desktop.demo.hospital", reason="demo hospital not present")
    server_mod = pytest.importorskip("consult_desktop.demo.server", reason="demo server not present")
    server = server_mod.DemoServer(hospital_mod.DemoHospital(patients=12, seed=7), port=0, auth="token").start()
    yield server
    server.stop()


def test_unlock_sync_open_pdf_lock_unlock(qtbot, qapp, tmp_path: Path, demo_server, known) -> None:
    setup = pytest.importorskip("consult_desktop.sync.setup", reason="sync engine setup module not present")
    from consult_desktop.app import Shell
    from consult_desktop.fhir.server_config import ServerConfig

    # A profile as `consult-desktop init` + `server set` leave it.
    profile = Profile.resolve(tmp_path / "profile")
    token = demo_server.issue_token(demo_server.hospital.default_practitioner_id)
    with profile.create(known.PASSPHRASE, kdf=known.FAST_KDF) as store:
        setup.save_server(store, ServerConfig(base_url=demo_server.base_url, auth_kind="bearer"), token=token)

    shell = Shell(qapp, argparse.Namespace(data_dir=str(profile.directory), demo=False))
    try:
        shell.begin()
        dialog = shell.first
        qtbot.waitUntil(lambda: dialog.isVisible(), timeout=10000)
        qtbot.keyClicks(dialog.passphrase, known.PASSPHRASE)
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: shell.window is not None, timeout=30000)
        window = shell.window
        assert window.list_panel.model.rowCount() == 0  # nothing synced yet

        # F5 is an application shortcut: it needs an active window, which the offscreen platform grants a
        # moment after the unlock dialog closed.
        qtbot.waitUntil(lambda: (window.activateWindow(), qapp.activeWindow() is window)[1], timeout=10000)
        with qtbot.waitSignal(window.sync.finished, timeout=120000) as finished:
            qtbot.keyClick(window, Qt.Key.Key_F5)
        report = finished.args[0]
        assert report.status == SyncStatus.OK, report.message
        authorised = report.patients
        assert authorised > 0
        qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == authorised, timeout=30000)
        assert "Online" in window.status.connection.text()
        assert "just now" in window.status.last_sync.text()

        # Pick the first patient that has a PDF document, and open it.
        view = window.patient_view
        model = window.list_panel.model
        chosen = None
        for row in range(model.rowCount()):
            key = (model.summary(row).server_id, model.summary(row).id)
            window.list_panel.select_patient(*key)
            qtbot.waitUntil(lambda k=key: view.current_patient() == k and view.snapshot() is not None,
                            timeout=30000)
            if view.open_first_pdf():
                chosen = key
                break
        assert chosen is not None, "no demo patient has a PDF document"
        viewer = view.documents_tab().viewer()
        qtbot.waitUntil(lambda: viewer.mode() == "pdf", timeout=30000)
        entries = known.db(shell.runner, lambda store: store.audit.entries(20))
        assert {"open-patient", "open-document"} <= {e.action for e in entries if e.patient_id == chosen[1]}

        # Lock: the document and the list are gone; unlock brings the GP back to the same patient and tab.
        with qtbot.waitSignal(window.locked, timeout=10000):
            qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert viewer.mode() != "pdf"
        assert window.list_panel.model.rowCount() == 0
        unlock = window.unlock_dialog
        qtbot.keyClicks(unlock.passphrase, known.PASSPHRASE)
        with qtbot.waitSignal(window.unlocked, timeout=30000):
            qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.current_patient == chosen and view.snapshot() is not None, timeout=30000)
        assert view.current_tab() == "documents"
        assert window.list_panel.model.rowCount() == authorised
    finally:
        if shell.window is not None:
            shell.window.close()
        shell.shutdown()

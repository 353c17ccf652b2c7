"""The first-run wizard creates the encrypted profile, and saves the server and the chosen role."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from consult_desktop.store import Profile
from consult_desktop.ui.dialogs.first_run_wizard import FirstRunWizard, passphrase_strength


def test_wizard_creates_profile_and_saves_server(qtbot, runner, tmp_path: Path, known) -> None:
    setup = pytest.importorskip("consult_desktop.sync.setup", reason="sync engine setup module not present")
    profile = Profile.resolve(tmp_path / "new-profile")
    wizard = FirstRunWizard(runner, profile)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.passphrase_page
    next_button = wizard.button(QWizard.WizardButton.CommitButton)

    qtbot.keyClicks(page.first, "short")
    assert not page.isComplete()
    assert "At least" in page.strength.text()
    page.first.clear()
    qtbot.keyClicks(page.first, known.PASSPHRASE)
    qtbot.keyClicks(page.second, known.PASSPHRASE + "x")
    assert not page.isComplete()
    assert "differ" in page.match.text()
    page.second.clear()
    qtbot.keyClicks(page.second, known.PASSPHRASE)
    assert page.isComplete()

    next_button.click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.role_page, timeout=30000)
    assert profile.exists()
    wizard.findChild(type(wizard.role_page.group.buttons()[0]), "role_nurse").click()
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentPage() is wizard.server_page

    form = wizard.server_page.form
    form.url.setText("https://fhir.example-hospital.be/r4")
    form.auth.setCurrentIndex(form.auth.findData("none"))
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentPage() is wizard.server_page  # 'none' is refused for a remote server
    assert "only allowed for a server on this computer" in form.error.text()
    form.auth.setCurrentIndex(form.auth.findData("bearer"))
    form.token.setText("secret-token-from-it")
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.ready_page, timeout=15000)
    # one hospital here; the page says where the others are added
    assert "Settings > Hospitals" in wizard.ready_page.more.text() and wizard.ready_page.more.isVisible()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.profile_created and wizard.sync_requested

    config = known.db(runner, setup.configured_server)
    assert config.base_url == "https://fhir.example-hospital.be/r4"
    assert config.role == "nurse"
    assert config.auth_kind == "bearer" and config.token == "secret-token-from-it"
    runner.close_store()
    with profile.unlock(known.PASSPHRASE) as store:  # the passphrase typed in the wizard opens it
        assert [a.action for a in store.audit.entries()][-1] == "profile-created"


def test_passphrase_strength_hint() -> None:
    assert passphrase_strength("abc") == 0
    assert passphrase_strength("abcdefgh") == 1
    assert passphrase_strength("abcdefgh1234") == 2
    assert passphrase_strength("four unrelated words here") == 3


def test_smart_sign_in_from_the_wizard(qtbot, runner, tmp_path: Path, known) -> None:
    """'Sign in…' runs the SMART sign-in against the demo hospital; the browser is a stand-in that follows the
    hospital's redirect back to the program, as the GP's browser would after they sign in."""
    import threading

    import requests

    setup = pytest.importorskip("consult_desktop.sync.setup", reason="sync engine setup module not present")
    server_mod = pytest.importorskip("consult_desktop.demo.server", reason="demo server not present")
    hospital_mod = pytest.importorskip("consult_desktop.demo.hospital", reason="demo hospital not present")
    from consult_desktop.demo.auth import DEMO_PUBLIC_CLIENT_ID

    opened: list[str] = []

    def browser(url: str) -> bool:
        opened.append(url)
        threading.Thread(target=lambda: requests.get(url, timeout=30), daemon=True).start()
        return True

    with server_mod.DemoServer(hospital_mod.DemoHospital(patients=3, seed=2), port=0, auth="token") as server:
        profile = Profile.resolve(tmp_path / "smart-profile")
        wizard = FirstRunWizard(runner, profile, open_browser=browser)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.passphrase_page.first.setText(known.PASSPHRASE)
        wizard.passphrase_page.second.setText(known.PASSPHRASE)
        wizard.button(QWizard.WizardButton.CommitButton).click()
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.role_page, timeout=30000)
        wizard.button(QWizard.WizardButton.NextButton).click()
        form = wizard.server_page.form
        form.url.setText(server.base_url)
        form.auth.setCurrentIndex(form.auth.findData("smart"))
        form.client_id.setText(DEMO_PUBLIC_CLIENT_ID)
        assert form.sign_in_button.isVisible() and not form.token.isVisible()
        form.sign_in_button.click()
        qtbot.waitUntil(lambda: form.sign_in_status.text() == "Signed in.", timeout=60000)
        assert opened and opened[0].startswith(server.authorize_url)
        server_id = setup.server_id_for(server.base_url)
        tokens = known.db(runner, lambda store: store.secrets.get(f"server:{server_id}:oauth_tokens"))
        assert tokens  # the sign-in is kept, encrypted, in the profile

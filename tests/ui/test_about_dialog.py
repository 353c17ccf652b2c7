"""The About window: version, SQLCipher version of the open profile, and the licences of what is shipped."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import qVersion

from consult_desktop import __version__
from consult_desktop.ui.dialogs.about_dialog import AboutDialog, licence_dir, show_about


def test_shows_the_version_and_the_licences_of_bundled_components(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.licences_text()
    assert f"Consult Desktop {__version__}" in dialog.findChild(type(dialog.encryption_label), "aboutHeading").text()
    # Qt under the LGPL, with what the LGPL asks for: dynamic linking, replacing, where the source is
    assert "GNU Lesser General Public License version 3" in text
    assert "dynamically linked" in text and "replace" in text and "download.qt.io" in text
    assert "SQLCipher" in text and "BSD-style (Zetetic)" in text
    assert "CC BY 4.0" in text and "knowledge base" in text
    for component in ("OpenSSL", "cryptography", "requests", "fhir.resources", "platformdirs", "keyring",
                      "truststore", "PyYAML", "nh3", "PyJWT"):
        assert component in text, component


def test_versions_are_the_installed_ones(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    rows = {name: (version, licence) for name, version, licence in dialog.rows()}
    assert rows["Qt"][0] == qVersion()
    assert rows["nh3 (ammonia)"] == (metadata.version("nh3"), "MIT (ammonia: MIT or Apache 2.0)")
    assert rows["requests"][0] == metadata.version("requests")


def test_sqlcipher_version_of_the_open_profile(qtbot, runner, filled_profile, known) -> None:
    known.unlock(runner, filled_profile)
    version = known.db(runner, lambda store: store.cipher_version())
    dialog = AboutDialog(cipher_version=version)
    qtbot.addWidget(dialog)
    assert dialog.encryption_label.text() == f"Database encryption: SQLCipher {version}"
    locked = AboutDialog()
    qtbot.addWidget(locked)
    assert "unlock the profile" in locked.encryption_label.text()


def test_show_about_asks_the_database_thread_and_opens_when_locked_too(qtbot, runner, filled_profile,
                                                                      known) -> None:
    from PySide6.QtWidgets import QApplication

    def opened() -> list[AboutDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible()]

    show_about(None, runner)  # locked: no store on the database thread
    qtbot.waitUntil(lambda: len(opened()) == 1, timeout=5000)
    assert opened()[0].cipher_version is None
    opened()[0].close()
    known.unlock(runner, filled_profile)
    show_about(None, runner)
    qtbot.waitUntil(lambda: len(opened()) == 1, timeout=5000)
    assert opened()[0].cipher_version.startswith("4.")
    opened()[0].close()


def test_licence_texts_are_found_in_the_source_tree() -> None:
    folder = licence_dir()
    assert folder is not None
    for name in ("THIRD-PARTY-NOTICES.md", "LGPL-3.0.txt", "GPL-3.0.txt", "Apache-2.0.txt", "SQLCipher-BSD.txt"):
        assert (folder / name).is_file(), name

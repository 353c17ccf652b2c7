"""`AboutDialog`: the program's version, the SQLCipher version of the open profile, and the licences.

Lists every bundled component with its installed version (read from the package metadata, which the
frozen bundle keeps too) and its licence, the GNU LGPL notice for Qt and PySide6 (dynamically linked, where
the source is, how to replace the libraries), and the CC BY 4.0 licence of the medication knowledge base.
The full licence texts are in the `licences` folder of the installed program (`packaging/licences` in a
source checkout); a button opens it. `show_about(parent, runner)` asks the database thread for the SQLCipher
version first when the profile is unlocked. GUI thread only.
"""

from __future__ import annotations

import html
import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from consult_desktop import __version__
from consult_desktop.record import queries
from consult_desktop.ui.shell.task_runner import TaskRunner

NOTICES_FILE = "THIRD-PARTY-NOTICES.md"
QT_SOURCE_URL = "https://download.qt.io/official_releases/qt/"
PYSIDE_SOURCE_URL = "https://code.qt.io/cgit/pyside/pyside-setup.git/"
KB_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
_open_dialogs: list[QDialog] = []


@dataclass(frozen=True)
class Component:
    name: str
    licence: str
    distribution: str = ""  # for the installed version; "" when the version comes from elsewhere


# Licences as declared by the installed distributions (METADATA / LICENSE files), checked for each release.
COMPONENTS: tuple[Component, ...] = (
    Component("Qt", "GNU LGPL v3 (dynamically linked)"),
    Component("PySide6 / Shiboken6 (Qt for Python)", "GNU LGPL v3 (dynamically linked)", "PySide6-Essentials"),
    Component("SQLCipher (Zetetic LLC), with SQLite", "BSD-style (Zetetic); SQLite: public domain"),
    Component("sqlcipher3", "zlib", "sqlcipher3"),
    Component("OpenSSL (in sqlcipher3 and cryptography)", "Apache License 2.0"),
    Component("cryptography", "Apache 2.0 or BSD 3-clause", "cryptography"),
    Component("requests", "Apache License 2.0", "requests"),
    Component("urllib3, idna, charset-normalizer", "MIT; BSD 3-clause; MIT", "urllib3"),
    Component("certifi", "Mozilla Public License 2.0", "certifi"),
    Component("fhir.resources, fhir-core", "BSD", "fhir.resources"),
    Component("pydantic, pydantic-core", "MIT", "pydantic"),
    Component("platformdirs", "MIT", "platformdirs"),
    Component("keyring (and jaraco.*, more-itertools)", "MIT", "keyring"),
    Component("truststore", "MIT", "truststore"),
    Component("PyYAML (with libyaml)", "MIT", "PyYAML"),
    Component("nh3 (ammonia)", "MIT (ammonia: MIT or Apache 2.0)", "nh3"),
    Component("PyJWT", "MIT", "PyJWT"),
    Component("defusedxml", "Python Software Foundation License", "defusedxml"),
    Component("Python", "PSF License Agreement"),
    Component("Medication knowledge base (Consult Desktop)", "CC BY 4.0"),
)


def component_version(component: Component) -> str:
    if component.name == "Qt":
        return qVersion()
    if component.name == "Python":
        return platform.python_version()
    if component.name.startswith("Medication knowledge base"):
        return __version__
    if not component.distribution:
        return ""
    try:
        return metadata.version(component.distribution)
    except metadata.PackageNotFoundError:
        return ""


def licence_dir() -> Path | None:
    """The folder with the full licence texts: inside the frozen program, else in the source checkout."""
    candidates: list[Path] = []
    if getattr(sys, "frozen", False):
        base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))
        candidates.append(base / "licences")
    candidates.append(Path(__file__).resolve().parents[3] / "packaging" / "licences")
    for folder in candidates:
        if (folder / NOTICES_FILE).is_file():
            return folder
    return None


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, cipher_version: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Consult Desktop"))
        self.cipher_version = cipher_version
        heading = QLabel(f"<b>Consult Desktop {html.escape(__version__)}</b>", self)
        heading.setObjectName("aboutHeading")
        summary = QLabel(self.tr("Hospital records of your patients, available offline in an encrypted local "
                                 "profile."), self)
        summary.setWordWrap(True)
        if cipher_version:
            encryption = self.tr("Database encryption: SQLCipher %1").replace("%1", cipher_version)
        else:
            encryption = self.tr("Database encryption: SQLCipher 4 (unlock the profile to see its exact version)")
        self.encryption_label = QLabel(encryption, self)
        self.encryption_label.setObjectName("aboutEncryption")
        self.encryption_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        runtime = QLabel(f"Qt {html.escape(qVersion())} · PySide6 {html.escape(pyside_version)} · "
                         f"Python {html.escape(platform.python_version())}", self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("aboutLicences")
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(self._licences_html())
        self.folder = licence_dir()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_folder_button = buttons.addButton(self.tr("Open licence texts"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.setEnabled(self.folder is not None)
        self.open_folder_button.setToolTip(str(self.folder) if self.folder is not None else
                                           self.tr("The licence texts are installed with the program."))
        self.open_folder_button.clicked.connect(self.open_licence_folder)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, summary, self.encryption_label, runtime):
            layout.addWidget(widget)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(680, 620)

    def rows(self) -> list[tuple[str, str, str]]:
        """(component, version, licence) as listed."""
        rows = []
        for component in COMPONENTS:
            version = component_version(component)
            if component.name.startswith("SQLCipher") and self.cipher_version:
                version = self.cipher_version
            rows.append((component.name, version, component.licence))
        return rows

    def licences_text(self) -> str:
        return self.browser.toPlainText()

    def _licences_html(self) -> str:
        e = html.escape
        body = "".join(f"<tr><td>{e(name)}</td><td>{e(version)}</td><td>{e(licence)}</td></tr>"
                       for name, version, licence in self.rows())
        qt_notice = self.tr(
            "Qt and Qt for Python (PySide6, Shiboken6) are used under the GNU Lesser General Public License "
            "version 3. They are not modified and are dynamically linked: each Qt library, plugin and binding is "
            "a separate file in the program folder, which you may replace with your own build of a compatible "
            "version. The source code is available at %1 and %2.")
        qt_notice = qt_notice.replace("%1", f'<a href="{QT_SOURCE_URL}">{QT_SOURCE_URL}</a>')
        qt_notice = qt_notice.replace("%2", f'<a href="{PYSIDE_SOURCE_URL}">{PYSIDE_SOURCE_URL}</a>')
        kb_notice = self.tr("The medication knowledge base was written by the Consult Desktop project and is "
                            "licensed under the Creative Commons Attribution 4.0 International licence (%1).")
        kb_notice = kb_notice.replace("%1", f'<a href="{KB_LICENCE_URL}">CC BY 4.0</a>')
        titles = (self.tr("Component"), self.tr("Version"), self.tr("Licence"))
        head = "<tr>" + "".join(f"<th align='left'>{e(title)}</th>" for title in titles) + "</tr>"
        return (f"<p>{qt_notice}</p><p>{kb_notice}</p>"
                f"<table cellspacing='0' cellpadding='3'>{head}{body}</table>")

    def open_licence_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


def show_about(parent: QWidget | None, runner: TaskRunner | None = None) -> None:
    """Open the About window; with an unlocked profile, it shows the SQLCipher version of the database."""

    def show(cipher_version: object = None) -> None:
        dialog = AboutDialog(parent, cipher_version=cipher_version if isinstance(cipher_version, str) else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _open_dialogs.append(dialog)  # a window without a parent lives as long as its Python object
        dialog.finished.connect(lambda _result: _open_dialogs.remove(dialog) if dialog in _open_dialogs else None)
        dialog.show()

    if runner is None:
        show()
        return
    runner.db(queries.cipher_version, show, lambda _exc: show())

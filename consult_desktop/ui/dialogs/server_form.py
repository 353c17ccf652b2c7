"""`ServerForm`: the hospital server settings (address, authentication, role), used by the first-run wizard
and the settings dialog.

Secrets typed here (token, client secret, private key) are handed to `save_server`, which keeps them in the
encrypted profile; a secret field left empty keeps the stored one. The form validates by building a
`ServerConfig` (its messages are written for the GP). GUI thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.domain.roles import Role
from consult_desktop.fhir.errors import ConfigurationError
from consult_desktop.fhir.server_config import ServerConfig


class ServerForm(QWidget):
    changed = Signal()
    sign_in_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, show_role: bool = True) -> None:
        super().__init__(parent)
        self._private_key: str | None = None
        self._has_stored_secrets = False
        self._build_fields(show_role)
        self._build_layout(show_role)
        self.auth.currentIndexChanged.connect(self._update_visibility)
        self.client_auth.currentIndexChanged.connect(self._update_visibility)
        self.key_button.clicked.connect(self._choose_key)
        self.sign_in_button.clicked.connect(self.sign_in_requested)
        for edit in (self.url, self.client_id, self.client_secret, self.token):
            edit.textChanged.connect(self.changed)
        self.auth.currentIndexChanged.connect(self.changed)
        self._update_visibility()

    def _build_fields(self, show_role: bool) -> None:
        self.url = QLineEdit(self)
        self.url.setObjectName("serverUrl")
        self.url.setPlaceholderText("https://fhir.hospital.be/r4")
        self.auth = QComboBox(self)
        self.auth.setObjectName("authKind")
        for kind, label in (("smart", self.tr("Sign in with my hospital account (browser)")),
                            ("bearer", self.tr("Access token")),
                            ("client-credentials", self.tr("Client credentials (practice system account)")),
                            ("none", self.tr("None (demo server on this computer)"))):
            self.auth.addItem(label, kind)
        self.client_id = QLineEdit(self)
        self.client_auth = QComboBox(self)
        for method, label in (("client_secret_basic", self.tr("Client secret")),
                              ("client_secret_post", self.tr("Client secret (in the request body)")),
                              ("private_key_jwt", self.tr("Private key (signed assertion)"))):
            self.client_auth.addItem(label, method)
        self.client_secret = QLineEdit(self)
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.token = QLineEdit(self)
        self.token.setObjectName("token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_button = QPushButton(self.tr("Choose key file…"), self)
        self.key_label = QLabel(self)
        self.key_id = QLineEdit(self)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_button)
        key_row.addWidget(self.key_label, 1)
        self._key_row = key_row
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role, label in ((Role.GP, self.tr("General practitioner")), (Role.NURSE, self.tr("Home-care nurse")),
                            (Role.PHYSIO, self.tr("Physiotherapist"))):
            self.role.addItem(label, role.value)
        self.role.setVisible(show_role)

        self.sign_in_button = QPushButton(self.tr("Sign in…"), self)
        self.sign_in_button.setObjectName("signIn")
        self.sign_in_status = QLabel(self)
        self.sign_in_status.setWordWrap(True)

        self.scope = QLineEdit(self)
        self.token_url = QLineEdit(self)
        self.authorize_url = QLineEdit(self)
        self.ca_bundle = QLineEdit(self)
        self.ca_bundle.setPlaceholderText(self.tr("System certificates"))

    def _build_layout(self, show_role: bool) -> None:
        sign_in_row = QHBoxLayout()
        sign_in_row.addWidget(self.sign_in_button)
        sign_in_row.addWidget(self.sign_in_status, 1)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Server address:"), self.url)
        self.form.addRow(self.tr("Authentication:"), self.auth)
        self.form.addRow(self.tr("Client id:"), self.client_id)
        self.form.addRow(self.tr("Client authentication:"), self.client_auth)
        self.form.addRow(self.tr("Client secret:"), self.client_secret)
        self.form.addRow(self.tr("Private key:"), self._key_row)
        self.form.addRow(self.tr("Key id:"), self.key_id)
        self.form.addRow(self.tr("Access token:"), self.token)
        self.form.addRow("", sign_in_row)
        if show_role:
            self.form.addRow(self.tr("I am a:"), self.role)
        self.show_advanced = QCheckBox(self.tr("Advanced"), self)
        advanced = QWidget(self)
        advanced_form = QFormLayout(advanced)
        advanced_form.setContentsMargins(0, 0, 0, 0)
        advanced_form.addRow(self.tr("Scopes:"), self.scope)
        advanced_form.addRow(self.tr("Token URL:"), self.token_url)
        advanced_form.addRow(self.tr("Authorization URL:"), self.authorize_url)
        advanced_form.addRow(self.tr("CA certificates file:"), self.ca_bundle)
        advanced.setVisible(False)
        self.show_advanced.toggled.connect(advanced.setVisible)
        self.advanced = advanced
        self.error = QLabel(self)
        self.error.setObjectName("serverError")
        self.error.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.show_advanced)
        layout.addWidget(advanced)
        layout.addWidget(self.error)
        layout.addStretch(1)

    # -- values ----------------------------------------------------------------------------------------
    @property
    def auth_kind(self) -> str:
        return str(self.auth.currentData())

    def set_config(self, config: ServerConfig | None) -> None:
        """Show stored settings; stored secrets are not shown, an empty field keeps them."""
        if config is None:
            return
        self.url.setText(config.base_url)
        self.auth.setCurrentIndex(max(0, self.auth.findData(config.auth_kind)))
        self.client_id.setText(config.client_id)
        self.client_auth.setCurrentIndex(max(0, self.client_auth.findData(config.client_auth)))
        self.key_id.setText(config.key_id)
        self.scope.setText(config.scope)
        self.token_url.setText(config.token_url)
        self.authorize_url.setText(config.authorize_url)
        self.ca_bundle.setText(config.ca_bundle or "")
        self.role.setCurrentIndex(max(0, self.role.findData(config.role)))
        self._has_stored_secrets = bool(config.secrets())
        keep = self.tr("(stored; leave empty to keep)")
        for edit in (self.client_secret, self.token):
            edit.setPlaceholderText(keep if self._has_stored_secrets else "")
        if config.private_key_pem:
            self.key_label.setText(self.tr("A key is stored."))

    def set_role(self, role: str) -> None:
        self.role.setCurrentIndex(max(0, self.role.findData(role)))

    def config(self) -> tuple[ServerConfig, dict[str, str | None]]:
        """The settings and the secrets typed in (None = keep the stored one). Raises ConfigurationError."""
        kind = self.auth_kind
        if not self.url.text().strip():
            raise ConfigurationError(self.tr("Enter the address of the hospital's FHIR server."))
        if kind == "bearer" and not self.token.text().strip() and not self._has_stored_secrets:
            raise ConfigurationError(self.tr("Enter the access token given by the hospital."))
        config = ServerConfig(
            base_url=self.url.text().strip(), auth_kind=kind, client_id=self.client_id.text().strip(),
            client_auth=str(self.client_auth.currentData()), key_id=self.key_id.text().strip(),
            token_url=self.token_url.text().strip(), authorize_url=self.authorize_url.text().strip(),
            scope=self.scope.text().strip(), ca_bundle=self.ca_bundle.text().strip() or None,
            role=str(self.role.currentData()),
        )
        secrets = {
            "token": self.token.text().strip() or None if kind == "bearer" else None,
            "client_secret": self.client_secret.text() or None if kind == "client-credentials" else None,
            "private_key_pem": self._private_key if kind == "client-credentials" else None,
        }
        return config, secrets

    def validate(self) -> bool:
        try:
            self.config()
        except ConfigurationError as exc:
            self.show_error(exc.message)
            return False
        self.show_error("")
        return True

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def set_sign_in_status(self, text: str) -> None:
        self.sign_in_status.setText(text)

    # -- internals -------------------------------------------------------------------------------------
    def _update_visibility(self) -> None:
        kind = self.auth_kind
        private_key = str(self.client_auth.currentData()) == "private_key_jwt"
        shown = {
            self.client_id: kind in ("smart", "client-credentials"),
            self.client_auth: kind == "client-credentials",
            self.client_secret: kind == "client-credentials" and not private_key,
            self.key_button: kind == "client-credentials" and private_key,
            self.key_id: kind == "client-credentials" and private_key,
            self.token: kind == "bearer",
            self.sign_in_button: kind == "smart",
        }
        for widget, visible in shown.items():
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)
        self.key_label.setVisible(shown[self.key_button])
        self.sign_in_status.setVisible(kind == "smart")
        key_label = self.form.labelForField(self._key_row)
        if key_label is not None:
            key_label.setVisible(shown[self.key_button])

    def _choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Private key"), "",
                                              self.tr("PEM keys (*.pem *.key);;All files (*)"))
        if not path:
            return
        try:
            text = Path(path).read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError):
            self.show_error(self.tr("The key file could not be read."))
            return
        if "PRIVATE KEY" not in text:
            self.show_error(self.tr("This file does not contain a private key in PEM format."))
            return
        self._private_key = text
        self.key_label.setText(Path(path).name)
        self.show_error("")

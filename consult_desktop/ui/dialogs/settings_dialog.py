"""`SettingsDialog`: language, automatic lock, automatic sync, the "recently discharged" window, the hospital
server (address, authentication, role) and the list of hospitals (`HospitalsPage`: add, remove).

Desktop preferences are saved to the preferences file; the server settings and secrets go to the encrypted
profile through `record.actions.save_server_settings` on the database lane; the Hospitals page adds and removes
servers at once (its changes leave on `servers_changed`). GUI thread only.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.record import actions, queries
from consult_desktop.store import Store
from consult_desktop.ui.dialogs.hospitals_page import HospitalsPage
from consult_desktop.ui.dialogs.server_form import ServerForm
from consult_desktop.ui.shell.task_runner import TaskRunner
from consult_desktop.ui_settings import UiSettings


class SettingsDialog(QDialog):
    settings_changed = Signal(object)  # UiSettings
    server_saved = Signal()
    servers_changed = Signal(object)  # a record.changes value: a hospital was added or removed

    def __init__(self, runner: TaskRunner, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._settings = settings
        self._server_dirty = False
        self._server_loaded = False
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))

        general = QWidget(self)
        self.language = QComboBox(general)
        self.language.setObjectName("language")
        for code, label in (("", self.tr("Same as the system")), ("en", "English"), ("fr", "Français"),
                            ("nl", "Nederlands")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language_note = QLabel(self.tr("A new language applies at once."), general)
        self.language_note.setEnabled(False)
        self.idle = QSpinBox(general)
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(0, 240)
        self.idle.setSpecialValueText(self.tr("Never"))
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(settings.idle_lock_minutes)
        self.auto_sync = QSpinBox(general)
        self.auto_sync.setObjectName("autoSyncMinutes")
        self.auto_sync.setRange(0, 1440)
        self.auto_sync.setSpecialValueText(self.tr("Only when I ask"))
        self.auto_sync.setSuffix(self.tr(" min"))
        self.auto_sync.setValue(settings.auto_sync_minutes)
        self.discharge = QSpinBox(general)
        self.discharge.setRange(1, 365)
        self.discharge.setSuffix(self.tr(" days"))
        self.discharge.setValue(settings.discharge_days)
        form = QFormLayout(general)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Lock after inactivity:"), self.idle)
        form.addRow(self.tr("Sync automatically every:"), self.auto_sync)
        form.addRow(self.tr("“Recently discharged” means within:"), self.discharge)
        self.gp_name = QLineEdit(general)
        self.gp_name.setObjectName("gpName")
        self.gp_name.setAccessibleName(self.tr("Your name (printed on exports)"))
        self.gp_name.setPlaceholderText(self.tr("Dr. First Last"))
        self._gp_name_loaded = ""
        form.addRow(self.tr("Your name (printed on exports):"), self.gp_name)

        self.server = ServerForm(self)
        self.server.changed.connect(self._mark_server_dirty)
        self.server.role.currentIndexChanged.connect(self._mark_server_dirty)
        self.server.sign_in_button.setToolTip(self.tr("Save, then sign in through your browser"))
        self.server.sign_in_requested.connect(self._sign_in_requested)
        self.sign_in_wanted = False

        self.tabs = QTabWidget(self)
        self.tabs.addTab(general, self.tr("General"))
        self.tabs.addTab(self.server, self.tr("Hospital server"))
        self.hospitals = HospitalsPage(runner, self)
        self.hospitals.changed.connect(self.servers_changed)
        self.tabs.addTab(self.hospitals, self.tr("Hospitals"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(560, 480)
        self._load_server()

    def show_server_tab(self) -> None:
        self.tabs.setCurrentWidget(self.server)

    def show_hospitals_tab(self) -> None:
        self.tabs.setCurrentWidget(self.hospitals)

    def _load_server(self) -> None:
        def loaded(config: ServerConfig | None) -> None:
            self.server.set_config(config)
            self._server_loaded = True
            self._server_dirty = False

        self._runner.query(self, queries.server_settings, loaded, lambda exc: self.server.show_error(str(exc)))

        def name_loaded(name: str) -> None:
            self._gp_name_loaded = name
            if not self.gp_name.isModified():  # the GP may already be typing
                self.gp_name.setText(name)

        self._runner.query(self, queries.gp_name, name_loaded, lambda exc: self.status.setText(str(exc)), slot="name")

    def _mark_server_dirty(self, *_args: object) -> None:
        if self._server_loaded:
            self._server_dirty = True

    def _sign_in_requested(self) -> None:
        self.sign_in_wanted = True
        self._server_dirty = True
        self.accept()

    def accept(self) -> None:
        updated = dataclasses.replace(self._settings, language=str(self.language.currentData()),
                                      idle_lock_minutes=self.idle.value(), auto_sync_minutes=self.auto_sync.value(),
                                      discharge_days=self.discharge.value())
        name = self.gp_name.text().strip()
        if name != self._gp_name_loaded:
            self._gp_name_loaded = name
            self._runner.query(self, lambda store: actions.set_gp_name(store, name), lambda _none: None,
                               lambda exc: self.status.setText(str(exc)), slot="save-name")
        if not self._server_dirty:
            self._finish(updated)
            return
        if not self.server.validate():
            self.tabs.setCurrentWidget(self.server)
            self.sign_in_wanted = False
            return
        config, secrets = self.server.config()

        def save(store: Store) -> str:  # database thread
            return actions.save_server_settings(store, config, **secrets)

        def saved(_server_id: object) -> None:
            self.server_saved.emit()
            self._finish(updated)

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.server.show_error(str(exc))
            self.sign_in_wanted = False

        self.buttons.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self._runner.query(self, save, saved, failed)

    def _finish(self, updated: UiSettings) -> None:
        if updated != self._settings:
            updated.save()
            self.settings_changed.emit(updated)
        super().accept()

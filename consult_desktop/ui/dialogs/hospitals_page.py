"""`HospitalsPage`: the Settings dialog's list of the profile's hospital servers (name, address, last sync),
with Add… (the server form and a name, in a dialog) and Remove… (after a confirmation naming the hospital and
saying its cached records leave this computer).

Reading the list, adding and removing run on the database lane through the operation runner; the record-layer
actions `actions.add_server` and `actions.remove_server` write their audit entries. What a change did is
emitted on `changed` (a `record.changes` value, for the window's ChangeBus). GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.domain import date_text
from consult_desktop.record import actions, queries
from consult_desktop.record.changes import RecordsSynced
from consult_desktop.store import Store
from consult_desktop.ui.dialogs.server_form import ServerForm
from consult_desktop.ui.shell.task_runner import TaskRunner

ID_ROLE = Qt.ItemDataRole.UserRole


class AddHospitalDialog(QDialog):
    """A name and the server form; OK validates the form before the page stores it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a hospital"))
        self.name = QLineEdit(self)
        self.name.setObjectName("hospitalName")
        self.name.setAccessibleName(self.tr("Hospital name"))
        self.name.setPlaceholderText(self.tr("The name shown beside its records (default: its address)"))
        self.server = ServerForm(self)
        self.server.sign_in_button.hide()  # sign in from the window once the hospital is added
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        name_row = QFormLayout()
        name_row.addRow(self.tr("&Name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(name_row)
        layout.addWidget(self.server, 1)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.name, self.server.url)

    def accept(self) -> None:
        if self.server.validate():
            super().accept()


class HospitalsPage(QWidget):
    changed = Signal(object)  # the record.changes value of an addition or a removal
    listed = Signal(int)  # the number of hospitals shown, each time the list is read

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.add_dialog: AddHospitalDialog | None = None
        self.confirm: QMessageBox | None = None
        self.list = QTreeWidget(self)
        self.list.setObjectName("hospitals")
        self.list.setAccessibleName(self.tr("Hospitals"))
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([self.tr("Name"), self.tr("Address"), self.tr("Last sync")])
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.add_button.setAccessibleName(self.tr("Add a hospital"))
        self.remove_button = QPushButton(self.tr("&Remove…"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected hospital"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        hint = QLabel(self.tr("The records of every hospital listed here are synchronised to this computer."), self)
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self.ask_add)
        self.remove_button.clicked.connect(self.ask_remove)
        self.list.currentItemChanged.connect(lambda *_args: self._update_buttons())
        self.reload()

    # -- the list -------------------------------------------------------------------------------------------
    def reload(self) -> None:
        self._runner.query(self, queries.servers, self._show, self._failed, slot="list")

    def _show(self, entries: list) -> None:
        current = self.selected_id()
        self.list.clear()
        for entry in entries:
            when = date_text.display(entry.last_sync[:10]) if entry.last_sync else self.tr("Never")
            item = QTreeWidgetItem(self.list, [entry.name or entry.base_url, entry.base_url, when])
            item.setData(0, ID_ROLE, entry.id)
            if entry.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self._update_buttons()
        self.listed.emit(len(entries))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.list.currentItem() is not None)

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def rows(self) -> list[tuple[str, str, str]]:
        """(name, address, last sync) of each hospital shown."""
        return [tuple(self.list.topLevelItem(r).text(c) for c in range(3))  # type: ignore[misc]
                for r in range(self.list.topLevelItemCount())]

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))

    # -- add ------------------------------------------------------------------------------------------------
    def ask_add(self) -> None:
        dialog = self.add_dialog = AddHospitalDialog(self)
        dialog.accepted.connect(lambda: self._add(dialog))
        dialog.open()
        dialog.name.setFocus()

    def _add(self, dialog: AddHospitalDialog) -> None:
        config, secrets = dialog.server.config()
        name = dialog.name.text().strip() or None

        def add(store: Store) -> str:  # database lane
            return actions.add_server(store, config, name=name, **secrets)

        def added(_server_id: object) -> None:
            self.status.setText(self.tr("Hospital added. Its records arrive at the next synchronisation."))
            self.changed.emit(RecordsSynced())
            self.reload()

        self.status.setText(self.tr("Saving…"))
        self._runner.query(self, add, added, self._failed, slot="write")

    # -- remove ---------------------------------------------------------------------------------------------
    def ask_remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        server_id, name = item.data(0, ID_ROLE), item.text(0)
        box = self.confirm = QMessageBox(QMessageBox.Icon.Warning, self.tr("Remove a hospital"),
                                         self.tr("Remove the hospital %1?").replace("%1", name), parent=self)
        box.setInformativeText(self.tr("Its cached records are removed from this computer. They come back only "
                                       "if you add the hospital again and synchronise."))
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _result: self._remove(server_id) if box.clickedButton() is remove else None)
        box.open()

    def _remove(self, server_id: str) -> None:
        def removed(change: object) -> None:
            self.status.setText(self.tr("Hospital removed, with its records on this computer."))
            if change is not None:
                self.changed.emit(change)
            self.reload()

        self.status.setText(self.tr("Removing…"))
        self._runner.query(self, lambda store: actions.remove_server(store, server_id), removed, self._failed,
                           slot="write")

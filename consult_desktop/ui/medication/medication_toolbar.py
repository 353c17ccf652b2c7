"""`MedicationToolbar`: the actions of the medication tab with their shortcuts (active while the tab has focus).

Ctrl+N new prescription, Ctrl+E edit, Delete stop, Shift+Delete delete an entry made by mistake, Ctrl+I
import, Ctrl+Shift+1/2/3 decide continue/stop/modify, Ctrl+Shift+0 clear the decision (Ctrl+1…5 choose the
patient's tabs), Ctrl+P print the comparison, Ctrl+Shift+E export the reconciliation PDF. The decisions and
the exports sit behind two menu buttons so that every button fits a 1366-pixel-wide screen. Each action calls
the `MedicationView` method of the same name; the view enables them. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

from consult_desktop.ui.widgets.accessibility import name_overflow_button


class MedicationActions(Protocol):
    def new_prescription(self) -> object: ...
    def edit_selected(self) -> object: ...
    def stop_selected(self) -> object: ...
    def delete_selected(self) -> object: ...
    def import_file(self) -> None: ...
    def set_decision(self, decision: str | None) -> None: ...
    def export_pdf(self) -> object: ...
    def print_current(self) -> object: ...


class MedicationToolbar(QToolBar):
    def __init__(self, view: QWidget, actions: MedicationActions) -> None:
        super().__init__(view)
        self._view = view
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAccessibleName(self.tr("Medication actions"))
        self.new_action = self._action(self.tr("New prescription"), "Ctrl+N", actions.new_prescription)
        self.edit_action = self._action(self.tr("Edit"), "Ctrl+E", actions.edit_selected)
        self.stop_action = self._action(self.tr("Stop"), QKeySequence.StandardKey.Delete, actions.stop_selected)
        self.delete_action = self._action(self.tr("Delete (entered by mistake)"), "Shift+Del", actions.delete_selected)
        self.import_action = self._action(self.tr("Import…"), "Ctrl+I", actions.import_file)
        self.addSeparator()
        decide = actions.set_decision
        self.decision_actions = {
            "continue": self._action(self.tr("Decide: continue"), "Ctrl+Shift+1", lambda: decide("continue"),
                                     on_bar=False),
            "stop": self._action(self.tr("Decide: stop"), "Ctrl+Shift+2", lambda: decide("stop"),
                                 on_bar=False),
            "modify": self._action(self.tr("Decide: modify"), "Ctrl+Shift+3", lambda: decide("modify"),
                                   on_bar=False),
        }
        self.clear_decision_action = self._action(self.tr("Clear decision"), "Ctrl+Shift+0",
                                                  lambda: actions.set_decision(None), on_bar=False)
        self.decide_button = self._menu_button(self.tr("Decide"), [*self.decision_actions.values(),
                                                                   self.clear_decision_action])
        self.addSeparator()
        self.print_action = self._action(self.tr("Print…"), "Ctrl+P", actions.print_current)
        self.export_action = self._action(self.tr("Export PDF…"), "Ctrl+Shift+E", actions.export_pdf, on_bar=False)
        self.export_menu = QMenu(self)
        self.export_menu.addAction(self.export_action)
        self.export_button = self._menu_button(self.tr("Export"), [], self.export_menu)
        self.setAccessibleName(self.tr("Medication actions"))
        name_overflow_button(self)

    def line_actions(self) -> list[QAction]:
        """What the comparison table's context menu offers for the chosen line."""
        return [self.edit_action, self.stop_action, *self.decision_actions.values(), self.clear_decision_action]

    def add_export_actions(self, actions: list[QAction]) -> None:
        """More export formats (the Belgian medication files) in the Export menu."""
        for action in actions:
            self.export_menu.addAction(action)

    def _menu_button(self, text: str, actions: list[QAction], menu: QMenu | None = None) -> QToolButton:
        menu = menu or QMenu(self)
        for action in actions:
            menu.addAction(action)
        button = QToolButton(self)
        button.setText(text)
        button.setAccessibleName(text)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addWidget(button)
        return button

    def _action(self, text: str, shortcut: Any, slot: Callable[[], object], *, on_bar: bool = True) -> QAction:
        action = QAction(text, self._view)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(lambda _checked=False: slot())
        self._view.addAction(action)
        if on_bar:
            self.addAction(action)
        return action

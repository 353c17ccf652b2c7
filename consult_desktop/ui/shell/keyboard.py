"""The main window's keyboard: tab shortcuts, one Find that follows the focus, and Help > Keyboard shortcuts.

- Ctrl+1 … Ctrl+5 choose the patient's tabs (the tab titles also carry Alt+letter mnemonics);
  Ctrl+PgDown / Ctrl+PgUp go to the next / previous tab.
- Ctrl+F is one window-level action and never an ambiguous shortcut: it asks the widget holding the focus, and
  its parents, for their own find (`open_find()`: the document viewer's find bar once the GP clicked into a
  PDF, else the documents tab's search); when none has one, it goes to the patient search field.
- F1 opens the list of every shortcut, read from the window's actions and its open patient's actions, so the
  list is always what the keys really do.

GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget


class KeyboardHost(Protocol):
    """What the keyboard needs of the main window."""

    patient_view: Any
    list_panel: Any

    @property
    def is_locked(self) -> bool: ...
    @property
    def current_patient(self) -> tuple[str, str] | None: ...
    def track_dialog(self, dialog: QDialog) -> QDialog: ...

TAB_COUNT = 5


class WindowKeyboard(QObject):
    """The keyboard actions of one main window (created by the window, parented to it)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window: Any = window  # a KeyboardHost
        self.tab_actions: list[QAction] = []
        for number in range(1, TAB_COUNT + 1):
            action = self._action(f"Ctrl+{number}", lambda n=number: self.select_tab(n - 1), f"tabAction{number}")
            self.tab_actions.append(action)
        self.next_tab_action = self._action("Ctrl+PgDown", lambda: self.step_tab(1), "nextTabAction")
        self.previous_tab_action = self._action("Ctrl+PgUp", lambda: self.step_tab(-1), "previousTabAction")
        self.shortcuts_action = self._action("F1", self.show_shortcuts, "shortcutsAction")
        self.retranslate()

    def _action(self, key: str, slot: Callable[[], object], name: str) -> QAction:
        action = QAction(self._window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)
        return action

    def retranslate(self) -> None:
        names = self._window.patient_view.tab_titles()
        for number, action in enumerate(self.tab_actions, start=1):
            title = names[number - 1].replace("&", "") if number <= len(names) else str(number)
            action.setText(self.tr("Show the tab %1").replace("%1", title))
        self.next_tab_action.setText(self.tr("Next tab"))
        self.previous_tab_action.setText(self.tr("Previous tab"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))

    # -- tabs ------------------------------------------------------------------------------------------------
    def _tabs_usable(self) -> bool:
        window = self._window
        return not window.is_locked and window.current_patient is not None

    def select_tab(self, index: int) -> None:
        if not self._tabs_usable():
            return
        tabs = self._window.patient_view.tab_widget()
        if 0 <= index < tabs.count():
            tabs.setCurrentIndex(index)
            tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def step_tab(self, step: int) -> None:
        if not self._tabs_usable():
            return
        tabs = self._window.patient_view.tab_widget()
        self.select_tab((tabs.currentIndex() + step) % tabs.count())

    # -- find -------------------------------------------------------------------------------------------------
    def find(self) -> None:
        """Find in the focused area when it can find, else in the patient list."""
        widget: QWidget | None = QApplication.focusWidget()
        while widget is not None and widget is not self._window:
            finder = getattr(widget, "open_find", None)
            if callable(finder) and widget.isVisible():
                finder()
                return
            widget = widget.parentWidget()
        self._window.list_panel.focus_search()

    def fixed_rows(self) -> list[tuple[str, str, str]]:
        """Keys that are not actions: the patient list's, the document find bar's, and the tabs' Alt+letters."""
        patients, document = self.tr("Patient list"), self.tr("Document")
        rows = [
            (patients, self.tr("From the search field into the list"), "Down"),
            (patients, self.tr("Open the first patient found"), "Enter"),
            (patients, self.tr("From the list to the open patient's record"), "Enter"),
            (patients, self.tr("Clear the search"), "Esc"),
            (patients, self.tr("Choose a patient (opens their record)"), "Up, Down, PgUp, PgDown, Home, End"),
            (patients, self.tr("Leave the list"), "Tab, Shift+Tab"),
            (document, self.tr("Next match"), f"Enter, {_keys(QKeySequence.StandardKey.FindNext)}"),
            (document, self.tr("Previous match"), f"Shift+Enter, {_keys(QKeySequence.StandardKey.FindPrevious)}"),
            (document, self.tr("Close the find bar"), "Esc"),
        ]
        for title in self._window.patient_view.tab_titles():
            if "&" in title:
                rows.append((self.tr("Everywhere"), self.tr("Show the tab %1").replace("%1", title.replace("&", "")),
                             f"Alt+{title[title.index('&') + 1].upper()}"))
        return rows

    # -- help -------------------------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        from consult_desktop.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self._window, shortcut_rows(self._window))
        self._window.track_dialog(dialog)


def _keys(standard: QKeySequence.StandardKey) -> str:
    return QKeySequence(standard).toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(area, what it does, keys) for every action of the window and of its children that has a shortcut, and
    the keys that are not actions (see `WindowKeyboard.fixed_rows`)."""
    keyboard = window.findChild(WindowKeyboard)
    rows: list[tuple[str, str, str]] = keyboard.fixed_rows() if keyboard is not None else []
    seen: set[tuple[str, str]] = set()
    for action in window.findChildren(QAction):
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()
        if not keys or not text or (text, keys) in seen:
            continue
        seen.add((text, keys))
        rows.append((_area(window, action), text, keys))
    return sorted(rows, key=lambda row: (row[0], row[1].casefold()))


def _area(window: QWidget, action: QAction) -> str:
    """"Everywhere" for the window's own actions, else the title of the patient tab that holds the action."""
    parent = action.parent()
    if parent is window or not isinstance(parent, QWidget):
        return QCoreApplication.translate("WindowKeyboard", "Everywhere")
    tabs = getattr(getattr(window, "patient_view", None), "tab_widget", None)
    if callable(tabs):
        widget = tabs()
        for index in range(widget.count()):
            page = widget.widget(index)
            if page is parent or page.isAncestorOf(parent):
                return widget.tabText(index).replace("&", "")
    return QCoreApplication.translate("WindowKeyboard", "Open patient")

"""Accessible names for the widgets Qt creates by itself (a tool bar's overflow "»" button, a line edit's clear
button, a table's corner button), so that screen readers can say what they do. `name_qt_parts(window)` names
all of them under a window; the shell calls it after building the window and after a language change.
GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QToolBar, QToolButton, QWidget


def name_overflow_button(toolbar: QToolBar) -> None:
    """Name the "»" button a tool bar shows when its actions do not fit."""
    button = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    if button is not None:
        text = QCoreApplication.translate("Accessibility", "More actions")
        button.setAccessibleName(text)
        button.setAccessibleDescription(QCoreApplication.translate(
            "Accessibility", "Shows the actions that do not fit in the tool bar"))
        button.setToolTip(text)


def name_clear_button(edit: QLineEdit, name: str, description: str) -> None:
    """Name the clear button of a line edit with `setClearButtonEnabled(True)`."""
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(name)
        button.setAccessibleDescription(description)
        button.setToolTip(name)


def name_qt_parts(root: QWidget) -> None:
    """Name every part Qt made under `root` that has no accessible name yet (ours keep theirs)."""
    for toolbar in root.findChildren(QToolBar):
        name_overflow_button(toolbar)
    for button in root.findChildren(QToolButton, "qt_menubar_ext_button"):
        button.setAccessibleName(QCoreApplication.translate("Accessibility", "More menus"))
        button.setAccessibleDescription(QCoreApplication.translate(
            "Accessibility", "Shows the menus that do not fit in the menu bar"))
    for button in root.findChildren(QAbstractButton, "qt_tableview_cornerbutton"):
        button.setAccessibleName(QCoreApplication.translate("Accessibility", "Select all"))
        button.setAccessibleDescription(QCoreApplication.translate("Accessibility", "Selects every cell of the table"))
    for edit in root.findChildren(QLineEdit):
        for button in edit.findChildren(QToolButton):
            if not button.accessibleName():
                button.setAccessibleName(QCoreApplication.translate("Accessibility", "Clear"))
                button.setAccessibleDescription(QCoreApplication.translate("Accessibility", "Empties the field"))

"""The main window's actions, menus and toolbar: built once by `build(window)`, which sets them as the window's
attributes (`sync_action`, `lock_action`, `find_action`, `settings_action`, ...) and records each text as a
function in `window._texts`, so that `MainWindow.retranslate` sets them again after a language change.

The texts are in the "MainWindow" translation context, as the window's own. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from consult_desktop.ui.shell.keyboard import WindowKeyboard
from consult_desktop.ui.sync.problems_indicator import ProblemsIndicator
from consult_desktop.ui.widgets.icons import icon

MainWindow = Any  # `ui.shell.main_window.MainWindow`, which imports this module (named here, not imported)


def window_action(window: MainWindow, text: Callable[[], str], slot: object,
                  shortcuts: list[QKeySequence] | None = None, icon_name: str | None = None, name: str = "",
                  tip: Callable[[], str] | None = None) -> QAction:
    """An action whose texts are given as functions, so that a language change can set them again."""
    action = QAction(window)
    if icon_name:
        action.setIcon(icon(icon_name))
    if shortcuts:
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    action.setObjectName(name)
    action.triggered.connect(slot)
    window.addAction(action)
    window._texts.append((action.setText, text))
    if tip is not None:
        window._texts.append((action.setToolTip, tip))
    return action


def build(window: MainWindow) -> None:
    """The window's actions, its menu bar (File, Patients, Tools, Help) and its toolbar."""
    k, w, app = QKeySequence, window, QCoreApplication
    w.sync_action = window_action(
        w, lambda: app.translate("MainWindow", "&Sync now"), w.start_sync, [k(Qt.Key.Key_F5)], "sync", "syncAction",
        lambda: app.translate("MainWindow", "Fetch what is new at the hospital (F5)"))
    w.lock_action = window_action(
        w, lambda: app.translate("MainWindow", "&Lock"), w.lock, [k("Ctrl+L")], "lock", "lockAction")
    w.keyboard = WindowKeyboard(w)
    w.find_action = window_action(
        w, lambda: app.translate("MainWindow", "&Find"), w.keyboard.find, [k(k.StandardKey.Find)], "search",
        "findAction",
        lambda: app.translate("MainWindow", "Find in the area you are in: the document, or else the patient list"))
    preferences = [k(k.StandardKey.Preferences)] if not k(k.StandardKey.Preferences).isEmpty() else []
    w.settings_action = window_action(
        w, lambda: app.translate("MainWindow", "S&ettings…"), w.open_settings, preferences + [k("Ctrl+,")],
        "settings", "settingsAction")
    w.quit_action = window_action(
        w, lambda: app.translate("MainWindow", "&Quit"), w.close, [k(k.StandardKey.Quit)], "quit", "quitAction")
    w.problems_action = window_action(
        w, lambda: app.translate("MainWindow", "Sync &problems…"), w.open_sync_problems, None, None,
        "problemsAction")
    w.access_log_action = window_action(
        w, lambda: app.translate("MainWindow", "&Access log…"), w.open_access_log, None, "log", "accessLogAction")
    w.about_action = window_action(
        w, lambda: app.translate("MainWindow", "&About Consult Desktop"), w._about, None, "about", "aboutAction")
    w.wipe_action = window_action(
        w, lambda: app.translate("MainWindow", "&Wipe this workstation…"), w.wipe_workstation, None, None,
        "wipeAction")
    w.import_medication_action = window_action(
        w, lambda: app.translate("MainWindow", "&Import medication list…"), w._import_medication, None, None,
        "importMedicationAction")
    w.print_action = window_action(
        w, lambda: app.translate("MainWindow", "&Print…"), w.print_current, [k(k.StandardKey.Print)], None,
        "printAction", lambda: app.translate("MainWindow", "Print what the open tab shows: the document, the lab "
                                             "results or the medication comparison"))
    # In the window Ctrl+P is this one action; the tabs' own Print actions keep their buttons and menus only.
    for tab_print in w.patient_view.print_actions():
        tab_print.setShortcut(QKeySequence())
    menus = (
        (lambda: app.translate("MainWindow", "&File"),
         (w.sync_action, w.lock_action, None, w.print_action, w.import_medication_action, None, w.settings_action,
          None, w.quit_action)),
        (lambda: app.translate("MainWindow", "&Patients"), (w.find_action,)),
        (lambda: app.translate("MainWindow", "&Tools"),
         (w.problems_action, w.access_log_action, None, w.wipe_action)),
        (lambda: app.translate("MainWindow", "&Help"), (w.keyboard.shortcuts_action, w.about_action)),
    )
    for title, actions_in_menu in menus:
        menu = w.menuBar().addMenu("")
        w._texts.append((menu.setTitle, title))
        for action in actions_in_menu:
            menu.addSeparator() if action is None else menu.addAction(action)
    toolbar = QToolBar(w)
    w._texts.append((toolbar.setWindowTitle, lambda: app.translate("MainWindow", "Main toolbar")))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (w.sync_action, w.lock_action, None, w.problems_action, w.access_log_action):
        toolbar.addSeparator() if action is None else toolbar.addAction(action)
    w.addToolBar(toolbar)
    w.problems = ProblemsIndicator(w.problems_action, w.runner, w.sync)

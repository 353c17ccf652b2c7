"""The main window's size and layout: it opens within the screen, and its geometry, splitter positions and
column widths are remembered for this computer's user and restored at the next start.

Saved with QSettings in an INI file in the user's configuration directory (`ui_settings.config_dir()`, so
`CONSULT_CONFIG_DIR` isolates it too). Only sizes and positions are kept: nothing about patients. Splitters and
table headers are found by their place in the widget tree, so every splitter and table of the window is
covered without naming each one. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QWidget

from consult_desktop.ui_settings import config_dir

PREFERRED = QSize(1280, 800)
FILE_NAME = "window-layout.ini"


def settings() -> QSettings:
    return QSettings(str(config_dir() / FILE_NAME), QSettings.Format.IniFormat)


def available_geometry(window: QWidget) -> QRect:
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, PREFERRED.width(), PREFERRED.height())


def fit_to_screen(window: QWidget) -> None:
    """Shrink the window into the screen's free area (task bars and the title bar's frame left out)."""
    area = available_geometry(window)
    frame = window.frameGeometry().size() - window.geometry().size()
    limit = QSize(max(640, area.width() - max(0, frame.width())), max(480, area.height() - max(0, frame.height())))
    wanted = window.size()
    window.resize(min(wanted.width(), limit.width()), min(wanted.height(), limit.height()))
    position = window.frameGeometry()
    if not area.contains(position):
        position.moveCenter(area.center())
        window.move(max(area.left(), position.left()), max(area.top(), position.top()))


def _path(widget: QWidget, root: QWidget) -> str:
    """A stable key for a widget: object names (or class and place among its siblings) from the window down."""
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None and current is not root:
        parent = current.parentWidget()
        name = current.objectName()
        if not name or name.startswith("qt_"):
            siblings = [c for c in (parent.findChildren(type(current)) if parent else []) if c.parentWidget() is parent]
            name = f"{type(current).__name__}{siblings.index(current) if current in siblings else 0}"
        parts.append(name)
        current = parent
    return "/".join(reversed(parts))


def save(window: QMainWindow) -> None:
    store = settings()
    store.setValue("window/geometry", window.saveGeometry())
    store.setValue("window/state", window.saveState())
    for splitter in window.findChildren(QSplitter):
        store.setValue(f"splitters/{_path(splitter, window)}", splitter.saveState())
    for header in window.findChildren(QHeaderView):
        if header.count():
            key = _path(header, window)
            store.setValue(f"headers/{key}", header.saveState())
            store.setValue(f"header-columns/{key}", header.count())
    store.sync()


def restore(window: QMainWindow) -> bool:
    """Restore what was saved (False when nothing was); the window is then fitted into the screen."""
    store = settings()
    geometry = store.value("window/geometry")
    restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
    state = store.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    for splitter in window.findChildren(QSplitter):
        value = store.value(f"splitters/{_path(splitter, window)}")
        if isinstance(value, QByteArray):
            splitter.restoreState(value)
    restore_headers(window, store)
    if not restored:
        window.resize(PREFERRED)
    fit_to_screen(window)
    return bool(restored)


def restore_headers(window: QMainWindow, store: QSettings | None = None) -> None:
    """Column widths (and sort order) of every table; call again once a table got its columns."""
    store = store or settings()
    for header in window.findChildren(QHeaderView):
        key = _path(header, window)
        value = store.value(f"headers/{key}")
        columns = store.value(f"header-columns/{key}")
        # Only onto the same columns: a table that gained or lost a column since keeps its own layout.
        if isinstance(value, QByteArray) and header.count() and str(columns) == str(header.count()):
            header.restoreState(value)

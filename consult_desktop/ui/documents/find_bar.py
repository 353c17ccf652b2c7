"""`FindBar`: the "find in document" strip of the document viewer (text field, previous, next, close).

It only collects what to look for and shows where the search stands ("2 of 7", "Not found"); the viewer
does the searching in whatever it currently shows. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class _FindLineEdit(QLineEdit):
    """Enter finds the next match, Shift+Enter the previous one, Escape closes the bar."""

    next_requested = Signal()
    previous_requested = Signal()
    close_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous_requested.emit()
            else:
                self.next_requested.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.close_requested.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    # text, step: +1 next match, -1 previous match, 0 the text changed (search again from the current match)
    find_requested = Signal(str, int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edit = _FindLineEdit(self)
        self._edit.setPlaceholderText(self.tr("Find in document"))
        self._edit.setAccessibleName(self.tr("Find in document"))
        self._edit.setClearButtonEnabled(True)
        self._previous = QToolButton(self)
        self._previous.setText(self.tr("Previous"))
        self._previous.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self._next = QToolButton(self)
        self._next.setText(self.tr("Next"))
        self._next.setToolTip(self.tr("Next match (Enter)"))
        self._status = QLabel(self)
        self._status.setMinimumWidth(90)
        close = QToolButton(self)
        close.setText(self.tr("Close"))
        close.setToolTip(self.tr("Close the find bar (Esc)"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self._edit, 1)
        layout.addWidget(self._previous)
        layout.addWidget(self._next)
        layout.addWidget(self._status)
        layout.addWidget(close)

        self._edit.next_requested.connect(self.request_next)
        self._edit.previous_requested.connect(self.request_previous)
        self._edit.close_requested.connect(self.close_bar)
        self._edit.textChanged.connect(self._text_changed)
        self._next.clicked.connect(self.request_next)
        self._previous.clicked.connect(self.request_previous)
        close.clicked.connect(self.close_bar)
        for key, backward in ((QKeySequence.StandardKey.FindNext, False),
                              (QKeySequence.StandardKey.FindPrevious, True)):
            shortcut = QShortcut(key, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.request_previous if backward else self.request_next)

    # -- API ----------------------------------------------------------------------------------------------
    def text(self) -> str:
        return self._edit.text()

    def open_bar(self, text: str | None = None) -> None:
        self.show()
        if text is not None:
            self._edit.setText(text)
        self._edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def set_status(self, current: int | None, total: int | None) -> None:
        """`current` is 1-based; total None while a search is still running, 0 when nothing was found."""
        if not self._edit.text():
            self._status.clear()
        elif total is None:
            self._status.setText(self.tr("Searching…"))
        elif total == 0:
            self._status.setText(self.tr("Not found"))
        elif current is None:
            self._status.setText(self.tr("Matches: %1").replace("%1", str(total)))
        else:
            self._status.setText(self.tr("%1 of %2").replace("%1", str(current)).replace("%2", str(total)))

    def status_text(self) -> str:
        return self._status.text()

    def reset(self) -> None:
        self._edit.blockSignals(True)
        self._edit.setText("")  # setText, not clear(): it also empties the undo history
        self._edit.blockSignals(False)
        self._status.clear()

    # -- internals ----------------------------------------------------------------------------------------
    def request_next(self) -> None:
        if self._edit.text():
            self.find_requested.emit(self._edit.text(), 1)

    def request_previous(self) -> None:
        if self._edit.text():
            self.find_requested.emit(self._edit.text(), -1)

    def _text_changed(self, text: str) -> None:
        if text:
            self.find_requested.emit(text, 0)
        else:
            self._status.clear()

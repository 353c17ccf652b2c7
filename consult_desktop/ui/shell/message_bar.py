"""`MessageBar`: a dismissable band above the patient list for what the GP should know now (offline, sign-in
expired, partial sync, an error), with up to two action buttons.

Uses the palette's tool-tip colours (meant for short notes in every theme), so it reads on light and dark
themes alike. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from consult_desktop.ui.widgets.icons import icon


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.ToolTipBase))
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.ToolTipText))
        self.setPalette(palette)
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setObjectName("messageText")
        self.text.setWordWrap(True)
        self._buttons: list[QPushButton] = []
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.hide)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 4, 4)
        self._layout.addWidget(self.icon)
        self._layout.addWidget(self.text, 1)
        self._layout.addWidget(self.close_button)
        self.kind = ""
        self.hide()

    def show_message(self, kind: str, text: str, actions: list[tuple[str, Callable[[], None]]] | None = None
                     ) -> None:
        """`kind`: "info", "problems" or "error" (chooses the icon; also kept for tests)."""
        self.kind = kind
        size = self.style().pixelMetric(self.style().PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(icon(kind).pixmap(size, size))
        self.text.setText(text)
        for button in self._buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        for label, callback in actions or []:
            button = QPushButton(label, self)
            button.clicked.connect(lambda _checked=False, cb=callback: (self.hide(), cb()))
            self._layout.insertWidget(self._layout.count() - 1, button)
            self._buttons.append(button)
        self.show()

    def action_labels(self) -> list[str]:
        return [b.text() for b in self._buttons]

    def trigger(self, label: str) -> None:
        for button in self._buttons:
            if button.text() == label:
                button.click()
                return
        raise KeyError(label)

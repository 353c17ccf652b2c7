"""The mark on a document or a lab result that arrived since the GP last opened the patient: a dot in the
palette's highlight colour beside the (bold) text; screen readers hear "New:" (the models give that text).
GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap

_cache: dict[int, QIcon] = {}


def new_mark_icon(palette: QPalette | None = None) -> QIcon:
    colour = (palette or QGuiApplication.palette()).color(QPalette.ColorRole.Highlight)
    key = colour.rgba()
    if key not in _cache:
        pixmap = QPixmap(16, 16)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QRectF(4, 4, 8, 8))
        painter.end()
        _cache[key] = QIcon(pixmap)
    return _cache[key]

"""Severity of a medication flag as an icon, a word and a colour — never colour alone.

Each severity has its own shape (contraindicated: a no-entry disc; major: a triangle with "!"; moderate: a
diamond with "!"; minor: a ring with "i"), so the four stay apart in grey scale and for colour-blind
readers, and its own word. Colours come from `severity_style` and follow the palette (light or dark).
GUI thread only (QIcon/QPixmap need a QGuiApplication).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPen, QPixmap, QPolygonF

from consult_desktop.meds.models import SEVERITY_RANK
from consult_desktop.ui.widgets import severity_style
from consult_desktop.ui.widgets.severity_style import Level

LEVELS = {"contraindicated": Level.CRITICAL, "major": Level.HIGH, "moderate": Level.ABNORMAL, "minor": Level.LOW}
_CACHE: dict[tuple[str, bool, bool], QIcon] = {}


class SeverityNames(QObject):
    """The words shown beside the icons (translated)."""

    def word(self, severity: str) -> str:
        return {
            "contraindicated": self.tr("Contraindicated"),
            "major": self.tr("Major"),
            "moderate": self.tr("Moderate"),
            "minor": self.tr("Minor"),
        }.get(severity, severity)

    def kind(self, kind: str) -> str:
        return {
            "interaction": self.tr("Interaction"),
            "duplicate": self.tr("Duplicate therapy"),
            "allergy": self.tr("Allergy"),
            "renal": self.tr("Kidney function"),
        }.get(kind, kind)


def level(severity: str) -> Level:
    return LEVELS.get(severity, Level.ABNORMAL)


def rank(severity: str) -> int:
    return SEVERITY_RANK.get(severity, 0)


def colour(severity: str, palette: QPalette) -> QColor:
    """The text colour of a flag of this severity (contraindicated: the strong red of both themes)."""
    if severity == "contraindicated":
        return QColor("#f28b82") if severity_style.is_dark(palette) else QColor("#b3261e")
    found = severity_style.foreground(level(severity), palette)
    return found if found is not None else palette.color(QPalette.ColorRole.Text)


def icon(severity: str, palette: QPalette, dimmed: bool = False) -> QIcon:
    """The severity's shape in its colour (greyed when the flag was acknowledged); cached per theme."""
    key = (severity, severity_style.is_dark(palette), dimmed)
    found = _CACHE.get(key)
    if found is None:
        found = QIcon()
        for size in (16, 20, 24, 32, 48):
            found.addPixmap(_draw(severity, palette, size, dimmed))
        _CACHE[key] = found
    return found


def _draw(severity: str, palette: QPalette, size: int, dimmed: bool) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    fill = QColor("#b3261e") if severity == "contraindicated" else colour(severity, palette)
    if dimmed:
        fill = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    mark = QColor("#ffffff") if severity == "contraindicated" or not severity_style.is_dark(palette) \
        else QColor("#202124")
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(1, 1, size - 2, size - 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    if severity == "contraindicated":
        painter.drawEllipse(box)
        painter.setBrush(mark)
        bar = size * 0.16
        painter.drawRect(QRectF(box.left() + size * 0.2, box.center().y() - bar / 2, box.width() - size * 0.4, bar))
    elif severity == "major":
        painter.drawPolygon(QPolygonF([QPointF(box.center().x(), box.top()), QPointF(box.right(), box.bottom()),
                                       QPointF(box.left(), box.bottom())]))
        _letter(painter, QRectF(box.left(), box.top() + size * 0.22, box.width(), box.height() * 0.8), "!", mark,
                size)
    elif severity == "moderate":
        c = box.center()
        painter.drawPolygon(QPolygonF([QPointF(c.x(), box.top()), QPointF(box.right(), c.y()),
                                       QPointF(c.x(), box.bottom()), QPointF(box.left(), c.y())]))
        _letter(painter, box, "!", mark, size)
    else:
        pen = QPen(fill, max(1.5, size * 0.1))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box.adjusted(size * 0.05, size * 0.05, -size * 0.05, -size * 0.05))
        _letter(painter, box, "i", fill, size)
    painter.end()
    return pixmap


def _letter(painter: QPainter, box: QRectF, text: str, colour_: QColor, size: int) -> None:
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(7, int(size * 0.6)))
    painter.setFont(font)
    painter.setPen(colour_)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)

"""Icons of the desktop program: the desktop theme's icons where there is one, Qt's standard icons otherwise.

Nothing is drawn in fixed colours except the program's own mark, which uses the palette's highlight colour
so it reads on light and dark themes. GUI thread only (QIcon/QPixmap need a QGuiApplication).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

SP = QStyle.StandardPixmap
# name -> (freedesktop theme icon, fallback standard pixmap)
_ICONS: dict[str, tuple[str, QStyle.StandardPixmap]] = {
    "sync": ("view-refresh", SP.SP_BrowserReload),
    "cancel": ("process-stop", SP.SP_BrowserStop),
    "lock": ("system-lock-screen", SP.SP_DialogNoButton),
    "settings": ("preferences-system", SP.SP_FileDialogDetailedView),
    "problems": ("dialog-warning", SP.SP_MessageBoxWarning),
    "log": ("document-open-recent", SP.SP_FileDialogContentsView),
    "quit": ("application-exit", SP.SP_DialogCloseButton),
    "search": ("edit-find", SP.SP_FileDialogContentsView),
    "info": ("dialog-information", SP.SP_MessageBoxInformation),
    "error": ("dialog-error", SP.SP_MessageBoxCritical),
    "online": ("network-transmit-receive", SP.SP_DriveNetIcon),
    "offline": ("network-offline", SP.SP_MessageBoxWarning),
    "about": ("help-about", SP.SP_MessageBoxQuestion),
}


def icon(name: str) -> QIcon:
    theme, fallback = _ICONS[name]
    if QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme)
    style = QApplication.style()
    return style.standardIcon(fallback) if style is not None else QIcon()


def app_icon() -> QIcon:
    """A rounded square with a cross, in the palette's highlight colours."""
    palette = QApplication.palette()
    back = palette.color(QPalette.ColorRole.Highlight)
    fore = palette.color(QPalette.ColorRole.HighlightedText)
    result = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(back)
        painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.2, size * 0.2)
        pen = QPen(fore, max(2.0, size * 0.14))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QRectF(0, 0, size, size).center().x(), size * 0.25,
                         QRectF(0, 0, size, size).center().x(), size * 0.75)
        painter.drawLine(size * 0.25, size / 2, size * 0.75, size / 2)
        painter.end()
        result.addPixmap(pixmap)
    return result

"""`BadgeDelegate`: draws the "new since last view" count of the patient list as a small pill.

Colours come from the palette (highlight / highlighted text), so the badge reads on light and dark themes.
GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from consult_desktop.ui.patients.patient_table_model import NEW_ITEMS_ROLE


class BadgeDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        count = index.data(NEW_ITEMS_ROLE) or 0
        # Background (alternate rows, selection) as for any other cell; the option the view prepared is enough,
        # which spares the per-role data() calls of initStyleOption on every repaint.
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        if not count:
            return
        text = str(count) if count < 100 else "99+"
        metrics = option.fontMetrics
        height = metrics.height() + 2
        width = max(height, metrics.horizontalAdvance(text) + height * 0.8)
        rect = QRectF(option.rect)
        pill = QRectF(rect.center().x() - width / 2, rect.center().y() - height / 2, width, height)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        back = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight)
        fore = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.HighlightedText)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(back)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(fore)
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()

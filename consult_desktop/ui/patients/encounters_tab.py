"""`EncountersTab`: the patient's stays and visits as a vertical timeline, newest at the top.

Each entry is painted beside a time line: admission – discharge dates (and length of stay), class,
service or hospital, reason, discharge disposition and how many documents belong to it. Activating an
entry (double-click or Enter) asks the patient view to list that stay's documents. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.domain import date_text
from consult_desktop.record.patient_snapshot import EncounterRow

ID_ROLE = Qt.ItemDataRole.UserRole
LINES_ROLE = Qt.ItemDataRole.UserRole + 1  # (headline, detail, footer)
Index = QModelIndex | QPersistentModelIndex


class _TimelineDelegate(QStyledItemDelegate):
    GUTTER = 36

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        line_colour = palette.color(QPalette.ColorRole.Mid)
        x = option.rect.left() + self.GUTTER // 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(line_colour, 2))
        painter.drawLine(QPointF(x, option.rect.top()), QPointF(x, option.rect.bottom()))
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight if not selected else
                                       QPalette.ColorRole.HighlightedText))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 2))
        painter.drawEllipse(QPointF(x, option.rect.top() + 14), 6, 6)

        headline, detail, footer = index.data(LINES_ROLE) or ("", "", "")
        left = option.rect.left() + self.GUTTER
        width = option.rect.width() - self.GUTTER - 8
        bold = QFont(option.font)
        bold.setBold(True)
        metrics = QFontMetrics(option.font)
        y = option.rect.top() + 4
        painter.setPen(text_colour)
        for text, font in ((headline, bold), (detail, option.font), (footer, option.font)):
            if not text:
                continue
            painter.setFont(font)
            elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(left, y, width, metrics.height() + 2),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
            y += metrics.height() + 3
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 (Qt API)
        lines = sum(1 for t in (index.data(LINES_ROLE) or ()) if t)
        return QSize(300, 10 + max(lines, 1) * (QFontMetrics(option.font).height() + 3))


class EncountersTab(QWidget):
    documents_requested = Signal(str)  # encounter id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._list = QListWidget(self)
        self._list.setItemDelegate(_TimelineDelegate(self._list))
        self._list.setUniformItemSizes(False)
        self._list.itemActivated.connect(self._activated)
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)  # never what sets the window's minimum width
        self._empty = QLabel(self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self._hint)
        layout.addWidget(self._list, 1)
        layout.addWidget(self._empty)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        """Fixed texts in the interface language (the stays follow when the patient is shown again)."""
        self._list.setAccessibleName(self.tr("Stays and visits"))
        self._hint.setText(self.tr("Double-click a stay (or press Enter) to list its documents."))
        self._empty.setText(self.tr("No stays or visits stored for this patient."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def clear(self) -> None:
        self._list.clear()
        self._empty.show()
        self._list.hide()

    def set_rows(self, rows: tuple[EncounterRow, ...] | list[EncounterRow]) -> None:
        self._list.clear()
        for row in rows:
            item = QListWidgetItem()
            item.setData(ID_ROLE, row.encounter.id)
            lines = self._lines(row)
            item.setData(LINES_ROLE, lines)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, " — ".join(t for t in lines if t))
            item.setToolTip("\n".join(t for t in lines if t))
            self._list.addItem(item)
        self._empty.setVisible(not rows)
        self._list.setVisible(bool(rows))

    def _lines(self, row: EncounterRow) -> tuple[str, str, str]:
        e = row.encounter
        start, end = date_text.display(e.start), date_text.display(e.end)
        if start and end and start != end:
            when = f"{start} – {end}"
            begin, finish = date_text.parse(e.start), date_text.parse(e.end)
            if begin is not None and finish is not None and (finish.date() - begin.date()).days >= 1:
                days = (finish.date() - begin.date()).days
                when += "  " + self.tr("(%n day(s))", "", days)
        elif start:
            when = start if e.end or e.status != "in-progress" else self.tr("%1 – ongoing").replace("%1", start)
        else:
            when = self.tr("Date unknown")
        klass = self._class_text(e.class_code, e.class_display)
        headline = "  ·  ".join(p for p in (when, klass) if p)
        detail = "  ·  ".join(p for p in (row.service, e.type_display, e.service_provider) if p)
        footer_parts = []
        if e.reason:
            footer_parts.append(self.tr("Reason: %1").replace("%1", e.reason))
        if e.discharge_disposition:
            footer_parts.append(self.tr("Discharge: %1").replace("%1", e.discharge_disposition))
        footer_parts.append(self.tr("Documents: %1").replace("%1", str(row.documents)))
        return headline, detail, "  ·  ".join(footer_parts)

    def _class_text(self, code: str | None, display: str | None) -> str:
        known = {
            "IMP": self.tr("Hospital stay"),
            "ACUTE": self.tr("Hospital stay"),
            "NONAC": self.tr("Hospital stay"),
            "SS": self.tr("Day hospital"),
            "AMB": self.tr("Outpatient visit"),
            "EMER": self.tr("Emergency"),
            "HH": self.tr("Home visit"),
            "VR": self.tr("Remote consultation"),
        }
        return known.get(code or "", display or code or "")

    def _activated(self, item: QListWidgetItem) -> None:
        encounter_id = item.data(ID_ROLE)
        if encounter_id:
            self.documents_requested.emit(str(encounter_id))

    # -- for tests ------------------------------------------------------------------------------------------
    def list_widget(self) -> QListWidget:
        return self._list

    def entry_texts(self) -> list[str]:
        return [self._list.item(i).data(Qt.ItemDataRole.AccessibleTextRole) for i in range(self._list.count())]

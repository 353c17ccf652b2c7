"""`TrendChart`: one analyte's values over time, painted with QPainter (QtCharts is not available).

Time runs left to right across all stays; the value axis carries the unit; the reference range is a shaded
band; points outside it are drawn larger, in the abnormal colour and with a shape that says the direction
(▲ high, ▼ low, ◆ critical or abnormal) so the chart does not rely on colour alone. Hovering a point shows
its date and value. GUI thread only.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from consult_desktop.domain.lab_flags import LabFlag
from consult_desktop.ui.widgets import severity_style
from consult_desktop.ui.widgets.severity_style import Level


@dataclass(frozen=True)
class TrendPoint:
    when: dt.datetime
    value: float
    flag: LabFlag = LabFlag.UNKNOWN
    text: str = ""  # the value as the laboratory wrote it (comparator, decimals)


@dataclass(frozen=True)
class TrendSeries:
    title: str
    unit: str
    points: tuple[TrendPoint, ...] = ()
    ref_low: float | None = None
    ref_high: float | None = None
    omitted: int = 0  # results of this analyte left out (no number, or another unit)


def nice_step(span: float, target_ticks: int = 5) -> float:
    """A 1, 2 or 5 × 10^n step giving about `target_ticks` intervals over `span`."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / max(target_ticks, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def flag_level(flag: LabFlag) -> Level:
    if flag.is_critical:
        return Level.CRITICAL
    return {LabFlag.LOW: Level.LOW, LabFlag.HIGH: Level.HIGH, LabFlag.ABNORMAL: Level.ABNORMAL}.get(
        flag, Level.NORMAL)


@dataclass(frozen=True)
class _Frame:
    """Where the plot is and which values and times its edges stand for."""

    plot: QRectF
    vmin: float
    vmax: float
    tmin: dt.datetime
    tmax: dt.datetime

    def x_of(self, when: dt.datetime) -> float:
        span = (self.tmax - self.tmin).total_seconds() or 1.0
        return self.plot.left() + (when - self.tmin).total_seconds() / span * self.plot.width()

    def y_of(self, value: float) -> float:
        return self.plot.bottom() - (value - self.vmin) / ((self.vmax - self.vmin) or 1.0) * self.plot.height()


class TrendChart(QWidget):
    LEFT, RIGHT, TOP, BOTTOM = 64, 20, 34, 40

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: TrendSeries | None = None
        self._screen_points: list[tuple[QPointF, TrendPoint]] = []
        self.setMouseTracking(True)
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Trend chart"))

    # -- data ---------------------------------------------------------------------------------------------
    def set_series(self, series: TrendSeries | None) -> None:
        if series is not None:
            series = TrendSeries(series.title, series.unit, tuple(sorted(series.points, key=lambda p: p.when)),
                                 series.ref_low, series.ref_high, series.omitted)
        self._series = series
        self._screen_points = []
        self.setAccessibleDescription(self._describe())
        self.update()

    def series(self) -> TrendSeries | None:
        return self._series

    def points(self) -> tuple[TrendPoint, ...]:
        return self._series.points if self._series is not None else ()

    def clear(self) -> None:
        self.set_series(None)

    def _describe(self) -> str:
        s = self._series
        if s is None or not s.points:
            return ""
        last = s.points[-1]
        return self.tr("%1: values drawn: %2, last %3 %4").replace("%1", s.title).replace(
            "%2", str(len(s.points))).replace("%3", last.text or f"{last.value:g}").replace("%4", s.unit)

    # -- geometry -----------------------------------------------------------------------------------------
    def _value_range(self, s: TrendSeries) -> tuple[float, float]:
        values = [p.value for p in s.points] + [v for v in (s.ref_low, s.ref_high) if v is not None]
        low, high = min(values), max(values)
        if high == low:
            pad = abs(high) * 0.1 or 1.0
        else:
            pad = (high - low) * 0.08
        low, high = low - pad, high + pad
        if min(values) >= 0 and low < 0:
            low = 0.0
        step = nice_step(high - low)
        return math.floor(low / step) * step, math.ceil(high / step) * step

    def _time_range(self, s: TrendSeries) -> tuple[dt.datetime, dt.datetime]:
        first, last = s.points[0].when, s.points[-1].when
        if last == first:
            return first - dt.timedelta(days=1), last + dt.timedelta(days=1)
        pad = (last - first) * 0.04
        return first - pad, last + pad

    # -- painting -----------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        s = self._series
        if s is None or not s.points:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            message = self.tr("Select a result to see its trend.")
            if s is not None:
                message = self.tr("No numeric values to draw for this result.")
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, message)
            painter.end()
            return
        plot = QRectF(self.LEFT, self.TOP, max(10, self.width() - self.LEFT - self.RIGHT),
                      max(10, self.height() - self.TOP - self.BOTTOM))
        frame = _Frame(plot, *self._value_range(s), *self._time_range(s))
        self._paint_title(painter, s, frame)
        self._paint_reference_band(painter, s, frame)
        self._paint_value_axis(painter, frame)
        self._paint_time_axis(painter, frame)
        self._paint_series(painter, s, frame)
        painter.end()

    def _paint_title(self, painter: QPainter, s: TrendSeries, frame: _Frame) -> None:
        """The title; the unit runs along the value axis."""
        plot = frame.plot
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        title = s.title if not s.omitted else self.tr("%1 (not drawn: %2)").replace(
            "%1", s.title).replace("%2", str(s.omitted))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(plot.left(), 6, plot.width(), 20), Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(self.font())
        painter.save()
        painter.translate(4, plot.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), 16), Qt.AlignmentFlag.AlignHCenter, s.unit)
        painter.restore()

    def _paint_reference_band(self, painter: QPainter, s: TrendSeries, frame: _Frame) -> None:
        if s.ref_low is None and s.ref_high is None:
            return
        plot = frame.plot
        top = frame.y_of(min(s.ref_high, frame.vmax)) if s.ref_high is not None else plot.top()
        bottom = frame.y_of(max(s.ref_low, frame.vmin)) if s.ref_low is not None else plot.bottom()
        band = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        band.setAlpha(45)
        painter.fillRect(QRectF(plot.left(), top, plot.width(), max(0.0, bottom - top)), band)

    def _paint_value_axis(self, painter: QPainter, frame: _Frame) -> None:
        """Value labels with dotted grid lines."""
        palette = self.palette()
        grid = QColor(palette.color(QPalette.ColorRole.Mid))
        grid.setAlpha(110)
        step = nice_step(frame.vmax - frame.vmin)
        value = frame.vmin
        while value <= frame.vmax + step / 2:
            y = frame.y_of(value)
            painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(frame.plot.left(), y), QPointF(frame.plot.right(), y))
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(QRectF(18, y - 9, self.LEFT - 26, 18),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{value:g}")
            value += step

    def _paint_time_axis(self, painter: QPainter, frame: _Frame) -> None:
        plot, tmin, tmax = frame.plot, frame.tmin, frame.tmax
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        fmt = "%d/%m/%y" if (tmax - tmin).days < 3 * 365 else "%m/%Y"
        ticks = max(2, min(6, int(plot.width() // 90)))
        for i in range(ticks + 1):
            when = tmin + (tmax - tmin) * (i / ticks)
            x = frame.x_of(when)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            label = QRectF(x - 45, plot.bottom() + 6, 90, 18)
            label.moveLeft(max(2.0, min(label.left(), self.width() - label.width() - 2)))  # keep inside
            painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, when.strftime(fmt))

    def _paint_series(self, painter: QPainter, s: TrendSeries, frame: _Frame) -> None:
        """The line through the values, then each point with its flag."""
        palette = self.palette()
        screen = [(QPointF(frame.x_of(p.when), frame.y_of(p.value)), p) for p in s.points]
        if len(screen) > 1:
            path = QPainterPath(screen[0][0])
            for point, _ in screen[1:]:
                path.lineTo(point)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        for point, p in screen:
            self._draw_point(painter, point, p.flag, palette)
        self._screen_points = screen

    def _draw_point(self, painter: QPainter, at: QPointF, flag: LabFlag, palette: QPalette) -> None:
        if not flag.is_abnormal:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1.5))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawEllipse(at, 3.5, 3.5)
            return
        colour = severity_style.chart_colour(flag_level(flag), palette)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1))
        painter.setBrush(colour)
        r = 7.0 if flag.is_critical else 5.5
        if flag in (LabFlag.HIGH, LabFlag.CRITICAL_HIGH):
            shape = [QPointF(at.x(), at.y() - r), QPointF(at.x() + r, at.y() + r * 0.7),
                     QPointF(at.x() - r, at.y() + r * 0.7)]
        elif flag in (LabFlag.LOW, LabFlag.CRITICAL_LOW):
            shape = [QPointF(at.x(), at.y() + r), QPointF(at.x() + r, at.y() - r * 0.7),
                     QPointF(at.x() - r, at.y() - r * 0.7)]
        else:
            shape = [QPointF(at.x(), at.y() - r), QPointF(at.x() + r, at.y()), QPointF(at.x(), at.y() + r),
                     QPointF(at.x() - r, at.y())]
        painter.drawPolygon(QPolygonF(shape))

    # -- hover --------------------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        position = event.position()
        nearest = None
        best = 12.0 ** 2
        for point, p in self._screen_points:
            d = (point.x() - position.x()) ** 2 + (point.y() - position.y()) ** 2
            if d <= best:
                best, nearest = d, p
        if nearest is None or self._series is None:
            QToolTip.hideText()
        else:
            text = f"{nearest.when.strftime('%d/%m/%Y %H:%M')}\n{nearest.text or f'{nearest.value:g}'} " \
                   f"{self._series.unit}"
            if nearest.flag.is_abnormal:
                text += f" ({self._flag_name(nearest.flag)})"
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        super().mouseMoveEvent(event)


    def _flag_name(self, flag: LabFlag) -> str:
        names = {
            LabFlag.LOW: self.tr("low"),
            LabFlag.HIGH: self.tr("high"),
            LabFlag.CRITICAL_LOW: self.tr("critically low"),
            LabFlag.CRITICAL_HIGH: self.tr("critically high"),
            LabFlag.CRITICAL: self.tr("critical"),
            LabFlag.ABNORMAL: self.tr("abnormal"),
        }
        return names.get(flag, "")

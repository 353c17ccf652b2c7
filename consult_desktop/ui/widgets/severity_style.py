"""Colours for abnormal results and allergy warnings, readable on light and dark palettes.

The only hard-coded colours of the patient view live here. Each level has a light-theme and a dark-theme
variant; the variant is chosen from the palette's window colour, so a dark system theme gets lighter text.
Colour is never the only signal: callers also show a word or a symbol. GUI thread only (uses QPalette).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor, QPalette


class Level(Enum):
    NORMAL = "normal"
    LOW = "low"
    HIGH = "high"
    ABNORMAL = "abnormal"
    CRITICAL = "critical"
    WARNING = "warning"


# (foreground on a light window, foreground on a dark window, warning-band background light, dark)
_COLOURS: dict[Level, tuple[str, str, str, str]] = {
    Level.LOW: ("#1a4fa0", "#8ab4f8", "#e3ecfa", "#1d2d48"),
    Level.HIGH: ("#b3261e", "#f28b82", "#fbe9e7", "#4a1f1c"),
    Level.ABNORMAL: ("#8a5300", "#fdd663", "#fff4d6", "#3f3212"),
    Level.CRITICAL: ("#ffffff", "#ffffff", "#b3261e", "#b3261e"),
    Level.WARNING: ("#5c1a00", "#ffdad4", "#ffd8c2", "#5c2412"),
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def foreground(level: Level, palette: QPalette) -> QColor | None:
    """Text colour for a flagged value; None for normal (use the palette's own text colour)."""
    entry = _COLOURS.get(level)
    if entry is None:
        return None
    if level is Level.CRITICAL:
        return QColor(entry[0])
    return QColor(entry[1] if is_dark(palette) else entry[0])


def background(level: Level, palette: QPalette) -> QColor | None:
    """Background for a flagged cell or a warning band; None where the palette's base colour serves."""
    entry = _COLOURS.get(level)
    if entry is None:
        return None
    if level is Level.CRITICAL:
        return QColor(entry[2])
    if level is Level.WARNING:
        return QColor(entry[3] if is_dark(palette) else entry[2])
    return None


def band_style(level: Level, palette: QPalette) -> str:
    """A style sheet for a banner (QFrame/QLabel) at this level."""
    fg = foreground(level, palette)
    bg = background(level, palette) or palette.color(QPalette.ColorRole.AlternateBase)
    text = fg.name() if fg is not None else palette.color(QPalette.ColorRole.Text).name()
    return f"color: {text}; background-color: {bg.name()}; border-radius: 4px; padding: 4px 8px;"


def chart_colour(level: Level, palette: QPalette) -> QColor:
    """The colour of an abnormal point on a chart (critical is drawn in the high colour, larger)."""
    if level is Level.CRITICAL:
        level = Level.HIGH
    colour = foreground(level, palette)
    return colour if colour is not None else palette.color(QPalette.ColorRole.Text)

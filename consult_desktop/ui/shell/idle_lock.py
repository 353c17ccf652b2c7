"""`IdleLock`: emits `timed_out` when nobody has used the keyboard, mouse or touch screen for a while.

An application-wide event filter notes the time of the last user input (a cheap assignment per event); a
timer checks it a few times per timeout. Both the monotonic clock and the wall clock are compared, so a
computer that was asleep (when the monotonic clock may stand still) locks as soon as it wakes up. GUI thread
only.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_USER_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.InputMethod,
})


class IdleLock(QObject):
    timed_out = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_ms = timeout_ms
        self._last_mono = time.monotonic()
        self._last_wall = time.time()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._installed = False

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """0 disables the lock."""
        self._timeout_ms = timeout_ms
        if self.active:
            self.start()

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self.reset()
        self._timer.stop()
        if self._timeout_ms > 0:
            self._timer.start(max(50, min(5_000, self._timeout_ms // 5)))

    def stop(self) -> None:
        self._timer.stop()

    def reset(self) -> None:
        self._last_mono = time.monotonic()
        self._last_wall = time.time()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _USER_INPUT:
            self._last_mono = time.monotonic()
            self._last_wall = time.time()
        return False

    def _check(self) -> None:
        limit = self._timeout_ms / 1000
        idle_mono = time.monotonic() - self._last_mono
        idle_wall = time.time() - self._last_wall
        if idle_mono >= limit or idle_wall >= limit:
            self._timer.stop()
            self.timed_out.emit()

    def shutdown(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

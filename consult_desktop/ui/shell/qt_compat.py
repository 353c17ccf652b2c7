"""Work-arounds for defects of the Qt binding that would otherwise crash the program.

PySide6 6.12.0 on CPython 3.11 hands out references it does not own to the `None`, `True` and `False`
singletons: `Signal.emit()` returns `True` without a reference of the caller's own, and a `None` returned
by a Python model's `data()` (and by other Python overrides called from C++) loses one reference on its way
through `QVariant`. Each time, the singleton's reference count drops by one; after some thousands of emits or
repaints (minutes of use: every background task emits, every table repaint asks `data()` for roles it does
not serve) the interpreter deallocates the singleton and aborts ("none_dealloc" / "bool_dealloc"). From
CPython 3.12 on, these singletons are immortal and the defects are harmless.

`protect_singletons()` detects the defects with two probes and, only when references go missing, gives the
three singletons a very large reference count — what CPython 3.12 does for every immortal object — so they
can never reach zero. Call it on the GUI thread once Qt is imported, before the first window.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)
_LARGE = 1 << 40
_applied = False


def references_go_missing() -> bool:
    from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal

    class _Probe(QObject):
        ping = Signal()

    class _Model(QAbstractListModel):
        def rowCount(self, parent: object = QModelIndex()) -> int:  # noqa: B008, N802
            return 1

        def data(self, index: object, role: int = Qt.ItemDataRole.DisplayRole) -> None:
            return None

    probe, model = _Probe(), _Model()
    index = model.index(0, 0)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(16):
        probe.ping.emit()
        index.data()
    return sys.getrefcount(True) < true_before or sys.getrefcount(None) < none_before


def protect_singletons() -> bool:
    """Apply the work-around when this binding needs it; True when it was applied (now or before)."""
    global _applied
    if _applied:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not references_go_missing():
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _LARGE
    _applied = True
    log.info("the Qt binding loses references to None/True/False; those singletons are now protected")
    return True

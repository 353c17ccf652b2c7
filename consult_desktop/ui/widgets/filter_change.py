"""Refiltering a QSortFilterProxyModel after its filter settings changed, across Qt versions.

Qt 6.10 replaced invalidateFilter() by beginFilterChange()/endFilterChange(); older Qt (the project allows
6.8) only has the former. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel


def change_row_filter(proxy: QSortFilterProxyModel, change: Callable[[], object]) -> None:
    """Apply `change` to a proxy's filter state and refilter its rows (Qt 6.10+ API when present)."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # Qt before 6.10
        change()
        proxy.invalidateRowsFilter()

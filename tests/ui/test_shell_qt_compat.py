"""The program survives the Qt binding's lost references (PySide6 6.12.0 on CPython 3.11): many signal emits and
model reads that return None, as in a long working day, in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

CODE = """
from consult_desktop.ui.shell.qt_compat import protect_singletons
protect_singletons()
from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal

class Emitter(QObject):
    ping = Signal(object)

class Model(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()):
        return 1
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None

emitter, model = Emitter(), Model()
received = []
emitter.ping.connect(received.append)
index = model.index(0, 0)
for i in range(200_000):
    emitter.ping.emit(i)
    assert index.data() is None
assert len(received) == 200_000
print("ok")
"""


def test_many_emits_and_none_results_do_not_crash_the_interpreter() -> None:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"

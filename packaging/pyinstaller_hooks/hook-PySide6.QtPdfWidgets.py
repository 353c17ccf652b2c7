"""PySide6.QtPdfWidgets for Consult Desktop: PyInstaller's collection minus the plugins the program does not need."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bundle_filter import filtered_qt_dependencies  # noqa: E402

hiddenimports, binaries, datas = filtered_qt_dependencies(__file__)

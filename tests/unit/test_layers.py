"""Layering: the core packages work without Qt (checked in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = ["consult_desktop.domain", "consult_desktop.store", "consult_desktop.fhir", "consult_desktop.sync",
        "consult_desktop.meds", "consult_desktop.record", "consult_desktop.cli"]


@pytest.mark.parametrize("package", CORE)
def test_core_package_imports_without_pyside6(package: str) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module('{package}')\n"
        "for info in pkgutil.iter_modules(getattr(pkg, '__path__', [])):\n"
        "    importlib.import_module(pkg.__name__ + '.' + info.name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6') or m.startswith('shiboken'))\n"
        "demo = sorted(m for m in sys.modules if m.startswith('consult_desktop.demo'))\n"
        "assert not bad, bad\n"
        "assert not demo or pkg.__name__ == 'consult_desktop.cli', demo\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"

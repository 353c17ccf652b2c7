"""Test configuration shared by every test: offscreen Qt, isolated profile locations, sample data path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any Qt import: no display is needed, on CI or on a developer's machine.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLES = Path(os.environ.get("CONSULT_FHIR_SAMPLES", REPO_ROOT.parent / "shared" / "fhir-samples"))


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the real per-user profile or see a passphrase from the developer's shell."""
    monkeypatch.setenv("CONSULT_DATA_DIR", str(tmp_path / "default-profile"))
    monkeypatch.setenv("CONSULT_STATE_DIR", str(tmp_path / "state"))  # unlock attempt counters
    for var in ("CONSULT_PASSPHRASE", "CONSULT_NEW_PASSPHRASE"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def synthea_dir() -> Path:
    path = SAMPLES / "synthea-bulk-10-patients"
    if not path.is_dir():
        pytest.skip(f"Synthea sample not present at {path} (optional real-world data)")
    return path

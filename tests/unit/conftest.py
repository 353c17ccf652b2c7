"""Unit-test settings: the medication tests see no desktop preferences and an English locale, whatever the
machine's own language, so the command line's default report language is English."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _english_medication_reports(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch,
                                tmp_path_factory: pytest.TempPathFactory) -> None:
    if request.module.__name__.startswith(("test_meds", "meds_")):
        monkeypatch.setenv("CONSULT_CONFIG_DIR", str(tmp_path_factory.mktemp("no-preferences")))
        monkeypatch.setenv("LC_ALL", "C.UTF-8")

"""An unexpected exception is reported without its message (which could quote patient data)."""

from __future__ import annotations

import logging
import sys

from consult_desktop.ui.shell import crash_guard


def test_report_names_type_and_place_but_not_the_message(caplog, monkeypatch) -> None:
    monkeypatch.setattr(crash_guard, "_tell_the_user", lambda: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash_guard.install()
    try:
        raise ValueError("Dubois Marie 85073003328")
    except ValueError:
        with caplog.at_level(logging.ERROR, logger="consult_desktop.crash"):
            sys.excepthook(*sys.exc_info())
    text = caplog.text
    assert "builtins.ValueError" in text and "test_crash_guard.py" in text
    assert "Dubois" not in text and "85073003328" not in text

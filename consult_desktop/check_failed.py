"""`CheckFailed`: a self-test check ran but its result is wrong. Shared by `selftest` and the desktop's window
checks (`ui/dialogs/selftest_window.py`), which `selftest` loads only when it runs them. Any thread."""

from __future__ import annotations


class CheckFailed(Exception):
    """A check ran but the result is wrong; the message says what was expected."""

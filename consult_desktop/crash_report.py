"""A report of an unexpected exception that carries no data: its type and the code locations only.

An exception's message may quote a value from a patient record, so neither the window's crash guard nor
the command line ever prints or logs it. Pure function; safe on any thread.
"""

from __future__ import annotations

import traceback
from types import TracebackType


def safe_report(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The exception type and where it happened; never the message or any variable."""
    frames = traceback.extract_tb(tb)
    where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in reversed(frames[-6:]))
    return f"{exc_type.__module__}.{exc_type.__qualname__} at {where or 'unknown location'}"

"""Cancellation of network work.

:class:`CancelToken`: set from any thread (e.g. the GUI's Cancel button); long operations check it
between requests and pages and stop with :class:`OperationCancelled`. Safe on any thread.
"""

from __future__ import annotations

import threading

from consult_desktop.fhir.errors import OperationCancelled


class CancelToken:
    """A thread-safe flag: ``cancel()`` once, checked with ``cancelled`` or ``raise_if_cancelled()``."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise :class:`OperationCancelled` if the token was set."""
        if self._event.is_set():
            raise OperationCancelled()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``, waking early when cancelled; returns True when cancelled."""
        return self._event.wait(seconds)


def check_cancel(cancel: CancelToken | None) -> None:
    """Raise :class:`OperationCancelled` when ``cancel`` is given and set."""
    if cancel is not None:
        cancel.raise_if_cancelled()

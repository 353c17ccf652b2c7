"""Cancellation and bounded parallelism for network work.

- :class:`CancelToken`: set from any thread (e.g. the GUI's Cancel button); long operations check it
  between requests and pages and stop with :class:`OperationCancelled`.
- :func:`run_bounded`: run a function over many items on a thread pool with at most ``max_in_flight``
  calls running at once, yielding each outcome as it completes. New work is only submitted while the
  token is not set, so cancelling stops promptly after the calls already in flight.

Call :func:`run_bounded` from a worker thread (never the GUI thread): iterating it blocks.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Generic, TypeVar

from consult_desktop.fhir.errors import OperationCancelled

T = TypeVar("T")
R = TypeVar("R")


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


@dataclass(frozen=True, slots=True)
class BoundedResult(Generic[T, R]):
    """The outcome of one call: ``value`` on success, else ``error`` (the exception it raised)."""

    item: T
    value: R | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def run_bounded(
    fn: Callable[[T], R],
    items: Iterable[T],
    max_in_flight: int,
    cancel: CancelToken | None = None,
) -> Iterator[BoundedResult[T, R]]:
    """Call ``fn(item)`` for every item, at most ``max_in_flight`` at a time, yielding results as they
    complete (not in input order). An exception raised by ``fn`` is returned in the result, never lost.

    When ``cancel`` is set, no new call starts; the calls in flight finish and are yielded, then
    :class:`OperationCancelled` is raised. Items are consumed lazily, so ``items`` may be a generator.
    """
    if max_in_flight < 1:
        raise ValueError("max_in_flight must be at least 1")
    iterator = iter(items)
    pending: dict[Future[R], T] = {}
    exhausted = False
    with ThreadPoolExecutor(max_workers=max_in_flight, thread_name_prefix="fhir-get") as pool:
        while True:
            while not exhausted and len(pending) < max_in_flight and not _is_set(cancel):
                try:
                    item = next(iterator)
                except StopIteration:
                    exhausted = True
                    break
                pending[pool.submit(fn, item)] = item
            if not pending:
                break
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            for future in done:
                item = pending.pop(future)
                error = future.exception()
                if error is None:
                    yield BoundedResult(item=item, value=future.result())
                else:
                    yield BoundedResult(item=item, error=error)
    if _is_set(cancel) and not exhausted:
        raise OperationCancelled()


def _is_set(cancel: CancelToken | None) -> bool:
    return cancel is not None and cancel.cancelled

"""Read-ahead of paged responses: the next page downloads while the current one is validated and stored.

The server produces pages on its own CPU and the network waits release the GIL, so overlapping the two
hides most of the download time. Pages are still handed over strictly in order, and nothing is committed
by the reading thread, so crash safety (page + cursor in one transaction) is unchanged. The consumer may
stop early (cancel, error): the reader thread then stops at its next page. Used on the sync thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")
_DONE = object()


class _Failure:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


def prefetch(pages: Iterator[T], depth: int = 2) -> Iterator[T]:
    """Yield the items of `pages`, fetching up to `depth` of them ahead on a helper thread."""
    buffer: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                buffer.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def reader() -> None:
        try:
            for page in pages:
                if not put(page):
                    return
        except BaseException as exc:  # handed to the consumer, which re-raises it in order
            put(_Failure(exc))
            return
        put(_DONE)

    thread = threading.Thread(target=reader, name="consult-prefetch", daemon=True)
    thread.start()
    try:
        while True:
            item = buffer.get()
            if item is _DONE:
                return
            if isinstance(item, _Failure):
                raise item.exc
            yield item  # type: ignore[misc]
    finally:
        stop.set()

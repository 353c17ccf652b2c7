"""The operation runner: the one way to run work off the GUI thread and deliver its answer back to it.

Two lanes:
- the *database lane*: one dedicated thread that owns the unlocked `Store` (an SQLite connection belongs to
  the thread that opened it). `runner.db(fn, on_success, on_error)` calls `fn(store)` there.
- the *network lane*: a small pool for HTTP and other slow work that needs no database (`runner.net(...)`).
  A sync opens its own Store connection on its pool thread with `Profile.open(store.data_key)`.

`on_success(result)` and `on_error(exc)` always run on the GUI thread. Worker functions never touch a widget
or a Qt model: they return plain data. An error without an `on_error` goes to `error_unhandled`, which the
main window shows; errors are never swallowed.

Widgets run their work with `runner.query(owner, work, on_success, on_error, slot=...)`: the answer is dropped
when the owner widget is gone, when a newer query of the same owner and slot was started ("open document":
only the last one chosen is shown), or when the owner called `drop(owner)` because it moved on (another
patient, a lock). Steps that must run on the GUI thread itself (reading a PDF's text page by page) go through
`later(owner, slot, fn)` under the same rule. No widget keeps its own generation counter.
`runner.with_data_key(owner, work, ...)` reads the data key on the database lane and runs `work(key)` on the
network lane (a sync or a sign-in opens its own connection with it). Construct and call only from the GUI
thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from shiboken6 import isValid

from consult_desktop.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")
Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


class ProfileLocked(RuntimeError):
    """The database lane has no open store (the profile is locked)."""


class _Owners:
    """Which answers are still wanted. The owner carries its own state as dynamic Qt properties (an epoch,
    bumped by `drop`, and per slot the serial of the newest query), so nothing outlives it or mistakes a new
    object for an old one. Touched only on the GUI thread."""

    EPOCH = "consultOperationEpoch"

    def __init__(self) -> None:
        self._counter = 0

    def ticket(self, owner: QObject, slot: str | None) -> Callable[[], bool]:
        """Start an answer for `owner`; the function returned says whether it is still wanted."""
        epoch = owner.property(self.EPOCH) or 0
        self._counter += 1
        serial = self._counter
        if slot is not None:
            owner.setProperty(self._slot(slot), serial)

        def fresh() -> bool:
            if not isValid(owner) or (owner.property(self.EPOCH) or 0) != epoch:
                return False
            return slot is None or owner.property(self._slot(slot)) == serial

        return fresh

    def drop(self, owner: QObject, slot: str | None = None) -> None:
        if slot is not None:
            owner.setProperty(self._slot(slot), 0)
        else:
            owner.setProperty(self.EPOCH, (owner.property(self.EPOCH) or 0) + 1)

    @staticmethod
    def _slot(slot: str) -> str:
        return f"consultOperationSlot:{slot}"


_owners = _Owners()


def drop(owner: QObject, slot: str | None = None) -> None:
    """Answers still under way for `owner` (only those of `slot` when given) will not be delivered."""
    _owners.drop(owner, slot)


def later(owner: QObject, slot: str, fn: Callable[[], None], delay_ms: int = 0) -> None:
    """Run `fn` on the GUI thread after `delay_ms` (next event-loop turn by default), unless `owner` is gone,
    moved on (`drop`) or started a newer step in the same slot meanwhile."""
    fresh = _owners.ticket(owner, slot)
    QTimer.singleShot(delay_ms, owner, lambda: fn() if fresh() else None)


class _Relay(QObject):
    """Lives in the GUI thread; a signal emitted from a worker is queued to it."""

    deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.deliver.connect(self._run)

    @Slot(object)
    def _run(self, thunk: Callable[[], None]) -> None:
        thunk()


class TaskRunner(QObject):
    error_unhandled = Signal(object)  # BaseException
    busy_changed = Signal(int)  # number of tasks in flight

    def __init__(self, network_workers: int = 3) -> None:
        super().__init__()
        self._relay = _Relay()
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="consult-db")
        self._net = ThreadPoolExecutor(max_workers=network_workers, thread_name_prefix="consult-net")
        self._store: Store | None = None  # touched only on the database thread
        self._in_flight = 0
        self._lock = threading.Lock()
        self._closed = False

    # -- lanes ---------------------------------------------------------------------------------------------
    def db(self, fn: Callable[[Store], T], on_success: Success | None = None, on_error: Failure | None = None
           ) -> Future:
        """Run `fn(store)` on the database thread. Fails with RuntimeError when the profile is locked."""

        def call() -> T:
            if self._store is None:
                raise ProfileLocked("The profile is locked.")
            return fn(self._store)

        return self._submit(self._db, call, on_success, on_error)

    def net(self, fn: Callable[[], T], on_success: Success | None = None, on_error: Failure | None = None
            ) -> Future:
        return self._submit(self._net, fn, on_success, on_error)

    # -- operations owned by a widget ------------------------------------------------------------------------
    def query(self, owner: QObject, work: Callable[..., T], on_success: Callable[[T], None],
              on_error: Failure | None = None, *, slot: str | None = None, lane: str = "db") -> Future:
        """Run `work` on a lane ("db": `work(store)`; "net": `work()`) for `owner`; the answer (or the error)
        reaches `on_success` / `on_error` on the GUI thread only while the owner still wants it."""
        fresh = _owners.ticket(owner, slot)

        def succeeded(result: T) -> None:
            if fresh():
                on_success(result)

        def failed(exc: BaseException) -> None:
            if fresh():
                self._report(exc, on_error)

        if lane == "net":
            return self.net(work, succeeded, failed)
        return self.db(work, succeeded, failed)

    def with_data_key(self, owner: QObject, work: Callable[[bytes], T], on_success: Callable[[T], None],
                      on_error: Failure, *, slot: str | None = None) -> None:
        """Read the data key on the database lane, then run `work(key)` on the network lane; a locked profile
        fails with ProfileLocked."""

        def launch(data_key: bytes | None) -> None:
            if data_key is None:
                on_error(ProfileLocked("The profile is locked."))
                return
            self.query(owner, lambda: work(data_key), on_success, on_error, slot=slot, lane="net")

        self.query(owner, lambda store: store.data_key, launch, on_error, slot=slot)

    # -- the store's lifetime on the database thread -----------------------------------------------------
    def open_store(self, opener: Callable[[], Store], on_success: Success | None = None,
                   on_error: Failure | None = None) -> Future:
        """Run `opener()` (an unlock) on the database thread and keep the Store it returns there."""

        def call() -> Store:
            if self._store is not None:
                self._store.close()
                self._store = None
            self._store = opener()
            return self._store

        return self._submit(self._db, call, on_success, on_error)

    def close_store(self, on_success: Success | None = None, on_error: Failure | None = None) -> Future:
        def call() -> None:
            if self._store is not None:
                store, self._store = self._store, None
                store.close()

        return self._submit(self._db, call, on_success, on_error)

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def shutdown(self, wait: bool = True) -> None:
        """Close the store on its own thread and stop both lanes."""
        if self._closed:
            return
        self._closed = True
        if self._store is not None:
            self._db.submit(self._close_quietly)
        self._db.shutdown(wait=wait)
        self._net.shutdown(wait=wait, cancel_futures=True)

    def _close_quietly(self) -> None:
        try:
            if self._store is not None:
                self._store.close()
        except Exception:  # closing at exit: the data is already committed
            log.exception("closing the store at shutdown failed")
        self._store = None

    # -- plumbing ------------------------------------------------------------------------------------------
    def _submit(self, pool: ThreadPoolExecutor, call: Callable[[], T], on_success: Success | None,
                on_error: Failure | None) -> Future:
        self._change_busy(+1)
        future = pool.submit(call)
        future.add_done_callback(lambda f: self._relay.deliver.emit(lambda: self._finish(f, on_success, on_error)))
        return future

    def _finish(self, future: Future, on_success: Success | None, on_error: Failure | None) -> None:
        self._change_busy(-1)
        if future.cancelled():
            return
        exc = future.exception()
        if exc is None:
            if on_success is not None:
                on_success(future.result())
            return
        self._report(exc, on_error)

    def _report(self, exc: BaseException, on_error: Failure | None) -> None:
        """An error goes to its handler; without one it is logged (type only) and announced as unhandled."""
        if on_error is not None:
            on_error(exc)
        else:
            log.error("background task failed: %s", type(exc).__name__)
            self.error_unhandled.emit(exc)

    def _change_busy(self, delta: int) -> None:
        with self._lock:
            self._in_flight += delta
            count = self._in_flight
        self._relay.deliver.emit(lambda: self.busy_changed.emit(count))

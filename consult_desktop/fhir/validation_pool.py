"""Validation of whole pages of resources, in worker processes when the machine has cores to spare.

:func:`open_validator` returns a :class:`BatchValidator`: ``submit(resources)`` starts checking a list of
resources with :func:`~consult_desktop.fhir.validation.validate_resource` (``fhir.resources`` R4B models, then
the required value sets) and returns a :class:`PendingValidation` whose ``result()`` is one entry per
resource: None (valid) or the error string for the quarantine. Only these small results come back from the
workers, never the resources. The sync submits page N+1 before it stores page N, so the workers check the
next page while the database writes the current one.

A page read from a server travels to the workers as the bytes the server sent (``submit(resources,
PageBytes(raw, positions))``, the resources' positions among ``paging.page_entries`` of that body): a worker
parses it with the same function the sync used and checks the resources at those positions. Nothing is
pickled but the bytes, and the sync process never serialises a resource for its workers. A page goes to one
worker whole (each worker given a part would parse all of it); the sync submits the next page before it
waits for this one, so the workers share the work page by page. Each result comes back with the resource's
type and id; a result that does not belong to the resource the sync holds (which the same parser on the
same bytes cannot give) is not used: that resource is checked in this process.

The number of worker processes comes from ``CONSULT_SYNC_WORKERS`` (default: the number of cores less one,
at least 1: the sync process itself parses, stores and indexes on the remaining core). With one worker, or
when no process can be started (a locked-down workstation, a broken pool), the resources are checked in
this process, with the same function: the guarantees never depend on the pool.
Workers are started with the ``spawn`` method on every system, never ``fork``: the sync runs beside other
threads and an open SQLCipher connection. The frozen program calls ``multiprocessing.freeze_support()`` in
its entry point for this. A worker exits by itself when the sync process is gone (killed, crashed): it
watches its parent's sentinel, so no process outlives the sync. The command line starts the workers before
it unlocks the profile (``start_early``), so that they load the models meanwhile; they get no data before a
sync submits a page.

``submit`` and ``close`` are called on the sync engine's thread; ``start_early`` and ``discard_early`` on
any thread; the workers only run :func:`_validate_batch` and :func:`_validate_page_part`.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

log = logging.getLogger(__name__)
WORKERS_ENV = "CONSULT_SYNC_WORKERS"
MIN_CHUNK = 25  # resources per task: smaller pieces cost more in process hand-over than they save
Validate = Callable[[dict], str | None]


class PendingValidation(Protocol):
    def result(self) -> list[str | None]: ...


@dataclass(frozen=True)
class PageBytes:
    """Where the submitted resources come from: the body of a Bundle page as the server sent it, and each
    resource's position in ``paging.page_entries(json.loads(raw))``."""

    raw: bytes
    positions: Sequence[int]


class Checked(NamedTuple):
    """A worker's answer for one resource of a page: whose it is, and None or the error."""

    resource_type: object
    id: object
    error: str | None


class BatchValidator(Protocol):
    workers: int

    def submit(self, resources: Sequence[dict], page: PageBytes | None = None) -> PendingValidation: ...

    def close(self) -> None: ...


def validate_resource(resource: dict) -> str | None:
    """`fhir.validation.validate_resource`, imported on first use: with workers, the sync process itself
    never loads pydantic and the models."""
    from consult_desktop.fhir.validation import validate_resource as validate

    return validate(resource)


def worker_count() -> int:
    """Validation processes wanted: ``CONSULT_SYNC_WORKERS`` if it is a positive number, else the cores less one."""
    value = os.environ.get(WORKERS_ENV, "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, (os.cpu_count() or 1) - 1)  # one core stays for the sync's own work (HTTP, database)


class _Done:
    """Results already computed (in-process validation)."""

    def __init__(self, results: list[str | None]) -> None:
        self._results = results

    def result(self) -> list[str | None]:
        return self._results


class _Deferred:
    """In-process validation run when the result is asked for (so a cancelled page costs nothing)."""

    def __init__(self, validate: Validate, resources: Sequence[dict]) -> None:
        self._validate = validate
        self._resources = list(resources)

    def result(self) -> list[str | None]:
        return [self._validate(resource) for resource in self._resources]


class InlineValidator:
    """Validation in the calling thread, with any per-resource function (tests pass their own)."""

    workers = 1

    def __init__(self, validate: Validate | None = None) -> None:
        self.validate = validate or validate_resource

    def submit(self, resources: Sequence[dict], page: PageBytes | None = None) -> PendingValidation:
        return _Deferred(self.validate, resources)  # the parsed resources are at hand: no second parse

    def close(self) -> None:
        return None


class _PoolPending:
    def __init__(self, owner: PoolValidator, resources: list[dict], futures: list[tuple[int, int, Future]]) -> None:
        self._owner = owner
        self._resources = resources
        self._futures = futures

    def result(self) -> list[str | None]:
        results: list[str | None] = []
        for start, end, future in self._futures:
            try:
                answers = future.result()
            except (BrokenProcessPool, OSError, RuntimeError) as exc:  # a worker died: check here instead
                self._owner.broken(exc)
                results.extend(validate_resource(r) for r in self._resources[start:end])
                continue
            for resource, answer in zip(self._resources[start:end], answers, strict=True):
                results.append(_own_result(resource, answer))
        return results


def _own_result(resource: dict, answer: str | None | Checked) -> str | None:
    """The worker's result when it is this resource's; otherwise the resource is checked here."""
    if not isinstance(answer, Checked):
        return answer
    if answer.resource_type == resource.get("resourceType") and answer.id == resource.get("id"):
        return answer.error
    log.warning("a validation result did not match its resource; validating it in the sync process")
    return validate_resource(resource)


class PoolValidator:
    """Validation spread over worker processes; falls back to this process if the pool breaks."""

    def __init__(self, workers: int, types: Sequence[str] = ()) -> None:
        self.workers = workers
        context = multiprocessing.get_context("spawn")
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(tuple(types),))
        # Start the processes now: they load the models while the sync asks for the patient list.
        self._pool.submit(_validate_batch, [])

    def submit(self, resources: Sequence[dict], page: PageBytes | None = None) -> PendingValidation:
        items = list(resources)
        if not items:
            return _Done([])
        pool = self._pool
        if pool is None:
            return _Deferred(validate_resource, items)
        if page is not None and len(page.positions) != len(items):
            page = None
        size = len(items) if page is not None else max(MIN_CHUNK, -(-len(items) // self.workers))
        futures: list[tuple[int, int, Future]] = []
        try:
            for start in range(0, len(items), size):
                if page is None:
                    future = pool.submit(_validate_batch, items[start:start + size])
                else:
                    future = pool.submit(_validate_page_part, page.raw, list(page.positions[start:start + size]))
                futures.append((start, start + size, future))
        except (BrokenProcessPool, OSError, RuntimeError) as exc:
            self.broken(exc)
            return _Deferred(validate_resource, items)
        return _PoolPending(self, items, futures)

    def broken(self, exc: BaseException) -> None:
        if self._pool is not None:
            log.warning("validation workers stopped (%s); validating in the sync process", type(exc).__name__)
            self.close()

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


_early: PoolValidator | None = None  # started by `start_early`, handed to the next `open_validator`
_early_lock = threading.Lock()


def start_early(types: Sequence[str] = ()) -> None:
    """Start the worker processes now, so that they load the models while this process is still starting
    (the command line calls it before the profile is unlocked: the workers get no data until a sync
    submits a page). The next :func:`open_validator` with the same number of workers takes them over;
    :func:`discard_early` stops them when no sync did. Nothing happens with one worker."""
    global _early
    count = worker_count()
    if count <= 1:
        return
    with _early_lock:
        if _early is not None:
            return
        try:
            _early = PoolValidator(count, types)
        except (OSError, RuntimeError, ValueError, ImportError) as exc:
            log.info("could not start validation workers early (%s)", type(exc).__name__)


def discard_early() -> None:
    """Stop workers started by :func:`start_early` that no sync took over."""
    global _early
    with _early_lock:
        early, _early = _early, None
    if early is not None:
        early.close()


def open_validator(types: Sequence[str] = (), workers: int | None = None) -> BatchValidator:
    """A pool of ``workers`` (default :func:`worker_count`) processes, or in-process validation with one
    worker or when no process can be started. The caller closes it."""
    global _early
    count = worker_count() if workers is None else workers
    if count <= 1:
        return InlineValidator()
    with _early_lock:
        early, _early = _early, None
    if early is not None:
        if early.workers == count and early._pool is not None:
            return early  # models not loaded there yet are loaded on first use
        early.close()
    try:
        return PoolValidator(count, types)
    except (OSError, RuntimeError, ValueError, ImportError) as exc:
        log.warning("could not start validation workers (%s); validating in the sync process", type(exc).__name__)
        return InlineValidator()


def _init_worker(types: tuple[str, ...]) -> None:
    from consult_desktop.fhir.validation import model_class

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C cancels the sync, which then closes the pool
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), name="consult-parent-watch",
                         daemon=True).start()
    for resource_type in types:
        model_class(resource_type)


def _exit_with_parent(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(0)  # the sync process is gone: nothing here holds anything to save


def _validate_batch(resources: list[dict[str, Any]]) -> list[str | None]:
    from consult_desktop.fhir.validation import validate_resource as validate

    return [validate(resource) for resource in resources]


def _validate_page_part(raw: bytes, positions: list[int]) -> list[Checked]:
    """In a worker: the resources at `positions` of a page's body, each with its type and id. The sync
    process parsed the same bytes within the response limits before sending them."""
    import json

    from consult_desktop.fhir.paging import page_entries
    from consult_desktop.fhir.validation import validate_resource as validate

    bundle = json.loads(raw)
    entries = page_entries(bundle) if isinstance(bundle, dict) else ()
    answers = []
    for position in positions:
        resource = entries[position] if 0 <= position < len(entries) else None
        if not isinstance(resource, dict):
            answers.append(Checked(None, None, None))  # matches no resource: checked in the sync process
            continue
        answers.append(Checked(resource.get("resourceType"), resource.get("id"), validate(resource)))
    return answers

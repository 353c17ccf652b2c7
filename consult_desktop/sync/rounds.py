"""Resumable paged rounds: the ONE way a sync step keeps and resumes its progress.

A *round* fetches everything of one scope (a resource type, one patient's `$everything`, a type over lists
of patients) changed since the scope's cursor. Each page is stored together with the cursors that follow it:

- `<scope>.next`  the next page's URL while a round is under way (resumed after a crash or a cancel);
- `<scope>.round` the server time at which the round began;
- `<scope>.after` in a round over patient lists: the last patient (in id order) of the finished lists;
- `<scope>.since` set to `<scope>.round` in the same transaction as the round's last page.

If a stored `next` link is no longer accepted by the server, the part restarts from its beginning: pages
are idempotent (an already stored version is skipped), so re-reading costs time but never correctness.
Runs on the sync engine's thread; only HTTP happens on the read-ahead thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from consult_desktop.fhir.errors import Forbidden, Gone, NotFound, RequestRejected
from consult_desktop.fhir.paging import Page
from consult_desktop.sync.ingest import PageIngester, PreparedPage
from consult_desktop.sync.page_size import PageSizer
from consult_desktop.sync.prefetch import prefetch
from consult_desktop.sync.progress import CancelToken

log = logging.getLogger(__name__)
Cursors = dict[str, str | None]
T = TypeVar("T")


class PatientDataRefused(Exception):
    """The server refused (403/404/410) the data of one patient: they left the authorised set."""

    def __init__(self, patient_id: str) -> None:
        super().__init__("the server refused one patient's data")
        self.patient_id = patient_id


@dataclass
class RoundContext:
    ingester: PageIngester
    follow: Callable[[str], Iterator[Page]]  # continue paging from a stored next URL
    round_start: str  # server time (ISO-8601) when this sync began
    cancel: CancelToken | None = None
    on_page: Callable[[str, int], None] | None = None  # (scope, resources in page)
    sizer: PageSizer | None = None  # learns the server's largest page (set by the Fetcher)

    def check_cancel(self) -> None:
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()

    def store_page(self, scope: str, page: Page, cursors: Mapping[str, str | None],
                   prepared: PreparedPage | None = None) -> int:
        if self.sizer is not None:
            self.sizer.observe(page)
            cursors = {**self.sizer.take_cursor(), **cursors}
        if prepared is None:
            prepared = self.ingester.prepare(page.entries, getattr(page, "raw", None))
        count = self.ingester.commit(prepared, cursors)
        if self.on_page is not None:
            self.on_page(scope, count)
        return count


@dataclass(frozen=True)
class ScopeProgress:
    """The stored progress of one scope, read once before its round starts."""

    scope: str
    since: str | None
    next_url: str | None
    after: str | None
    round_start: str

    @classmethod
    def load(cls, ctx: RoundContext, scope: str, *, incremental: bool = True) -> ScopeProgress:
        store, server_id = ctx.ingester.store, ctx.ingester.server_id

        def get(name: str) -> str | None:
            return store.cursors.get(server_id, f"{scope}.{name}")

        return cls(scope, get("since") if incremental else None, get("next"), get("after"),
                   get("round") or ctx.round_start)

    def page_cursors(self, next_url: str) -> Cursors:
        return {f"{self.scope}.next": next_url, f"{self.scope}.round": self.round_start}

    def part_done(self, last: str) -> Cursors:
        return {f"{self.scope}.next": None, f"{self.scope}.after": last, f"{self.scope}.round": self.round_start}

    def finished(self, done: Mapping[str, str | None], *, set_since: bool = True) -> Cursors:
        final: Cursors = {f"{self.scope}.next": None, f"{self.scope}.after": None, f"{self.scope}.round": None}
        if set_since:
            final[f"{self.scope}.since"] = self.round_start
        return {**final, **done}

    def pages(self, ctx: RoundContext, start: Callable[[], Iterator[Page]]) -> Iterator[Page]:
        """This part's pages: from the stored next link if there is one, else from `start()`."""
        if self.next_url is None:
            return start()
        return _resumed(ctx.follow(self.next_url), start)


def _resumed(pages: Iterator[Page], restart: Callable[[], Iterator[Page]]) -> Iterator[Page]:
    try:
        first = next(pages)
    except StopIteration:
        return
    except (NotFound, Gone, RequestRejected):  # the server forgot the link: begin the part again
        yield from restart()
        return
    yield first
    yield from pages


def validated_ahead(ctx: RoundContext, items: Iterator[T], page_of: Callable[[T], Page]
                    ) -> Iterator[tuple[T, PreparedPage]]:
    """Each item with its page prepared, the NEXT page's validation started before the current one is handed
    over for storing: workers check page N+1 while the database writes page N. A failure to fetch page N+1
    is raised only after page N was handed over (and stored), as without read-ahead.
    """
    pending: tuple[T, PreparedPage] | None = None
    try:
        while True:
            try:
                item = next(items)
            except StopIteration:
                break
            except BaseException:
                if pending is not None:
                    yield pending
                raise
            page = page_of(item)
            current = (item, ctx.ingester.prepare(page.entries, getattr(page, "raw", None)))
            if pending is not None:
                yield pending
            pending = current
        if pending is not None:
            yield pending
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()  # the read-ahead thread stops at its next page


Round = tuple[str, Callable[[str | None], Iterator[Page]], dict[str, str | None]]


def run_round(ctx: RoundContext, scope: str, start: Callable[[str | None], Iterator[Page]],
              done_cursors: dict[str, str | None] | None = None) -> int:
    """Fetch and store one scope's pages; returns the number of resources accepted."""
    return run_rounds(ctx, [(scope, start, done_cursors or {})])


def run_rounds(ctx: RoundContext, rounds: Sequence[Round], on_round: Callable[[int], None] | None = None) -> int:
    """Several scopes one after the other, read through one read-ahead stream: while a scope's last page is
    stored, the next scope's first page is already on its way (many small `$everything` calls, one search
    per type).

    Cursors are read here, before the stream starts; each page is still stored with the cursors that follow
    it, scope by scope, in order. `on_round(number)` is called on this thread before the first page of each
    round is stored.
    """
    plans = [(ScopeProgress.load(ctx, scope), start, done) for scope, start, done in rounds]

    def stream() -> Iterator[tuple[int, Page]]:
        for number, (progress, start, _done) in enumerate(plans):
            for page in progress.pages(ctx, lambda start=start, since=progress.since: start(since)):
                yield number, page

    accepted = 0
    current = -1
    for (number, page), prepared in validated_ahead(ctx, prefetch(stream()), lambda item: item[1]):
        ctx.check_cancel()
        if number != current and on_round is not None:
            on_round(number)
        current = number
        progress, _start, done = plans[number]
        cursors = progress.page_cursors(page.next_url) if page.next_url else progress.finished(done)
        accepted += ctx.store_page(progress.scope, page, cursors, prepared)
    return accepted


def run_list_round(ctx: RoundContext, scope: str, patients: Sequence[str], chunk_size: int,
                   start: Callable[[str | None, list[str]], Iterator[Page]], done: Mapping[str, str | None],
                   *, incremental: bool) -> int:
    """One scope over patient lists (`patient=a,b,c`), list after list, all sharing one `since`.

    Without `incremental` (new patients' history) no `since` is read or written. When the server refuses
    lists, one patient at a time is asked for. Returns the list size that worked, for the next scopes.
    """
    progress = ScopeProgress.load(ctx, scope, incremental=incremental)
    todo = [p for p in sorted(patients) if progress.after is None or p > progress.after]
    final = progress.finished(done, set_since=incremental)
    if not todo:
        ctx.ingester.ingest([], final)
        return chunk_size
    since = progress.since
    position = 0
    while position < len(todo):
        chunk = todo[position:position + chunk_size]
        last_chunk = position + len(chunk) >= len(todo)
        pages = prefetch(progress.pages(ctx, lambda chunk=chunk: start(since, chunk)))
        progress = ScopeProgress(scope, since, None, progress.after, progress.round_start)  # link used
        try:
            for page, prepared in validated_ahead(ctx, pages, lambda page: page):
                ctx.check_cancel()
                if page.next_url:
                    cursors = progress.page_cursors(page.next_url)
                else:
                    cursors = progress.part_done(chunk[-1]) if not last_chunk else final
                ctx.store_page(scope, page, cursors, prepared)
        except (Forbidden, NotFound) as exc:
            if len(chunk) == 1:  # this patient's data is refused: the engine purges them
                raise PatientDataRefused(chunk[0]) from exc
            raise
        except RequestRejected:
            if len(chunk) == 1:
                raise
            log.info("the server refused a list of patients; asking for one patient at a time")
            chunk_size = 1
            continue
        position += len(chunk)
    return chunk_size

"""Resumable paged rounds: the unit of crash-safe progress of a sync.

A *round* fetches everything of one scope (a resource type, one patient's `$everything`, the server history)
changed since the scope's cursor. Each page is stored together with the cursor that follows it:

- `<scope>.next`  the next page's URL while a round is under way (resumed after a crash or a cancel);
- `<scope>.round` the server time at which the round began;
- `<scope>.since` set to `<scope>.round` in the same transaction as the round's last page.

If a stored `next` link is no longer accepted by the server, the round restarts from `since`: pages are
idempotent (an already stored version is skipped), so re-reading costs time but never correctness.
Runs on the sync engine's thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from consult_desktop.fhir.errors import Gone, NotFound, RequestRejected
from consult_desktop.sync.ingest import PageIngester
from consult_desktop.sync.prefetch import prefetch
from consult_desktop.sync.progress import CancelToken


@dataclass
class RoundContext:
    ingester: PageIngester
    follow: Callable[[str], Iterator[Any]]  # continue paging from a stored next URL
    round_start: str  # server time (ISO-8601) when this sync began
    cancel: CancelToken | None = None
    on_page: Callable[[str, int], None] | None = None  # (scope, resources in page)


def cursor(ctx: RoundContext, scope: str, name: str) -> str | None:
    return ctx.ingester.store.cursors.get(ctx.ingester.server_id, f"{scope}.{name}")


def run_round(ctx: RoundContext, scope: str, start: Callable[[str | None], Iterator[Any]],
              done_cursors: dict[str, str | None] | None = None) -> int:
    """Fetch and store one scope's pages; returns the number of resources accepted."""
    return run_rounds(ctx, [(scope, start, done_cursors or {})])


Round = tuple[str, Callable[[str | None], Iterator[Any]], dict[str, str | None]]


def run_rounds(ctx: RoundContext, rounds: Sequence[Round]) -> int:
    """Several scopes one after the other, read through one read-ahead stream: while a scope's last page is
    stored, the next scope's first page is already on its way (many small `$everything` calls).

    Cursors are read here, on the engine's thread, before the stream starts; the reading thread only
    talks HTTP. Each page is still stored with the cursor that follows it, scope by scope, in order.
    """
    plans = []
    for scope, start, done in rounds:
        since = cursor(ctx, scope, "since")
        plans.append((scope, start, done, since, cursor(ctx, scope, "next"),
                      cursor(ctx, scope, "round") or ctx.round_start))

    def stream() -> Iterator[tuple[int, Any]]:
        for number, (_scope, start, _done, since, next_url, _round) in enumerate(plans):
            pages = _resume(ctx, next_url, since, start) if next_url else start(since)
            for page in pages:
                yield number, page

    accepted = 0
    for number, page in prefetch(stream()):
        if ctx.cancel is not None:
            ctx.cancel.raise_if_cancelled()
        scope, _start, done, _since, _next, round_start = plans[number]
        if page.next_url:
            cursors: dict[str, str | None] = {f"{scope}.next": page.next_url, f"{scope}.round": round_start}
        else:
            cursors = {f"{scope}.next": None, f"{scope}.round": None, f"{scope}.since": round_start, **done}
        count = ctx.ingester.ingest(page.entries, cursors)
        accepted += count
        if ctx.on_page is not None:
            ctx.on_page(scope, count)
    return accepted


def _resume(ctx: RoundContext, next_url: str, since: str | None,
            start: Callable[[str | None], Iterator[Any]]) -> Iterator[Any]:
    """Pages from the stored next link; from the round's beginning when the server no longer knows it."""
    pages = ctx.follow(next_url)
    try:
        first = next(pages)
    except StopIteration:
        return
    except (NotFound, Gone, RequestRejected):
        yield from start(since)
        return
    yield first
    yield from pages

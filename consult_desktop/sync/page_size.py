"""How many resources the sync asks for per page: as many as the server will give, up to `LARGE_PAGE`.

Fewer, larger pages mean fewer round trips and fewer transactions. The sync asks for `LARGE_PAGE` (or the
profile's configured page size if larger) and learns the server's own maximum from its answers:

- a page that has a next link but holds fewer matches than the `_count` it was asked for shows the server's
  cap: later requests ask for that many;
- a server that refuses the large `_count` outright (400/422) is asked again with the configured page size,
  which then becomes its cap.

The cap is remembered per server in the cursor `paging.count`, written in the same transaction as the next
page (so it never costs a transaction of its own). `observe` and `take_cursor` run on the sync engine's
thread; `count` and `refused` are also read and called on the read-ahead thread (single int assignments).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from consult_desktop.fhir.paging import Page

LARGE_PAGE = 1000
CURSOR = "paging.count"


def requested_count(url: str) -> int | None:
    """The `_count` a page's URL asked for, if any."""
    values = parse_qs(urlsplit(url).query).get("_count")
    return int(values[-1]) if values and values[-1].isdigit() else None


class PageSizer:
    def __init__(self, configured: int, known_cap: str | None = None) -> None:
        self.fallback = max(1, configured)
        self.count = max(LARGE_PAGE, self.fallback)
        if known_cap is not None and known_cap.isdigit() and int(known_cap) > 0:
            self.count = min(self.count, int(known_cap))
        self._learned: int | None = None

    def observe(self, page: Page) -> None:
        """Learn the server's cap from a full page (one with a next link)."""
        if page.next_url is None:
            return
        asked = requested_count(page.url)
        matches = len(page.matches)
        if asked is not None and 0 < matches < asked and matches < self.count:
            self.count = self._learned = matches

    def refused(self, count: int) -> bool:
        """The server refused `_count=count`; True when a smaller page size is worth trying."""
        if count <= self.fallback:
            return False
        self.count = self._learned = self.fallback
        return True

    def restore(self, count: int) -> None:
        """Undo `refused`: the smaller page was refused too, so the size was not the reason."""
        self.count = count
        self._learned = None

    def take_cursor(self) -> dict[str, str]:
        """The learned cap to store with the next page, once."""
        learned, self._learned = self._learned, None
        return {CURSOR: str(learned)} if learned is not None else {}

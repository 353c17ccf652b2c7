"""The next page's validation starts before the current page is handed over for storing; a failure to fetch
the next page surfaces only after the current page was handed over."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from consult_desktop.sync.rounds import validated_ahead


class _Ingester:
    def __init__(self, log: list[str]) -> None:
        self.log = log

    def prepare(self, entries: tuple[str, ...], raw: bytes | None = None) -> str:
        self.log.append(f"prepare {entries[0]}")
        return f"prepared {entries[0]}"


def _ctx(log: list[str]) -> SimpleNamespace:
    return SimpleNamespace(ingester=_Ingester(log))


def _page(name: str) -> SimpleNamespace:
    return SimpleNamespace(entries=(name,))


def test_next_page_is_prepared_before_the_current_one_is_stored() -> None:
    log: list[str] = []
    for page, prepared in validated_ahead(_ctx(log), iter([_page("p1"), _page("p2"), _page("p3")]), lambda p: p):
        assert prepared == f"prepared {page.entries[0]}"
        log.append(f"store {page.entries[0]}")
    assert log == ["prepare p1", "prepare p2", "store p1", "prepare p3", "store p2", "store p3"]


def test_a_failing_next_page_comes_after_the_current_page() -> None:
    log: list[str] = []

    def pages():
        yield _page("p1")
        raise ConnectionError("page 2 failed")

    with pytest.raises(ConnectionError):
        for page, _prepared in validated_ahead(_ctx(log), pages(), lambda p: p):
            log.append(f"store {page.entries[0]}")
    assert log == ["prepare p1", "store p1"]

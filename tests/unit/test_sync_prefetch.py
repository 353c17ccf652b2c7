"""Read-ahead keeps page order, re-raises errors in place, and stops when the consumer stops."""

from __future__ import annotations

import threading
import time

import pytest

from consult_desktop.sync.prefetch import prefetch


def test_order_and_errors_are_preserved() -> None:
    def pages():
        yield from range(5)
        raise ValueError("page 6 is malformed")

    seen = []
    with pytest.raises(ValueError, match="malformed"):
        for page in prefetch(pages()):
            seen.append(page)
    assert seen == [0, 1, 2, 3, 4]


def test_reader_stops_when_the_consumer_stops() -> None:
    produced = []

    def endless():
        i = 0
        while True:
            produced.append(i)
            yield i
            i += 1

    for page in prefetch(endless(), depth=2):
        if page == 3:
            break
    time.sleep(0.5)
    count = len(produced)
    time.sleep(0.3)
    assert len(produced) == count <= 3 + 2 + 2
    assert not any(t.name == "consult-prefetch" and t.is_alive() for t in threading.enumerate())

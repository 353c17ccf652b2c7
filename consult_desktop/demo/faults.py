"""Fault injection for the demo server: latency, random 5xx/429, and scripted failures, hangs, broken pages.

Thread-safe (one lock); decisions are taken in request arrival order from one seeded random stream, so a
client that sends its requests one after another sees the same faults on every run.
"""

from __future__ import annotations

import random
import threading
import zlib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FaultDecision:
    delay_s: float = 0.0  # latency plus any hang, slept before answering
    status: int | None = None  # answer this error instead of the real response
    retry_after: str | None = None


class FaultInjector:
    def __init__(self, seed: int = 0, latency_ms: float = 0, error_rate: float = 0.0, rate_limit: float = 0.0) -> None:
        self._lock = threading.Lock()
        self._rng = random.Random(f"faults:{seed}")
        self.latency_ms = latency_ms
        self.error_rate = error_rate
        self.rate_limit = rate_limit
        self._fail: list[tuple[int, str | None]] = []
        self._malformed = 0
        self._hangs: list[float] = []
        self._hostile: list[tuple[str, int]] = []

    def configure(self, *, latency_ms: float | None = None, error_rate: float | None = None,
                  rate_limit: float | None = None) -> None:
        with self._lock:
            if latency_ms is not None:
                self.latency_ms = latency_ms
            if error_rate is not None:
                self.error_rate = error_rate
            if rate_limit is not None:
                self.rate_limit = rate_limit

    def fail_next(self, n: int, status: int = 503, retry_after: str | None = None) -> None:
        """The next `n` requests are answered with `status` (an OperationOutcome body)."""
        if retry_after is None and status in (429, 503):
            retry_after = "1"
        with self._lock:
            self._fail.extend([(status, retry_after)] * n)

    def malformed_next(self, n: int) -> None:
        """The next `n` Bundle pages (search, history, $everything) are sent as truncated JSON."""
        with self._lock:
            self._malformed += n

    def hang_next(self, n: int, seconds: float) -> None:
        """The next `n` requests wait `seconds` before answering, so a client's timeout fires first."""
        with self._lock:
            self._hangs.extend([seconds] * n)

    def hostile_next(self, n: int, kind: str, size_mb: int = 200) -> None:
        """The next `n` Bundle pages are replaced by a hostile answer (see `hostile_body`): `gzip-bomb`
        (a few hundred KB of gzip inflating to `size_mb` MB of JSON), `huge` (`size_mb` MB sent as is),
        `deep` (arrays nested 100,000 levels deep) or `crowded` (a page of 100,000 tiny entries)."""
        with self._lock:
            self._hostile.extend([(kind, size_mb)] * n)

    def take_hostile(self) -> tuple[str, int] | None:
        with self._lock:
            return self._hostile.pop(0) if self._hostile else None

    def clear(self) -> None:
        """Remove scripted faults and reset latency, error and rate-limit fractions to zero."""
        with self._lock:
            self._fail.clear()
            self._hangs.clear()
            self._hostile.clear()
            self._malformed = 0
            self.latency_ms = 0
            self.error_rate = 0.0
            self.rate_limit = 0.0

    def decide(self) -> FaultDecision:
        with self._lock:
            delay = self.latency_ms / 1000
            if self._hangs:
                delay += self._hangs.pop(0)
            limit_roll, error_roll, kind_roll = self._rng.random(), self._rng.random(), self._rng.random()
            if self._fail:
                status, retry_after = self._fail.pop(0)
                return FaultDecision(delay, status, retry_after)
            if limit_roll < self.rate_limit:
                return FaultDecision(delay, 429, "1")
            if error_roll < self.error_rate:
                return (FaultDecision(delay, 503, "1") if kind_roll < 0.5 else FaultDecision(delay, 500, None))
            return FaultDecision(delay)

    def take_malformed(self) -> bool:
        with self._lock:
            if self._malformed > 0:
                self._malformed -= 1
                return True
            return False


def hostile_body(kind: str, size_mb: int) -> tuple[bytes, dict[str, str]]:
    """(body, extra headers) of a hostile Bundle page; the gzip bomb is compressed here, in pieces."""
    head = b'{"resourceType":"Bundle","type":"searchset","entry":['
    entry = b'{"resource":{"resourceType":"Observation","id":"x","status":"final","code":{"text":"x"}}},'
    if kind == "deep":
        return b'{"resourceType":"Bundle","type":"searchset","entry":' + b"[" * 100_000 + b"]" * 100_000 + b"}", {}
    if kind == "crowded":
        return head + entry * 99_999 + entry[:-1] + b"]}", {}
    block = entry * (1024 * 1024 // len(entry))
    if kind == "huge":
        return head + block * size_mb + entry[:-1] + b"]}", {}
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing
    parts = [packer.compress(head)]
    parts.extend(packer.compress(block) for _ in range(size_mb))
    parts.append(packer.compress(entry[:-1] + b"]}") + packer.flush())
    return b"".join(parts), {"Content-Encoding": "gzip"}

"""Fault injection for the demo server: latency, random 5xx/429, and scripted failures, hangs, broken pages.

Thread-safe (one lock); decisions are taken in request arrival order from one seeded random stream, so a
client that sends its requests one after another sees the same faults on every run.
"""

from __future__ import annotations

import random
import threading
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

    def clear(self) -> None:
        """Remove scripted faults and reset latency, error and rate-limit fractions to zero."""
        with self._lock:
            self._fail.clear()
            self._hangs.clear()
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

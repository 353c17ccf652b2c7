"""How long to wait before trying a request again.

- Exponential backoff with jitter: attempt *n* (0-based) waits a random time between half and all of
  ``min(max_delay, base_delay * 2**n)`` ("equal jitter"), so many clients do not retry in lockstep.
- ``Retry-After`` (RFC 9110 section 10.2.3: delay in seconds, or an HTTP date) is honoured on 429 and
  503, capped at ``retry_after_cap`` so a misbehaving server cannot park a sync for hours.

Pure functions and frozen data; safe on any thread.
"""

from __future__ import annotations

import datetime
import email.utils
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Bounds for retries. ``max_attempts`` counts the first try (4 = one try and three retries)."""

    max_attempts: int = 4
    base_delay: float = 1.0
    max_delay: float = 30.0
    retry_after_cap: float = 120.0

    def backoff(self, attempt: int, rand: Callable[[], float]) -> float:
        """Seconds to wait after failed attempt ``attempt`` (0-based); ``rand`` returns [0, 1)."""
        ceiling = min(self.max_delay, self.base_delay * (2 ** max(0, attempt)))
        return ceiling / 2 + rand() * ceiling / 2

    def capped(self, retry_after: float) -> float:
        """A server-requested delay limited to ``[0, retry_after_cap]``."""
        return max(0.0, min(retry_after, self.retry_after_cap))


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header value, or None when absent or unreadable.

    ``now`` is the current Unix time (injected so tests need no real clock). Dates in the past give 0.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit():
        return float(int(text))
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:  # "-0000" zone: HTTP dates are always GMT
        when = when.replace(tzinfo=datetime.UTC)
    return max(0.0, when.timestamp() - now)

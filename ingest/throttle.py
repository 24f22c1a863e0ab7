"""Per-host politeness: a concurrency limit, spacing between request starts, and adaptive back-off.

Like Scrapy's AutoThrottle, the spacing grows when a host pushes back (429/503) or slows down, and decays
again while it answers quickly. Unlike AutoThrottle it starts at the configured minimum (0 by default),
so a healthy host is limited only by its concurrency and latency costs latency × pages / concurrency.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

# A response this much slower than the host's best one (factor x best + margin) means it is struggling.
SLOW_FACTOR = 3.0
SLOW_MARGIN = 1.0
# Smallest spacing imposed after a 429/503 when no delay was configured.
PUSHBACK_FLOOR = 0.5
DECAY = 0.7


class HostGate:
    """Concurrency, spacing and back-off state for one host."""

    def __init__(self, max_concurrent: int, min_delay: float = 0.0, max_delay: float = 30.0) -> None:
        self.max_concurrent = max_concurrent
        self.min_delay = min_delay
        self.max_delay = max(max_delay, min_delay)
        self.delay = min_delay
        self.in_flight = 0
        self._sem = asyncio.Semaphore(max_concurrent)
        self._next_start = 0.0
        self._not_before = 0.0
        self._best_latency: float | None = None

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one of the host's connections, starting no sooner than spacing and Retry-After allow."""
        async with self._sem:
            while True:
                now = time.monotonic()
                start = max(self._next_start, self._not_before)
                if start <= now:
                    break
                await asyncio.sleep(start - now)
            self._next_start = now + self.delay
            self.in_flight += 1
            try:
                yield
            finally:
                self.in_flight -= 1

    def defer(self, seconds: float) -> None:
        """Start nothing on this host for the given time (Retry-After)."""
        self._not_before = max(self._not_before, time.monotonic() + max(0.0, seconds))

    def observe(self, latency: float, status: int | None) -> None:
        """Adapt the spacing to one response's time-to-headers and status (None: connection failed)."""
        if status in (429, 503):
            self.delay = min(self.max_delay, max(self.delay * 2, PUSHBACK_FLOOR, self.min_delay))
            return
        if status is None or status >= 500:
            return
        best = self._best_latency = latency if self._best_latency is None else min(self._best_latency, latency)
        if latency > SLOW_FACTOR * best + SLOW_MARGIN:
            # Spread the host's requests so that, on average, only one is in flight at its current latency.
            target = latency / self.max_concurrent
            self.delay = min(self.max_delay, max(self.delay, target))
        else:
            self.delay = max(self.min_delay, self.delay * DECAY)
            if self.delay < self.min_delay + 0.01:
                self.delay = self.min_delay

    def raise_floor(self, seconds: float) -> None:
        """Lift the minimum spacing (robots.txt Crawl-delay), within max_delay."""
        self.min_delay = min(self.max_delay, max(self.min_delay, seconds))
        self.delay = max(self.delay, self.min_delay)

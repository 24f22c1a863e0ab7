"""Host gate: spacing, Retry-After deferral and adaptive back-off."""

from __future__ import annotations

import asyncio
import time

from ingest.throttle import PUSHBACK_FLOOR, HostGate


def test_pushback_grows_and_decays() -> None:
    gate = HostGate(2, 0.0, max_delay=4.0)
    gate.observe(0.1, 200)
    assert gate.delay == 0.0
    gate.observe(0.1, 429)
    assert gate.delay == PUSHBACK_FLOOR
    for _ in range(5):
        gate.observe(0.1, 503)
    assert gate.delay == 4.0  # capped
    for _ in range(40):
        gate.observe(0.1, 200)
    assert gate.delay == 0.0


def test_slow_host_is_spaced_out() -> None:
    gate = HostGate(2, 0.0)
    gate.observe(0.1, 200)
    gate.observe(0.3, 200)  # ordinary jitter: no change
    assert gate.delay == 0.0
    gate.observe(4.0, 200)  # the host is struggling
    assert gate.delay == 2.0


def test_spacing_and_defer_hold_requests_back() -> None:
    async def main() -> list[float]:
        gate = HostGate(4, min_delay=0.1)
        starts: list[float] = []

        async def one() -> None:
            async with gate.slot():
                starts.append(time.monotonic())

        gate.defer(0.2)
        t0 = time.monotonic()
        await asyncio.gather(*(one() for _ in range(3)))
        return [s - t0 for s in starts]

    starts = asyncio.run(main())
    assert starts[0] >= 0.19
    assert starts[1] - starts[0] >= 0.09 and starts[2] - starts[1] >= 0.09


def test_crawl_delay_raises_the_floor() -> None:
    gate = HostGate(2, 0.0, max_delay=5.0)
    gate.raise_floor(10.0)
    assert gate.min_delay == gate.delay == 5.0

"""robots.txt rules per origin, parsed with urllib.robotparser and interpreted as RFC 9309 says."""

from __future__ import annotations

import asyncio
import weakref
from urllib.robotparser import RobotFileParser

# RFC 9309: crawlers must parse at least the first 500 KiB.
ROBOTS_MAX_BYTES = 500 * 1024


def rules_from_response(status: int | None, body: bytes | None) -> RobotFileParser:
    """Rules for an origin from its robots.txt response: 2xx parsed, 4xx allow all, 5xx disallow all."""
    rp = RobotFileParser()
    if status is not None and 200 <= status < 300:
        text = (body or b"")[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace")
        rp.parse(text.splitlines())
    elif status is not None and 400 <= status < 500:
        rp.allow_all = True
    else:
        rp.disallow_all = True
    return rp


class RobotsCache:
    """Parsed rules per origin (scheme://host:port), with one lock per origin so each is fetched once."""

    def __init__(self) -> None:
        self.rules: dict[str, RobotFileParser] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def lock(self, origin: str) -> asyncio.Lock:
        """The lock serialising the first fetch of one origin's robots.txt."""
        lock = self._locks.get(origin)
        if lock is None:
            lock = self._locks[origin] = asyncio.Lock()
        return lock


# Shared per client so discovery and fetching in one run read each robots.txt once.
_CACHES: weakref.WeakKeyDictionary[object, RobotsCache] = weakref.WeakKeyDictionary()


def cache_for(client: object) -> RobotsCache:
    """The robots cache attached to one httpx client."""
    cache = _CACHES.get(client)
    if cache is None:
        cache = _CACHES[client] = RobotsCache()
    return cache

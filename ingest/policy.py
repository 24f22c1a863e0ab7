"""Fetch policy: politeness, limits, timeouts and the SSRF allow list, as one immutable object."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from ceasefire.records import Source

USER_AGENT = "ceasefire/0.1 (+https://github.com/ceasefire-news/ceasefire)"
# The product token robots.txt groups are matched against.
ROBOTS_AGENT = "ceasefire"


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how defensively pages and feeds are fetched."""

    allow_hosts: tuple[str, ...] = ()
    max_total: int = 32
    max_per_host: int = 2
    host_delay: float = 0.0
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 20.0
    retries: int = 3
    backoff: float = 0.5
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    respect_robots: bool = True
    # Longest Retry-After (seconds) we wait for; a longer one is cut to this.
    retry_after_cap: float = 60.0
    # Ceiling of the adaptive per-host delay.
    max_host_delay: float = 30.0
    # Per-source politeness from the feeds file: source name -> (max_per_host, delay).
    per_source: Mapping[str, tuple[int | None, float | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Reject limits that would deadlock or never time out."""
        if self.max_total < 1 or self.max_per_host < 1:
            raise ValueError("max_total and max_per_host must be at least 1")
        if min(self.connect_timeout, self.read_timeout, self.total_timeout) <= 0:
            raise ValueError("timeouts must be positive")
        if self.retries < 0 or self.max_redirects < 0 or self.max_bytes < 1:
            raise ValueError("retries, max_redirects and max_bytes must be non-negative")
        object.__setattr__(self, "allow_hosts", tuple(normalize_allow_entry(h) for h in self.allow_hosts))

    def with_sources(self, sources: Iterable[Source]) -> FetchPolicy:
        """The same policy with each source's max_per_host/delay from the feeds file."""
        table = dict(self.per_source)
        for src in sources:
            if src.max_per_host is not None or src.delay is not None:
                table[src.name] = (src.max_per_host, src.delay)
        return replace(self, per_source=table)

    def source_limits(self, source: str | None) -> tuple[int, float]:
        """(max_per_host, minimum delay) for hosts reached from this source."""
        per_host, delay = self.per_source.get(source or "", (None, None))
        return (per_host or self.max_per_host, self.host_delay if delay is None else float(delay))

    def is_allowed(self, host: str, port: int | None) -> bool:
        """True when host (or host:port) is on the allow list, so the private-address guard lets it pass."""
        host = host.strip("[]").lower()
        return host in self.allow_hosts or (port is not None and f"{host}:{port}" in self.allow_hosts)


def normalize_allow_entry(entry: str) -> str:
    """'HOST', 'HOST:PORT' or '[v6]:PORT' in the lowercase, bracket-free form is_allowed compares with."""
    entry = entry.strip().lower()
    if entry.startswith("["):
        host, _, rest = entry[1:].partition("]")
        return f"{host}{rest}" if rest.startswith(":") else host
    return entry

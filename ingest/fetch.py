"""Polite, defensive fetching of many URLs at once; every page ends as one FetchResult, never an exception."""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import random
import time
import zlib
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from ceasefire.records import Candidate, FetchResult
from ingest.archive import WarcArchive, is_page_type
from ingest.client import make_client
from ingest.guard import BlockedAddressError
from ingest.policy import ROBOTS_AGENT, FetchPolicy
from ingest.robots import ROBOTS_MAX_BYTES, RobotsCache, cache_for, rules_from_response
from ingest.stream import UnsupportedEncodingError, read_capped
from ingest.throttle import HostGate
from transform.urls import canonical_url, is_http_url, resolve_url, url_host

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
MAX_ERROR_CHARS = 300
# Upper bound of candidates in flight (tasks created) at once: memory stays flat for any run size.
WINDOW_PER_SLOT = 8


@dataclass(slots=True)
class Hop:
    """One request/response exchange (or the failure to have one)."""

    outcome: str
    url: str
    status: int | None = None
    headers: httpx.Headers = field(default_factory=httpx.Headers)
    body: bytes | None = None
    nbytes: int = 0
    error: str | None = None
    retryable: bool = False
    retry_after: float | None = None
    location: str | None = None

    @property
    def content_type(self) -> str | None:
        """The response's Content-Type header, if any."""
        return self.headers.get("content-type")


def one_line(exc: BaseException | str) -> str:
    """An exception as one short line for FetchResult.error and FeedState.last_error."""
    if isinstance(exc, str):
        text = exc
    else:
        text = str(exc).strip() or type(exc).__name__
        text = f"{type(exc).__name__}: {text}" if type(exc).__name__ not in text else text
    text = " ".join(text.split())
    return text[:MAX_ERROR_CHARS]


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


class Fetcher:
    """Shared limits, host gates and robots rules for one batch of fetches on one client."""

    def __init__(self, client: httpx.AsyncClient, policy: FetchPolicy, archive: WarcArchive | None = None):
        self.client = client
        self.policy = policy
        self.archive = archive
        self.gates: dict[str, HostGate] = {}
        self.robots: RobotsCache = cache_for(client)
        self._global = asyncio.Semaphore(policy.max_total)

    def gate(self, url: str, source: str | None) -> HostGate:
        """The politeness gate of the URL's host (limits of the first source that reached it)."""
        host = url_host(url)
        gate = self.gates.get(host)
        if gate is None:
            per_host, delay = self.policy.source_limits(source)
            gate = self.gates[host] = HostGate(per_host, delay, self.policy.max_host_delay)
        return gate

    async def fetch(
        self,
        url: str,
        source: str,
        *,
        kind: str = "page",
        headers: dict[str, str] | None = None,
        meta: dict[str, str] | None = None,
    ) -> tuple[FetchResult, Hop]:
        """Fetch url with retries and redirects; the FetchResult and the last hop (for its headers)."""
        # elapsed_ms runs from the first moment a connection slot was ours: time queued behind the host's
        # politeness limit is the schedule's, not the fetch's.
        clock: list[float] = []
        attempts = 0
        retries = self.policy.retries if kind != "robots" else 0
        while True:
            attempts += 1
            hop = await self._attempt(url, source, kind, headers, meta, clock)
            if not hop.retryable or attempts > retries:
                break
            if hop.retry_after is None:
                # Exponential back-off with full jitter spreads retries of many pages on one sick host.
                base = self.policy.backoff * (2 ** (attempts - 1))
                await asyncio.sleep(base * (0.5 + random.random()))
            # With Retry-After the host gate already holds every request to that host back.
        result = FetchResult(
            url=url,
            source=source,
            outcome=hop.outcome,
            final_url=hop.url,
            status_code=hop.status,
            error=hop.error,
            attempts=attempts,
            elapsed_ms=int((time.monotonic() - clock[0]) * 1000) if clock else 0,
            bytes=hop.nbytes,
            fetched_at=dt.datetime.now(dt.UTC),
            content_type=hop.content_type,
            body=hop.body if hop.outcome == "ok" else None,
        )
        return result, hop

    async def _attempt(
        self,
        url: str,
        source: str,
        kind: str,
        headers: dict[str, str] | None,
        meta: dict[str, str] | None,
        clock: list[float],
    ) -> Hop:
        """One attempt: follow redirects by hand, checking scheme, loops and robots.txt on every hop."""
        budget = self.policy.total_timeout
        visited = {canonical_url(url)}
        current = url
        hops = 0
        while True:
            if not is_http_url(current):
                return Hop("network_error", current, error=one_line(f"not an http(s) URL: {current[:200]}"))
            try:
                if kind != "robots" and self.policy.respect_robots and not await self._robots_allow(current, source):
                    return Hop("robots", current, error="disallowed by robots.txt")
                gate = self.gate(current, source)
                async with gate.slot(), self._global:
                    # The clock runs only while we hold a connection slot: queueing is not the host's fault.
                    started = time.monotonic()
                    if not clock:
                        clock.append(started)
                    try:
                        async with asyncio.timeout(max(0.001, budget)):
                            hop = await self._exchange(current, gate, kind, headers, meta)
                    finally:
                        budget -= time.monotonic() - started
            except BlockedAddressError as exc:
                return Hop("blocked_private", current, error=one_line(exc))
            except (TimeoutError, httpx.TimeoutException) as exc:
                return Hop("timeout", current, error=one_line(exc if str(exc) else "total timeout"), retryable=True)
            except (httpx.UnsupportedProtocol, httpx.InvalidURL, UnsupportedEncodingError, zlib.error) as exc:
                return Hop("network_error", current, error=one_line(exc))
            except httpx.TransportError as exc:
                return Hop("network_error", current, error=one_line(exc), retryable=True)
            if hop.outcome != "redirect":
                return hop
            hops += 1
            target = resolve_url(current, hop.location or "")
            key = canonical_url(target)
            if key in visited:
                return Hop("redirect_loop", target, status=hop.status, error=f"redirect loop back to {target[:200]}")
            if hops > self.policy.max_redirects:
                return Hop(
                    "redirect_loop", target, status=hop.status, error=f"more than {self.policy.max_redirects} redirects"
                )
            visited.add(key)
            current = target

    async def _exchange(
        self,
        url: str,
        gate: HostGate,
        kind: str,
        headers: dict[str, str] | None,
        meta: dict[str, str] | None,
    ) -> Hop:
        """Send one GET and classify its response, reading the body only when it is wanted."""
        request = self.client.build_request("GET", url, headers=headers)
        sent = time.monotonic()
        try:
            response = await self.client.send(request, stream=True)
        except (httpx.TransportError, TimeoutError):
            gate.observe(time.monotonic() - sent, None)
            raise
        try:
            gate.observe(time.monotonic() - sent, response.status_code)
            hop = await self._classify(url, response, gate, kind)
        finally:
            await response.aclose()
        if self.archive is not None:
            self._archive(request, response, hop, kind, meta)
        return hop

    async def _classify(self, url: str, response: httpx.Response, gate: HostGate, kind: str) -> Hop:
        """Turn a streamed response into a hop outcome, reading at most the size cap."""
        status = response.status_code
        hop = Hop("ok", url, status=status, headers=response.headers)
        if status in REDIRECT_STATUSES and response.headers.get("location"):
            hop.outcome, hop.location = "redirect", response.headers["location"]
            return hop
        if status == 304:
            hop.outcome = "not_modified"
            return hop
        if not 200 <= status < 300:
            hop.outcome, hop.error = "http_error", f"HTTP {status} {response.reason_phrase}".strip()
            hop.retryable = status in RETRY_STATUSES
            if status in (429, 503):
                wait = parse_retry_after(response.headers.get("retry-after"))
                if wait is not None:
                    hop.retry_after = min(wait, self.policy.retry_after_cap)
                    gate.defer(hop.retry_after)
            return hop
        if kind == "page" and not is_page_type(hop.content_type):
            hop.outcome, hop.error = "not_html", f"content-type {hop.content_type}"
            return hop
        cap = ROBOTS_MAX_BYTES if kind == "robots" else self.policy.max_bytes
        body = await read_capped(
            response.aiter_raw(), response.headers.get("content-encoding"), cap, keep_prefix=kind == "robots"
        )
        hop.nbytes = body.decoded_bytes
        hop.body = body.data
        if body.too_large and kind != "robots":
            hop.outcome, hop.error = "too_large", f"body exceeds {cap} bytes after decoding"
        return hop

    def _archive(
        self, request: httpx.Request, response: httpx.Response, hop: Hop, kind: str, meta: dict[str, str] | None
    ) -> None:
        """Append the exchange to the WARC archive; a body not read is marked truncated."""
        assert self.archive is not None
        stored = hop.body if hop.outcome == "ok" else None
        truncated = None
        if stored is None and hop.outcome not in ("not_modified",) and response.status_code not in (204, 304):
            truncated = "length" if hop.outcome == "too_large" else "unspecified"
        self.archive.write(
            url=str(request.url),
            method=request.method,
            request_headers=request.headers.multi_items(),
            http_version=response.http_version,
            status=response.status_code,
            reason=response.reason_phrase,
            response_headers=response.headers.multi_items(),
            body=stored,
            fetched_at=dt.datetime.now(dt.UTC),
            truncated=truncated,
            meta={**(meta or {}), "Kind": kind, "Outcome": hop.outcome},
        )

    async def _robots_allow(self, url: str, source: str) -> bool:
        """Whether robots.txt of the URL's origin lets us fetch it (fetched once per origin and client)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        rules = self.robots.rules.get(origin)
        if rules is None:
            async with self.robots.lock(origin):
                rules = self.robots.rules.get(origin)
                if rules is None:
                    result, hop = await self.fetch(f"{origin}/robots.txt", source, kind="robots")
                    if result.outcome == "blocked_private":
                        raise BlockedAddressError(result.error or "blocked")
                    if result.outcome in ("timeout", "network_error"):
                        # Unreachable now: the page's own fetch will record the real failure.
                        return True
                    status = 404 if result.outcome == "redirect_loop" else result.status_code
                    rules = rules_from_response(status, hop.body)
                    self.robots.rules[origin] = rules
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            self.gate(url, source).raise_floor(float(delay))
        return rules.can_fetch(ROBOTS_AGENT, url)

    async def fetch_candidate(self, candidate: Candidate) -> FetchResult:
        """Fetch one candidate page, carrying its feed metadata into the result and the archive."""
        meta = {"Source": candidate.source, "Candidate": candidate.url}
        if candidate.title:
            meta["Feed-Title"] = candidate.title
        if candidate.published:
            meta["Feed-Published"] = candidate.published.isoformat()
        result, _ = await self.fetch(candidate.url, candidate.source, kind="page", meta=meta)
        result.feed_title = candidate.title
        result.feed_published = candidate.published
        return result


def interleave_by_host(candidates: list[Candidate]) -> list[Candidate]:
    """Round-robin over hosts so a long run of one host's pages does not leave other hosts idle."""
    queues: OrderedDict[str, deque[Candidate]] = OrderedDict()
    for cand in candidates:
        queues.setdefault(url_host(cand.url), deque()).append(cand)
    ordered: list[Candidate] = []
    while queues:
        for host in list(queues):
            queue = queues[host]
            ordered.append(queue.popleft())
            if not queue:
                del queues[host]
    return ordered


def _duplicate(candidate: Candidate, first: str, why: str) -> FetchResult:
    return FetchResult(
        url=candidate.url,
        source=candidate.source,
        outcome="duplicate",
        error=f"{why} {first}"[:MAX_ERROR_CHARS],
        fetched_at=dt.datetime.now(dt.UTC),
        feed_title=candidate.title,
        feed_published=candidate.published,
    )


async def fetch_all(
    candidates: list[Candidate],
    client: httpx.AsyncClient,
    policy: FetchPolicy,
    archive: WarcArchive | None = None,
    on_result: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    """Fetch every candidate concurrently within the policy's limits; one result per candidate, any order."""
    fetcher = Fetcher(client, policy, archive)
    results: list[FetchResult] = []
    first_by_key: dict[str, str] = {}
    final_seen: dict[str, str] = {}
    todo: list[Candidate] = []

    def emit(result: FetchResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    for cand in candidates:
        key = canonical_url(cand.url)
        if key in first_by_key:
            emit(_duplicate(cand, first_by_key[key], "same canonical URL as"))
        else:
            first_by_key[key] = cand.url
            todo.append(cand)

    window = asyncio.Semaphore(max(64, policy.max_total * WINDOW_PER_SLOT))

    async def run(cand: Candidate) -> None:
        try:
            result = await fetcher.fetch_candidate(cand)
        finally:
            window.release()
        if result.outcome == "ok" and result.final_url:
            # Two feed links redirecting to one article: keep the first body that arrived.
            final_key = canonical_url(result.final_url)
            if final_key in final_seen and final_seen[final_key] != cand.url:
                result.outcome, result.body = "duplicate", None
                result.error = f"redirects to the same page as {final_seen[final_key]}"[:MAX_ERROR_CHARS]
            else:
                final_seen[final_key] = cand.url
        emit(result)

    async with asyncio.TaskGroup() as group:
        for cand in interleave_by_host(todo):
            await window.acquire()
            group.create_task(run(cand))
    return results


def fetch_sync(
    candidates: list[Candidate],
    policy: FetchPolicy,
    transport: httpx.AsyncBaseTransport | None = None,
    archive: WarcArchive | None = None,
    on_result: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    """fetch_all from synchronous code, with a client made (and closed) for the call."""

    async def main() -> list[FetchResult]:
        async with make_client(policy, transport) as client:
            return await fetch_all(candidates, client, policy, archive, on_result)

    return asyncio.run(main())

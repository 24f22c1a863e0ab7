"""Discovery: poll RSS/Atom feeds with conditional GET and turn their items into canonical candidates."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from collections.abc import Collection
from typing import Any

import feedparser
import httpx

from ceasefire.records import Candidate, FeedState, Source
from ingest.archive import WarcArchive
from ingest.client import make_client
from ingest.fetch import Fetcher, one_line
from ingest.policy import FetchPolicy
from transform.urls import canonical_url, is_http_url, resolve_url

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8"
)
# feedparser flags these as bozo although the entries are fine (e.g. a feed served as text/plain).
_BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def _entry_link(entry: Any, base: str) -> str | None:
    """The entry's article URL: its link, an alternate link, or an id that is a URL."""
    candidates = [entry.get("link")]
    candidates += [lk.get("href") for lk in entry.get("links", []) if lk.get("rel", "alternate") == "alternate"]
    candidates.append(entry.get("id"))
    for link in candidates:
        if link:
            url = resolve_url(base, str(link))
            if is_http_url(url):
                return url
    return None


def _entry_date(entry: Any) -> dt.datetime | None:
    """Publication (else update) time as an aware UTC datetime."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.datetime(*value[:6], tzinfo=dt.UTC)
            except (TypeError, ValueError):
                continue
    return None


def feed_problem(parsed: Any, content_type: str | None) -> str | None:
    """Why a parsed document is not a usable feed (None when it is)."""
    exc = parsed.get("bozo_exception")
    if not parsed.get("version"):
        kind = (content_type or "unknown type").split(";")[0]
        detail = f": {one_line(exc)}" if exc is not None and not isinstance(exc, _BENIGN) else ""
        return f"not a feed ({kind}){detail}"
    if parsed.get("bozo") and exc is not None and not isinstance(exc, _BENIGN):
        return f"malformed feed: {one_line(exc)}"
    return None


def parse_feed(body: bytes, feed_url: str, content_type: str | None, source: str) -> tuple[list[Candidate], str | None]:
    """Candidates from a feed document, and the problem with it if any."""
    parsed = feedparser.parse(
        body, response_headers={"content-type": content_type or "application/xml", "content-location": feed_url}
    )
    problem = feed_problem(parsed, content_type)
    entries = list(parsed.entries) if parsed.get("version") else []
    if problem and entries:
        # A document cut short can end in an entry whose link was cut too; the others parsed whole.
        entries = entries[:-1]
    found: list[Candidate] = []
    for entry in entries:
        link = _entry_link(entry, feed_url)
        if link is None:
            continue
        title = entry.get("title")
        found.append(
            Candidate(
                url=canonical_url(link),
                source=source,
                feed_url=feed_url,
                title=" ".join(str(title).split()) if title else None,
                published=_entry_date(entry),
            )
        )
    return found, problem


async def _poll_one(
    fetcher: Fetcher, source: Source, feed_url: str, state: FeedState
) -> tuple[list[Candidate], FeedState]:
    """Poll one feed; failures end in state.last_error, never as an exception."""
    state = dataclasses.replace(state)
    headers = {"Accept": FEED_ACCEPT}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    result, hop = await fetcher.fetch(
        feed_url, source.name, kind="feed", headers=headers, meta={"Source": source.name, "Candidate": feed_url}
    )
    state.last_polled_at = result.fetched_at
    state.last_status = result.status_code
    if result.outcome == "not_modified":
        state.last_error = None
        return [], state
    if result.outcome != "ok" or result.body is None:
        state.last_error = one_line(f"{result.outcome}: {result.error or ''}".rstrip(": "))
        return [], state
    candidates, problem = parse_feed(result.body, result.final_url or feed_url, result.content_type, source.name)
    state.last_error = problem
    if problem is None:
        # Validators are kept only for a feed read whole; a broken one is fetched in full next time.
        state.etag = hop.headers.get("etag")
        state.last_modified = hop.headers.get("last-modified")
    return candidates, state


async def poll_feeds(
    sources: list[Source],
    states: dict[str, FeedState],
    client: httpx.AsyncClient,
    policy: FetchPolicy,
    archive: WarcArchive | None = None,
) -> tuple[list[Candidate], list[FeedState]]:
    """Poll every feed of every source; candidates (canonical, deduped) and the new state of every feed."""
    fetcher = Fetcher(client, policy.with_sources(sources), archive)
    jobs = [
        _poll_one(fetcher, src, feed, states.get(feed) or FeedState(feed_url=feed, source=src.name))
        for src in sources
        for feed in src.feeds
    ]
    outcomes = await asyncio.gather(*jobs)
    seen: set[str] = set()
    candidates: list[Candidate] = []
    for found, _state in outcomes:
        for cand in found:
            if cand.url not in seen:
                seen.add(cand.url)
                candidates.append(cand)
    return candidates, [state for _found, state in outcomes]


def select_candidates(
    candidates: list[Candidate], seen: Collection[str], since: dt.date | None, until: dt.date | None
) -> list[Candidate]:
    """Drop URLs already fetched and items published outside [since, until]; undated items are kept."""
    kept: list[Candidate] = []
    for cand in candidates:
        if canonical_url(cand.url) in seen:
            continue
        if cand.published is not None:
            published = cand.published
            day = (published.astimezone(dt.UTC) if published.tzinfo else published).date()
            if (since is not None and day < since) or (until is not None and day > until):
                continue
        kept.append(cand)
    return kept


def poll_sync(
    sources: list[Source],
    states: dict[str, FeedState],
    policy: FetchPolicy,
    transport: httpx.AsyncBaseTransport | None = None,
) -> tuple[list[Candidate], list[FeedState]]:
    """poll_feeds from synchronous code, with a client made (and closed) for the call."""

    async def main() -> tuple[list[Candidate], list[FeedState]]:
        async with make_client(policy, transport) as client:
            return await poll_feeds(sources, states, client, policy)

    return asyncio.run(main())

"""Dataclasses for the records that cross stages: discover -> fetch -> transform -> load."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Fetch outcomes (DESIGN.md contract): the `fetches.outcome` vocabulary.
OUTCOMES = (
    "ok",
    "not_modified",
    "http_error",
    "timeout",
    "network_error",
    "blocked_private",
    "robots",
    "too_large",
    "not_html",
    "redirect_loop",
    "duplicate",
)


@dataclass(frozen=True, slots=True)
class Source:
    """One outlet from the feeds file."""

    name: str
    feeds: tuple[str, ...]
    country: str | None = None
    language: str | None = None
    max_per_host: int | None = None
    delay: float | None = None


@dataclass(slots=True)
class FeedState:
    """Conditional-GET state and last outcome of one feed (the `feeds` table)."""

    feed_url: str
    source: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled_at: dt.datetime | None = None
    last_status: int | None = None
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A URL found by discovery, with what the feed said about it."""

    url: str
    source: str
    feed_url: str | None = None
    title: str | None = None
    published: dt.datetime | None = None


@dataclass(slots=True)
class FetchResult:
    """What fetching one candidate produced: one `fetches` row, and the body when outcome is ok."""

    url: str
    source: str
    outcome: str
    final_url: str | None = None
    status_code: int | None = None
    error: str | None = None
    attempts: int = 0
    elapsed_ms: int = 0
    bytes: int = 0
    fetched_at: dt.datetime | None = None
    content_type: str | None = None
    body: bytes | None = None
    feed_title: str | None = None
    feed_published: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation; start/end index the article text (end exclusive, marks excluded)."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_id: str | None = None
    cue: str | None = None
    fragment: bool = False
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A dated, typed event with its evidence sentence; start/end index the article text."""

    type: str
    evidence: str
    start: int
    end: int
    date: dt.date | None = None
    date_end: dt.date | None = None
    actors: tuple[str, ...] = ()
    location: str | None = None
    status: str = "occurred"
    cameo_code: str | None = None


@dataclass(slots=True)
class Article:
    """One extracted page: body, metadata, relevance, quotes and events."""

    article_id: str
    url: str
    canonical_url: str
    source: str | None
    title: str | None
    published_at: dt.datetime | None
    language: str | None
    text: str
    relevant: bool
    relevance_score: float
    content_hash: str
    simhash: int = 0
    author: str | None = None
    fetched_at: dt.datetime | None = None
    duplicate_of: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

"""One fetched page -> one Article: body, metadata, language, relevance, near-duplicate key, quotes, events."""

from __future__ import annotations

import datetime as dt
import hashlib
from urllib.parse import urlsplit

from ceasefire.errors import ExtractionError
from ceasefire.records import Article
from transform.dedup import simhash
from transform.events import find_events
from transform.extract import decode_html, extract, parse_html
from transform.gazetteer import Gazetteer
from transform.language import detect_language
from transform.quotes import find_quotes
from transform.relevance import TopicProfile, score, words
from transform.urls import canonical_url


def article_id(canonical: str) -> str:
    """Stable article key: first 16 hex chars of sha256 of the canonical URL."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def content_hash(text: str) -> str:
    """sha256 of the text with whitespace collapsed and case folded (same copy, same hash)."""
    return hashlib.sha256(" ".join(text.split()).casefold().encode("utf-8")).hexdigest()


def process_page(
    body: bytes | str,
    url: str,
    *,
    profile: TopicProfile,
    gazetteer: Gazetteer,
    source: str | None = None,
    content_type: str | None = None,
    fetched_at: dt.datetime | None = None,
    feed_title: str | None = None,
    feed_published: dt.datetime | None = None,
) -> Article:
    """Extract one page into an Article; raises ExtractionError (only) when no article can be made."""
    try:
        return _process(
            body,
            url,
            profile=profile,
            gazetteer=gazetteer,
            source=source,
            content_type=content_type,
            fetched_at=fetched_at,
            feed_title=feed_title,
            feed_published=feed_published,
        )
    except ExtractionError:
        raise
    except RecursionError:
        raise ExtractionError(f"{url}: page nested too deeply to parse") from None
    except Exception as exc:  # the contract: one exception class per failed page, cause chained
        raise ExtractionError(f"{url}: {type(exc).__name__}: {exc}") from exc


def _process(
    body: bytes | str,
    url: str,
    *,
    profile: TopicProfile,
    gazetteer: Gazetteer,
    source: str | None,
    content_type: str | None,
    fetched_at: dt.datetime | None,
    feed_title: str | None,
    feed_published: dt.datetime | None,
) -> Article:
    if not body:
        raise ExtractionError(f"{url}: empty body")
    html = decode_html(body, content_type)
    tree = parse_html(html)
    if tree is None:
        raise ExtractionError(f"{url}: not parseable as HTML")
    page = extract(html, url, fetched_at=fetched_at, tree=tree)
    if page is None:
        raise ExtractionError(f"{url}: no article body found")
    canonical = canonical_url(page.canonical_url or url)
    title = page.title or (feed_title.strip() if feed_title else None)
    published = page.published_at or _aware(feed_published)
    language = detect_language(page.text, page.html_lang)
    text_words = words(page.text)  # split once: relevance and the near-duplicate key share it
    relevance, relevant = score(title, page.text, profile, text_words=text_words)
    if profile.languages and language not in profile.languages:
        relevant = False
    text = page.text
    return Article(
        article_id=article_id(canonical),
        url=url,
        canonical_url=canonical,
        source=source or page.sitename or urlsplit(canonical).hostname,
        title=title,
        published_at=published,
        language=language,
        text=text,
        relevant=relevant,
        relevance_score=relevance,
        content_hash=content_hash(text),
        simhash=simhash(text, text_words=text_words),
        author=page.author,
        fetched_at=fetched_at,
        quotes=find_quotes(text, gazetteer),
        events=find_events(text, published.date() if published else None, gazetteer) if relevant else [],
    )


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)

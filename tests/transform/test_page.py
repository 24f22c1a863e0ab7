"""process_page: identity, hashes, date and title fallbacks, language gate, quotes/events wiring, errors."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from ceasefire.errors import ExtractionError
from transform.events import find_events
from transform.page import article_id, content_hash, process_page
from transform.quotes import find_quotes
from transform.relevance import TopicProfile

REPO = Path(__file__).resolve().parents[2]
LAYOUTS = REPO / "tests" / "fixtures" / "layouts"

PARAS = [
    "Ukrainian and Russian delegations met in Istanbul on Monday for a second round of direct peace talks, "
    "which ended after about an hour with an agreement on a further prisoner exchange but no ceasefire.",
    "The Russian side handed over a memorandum setting out its conditions for a truce, which Kyiv said it would "
    "study before responding. Ukraine again called for an unconditional 30-day ceasefire.",
    '"We came for a ceasefire and we leave with a list of demands," said Petro Danylenko, an adviser to the '
    'Ukrainian delegation. "The exchange is welcome, but it is not peace."',
    "The talks took place a day after Ukrainian drones struck several airfields deep inside Russia.",
]


def _page(title: str | None = "Second round of Istanbul talks ends without truce", extra_head: str = "") -> bytes:
    head = f"<title>{title}</title>" if title else ""
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<html><head><meta charset='utf-8'>{head}{extra_head}</head><body><nav><a href='/'>Home</a></nav>"
        f"<article>{body}</article></body></html>"
    ).encode()


def test_identity_from_canonical_link(profile: TopicProfile, gazetteer) -> None:
    canonical = "<link rel='canonical' href='https://news.example/world/istanbul-round-two'>"
    article = process_page(
        _page(extra_head=canonical),
        "https://news.example/world/istanbul-round-two?utm_source=rss&utm_medium=feed",
        profile=profile,
        gazetteer=gazetteer,
    )
    assert article.canonical_url == "https://news.example/world/istanbul-round-two"
    assert article.article_id == hashlib.sha256(article.canonical_url.encode()).hexdigest()[:16]
    assert article.article_id == article_id(article.canonical_url)
    assert article.url.endswith("utm_medium=feed")
    assert article.content_hash == content_hash(article.text)


def test_fetched_url_is_the_fallback_canonical(profile: TopicProfile, gazetteer) -> None:
    article = process_page(
        _page(), "https://News.Example/world/a?utm_campaign=x#comments", profile=profile, gazetteer=gazetteer
    )
    assert article.canonical_url == "https://news.example/world/a"


def test_content_hash_ignores_whitespace_and_case_only() -> None:
    assert content_hash("A truce.\nAgreed  today.") == content_hash("a truce. agreed today.")
    assert content_hash("A truce.") != content_hash("A truce!")


def test_text_is_one_paragraph_per_line(profile: TopicProfile, gazetteer) -> None:
    article = process_page(_page(), "https://news.example/a", profile=profile, gazetteer=gazetteer)
    assert article.text.split("\n") == PARAS
    assert "Home" not in article.text


def test_feed_metadata_fills_gaps(profile: TopicProfile, gazetteer) -> None:
    feed_time = dt.datetime(2025, 6, 2, 14, 30)  # naive: taken as UTC
    article = process_page(
        _page(title=None),
        "https://news.example/a",
        profile=profile,
        gazetteer=gazetteer,
        feed_title="Istanbul talks end without truce",
        feed_published=feed_time,
        source="Example News",
    )
    assert article.title == "Istanbul talks end without truce"
    assert article.published_at == feed_time.replace(tzinfo=dt.UTC)
    assert article.source == "Example News"


def test_page_date_wins_over_feed(profile: TopicProfile, gazetteer) -> None:
    meta = "<meta property='article:published_time' content='2025-06-02T09:15:00+03:00'>"
    article = process_page(
        _page(extra_head=meta),
        "https://news.example/a",
        profile=profile,
        gazetteer=gazetteer,
        feed_published=dt.datetime(2025, 6, 3, tzinfo=dt.UTC),
        fetched_at=dt.datetime(2025, 6, 3, 8, tzinfo=dt.UTC),
    )
    assert article.published_at == dt.datetime(2025, 6, 2, 6, 15, tzinfo=dt.UTC)


def test_future_page_date_is_rejected(profile: TopicProfile, gazetteer) -> None:
    meta = "<meta property='article:published_time' content='2031-01-01T00:00:00Z'>"
    article = process_page(
        _page(extra_head=meta),
        "https://news.example/2025/06/02/istanbul-round-two/",
        profile=profile,
        gazetteer=gazetteer,
        fetched_at=dt.datetime(2025, 6, 3, tzinfo=dt.UTC),
    )
    assert article.published_at is not None and article.published_at.date() == dt.date(2025, 6, 2)


def test_quotes_for_every_page_events_only_when_relevant(profile: TopicProfile, gazetteer) -> None:
    relevant = process_page(_page(), "https://news.example/a", profile=profile, gazetteer=gazetteer)
    assert relevant.relevant
    assert relevant.quotes == find_quotes(relevant.text, gazetteer)
    published = relevant.published_at.date() if relevant.published_at else None
    assert relevant.events == find_events(relevant.text, published, gazetteer)

    path = REPO / "sample/sites/sportsdesk.test/football/kingsford-owner-manager-call-truce/index.html"
    if not path.exists():
        pytest.skip("sample sport page not present")
    url = "https://sportsdesk.test/football/x/"
    article = process_page(path.read_bytes(), url, profile=profile, gazetteer=gazetteer)
    assert not article.relevant
    assert article.events == []
    assert article.quotes == find_quotes(article.text, gazetteer)


def test_language_gate_is_profile_configuration(gazetteer) -> None:
    spec = json.loads((LAYOUTS / "german.json").read_text(encoding="utf-8"))
    body = (LAYOUTS / "german.html").read_bytes()
    doc = {
        "name": "gespraeche",
        "terms": {"Waffenruhe": 3, "Gefangenenaustausch": 3, "Verhandlungsrunde": 3, "Ukraine": 1, "Russland*": 1},
    }
    anywhere = TopicProfile.from_dict(doc)
    english_only = TopicProfile.from_dict({**doc, "languages": ["en"]})
    a = process_page(body, spec["url"], profile=anywhere, gazetteer=gazetteer, content_type=spec["content_type"])
    b = process_page(body, spec["url"], profile=english_only, gazetteer=gazetteer, content_type=spec["content_type"])
    assert a.language == b.language == "de"
    assert a.relevant and not b.relevant
    assert a.relevance_score == b.relevance_score  # the score is kept; only the flag is gated


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"\x00\x01\x02\xff\xfe",
        "<html></html>",
        b"<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj",
    ],
    ids=["empty", "binary", "empty-html", "nav-only", "pdf"],
)
def test_no_body_raises_extraction_error(body: bytes | str, profile: TopicProfile, gazetteer) -> None:
    with pytest.raises(ExtractionError):
        process_page(body, "https://news.example/a", profile=profile, gazetteer=gazetteer)

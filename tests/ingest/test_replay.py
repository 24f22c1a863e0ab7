"""SampleTransport: the offline sample convention (sites/<host>/<path>, routes.yaml, validators)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from ceasefire.errors import ConfigError
from ceasefire.records import Candidate, Source
from ingest.discover import poll_sync
from ingest.fetch import fetch_sync
from ingest.policy import FetchPolicy
from ingest.replay import SampleTransport, replay_transport

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Sample</title>
<item><title>One</title><link>http://news.test/world/one.html?utm_campaign=x</link></item>
<item><title>Index</title><link>http://news.test/world/</link></item>
</channel></rss>"""


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    sites = tmp_path / "sites" / "news.test"
    (sites / "world").mkdir(parents=True)
    (sites / "feed.rss").write_text(FEED)
    (sites / "world" / "one.html").write_text("<html><body>one</body></html>")
    (sites / "world" / "index.html").write_text("<html><body>index</body></html>")
    (sites / "world" / "legacy.html").write_bytes("<p>\u201cquoted\u201d</p>".encode("cp1252"))
    (sites / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "routes.yaml").write_text(
        """routes:
  - url: http://news.test/moved
    status: 301
    headers: {Location: "http://news.test/world/one.html"}
  - url: http://news.test/broken
    status: 500
  - url: http://news.test/world/legacy.html
    content_type: "text/html; charset=windows-1252"
  - url: http://news.test/alias.html
    file: news.test/world/one.html
"""
    )
    return tmp_path


def get(transport: httpx.AsyncBaseTransport, url: str, **headers: str) -> httpx.Response:
    async def main() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport) as client:
            return await client.get(url, headers=headers)

    return asyncio.run(main())


def test_file_mapping_and_types(sample: Path) -> None:
    t = SampleTransport(sample)
    one = get(t, "http://news.test/world/one.html?page=2")
    assert one.status_code == 200 and one.text == "<html><body>one</body></html>"
    assert one.headers["content-type"] == "text/html; charset=utf-8"
    assert get(t, "http://news.test/world/").text == "<html><body>index</body></html>"
    assert get(t, "http://news.test/feed.rss").headers["content-type"] == "application/rss+xml"
    assert get(t, "http://news.test/report.pdf").headers["content-type"] == "application/pdf"
    assert get(t, "http://news.test/nowhere.html").status_code == 404
    assert get(t, "http://news.test/../../etc/passwd").status_code == 404
    assert get(t, "http://news.test/alias.html").text == "<html><body>one</body></html>"


def test_validators_are_stable_and_honoured(sample: Path) -> None:
    first = get(SampleTransport(sample), "http://news.test/feed.rss")
    (sample / "sites" / "news.test" / "feed.rss").touch()  # a fresh clone changes mtimes, not validators
    second = get(SampleTransport(sample), "http://news.test/feed.rss")
    assert first.headers["etag"] == second.headers["etag"]
    assert first.headers["last-modified"] == second.headers["last-modified"]
    t = SampleTransport(sample)
    assert get(t, "http://news.test/feed.rss", **{"If-None-Match": first.headers["etag"]}).status_code == 304
    assert get(t, "http://news.test/feed.rss", **{"If-None-Match": '"other"'}).status_code == 200
    ims = {"If-Modified-Since": first.headers["last-modified"]}
    assert get(t, "http://news.test/feed.rss", **ims).status_code == 304


def test_full_offline_cycle(sample: Path) -> None:
    transport = replay_transport(sample)
    policy = FetchPolicy()  # no allow list needed: no DNS, no sockets
    sources = [Source("Sample", ("http://news.test/feed.rss", "http://news.test/missing.rss"))]
    cands, states = poll_sync(sources, {}, policy, transport)
    assert [c.url for c in cands] == ["http://news.test/world/one.html", "http://news.test/world/"]
    assert states[0].last_error is None and states[1].last_status == 404
    _, states2 = poll_sync(sources, {s.feed_url: s for s in states}, policy, transport)
    assert states2[0].last_status == 304

    extra = [
        Candidate(f"http://news.test/{p}", "Sample") for p in ("moved", "broken", "world/legacy.html", "report.pdf")
    ]
    results = {r.url.rsplit("/", 1)[1]: r for r in fetch_sync(cands + extra, policy, transport=transport)}
    assert results["one.html"].outcome == "ok"
    assert results["moved"].outcome == "duplicate"  # redirects to one.html, already fetched
    assert results["broken"].outcome == "http_error" and results["broken"].attempts == policy.retries + 1
    legacy = results["legacy.html"]
    assert legacy.content_type == "text/html; charset=windows-1252" and b"\x93quoted\x94" in (legacy.body or b"")
    assert results["report.pdf"].outcome == "not_html"


def test_replay_transport_rejects_other_paths(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(ConfigError):
        replay_transport(tmp_path / "notes.txt")
    with pytest.raises(ConfigError):
        replay_transport(tmp_path / "absent.warc.gz")


def test_shipped_feeds_file_is_valid() -> None:
    """config/feeds.yaml parses with the project's loader; only read, never fetched."""
    from ceasefire.config import PROJECT_ROOT, load_sources
    from transform.urls import is_http_url

    sources = load_sources(PROJECT_ROOT / "config" / "feeds.yaml")
    feeds = [f for s in sources for f in s.feeds]
    assert len(sources) >= 10 and all(is_http_url(f) and f.startswith("https://") for f in feeds)

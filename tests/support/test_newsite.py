"""The local news site server, exercised over real sockets on a small sample tree."""

from __future__ import annotations

from pathlib import Path
from urllib.robotparser import RobotFileParser

import httpx
import pytest
import yaml

from tests.support.newsite import NewsSite, write_feeds_file


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    root = tmp_path / "sample"
    site = root / "sites" / "kyiv-ledger.test"
    (site / "news").mkdir(parents=True)
    (site / "index.html").write_text('<a href="/news/a.html">A</a> <a href="//cdn.example/x.js">x</a>')
    (site / "news" / "a.html").write_text(
        '<link rel="canonical" href="http://kyiv-ledger.test/news/a.html">'
        '<a href="https://other-wire.test/story">other</a> <a href="http://kyiv-ledger.testing/x">not ours</a>'
    )
    (site / "feed.xml").write_text("<rss><item><link>http://kyiv-ledger.test/news/a.html</link></item></rss>")
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n\nUser-agent: BadBot\nDisallow: /\n")
    other = root / "sites" / "other-wire.test"
    other.mkdir(parents=True)
    (other / "story.txt").write_text("plain")
    (root / "sites" / "down.test").mkdir()
    routes = [
        {"url": "http://kyiv-ledger.test/old", "status": 301, "headers": {"Location": "http://kyiv-ledger.test/news/a.html"}},
        {"url": "http://kyiv-ledger.test/broken", "status": 500},
        {"url": "http://other-wire.test/story", "file": "other-wire.test/story.txt", "content_type": "text/html"},
        {"url": "http://down.test/robots.txt", "status": 503},
    ]  # fmt: skip
    (root / "routes.yaml").write_text(yaml.safe_dump({"routes": routes}))
    (root / "feeds.yaml").write_text(
        yaml.safe_dump({"sources": [{"name": "Kyiv Ledger", "feeds": ["http://kyiv-ledger.test/feed.xml"]}]})
    )
    return root


def test_serves_files_rewrites_links_and_answers_404(sample: Path) -> None:
    with NewsSite(sample) as site, httpx.Client(base_url=site.base_url) as http:
        index = http.get("/kyiv-ledger.test/")
        assert index.status_code == 200 and index.headers["content-type"].startswith("text/html")
        assert 'href="/kyiv-ledger.test/news/a.html"' in index.text
        assert 'href="//cdn.example/x.js"' in index.text  # protocol-relative links are not ours to touch
        page = http.get("/kyiv-ledger.test/news/a.html").text
        assert f'href="{site.base_url}/kyiv-ledger.test/news/a.html"' in page
        assert f'href="{site.base_url}/other-wire.test/story"' in page
        assert "http://kyiv-ledger.testing/x" in page
        feed = http.get("/kyiv-ledger.test/feed.xml")
        assert feed.headers["content-type"] == "application/xml"
        assert f"<link>{site.base_url}/kyiv-ledger.test/news/a.html</link>" in feed.text
        assert http.get("/kyiv-ledger.test/missing.html").status_code == 404
        assert http.get("/kyiv-ledger.test/../../feeds.yaml").status_code == 404
        assert http.get("/kyiv-ledger.test/%2e%2e/%2e%2e/routes.yaml").status_code == 404


def test_routes_override_status_headers_and_content_type(sample: Path) -> None:
    with NewsSite(sample) as site, httpx.Client(base_url=site.base_url) as http:
        moved = http.get("/kyiv-ledger.test/old")
        assert moved.status_code == 301
        assert moved.headers["location"] == f"{site.base_url}/kyiv-ledger.test/news/a.html"
        assert http.get("/kyiv-ledger.test/broken").status_code == 500
        story = http.get("/other-wire.test/story")
        assert story.status_code == 200 and story.headers["content-type"] == "text/html"
        assert story.text == "plain"


def test_conditional_requests_get_304(sample: Path) -> None:
    with NewsSite(sample) as site, httpx.Client(base_url=site.base_url) as http:
        first = http.get("/kyiv-ledger.test/feed.xml")
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        again = http.get("/kyiv-ledger.test/feed.xml", headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b""
        assert http.get("/kyiv-ledger.test/feed.xml", headers={"If-Modified-Since": modified}).status_code == 304
        stale = http.get("/kyiv-ledger.test/feed.xml", headers={"If-None-Match": '"other"'})
        assert stale.status_code == 200 and stale.content == first.content


def test_robots_merged_at_the_origin_root(sample: Path) -> None:
    with NewsSite(sample) as site, httpx.Client(base_url=site.base_url) as http:
        robots = http.get("/robots.txt")
    assert robots.status_code == 200
    rules = RobotFileParser()
    rules.parse(robots.text.splitlines())
    base = site.base_url
    assert rules.can_fetch("ceasefire", f"{base}/kyiv-ledger.test/news/a.html")
    assert not rules.can_fetch("ceasefire", f"{base}/kyiv-ledger.test/private/x.html")
    assert rules.can_fetch("ceasefire", f"{base}/other-wire.test/private/x.html")
    assert not rules.can_fetch("ceasefire", f"{base}/down.test/page.html")  # 5xx robots.txt disallows all
    assert not rules.can_fetch("BadBot", f"{base}/kyiv-ledger.test/news/a.html")


def test_feeds_file_points_at_the_server(sample: Path, tmp_path: Path) -> None:
    out = write_feeds_file("http://127.0.0.1:9999", tmp_path / "feeds.yaml", sample)
    doc = yaml.safe_load(out.read_text())
    assert doc["sources"][0]["feeds"] == ["http://127.0.0.1:9999/kyiv-ledger.test/feed.xml"]

"""Feed discovery: conditional GET, feed errors recorded per feed, canonical deduplicated candidates."""

from __future__ import annotations

import asyncio
import datetime as dt
from http.server import BaseHTTPRequestHandler

from ingest_servers import LocalServer, page, send

from ceasefire.records import Candidate, FeedState, Source
from ingest.client import make_client
from ingest.discover import poll_feeds, select_candidates
from ingest.policy import FetchPolicy

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>World</title><link>{base}/</link>
<item><title>Envoys meet in Riyadh</title><link>{base}/world/riyadh?utm_source=rss&amp;utm_medium=feed</link>
<pubDate>Mon, 24 Mar 2025 09:00:00 GMT</pubDate></item>
<item><title>Energy truce   terms</title><link>/world/energy#comments</link>
<pubDate>Tue, 25 Mar 2025 12:30:00 +0100</pubDate></item>
<item><title>Undated item</title><link>{base}/world/undated</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Europe</title><id>urn:x</id><updated>2025-03-25T00:00:00Z</updated>
<entry><title>Energy truce terms</title><link rel="alternate" href="{base}/world/energy?fbclid=abc"/>
<id>urn:1</id><updated>2025-03-25T11:30:00Z</updated></entry>
<entry><title>Black Sea talks</title><link rel="alternate" href="{base}/europe/black-sea"/>
<id>urn:2</id><published>2025-03-26T08:00:00Z</published></entry>
</feed>
"""


def feed_handler(body: bytes, content_type: str, etag: str | None = None, last_modified: str | None = None):
    def handler(h: BaseHTTPRequestHandler) -> None:
        if etag and h.headers.get("If-None-Match") == etag:
            send(h, 304, b"", {"ETag": etag})
            return
        if last_modified and not etag and h.headers.get("If-Modified-Since") == last_modified:
            send(h, 304, b"", {"Last-Modified": last_modified})
            return
        headers = {"Content-Type": content_type}
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified
        send(h, 200, body, headers)

    return handler


def poll(sources: list[Source], states: dict[str, FeedState], policy: FetchPolicy):
    async def main():
        async with make_client(policy) as client:
            return await poll_feeds(sources, states, client, policy)

    return asyncio.run(main())


def test_feeds_polled_canonicalised_and_deduplicated(server: LocalServer, policy: FetchPolicy) -> None:
    base = f"http://{server.hostport}"
    server.routes["/rss.xml"] = feed_handler(RSS.format(base=base).encode(), "application/rss+xml")
    server.routes["/atom.xml"] = feed_handler(ATOM.format(base=base).encode(), "application/atom+xml")
    sources = [Source("Wire", (server.url("/rss.xml"),)), Source("Paper", (server.url("/atom.xml"),))]
    candidates, states = poll(sources, {}, policy)
    urls = [c.url for c in candidates]
    assert urls == [
        f"{base}/world/riyadh",
        f"{base}/world/energy",
        f"{base}/world/undated",
        f"{base}/europe/black-sea",
    ]
    first = candidates[0]
    assert first.source == "Wire" and first.feed_url == server.url("/rss.xml")
    assert first.title == "Envoys meet in Riyadh"
    assert first.published == dt.datetime(2025, 3, 24, 9, 0, tzinfo=dt.UTC)
    assert candidates[1].title == "Energy truce terms"
    assert candidates[1].published == dt.datetime(2025, 3, 25, 11, 30, tzinfo=dt.UTC)
    assert candidates[2].published is None
    assert [s.last_error for s in states] == [None, None]
    assert all(s.last_status == 200 and s.last_polled_at is not None for s in states)


def test_conditional_get_records_304(server: LocalServer, policy: FetchPolicy) -> None:
    base = f"http://{server.hostport}"
    server.routes["/etag.xml"] = feed_handler(RSS.format(base=base).encode(), "application/rss+xml", etag='"v1"')
    lm = "Tue, 25 Mar 2025 10:00:00 GMT"
    server.routes["/lm.xml"] = feed_handler(ATOM.format(base=base).encode(), "application/atom+xml", last_modified=lm)
    sources = [Source("A", (server.url("/etag.xml"),)), Source("B", (server.url("/lm.xml"),))]
    first, states = poll(sources, {}, policy)
    assert len(first) == 4
    by_url = {s.feed_url: s for s in states}
    assert by_url[server.url("/etag.xml")].etag == '"v1"'
    assert by_url[server.url("/lm.xml")].last_modified == lm

    again, states2 = poll(sources, by_url, policy)
    assert again == []
    for state in states2:
        assert (state.last_status, state.last_error) == (304, None)
    assert states2[0].etag == '"v1"' and states2[1].last_modified == lm
    etag_requests = [r.headers for r in server.log if r.path == "/etag.xml"]
    lm_requests = [r.headers for r in server.log if r.path == "/lm.xml"]
    assert "if-none-match" not in etag_requests[0] and etag_requests[1]["if-none-match"] == '"v1"'
    assert "if-modified-since" not in lm_requests[0] and lm_requests[1]["if-modified-since"] == lm


def test_feed_errors_are_recorded_and_the_run_goes_on(server: LocalServer, policy: FetchPolicy) -> None:
    base = f"http://{server.hostport}"
    good = RSS.format(base=base).encode()
    server.routes["/good.xml"] = feed_handler(good, "application/rss+xml", etag='"g"')
    cut = good[: good.index(b"</item>") + 120]  # cut inside the second item
    server.routes["/truncated.xml"] = feed_handler(cut, "application/rss+xml", etag='"t"')
    server.routes["/homepage.xml"] = page("Not a feed")
    server.routes["/boom.xml"] = lambda h: send(h, 500, b"oops")
    sources = [
        Source("Broken", (server.url("/missing.xml"), server.url("/truncated.xml"), server.url("/homepage.xml"))),
        Source("Flaky", (server.url("/boom.xml"),)),
        Source("Fine", (server.url("/good.xml"),)),
    ]
    retry_once = FetchPolicy(allow_hosts=policy.allow_hosts, retries=1, backoff=0.01)
    candidates, states = poll(sources, {}, retry_once)
    by_url = {s.feed_url: s for s in states}
    assert len(states) == 5
    missing = by_url[server.url("/missing.xml")]
    assert missing.last_status == 404 and "http_error" in (missing.last_error or "")
    truncated = by_url[server.url("/truncated.xml")]
    assert truncated.last_error and "malformed" in truncated.last_error
    assert truncated.etag is None  # refetched in full next time
    homepage = by_url[server.url("/homepage.xml")]
    assert homepage.last_error and homepage.last_error.startswith("not a feed (text/html)")
    assert by_url[server.url("/boom.xml")].last_status == 500
    fine = by_url[server.url("/good.xml")]
    assert fine.last_error is None and fine.etag == '"g"'
    assert f"{base}/world/undated" in [c.url for c in candidates]
    # The truncated feed's last, possibly cut, entry is never turned into a candidate.
    assert all(c.source != "Broken" or c.url == f"{base}/world/riyadh" for c in candidates)


def test_feed_behind_redirect_and_robots(server: LocalServer, policy: FetchPolicy) -> None:
    base = f"http://{server.hostport}"
    server.routes["/robots.txt"] = lambda h: send(h, 200, b"User-agent: *\nDisallow: /private/\n")
    server.routes["/old-feed"] = lambda h: send(h, 301, b"", {"Location": "/rss.xml"})
    server.routes["/rss.xml"] = feed_handler(RSS.format(base=base).encode(), "text/xml")
    server.routes["/private/feed.xml"] = feed_handler(RSS.format(base=base).encode(), "text/xml")
    sources = [Source("Moved", (server.url("/old-feed"),)), Source("Hidden", (server.url("/private/feed.xml"),))]
    candidates, states = poll(sources, {}, policy)
    assert len(candidates) == 3
    assert states[0].last_error is None
    assert states[1].last_error and states[1].last_error.startswith("robots")
    assert "/private/feed.xml" not in server.paths()


def _cand(url: str, published: dt.datetime | None) -> Candidate:
    return Candidate(url=url, source="S", published=published)


def test_select_candidates_filters_seen_and_dates() -> None:
    d = dt.datetime
    cands = [
        _cand("https://a.test/1", d(2025, 3, 17, 23, 59, tzinfo=dt.UTC)),
        _cand("https://a.test/2", d(2025, 3, 18, 0, 0, tzinfo=dt.UTC)),
        _cand("https://a.test/3", d(2025, 3, 19, 23, 59, tzinfo=dt.UTC)),
        _cand("https://a.test/4", d(2025, 3, 20, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))),
        _cand("https://a.test/5", None),
        _cand("https://a.test/6", d(2025, 3, 18, 12, tzinfo=dt.UTC)),
    ]
    kept = select_candidates(cands, {"https://a.test/6"}, dt.date(2025, 3, 18), dt.date(2025, 3, 19))
    # /4 is 22:30 UTC on the 19th; /6 was fetched before; /5 has no date and is kept.
    assert [c.url.rsplit("/", 1)[1] for c in kept] == ["2", "3", "4", "5"]
    assert len(select_candidates(cands, set(), None, None)) == 6
    assert select_candidates(cands, {"https://a.test/5"}, None, dt.date(2025, 3, 17)) == cands[:1]

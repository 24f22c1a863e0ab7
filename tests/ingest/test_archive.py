"""WARC archive written during fetching, read back with warcio and iter_warc, and replayed offline."""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
from pathlib import Path

from ingest_servers import LocalServer, html, page, send
from warcio.archiveiterator import ArchiveIterator

from ceasefire.records import Candidate, Source
from ingest.archive import WarcArchive, iter_warc, warc_files
from ingest.client import make_client
from ingest.discover import poll_feeds, poll_sync
from ingest.fetch import fetch_sync
from ingest.policy import FetchPolicy
from ingest.replay import WarcTransport, replay_transport

PUBLISHED = dt.datetime(2025, 3, 18, 14, 0, tzinfo=dt.UTC)


def _serve(server: LocalServer) -> list[Candidate]:
    server.routes["/story"] = lambda h: send(
        h, 200, gzip.compress(html("story")), {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"}
    )
    server.routes["/moved"] = lambda h: send(h, 301, b"", {"Location": "/story2"})
    server.routes["/story2"] = page("story two")
    return [
        Candidate(server.url("/story"), "Wire", title="A story", published=PUBLISHED),
        Candidate(server.url("/moved"), "Wire"),
        Candidate(server.url("/gone"), "Wire"),
    ]


def test_every_exchange_is_archived_and_read_back(tmp_path: Path, server: LocalServer, policy: FetchPolicy) -> None:
    cands = _serve(server)
    archive = WarcArchive(tmp_path / "raw", "run-1")
    results = fetch_sync(cands, policy, archive=archive)
    archive.close()
    today = dt.datetime.now(dt.UTC).date()
    [path] = archive.paths
    assert path == tmp_path / "raw" / f"{today:%Y}" / f"{today:%m}" / f"{today:%d}" / "run-1-0.warc.gz"
    assert warc_files(tmp_path / "raw", today, today) == [path]
    assert warc_files(tmp_path / "raw", today + dt.timedelta(days=1), today + dt.timedelta(days=3)) == []

    with open(path, "rb") as fh:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r) for r in ArchiveIterator(fh)]
        types = [t for t, _, _ in records]
        assert types[0] == "warcinfo"
        responses = {uri for t, uri, _ in records if t == "response"}
        requests = {uri for t, uri, _ in records if t == "request"}
    # robots.txt, story, moved (301), story2, gone (404): each response has its request.
    expected = {server.url(p) for p in ("/robots.txt", "/story", "/moved", "/story2", "/gone")}
    assert responses == requests == expected

    by_url = {r.url: r for r in iter_warc([path])}
    assert set(by_url) == {server.url("/story"), server.url("/moved"), server.url("/gone")}
    story = by_url[server.url("/story")]
    fetched = next(r for r in results if r.url == server.url("/story"))
    assert story.outcome == "ok" and story.body == fetched.body == html("story")  # stored decoded
    assert story.source == "Wire" and story.feed_title == "A story" and story.feed_published == PUBLISHED
    assert story.content_type == "text/html; charset=utf-8"
    assert story.fetched_at is not None and story.fetched_at.date() == today
    moved = by_url[server.url("/moved")]
    assert moved.final_url == server.url("/story2") and moved.body == html("story two")
    assert by_url[server.url("/gone")].outcome == "http_error"


def test_archive_replays_without_the_network(tmp_path: Path, server: LocalServer, policy: FetchPolicy) -> None:
    cands = _serve(server)
    archive = WarcArchive(tmp_path, "live")
    live = {r.url: r for r in fetch_sync(cands, policy, archive=archive)}
    archive.close()
    served = len(server.log)
    transport = replay_transport(archive.paths[0])
    assert isinstance(transport, WarcTransport)
    # The archive alone is enough to find the pages (as for a Common Crawl News file, which has no feeds).
    assert {c.url for c in transport.candidates()} == {server.url("/story"), server.url("/moved")}
    replayed = {r.url: r for r in fetch_sync(cands, FetchPolicy(), transport=transport)}
    assert len(server.log) == served
    for url, result in live.items():
        again = replayed[url]
        assert (again.outcome, again.status_code, again.body, again.final_url) == (
            result.outcome,
            result.status_code,
            result.body,
            result.final_url,
        )


def test_feed_validators_replay_from_warc(tmp_path: Path, server: LocalServer, policy: FetchPolicy) -> None:
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>x</title><link>{server.url("/story")}</link></item></channel></rss>""".encode()
    server.routes["/feed.xml"] = lambda h: send(h, 200, rss, {"Content-Type": "application/rss+xml", "ETag": '"f1"'})
    archive = WarcArchive(tmp_path, "feeds")

    async def main():
        async with make_client(policy) as client:
            return await poll_feeds([Source("S", (server.url("/feed.xml"),))], {}, client, policy, archive=archive)

    cands, _states = asyncio.run(main())
    archive.close()
    assert [c.url for c in cands] == [server.url("/story")]
    transport = WarcTransport(*archive.paths)
    cands2, states2 = poll_sync([Source("S", (server.url("/feed.xml"),))], {}, FetchPolicy(), transport)
    assert cands2 == cands and states2[0].etag == '"f1"'
    known = {s.feed_url: s for s in states2}
    _, states3 = poll_sync([Source("S", (server.url("/feed.xml"),))], known, FetchPolicy(), transport)
    assert states3[0].last_status == 304


def test_truncated_tail_is_tolerated(tmp_path: Path, server: LocalServer, policy: FetchPolicy) -> None:
    cands = _serve(server)
    archive = WarcArchive(tmp_path, "killed")
    fetch_sync(cands, policy, archive=archive)
    archive.close()
    path = archive.paths[0]
    data = path.read_bytes()
    path.write_bytes(data[:-40])  # a run killed mid-record
    urls = [r.url for r in iter_warc([path])]
    assert server.url("/story") in urls


def test_rotation_and_rerun_never_overwrite(tmp_path: Path, server: LocalServer, policy: FetchPolicy) -> None:
    cands = _serve(server)
    small = WarcArchive(tmp_path, "r", max_file_bytes=1)
    fetch_sync(cands, policy, archive=small)
    small.close()
    assert len(small.paths) >= 4 and len(set(small.paths)) == len(small.paths)
    again = WarcArchive(tmp_path, "r")
    fetch_sync(cands[:1], policy, archive=again)
    again.close()
    assert again.paths[0] not in small.paths
    assert again.paths[0].name == f"r-{len(small.paths)}.warc.gz"

"""The fetcher against real local servers: every fault ends as the right FetchResult outcome."""

from __future__ import annotations

import dataclasses
import gzip
import threading
import time
import tracemalloc
import zlib
from http.server import BaseHTTPRequestHandler

from ingest_servers import InFlight, LocalServer, html, page, send

from ceasefire.records import OUTCOMES, Candidate, FetchResult
from ingest.fetch import fetch_sync
from ingest.policy import USER_AGENT, FetchPolicy


def one(server: LocalServer, path: str, policy: FetchPolicy) -> FetchResult:
    [result] = fetch_sync([Candidate(url=server.url(path), source="Test")], policy)
    assert result.outcome in OUTCOMES
    return result


def test_ok_page_with_metadata(server: LocalServer, policy: FetchPolicy) -> None:
    server.routes["/a"] = page("alpha")
    result = one(server, "/a", policy)
    assert result.outcome == "ok"
    assert result.status_code == 200 and result.attempts == 1
    assert result.body == html("alpha") and result.bytes == len(html("alpha"))
    assert result.content_type == "text/html; charset=utf-8"
    assert result.fetched_at is not None and result.fetched_at.utcoffset().total_seconds() == 0
    assert result.final_url == server.url("/a") and result.error is None
    request = next(r for r in server.log if r.path == "/a")
    assert request.headers["user-agent"] == USER_AGENT == "ceasefire/0.1 (+https://github.com/ceasefire-news/ceasefire)"


def test_404_is_http_error_without_retry(server: LocalServer, policy: FetchPolicy) -> None:
    result = one(server, "/missing", policy)
    assert (result.outcome, result.status_code, result.attempts, result.body) == ("http_error", 404, 1, None)
    assert "404" in (result.error or "")
    assert server.paths().count("/missing") == 1


def test_500_then_success_is_retried(server: LocalServer, policy: FetchPolicy) -> None:
    calls = []

    def flaky(h: BaseHTTPRequestHandler) -> None:
        calls.append(1)
        if len(calls) < 3:
            send(h, 500, b"oops")
        else:
            page("finally")(h)

    server.routes["/flaky"] = flaky
    result = one(server, "/flaky", policy)
    assert (result.outcome, result.attempts, result.status_code) == ("ok", 3, 200)
    assert result.body == html("finally")


def test_500_forever_gives_up_after_retries(server: LocalServer, policy: FetchPolicy) -> None:
    server.routes["/down"] = lambda h: send(h, 503, b"down")
    result = one(server, "/down", dataclasses.replace(policy, retries=2))
    assert (result.outcome, result.status_code, result.attempts) == ("http_error", 503, 3)
    assert server.paths().count("/down") == 3


def test_429_retry_after_is_honoured(server: LocalServer, policy: FetchPolicy) -> None:
    stamps: list[float] = []

    def limited(h: BaseHTTPRequestHandler) -> None:
        stamps.append(time.monotonic())
        if len(stamps) == 1:
            send(h, 429, b"slow down", {"Retry-After": "1"})
        else:
            page("ok")(h)

    server.routes["/limited"] = limited
    result = one(server, "/limited", policy)
    assert (result.outcome, result.attempts) == ("ok", 2)
    assert stamps[1] - stamps[0] >= 0.95


def test_retry_after_is_capped(server: LocalServer, policy: FetchPolicy) -> None:
    calls = []

    def limited(h: BaseHTTPRequestHandler) -> None:
        calls.append(1)
        if len(calls) == 1:
            send(h, 503, b"", {"Retry-After": "3600"})
        else:
            page("ok")(h)

    server.routes["/capped"] = limited
    start = time.monotonic()
    result = one(server, "/capped", dataclasses.replace(policy, retry_after_cap=0.3))
    assert result.outcome == "ok" and result.attempts == 2
    assert time.monotonic() - start < 3


def test_slow_body_times_out(server: LocalServer, policy: FetchPolicy) -> None:
    def stalls(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        h.wfile.write(b"<html>")
        h.wfile.flush()
        time.sleep(2)

    server.routes["/stall"] = stalls
    start = time.monotonic()
    result = one(server, "/stall", dataclasses.replace(policy, read_timeout=0.3, retries=1))
    assert (result.outcome, result.attempts) == ("timeout", 2)
    assert time.monotonic() - start < 2.5


def test_trickling_body_hits_total_timeout(server: LocalServer, policy: FetchPolicy) -> None:
    def trickle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "1000")
        h.end_headers()
        for _ in range(1000):
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(0.05)

    server.routes["/trickle"] = trickle
    start = time.monotonic()
    # Each byte arrives well within the read timeout; only the total budget can stop this.
    result = one(server, "/trickle", dataclasses.replace(policy, read_timeout=1, total_timeout=0.8, retries=0))
    assert result.outcome == "timeout"
    assert time.monotonic() - start < 2


def test_redirects_are_followed_by_hand(server: LocalServer, policy: FetchPolicy) -> None:
    server.routes["/old"] = lambda h: send(h, 301, b"", {"Location": "/mid"})
    server.routes["/mid"] = lambda h: send(h, 302, b"", {"Location": server.url("/new")})
    server.routes["/new"] = page("new home")
    result = one(server, "/old", policy)
    assert result.outcome == "ok" and result.final_url == server.url("/new")
    assert result.url == server.url("/old") and result.body == html("new home")


def test_redirect_loop(server: LocalServer, policy: FetchPolicy) -> None:
    server.routes["/a"] = lambda h: send(h, 302, b"", {"Location": "/b"})
    server.routes["/b"] = lambda h: send(h, 302, b"", {"Location": "/a?utm_source=loop"})
    result = one(server, "/a", policy)
    assert result.outcome == "redirect_loop"
    assert server.paths().count("/a") == 1 and server.paths().count("/b") == 1


def test_too_many_redirects(server: LocalServer, policy: FetchPolicy) -> None:
    for i in range(10):
        server.routes[f"/r{i}"] = lambda h, i=i: send(h, 307, b"", {"Location": f"/r{i + 1}"})
    result = one(server, "/r0", dataclasses.replace(policy, max_redirects=3))
    assert result.outcome == "redirect_loop" and "more than 3" in (result.error or "")
    assert "/r4" not in server.paths()


def test_non_html_is_refused_without_reading(server: LocalServer, policy: FetchPolicy) -> None:
    server.routes["/doc.pdf"] = lambda h: send(
        h, 200, b"%PDF-1.4" + b"0" * 200_000, {"Content-Type": "application/pdf"}
    )
    result = one(server, "/doc.pdf", policy)
    assert (result.outcome, result.status_code, result.body) == ("not_html", 200, None)
    assert result.content_type == "application/pdf"


def test_cp1252_bytes_and_content_type_kept(server: LocalServer, policy: FetchPolicy) -> None:
    raw = "<html><body><p>\u201cNo deal,\u201d said the envoy \u2013 caf\u00e9</p></body></html>".encode("cp1252")
    server.routes["/win"] = lambda h: send(h, 200, raw, {"Content-Type": "text/html; charset=windows-1252"})
    result = one(server, "/win", policy)
    assert result.outcome == "ok"
    assert result.body == raw  # undecoded: the transform stage decodes with the declared charset
    assert result.content_type == "text/html; charset=windows-1252"


def test_gzip_page_is_decoded(server: LocalServer, policy: FetchPolicy) -> None:
    body = html("compressed " * 500)
    server.routes["/gz"] = lambda h: send(
        h, 200, gzip.compress(body), {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    )
    result = one(server, "/gz", policy)
    assert result.outcome == "ok" and result.body == body and result.bytes == len(body)
    assert "gzip" in next(r for r in server.log if r.path == "/gz").headers["accept-encoding"]


def _gzip_of_zeros(total: int) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1024 * 1024)
    parts = [comp.compress(block) for _ in range(total // len(block))]
    parts.append(comp.flush())
    return b"".join(parts)


def test_gzip_bomb_is_too_large_and_memory_stays_low(server: LocalServer, policy: FetchPolicy) -> None:
    bomb = _gzip_of_zeros(512 * 1024 * 1024)  # 512 MB of zeros in about half a megabyte
    assert len(bomb) < 1024 * 1024
    server.routes["/bomb"] = lambda h: send(h, 200, bomb, {"Content-Type": "text/html", "Content-Encoding": "gzip"})
    cap = 2 * 1024 * 1024
    tracemalloc.start()
    try:
        result = one(server, "/bomb", dataclasses.replace(policy, max_bytes=cap))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.outcome == "too_large" and result.body is None
    assert peak < cap + 8 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_200mb_stream_ends_quickly_as_too_large(server: LocalServer, policy: FetchPolicy) -> None:
    chunk = b"a" * 65536
    total = 200 * 1024 * 1024

    def huge(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(total))
        h.end_headers()
        for _ in range(total // len(chunk)):
            h.wfile.write(chunk)
            server.bytes_sent += len(chunk)

    server.routes["/huge"] = huge
    start = time.monotonic()
    result = one(server, "/huge", policy)  # default cap: 10 MB
    assert result.outcome == "too_large" and result.body is None
    assert time.monotonic() - start < 5
    assert server.bytes_sent < 100 * 1024 * 1024


def test_robots_disallow_means_no_request(server: LocalServer, policy: FetchPolicy) -> None:
    server.routes["/robots.txt"] = lambda h: send(
        h, 200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}
    )
    server.routes["/private/secret"] = page("secret")
    server.routes["/public/news"] = page("news")
    results = fetch_sync(
        [Candidate(server.url("/private/secret"), "Test"), Candidate(server.url("/public/news"), "Test")], policy
    )
    outcomes = {r.url.rsplit("/", 1)[1]: r.outcome for r in results}
    assert outcomes == {"secret": "robots", "news": "ok"}
    assert not any(p.startswith("/private") for p in server.paths())
    assert server.paths().count("/robots.txt") == 1


def test_robots_for_our_agent_and_respect_switch(server: LocalServer, policy: FetchPolicy) -> None:
    server.routes["/robots.txt"] = lambda h: send(
        h, 200, b"User-agent: ceasefire\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    )
    server.routes["/x"] = page("x")
    assert one(server, "/x", policy).outcome == "robots"
    assert one(server, "/x", dataclasses.replace(policy, respect_robots=False)).outcome == "ok"


def test_per_host_concurrency_never_exceeded(server: LocalServer, policy: FetchPolicy) -> None:
    for i in range(12):
        server.routes[f"/p{i}"] = page(f"p{i}", delay=0.15)
    server.routes["/robots.txt"] = lambda h: send(h, 404)
    start = time.monotonic()
    results = fetch_sync([Candidate(server.url(f"/p{i}"), "Test") for i in range(12)], policy)
    elapsed = time.monotonic() - start
    assert [r.outcome for r in results] == ["ok"] * 12
    assert server.in_flight.peak == 2  # the default per-host limit, and it was actually used
    assert elapsed < 12 * 0.15  # yet not sequential


def test_global_limit_across_hosts(server: LocalServer, policy: FetchPolicy) -> None:
    shared = InFlight()
    servers = [LocalServer(f"127.0.0.{i}", in_flight=shared) for i in (3, 4, 5)]
    try:
        cands = []
        for srv in servers:
            for i in range(4):
                srv.routes[f"/p{i}"] = page("p", delay=0.15)
                cands.append(Candidate(srv.url(f"/p{i}"), "Test"))
        limited = dataclasses.replace(
            policy, allow_hosts=tuple(s.hostport for s in servers), max_total=3, respect_robots=False
        )
        results = fetch_sync(cands, limited)
    finally:
        for srv in servers:
            srv.close()
    assert all(r.outcome == "ok" for r in results)
    assert shared.peak == 3


def test_duplicates_within_a_batch(server: LocalServer, policy: FetchPolicy) -> None:
    server.routes["/story"] = page("story")
    server.routes["/alias"] = lambda h: send(h, 301, b"", {"Location": "/story"})
    cands = [
        Candidate(server.url("/story"), "A"),
        Candidate(server.url("/story?utm_source=twitter#top"), "B"),
        Candidate(server.url("/alias"), "C"),
    ]
    results = {r.source: r for r in fetch_sync(cands, policy)}
    assert results["A"].outcome == "ok"
    assert results["B"].outcome == "duplicate" and results["B"].attempts == 0
    assert results["C"].outcome == "duplicate" and results["C"].body is None
    assert server.paths().count("/story") == 2  # A, then C's redirect target; never B


def test_connection_refused_is_network_error(server: LocalServer, policy: FetchPolicy) -> None:
    dead = LocalServer("127.0.0.1")
    url = dead.url("/gone")
    dead.close()
    allowed = dataclasses.replace(policy, allow_hosts=(dead.hostport,), retries=1)
    [result] = fetch_sync([Candidate(url, "Test")], allowed)
    assert (result.outcome, result.attempts) == ("network_error", 2)
    assert result.error and "\n" not in result.error


def test_on_result_called_once_per_candidate(server: LocalServer, policy: FetchPolicy) -> None:
    server.routes["/a"] = page("a")
    seen: list[str] = []
    lock = threading.Lock()

    def collect(result: FetchResult) -> None:
        with lock:
            seen.append(result.outcome)

    results = fetch_sync(
        [Candidate(server.url("/a"), "T"), Candidate(server.url("/b"), "T"), Candidate(server.url("/a#x"), "T")],
        policy,
        on_result=collect,
    )
    assert sorted(seen) == sorted(r.outcome for r in results) == ["duplicate", "http_error", "ok"]

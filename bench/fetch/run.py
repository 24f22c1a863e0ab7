"""Fetch benchmark: our async fetcher vs trafilatura's downloader against a slow local server.

A separate process serves pages from several loopback addresses (127.0.0.11, .12, ...), one threaded HTTP
server per address, each page delayed by a fixed latency between 100 and 300 ms (evenly spread, shuffled
with a fixed seed). The pages are spread over 32 hosts so that our fetcher runs with its production
politeness unchanged: 2 concurrent requests per host, 32 in all, robots.txt checked (each host's robots.txt
answers 404 at once, without the delay, and is fetched inside the timed run). A second run puts every page
on one host with the per-host limit raised to 32, the other honest way to measure raw concurrency.

Ideal wall time = sum of page latencies / 32 (latency x pages / concurrency). It ignores the tail of the
last round, so even a perfect scheduler lands a little above it; the per-host lane bound printed beside it
is the best makespan possible with 2 lanes per host.

trafilatura runs on the same pages in the same run: `fetch_url` sequentially and `buffered_downloads` with
32 threads (no per-host limit, no robots.txt; its SSRF protection switched off because the server is on
loopback). Every fetcher gets one untimed warm-up request (imports, thread pools).

    .venv/bin/python bench/fetch/run.py [--pages 200] [--hosts 32] [--skip-sequential]

Prints a summary and writes bench/results/fetch.json.
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import json
import logging
import multiprocessing as mp
import os
import platform
import random
import resource
import statistics
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from ceasefire.records import Candidate  # noqa: E402
from ingest.client import make_client  # noqa: E402
from ingest.fetch import fetch_all  # noqa: E402
from ingest.policy import FetchPolicy  # noqa: E402

PAGE_BYTES = 30_000


def latencies(pages: int) -> list[float]:
    """Per-page latencies spread evenly over 100-300 ms (mean 200 ms), in a fixed shuffled order."""
    values = [0.1 + 0.2 * k / max(1, pages - 1) for k in range(pages)]
    random.Random(2025).shuffle(values)
    return values


def lane_bound(lat: list[float], lanes: int) -> float:
    """Makespan of greedy scheduling of these latencies on a number of lanes (a floor for any fetcher)."""
    heap = [0.0] * lanes
    for value in lat:
        heapq.heappush(heap, heapq.heappop(heap) + value)
    return max(heap)


def page_body(i: int) -> bytes:
    filler = ("<p>Delegations met again on Tuesday to discuss the terms of a partial truce. </p>\n" * 400)[:PAGE_BYTES]
    return f"<html><head><title>Page {i}</title></head><body><h1>Page {i}</h1>{filler}</body></html>".encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # As production servers do on keep-alive connections (nginx tcp_nodelay): without it, the body written
    # after the headers waits for the client's delayed ACK, adding ~40 ms to every reused connection.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            self._send(404, b"", "text/plain")
            return
        try:
            i = int(self.path.rsplit("/", 1)[1])
            delay = self.server.latencies[i]  # type: ignore[attr-defined]
        except (ValueError, IndexError):
            self._send(404, b"", "text/plain")
            return
        time.sleep(delay)
        self._send(200, page_body(i), "text/html; charset=utf-8")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(hosts: list[str], lat: list[float], conn: object, stop: object) -> None:
    """Server process: one ThreadingHTTPServer per loopback address; reports ports, runs until told to stop."""
    servers = []
    for host in hosts:
        httpd = ThreadingHTTPServer((host, 0), _Handler)
        httpd.latencies = lat  # type: ignore[attr-defined]
        httpd.daemon_threads = True
        httpd.request_queue_size = 128
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
    conn.send([f"{h}:{s.server_address[1]}" for h, s in zip(hosts, servers, strict=True)])  # type: ignore[attr-defined]
    stop.wait()  # type: ignore[attr-defined]
    for httpd in servers:
        httpd.shutdown()


def run_ours(urls: list[str], allow: list[str], warmup: str, max_per_host: int = 2) -> dict:
    # Defaults otherwise: 32 in all, robots.txt honoured, retries and the SSRF guard (loopback allowed).
    policy = FetchPolicy(allow_hosts=tuple(allow), max_per_host=max_per_host)

    async def main(batch: list[str]) -> tuple[float, list]:
        # A fresh client per batch: the timed run fetches every robots.txt and opens every connection itself.
        async with make_client(policy) as client:
            start = time.perf_counter()
            results = await fetch_all([Candidate(u, "bench") for u in batch], client, policy)
            return time.perf_counter() - start, results

    asyncio.run(main([warmup]))  # one-time imports and thread pools, as the trafilatura runs get below
    seconds, results = asyncio.run(main(urls))
    ok = sum(r.outcome == "ok" for r in results)
    return {"seconds": round(seconds, 3), "pages_per_s": round(len(urls) / seconds, 2), "ok": ok}


def _trafilatura_options():
    from trafilatura.settings import Extractor, use_config

    config = use_config()
    config.set("DEFAULT", "SSRF_PROTECTION", "off")
    return config, Extractor(config=config)


def run_trafilatura_sequential(urls: list[str], warmup: str) -> dict:
    from trafilatura.downloads import fetch_url

    config, _ = _trafilatura_options()
    fetch_url(warmup, config=config)
    start = time.perf_counter()
    ok = sum(fetch_url(u, config=config) is not None for u in urls)
    seconds = time.perf_counter() - start
    return {"seconds": round(seconds, 3), "pages_per_s": round(len(urls) / seconds, 2), "ok": ok}


def run_trafilatura_threads(urls: list[str], threads: int, warmup: str) -> dict:
    from trafilatura.downloads import buffered_downloads, fetch_url

    config, options = _trafilatura_options()
    fetch_url(warmup, config=config)
    start = time.perf_counter()
    ok = sum(html is not None for _url, html in buffered_downloads(urls, threads, options=options))
    seconds = time.perf_counter() - start
    return {"threads": threads, "seconds": round(seconds, 3), "pages_per_s": round(len(urls) / seconds, 2), "ok": ok}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--hosts", type=int, default=32)
    parser.add_argument("--skip-sequential", action="store_true", help="skip the slow sequential trafilatura run")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "fetch.json")
    args = parser.parse_args()
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    hosts = [f"127.0.0.{11 + k}" for k in range(args.hosts)]
    lat = latencies(args.pages)
    parent, child = mp.Pipe()
    stop = mp.Event()
    proc = mp.Process(target=serve, args=(hosts, lat, child, stop), daemon=True)
    proc.start()
    hostports: list[str] = parent.recv()
    try:
        urls = [f"http://{hostports[i % len(hostports)]}/page/{i}" for i in range(args.pages)]
        policy = FetchPolicy()
        concurrency = min(policy.max_total, policy.max_per_host * len(hostports))
        ideal = sum(lat) / concurrency
        per_host = [[lat[i] for i in range(args.pages) if i % len(hostports) == h] for h in range(len(hostports))]
        bound = max(lane_bound(values, policy.max_per_host) for values in per_host)
        warmup = f"http://{hostports[0]}/warmup"

        ours = run_ours(urls, hostports, warmup)
        print(f"ours: {ours}", flush=True)
        # The other honest set-up: every page on one host, per-host limit raised to the global one.
        one_host = [f"http://{hostports[0]}/page/{i}" for i in range(args.pages)]
        ours_one_host = run_ours(one_host, hostports, warmup, max_per_host=policy.max_total)
        print(f"ours, one host, max_per_host={policy.max_total}: {ours_one_host}", flush=True)
        threaded = run_trafilatura_threads(urls, concurrency, warmup)
        print(f"trafilatura buffered_downloads: {threaded}", flush=True)
        sequential = None if args.skip_sequential else run_trafilatura_sequential(urls, warmup)
        if sequential:
            print(f"trafilatura fetch_url sequential: {sequential}", flush=True)
    finally:
        stop.set()
        proc.join(5)

    report = {
        "pages": args.pages,
        "hosts": len(hostports),
        "max_per_host": policy.max_per_host,
        "max_total": policy.max_total,
        "concurrency": concurrency,
        "page_bytes": len(page_body(0)),
        "latency_ms": {
            "min": round(min(lat) * 1000),
            "max": round(max(lat) * 1000),
            "mean": round(statistics.fmean(lat) * 1000, 1),
        },
        "ideal_seconds": round(ideal, 3),
        "per_host_lane_bound_seconds": round(bound, 3),
        "ours": ours,
        "ours_one_host_max_per_host_32": ours_one_host,
        "ratio_to_ideal_one_host": round(ours_one_host["seconds"] / ideal, 3),
        "trafilatura_threads": threaded,
        "trafilatura_sequential": sequential,
        "ratio_ours_vs_trafilatura_sequential": (
            round(sequential["seconds"] / ours["seconds"], 2) if sequential else None
        ),
        "ratio_ours_vs_trafilatura_threads": round(threaded["seconds"] / ours["seconds"], 2),
        "ratio_to_ideal": round(ours["seconds"] / ideal, 3),
        "goal": {"faster_than_trafilatura": 3.0, "max_ratio_to_ideal": 1.3},
        "peak_rss_mb_bench_process": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        # Other work on the machine skews wall times: a single event-loop thread loses more to CPU contention
        # than 32 threads do, since the scheduler shares CPU per thread.
        "load_average_1m_at_end": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "cpus": mp.cpu_count(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

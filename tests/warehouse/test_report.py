"""The HTML trend report on a real warehouse, opened in headless Chromium: charts render, hostile text stays text."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import run_cli
from warehouse import db
from warehouse.load import load_run
from warehouse.report import script_json, write_report
from warehouse.staging import write_parquet

HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
HOSTILE_QUOTE = "</script><script>document.title='pwned-quote'</script> & we <b>will</b> not sign"
HOSTILE_SPEAKER = "<b onmouseover=alert(2)>Oksana Hrytsenko</b>"
HOSTILE_EVIDENCE = "Envoys met in Riyadh <svg onload=alert(3)> on Monday."
CHARTS = ("chart-coverage", "chart-events", "chart-speakers", "chart-timeline")
SOURCES = ("Wire", "Daily", "Herald", "Courier")
EVENT_TYPES = ("call", "negotiation", "ceasefire", "ceasefire_violation", "prisoner_exchange")


def _article(i: int, day: dt.date, source: str, title: str, text: str, **kw) -> dict:
    aid = f"a{i:03d}"
    row = {
        "article_id": aid,
        "url": f"https://{source.lower()}.test/{aid}",
        "canonical_url": f"https://{source.lower()}.test/{aid}",
        "source": source,
        "title": title,
        "published_at": dt.datetime.combine(day, dt.time(8 + i % 10)),
        "language": "en",
        "text": text,
        "relevant": True,
        "relevance_score": 0.8,
        "content_hash": aid,
        # unrelated fingerprints (about 32 bits apart): no article is folded as a near-duplicate
        "simhash": int.from_bytes(hashlib.sha256(aid.encode()).digest()[:8], "big", signed=True),
        "fetched_at": dt.datetime.combine(day, dt.time(20)),
        "run_id": "r1",
        "first_run_id": "r1",
    }
    row.update(kw)
    return row


def _quote(aid: str, text: str, body: str, speaker: str | None, n: int = 0) -> dict:
    start = body.index(text)
    return {
        "quote_id": f"{aid}-q{n}",
        "article_id": aid,
        "text": text,
        "speaker": speaker,
        "speaker_id": speaker and re.sub(r"\W+", "_", speaker.lower()).strip("_"),
        "start_char": start,
        "end_char": start + len(text),
        "fragment": False,
        "cue": "said",
        "evidence": text,
        "quote_key": text.lower(),
    }


def _event(aid: str, n: int, kind: str, day: dt.date, evidence: str, body: str) -> dict:
    return {
        "event_id": f"{aid}-e{n}",
        "article_id": aid,
        "event_type": kind,
        "event_date": day,
        "event_date_end": None,
        "actors": ["russia", "ukraine"] if kind != "call" else ["united_states", "russia"],
        "location": "Riyadh",
        "status": "occurred",
        "evidence": evidence,
        "start_char": body.index(evidence),
        "end_char": body.index(evidence) + len(evidence),
        "cameo_code": None,
        "event_key": None,
    }


def build_warehouse(path: Path, staging: Path) -> None:
    """Twelve days of coverage from four outlets with quotes and events, loaded through the real loader."""
    start = dt.date(2025, 3, 10)
    articles, quotes, events, fetches = [], [], [], []
    speakers = ["Ivan Petrenko", "Mara Lindqvist", HOSTILE_SPEAKER, None]
    for i in range(36):
        day = start + dt.timedelta(days=i % 12)
        source = SOURCES[i % len(SOURCES)]
        said = f"The talks in round {i % 5} were useful"
        title = HOSTILE_TITLE if i == 7 else f"Negotiators meet again, day {i % 12}"
        evidence = HOSTILE_EVIDENCE if i == 3 else f"Delegations held a {EVENT_TYPES[i % 5]} round on day {i % 12}."
        body = f"{evidence}\n“{said},” said the official.\n“{HOSTILE_QUOTE},” another added."
        art = _article(i, day, source, title, body)
        if i == 7:
            art["url"] = "javascript:alert(4)//x"
        articles.append(art)
        quotes.append(_quote(art["article_id"], said, body, speakers[i % 4], 0))
        if i % 6 == 0:
            quotes.append(_quote(art["article_id"], HOSTILE_QUOTE, body, speakers[2], 1))
        events.append(_event(art["article_id"], 0, EVENT_TYPES[i % 5], day, evidence, body))
        fetches.append(
            {
                "run_id": "r1",
                "url": art["url"],
                "source": source,
                "outcome": "ok",
                "status_code": 200,
                "fetched_at": art["fetched_at"],
            }
        )
    fetches += [
        {"run_id": "r1", "url": f"https://herald.test/x{n}", "source": "Herald", "outcome": "timeout", "attempts": 3}
        for n in range(6)
    ]
    write_parquet(staging / "articles.parquet", "articles", articles)
    write_parquet(staging / "quotes.parquet", "quotes", quotes)
    write_parquet(staging / "events.parquet", "events", events)
    write_parquet(staging / "fetches-all.parquet", "fetches", fetches)
    with db.writer(str(path)) as con:
        load_run(con, staging, {"run_id": "r1", "logical_date": dt.date(2025, 3, 22)})


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("report")
    build_warehouse(root / "w.duckdb", root / "staging" / "r1")
    return write_report(str(root / "w.duckdb"), root / "out" / "report.html")


# ------------------------------------------------------------------ the HTML itself


def test_untrusted_text_is_escaped_in_tables_and_chart_data(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    for hostile in (HOSTILE_TITLE, HOSTILE_QUOTE, HOSTILE_SPEAKER, HOSTILE_EVIDENCE, "<svg onload", "<b onmouseover"):
        assert hostile not in page
    # tables show the text, escaped
    assert "&lt;/script&gt;&lt;script&gt;document.title=&#x27;pwned-quote&#x27;&lt;/script&gt; &amp; we" in page
    assert "Envoys met in Riyadh &lt;svg onload=alert(3)&gt; on Monday." in page
    assert "<td>&lt;img src=x onerror=alert(1)&gt;</td>" in page  # shown, and not linked to its javascript: URL
    assert "javascript:" not in re.sub(r'<script charset="utf-8">.*?</script>', "", page, flags=re.S)
    # every closing script tag closes an opening one: the data never ends a script element early
    assert page.count("</script>") == page.count("<script")
    assert "pwned-quote" in page
    for block in re.findall(r"<script>(Plotly\.newPlot.*?)</script>", page, flags=re.S):
        assert "<" not in block and ">" not in block.replace("=>", "")
    assert page.count("Plotly.newPlot(") == len(CHARTS)
    # plotly.js is embedded exactly once: the page works offline without duplicating the library
    assert page.count("* plotly.js v") == 1
    assert re.findall(r"<script[^>]*\bsrc=|<link[^>]*\bhref=", page) == []


def test_script_json_cannot_close_a_script_element() -> None:
    encoded = script_json({"t": "</script><!-- & \u2028"})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded and "\u2028" not in encoded
    assert json.loads(encoded) == {"t": "</script><!-- & \u2028"}


def test_header_has_totals_date_range_and_generation_time(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert "2025-03-10 to 2025-03-21" in page
    assert re.search(r"<b>36</b><span>relevant articles", page)
    assert re.search(r"<b>4</b><span>outlets", page)
    assert re.search(r"Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC", page)
    # the outlet with failing fetches is listed first in the health table
    health = page[page.index("Fetch health") :]
    assert health.index("Herald") < health.index("Wire") and "timeout" in health


def test_empty_warehouse_says_no_data_yet(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    with db.writer(str(path)):
        pass
    out = write_report(str(path), tmp_path / "r.html")
    page = out.read_text(encoding="utf-8")
    assert "No data yet" in page and "Plotly" not in page


def test_cli_writes_the_report(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    build_warehouse(path, tmp_path / "staging" / "r1")
    out = tmp_path / "cli" / "report.html"
    done = run_cli("report", "--out", str(out), "--warehouse", str(path), timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    assert out.read_text(encoding="utf-8").count("Plotly.newPlot(") == len(CHARTS)


def test_missing_warehouse_is_one_line_error(tmp_path: Path) -> None:
    done = run_cli("report", "--out", str(tmp_path / "r.html"), "--warehouse", str(tmp_path / "nope.duckdb"))
    assert done.returncode != 0
    assert "not found" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "r.html").exists()


# ------------------------------------------------------------------ in a real browser


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("headless Chromium is not installed (apt-get install -y chromium)")


def _browse(page: Path, tmp: Path, *extra: str) -> subprocess.CompletedProcess:
    args = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp / 'profile'}",
        "--window-size=1280,2000",
        "--virtual-time-budget=5000",
        *extra,
        page.as_uri(),
    ]
    env = {**os.environ, "HOME": str(tmp)}
    return subprocess.run(args, capture_output=True, text=True, timeout=120, env=env)


class _ChartFinder(HTMLParser):
    """Which chart containers hold plotly's rendered SVG, and every element name seen."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.rendered: set[str] = set()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        self.tags.append((tag, attr))
        chart = attr.get("id") if (attr.get("id") or "").startswith("chart-") else None
        if "main-svg" in (attr.get("class") or "").split():
            self.rendered.update(c for _, c in self.stack if c)
        if tag not in ("img", "br", "input", "meta", "link", "hr", "wbr", "path", "rect", "line", "circle"):
            self.stack.append((tag, chart))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            name, _ = self.stack.pop()
            if name == tag:
                break


@pytest.fixture(scope="module")
def browsed(report: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    tmp = tmp_path_factory.mktemp("chromium")
    done = _browse(report, tmp, "--dump-dom", "--enable-logging=stderr", "--v=0")
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, done.stderr


def test_every_chart_renders_in_chromium(browsed: tuple[str, str]) -> None:
    dom, _ = browsed
    finder = _ChartFinder()
    finder.feed(dom)
    assert finder.rendered >= set(CHARTS)


def test_page_logs_no_console_errors(browsed: tuple[str, str]) -> None:
    _, log = browsed
    console = [line for line in log.splitlines() if ":CONSOLE" in line]
    assert console == []
    assert "Uncaught" not in log


def test_hostile_text_creates_no_elements(browsed: tuple[str, str]) -> None:
    dom, _ = browsed
    finder = _ChartFinder()
    finder.feed(dom)
    assert not [t for t, _ in finder.tags if t in ("img", "iframe", "object", "embed")]
    handlers = [(t, a) for t, a in finder.tags for k in a if k.startswith("on")]
    assert handlers == []
    assert "<title>pwned-quote</title>" not in dom and "<title>Ceasefire coverage report</title>" in dom
    # the hostile title and speaker are shown as text: in the table and on the speakers chart's axis
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom
    assert "Oksana Hrytsenko" in dom


def test_screenshot_is_not_blank(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    done = _browse(report, tmp_path, f"--screenshot={shot}")
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    width, height, pixels = read_png(shot.read_bytes())
    assert (width, height) == (1280, 2000)
    colours = {pixels[i : i + 3] for i in range(0, len(pixels), 3 * 7)}
    assert len(colours) > 50  # text, bars in several colours, anti-aliasing: far from a blank page
    white = sum(1 for i in range(0, len(pixels), 3 * 101) if pixels[i : i + 3] == b"\xff\xff\xff")
    assert white < 0.95 * (len(pixels) // (3 * 101))


def read_png(data: bytes) -> tuple[int, int, bytes]:
    """Decode an 8-bit RGB/RGBA PNG to (width, height, RGB bytes): enough for a screenshot, stdlib only."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(idat)), width * bpp
    prev, out = bytearray(stride), bytearray()
    for y in range(height):
        kind, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        _unfilter(kind, row, prev, bpp)
        out += row if bpp == 3 else bytes(b for i, b in enumerate(row) if i % 4 != 3)
        prev = row
    return width, height, bytes(out)


def _unfilter(kind: int, row: bytearray, prev: bytearray, bpp: int) -> None:
    if kind == 0:
        return
    if kind == 2:
        row[:] = bytes((a + b) & 0xFF for a, b in zip(row, prev, strict=True))
        return
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        up, corner = prev[i], prev[i - bpp] if i >= bpp else 0
        if kind == 1:
            pred = left
        elif kind == 3:
            pred = (left + up) >> 1
        else:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
        row[i] = (row[i] + pred) & 0xFF

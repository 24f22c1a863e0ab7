"""Throughput of the full page extraction (process_page) against bare trafilatura.extract on the same pages.

Pages: every .html under sample/sites (the bundled offline sample) plus tests/fixtures/layouts, repeated to
about --pages pages. Both extractors run in the same process, interleaved over several rounds, and the
best round of each counts (the least disturbed by other load on the machine). If the `ceasefire` console
script is installed, the CLI (`ceasefire extract FILE...`) is timed too, against a subprocess running bare
trafilatura over the same files, so both pay interpreter start-up.

    .venv/bin/python bench/extract/run.py [--pages 300] [--rounds 3] [--out bench/results/extract.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from ceasefire.config import load_gazetteer, read_yaml  # noqa: E402
from ceasefire.errors import ExtractionError  # noqa: E402
from transform.dedup import simhash  # noqa: E402
from transform.events import find_events  # noqa: E402
from transform.extract import decode_html, extract  # noqa: E402
from transform.language import detect_language  # noqa: E402
from transform.page import process_page  # noqa: E402
from transform.quotes import find_quotes  # noqa: E402
from transform.relevance import TopicProfile, score  # noqa: E402

Page = tuple[Path, bytes, str, str | None]


def collect(pages: int) -> list[Page]:
    """(path, body, url, content_type) for the sample sites and layout fixtures, repeated to `pages`."""
    found: list[Page] = []
    sites = ROOT / "sample" / "sites"
    for path in sorted(sites.rglob("*.htm*")) if sites.is_dir() else []:
        rel = path.relative_to(sites)
        found.append((path, path.read_bytes(), f"https://{rel.parts[0]}/{'/'.join(rel.parts[1:])}", None))
    for path in sorted((ROOT / "tests" / "fixtures" / "layouts").glob("*.html")):
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        found.append((path, path.read_bytes(), meta["url"], meta.get("content_type")))
    if not found:
        raise SystemExit("no pages found under sample/sites or tests/fixtures/layouts")
    return [found[i % len(found)] for i in range(max(pages, len(found)))]


def time_bare(pages: list[Page]) -> float:
    """Seconds for bare trafilatura.extract over the pages."""
    start = time.perf_counter()
    for _, body, url, _ in pages:
        trafilatura.extract(body, url=url)
    return time.perf_counter() - start


def time_full(pages: list[Page], profile: TopicProfile, gazetteer) -> tuple[float, int]:
    """Seconds for process_page over the pages, and how many raised ExtractionError."""
    failed = 0
    start = time.perf_counter()
    for _, body, url, content_type in pages:
        try:
            process_page(body, url, profile=profile, gazetteer=gazetteer, content_type=content_type)
        except ExtractionError:
            failed += 1
    return time.perf_counter() - start, failed


def breakdown(pages: list[Page], profile: TopicProfile, gazetteer) -> dict[str, float]:
    """Milliseconds per page of each stage of process_page, timed separately (events on relevant pages only)."""
    totals = dict.fromkeys(("extract", "language", "relevance", "simhash", "quotes", "events"), 0.0)

    def timed(stage: str, func, *args):
        start = time.perf_counter()
        value = func(*args)
        totals[stage] += time.perf_counter() - start
        return value

    for _, body, url, content_type in pages:
        page = timed("extract", lambda b, u, c: extract(decode_html(b, c), u), body, url, content_type)
        if page is None:
            continue
        timed("language", detect_language, page.text, page.html_lang)
        _, relevant = timed("relevance", score, page.title, page.text, profile)
        timed("simhash", simhash, page.text)
        timed("quotes", find_quotes, page.text, gazetteer)
        if relevant:
            day = page.published_at.date() if page.published_at else None
            timed("events", find_events, page.text, day, gazetteer)
    return {stage: round(1000 * seconds / len(pages), 3) for stage, seconds in totals.items()}


def time_cli(pages: list[Page]) -> dict[str, float] | None:
    """pages/s of `ceasefire extract` and of a bare-trafilatura subprocess over the same unique files."""
    exe = shutil.which("ceasefire", path=str(ROOT / ".venv" / "bin"))
    if exe is None:
        return None
    files = [str(p) for p in dict.fromkeys(p for p, *_ in pages)]
    repeat = max(1, len(pages) // len(files))
    argv = files * repeat
    start = time.perf_counter()
    done = subprocess.run([exe, "extract", *argv], capture_output=True, text=True, cwd=ROOT)
    cli = time.perf_counter() - start
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}  # type: ignore[dict-item]
    script = "import sys, trafilatura\nfor f in sys.argv[1:]:\n    trafilatura.extract(open(f, 'rb').read())\n"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", script, *argv], check=True, cwd=ROOT)
    bare = time.perf_counter() - start
    return {
        "pages": len(argv),
        "cli_pages_per_s": round(len(argv) / cli, 1),
        "bare_subprocess_pages_per_s": round(len(argv) / bare, 1),
        "ratio": round(cli / bare, 3),
    }


def main() -> None:
    """Run the benchmark, print a summary, write the JSON result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "extract.json")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI measurement")
    args = parser.parse_args()

    profile = TopicProfile.from_dict(read_yaml(ROOT / "config" / "topic.yaml"))
    gazetteer = load_gazetteer(ROOT / "config")
    pages = collect(args.pages)
    unique = len({p for p, *_ in pages})
    # Warm-up: imports, language model, regex compilation, lxml/htmldate caches on both sides.
    time_bare(pages[:unique])
    time_full(pages[:unique], profile, gazetteer)

    bare_runs, full_runs, failed = [], [], 0
    for _ in range(args.rounds):
        bare_runs.append(time_bare(pages))
        seconds, failed = time_full(pages, profile, gazetteer)
        full_runs.append(seconds)
    bare, full = min(bare_runs), min(full_runs)
    result = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "trafilatura": trafilatura.__version__,
        "pages": len(pages),
        "unique_pages": unique,
        "rounds": args.rounds,
        "bare_trafilatura_pages_per_s": round(len(pages) / bare, 1),
        "process_page_pages_per_s": round(len(pages) / full, 1),
        "ratio": round(full / bare, 3),
        "extraction_errors": failed,
        "all_rounds_s": {"bare": [round(x, 3) for x in bare_runs], "full": [round(x, 3) for x in full_runs]},
    }
    result["bare_ms_per_page"] = round(1000 * bare / len(pages), 3)
    result["stage_ms_per_page"] = breakdown(pages, profile, gazetteer)
    if not args.no_cli:
        result["cli"] = time_cli(pages)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"{len(pages)} pages ({unique} unique): bare trafilatura {result['bare_trafilatura_pages_per_s']} pages/s, "
        f"process_page {result['process_page_pages_per_s']} pages/s, ratio {result['ratio']}x"
    )
    print(f"bare trafilatura {result['bare_ms_per_page']} ms/page; stages (ms/page): {result['stage_ms_per_page']}")
    if result.get("cli"):
        print(f"CLI: {result['cli']}")
    print(f"written {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()

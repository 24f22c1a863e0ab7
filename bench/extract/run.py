"""Throughput of the full page extraction (process_page) against bare trafilatura.extract on the same pages.

Pages: every .html under sample/sites (the bundled offline sample) plus tests/fixtures/layouts, repeated to
about --pages pages. Both sides get the same undecoded bytes (trafilatura.extract decodes them itself,
process_page through decode_html with the response's Content-Type). They run in the same process, in
alternating order over several rounds, so load on a shared machine hits both alike; each side's best round
counts, in wall time and in CPU time of this process (the CPU ratio is the one other processes disturb
least). The per-stage breakdown follows process_page step by step. If the `ceasefire` console script is
installed, the CLI (`ceasefire extract FILE...`) is timed too, against one subprocess running bare
trafilatura over the same files, so both pay interpreter start-up once.

    .venv/bin/python bench/extract/run.py [--pages 300] [--rounds 5] [--out bench/results/extract.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
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
from transform.relevance import TopicProfile, score, words  # noqa: E402

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


def time_bare(pages: list[Page]) -> tuple[float, float]:
    """(wall, CPU) seconds for bare trafilatura.extract over the pages."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _, body, url, _ in pages:
        trafilatura.extract(body, url=url)
    return time.perf_counter() - wall, time.process_time() - cpu


def time_full(pages: list[Page], profile: TopicProfile, gazetteer) -> tuple[float, float, int]:
    """(wall, CPU) seconds for process_page over the pages, and how many raised ExtractionError."""
    failed = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for _, body, url, content_type in pages:
        try:
            process_page(body, url, profile=profile, gazetteer=gazetteer, content_type=content_type)
        except ExtractionError:
            failed += 1
    return time.perf_counter() - wall, time.process_time() - cpu, failed


def breakdown(pages: list[Page], profile: TopicProfile, gazetteer, rounds: int) -> dict[str, float]:
    """CPU milliseconds per page of each step of process_page, best of `rounds` (events: relevant pages only).

    Bare trafilatura.extract runs on each page right beside process_page's steps (alternating which goes
    first), so its figure ("bare") saw the same machine load as theirs.
    """
    stages = ("bare", "extract", "language", "words", "relevance", "simhash", "quotes", "events")
    best = dict.fromkeys(stages, float("inf"))
    for _ in range(rounds):
        totals = dict.fromkeys(stages, 0.0)

        def timed(stage: str, func, *args, **kwargs):
            start = time.process_time()
            value = func(*args, **kwargs)
            totals[stage] += time.process_time() - start  # noqa: B023 -- consumed within the round
            return value

        for i, (_, body, url, content_type) in enumerate(pages):
            if i % 2:
                timed("bare", trafilatura.extract, body, url=url)
            page = timed("extract", lambda b, u, c: extract(decode_html(b, c), u), body, url, content_type)
            if page is None:
                continue
            timed("language", detect_language, page.text, page.html_lang)
            text_words = timed("words", words, page.text)
            _, relevant = timed("relevance", score, page.title, page.text, profile, text_words=text_words)
            timed("simhash", simhash, page.text, text_words=text_words)
            timed("quotes", find_quotes, page.text, gazetteer)
            if relevant:
                day = page.published_at.date() if page.published_at else None
                timed("events", find_events, page.text, day, gazetteer)
            if not i % 2:
                timed("bare", trafilatura.extract, body, url=url)
        best = {stage: min(best[stage], seconds) for stage, seconds in totals.items()}
    return {stage: round(1000 * seconds / len(pages), 3) for stage, seconds in best.items()}


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_cli(pages: list[Page], rounds: int) -> dict[str, float] | None:
    """pages/s of `ceasefire extract` and of a bare-trafilatura subprocess over the same files (best of rounds)."""
    exe = shutil.which("ceasefire", path=str(ROOT / ".venv" / "bin"))
    if exe is None:
        return None
    files = [str(p) for p in dict.fromkeys(p for p, *_ in pages)]
    repeat = max(1, len(pages) // len(files))
    argv = files * repeat
    # Both print their output, so both pay for writing it.
    script = "import sys, trafilatura\nfor f in sys.argv[1:]:\n    print(trafilatura.extract(open(f, 'rb').read()))\n"
    commands = {"cli": [exe, "extract", *argv], "bare": [sys.executable, "-c", script, *argv]}
    wall = dict.fromkeys(commands, float("inf"))
    cpu = dict.fromkeys(commands, float("inf"))
    for _ in range(rounds):
        for name, command in commands.items():
            start, start_cpu = time.perf_counter(), _child_cpu()
            done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
            wall[name] = min(wall[name], time.perf_counter() - start)
            cpu[name] = min(cpu[name], _child_cpu() - start_cpu)
            if done.returncode != 0:
                return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}  # type: ignore[dict-item]
    return {
        "pages": len(argv),
        "cli_pages_per_s": round(len(argv) / wall["cli"], 1),
        "bare_subprocess_pages_per_s": round(len(argv) / wall["bare"], 1),
        "ratio": round(wall["cli"] / wall["bare"], 3),
        "cpu_ratio": round(cpu["cli"] / cpu["bare"], 3),
    }


def main() -> None:
    """Run the benchmark, print a summary, write the JSON result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
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
    for i in range(args.rounds):
        # Alternating order: neither side always runs right after the other has warmed the caches.
        if i % 2:
            *full_run, failed = time_full(pages, profile, gazetteer)
            bare_runs.append(time_bare(pages))
        else:
            bare_runs.append(time_bare(pages))
            *full_run, failed = time_full(pages, profile, gazetteer)
        full_runs.append(tuple(full_run))
    bare = min(wall for wall, _ in bare_runs)
    full = min(wall for wall, _ in full_runs)
    bare_cpu = min(cpu for _, cpu in bare_runs)
    full_cpu = min(cpu for _, cpu in full_runs)
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
        "cpu_ratio": round(full_cpu / bare_cpu, 3),
        "extraction_errors": failed,
        "all_rounds_wall_s": {"bare": [round(w, 3) for w, _ in bare_runs], "full": [round(w, 3) for w, _ in full_runs]},
        "all_rounds_cpu_s": {"bare": [round(c, 3) for _, c in bare_runs], "full": [round(c, 3) for _, c in full_runs]},
    }
    result["bare_ms_per_page"] = round(1000 * bare / len(pages), 3)
    result["bare_cpu_ms_per_page"] = round(1000 * bare_cpu / len(pages), 3)
    stages = breakdown(pages, profile, gazetteer, args.rounds)
    result["stage_cpu_ms_per_page"] = stages
    core = sum(v for k, v in stages.items() if k not in ("bare", "quotes", "events"))
    result["core_stages_cpu_ms_per_page"] = round(core, 3)
    result["core_ratio"] = round(core / stages["bare"], 3)
    result["stages_ratio"] = round((core + stages["quotes"] + stages["events"]) / stages["bare"], 3)
    if not args.no_cli:
        result["cli"] = time_cli(pages, max(1, args.rounds // 2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"{len(pages)} pages ({unique} unique): bare trafilatura {result['bare_trafilatura_pages_per_s']} pages/s, "
        f"process_page {result['process_page_pages_per_s']} pages/s, ratio {result['ratio']}x "
        f"(CPU {result['cpu_ratio']}x)"
    )
    print(
        f"stages (CPU ms/page, bare = trafilatura.extract beside them): {stages}; all stages "
        f"{result['stages_ratio']}x bare, without quotes/events {result['core_stages_cpu_ms_per_page']} ms = "
        f"{result['core_ratio']}x"
    )
    if result.get("cli"):
        print(f"CLI: {result['cli']}")
    print(f"written {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()

"""Throughput of the full page extraction (process_page) against bare trafilatura.extract on the same pages.

Two corpora, each timed on its own. Lean: every .html under sample/sites (the bundled offline sample) plus
tests/fixtures/layouts, repeated to about --pages pages (5–10 KB each). Publisher-weight: the same pages
dressed in the chrome of a real news site (bench/extract/chrome.py: head scripts and JSON, mega-menu, teaser
rails, comments, footer; 110–200 KB each, as real article pages are), with a check that text, relevance,
quotes and events come out the same as on the lean page.

Both sides get the same undecoded bytes (trafilatura.extract decodes them itself, process_page through
decode_html with the response's Content-Type). They run in the same process, in alternating order over
several rounds, so load on a shared machine hits both alike; each side's best round counts, in wall time and
in CPU time of this process (the CPU ratio is the one other processes disturb least). trafilatura's fast mode
(no fallback extractors) is timed too, as the stricter baseline. The per-stage breakdown follows
process_page step by step. If the `ceasefire` console script is installed, the CLI (`ceasefire extract
FILE...`) is timed too, against one subprocess running bare trafilatura over the same files, so both pay
interpreter start-up once.

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
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import trafilatura  # noqa: E402
from chrome import dress  # noqa: E402

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


def time_bare(pages: list[Page], fast: bool = False) -> tuple[float, float]:
    """(wall, CPU) seconds for bare trafilatura.extract over the pages (`fast`: its fast mode, no fallback)."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _, body, url, _ in pages:
        trafilatura.extract(body, url=url, fast=fast)
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


def dressed(pages: list[Page], folder: Path) -> list[Page]:
    """The same pages in publisher chrome (bench/extract/chrome.py), also written under `folder` for the CLI."""
    out: list[Page] = []
    made: dict[Path, Path] = {}
    for path, body, url, content_type in pages:
        if path not in made:
            made[path] = folder / f"{len(made):03d}-{path.parent.name}-{path.name}"
            made[path].write_bytes(dress(body, len(made)))
        out.append((made[path], made[path].read_bytes(), url, content_type))
    return out


def same_records(lean: list[Page], heavy: list[Page], profile: TopicProfile, gazetteer) -> tuple[int, int]:
    """(pages whose text, relevance, quotes and events come out the same in chrome, unique pages)."""
    same, seen = 0, set()
    for (path, body, url, ctype), (_, dressed_body, *_) in zip(lean, heavy, strict=True):
        if path in seen:
            continue
        seen.add(path)
        records = []
        for page in (body, dressed_body):
            try:
                done = process_page(page, url, profile=profile, gazetteer=gazetteer, content_type=ctype)
            except ExtractionError:
                records.append(None)
                continue
            records.append((done.text, done.relevant, [q.text for q in done.quotes], [e.type for e in done.events]))
        same += records[0] == records[1]
    return same, len(seen)


def measure(pages: list[Page], profile: TopicProfile, gazetteer, rounds: int, cli: bool) -> dict:
    """Whole-page and per-stage figures of process_page against bare trafilatura on `pages`."""
    unique = len({p for p, *_ in pages})
    # Warm-up: imports, language model, regex compilation, lxml/htmldate caches on both sides.
    time_bare(pages[:unique])
    time_full(pages[:unique], profile, gazetteer)

    bare_runs, fast_runs, full_runs, failed = [], [], [], 0
    for i in range(rounds):
        # Alternating order: neither side always runs right after the other has warmed the caches.
        if i % 2:
            *full_run, failed = time_full(pages, profile, gazetteer)
            bare_runs.append(time_bare(pages))
        else:
            bare_runs.append(time_bare(pages))
            *full_run, failed = time_full(pages, profile, gazetteer)
        full_runs.append(tuple(full_run))
        fast_runs.append(time_bare(pages, fast=True))
    bare = min(wall for wall, _ in bare_runs)
    full = min(wall for wall, _ in full_runs)
    bare_cpu = min(cpu for _, cpu in bare_runs)
    full_cpu = min(cpu for _, cpu in full_runs)
    sizes = sorted(len(body) for _, body, *_ in pages)
    result = {
        "pages": len(pages),
        "unique_pages": unique,
        "median_page_bytes": sizes[len(sizes) // 2],
        "bare_trafilatura_pages_per_s": round(len(pages) / bare, 1),
        "process_page_pages_per_s": round(len(pages) / full, 1),
        "ratio": round(full / bare, 3),
        "cpu_ratio": round(full_cpu / bare_cpu, 3),
        # the stricter baseline: trafilatura in its fast mode, which skips the fallback extractors
        "fast_trafilatura_pages_per_s": round(len(pages) / min(wall for wall, _ in fast_runs), 1),
        "cpu_ratio_to_fast": round(full_cpu / min(cpu for _, cpu in fast_runs), 3),
        "extraction_errors": failed,
        "all_rounds_wall_s": {"bare": [round(w, 3) for w, _ in bare_runs], "full": [round(w, 3) for w, _ in full_runs]},
        "all_rounds_cpu_s": {"bare": [round(c, 3) for _, c in bare_runs], "full": [round(c, 3) for _, c in full_runs]},
        "bare_ms_per_page": round(1000 * bare / len(pages), 3),
        "bare_cpu_ms_per_page": round(1000 * bare_cpu / len(pages), 3),
    }
    stages = breakdown(pages, profile, gazetteer, rounds)
    result["stage_cpu_ms_per_page"] = stages
    core = sum(v for k, v in stages.items() if k not in ("bare", "quotes", "events"))
    result["core_stages_cpu_ms_per_page"] = round(core, 3)
    result["core_ratio"] = round(core / stages["bare"], 3)
    result["stages_ratio"] = round((core + stages["quotes"] + stages["events"]) / stages["bare"], 3)
    if cli:
        result["cli"] = time_cli(pages, max(1, rounds // 2))
    return result


def report(name: str, result: dict) -> None:
    """Print one corpus's summary."""
    stages = result["stage_cpu_ms_per_page"]
    print(
        f"{name}: {result['pages']} pages ({result['unique_pages']} unique, median {result['median_page_bytes']} B): "
        f"bare trafilatura {result['bare_trafilatura_pages_per_s']} pages/s, process_page "
        f"{result['process_page_pages_per_s']} pages/s, ratio {result['ratio']}x (CPU {result['cpu_ratio']}x); "
        f"trafilatura fast mode {result['fast_trafilatura_pages_per_s']} pages/s, CPU ratio to it "
        f"{result['cpu_ratio_to_fast']}x"
    )
    print(
        f"  stages (CPU ms/page, bare = trafilatura.extract beside them): {stages}; all stages "
        f"{result['stages_ratio']}x bare, without quotes/events {result['core_stages_cpu_ms_per_page']} ms = "
        f"{result['core_ratio']}x"
    )
    if result.get("cli"):
        print(f"  CLI: {result['cli']}")


def main() -> None:
    """Run the benchmark on lean and publisher-weight pages, print a summary, write the JSON result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "extract.json")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI measurement")
    args = parser.parse_args()

    profile = TopicProfile.from_dict(read_yaml(ROOT / "config" / "topic.yaml"))
    gazetteer = load_gazetteer(ROOT / "config")
    lean = collect(args.pages)
    result: dict = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "trafilatura": trafilatura.__version__,
        "rounds": args.rounds,
        "lean": measure(lean, profile, gazetteer, args.rounds, not args.no_cli),
    }
    report("lean", result["lean"])
    with tempfile.TemporaryDirectory(prefix="ceasefire-bench-") as folder:
        heavy = dressed(lean, Path(folder))
        same, unique = same_records(lean, heavy, profile, gazetteer)
        result["publisher"] = measure(heavy, profile, gazetteer, args.rounds, not args.no_cli)
    result["publisher"]["records_same_as_lean"] = f"{same}/{unique}"
    report("publisher", result["publisher"])
    print(f"  text, relevance, quotes and events the same as on the lean page: {same}/{unique}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()

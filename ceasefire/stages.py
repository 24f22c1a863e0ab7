"""The pipeline's stage functions: discover, fetch, transform, load, check. The CLI and the DAGs call these.

Stages hand over through files, never through memory, so each can run in its own Airflow task or worker:
discover writes the candidate list, fetch appends raw responses to WARC files and a fetch log, transform
reads the run's WARC records and stages Parquet, and load merges the staged run into the warehouse in one
transaction. Feed state and "already fetched" marks travel with the run and are committed by the same load.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import shutil
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ceasefire.config import Settings, load_gazetteer, load_sources, read_yaml
from ceasefire.errors import ConfigError, ExtractionError, WarehouseError, WarehouseLockedError
from ceasefire.records import Candidate, FeedState, FetchResult, Source

# Outcomes after which a URL is not tried again on later runs; others (timeouts, 5xx) are retried.
FINAL_OUTCOMES = ("ok", "not_html", "too_large", "robots", "blocked_private", "redirect_loop", "duplicate")
DEFAULT_LOOKBACK_DAYS = 2

Progress = Callable[[str, int], Callable[[], None]]
"""A progress factory: called with a description and a total, returns the function to call per item."""


def _no_progress(_description: str, _total: int) -> Callable[[], None]:
    return lambda: None


def new_run_id(logical_date: dt.date, prefix: str = "cli") -> str:
    """A unique, filesystem-safe run id for a run of `logical_date`."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    return safe_id(f"{prefix}-{logical_date.isoformat()}-{stamp}")


def safe_id(text: str) -> str:
    """Reduce any run id (Airflow's include '+' and ':') to [A-Za-z0-9._-]."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_")


def run_dir(settings: Settings, run_id: str) -> Path:
    """The staging folder of a run."""
    return settings.staging_dir / run_id


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "source"


# --------------------------------------------------------------------------------------------- discover


def _warehouse_state(settings: Settings) -> tuple[dict[str, FeedState], set[str]]:
    """Stored feed states and URLs not to fetch again; empty for a new warehouse."""
    from warehouse.db import lock_timeout, reader

    target = settings.warehouse
    if not target.startswith("ducklake:") and not Path(target).exists():
        return {}, set()
    with reader(target, wait=lock_timeout()) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "feeds" not in tables:
            return {}, set()
        states = {
            r[0]: FeedState(*r)
            for r in con.execute(
                "SELECT feed_url, source, etag, last_modified, last_polled_at, last_status, last_error FROM feeds"
            ).fetchall()
        }
        placeholders = ", ".join("?" * len(FINAL_OUTCOMES))
        seen = {
            r[0]
            for r in con.execute(
                "SELECT canonical_url FROM articles UNION SELECT url FROM articles UNION "
                f"SELECT url FROM fetches WHERE outcome IN ({placeholders}) "
                "OR (outcome = 'http_error' AND status_code BETWEEN 400 AND 499)",
                list(FINAL_OUTCOMES),
            ).fetchall()
        }
    return states, seen


def discover(
    settings: Settings,
    run_id: str,
    logical_date: dt.date,
    since: dt.date | None = None,
    transport: Any = None,
) -> dict[str, Any]:
    """Poll every feed (conditional GET), keep new items published in [since, logical_date], stage them."""
    from ingest.client import make_client
    from ingest.discover import poll_feeds, select_candidates
    from warehouse.staging import record_rows, write_json, write_parquet

    archived = getattr(transport, "candidates", None)  # a replayed WARC lists its own pages
    # Replaying a WARC without an explicit feeds file takes the archive's pages, not the live outlets' feeds.
    sources = [] if archived and settings.feeds is None else load_sources(settings.feeds_path)
    since = since or logical_date - dt.timedelta(days=DEFAULT_LOOKBACK_DAYS - 1)
    states, seen = _warehouse_state(settings)
    policy = _policy(settings, sources)

    async def _poll() -> tuple[list[Candidate], list[FeedState]]:
        async with make_client(policy, transport) as client:
            return await poll_feeds(sources, states, client, policy)

    candidates, feed_states = asyncio.run(_poll())
    if archived:
        known = {c.url for c in candidates}
        candidates += [c for c in archived() if c.url not in known]
    chosen = select_candidates(candidates, seen, since, logical_date)
    # A feed holding unseen items outside this run's window (a backfill polls feeds after the fact, a late
    # run follows an earlier one) must not be marked read: without its ETag/Last-Modified the next run for
    # another window polls it in full and finds those items.
    deferred = {
        c.feed_url
        for c in candidates
        if c.published and not since <= c.published.date() <= logical_date and c.url not in seen
    }
    for state in feed_states:
        if state.feed_url in deferred:
            state.etag = state.last_modified = None
    rdir = run_dir(settings, run_id)
    write_parquet(rdir / "feeds.parquet", "feeds", record_rows(feed_states))
    meta = {
        "run_id": run_id,
        "logical_date": logical_date.isoformat(),
        "window_start": since.isoformat(),
        "started_at": dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(),
        "feeds_polled": len(feed_states),
        "feeds_failed": sum(1 for f in feed_states if f.last_error),
        "candidates": len(chosen),
    }
    write_json(rdir / "run.json", meta)
    write_json(rdir / "candidates.json", [asdict(c) for c in chosen])
    by_source: dict[str, int] = {}
    for cand in chosen:
        by_source[cand.source] = by_source.get(cand.source, 0) + 1
    return {**meta, "sources": sorted(by_source), "by_source": by_source}


# ------------------------------------------------------------------------------------------------ fetch


def _read_candidates(rdir: Path) -> list[Candidate]:
    from warehouse.staging import read_json

    path = rdir / "candidates.json"
    if not path.exists():
        raise WarehouseError(f"run {rdir.name} has no candidates staged (run discover first)")
    out = []
    for row in read_json(path):
        published = dt.datetime.fromisoformat(row["published"]) if row.get("published") else None
        out.append(Candidate(row["url"], row["source"], row.get("feed_url"), row.get("title"), published))
    return out


def fetch(
    settings: Settings,
    run_id: str,
    source: str | None = None,
    transport: Any = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Fetch the run's candidates (one source, or all), archive responses as WARC, stage the fetch log."""
    from ingest.archive import WarcArchive
    from ingest.client import make_client
    from ingest.fetch import fetch_all
    from warehouse.staging import write_parquet

    rdir = run_dir(settings, run_id)
    candidates = [c for c in _read_candidates(rdir) if source is None or c.source == source]
    tag = _slug(source) if source else "all"
    policy = _policy(settings)
    tick = (progress or _no_progress)(f"fetch {source or 'all sources'}", len(candidates))

    async def _fetch() -> list[FetchResult]:
        archive = WarcArchive(settings.raw_dir, f"{run_id}-{tag}")
        try:
            async with make_client(policy, transport) as client:
                return await fetch_all(candidates, client, policy, archive, on_result=lambda _r: tick())
        finally:
            archive.close()

    results = asyncio.run(_fetch()) if candidates else []
    rows = []
    for r in results:
        row = asdict(r)
        for key in ("body", "content_type", "feed_title", "feed_published"):
            row.pop(key, None)
        rows.append({**row, "run_id": run_id})
    write_parquet(rdir / f"fetches-{tag}.parquet", "fetches", rows)
    counts: dict[str, int] = {}
    for r in results:
        counts[r.outcome] = counts.get(r.outcome, 0) + 1
    return counts


def _policy(settings: Settings, sources: list[Source] | None = None):
    """The fetch policy: allowed hosts from settings, per-source politeness from the feeds file."""
    from ingest.policy import FetchPolicy

    policy = FetchPolicy(allow_hosts=settings.allow_hosts)
    return policy.with_sources(sources if sources is not None else load_sources(settings.feeds_path))


# -------------------------------------------------------------------------------------------- transform


def load_profile(settings: Settings):
    """The topic profile (config/topic.yaml or CEASEFIRE_TOPIC) as a TopicProfile."""
    from transform.relevance import TopicProfile

    try:
        return TopicProfile.from_dict(read_yaml(settings.topic_path))
    except (ValueError, TypeError, KeyError) as exc:
        raise ConfigError(f"{settings.topic_path}: {exc}") from None


def _run_warcs(settings: Settings, run_id: str) -> list[Path]:
    return sorted(settings.raw_dir.glob(f"*/*/*/{run_id}-*.warc.gz"))


def transform(settings: Settings, run_id: str, progress: Progress | None = None) -> dict[str, int]:
    """Extract every page the run fetched (read back from its WARC files) and stage articles, quotes, events."""
    from ingest.archive import iter_warc
    from warehouse.staging import read_rows, staged_files

    rdir = run_dir(settings, run_id)
    fetched = {}
    for path in staged_files(rdir, "fetches"):
        for row in read_rows(path):
            if row["outcome"] == "ok":
                fetched[row["final_url"] or row["url"]] = row
    feed_meta = {c.url: c for c in _read_candidates(rdir)} if (rdir / "candidates.json").exists() else {}
    pages: dict[str, FetchResult] = {}
    for rec in iter_warc(_run_warcs(settings, run_id)):
        final = rec.final_url or rec.url
        row = fetched.get(final)
        if row is None or rec.status_code != 200:
            continue  # robots.txt, redirects, failed attempts before a retry succeeded
        cand = feed_meta.get(row["url"])
        rec.source = row["source"]
        rec.final_url = final
        rec.url = row["url"]
        if cand is not None:
            rec.feed_title, rec.feed_published = cand.title, cand.published
        pages[rec.final_url] = rec  # the last 200 response for a URL wins
    return extract_records(list(pages.values()), settings, run_id, progress)


def extract_records(
    records: list[FetchResult],
    settings: Settings,
    run_id: str,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Turn fetched pages into staged article, quote and event rows for `run_id`."""
    from transform.page import process_page
    from transform.quotes import quote_key
    from warehouse.staging import write_parquet

    profile = load_profile(settings)
    gazetteer = load_gazetteer(settings.config_dir)
    tick = (progress or _no_progress)("extract", len(records))
    articles, quotes, events = [], [], []
    failed = 0
    seen_ids: set[str] = set()
    for rec in records:
        tick()
        try:
            art = process_page(
                rec.body or b"",
                rec.final_url or rec.url,
                profile=profile,
                gazetteer=gazetteer,
                source=rec.source,
                content_type=rec.content_type,
                fetched_at=rec.fetched_at,
                feed_title=rec.feed_title,
                feed_published=rec.feed_published,
            )
        except ExtractionError:
            failed += 1
            continue
        if art.article_id in seen_ids:  # two feed URLs that lead to one canonical page
            continue
        seen_ids.add(art.article_id)
        article = _article_row(art, run_id)
        its_quotes = [_quote_row(art.article_id, q, quote_key(q.text)) for q in art.quotes]
        its_events = list(
            {row["event_id"]: row for row in (_event_row(art.article_id, e) for e in art.events)}.values()
        )
        article["extract_hash"] = _extract_hash(article, its_quotes, its_events)
        articles.append(article)
        quotes += its_quotes
        events += its_events  # one sentence may name the same event twice: event ids are unique above
    rdir = run_dir(settings, run_id)
    write_parquet(rdir / "articles.parquet", "articles", articles)
    write_parquet(rdir / "quotes.parquet", "quotes", quotes)
    write_parquet(rdir / "events.parquet", "events", events)
    return {
        "pages": len(records),
        "articles": len(articles),
        "relevant": sum(1 for a in articles if a["relevant"]),
        "quotes": len(quotes),
        "events": len(events),
        "extract_failed": failed,
    }


def _hash(*parts: Any) -> str:
    import hashlib

    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


def _extract_hash(article: dict[str, Any], quotes: list[dict], events: list[dict]) -> str:
    """Fingerprint of what extraction produced, independent of when and by which run it was fetched."""
    import hashlib
    import json

    stable = {k: v for k, v in article.items() if k not in ("run_id", "first_run_id", "fetched_at", "extract_hash")}
    doc = json.dumps([stable, quotes, events], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(doc.encode()).hexdigest()[:32]


def _article_row(art, run_id: str) -> dict[str, Any]:
    row = {k: v for k, v in asdict(art).items() if k not in ("quotes", "events")}
    row.update(run_id=run_id, first_run_id=run_id)
    return row


def _quote_row(article_id: str, q, key: str) -> dict[str, Any]:
    return {
        "quote_id": _hash(article_id, q.start, q.end),
        "article_id": article_id,
        "text": q.text,
        "speaker": q.speaker,
        "speaker_id": q.speaker_id,
        "start_char": q.start,
        "end_char": q.end,
        "fragment": q.fragment,
        "cue": q.cue,
        "evidence": q.evidence,
        "quote_key": key,
    }


def _event_row(article_id: str, e) -> dict[str, Any]:
    return {
        "event_id": _hash(
            article_id, e.type, e.start, e.end, e.date, e.date_end, ",".join(e.actors), e.location, e.status
        ),
        "article_id": article_id,
        "event_type": e.type,
        "event_date": e.date,
        "event_date_end": e.date_end,
        "actors": list(e.actors),
        "location": e.location,
        "status": e.status,
        "evidence": e.evidence,
        "start_char": e.start,
        "end_char": e.end,
        "cameo_code": e.cameo_code,
        "event_key": None,
    }


# ------------------------------------------------------------------------------------------ load, check


LOADED_MARK = "_LOADED"


def load(settings: Settings, run_id: str, wait: float | None = None) -> dict[str, int]:
    """Merge the staged run into the warehouse in one transaction (the only writer)."""
    from warehouse.db import writer
    from warehouse.load import load_run, refresh_search_index
    from warehouse.staging import read_json, read_rows, staged_files

    rdir = run_dir(settings, run_id)
    if not (rdir / "articles.parquet").exists():
        raise WarehouseError(f"run {run_id} has nothing staged to load (transform has not run)")
    meta = read_json(rdir / "run.json") if (rdir / "run.json").exists() else {"run_id": run_id}
    outcomes = [r["outcome"] for path in staged_files(rdir, "fetches") for r in read_rows(path)]
    run_row = {
        **meta,
        "run_id": run_id,
        "fetched_ok": outcomes.count("ok"),
        "fetch_failed": sum(1 for o in outcomes if o not in ("ok", "not_modified", "duplicate")),
        "finished_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
    }
    try:
        with writer(settings.warehouse, wait=wait) as con:
            counts = load_run(con, rdir, run_row)
            refresh_search_index(con)
    except WarehouseLockedError as exc:
        raise WarehouseLockedError(f"{exc}; run {run_id} stays staged and `ceasefire load` loads it") from None
    (rdir / LOADED_MARK).write_text(dt.datetime.now(dt.UTC).isoformat(), encoding="utf-8")
    return counts


def pending_runs(settings: Settings) -> list[str]:
    """Staged runs whose load never committed (oldest first), e.g. after a lock timeout or a crash."""
    if not settings.staging_dir.exists():
        return []
    out = []
    for rdir in sorted(settings.staging_dir.iterdir(), key=lambda p: p.stat().st_mtime):
        if (rdir / "articles.parquet").exists() and not (rdir / LOADED_MARK).exists():
            out.append(rdir.name)
    return out


def check(settings: Settings, run_id: str | None = None) -> list[str]:
    """Run the data-quality assertions, record the outcome on the run, raise CheckError on any problem."""
    from ceasefire.errors import CheckError
    from warehouse.checks import run_checks
    from warehouse.db import writer
    from warehouse.load import set_run_status

    with writer(settings.warehouse) as con:
        problems = [str(p) for p in run_checks(con, run_id)]
        if run_id is not None:
            set_run_status(con, run_id, "failed" if problems else "checked", "; ".join(problems) or None)
    if problems:
        raise CheckError("data-quality checks failed: " + "; ".join(problems))
    cleanup_staging(settings)
    return problems


def cleanup_staging(settings: Settings, keep: int = 14) -> None:
    """Remove the staging folders of loaded runs beyond the newest `keep` (the WARC archive stays)."""
    loaded = [p for p in settings.staging_dir.glob("*") if (p / LOADED_MARK).exists()]
    for old in sorted(loaded, key=lambda p: p.stat().st_mtime)[:-keep] if keep else loaded:
        shutil.rmtree(old, ignore_errors=True)


# ----------------------------------------------------------------------------------------- whole runs


def run_all(
    settings: Settings,
    logical_date: dt.date,
    since: dt.date | None = None,
    transport: Any = None,
    progress: Progress | None = None,
    run_id: str | None = None,
) -> dict[str, Any]:
    """One daily run outside Airflow: discover, fetch, transform, load, check."""
    run_id = run_id or new_run_id(logical_date)
    for pending in pending_runs(settings):
        load(settings, pending)
    found = discover(settings, run_id, logical_date, since, transport)
    fetched = fetch(settings, run_id, None, transport, progress)
    extracted = transform(settings, run_id, progress)
    loaded = load(settings, run_id)
    check(settings, run_id)
    return {
        "run_id": run_id,
        "feeds": found["feeds_polled"],
        "feeds_failed": found["feeds_failed"],
        "candidates": found["candidates"],
        "fetches": fetched,
        **{k: v for k, v in extracted.items() if k != "pages"},
        "duplicates": loaded["duplicates"],
    }


def reprocess(settings: Settings, since: dt.date, until: dt.date, progress: Progress | None = None) -> dict[str, Any]:
    """Re-extract pages archived between `since` and `until` (fetch dates) with the current extractor; no network."""
    from ingest.archive import iter_warc, warc_files
    from warehouse.db import reader

    files = warc_files(settings.raw_dir, since, until)
    origin: dict[str, tuple[str, str | None]] = {}
    if Path(settings.warehouse).exists() or settings.warehouse.startswith("ducklake:"):
        with reader(settings.warehouse) as con:
            for url, final_url, source in con.execute(
                "SELECT url, final_url, source FROM fetches WHERE outcome = 'ok'"
            ).fetchall():
                origin[final_url or url] = (url, source)
    pages: dict[str, FetchResult] = {}
    for rec in iter_warc(files):
        if rec.status_code != 200 or "html" not in (rec.content_type or "").lower():
            continue
        final = rec.final_url or rec.url
        url, source = origin.get(final, (rec.url, None))
        rec.final_url, rec.url, rec.source = final, url, source
        pages[rec.final_url] = rec
    run_id = new_run_id(until, prefix="reprocess")
    from warehouse.staging import write_json

    write_json(
        run_dir(settings, run_id) / "run.json",
        {
            "run_id": run_id,
            "logical_date": until.isoformat(),
            "window_start": since.isoformat(),
            "started_at": dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(),
            "feeds_polled": 0,
            "feeds_failed": 0,
            "candidates": len(pages),
        },
    )
    extracted = extract_records(list(pages.values()), settings, run_id, progress)
    load(settings, run_id)
    check(settings, run_id)
    return {"run_id": run_id, "warc_files": len(files), **extracted}

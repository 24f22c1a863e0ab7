"""The single writer: merge one staged run into the warehouse in one transaction."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from ceasefire.errors import WarehouseError
from transform.dedup import assign_duplicates
from transform.linking import EventMention, link_events
from warehouse.backends import is_conflict, is_lake, retry_on_conflict, rollback
from warehouse.staging import staged_files

# How far apart (days) two copies of a story may be published and still be checked as near-duplicates.
DUPLICATE_WINDOW_DAYS = 7


def _stage_view(con: duckdb.DuckDBPyConnection, run_dir: Path, table: str, where: str = "") -> None:
    files = staged_files(run_dir, table)
    if files:
        listing = ", ".join(f"'{f}'" for f in files)
        con.execute(f"CREATE OR REPLACE TEMP TABLE stg_{table} AS SELECT * FROM read_parquet([{listing}]) {where}")
    else:
        con.execute(f"CREATE OR REPLACE TEMP TABLE stg_{table} AS SELECT * FROM {table} WHERE false")


def _temp_map(con: duckdb.DuckDBPyConnection, name: str, key: str, value: str, mapping: dict[str, str]) -> None:
    """A two-column temp table from a dict, passed as one JSON parameter (row-by-row inserts are slow)."""
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {name} AS "
        f"SELECT unnest(from_json(?, '[\"VARCHAR\"]')) AS {key}, unnest(from_json(?, '[\"VARCHAR\"]')) AS {value}",
        [json.dumps(list(mapping)), json.dumps(list(mapping.values()))],
    )


def _assign_duplicates(con: duckdb.DuckDBPyConnection) -> int:
    # First copy = earliest published. A date-only timestamp (midnight) says "some time that day", so on the
    # same day a copy with an exact time is taken as the earlier one.
    staged = con.execute(
        "SELECT article_id, simhash, published_at FROM stg_articles "
        "ORDER BY CAST(published_at AS DATE) NULLS LAST, CAST(published_at AS TIME) = TIME '00:00:00', "
        "published_at, fetched_at, article_id"
    ).fetchall()
    if not staged:
        return 0
    dates = [p for _, _, p in staged if p is not None]
    lo = min(dates) - dt.timedelta(days=DUPLICATE_WINDOW_DAYS) if dates else dt.datetime.min
    hi = max(dates) + dt.timedelta(days=DUPLICATE_WINDOW_DAYS) if dates else dt.datetime.max
    existing = con.execute(
        "SELECT article_id, simhash FROM articles "
        "WHERE duplicate_of IS NULL AND simhash IS NOT NULL "
        "AND article_id NOT IN (SELECT article_id FROM stg_articles) "
        "AND (published_at IS NULL OR published_at BETWEEN ? AND ?) "
        "ORDER BY published_at NULLS LAST, article_id",
        [lo, hi],
    ).fetchall()
    dups = assign_duplicates([(a, s or 0) for a, s, _ in staged], [(a, s) for a, s in existing])
    con.execute("UPDATE stg_articles SET duplicate_of = NULL")
    if dups:
        _temp_map(con, "dup_map", "article_id", "duplicate_of", dups)
        con.execute(
            "UPDATE stg_articles SET duplicate_of = dup_map.duplicate_of FROM dup_map "
            "WHERE stg_articles.article_id = dup_map.article_id"
        )
    return len(dups)


def _link_events(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT event_id, event_type, event_date, actors, location FROM stg_events").fetchall()
    if not rows:
        return
    new = [EventMention(r[0], r[1], r[2], tuple(r[3] or ()), r[4]) for r in rows]
    dated = [m.event_date for m in new if m.event_date]
    existing: list[EventMention] = []
    if dated:
        lo, hi = min(dated) - dt.timedelta(days=1), max(dated) + dt.timedelta(days=1)
        existing = [
            EventMention(r[0], r[1], r[2], tuple(r[3] or ()), r[4], r[5])
            for r in con.execute(
                "SELECT event_id, event_type, event_date, actors, location, event_key FROM events "
                "WHERE event_date BETWEEN ? AND ? AND article_id NOT IN (SELECT article_id FROM stg_articles) "
                "ORDER BY event_date, event_id",
                [lo, hi],
            ).fetchall()
        ]
    keys = link_events(new, existing)
    _temp_map(con, "key_map", "event_id", "event_key", keys)
    con.execute(
        "UPDATE stg_events SET event_key = key_map.event_key FROM key_map WHERE stg_events.event_id = key_map.event_id"
    )


def load_run(con: duckdb.DuckDBPyConnection, run_dir: Path, run_row: dict[str, Any]) -> dict[str, int]:
    """Merge the staged run in `run_dir` into the warehouse in one transaction; return row counts.

    On DuckLake, concurrent loads may collide (a commit is refused when another transaction changed the same
    table); the whole merge is then re-run on the newer snapshot. To keep loads of new articles insert-only
    (never a conflict), the feed states and the runs row follow in a second, small transaction: a crash
    between the two leaves the articles stored and their feeds not yet marked read, so nothing is lost.
    """
    lake = is_lake(con)
    counts = retry_on_conflict(lambda: _merge_run(con, run_dir, run_row, lake), f"load of {run_dir.name}")
    if lake:
        retry_on_conflict(lambda: _merge_bookkeeping(con, run_dir, run_row, counts), f"load of {run_dir.name}")
    return counts


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection, failure: str) -> Iterator[None]:
    """One transaction: committed on success, rolled back on any error; DuckLake conflicts pass through to retry."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException as exc:
        rollback(con)
        if isinstance(exc, duckdb.Error) and not is_conflict(exc):
            raise WarehouseError(f"{failure}: {exc}") from None
        raise


def _merge_run(con: duckdb.DuckDBPyConnection, run_dir: Path, run_row: dict[str, Any], lake: bool) -> dict[str, int]:
    with _transaction(con, f"load of {run_dir.name} failed and was rolled back"):
        _stage_view(con, run_dir, "articles")
        _drop_unchanged(con)
        # Quotes and events of unchanged articles are never read: a re-run of a loaded day stays cheap.
        changed = con.execute("SELECT count(*) FROM stg_articles").fetchone()[0]
        for table in ("quotes", "events"):
            if changed:
                _stage_view(con, run_dir, table, "WHERE article_id NOT IN (SELECT article_id FROM unchanged)")
            else:
                con.execute(f"CREATE OR REPLACE TEMP TABLE stg_{table} AS SELECT * FROM {table} WHERE false")
        for table in ("fetches", "feeds"):
            _stage_view(con, run_dir, table)
        duplicates = _assign_duplicates(con)
        con.execute(
            "MERGE INTO articles AS t USING stg_articles AS s ON t.article_id = s.article_id "
            "WHEN MATCHED THEN UPDATE SET url = s.url, canonical_url = s.canonical_url, source = s.source, "
            "title = s.title, author = s.author, published_at = s.published_at, language = s.language, "
            "text = s.text, relevant = s.relevant, relevance_score = s.relevance_score, "
            "content_hash = s.content_hash, simhash = s.simhash, duplicate_of = s.duplicate_of, "
            "fetched_at = s.fetched_at, run_id = s.run_id, extract_hash = s.extract_hash "
            "WHEN NOT MATCHED THEN INSERT BY NAME"
        )
        # A re-extracted article replaces its quotes and events wholesale.
        for table in ("quotes", "events"):
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM stg_articles)")
        _link_events(con)
        con.execute("INSERT INTO quotes BY NAME SELECT * FROM stg_quotes")
        con.execute("INSERT INTO events BY NAME SELECT * FROM stg_events")
        con.execute("DELETE FROM fetches WHERE run_id IN (SELECT DISTINCT run_id FROM stg_fetches)")
        con.execute("INSERT INTO fetches BY NAME SELECT * FROM stg_fetches")
        counts = {
            "articles": con.execute("SELECT count(*) FROM stg_articles").fetchone()[0],
            "relevant": con.execute("SELECT count(*) FROM stg_articles WHERE relevant").fetchone()[0],
            "duplicates": duplicates,
            "quotes": con.execute("SELECT count(*) FROM stg_quotes").fetchone()[0],
            "events": con.execute("SELECT count(*) FROM stg_events").fetchone()[0],
            "fetches": con.execute("SELECT count(*) FROM stg_fetches").fetchone()[0],
        }
        if lake:
            from warehouse.fulltext import index_staged

            index_staged(con)  # the lake's BM25 postings commit with their articles
        else:
            _merge_feeds(con)
            _upsert_run(con, _run_record(run_row, counts))
    return counts


def _drop_unchanged(con: duckdb.DuckDBPyConnection) -> None:
    """Leave out staged articles whose extraction is identical to the stored one (a re-run of a loaded day)."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE unchanged AS SELECT s.article_id FROM stg_articles AS s "
        "JOIN articles AS t ON t.article_id = s.article_id "
        "WHERE s.extract_hash IS NOT NULL AND t.extract_hash = s.extract_hash"
    )
    con.execute("DELETE FROM stg_articles WHERE article_id IN (SELECT article_id FROM unchanged)")


def _merge_feeds(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "MERGE INTO feeds AS t USING stg_feeds AS s ON t.feed_url = s.feed_url "
        "WHEN MATCHED THEN UPDATE WHEN NOT MATCHED THEN INSERT BY NAME"
    )


def _run_record(run_row: dict[str, Any], counts: dict[str, int]) -> dict[str, Any]:
    return {**run_row, **{k: v for k, v in counts.items() if k != "fetches"}, "status": "loaded"}


def _merge_bookkeeping(
    con: duckdb.DuckDBPyConnection, run_dir: Path, run_row: dict[str, Any], counts: dict[str, int]
) -> None:
    """DuckLake's second transaction: feed states (conditional-GET marks) and the runs row."""
    with _transaction(con, f"load of {run_dir.name} failed to record its feeds and run"):
        _stage_view(con, run_dir, "feeds")
        _merge_feeds(con)
        _upsert_run(con, _run_record(run_row, counts))


def _upsert_run(con: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> None:
    cols = [r[0] for r in con.execute("DESCRIBE runs").fetchall()]
    values = [row.get(c) for c in cols]
    con.execute("DELETE FROM runs WHERE run_id = ?", [row["run_id"]])
    con.execute(f"INSERT INTO runs ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", values)


def set_run_status(con: duckdb.DuckDBPyConnection, run_id: str, status: str, error: str | None = None) -> None:
    """Record the outcome of the checks (or a failure) on a loaded run."""
    retry_on_conflict(
        lambda: con.execute(
            "UPDATE runs SET status = ?, error = ?, finished_at = now()::TIMESTAMP WHERE run_id = ?",
            [status, error, run_id],
        ),
        f"recording the status of run {run_id}",
    )


def refresh_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the BM25 full-text index over article titles and text, and the search_articles macro.

    A DuckLake catalog cannot hold the fts index; its term tables are kept current by each load
    (warehouse.fulltext), so there is nothing to rebuild.
    """
    from warehouse.extensions import load_extension

    if is_lake(con):
        return

    load_extension(con, "fts")
    con.execute("PRAGMA create_fts_index('articles', 'article_id', 'title', 'text', overwrite = 1)")
    con.execute(
        "CREATE OR REPLACE MACRO search_articles(q) AS TABLE "
        "SELECT * FROM (SELECT fts_main_articles.match_bm25(article_id, q) AS score, article_id, published_at, "
        "source, title, url, relevant FROM articles) WHERE score IS NOT NULL ORDER BY score DESC"
    )

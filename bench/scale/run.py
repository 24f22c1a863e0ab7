"""Scale bench: a year of synthetic coverage loaded by parallel writers into DuckLake vs one writer into a file.

    .venv/bin/python bench/scale/run.py [--articles 1000000] [--writers 4] [--runs-per-writer 12]

Stages `writers x runs-per-writer` runs of synthetic articles (one source group per writer, a year of
publication dates, ~70 words of text from a 6,000-word vocabulary, one quote per article, one event per 20),
then loads them twice with the real loader (warehouse.load.load_run, which also maintains the lake's BM25
term tables): by `writers` processes in parallel into a DuckLake catalog on PostgreSQL (a fresh database
`ceasefire_bench_<random>`, dropped at the end), and by one process into a DuckDB file (plus its fts index,
built once at the end: a per-load rebuild costs the same at this size). Then times the trend views and
full-text search on both. Writes bench/results/scale.json. PostgreSQL from CEASEFIRE_BENCH_PG
(default `host=127.0.0.1 port=5432 user=postgres`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import platform
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from warehouse import db  # noqa: E402
from warehouse.extensions import load_extension  # noqa: E402
from warehouse.staging import _schema_connection  # noqa: E402

PG = os.environ.get("CEASEFIRE_BENCH_PG", "host=127.0.0.1 port=5432 user=postgres")
VIEWS = ("daily_coverage", "events_by_type_daily", "top_speakers", "event_timeline", "quote_spread")
QUERIES = ("truce violation", "prisoner exchange istanbul", "energy infrastructure strikes")
TOPIC = ["truce", "ceasefire", "violation", "prisoner", "exchange", "istanbul", "energy", "infrastructure",
         "strikes", "talks", "delegation", "kremlin", "envoy", "sanctions", "drone", "memorandum"]  # fmt: skip


def stage_runs(root: Path, articles: int, writers: int, runs_per_writer: int) -> list[list[Path]]:
    """Synthetic staged runs, generated in SQL straight to Parquet with the warehouse schema."""
    con = _schema_connection()
    per_run = articles // (writers * runs_per_writer)
    con.execute("SELECT setseed(0.42)")
    # 6,000 pseudo-words with a Zipf-like frequency skew, plus topic words that make searches selective
    con.execute(
        "CREATE TABLE vocab AS SELECT row_number() OVER () - 1 AS i, w FROM ("
        "SELECT unnest(?::VARCHAR[]) AS w UNION ALL "
        "SELECT substr(md5(range::VARCHAR), 1, 3 + range % 6) FROM range(6000))",
        [TOPIC],
    )
    out: list[list[Path]] = []
    for w in range(writers):
        runs = []
        for r in range(runs_per_writer):
            run_id = f"bench-w{w}-r{r:02d}"
            rdir = root / run_id
            rdir.mkdir(parents=True)
            first_day = dt.date(2025, 1, 1) + dt.timedelta(days=r * 365 // runs_per_writer)
            days = max(1, 365 // runs_per_writer)
            con.execute(
                "CREATE OR REPLACE TEMP TABLE txt AS SELECT ? || '-' || range AS article_id, range AS n, "
                "array_to_string(list_transform(range(70), x -> vl[1 + floor(pow(random(), 2.2) * len(vl))::INT]), "
                "' ') "
                "AS text FROM range(?), (SELECT list(w ORDER BY i) AS vl FROM vocab)",
                [run_id, per_run],
            )
            con.execute(
                "INSERT INTO articles BY NAME SELECT article_id, 'http://s' || ? || '.test/' || article_id AS url, "
                "'http://s' || ? || '.test/' || article_id AS canonical_url, 'Source ' || ? AS source, "
                "'Report ' || n AS title, ?::TIMESTAMP + to_days((n % ?)::INT) + to_hours((n % 24)::INT) "
                "AS published_at, 'en' AS language, text, n % 3 <> 0 AS relevant, 0.5 AS relevance_score, "
                "md5(text) AS content_hash, (hash(article_id) >> 1)::BIGINT AS simhash, "
                "?::TIMESTAMP + to_days((n % ?)::INT) AS fetched_at, ? AS run_id, ? AS first_run_id FROM txt",
                [w, w, w, first_day, days, first_day, days, run_id, run_id],
            )
            con.execute(
                "INSERT INTO quotes BY NAME SELECT 'q-' || article_id AS quote_id, article_id, "
                "substr(text, 1, 12) AS text, 'Speaker ' || (simhash % 50) AS speaker, "
                "'sp' || (simhash % 50) AS speaker_id, "
                "0 AS start_char, 12 AS end_char, false AS fragment, 'said' AS cue, "
                "substr(text, 1, 12) AS quote_key FROM articles"
            )
            con.execute(
                "INSERT INTO events BY NAME SELECT 'e-' || article_id AS event_id, article_id, "
                "['call','meeting','attack','ceasefire_violation'][1 + (hash(article_id) % 4)::INT] AS event_type, "
                "CAST(published_at AS DATE) AS event_date, ['ukraine', 'russia'] AS actors, "
                "'occurred' AS status, substr(text, 1, 30) AS evidence, 0 AS start_char, 30 AS end_char "
                "FROM articles WHERE hash(article_id) % 20 = 0"
            )
            con.execute(
                "INSERT INTO fetches BY NAME SELECT run_id, url, source, 'ok' AS outcome, 200 AS status_code, "
                "fetched_at FROM articles"
            )
            con.execute(
                "INSERT INTO feeds BY NAME SELECT 'http://s' || ? || '.test/feed.xml' AS feed_url, "
                "'Source ' || ? AS source, ? AS etag, now()::TIMESTAMP AS last_polled_at",
                [w, w, run_id],
            )
            for table in ("articles", "quotes", "events", "feeds"):
                con.execute(f"COPY {table} TO '{rdir / table}.parquet' (FORMAT parquet)")
            con.execute(f"COPY fetches TO '{rdir / 'fetches-all.parquet'}' (FORMAT parquet)")
            for table in ("articles", "quotes", "events", "fetches", "feeds"):
                con.execute(f"DELETE FROM {table}")
            runs.append(rdir)
        out.append(runs)
    con.close()
    return out


def load_runs(target: str, runs: list[Path], index: bool) -> float:
    """Load runs one after another with the real loader; return seconds spent."""
    from warehouse.load import load_run, refresh_search_index

    started = time.perf_counter()
    with db.writer(target, wait=600) as con:
        for rdir in runs:
            load_run(con, rdir, {"run_id": rdir.name, "logical_date": dt.date(2025, 12, 31)})
        if index:
            refresh_search_index(con)
    return time.perf_counter() - started


def _timed(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        con.execute(sql, params or []).fetchall()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 1)


def read_side(target: str) -> dict:
    """Row counts, trend-view and search latencies (median of 3, milliseconds) on a read-only connection."""
    from warehouse.checks import run_checks

    with db.reader(target) as con:
        load_extension(con, "fts")
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "quotes", "events")}
        views = {v: _timed(con, f"SELECT * FROM {v}") for v in VIEWS}
        search = {
            q: _timed(con, "SELECT article_id, score FROM search_articles(?) ORDER BY score DESC LIMIT 20", [q])
            for q in QUERIES
        }
        top = {
            q: [
                [r[0], round(r[1], 9)]
                for r in con.execute(
                    "SELECT article_id, score FROM search_articles(?) "
                    "ORDER BY round(score, 9) DESC, article_id LIMIT 5",
                    [q],
                ).fetchall()
            ]
            for q in QUERIES
        }
        problems = [str(p) for p in run_checks(con)]
    return {"counts": counts, "views_ms": views, "search_ms": search, "search_top": top, "check_problems": problems}


def machine() -> dict:
    """CPU, memory and versions of what the bench ran on."""
    model = ""
    if Path("/proc/cpuinfo").exists():
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30 if hasattr(os, "sysconf") else None
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gib": round(mem, 1) if mem else None,
        "load_average_at_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "platform": platform.platform(),
    }


def _pg(sql: str) -> None:
    con = duckdb.connect()
    load_extension(con, "postgres_scanner")
    con.execute(f"ATTACH 'dbname=postgres {PG} connect_timeout=5' AS pg (TYPE postgres)")
    con.execute("CALL postgres_execute('pg', ?, use_transaction = false)", [sql])
    con.close()


def main() -> None:
    """Run the bench and write the JSON result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--runs-per-writer", type=int, default=12)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scale.json")
    args = parser.parse_args()
    info = machine()
    work = Path(tempfile.mkdtemp(prefix="ceasefire-scale-"))
    pg_db = f"ceasefire_bench_{secrets.token_hex(4)}"
    _pg(f"CREATE DATABASE {pg_db}")
    try:
        started = time.perf_counter()
        groups = stage_runs(work / "staging", args.articles, args.writers, args.runs_per_writer)
        staged = sum(1 for g in groups for _ in g)
        stage_s = time.perf_counter() - started
        lake = f"ducklake:postgres:dbname={pg_db} {PG}?data_path={work / 'lake'}"
        with db.writer(lake):
            pass  # create and migrate the catalog once, before the writers start
        started = time.perf_counter()
        with mp.get_context("spawn").Pool(args.writers) as pool:
            per_writer = pool.starmap(load_runs, [(lake, g, False) for g in groups])
        lake_s = time.perf_counter() - started
        file_target = str(work / "bench.duckdb")
        started = time.perf_counter()
        file_load_s = load_runs(file_target, [r for g in groups for r in g], False)
        with db.writer(file_target) as con:
            from warehouse.load import refresh_search_index

            index_started = time.perf_counter()
            refresh_search_index(con)
            fts_s = time.perf_counter() - index_started
        file_s = time.perf_counter() - started
        lake_read, file_read = read_side(lake), read_side(file_target)
        n = lake_read["counts"]["articles"]
        result = {
            "bench": "scale",
            "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "machine": info,
            "articles": n,
            "staged_runs": staged,
            "stage_seconds": round(stage_s, 1),
            "ducklake": {
                "writers": args.writers,
                "seconds": round(lake_s, 1),
                "per_writer_seconds": [round(s, 1) for s in per_writer],
                "rows_per_second": round(n / lake_s),
                "note": "includes the BM25 term tables, maintained inside each load transaction",
                **lake_read,
            },
            "duckdb_file": {
                "writers": 1,
                "seconds": round(file_s, 1),
                "load_seconds": round(file_load_s, 1),
                "fts_index_seconds": round(fts_s, 1),
                "rows_per_second": round(n / file_s),
                "note": "fts index built once after all loads; `ceasefire load` rebuilds it after every load",
                **file_read,
            },
            "ducklake_vs_file_throughput": round((n / lake_s) / (n / file_s), 2),
            "same_search_top": lake_read["search_top"] == file_read["search_top"],
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=1, default=str) + "\n", encoding="utf-8")
        print(json.dumps({k: v for k, v in result.items() if k not in ("machine",)}, indent=1, default=str))
    finally:
        _pg(f"DROP DATABASE IF EXISTS {pg_db} WITH (FORCE)")
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""DuckLake backend: URI parsing, a local catalog, concurrent writers in separate processes, time travel."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import CLI
from tests.warehouse.conftest import ducklake_uri
from warehouse import db, queries
from warehouse.backends import parse_target
from warehouse.checks import run_checks
from warehouse.staging import write_json, write_parquet

SOURCES = ("Wire", "Ledger", "Tribune", "Courier")
PER_RUN = 60


def test_uri_options_are_split_from_the_catalog_string(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CEASEFIRE_DATA_PATH", raising=False)
    t = parse_target("ducklake:postgres:dbname=c host=db user=u?data_path=s3://b/lake/&metadata_schema=m")
    assert (t.kind, t.location, t.data_path, t.metadata_schema) == ("ducklake", "postgres:dbname=c host=db user=u",
                                                                    "s3://b/lake/", "m")  # fmt: skip
    # a PostgreSQL URI's own query string is not ours and stays in the catalog string
    t = parse_target("ducklake:postgres:postgresql://u@db/c?sslmode=require")
    assert t.location == "postgres:postgresql://u@db/c?sslmode=require" and t.data_path is None
    monkeypatch.setenv("CEASEFIRE_DATA_PATH", str(tmp_path / "files"))
    t = parse_target("ducklake:meta.ducklake")
    assert t.data_path == str(tmp_path / "files") + "/" and not t.on_postgres
    assert parse_target("data/ceasefire.duckdb").kind == "duckdb"


def _article(aid: str, source: str, day: int, text: str, run_id: str) -> dict:
    return {
        "article_id": aid,
        "url": f"http://{source.lower()}.test/{aid}",
        "canonical_url": f"http://{source.lower()}.test/{aid}",
        "source": source,
        "title": f"{source} report {aid}",
        "published_at": dt.datetime(2025, 4, day, 8, 0),
        "language": "en",
        "text": text,
        "relevant": True,
        "relevance_score": 0.8,
        "content_hash": aid,
        "simhash": hash(aid) & 0x7FFFFFFFFFFFFFFF,
        "fetched_at": dt.datetime(2025, 4, day, 9, 0),
        "run_id": run_id,
        "first_run_id": run_id,
    }


def stage_source(data_dir: Path, source: str, stamp: int = 1) -> str:
    """Stage one source's run (articles, quotes, events, fetches, its feed's state); return its id."""
    run_id = f"run-{source.lower()}-{stamp}"
    rdir = data_dir / "staging" / run_id
    articles, quotes, events = [], [], []
    for i in range(PER_RUN):
        aid = f"{source.lower()}-{stamp}-{i:04d}"
        text = f"Envoys of {source} met on day {i % 28 + 1}. “The truce holds,” said Mira Kovalenko. Story {i}."
        articles.append(_article(aid, source, i % 28 + 1, text, run_id))
        start = text.index("The truce")
        quotes.append({"quote_id": f"q-{aid}", "article_id": aid, "text": "The truce holds,",
                       "speaker": "Mira Kovalenko", "speaker_id": "mira_kovalenko", "start_char": start,
                       "end_char": start + 16,
                       "fragment": False, "cue": "said", "evidence": text, "quote_key": "the truce holds"})  # fmt: skip
        events.append({"event_id": f"e-{aid}", "article_id": aid, "event_type": "meeting",
                       "event_date": dt.date(2025, 4, i % 28 + 1), "event_date_end": None, "actors": ["ukraine"],
                       "location": None, "status": "occurred", "evidence": text[:20], "start_char": 0,
                       "end_char": 20, "cameo_code": "042", "event_key": None})  # fmt: skip
    write_parquet(rdir / "articles.parquet", "articles", articles)
    write_parquet(rdir / "quotes.parquet", "quotes", quotes)
    write_parquet(rdir / "events.parquet", "events", events)
    fetches = [
        {"run_id": run_id, "url": a["url"], "source": source, "outcome": "ok", "status_code": 200} for a in articles
    ]
    write_parquet(rdir / f"fetches-{source.lower()}.parquet", "fetches", fetches)
    now = dt.datetime(2025, 4, 28, 6, 0)
    feeds = [{"feed_url": f"http://{source.lower()}.test/feed.xml", "source": source, "etag": f"v-{stamp}",
              "last_polled_at": now}]  # fmt: skip
    write_parquet(rdir / "feeds.parquet", "feeds", feeds)
    write_json(rdir / "run.json", {"run_id": run_id, "logical_date": "2025-04-28", "window_start": "2025-04-01",
                                   "feeds_polled": 2, "feeds_failed": 0})  # fmt: skip
    return run_id


def _totals(target: str) -> dict[str, int]:
    with db.reader(target) as con:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "quotes", "events", "fetches", "feeds", "runs", "search_docs")
        }


def _load_in_parallel(runs: list[str], env: dict[str, str]) -> list[tuple[int, str, str]]:
    procs = [
        subprocess.Popen([str(CLI), "load", run_id], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for run_id in runs
    ]
    return [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in procs]


def test_four_processes_load_concurrently_without_conflicts_or_duplicates(tmp_path: Path, pg_database: str) -> None:
    """Four `ceasefire load` processes, one per source, into one catalog: no pool, no lost or doubled rows.
    The second day's loads update existing rows (every feed's state), which DuckLake reports as conflicts
    between concurrent transactions; the loaders retry them."""
    target = ducklake_uri(pg_database, tmp_path)
    data_dir = tmp_path / "data"
    with db.writer(target):
        pass  # catalog created and migrated once, as the DAG's first task would
    env = {"PATH": "/usr/bin:/bin", "CEASEFIRE_WAREHOUSE": target, "CEASEFIRE_DATA_DIR": str(data_dir)}
    n = PER_RUN * len(SOURCES)
    for day in (1, 2):
        runs = [stage_source(data_dir, s, day) for s in SOURCES]
        results = _load_in_parallel(runs, env)
        assert [r[0] for r in results] == [0] * len(SOURCES), results
        assert all(f"articles={PER_RUN}" in r[1] for r in results)
        # every run is marked loaded, so nothing is pending for a retry
        assert all((data_dir / "staging" / r / "_LOADED").exists() for r in runs)
    totals = _totals(target)
    assert totals == {"articles": 2 * n, "quotes": 2 * n, "events": 2 * n, "fetches": 2 * n,
                      "feeds": len(SOURCES), "runs": 2 * len(SOURCES), "search_docs": 2 * n}  # fmt: skip
    with db.reader(target) as con:
        assert run_checks(con) == []
        per_run = con.execute("SELECT run_id, count(*) FROM articles GROUP BY run_id ORDER BY run_id").fetchall()
        assert per_run == [(f"run-{s.lower()}-{d}", PER_RUN) for s in sorted(SOURCES) for d in (1, 2)]
        assert con.execute("SELECT DISTINCT etag FROM feeds").fetchall() == [("v-2",)]
    # loading a run again (an Airflow retry) changes nothing
    from ceasefire.config import Settings
    from ceasefire.stages import load

    assert load(Settings(warehouse=target, data_dir=data_dir), runs[0])["articles"] == PER_RUN
    assert _totals(target) == totals


def test_snapshots_give_time_travel(tmp_path: Path, pg_database: str) -> None:
    target = ducklake_uri(pg_database, tmp_path)
    from ceasefire.config import Settings
    from ceasefire.stages import load

    settings = Settings(warehouse=target, data_dir=tmp_path / "data")
    first = stage_source(settings.data_dir, "Wire")
    load(settings, first)
    with db.reader(target) as con:
        version = con.execute("SELECT max(snapshot_id) FROM lake.snapshots()").fetchone()[0]
        stamp = con.execute("SELECT max(snapshot_time) FROM lake.snapshots()").fetchone()[0]
    time.sleep(0.05)
    load(settings, stage_source(settings.data_dir, "Ledger"))
    sql = "SELECT count(*) FROM articles AT (VERSION => {v})"
    _, rows = queries.run(target, sql=sql.format(v=version))
    assert rows == [(PER_RUN,)]
    _, rows = queries.run(target, sql=f"SELECT count(*) FROM articles AT (TIMESTAMP => TIMESTAMPTZ '{stamp}')")
    assert rows == [(PER_RUN,)]
    _, rows = queries.run(target, sql="SELECT count(*) FROM articles")
    assert rows == [(2 * PER_RUN,)]
    # and a relevant-articles trend computed as of the first snapshot
    _, rows = queries.run(
        target, sql=f"SELECT count(DISTINCT source) FROM articles AT (VERSION => {version}) WHERE relevant"
    )
    assert rows == [(1,)]
    # a trend view read AT a snapshot reads its tables as they were then
    _, rows = queries.run(
        target, sql=f"SELECT sum(articles + duplicates) FROM daily_coverage AT (VERSION => {version})"
    )
    assert rows == [(PER_RUN,)]


def test_local_duckdb_catalog_for_a_single_user(tmp_path: Path) -> None:
    target = f"ducklake:{tmp_path / 'meta.ducklake'}"
    from ceasefire.config import Settings
    from ceasefire.stages import load

    settings = Settings(warehouse=target, data_dir=tmp_path / "data")
    counts = load(settings, stage_source(settings.data_dir, "Courier"))
    assert counts["articles"] == PER_RUN
    assert list((tmp_path / "meta.ducklake.files").rglob("*.parquet"))
    cols, rows = queries.run(target, name="daily_coverage")
    assert cols[:2] == ["day", "articles"] and sum(r[1] for r in rows) == PER_RUN
    out = subprocess.run(
        [str(CLI), "query", "--warehouse", target, "--format", "json", "SELECT count(*) AS n FROM quotes"],
        capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [{"n": PER_RUN}]

"""The single writer on real DuckDB files: idempotent merges, one transaction, migrations, locks."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from ceasefire.errors import QueryError, WarehouseError, WarehouseLockedError
from warehouse import db, queries
from warehouse.checks import run_checks
from warehouse.load import load_run
from warehouse.staging import write_parquet

TEXT_A = "Talks opened in Riyadh.\n“We are ready,” said Ivan Petrenko, an analyst."
TEXT_B = "A different story about the Black Sea deal and shipping in Odesa harbour."


def article(aid: str, text: str, *, source: str = "Wire", simhash: int = 0, day: int = 24, **kw) -> dict:
    row = {
        "article_id": aid,
        "url": f"http://{source.lower()}.test/{aid}",
        "canonical_url": f"http://{source.lower()}.test/{aid}",
        "source": source,
        "title": f"Story {aid}",
        "published_at": dt.datetime(2025, 3, day, 9, 0),
        "language": "en",
        "text": text,
        "relevant": True,
        "relevance_score": 0.9,
        "content_hash": aid,
        "simhash": simhash,
        "fetched_at": dt.datetime(2025, 3, day, 10, 0),
        "run_id": "r1",
        "first_run_id": "r1",
    }
    row.update(kw)
    return row


def quote(aid: str, text: str, start: int) -> dict:
    return {
        "quote_id": f"{aid}-{start}",
        "article_id": aid,
        "text": text,
        "speaker": "Ivan Petrenko",
        "speaker_id": "ivan_petrenko",
        "start_char": start,
        "end_char": start + len(text),
        "fragment": False,
        "cue": "said",
        "evidence": text,
        "quote_key": text.lower(),
    }


def event(aid: str, eid: str, day: dt.date, actors: list[str], evidence: str) -> dict:
    return {
        "event_id": eid,
        "article_id": aid,
        "event_type": "negotiation",
        "event_date": day,
        "event_date_end": None,
        "actors": actors,
        "location": "Riyadh",
        "status": "occurred",
        "evidence": evidence,
        "start_char": 0,
        "end_char": len(evidence),
        "cameo_code": "046",
        "event_key": None,
    }


def stage(run: Path, articles: list[dict], quotes: list[dict], events: list[dict], run_id: str = "r1") -> Path:
    write_parquet(run / "articles.parquet", "articles", articles)
    write_parquet(run / "quotes.parquet", "quotes", quotes)
    write_parquet(run / "events.parquet", "events", events)
    write_parquet(
        run / "fetches-wire.parquet",
        "fetches",
        [
            {"run_id": run_id, "url": a["url"], "source": a["source"], "outcome": "ok", "status_code": 200}
            for a in articles
        ],
    )
    write_parquet(run / "feeds.parquet", "feeds", [{"feed_url": "http://wire.test/feed.xml", "source": "Wire"}])
    return run


def counts(target: str | Path) -> dict[str, int]:
    with db.reader(str(target)) as con:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "quotes", "events", "fetches", "feeds", "runs")
        }


def load(target: str | Path, run: Path, run_id: str = "r1") -> dict[str, int]:
    with db.writer(str(target)) as con:
        return load_run(con, run, {"run_id": run_id, "logical_date": dt.date(2025, 3, 24)})


@pytest.fixture
def staged(tmp_path: Path) -> Path:
    return stage(
        tmp_path / "staging" / "r1",
        [article("a1", TEXT_A), article("a2", TEXT_B, simhash=12345)],
        [quote("a1", "We are ready,", TEXT_A.index("We"))],
        [event("a1", "e1", dt.date(2025, 3, 24), ["united_states", "russia"], "Talks opened in Riyadh.")],
    )


def test_fresh_warehouse_has_contract_tables_and_views(warehouse_target: str) -> None:
    with db.writer(warehouse_target) as con:
        assert db.schema_version(con) == db.migrations()[-1].number
        cols = {
            (t, c) for t, c in con.execute("SELECT table_name, column_name FROM information_schema.columns").fetchall()
        }
    contract = {
        "articles": "article_id url canonical_url source title published_at language text relevant relevance_score "
        "content_hash duplicate_of fetched_at run_id",
        "quotes": "quote_id article_id text speaker speaker_id start_char end_char fragment cue",
        "events": "event_id article_id event_type event_date event_date_end actors location status evidence "
        "start_char end_char cameo_code",
        "fetches": "run_id url outcome status_code error attempts elapsed_ms bytes fetched_at",
        "feeds": "feed_url source etag last_modified last_polled_at last_status last_error",
        "runs": "run_id logical_date started_at finished_at status",
    }
    missing = [(t, c) for t, names in contract.items() for c in names.split() if (t, c) not in cols]
    assert missing == []
    names = {q.name for q in queries.named_queries()}
    assert {"daily_coverage", "events_by_type_daily", "top_speakers", "quote_spread", "event_timeline"} <= names


def test_load_is_idempotent(warehouse_target: str, staged: Path) -> None:
    path = warehouse_target
    first = load(path, staged)
    assert first["articles"] == 2 and first["quotes"] == 1 and first["events"] == 1
    before = counts(path)
    load(path, staged)
    assert counts(path) == before
    assert before["articles"] == 2 and before["runs"] == 1
    with db.reader(path) as con:
        assert run_checks(con, None) == []


def test_reload_replaces_an_articles_quotes(tmp_path: Path, staged: Path, warehouse_target: str) -> None:
    path = warehouse_target
    load(path, staged)
    text = "Talks resumed.\n“Nothing has changed,” said Ivan Petrenko."
    run2 = stage(
        tmp_path / "staging" / "r2",
        [article("a1", text, run_id="r2", first_run_id="r2")],
        [quote("a1", "Nothing has changed,", text.index("Nothing"))],
        [],
        run_id="r2",
    )
    load(path, run2, "r2")
    with db.reader(path) as con:
        assert con.execute("SELECT text FROM quotes WHERE article_id = 'a1'").fetchall() == [("Nothing has changed,",)]
        assert con.execute("SELECT first_run_id, run_id FROM articles WHERE article_id = 'a1'").fetchone() == (
            "r1",
            "r2",
        )
        assert con.execute("SELECT count(*) FROM events WHERE article_id = 'a1'").fetchone()[0] == 0


def test_failed_load_leaves_the_warehouse_as_it_was(tmp_path: Path, staged: Path, warehouse_target: str) -> None:
    path = warehouse_target
    load(path, staged)
    before = counts(path)
    bad = stage(tmp_path / "staging" / "bad", [article("a9", TEXT_B, run_id="bad")], [], [], run_id="bad")
    # A staged events file that does not match the table: the merge must fail after articles were merged.
    con = duckdb.connect()
    con.execute(f"COPY (SELECT 'x' AS event_id, 1 AS nonsense) TO '{bad / 'events.parquet'}' (FORMAT parquet)")
    con.close()
    with pytest.raises(WarehouseError, match="rolled back"):
        load(path, bad, "bad")
    assert counts(path) == before


def test_near_duplicates_point_at_the_first_copy(tmp_path: Path, warehouse_target: str) -> None:
    path = warehouse_target
    run1 = stage(tmp_path / "s" / "r1", [article("orig", TEXT_B, simhash=0b1011)], [], [])
    load(path, run1)
    run2 = stage(
        tmp_path / "s" / "r2",
        [article("copy", TEXT_B + " More.", source="Other", simhash=0b1010, day=25, run_id="r2", first_run_id="r2")],
        [],
        [],
        run_id="r2",
    )
    load(path, run2, "r2")
    with db.reader(path) as con:
        assert con.execute("SELECT duplicate_of FROM articles WHERE article_id = 'copy'").fetchone() == ("orig",)
        # the copy adds an outlet to the day's coverage but not an article
        rows = con.execute("SELECT day, articles, outlets, duplicates FROM daily_coverage ORDER BY day").fetchall()
    assert rows == [(dt.date(2025, 3, 24), 1, 1, 0), (dt.date(2025, 3, 25), 0, 1, 1)]


def test_events_link_across_articles(tmp_path: Path, warehouse_target: str) -> None:
    path = warehouse_target
    ev = "Delegations met in Riyadh."
    run1 = stage(
        tmp_path / "s" / "r1",
        [article("a1", ev), article("a2", ev + " Again.", source="Other", simhash=999)],
        [],
        [
            event("a1", "e1", dt.date(2025, 3, 24), ["united_states", "russia"], ev),
            event("a2", "e2", dt.date(2025, 3, 25), ["russia"], ev),
            event("a2", "e3", dt.date(2025, 3, 28), ["russia"], ev),
        ],
    )
    load(path, run1)
    with db.reader(path) as con:
        rows = con.execute("SELECT event_date, sources, articles FROM event_timeline ORDER BY event_date").fetchall()
    assert rows == [(dt.date(2025, 3, 24), 2, 2), (dt.date(2025, 3, 28), 1, 1)]


def test_queries_are_read_only_and_errors_are_one_line(staged: Path, warehouse_target: str) -> None:
    path = warehouse_target
    load(path, staged)
    with pytest.raises(QueryError) as err:
        queries.run(str(path), sql="DELETE FROM articles")
    assert "\n" not in str(err.value)
    with pytest.raises(QueryError):
        queries.run(str(path), sql="SELEC nonsense")
    assert counts(path)["articles"] == 2
    cols, rows = queries.run(str(path), name="daily_coverage")
    assert cols[:2] == ["day", "articles"] and rows


HOLDER = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "ro")
    print("holding", flush=True)
    time.sleep(float(sys.argv[3]))
    """
)


def _hold(path: Path, mode: str, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), mode, str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "holding"
    return proc


@pytest.mark.parametrize("mode", ["rw", "ro"])
def test_writer_waits_then_names_the_lock(tmp_path: Path, staged: Path, mode: str) -> None:
    """An analyst's open connection (even read-only) blocks the writer: it waits a bounded time, then fails
    with one clear line; the staged run stays on disk and loads once the file is free."""
    path = tmp_path / "w.duckdb"
    load(path, staged)
    holder = _hold(path, mode, 30)
    try:
        started = time.monotonic()
        with pytest.raises(WarehouseLockedError, match="locked") as err, db.writer(str(path), wait=1.0):
            pass
        assert time.monotonic() - started < 10
        assert "\n" not in str(err.value) and str(holder.pid) in str(err.value)
    finally:
        holder.kill()
        holder.wait()
    assert (staged / "articles.parquet").exists()
    assert load(path, staged)["articles"] == 2


def test_writer_succeeds_when_the_reader_leaves_within_the_wait(tmp_path: Path, staged: Path) -> None:
    path = tmp_path / "w.duckdb"
    load(path, staged)
    holder = _hold(path, "ro", 1.5)
    try:
        with db.writer(str(path), wait=20.0) as con:
            assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    finally:
        holder.wait()


def test_older_warehouse_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    first = db.migrations()[0]
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, name VARCHAR, applied_at TIMESTAMP)")
    con.execute(first.sql)
    con.execute("INSERT INTO schema_version VALUES (?, ?, now()::TIMESTAMP)", [first.number, first.name])
    con.execute("INSERT INTO feeds (feed_url, source) VALUES ('http://x.test/feed', 'X')")
    con.close()
    with db.writer(str(path)) as con:
        assert db.schema_version(con) == db.migrations()[-1].number
        assert con.execute("SELECT feed_url FROM feeds").fetchall() == [("http://x.test/feed",)]


def test_reloading_an_unchanged_day_rewrites_nothing(tmp_path: Path, warehouse_target: str) -> None:
    """Articles whose extraction fingerprint is unchanged are skipped; a changed one is replaced."""
    arts = [article("a1", TEXT_A, extract_hash="h1"), article("a2", TEXT_B, simhash=12345, extract_hash="h2")]
    run1 = stage(tmp_path / "s" / "r1", arts, [quote("a1", "We are ready,", TEXT_A.index("We"))], [])
    assert load(warehouse_target, run1)["articles"] == 2
    before = counts(warehouse_target)
    again = load(warehouse_target, stage(tmp_path / "s" / "r2", arts, [], [], run_id="r2"), "r2")
    assert again["articles"] == 0 and again["quotes"] == 0
    after = counts(warehouse_target)
    assert {k: v for k, v in after.items() if k not in ("runs", "fetches")} == {
        k: v for k, v in before.items() if k not in ("runs", "fetches")
    }  # the quote of a1 survived although r2 staged none: a1 was not rewritten
    changed = [article("a1", TEXT_A + " More.", extract_hash="h1b", run_id="r3")]
    assert load(warehouse_target, stage(tmp_path / "s" / "r3", changed, [], [], run_id="r3"), "r3")["articles"] == 1
    assert counts(warehouse_target)["quotes"] == 0

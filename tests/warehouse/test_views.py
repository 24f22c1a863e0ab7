"""Unit tests for the trend views, dbt style: a few rows in, the expected rows out; plus a grain test per view."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from warehouse import db

D = dt.date
MON, TUE, WED = D(2025, 3, 17), D(2025, 3, 18), D(2025, 3, 19)
NEXT_MON = D(2025, 3, 24)


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with db.writer(str(tmp_path / "w.duckdb")) as connection:
        yield connection


def given(con: duckdb.DuckDBPyConnection, table: str, *rows: dict[str, Any]) -> None:
    """Insert rows (dicts) into a table by column name; columns left out are NULL."""
    for row in rows:
        cols = ", ".join(row)
        con.execute(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(row))})", list(row.values()))


def article(aid: str, day: dt.date | None, source: str = "Wire", *, relevant: bool = True, **kw: Any) -> dict:
    published = dt.datetime.combine(day, dt.time(9)) if day else None
    row = {"article_id": aid, "url": f"https://x.test/{aid}", "canonical_url": f"https://x.test/{aid}",
           "source": source, "title": aid, "published_at": published, "relevant": relevant,
           "fetched_at": dt.datetime(2025, 3, 20, 12)}  # fmt: skip
    return {**row, **kw}


def quote(qid: str, aid: str, speaker_id: str | None = "ivan_petrenko", *, fragment: bool = False, **kw) -> dict:
    text = kw.pop("text", "We are ready")
    speaker = speaker_id and speaker_id.replace("_", " ").title()
    row = {"quote_id": qid, "article_id": aid, "text": text, "speaker": speaker,
           "speaker_id": speaker_id, "start_char": 0, "end_char": len(text), "fragment": fragment,
           "quote_key": text.lower()}  # fmt: skip
    return {**row, **kw}


def event(eid: str, aid: str, key: str, kind: str = "negotiation", day: dt.date | None = MON, **kw: Any) -> dict:
    row = {"event_id": eid, "article_id": aid, "event_key": key, "event_type": kind, "event_date": day,
           "actors": ["russia", "united_states"], "status": "occurred", "evidence": f"evidence {eid}",
           "start_char": 0, "end_char": 5}  # fmt: skip
    return {**row, **kw}


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


# ------------------------------------------------------------------ one test per view


def test_relevant_articles_folds_copies_and_falls_back_to_fetch_day(con) -> None:
    given(
        con,
        "articles",
        article("a", MON),
        article("copy", TUE, duplicate_of="a"),
        article("nodate", None),
        article("off", MON, relevant=False),
    )
    got = rows(con, "SELECT article_id, day, is_original FROM relevant_articles ORDER BY article_id")
    assert got == [("a", MON, True), ("copy", TUE, False), ("nodate", D(2025, 3, 20), True)]


def test_daily_coverage_counts_near_duplicates_once(con) -> None:
    given(
        con,
        "articles",
        article("a1", MON, "Wire"),
        article("a2", MON, "Daily"),
        article("a1-copy", MON, "Herald", duplicate_of="a1"),  # adds an outlet, not an article
        article("a3", TUE, "Wire"),
        article("off", TUE, "Daily", relevant=False),
    )
    got = rows(con, "SELECT day, articles, outlets, duplicates FROM daily_coverage")
    assert got == [(MON, 2, 3, 1), (TUE, 1, 1, 0)]


def test_events_by_type_daily_counts_events_mentions_and_outlets(con) -> None:
    given(con, "articles", article("a1", MON, "Wire"), article("a2", MON, "Daily"), article("a3", MON, "Wire"))
    given(con, "articles", article("off", MON, "Herald", relevant=False))
    given(
        con,
        "events",
        event("e1", "a1", "k1"),
        event("e2", "a2", "k1"),  # the same negotiation reported by a second outlet
        event("e3", "a3", "k2"),  # a second negotiation that day
        event("e4", "a1", "k3", "call", TUE),
        event("e5", "off", "k4", "call", TUE),  # irrelevant article: not counted
        event("e6", "a2", "k5", "call", None),  # undated: not on the daily chart
    )
    got = rows(con, "SELECT day, event_type, events, mentions, outlets FROM events_by_type_daily")
    assert got == [(MON, "negotiation", 2, 3, 2), (TUE, "call", 1, 1, 1)]


def test_top_speakers_excludes_fragments_irrelevant_and_copies(con) -> None:
    given(
        con,
        "articles",
        article("a1", MON, "Wire"),
        article("a2", WED, "Daily"),
        article("copy", WED, "Herald", duplicate_of="a1"),
        article("off", TUE, "Wire", relevant=False),
        article("later", NEXT_MON, "Wire"),
    )
    given(
        con,
        "quotes",
        quote("q1", "a1"),
        quote("q2", "a1", text="Second sentence"),
        quote("q3", "a2"),
        quote("q4", "a2", "mara_lindqvist"),
        quote("frag", "a2", "mara_lindqvist", fragment=True),
        quote("q-copy", "copy"),
        quote("q-off", "off", "mara_lindqvist"),
        quote("anon", "a1", None),
        quote("q5", "later"),
    )
    got = rows(con, "SELECT week, speaker_id, speaker, quotes, articles, outlets FROM top_speakers")
    assert got == [
        (MON, "ivan_petrenko", "Ivan Petrenko", 3, 2, 2),
        (MON, "mara_lindqvist", "Mara Lindqvist", 1, 1, 1),
        (NEXT_MON, "ivan_petrenko", "Ivan Petrenko", 1, 1, 1),
    ]


def test_quote_spread_counts_outlets_articles_and_days(con) -> None:
    given(
        con,
        "articles",
        article("a1", MON, "Wire"),
        article("a2", TUE, "Daily"),
        article("a3", TUE, "Wire"),
        article("off", WED, "Herald", relevant=False),
    )
    given(
        con,
        "quotes",
        quote("q1", "a1", text="We are READY", quote_key="we are ready"),
        quote("q2", "a2", text="we are ready", quote_key="we are ready"),
        quote("q3", "a3", text="We are ready!", quote_key="we are ready"),
        quote("q4", "off", quote_key="we are ready"),  # irrelevant outlet does not widen the spread
        quote("q5", "a2", text="No deal", quote_key="no deal"),
        quote("f1", "a3", text="peace", quote_key="peace", fragment=True),
        quote("nokey", "a3", text="x", quote_key=None),
    )
    got = rows(con, "SELECT quote_key, text, outlets, articles, days, first_seen, last_seen FROM quote_spread")
    # "no deal" was printed once: it did not travel, so it is not a linked quote
    assert got == [("we are ready", "We are READY", 2, 3, 2, MON, TUE)]


def test_event_timeline_counts_independent_sources_per_event(con) -> None:
    given(
        con,
        "articles",
        article("a1", MON, "Wire", published_at=dt.datetime(2025, 3, 17, 8)),
        article("a2", MON, "Daily", published_at=dt.datetime(2025, 3, 17, 7)),
        article("a3", TUE, "Wire"),
        article("off", MON, "Herald", relevant=False),
    )
    given(
        con,
        "events",
        event("e1", "a1", "k1", actors=["russia"], status="scheduled"),
        event("e2", "a2", "k1", actors=["ukraine", "russia"], day=TUE, location="Riyadh"),
        event("e3", "a3", "k1", actors=None, status="scheduled", evidence="third"),
        event("e4", "off", "k1", actors=["china"]),
        event("e5", "a3", "k2", "ceasefire_violation", WED, status="proposed"),
    )
    got = rows(
        con,
        "SELECT event_key, event_type, event_date, actors, location, status, sources, articles, first_reported, "
        "evidence FROM event_timeline",
    )
    assert got == [
        ("k1", "negotiation", MON, ["russia", "ukraine"], "Riyadh", "occurred", 2, 3, MON, "evidence e2"),
        ("k2", "ceasefire_violation", WED, ["russia", "united_states"], None, "proposed", 1, 1, TUE, "evidence e5"),
    ]


def test_violations_weekly_counts_events_not_mentions(con) -> None:
    given(con, "articles", article("a1", MON, "Wire"), article("a2", TUE, "Daily"), article("a3", NEXT_MON))
    given(
        con,
        "events",
        event("e1", "a1", "k1", "ceasefire_violation", MON),
        event("e2", "a2", "k1", "ceasefire_violation", MON),
        event("e3", "a2", "k2", "ceasefire_violation", WED),
        event("e4", "a2", "k3", "ceasefire", WED),
        event("e5", "a3", "k4", "ceasefire_violation", NEXT_MON),
    )
    got = rows(con, "SELECT week, events, mentions, max_sources FROM violations_weekly")
    assert got == [(MON, 2, 3, 2), (NEXT_MON, 1, 1, 1)]


def test_source_health_groups_outcomes_per_outlet(con) -> None:
    t = dt.datetime(2025, 3, 17, 6)
    given(
        con,
        "fetches",
        {"run_id": "r1", "url": "u1", "source": "Wire", "outcome": "ok", "fetched_at": t},
        {"run_id": "r2", "url": "u1", "source": "Wire", "outcome": "ok", "fetched_at": t + dt.timedelta(days=1)},
        {"run_id": "r2", "url": "u2", "source": "Wire", "outcome": "timeout", "fetched_at": t},
        {"run_id": "r2", "url": "u3", "source": None, "outcome": "robots", "fetched_at": None},
    )
    got = rows(con, "SELECT source, outcome, fetches, last_seen FROM source_health")
    assert got == [("?", "robots", 1, None), ("Wire", "ok", 2, t + dt.timedelta(days=1)), ("Wire", "timeout", 1, t)]


def test_speaker_outlets_splits_a_speaker_by_outlet(con) -> None:
    given(
        con,
        "articles",
        article("a1", MON, "Wire"),
        article("a2", WED, "Wire"),
        article("a3", TUE, "Daily"),
        article("copy", WED, "Herald", duplicate_of="a1"),
    )
    given(
        con,
        "quotes",
        quote("q1", "a1"),
        quote("q2", "a2"),
        quote("q3", "a2", text="again"),
        quote("q4", "a3"),
        quote("q5", "copy"),
        quote("f", "a3", fragment=True),
    )
    got = rows(con, "SELECT speaker_id, source, quotes, articles, first_quoted, last_quoted FROM speaker_outlets")
    assert got == [("ivan_petrenko", "Wire", 3, 2, MON, WED), ("ivan_petrenko", "Daily", 1, 1, TUE, TUE)]


def test_actor_pairs_counts_linked_events_once(con) -> None:
    given(con, "articles", article("a1", MON, "Wire"), article("a2", MON, "Daily"))
    given(
        con,
        "events",
        event("e1", "a1", "k1", actors=["russia", "united_states"]),
        event("e2", "a2", "k1", actors=["ukraine", "russia"]),  # same event: adds a pair, not an event
        event("e3", "a2", "k2", "call", TUE, actors=["united_states", "russia"]),
        event("e4", "a2", "k3", "attack", WED, actors=["russia"]),  # one actor: no pair
    )
    got = rows(con, "SELECT actor_a, actor_b, events, event_types, first_date, last_date FROM actor_pairs")
    assert got == [
        ("russia", "united_states", 2, 2, MON, TUE),
        ("russia", "ukraine", 1, 1, MON, MON),
        ("ukraine", "united_states", 1, 1, MON, MON),
    ]


def test_coverage_by_source_counts_everything_stored_per_week(con) -> None:
    given(
        con,
        "articles",
        article("a1", MON, "Wire"),
        article("a2", WED, "Wire", relevant=False),
        article("copy", TUE, "Wire", duplicate_of="a1"),
        article("a3", NEXT_MON, "Daily"),
    )
    given(con, "quotes", quote("q1", "a1"), quote("q2", "a2"), quote("f", "a1", fragment=True))
    given(con, "events", event("e1", "a1", "k1"), event("e2", "a1", "k2"), event("e3", "a3", "k3"))
    got = rows(con, "SELECT week, source, articles, relevant, duplicates, quotes, events FROM coverage_by_source")
    assert got == [(MON, "Wire", 3, 2, 1, 2, 2), (NEXT_MON, "Daily", 1, 1, 0, 0, 1)]


def test_weekly_summary_joins_coverage_quotes_and_events(con) -> None:
    given(con, "articles", article("a1", MON, "Wire"), article("a2", TUE, "Daily"), article("a3", NEXT_MON))
    given(con, "quotes", quote("q1", "a1"), quote("q2", "a2", "mara_lindqvist"), quote("q3", "a2"))
    given(
        con,
        "events",
        event("e1", "a1", "k1", "ceasefire", MON),
        event("e2", "a2", "k1", "ceasefire", MON),
        event("e3", "a2", "k2", "ceasefire_violation", TUE),
        event("e4", "a3", "k3", "call", D(2025, 3, 31)),  # reported a week before it happens
    )
    got = rows(con, "SELECT * FROM weekly_summary")
    assert got == [
        (MON, 2, 2, 3, 2, 2, 1, 1),
        (NEXT_MON, 1, 1, 0, 0, 0, 0, 0),
        (D(2025, 3, 31), 0, 0, 0, 0, 1, 0, 0),
    ]


# ------------------------------------------------------------------ grain: each view's stated key


def _grain(view: db.SqlFile) -> list[str]:
    match = re.search(r"\(grain: ([\w, ]+)\)", view.sql.splitlines()[0])
    assert match, f"{view.name}: first line must state its grain, e.g. '(grain: day, source)'"
    return [c.strip() for c in match.group(1).split(",")]


def _build(con: duckdb.DuckDBPyConnection) -> None:
    """A few hundred synthetic rows over two months, with copies, irrelevant articles, fragments, NULLs."""
    con.execute(
        """
        INSERT INTO articles BY NAME
        SELECT 'a' || i AS article_id, 'https://x.test/' || i AS url, 'https://x.test/' || i AS canonical_url,
               CASE WHEN i % 13 = 0 THEN NULL ELSE ['Wire', 'Daily', 'Herald', 'Courier'][1 + i % 4] END AS source,
               'title ' || i AS title,
               CASE WHEN i % 17 = 0 THEN NULL ELSE TIMESTAMP '2025-03-01' + INTERVAL (i % 60) DAY END
                   AS published_at,
               TIMESTAMP '2025-05-01' AS fetched_at, i % 5 <> 0 AS relevant,
               CASE WHEN i % 7 = 0 AND i > 7 THEN 'a' || (i - 7) END AS duplicate_of
        FROM range(1, 301) AS t(i);
        INSERT INTO quotes BY NAME
        SELECT 'q' || i AS quote_id, 'a' || (1 + i % 300) AS article_id, 'quote ' || (i % 40) AS text,
               CASE WHEN i % 9 = 0 THEN NULL ELSE 'Speaker ' || (i % 12) END AS speaker,
               CASE WHEN i % 9 = 0 THEN NULL ELSE 'speaker_' || (i % 12) END AS speaker_id,
               0 AS start_char, 5 AS end_char, i % 6 = 0 AS fragment,
               CASE WHEN i % 11 = 0 THEN NULL ELSE 'quote ' || (i % 40) END AS quote_key
        FROM range(1, 901) AS t(i);
        INSERT INTO events BY NAME
        SELECT 'e' || i AS event_id, 'a' || (1 + i % 300) AS article_id,
               ['call', 'negotiation', 'ceasefire', 'ceasefire_violation', 'attack'][1 + i % 5] AS event_type,
               CASE WHEN i % 19 = 0 THEN NULL ELSE DATE '2025-03-01' + CAST(i % 50 AS INTEGER) END AS event_date,
               CASE WHEN i % 3 = 0 THEN []::VARCHAR[]
                    ELSE ['russia', ['ukraine', 'united_states', 'china'][1 + i % 3]] END AS actors,
               'occurred' AS status, 'evidence ' || i AS evidence, 0 AS start_char, 5 AS end_char,
               'k' || (i % 150) AS event_key
        FROM range(1, 401) AS t(i);
        INSERT INTO fetches BY NAME
        SELECT 'r' || (i % 3) AS run_id, 'https://x.test/' || i AS url,
               CASE WHEN i % 13 = 0 THEN NULL ELSE ['Wire', 'Daily', 'Herald'][1 + i % 3] END AS source,
               ['ok', 'ok', 'timeout', 'http_error', 'robots'][1 + i % 5] AS outcome,
               TIMESTAMP '2025-05-01' + INTERVAL (i) MINUTE AS fetched_at
        FROM range(1, 201) AS t(i);
        """
    )


@pytest.mark.parametrize("view", db.views(), ids=lambda v: v.name)
def test_view_grain_is_unique_and_not_null(con, view: db.SqlFile) -> None:
    key = _grain(view)
    _build(con)
    cols = ", ".join(key)
    total = rows(con, f"SELECT count(*) FROM {view.name}")[0][0]
    assert total > 0, f"{view.name} is empty on the grain fixture"
    repeated = rows(con, f"SELECT {cols}, count(*) FROM {view.name} GROUP BY ALL HAVING count(*) > 1 LIMIT 5")
    assert repeated == [], f"{view.name}: key ({cols}) repeats"
    nulls = rows(con, f"SELECT count(*) FROM {view.name} WHERE " + " OR ".join(f"{c} IS NULL" for c in key))
    assert nulls == [(0,)], f"{view.name}: key ({cols}) has NULLs"

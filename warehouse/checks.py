"""Data-quality assertions on the warehouse after a load; each returns the problems it found."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

KEYS = {
    "articles": "article_id",
    "quotes": "quote_id",
    "events": "event_id",
    "feeds": "feed_url",
    "runs": "run_id",
    "fetches": "run_id, url",
}


# (check, SQL counting offending rows, what those rows do wrong)
ROW_CHECKS = (
    (
        "quote_offsets",
        "SELECT count(*) FROM quotes q LEFT JOIN articles a USING (article_id) "
        "WHERE a.article_id IS NULL OR q.start_char < 0 OR q.end_char > length(a.text) "
        "OR q.start_char >= q.end_char OR substr(a.text, q.start_char + 1, q.end_char - q.start_char) <> q.text",
        "have offsets outside their article or not matching its text",
    ),
    (
        "event_evidence",
        "SELECT count(*) FROM events e LEFT JOIN articles a USING (article_id) "
        "WHERE a.article_id IS NULL OR e.evidence IS NULL OR trim(e.evidence) = '' "
        "OR e.end_char > length(a.text) OR e.start_char < 0",
        "lack evidence or point outside their article",
    ),
    (
        "duplicate_of",
        "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL "
        "AND duplicate_of NOT IN (SELECT article_id FROM articles)",
        "point at an article that is not stored",
    ),
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One failed assertion, with the number of offending rows."""

    check: str
    rows: int
    detail: str

    def __str__(self) -> str:
        return f"{self.check}: {self.rows} row(s) {self.detail}"


def _count(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> int:
    return con.execute(sql, params or []).fetchone()[0]


def run_checks(con: duckdb.DuckDBPyConnection, run_id: str | None = None) -> list[Problem]:
    """All assertions; an empty list means the warehouse passed."""
    problems: list[Problem] = []
    for table, key in KEYS.items():
        n = _count(con, f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)")
        if n:
            problems.append(Problem(f"unique_{table}", n, f"share a key ({key})"))
    for check, sql, detail in ROW_CHECKS:
        n = _count(con, sql)
        if n:
            problems.append(Problem(check, n, detail))
    if run_id is not None:
        problems.extend(_run_checks(con, run_id))
    return problems


def _run_checks(con: duckdb.DuckDBPyConnection, run_id: str) -> list[Problem]:
    run = con.execute("SELECT logical_date, window_start, fetched_ok FROM runs WHERE run_id = ?", [run_id]).fetchone()
    if run is None:
        return [Problem("run_recorded", 0, f"missing: run {run_id} has no runs row")]
    day, window_start, fetched_ok = run
    # A quiet day (feeds unchanged, nothing new) is fine; pages fetched but none relevant means the topic
    # profile or an outlet's markup broke.
    if not fetched_ok or day is None:
        return []
    relevant = _count(
        con,
        "SELECT count(*) FROM articles WHERE relevant AND "
        "(first_run_id = ? OR CAST(published_at AS DATE) BETWEEN ? AND ?)",
        [run_id, window_start or day, day],
    )
    if relevant == 0:
        return [
            Problem("relevant_articles", 0, f"relevant for {window_start or day}..{day} although pages were fetched")
        ]
    return []

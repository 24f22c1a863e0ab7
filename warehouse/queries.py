"""Read-only access for analysts: named queries (the trend views), ad-hoc SQL and full-text search."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ceasefire.errors import QueryError
from warehouse.db import reader, run_sql, views


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A trend view callable by name."""

    name: str
    description: str


def named_queries() -> list[NamedQuery]:
    """The trend views (files numbered 10 and up; lower numbers are staging views other views build on)."""
    return [NamedQuery(v.name, v.description) for v in views() if v.number >= 10]


def run(target: str, sql: str | None = None, name: str | None = None) -> tuple[list[str], list[tuple]]:
    """Run SQL or a named query on a read-only connection; return (columns, rows)."""
    if name is not None:
        known = {q.name for q in named_queries()}
        if name not in known:
            raise QueryError(f"unknown query name {name!r}; try: {', '.join(sorted(known))}")
        sql = f"SELECT * FROM {name}"
    with reader(target) as con:
        cur = run_sql(con, sql or "")
        if cur.description is None:
            return [], []
        return [d[0] for d in cur.description], cur.fetchall()


def search(
    target: str,
    text: str,
    since: dt.date | None = None,
    until: dt.date | None = None,
    relevant_only: bool = False,
    limit: int = 20,
) -> tuple[list[str], list[tuple]]:
    """Articles matching `text`, ranked by BM25 over title and body, through the `search_articles` macro.

    On a DuckDB file the macro wraps the fts index rebuilt after each load; on DuckLake it scores the term
    tables each load maintains (warehouse.fulltext). Both rank with the same formula and give equal scores.
    """
    from warehouse.extensions import load_extension

    if not text.strip():
        raise QueryError("empty search query")
    with reader(target) as con:
        load_extension(con, "fts")
        has_macro = run_sql(
            con, "SELECT count(*) FROM duckdb_functions() WHERE function_name = 'search_articles'"
        ).fetchone()[0]
        if not has_macro:
            raise QueryError("the warehouse has no full-text index yet (it is built after each load)")
        cur = run_sql(
            con,
            "SELECT score, article_id, CAST(published_at AS DATE) AS published, source, title, url "
            "FROM search_articles(?) "
            "WHERE (CAST(? AS DATE) IS NULL OR CAST(published_at AS DATE) >= ?) "
            "AND (CAST(? AS DATE) IS NULL OR CAST(published_at AS DATE) <= ?) "
            "AND (NOT ? OR relevant) "
            "ORDER BY score DESC, published_at DESC, article_id LIMIT ?",
            [text, since, since, until, until, relevant_only, limit],
        )
        rows = [(round(r[0], 4), *r[1:]) for r in cur.fetchall()]
        return [d[0] for d in cur.description], rows

"""Read-only access for analysts: named queries (the trend views), ad-hoc SQL and full-text search."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TextIO

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


def _resolve(sql: str | None, name: str | None) -> str:
    if name is not None:
        known = {q.name for q in named_queries()}
        if name not in known:
            raise QueryError(f"unknown query name {name!r}; try: {', '.join(sorted(known))}")
        return f"SELECT * FROM {name}"
    return sql or ""


def run(target: str, sql: str | None = None, name: str | None = None) -> tuple[list[str], list[tuple]]:
    """Run SQL or a named query on a read-only connection; return (columns, rows)."""
    with reader(target) as con:
        cur = run_sql(con, _resolve(sql, name))
        if cur.description is None:
            return [], []
        return [d[0] for d in cur.description], cur.fetchall()


def export(target: str, fmt: str, out: TextIO, sql: str | None = None, name: str | None = None) -> None:
    """Write the result as CSV or JSON; a single SELECT is streamed by DuckDB itself, with no Python rows."""
    import duckdb

    from warehouse.format import render

    query = _resolve(sql, name)
    with reader(target) as con:
        try:
            statements = con.extract_statements(query)
        except duckdb.Error as exc:
            raise QueryError(str(exc).strip().splitlines()[0]) from None
        if _fileno(out) == 1 and len(statements) == 1 and statements[0].type == duckdb.StatementType.SELECT:
            options = "FORMAT json, ARRAY true" if fmt == "json" else "FORMAT csv, HEADER"
            out.flush()
            try:
                con.execute(f"COPY ({statements[0].query}) TO '/dev/stdout' ({options}, USE_TMP_FILE false)")
                return
            except duckdb.ParserException:
                pass  # SELECT-like statements COPY does not take (DESCRIBE, SHOW): the row path below
            except duckdb.Error as exc:
                raise QueryError(str(exc).strip().splitlines()[0]) from None
        cur = run_sql(con, query)
        columns = [d[0] for d in cur.description] if cur.description else []
        render(columns, cur.fetchall() if columns else [], fmt, out)


def _fileno(out: TextIO) -> int | None:
    try:
        return out.fileno()
    except (AttributeError, OSError, ValueError):
        return None


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

"""Synthetic warehouse rows generated inside DuckDB (range(), hash(), seeded random()): fast and reproducible.

Shapes follow the real data: ~200 outlets, skewed speaker and outlet popularity, about a third of the
quotes repeated across outlets (quote_key), events linked across articles (event_key), 10% near-duplicate
copies, 70% relevant. Texts are modest (~300 characters for articles) so a million articles stay small on disk.
Used by bench/warehouse/run.py and tests/warehouse/test_scale.py.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

FIRST_DAY = "2022-02-24"
EVENT_TYPES = [
    "call",
    "meeting",
    "negotiation",
    "proposal",
    "agreement",
    "ceasefire",
    "ceasefire_violation",
    "prisoner_exchange",
    "attack",
    "sanctions",
    "military_aid",
    "demand",
    "rejection",
]
ACTORS = [
    "russia",
    "ukraine",
    "united_states",
    "european_union",
    "turkey",
    "china",
    "saudi_arabia",
    "qatar",
    "vatican",
    "nato",
    "united_kingdom",
    "france",
    "germany",
    "poland",
    "hungary",
    "belarus",
    "iran",
    "north_korea",
    "un",
    "iaea",
]
_LOREM = (
    "Delegations met again on Tuesday as envoys pressed for a partial truce covering energy infrastructure "
    "and shipping in the Black Sea, while officials on both sides traded accusations over overnight drone "
    "strikes and the exchange of prisoners that had been promised for the end of the week. Negotiators said "
    "a technical group would meet in the coming days to settle the monitoring of any ceasefire line. "
)


def _sql_list(items: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(f"'{x}'" for x in items) + "]"


def fill(
    con: duckdb.DuckDBPyConnection,
    articles: int,
    *,
    first: int = 0,
    days: int = 1200,
    quotes_per_article: int = 3,
    events_per_article: float = 1.0,
    day_offset: int | None = None,
    run_id: str = "synthetic",
    seed: float = 0.42,
) -> None:
    """Insert articles [first, first+articles) with their quotes, events and fetches into the migrated tables.

    Articles are spread over `days` days from FIRST_DAY, or all on day `day_offset` when given (a staged day).
    """
    con.execute(f"SELECT setseed({seed})")

    def day_of(var: str) -> str:
        return f"{day_offset}" if day_offset is not None else f"({var} % {days})"

    day_expr = day_of("i")
    lorem = _LOREM.replace("'", "''")
    con.execute(
        f"""
        INSERT INTO articles BY NAME
        SELECT
            substr(md5(i::VARCHAR), 1, 16) AS article_id,
            'https://outlet' || (hash(i) % 200) || '.test/news/' || i AS url,
            'https://outlet' || (hash(i) % 200) || '.test/news/' || i AS canonical_url,
            'Outlet ' || (floor(200 * pow(random(), 2))::INT) AS source,
            'Talks update ' || i || ': ' || substr('{lorem}', 1 + (hash(i) % 120)::INT, 60) AS title,
            TIMESTAMP '{FIRST_DAY}' + INTERVAL ({day_expr}) DAY + INTERVAL (hash(i) % 86400) SECOND AS published_at,
            'en' AS language,
            'Report ' || i || '. ' || substr('{lorem}', 1 + (hash(i * 7) % 100)::INT, 300) AS text,
            random() < 0.7 AS relevant,
            round(random(), 3) AS relevance_score,
            md5(i::VARCHAR || 'c') AS content_hash,
            (hash(i) >> 1)::BIGINT AS simhash,
            CASE WHEN i % 10 = 3 AND i > {first} + 1 THEN substr(md5((i - 1)::VARCHAR), 1, 16) END AS duplicate_of,
            TIMESTAMP '{FIRST_DAY}' + INTERVAL ({day_expr}) DAY + INTERVAL 22 HOUR AS fetched_at,
            '{run_id}' AS run_id,
            '{run_id}' AS first_run_id
        FROM range({first}, {first + articles}) AS t(i)
        """
    )
    n_quotes = articles * quotes_per_article
    con.execute(
        f"""
        INSERT INTO quotes BY NAME
        SELECT
            md5('q' || j::VARCHAR) AS quote_id,
            substr(md5((j // {quotes_per_article})::VARCHAR), 1, 16) AS article_id,
            CASE WHEN k < 0.33 THEN 'Shared remark number ' || (hash(j) % 20000)
                 ELSE 'Remark ' || j END || ': ' || substr('{lorem}', 1 + (hash(j) % 200)::INT, 80) AS text,
            CASE WHEN s < 3000 THEN 'Speaker ' || s END AS speaker,
            CASE WHEN s < 3000 THEN 'speaker_' || s END AS speaker_id,
            10 AS start_char,
            90 AS end_char,
            random() < 0.15 AS fragment,
            'said' AS cue,
            CASE WHEN k < 0.33 THEN 'shared remark number ' || (hash(j) % 20000) ELSE 'remark ' || j END AS quote_key
        FROM (
            SELECT j, random() AS k, floor(3300 * pow(random(), 3))::INT AS s
            FROM range({first * quotes_per_article}, {first * quotes_per_article + n_quotes}) AS t(j)
        ) AS g
        """
    )
    n_events = int(articles * events_per_article)
    types, actors = _sql_list(EVENT_TYPES), _sql_list(ACTORS)
    con.execute(
        f"""
        INSERT INTO events BY NAME
        SELECT
            md5('e' || j::VARCHAR) AS event_id,
            substr(md5(a::VARCHAR), 1, 16) AS article_id,
            {types}[1 + t] AS event_type,
            DATE '{FIRST_DAY}' + CAST(d AS INTEGER) AS event_date,
            NULL AS event_date_end,
            list_distinct([{actors}[1 + (floor(20 * pow(random(), 2))::INT)],
                           {actors}[1 + (floor(20 * random())::INT)]]) AS actors,
            'Riyadh' AS location,
            'occurred' AS status,
            'Evidence sentence for event ' || j || '. ' || substr('{lorem}', 1 + (hash(j) % 150)::INT, 120) AS evidence,
            0 AS start_char,
            120 AS end_char,
            NULL AS cameo_code,
            'ek-' || d || '-' || t || '-' || (hash(j) % 4) AS event_key
        FROM (
            SELECT j, {first} + (hash(j) % {articles}) AS a,
                   (floor(13 * pow(random(), 1.5)))::INT AS t,
                   greatest(0, {day_of("(" + str(first) + " + hash(j) % " + str(articles) + ")")}
                               - (hash(j) % 3)::INT) AS d
            FROM range({first}, {first + n_events}) AS t(j)
        ) AS g
        """
    )
    con.execute(
        f"""
        INSERT INTO fetches BY NAME
        SELECT '{run_id}' AS run_id, a.url, a.source, a.url AS final_url,
               CASE WHEN hash(a.url) % 20 = 0 THEN 'timeout' WHEN hash(a.url) % 20 = 1 THEN 'http_error'
                    ELSE 'ok' END AS outcome,
               200 AS status_code, 1 AS attempts, 300 AS elapsed_ms, 30000 AS bytes, a.fetched_at
        FROM articles AS a WHERE a.run_id = '{run_id}'
        """
    )


def build(path: Path, articles: int, **kw: object) -> None:
    """A migrated warehouse file at `path` holding `articles` synthetic articles (3 quotes, 1 event each)."""
    from warehouse import db

    with db.writer(str(path)) as con:
        fill(con, articles, **kw)
        con.execute("CHECKPOINT")


def stage(
    run_dir: Path, articles: int, *, first: int, day_offset: int, run_id: str, days: int = 1200
) -> dict[str, int]:
    """Stage one day's run as Parquet with the warehouse schema (what transform writes); return row counts."""
    from warehouse import db

    run_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    try:
        for mig in db.migrations():
            con.execute(mig.sql)
        fill(con, articles, first=first, day_offset=day_offset, run_id=run_id, seed=0.17, days=days)
        # staged rows carry no link keys or duplicate marks yet: the loader assigns them
        con.execute("UPDATE events SET event_key = NULL")
        con.execute("UPDATE articles SET duplicate_of = NULL")
        # the extraction fingerprint transform stamps on every article (ceasefire.stages._extract_hash)
        con.execute("UPDATE articles SET extract_hash = md5(article_id || content_hash || coalesce(title, ''))")
        # one staged article in ten is a copy of a story already stored that day (same fingerprint)
        con.execute(
            f"UPDATE articles SET simhash = (hash({day_offset} + {days} * (rowid % 100)) >> 1)::BIGINT "
            "WHERE rowid % 10 = 0"
        )
        con.execute(
            "INSERT INTO feeds SELECT 'https://outlet' || i || '.test/feed.xml', 'Outlet ' || i, NULL, NULL, "
            "TIMESTAMP '2025-06-01', 200, NULL FROM range(200) AS t(i)"
        )
        counts = {}
        for table in ("articles", "quotes", "events", "fetches", "feeds"):
            target = run_dir / f"{table}.parquet"
            con.execute(f"COPY {table} TO '{target}' (FORMAT parquet)")
            counts[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return counts
    finally:
        con.close()

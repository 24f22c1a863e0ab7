"""BM25 full-text search over a term table stored in the warehouse itself, for DuckLake catalogs.

The fts extension keeps its index as a schema of tables and macros inside the database it indexes; a
DuckLake catalog cannot hold those macros, and a copy of the index in a local file would be stale on every
other machine that writes to the lake. So on DuckLake the index is two ordinary tables, maintained
incrementally by the load transaction itself (postings for the staged articles only, written in the same
commit as the articles, so search is never behind the warehouse, survives concurrent writers, and needs no
O(all articles) rebuild after each load):

    search_terms (article_id, term, tf)     one row per article and stemmed term; inserted sorted by term so
                                            Parquet min/max statistics skip most row groups at query time
    search_docs  (article_id, doc_len)      one row per article: number of indexed terms

Tokenising, the English stop-word list, the Porter stemmer (the fts extension's `stem`) and the BM25 formula
(k = 1.2, b = 0.75) mirror the fts extension's `match_bm25` over title and text exactly, so both backends
rank the same articles with the same scores. `search_articles(query)` is a temporary table macro created on
every DuckLake connection, so analysts call it the same way on both backends.
"""

from __future__ import annotations

import duckdb

# The fts extension's "english" stop-word list (571 words), applied to tokens before stemming.
_STOPWORD_TEXT = """
    a a's able about above according accordingly across actually after afterwards again against ain't all
    allow allows almost alone along already also although always am among amongst an and another any anybody
    anyhow anyone anything anyway anyways anywhere apart appear appreciate appropriate are aren't around as
    aside ask asking associated at available away awfully b be became because become becomes becoming been
    before beforehand behind being believe below beside besides best better between beyond both brief but by
    c c'mon c's came can can't cannot cant cause causes certain certainly changes clearly co com come comes
    concerning consequently consider considering contain containing contains corresponding could couldn't
    course currently d definitely described despite did didn't different do does doesn't doing don't done
    down downwards during e each edu eg eight either else elsewhere enough entirely especially et etc even
    ever every everybody everyone everything everywhere ex exactly example except f far few fifth first five
    followed following follows for former formerly forth four from further furthermore g get gets getting
    given gives go goes going gone got gotten greetings h had hadn't happens hardly has hasn't have haven't
    having he he's hello help hence her here here's hereafter hereby herein hereupon hers herself hi him
    himself his hither hopefully how howbeit however i i'd i'll i'm i've ie if ignored immediate in inasmuch
    inc indeed indicate indicated indicates inner insofar instead into inward is isn't it it'd it'll it's
    its itself j just k keep keeps kept know known knows l last lately later latter latterly least less lest
    let let's like liked likely little look looking looks ltd m mainly many may maybe me mean meanwhile
    merely might more moreover most mostly much must my myself n name namely nd near nearly necessary need
    needs neither never nevertheless new next nine no nobody non none noone nor normally not nothing novel
    now nowhere o obviously of off often oh ok okay old on once one ones only onto or other others otherwise
    ought our ours ourselves out outside over overall own p particular particularly per perhaps placed
    please plus possible presumably probably provides q que quite qv r rather rd re really reasonably
    regarding regardless regards relatively respectively right s said same saw say saying says second
    secondly see seeing seem seemed seeming seems seen self selves sensible sent serious seriously seven
    several shall she should shouldn't since six so some somebody somehow someone something sometime
    sometimes somewhat somewhere soon sorry specified specify specifying still sub such sup sure t t's take
    taken tell tends th than thank thanks thanx that that's thats the their theirs them themselves then
    thence there there's thereafter thereby therefore therein theres thereupon these they they'd they'll
    they're they've think third this thorough thoroughly those though three through throughout thru thus to
    together too took toward towards tried tries truly try trying twice two u un under unfortunately unless
    unlikely until unto up upon us use used useful uses using usually uucp v value various very via viz vs w
    want wants was wasn't way we we'd we'll we're we've welcome well went were weren't what what's whatever
    when whence whenever where where's whereafter whereas whereby wherein whereupon wherever whether which
    while whither who who's whoever whole whom whose why will willing wish with within without won't wonder
    would would wouldn't x y yes yet you you'd you'll you're you've your yours yourself yourselves z zero
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# The fts extension's tokenizer: lower-case, strip accents, digits and ASCII punctuation become spaces.
_PUNCT = r"""'[0-9!@#$%^&*()_+={}\[\]:;<>,.?~\\/\|''''"`-]+'"""
K1, B = 1.2, 0.75
_DOC = "concat_ws(' ', title, text)"


def tokens_sql(expr: str) -> str:
    """SQL for the list of raw tokens of a text expression, as the fts extension splits them."""
    cleaned = f"regexp_replace(lower(strip_accents(CAST({expr} AS VARCHAR))), {_PUNCT}, ' ', 'g')"
    return rf"string_split_regex({cleaned}, '\s+')"


TABLES_SQL = """
CREATE TABLE IF NOT EXISTS search_terms (article_id VARCHAR NOT NULL, term VARCHAR NOT NULL, tf INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS search_docs (article_id VARCHAR NOT NULL, doc_len INTEGER NOT NULL);
"""

MACRO_SQL = f"""
CREATE OR REPLACE TEMP MACRO search_articles(q) AS TABLE
WITH qt AS (SELECT DISTINCT stem(unnest({tokens_sql("q")}), 'porter') AS term),
st AS (SELECT count(*) AS n, sum(doc_len) / count(*) AS avgdl FROM search_docs),
hits AS (SELECT article_id, term, tf FROM search_terms WHERE term IN (SELECT term FROM qt)),
df AS (SELECT term, count(*) AS df FROM hits GROUP BY term),
sc AS (
    SELECT h.article_id,
           sum(log((st.n - df.df + 0.5) / (df.df + 0.5) + 1)
               * (h.tf * ({K1} + 1)) / (h.tf + {K1} * (1 - {B} + {B} * d.doc_len / st.avgdl))) AS score
    FROM hits AS h JOIN df USING (term) JOIN search_docs AS d USING (article_id) CROSS JOIN st
    GROUP BY h.article_id
)
SELECT sc.score, a.article_id, a.published_at, a.source, a.title, a.url, a.relevant
FROM sc JOIN articles AS a USING (article_id)
ORDER BY sc.score DESC
"""


def has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the current catalog holds both term tables."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database() "
        "AND table_name IN ('search_terms', 'search_docs')"
    ).fetchone()[0]
    return found == 2


def install_macro(con: duckdb.DuckDBPyConnection) -> None:
    """Create the session's `search_articles(query)` table macro, once the term tables exist."""
    if has_tables(con):
        con.execute(MACRO_SQL)


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the term tables (inside the caller's transaction)."""
    con.execute(TABLES_SQL)


def _stopwords(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TEMP TABLE IF NOT EXISTS fts_stopwords AS SELECT unnest(?::VARCHAR[]) AS word", [sorted(STOPWORDS)]
    )


def _index(con: duckdb.DuckDBPyConnection, source: str) -> None:
    """Replace the postings of the articles in `source` (a table or subquery with article_id, title, text)."""
    _stopwords(con)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE stg_terms AS "
        "SELECT article_id, stem(w, 'porter') AS term, count(*)::INTEGER AS tf FROM ("
        f"  SELECT article_id, unnest({tokens_sql(_DOC)}) AS w FROM {source}"
        ") WHERE len(w) > 0 AND w NOT IN (SELECT word FROM fts_stopwords) GROUP BY ALL"
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE stg_docs AS SELECT DISTINCT article_id FROM {source}")
    # Deleting only what exists keeps loads of new articles insert-only, which DuckLake never reports as a conflict.
    for table in ("search_terms", "search_docs"):
        con.execute(
            f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM stg_docs "
            f"WHERE article_id IN (SELECT article_id FROM {table}))"
        )
    con.execute("INSERT INTO search_terms SELECT article_id, term, tf FROM stg_terms ORDER BY term, article_id")
    con.execute(
        "INSERT INTO search_docs SELECT d.article_id, coalesce(sum(t.tf), 0)::INTEGER FROM stg_docs AS d "
        "LEFT JOIN stg_terms AS t USING (article_id) GROUP BY d.article_id ORDER BY d.article_id"
    )


def index_staged(con: duckdb.DuckDBPyConnection) -> None:
    """Index the articles of the run being loaded (stg_articles), inside the load transaction."""
    _index(con, "stg_articles")


def index_is_complete(con: duckdb.DuckDBPyConnection) -> bool:
    """True when every stored article has exactly one search_docs row (cheap; counts only)."""
    row = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM search_docs), "
        "(SELECT count(DISTINCT article_id) FROM search_docs)"
    ).fetchone()
    return row[0] == row[1] == row[2]


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Index every article from scratch (inside the caller's transaction): for lakes loaded before indexing."""
    con.execute("DELETE FROM search_terms")
    con.execute("DELETE FROM search_docs")
    _index(con, "articles")

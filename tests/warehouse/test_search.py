"""Full-text search on both backends: BM25 ranking, filters, re-indexing on reload, the CLI, equal scores."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.warehouse.conftest import ducklake_uri
from tests.warehouse.test_load import article, stage
from warehouse import db, queries
from warehouse.load import load_run, refresh_search_index

DOCS = {
    "many": ("The truce held overnight; a truce monitor said the truce was fragile.", 24, True),
    "once": ("Delegations discussed a truce and prisoner lists in Riyadh.", 25, True),
    "rare": ("Shipping resumed through the grain corridor near Odesa under the truce.", 26, False),
    "none": ("Weather in Kyiv stayed cold and grey all week.", 27, True),
}


def _load(target: str, run: Path, run_id: str) -> None:
    """What `ceasefire load` does: merge the run, then refresh the search index."""
    with db.writer(target) as con:
        load_run(con, run, {"run_id": run_id, "logical_date": dt.date(2025, 3, 27)})
        refresh_search_index(con)


def _stage_docs(folder: Path, docs: dict, run_id: str = "r1") -> Path:
    rows = [
        article(aid, text, day=day, relevant=rel, simhash=i * 0x0F0F0F0F, title=f"Report {i}", run_id=run_id)
        for i, (aid, (text, day, rel)) in enumerate(docs.items())
    ]
    return stage(folder / run_id, rows, [], [], run_id=run_id)


@pytest.fixture
def searchable(warehouse_target: str, tmp_path: Path) -> str:
    _load(warehouse_target, _stage_docs(tmp_path / "staging", DOCS), "r1")
    return warehouse_target


def _ids(rows: list[tuple]) -> list[str]:
    return [r[1] for r in rows]


def test_bm25_ranks_by_term_frequency_and_rarity(searchable: str) -> None:
    cols, rows = queries.search(searchable, "truce")
    assert cols == ["score", "article_id", "published", "source", "title", "url"]
    assert _ids(rows)[0] == "many"  # three occurrences beat one
    assert set(_ids(rows)) == {"many", "once", "rare"}
    assert all(a[0] >= b[0] > 0 for a, b in itertools.pairwise(rows))
    # a rare term outweighs a common one: only one article mentions grain, three mention the truce
    assert _ids(queries.search(searchable, "grain truce")[1])[0] == "rare"
    # stemming and case: "Truces" finds "truce", "corridors" finds "corridor"
    assert _ids(queries.search(searchable, "CORRIDORS")[1]) == ["rare"]
    assert queries.search(searchable, "zebra")[1] == []


def test_date_and_relevance_filters(searchable: str) -> None:
    _, rows = queries.search(searchable, "truce", since=dt.date(2025, 3, 25))
    assert set(_ids(rows)) == {"once", "rare"}
    _, rows = queries.search(searchable, "truce", until=dt.date(2025, 3, 25))
    assert set(_ids(rows)) == {"many", "once"}
    _, rows = queries.search(searchable, "truce", relevant_only=True)
    assert set(_ids(rows)) == {"many", "once"}
    assert all(r[2] == dt.date(2025, 3, 24) for r in queries.search(searchable, "monitor")[1])


def test_reloaded_article_is_reindexed(searchable: str, tmp_path: Path) -> None:
    docs = {"once": ("Delegations now speak of a ceasefire, not of lists.", 25, True)}
    _load(searchable, _stage_docs(tmp_path / "staging", docs, "r2"), "r2")
    assert "once" not in _ids(queries.search(searchable, "riyadh prisoner")[1])
    assert _ids(queries.search(searchable, "ceasefire")[1]) == ["once"]
    # the analysts' macro answers the same through `query`
    _, rows = queries.run(searchable, sql="SELECT article_id FROM search_articles('ceasefire')")
    assert rows == [("once",)]


def test_cli_search_json(searchable: str) -> None:
    done = run_cli("search", "truce", "--from", "2025-03-24", "--relevant", "--format", "json",
                   "--warehouse", searchable, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [r["article_id"] for r in rows] == ["many", "once"]
    assert rows[0]["score"] > rows[1]["score"] > 0
    bad = run_cli("search", "truce", "--from", "yesterday", "--warehouse", searchable)
    assert bad.returncode != 0 and bad.stderr.count("\n") == 1


def test_both_backends_give_the_same_scores(tmp_path: Path, pg_database: str) -> None:
    """The lake's term-table BM25 mirrors the fts extension: same tokens, stems, stop words and formula."""
    text = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "trump-putin-call-2025-03-18.txt"
    docs = dict(DOCS)
    if text.exists():  # a real article's vocabulary exercises punctuation, accents and curly quotes
        docs["seed"] = (text.read_text(encoding="utf-8"), 18, True)
    run = _stage_docs(tmp_path / "staging", docs)
    targets = [str(tmp_path / "w.duckdb"), ducklake_uri(pg_database, tmp_path)]
    for target in targets:
        _load(target, run, "r1")
    for q in ("truce", "Putin call energy infrastructure", "grain corridor Odesa", "ceasefire talks, 30-day"):
        file_rows, lake_rows = (queries.search(t, q, limit=50)[1] for t in targets)
        assert _ids(file_rows) == _ids(lake_rows), q
        assert all(math.isclose(a[0], b[0], rel_tol=1e-9) for a, b in zip(file_rows, lake_rows, strict=True))

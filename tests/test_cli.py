"""The real `ceasefire` console script end to end on the bundled sample, replayed offline."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
import yaml

from tests.conftest import SAMPLE, run_cli
from transform.urls import canonical_url

MANIFEST = yaml.safe_load((SAMPLE / "manifest.yaml").read_text(encoding="utf-8"))
RUN_ARGS = ("run", "--replay", str(SAMPLE), "--since", "2025-03-01", "--date", "2025-06-03")


def _counts(warehouse: Path) -> dict[str, int]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "quotes", "events", "feeds")
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The sample run twice into a fresh warehouse, with the counts after each run."""
    root = tmp_path_factory.mktemp("demo")
    env = {"CEASEFIRE_WAREHOUSE": str(root / "w.duckdb"), "CEASEFIRE_DATA_DIR": str(root / "data")}
    first = run_cli(*RUN_ARGS, env=env)
    after_first = _counts(root / "w.duckdb") if first.returncode == 0 else {}
    second = run_cli(*RUN_ARGS, env=env)
    return {"env": env, "warehouse": root / "w.duckdb", "first": first, "second": second, "after_first": after_first}


def _sql(demo: dict, sql: str) -> list[tuple]:
    con = duckdb.connect(str(demo["warehouse"]), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_run_succeeds_and_fills_the_warehouse(demo: dict) -> None:
    assert demo["first"].returncode == 0, demo["first"].stderr
    counts = demo["after_first"]
    assert counts["articles"] >= 25 and counts["quotes"] >= 40 and counts["events"] >= 30
    relevant = dict(_sql(demo, "SELECT relevant, count(*) FROM articles GROUP BY ALL"))
    assert relevant.get(False, 0) >= 3 and relevant.get(True, 0) >= 20
    outcomes = {o for (o,) in _sql(demo, "SELECT DISTINCT outcome FROM fetches")}
    assert {"ok", "http_error", "not_html", "robots"} <= outcomes
    assert "run cli-2025-06-03" in demo["first"].stdout


def test_every_good_page_is_stored_and_every_fault_recorded(demo: dict) -> None:
    stored = {u for row in _sql(demo, "SELECT url, canonical_url FROM articles") for u in row}
    fetches = dict(_sql(demo, "SELECT url, outcome FROM fetches"))
    for item in MANIFEST["items"]:
        url = canonical_url(item["url"])
        if item["expect"] == "ok":
            assert url in stored or canonical_url(item.get("canonical") or url) in stored, item["url"]
        elif item["expect"] == "redirect":
            assert fetches.get(url) == "ok", item["url"]
            assert canonical_url(item["redirect_to"]) in stored
        else:
            assert fetches.get(url) == item["expect"], item["url"]


def test_relevance_matches_the_manifest(demo: dict) -> None:
    by_url = {}
    for url, canon, relevant in _sql(demo, "SELECT url, canonical_url, relevant FROM articles"):
        by_url[url] = by_url[canon] = relevant
    wrong = [
        item["url"]
        for item in MANIFEST["items"]
        if item["expect"] == "ok" and by_url.get(canonical_url(item["url"])) is not item["relevant"]
    ]
    assert wrong == []


def test_near_duplicates_point_at_the_first_copy(demo: dict) -> None:
    ids = {u: aid for aid, url, canon in _sql(demo, "SELECT article_id, url, canonical_url FROM articles")
           for u in (url, canon)}  # fmt: skip
    dup = dict(_sql(demo, "SELECT article_id, duplicate_of FROM articles"))
    pairs = [(i["url"], i["duplicate_of"]) for i in MANIFEST["items"] if i.get("duplicate_of")]
    assert pairs
    for copy, original in pairs:
        assert dup[ids[canonical_url(copy)]] == ids[canonical_url(original)], copy


def test_second_run_fetches_nothing_and_changes_no_counts(demo: dict) -> None:
    assert demo["second"].returncode == 0, demo["second"].stderr
    assert _counts(demo["warehouse"]) == demo["after_first"]
    runs = _sql(demo, "SELECT run_id, candidates, fetched_ok, status FROM runs ORDER BY started_at")
    assert len(runs) == 2 and runs[1][1] == 0 and runs[1][2] == 0 and runs[1][3] == "checked"
    statuses = {s for (s,) in _sql(demo, "SELECT last_status FROM feeds WHERE last_error IS NULL")}
    assert statuses == {304}


def test_query_named_and_sql_as_json(demo: dict) -> None:
    listing = run_cli("query", "--list", env=demo["env"])
    assert listing.returncode == 0
    names = [line.split()[0] for line in listing.stdout.splitlines()]
    for name in ("daily_coverage", "events_by_type_daily", "top_speakers", "quote_spread", "event_timeline"):
        assert name in names
        out = run_cli("query", "--name", name, "--format", "json", env=demo["env"])
        assert out.returncode == 0, out.stderr
        rows = json.loads(out.stdout)
        assert rows and isinstance(rows[0], dict), name
    csv_out = run_cli("query", "SELECT count(*) AS n FROM articles", env=demo["env"])
    assert csv_out.stdout.splitlines() == ["n", str(demo["after_first"]["articles"])]


@pytest.mark.parametrize(
    "args",
    [
        ("query", "DELETE FROM articles"),
        ("query", "SELEC * FROM nowhere"),
        ("query", "--name", "no_such_view"),
        ("query", "SELECT 1", "--format", "xml"),
        ("run", "--date", "2025-13-45"),
        ("run", "--feeds", "/nonexistent/feeds.yaml", "--date", "2025-03-19"),
        ("run", "--replay", "/nonexistent/sample"),
        ("extract", "/nonexistent/page.html"),
        ("reprocess", "--from", "2025-03-20", "--to", "2025-03-01"),
        ("search", "   "),
        ("query",),
        ("run", "--bogus-flag"),
    ],
)
def test_bad_input_is_one_line_and_loses_nothing(demo: dict, args: tuple[str, ...]) -> None:
    before = _counts(demo["warehouse"])
    out = run_cli(*args, env=demo["env"])
    assert out.returncode != 0
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert "Traceback" not in out.stderr and out.stderr.startswith("ceasefire: ")
    assert _counts(demo["warehouse"]) == before


def test_query_on_a_missing_warehouse_is_one_line(tmp_path: Path) -> None:
    out = run_cli("query", "SELECT 1", env={"CEASEFIRE_WAREHOUSE": str(tmp_path / "none.duckdb")})
    assert out.returncode == 1 and "warehouse not found" in out.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_extract_many_files_as_json_lines(tmp_path: Path) -> None:
    pages = [SAMPLE / "sites" / i["file"] for i in MANIFEST["items"] if i["expect"] == "ok" and i.get("file")][:5]
    out = run_cli("extract", *map(str, pages))
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(lines) == len(pages)
    for page in lines:
        assert {"url", "title", "published", "language", "text", "relevant", "relevance", "quotes", "events"} <= set(
            page
        )
        for q in page["quotes"]:
            assert page["text"][q["start"] : q["end"]] == q["text"]


def test_reprocess_rebuilds_from_the_archive_without_network(demo: dict) -> None:
    import datetime as dt

    today = dt.datetime.now(dt.UTC).date()
    before = _counts(demo["warehouse"])
    out = run_cli("reprocess", "--from", str(today - dt.timedelta(days=1)), "--to", str(today), env=demo["env"])
    assert out.returncode == 0, out.stderr
    assert _counts(demo["warehouse"]) == before
    assert _sql(demo, "SELECT count(*) FROM runs WHERE run_id LIKE 'reprocess-%' AND status = 'checked'") == [(1,)]


def test_replay_of_a_warc_archive_rebuilds_the_same_articles(demo: dict, tmp_path: Path) -> None:
    """A WARC (ours, or a Common Crawl News file) replays through the same fetch code, its pages as candidates."""
    warcs = sorted((Path(demo["env"]["CEASEFIRE_DATA_DIR"]) / "raw").glob("*/*/*/*.warc.gz"))
    assert warcs
    env = {"CEASEFIRE_WAREHOUSE": str(tmp_path / "w.duckdb"), "CEASEFIRE_DATA_DIR": str(tmp_path / "data")}
    out = run_cli("run", "--replay", str(warcs[0]), "--since", "2025-03-01", "--date", "2025-06-03", env=env)
    assert out.returncode == 0, out.stderr
    assert _counts(tmp_path / "w.duckdb")["articles"] == demo["after_first"]["articles"]

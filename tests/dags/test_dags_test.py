"""`airflow dags test` on both DAGs in a throwaway AIRFLOW_HOME, against the sample served over real HTTP.

Only CEASEFIRE_* variables configure the pipeline (plus AIRFLOW_HOME and the DAG folder). The daily run
takes the whole sample window (CEASEFIRE_LOOKBACK_DAYS), so every kind of page the sample holds goes
through the DAG: articles, a redirect, a 500, a missing feed, a PDF, a robots.txt-disallowed URL. Then the
news site is stopped and `ceasefire_reprocess` rebuilds the articles from the WARC archive alone.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from tests.dags.conftest import REPO
from tests.support.newsite import (
    SAMPLE,
    NewsSite,
    expected_articles,
    local_url,
    manifest_items,
    write_feeds_file,
)
from transform.urls import canonical_url

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

AIRFLOW = str(Path(sys.executable).parent / "airflow")
LOGICAL_DATE = dt.date(2025, 6, 3)
SINCE = dt.date(2025, 3, 1)  # the sample's first day
LOOKBACK_DAYS = (LOGICAL_DATE - SINCE).days + 1


def _airflow(env: dict[str, str], *args: str, timeout: int = 150) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([AIRFLOW, *args], env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        tail = (result.stdout + result.stderr)[-4000:]
        pytest.fail(f"airflow {' '.join(args)} exited {result.returncode}:\n{tail}")
    return result


def _states(home: Path, dag_id: str) -> tuple[list[str], dict[tuple[str, int], str]]:
    """Run states and task-instance states of a DAG, read from the metadata DB."""
    with sqlite3.connect(home / "airflow.db") as db:
        runs = [r[0] for r in db.execute("SELECT state FROM dag_run WHERE dag_id = ?", (dag_id,))]
        tis = {
            (task, index): state
            for task, index, state in db.execute(
                "SELECT task_id, map_index, state FROM task_instance WHERE dag_id = ?", (dag_id,)
            )
        }
    return runs, tis


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory):
    """Run both DAGs once; yield what the tests inspect."""
    tmp = tmp_path_factory.mktemp("dags-test")
    home = tmp / "airflow-home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CEASEFIRE_", "AIRFLOW"))}
    env.update(
        AIRFLOW_HOME=str(home),
        AIRFLOW__CORE__DAGS_FOLDER=str(REPO / "dags"),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
    )
    _airflow(env, "db", "migrate")
    _airflow(env, "pools", "set", "duckdb_writes", "1", "One DuckDB writer")
    warehouse = tmp / "data" / "ceasefire.duckdb"
    site = NewsSite().start()
    try:
        env.update(
            CEASEFIRE_FEEDS=str(write_feeds_file(site.base_url, tmp / "feeds.yaml")),
            CEASEFIRE_ALLOW_HOSTS=site.host_port,
            CEASEFIRE_WAREHOUSE=str(warehouse),
            CEASEFIRE_DATA_DIR=str(tmp / "data"),
            CEASEFIRE_LOOKBACK_DAYS=str(LOOKBACK_DAYS),
        )
        _airflow(env, "dags", "test", "ceasefire_daily", LOGICAL_DATE.isoformat())
    finally:
        site.stop()
    served = list(site.requests)
    daily = _snapshot(warehouse)
    daily_states = _states(home, "ceasefire_daily")

    # WARC files are filed under the fetch day (UTC); a window from yesterday covers a run across midnight.
    today = dt.datetime.now(dt.UTC).date()
    conf = {"from": (today - dt.timedelta(days=1)).isoformat(), "to": today.isoformat()}
    _airflow(env, "dags", "test", "ceasefire_reprocess", "--conf", json.dumps(conf))
    yield {
        "home": home,
        "site": site,
        "served": served,
        "daily": daily,
        "daily_states": daily_states,
        "reprocess": _snapshot(warehouse),
        "reprocess_states": _states(home, "ceasefire_reprocess"),
    }


def _snapshot(warehouse: Path) -> dict[str, object]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {
            "articles": {r[0]: r[1] for r in con.execute("SELECT canonical_url, run_id FROM articles").fetchall()},
            "texts": dict(con.execute("SELECT article_id, md5(text) FROM articles").fetchall()),
            "fetches": {
                r[0]: (r[1], r[2]) for r in con.execute("SELECT url, outcome, final_url FROM fetches").fetchall()
            },
            "runs": con.execute("SELECT run_id, logical_date, status FROM runs ORDER BY started_at").fetchall(),
            "quotes": con.execute("SELECT count(*) FROM quotes").fetchone()[0],
        }


def test_daily_run_succeeds_with_every_task(deployment) -> None:
    runs, tis = deployment["daily_states"]
    assert runs == ["success"]
    assert {task for task, _ in tis} == {"discover", "fetch", "transform", "load", "check"}
    assert set(tis.values()) == {"success"}, tis
    sources = yaml.safe_load((SAMPLE / "feeds.yaml").read_text())["sources"]
    fetch_instances = [index for task, index in tis if task == "fetch"]
    assert sorted(fetch_instances) == list(range(len(fetch_instances))) and len(fetch_instances) > 1
    assert len(fetch_instances) <= len(sources)


def test_every_good_page_in_the_window_is_stored(deployment) -> None:
    expected = expected_articles(deployment["site"].base_url, SINCE, LOGICAL_DATE)
    stored = set(deployment["daily"]["articles"])
    assert stored == expected
    assert len(stored) >= 30


def test_fetch_outcomes_follow_the_sample_over_http(deployment) -> None:
    base = deployment["site"].base_url
    fetches = deployment["daily"]["fetches"]
    for item in manifest_items(SINCE, LOGICAL_DATE):
        url = local_url(item["url"], base)
        # The fetch log keys candidates by their canonical form (tracking parameters and fragments dropped).
        outcome, final_url = fetches.get(url) or fetches[canonical_url(url)]
        if item["expect"] == "redirect":
            assert (outcome, final_url) == ("ok", local_url(item["redirect_to"], base))
        else:
            assert outcome == item["expect"], item["url"]
    served = deployment["served"]
    assert "/robots.txt" in served
    assert not any("/private/" in path for path in served)  # robots.txt disallowed it: never requested


def test_run_row_is_checked(deployment) -> None:
    runs = deployment["daily"]["runs"]
    assert len(runs) == 1
    run_id, logical_date, status = runs[0]
    assert run_id.startswith("airflow-manual__")
    assert str(logical_date)[:10] == LOGICAL_DATE.isoformat() and status == "checked"


def test_reprocess_rebuilds_from_the_archive_without_the_network(deployment) -> None:
    runs, tis = deployment["reprocess_states"]
    assert runs == ["success"] and set(tis.values()) == {"success"}
    before, after = deployment["daily"], deployment["reprocess"]
    reprocess_runs = [r for r in after["runs"] if r[0].startswith("reprocess-")]
    assert len(reprocess_runs) == 1 and reprocess_runs[0][2] == "checked"
    assert set(after["articles"]) == set(before["articles"])  # the same articles, no duplicates
    assert after["texts"] == before["texts"]
    assert after["quotes"] == before["quotes"]

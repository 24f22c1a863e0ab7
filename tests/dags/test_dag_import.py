"""The DAG files parse in Airflow's own DagBag and declare what the deployment relies on."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.dags.conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(REPO / "dags"))


def test_no_import_errors_and_both_dags(dagbag) -> None:
    assert dagbag.import_errors == {}
    assert set(dagbag.dag_ids) == {"ceasefire_daily", "ceasefire_reprocess"}


def test_daily_schedule_and_limits(dagbag) -> None:
    dag = dagbag.dags["ceasefire_daily"]
    assert dag.schedule == "@daily"
    # Airflow 3 turns @daily into a cron trigger at midnight UTC; the run's logical date is that midnight.
    assert dag.timetable.expression == "0 0 * * *"
    assert str(dag.timetable.timezone) in ("UTC", "Timezone('UTC')")
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    assert dag.doc_md and "ceasefire_daily" in dag.doc_md


def test_daily_task_graph(dagbag) -> None:
    dag = dagbag.dags["ceasefire_daily"]
    tasks = {t.task_id: t for t in dag.tasks}
    assert set(tasks) == {"discover", "fetch", "transform", "load", "check"}
    assert tasks["discover"].downstream_task_ids == {"fetch"}
    assert tasks["fetch"].downstream_task_ids == {"transform"}
    assert tasks["transform"].downstream_task_ids == {"load"}
    assert tasks["load"].downstream_task_ids == {"check"}
    assert type(tasks["fetch"]).__name__ == "DecoratedMappedOperator"  # one task instance per source
    assert tasks["fetch"].max_active_tis_per_dagrun is not None
    # A source whose fetch fails after retries fails the run; an empty expansion (no new items) skips it.
    assert tasks["transform"].trigger_rule == "none_failed"
    assert tasks["load"].pool == "duckdb_writes" and tasks["check"].pool == "duckdb_writes"
    for task_id in ("discover", "fetch", "transform", "load"):
        assert tasks[task_id].retries >= 1, task_id
        assert tasks[task_id].retry_delay > dt.timedelta(0)
    assert tasks["check"].retries == 0  # a failed data-quality check is a finding, not a flake
    assert [a.name for a in tasks["load"].outlets] == ["ceasefire_warehouse"]
    assert all(t.on_failure_callback for t in tasks.values())


def test_reprocess_is_manual_with_from_and_to(dagbag) -> None:
    dag = dagbag.dags["ceasefire_reprocess"]
    assert dag.schedule is None
    assert dag.catchup is False and dag.max_active_runs == 1
    assert set(dag.params.keys()) == {"from", "to"}
    for name in ("from", "to"):
        schema = dag.params.get_param(name).schema
        assert schema["type"] == "string" and schema["format"] == "date"
    (task,) = dag.tasks
    assert task.task_id == "reprocess" and task.pool == "duckdb_writes" and task.retries >= 1
    assert [a.name for a in task.outlets] == ["ceasefire_warehouse"]

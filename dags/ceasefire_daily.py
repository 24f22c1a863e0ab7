"""
### ceasefire_daily

Every day: poll the outlets' feeds, fetch new articles (one mapped task per source), archive raw responses as
WARC, extract bodies, quotes and events, merge the run into the warehouse (one writer: pool `duckdb_writes`),
then run the data-quality checks. Configuration comes from the same `CEASEFIRE_*` environment variables as the
`ceasefire` CLI (warehouse, data dir, feeds file, allowed hosts). The warehouse is published as an Asset, so a
downstream DAG can be scheduled on it.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import dag, task

from ceasefire.orchestration import on_failure, warehouse_asset

default_args = {
    "owner": "ceasefire",
    "retries": 2,
    "retry_delay": timedelta(seconds=30),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=10),
    "on_failure_callback": on_failure,
}


@dag(
    dag_id="ceasefire_daily",
    schedule="@daily",
    start_date=pendulum.datetime(2025, 3, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    doc_md=__doc__,
    tags=["ceasefire", "news"],
)
def ceasefire_daily():
    @task
    def discover(**context) -> list[str]:
        from ceasefire import orchestration, stages

        run_id, day = orchestration.run_identity(context)
        found = stages.discover(
            orchestration.settings(),
            run_id,
            day,
            since=orchestration.window_start(day),
            transport=orchestration.transport(),
        )
        return found["sources"]

    @task(max_active_tis_per_dagrun=8)
    def fetch(source: str, **context) -> dict[str, int]:
        from ceasefire import orchestration, stages

        run_id, _ = orchestration.run_identity(context)
        return stages.fetch(orchestration.settings(), run_id, source, transport=orchestration.transport())

    @task(trigger_rule="none_failed")
    def transform(**context) -> dict[str, int]:
        from ceasefire import orchestration, stages

        run_id, _ = orchestration.run_identity(context)
        return stages.transform(orchestration.settings(), run_id)

    @task(pool="duckdb_writes", outlets=[warehouse_asset()])
    def load(**context) -> dict[str, int]:
        from ceasefire import orchestration, stages

        run_id, _ = orchestration.run_identity(context)
        return stages.load(orchestration.settings(), run_id)

    @task(pool="duckdb_writes", retries=0)
    def check(**context) -> None:
        from ceasefire import orchestration, stages

        run_id, _ = orchestration.run_identity(context)
        stages.check(orchestration.settings(), run_id)

    sources = discover()
    fetched = fetch.expand(source=sources)
    extracted = transform()
    fetched >> extracted
    extracted >> load() >> check()


ceasefire_daily()

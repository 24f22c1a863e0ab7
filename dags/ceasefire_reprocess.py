"""
### ceasefire_reprocess

Manual: re-extract every page archived between `from` and `to` (fetch days, inclusive) from the raw WARC
archive with the current extractor, merge the result into the warehouse and run the checks. No network.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import Param, dag, task

from ceasefire.orchestration import on_failure, warehouse_asset


@dag(
    dag_id="ceasefire_reprocess",
    schedule=None,
    start_date=pendulum.datetime(2025, 3, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "ceasefire", "retries": 1, "retry_delay": timedelta(seconds=30),
                  "on_failure_callback": on_failure},
    params={
        "from": Param(type="string", format="date", description="First fetch day (YYYY-MM-DD)"),
        "to": Param(type="string", format="date", description="Last fetch day (YYYY-MM-DD)"),
    },
    doc_md=__doc__,
    tags=["ceasefire", "news"],
)  # fmt: skip
def ceasefire_reprocess():
    @task(pool="duckdb_writes", outlets=[warehouse_asset()])
    def reprocess(**context) -> dict:
        import datetime as dt

        from ceasefire import orchestration, stages

        params = context["params"]
        since, until = dt.date.fromisoformat(params["from"]), dt.date.fromisoformat(params["to"])
        return stages.reprocess(orchestration.settings(), since, until)

    reprocess()


ceasefire_reprocess()

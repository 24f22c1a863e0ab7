"""What the DAGs need beyond the stage functions: run identity from the Airflow context, transport, callbacks."""

from __future__ import annotations

import datetime as dt
import logging
import os
from typing import Any

from ceasefire.config import Settings
from ceasefire.stages import safe_id

log = logging.getLogger("ceasefire")


def settings() -> Settings:
    """Settings from CEASEFIRE_* variables: the same configuration the CLI reads."""
    return Settings.from_env()


def transport() -> Any:
    """A replay transport when CEASEFIRE_REPLAY names a sample folder or WARC file, else None (the network)."""
    path = os.environ.get("CEASEFIRE_REPLAY")
    if not path:
        return None
    from pathlib import Path

    from ingest.replay import replay_transport

    return replay_transport(Path(path))


def window_start(logical_date: dt.date) -> dt.date | None:
    """First publication day discover keeps: CEASEFIRE_LOOKBACK_DAYS days up to the logical date, else None."""
    raw = os.environ.get("CEASEFIRE_LOOKBACK_DAYS", "").strip()
    if not raw:
        return None  # the stage's default window
    from ceasefire.errors import ConfigError

    try:
        days = int(raw)
    except ValueError:
        raise ConfigError(f"CEASEFIRE_LOOKBACK_DAYS must be a whole number of days, not {raw!r}") from None
    if days < 1:
        raise ConfigError(f"CEASEFIRE_LOOKBACK_DAYS must be at least 1, not {days}")
    return logical_date - dt.timedelta(days=days - 1)


def run_identity(context: dict[str, Any]) -> tuple[str, dt.date]:
    """(run_id, logical date) of the DAG run; manual runs without a logical date use the day they run."""
    dag_run = context.get("dag_run")
    logical = context.get("logical_date") or getattr(dag_run, "run_after", None) or dt.datetime.now(dt.UTC)
    return safe_id(f"airflow-{context['run_id']}"), logical.date()


def on_failure(context: dict[str, Any]) -> None:
    """Failure callback: one clear summary line in the task log."""
    ti = context.get("ti") or context.get("task_instance")
    exc = context.get("exception")
    log.error(
        "ceasefire task failed: dag=%s task=%s run=%s try=%s error=%s",
        getattr(ti, "dag_id", "?"),
        getattr(ti, "task_id", "?"),
        context.get("run_id"),
        getattr(ti, "try_number", "?"),
        f"{type(exc).__name__}: {exc}" if exc else "unknown",
    )


def warehouse_asset():
    """The Asset the load task updates, so downstream DAGs can be scheduled on a fresh warehouse."""
    from airflow.sdk import Asset

    return Asset(name="ceasefire_warehouse", uri="file:///ceasefire/warehouse.duckdb")

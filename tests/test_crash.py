"""A run killed at any moment leaves the warehouse as it was, and the next run recovers every article."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb

from tests.conftest import CLI, SAMPLE, run_cli

ARGS = ["run", "--replay", str(SAMPLE), "--since", "2025-03-01", "--date", "2025-03-31"]
LATER = ["run", "--replay", str(SAMPLE), "--since", "2025-03-01", "--date", "2025-06-03"]


def _count(path: Path, sql: str) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_sigkill_while_loading_loses_nothing(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("CEASEFIRE_")},
        "CEASEFIRE_WAREHOUSE": str(warehouse),
        "CEASEFIRE_DATA_DIR": str(tmp_path / "data"),
        "CEASEFIRE_LOCK_TIMEOUT": "120",
    }
    first = run_cli(*ARGS, env=env)
    assert first.returncode == 0, first.stderr
    before = {t: _count(warehouse, f"SELECT count(*) FROM {t}") for t in ("articles", "quotes", "events", "runs")}
    feeds_before = _count(warehouse, "SELECT count(*) FROM feeds WHERE last_status = 304")

    # An analyst holds the file, so the next run's load waits on the lock; kill the run while it waits.
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, time
            con = duckdb.connect({str(warehouse)!r}, read_only=True)
            print("holding", flush=True)
            time.sleep(120)
        """)],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert holder.stdout.readline().strip() == "holding"
    victim = subprocess.Popen([str(CLI), *LATER], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    staging = tmp_path / "data" / "staging"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        staged = [p for p in staging.iterdir() if (p / "articles.parquet").exists() and not (p / "_LOADED").exists()]
        if staged:
            break
        time.sleep(0.2)
    assert staged, "the run never reached its load"
    time.sleep(0.5)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    holder.kill()
    holder.wait()

    after_kill = {t: _count(warehouse, f"SELECT count(*) FROM {t}") for t in ("articles", "quotes", "events", "runs")}
    assert after_kill == before
    # feed state travels with the run: the killed run's 304s/ETags were not committed either
    assert _count(warehouse, "SELECT count(*) FROM feeds WHERE last_status = 304") == feeds_before

    recovered = run_cli(*LATER, env=env)
    assert recovered.returncode == 0, recovered.stderr
    reference = tmp_path / "ref.duckdb"
    clean = run_cli(
        *LATER, env={**env, "CEASEFIRE_WAREHOUSE": str(reference), "CEASEFIRE_DATA_DIR": str(tmp_path / "ref")}
    )
    assert clean.returncode == 0, clean.stderr
    for table in ("articles", "quotes", "events"):
        assert _count(warehouse, f"SELECT count(*) FROM {table}") == _count(reference, f"SELECT count(*) FROM {table}")


def test_a_locked_warehouse_fails_the_run_in_one_line_and_a_later_run_recovers(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    env = {"CEASEFIRE_WAREHOUSE": str(warehouse), "CEASEFIRE_DATA_DIR": str(tmp_path / "data")}
    assert run_cli(*ARGS, env=env).returncode == 0
    before = _count(warehouse, "SELECT count(*) FROM articles")
    hold = f"import duckdb, time; c = duckdb.connect({str(warehouse)!r}); print('x', flush=True); time.sleep(60)"
    holder = subprocess.Popen([sys.executable, "-c", hold], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "x"
    try:
        out = run_cli(*LATER, env={**env, "CEASEFIRE_LOCK_TIMEOUT": "1"})
    finally:
        holder.kill()
        holder.wait()
    assert out.returncode == 1 and len(out.stderr.strip().splitlines()) == 1
    assert f"locked by process {holder.pid}" in out.stderr
    assert _count(warehouse, "SELECT count(*) FROM articles") == before
    again = run_cli(*LATER, env=env)
    assert again.returncode == 0, again.stderr
    assert _count(warehouse, "SELECT count(*) FROM articles") > before

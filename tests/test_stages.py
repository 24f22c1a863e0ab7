"""Stage bookkeeping that needs no network: staging retention and run ids."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ceasefire import stages
from ceasefire.config import Settings


def test_cleanup_keeps_the_newest_loaded_runs_and_every_pending_one(tmp_path: Path) -> None:
    settings = Settings(warehouse=str(tmp_path / "w.duckdb"), data_dir=tmp_path)
    for i in range(18):
        run = settings.staging_dir / f"run-{i:02d}"
        run.mkdir(parents=True)
        (run / "articles.parquet").write_bytes(b"")
        if i != 3:  # run-03 never loaded: it must survive for `ceasefire load`
            (run / stages.LOADED_MARK).write_text("x")
        os.utime(run, (1_700_000_000 + i, 1_700_000_000 + i))
    stages.cleanup_staging(settings, keep=14)
    left = sorted(p.name for p in settings.staging_dir.iterdir())
    assert left == ["run-03"] + [f"run-{i:02d}" for i in range(4, 18)]
    assert stages.pending_runs(settings) == ["run-03"]


def test_run_ids_are_unique_and_filesystem_safe() -> None:
    ids = {stages.new_run_id(dt.date(2025, 3, 18)) for _ in range(50)}
    assert len(ids) == 50
    assert (
        stages.safe_id("airflow-scheduled__2025-03-18T00:00:00+00:00") == "airflow-scheduled__2025-03-18T00_00_00_00_00"
    )

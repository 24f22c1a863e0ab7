"""Run windows and feed state: backfills and late runs find their items; quiet days pass; broken days fail."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tests.conftest import REPO, SAMPLE, run_cli


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"CEASEFIRE_WAREHOUSE": str(tmp_path / "w.duckdb"), "CEASEFIRE_DATA_DIR": str(tmp_path / "data"), **extra}


def _days(tmp_path: Path) -> set[str]:
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        return {str(d) for (d,) in con.execute("SELECT DISTINCT CAST(published_at AS DATE) FROM articles").fetchall()}
    finally:
        con.close()


def test_an_earlier_day_run_after_a_later_one_still_finds_its_items(tmp_path: Path) -> None:
    env = _env(tmp_path)
    late = run_cli("run", "--replay", str(SAMPLE), "--date", "2025-06-03", env=env)
    assert late.returncode == 0, late.stderr
    assert _days(tmp_path) <= {"2025-06-02", "2025-06-03"}
    early = run_cli("run", "--replay", str(SAMPLE), "--date", "2025-03-19", env=env)
    assert early.returncode == 0, early.stderr
    assert {"2025-03-18", "2025-03-19"} <= _days(tmp_path)
    quiet = run_cli("run", "--replay", str(SAMPLE), "--date", "2025-03-19", env=env)
    assert quiet.returncode == 0, quiet.stderr  # nothing new is not a failure


def test_fetched_pages_with_nothing_relevant_fail_the_checks_loudly(tmp_path: Path) -> None:
    env = _env(tmp_path, CEASEFIRE_TOPIC=str(REPO / "config" / "profiles" / "gaza.yaml"))
    out = run_cli("run", "--replay", str(SAMPLE), "--since", "2025-05-15", "--date", "2025-05-20", env=env)
    assert out.returncode == 1
    assert "data-quality checks failed: relevant_articles" in out.stderr
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    status, error = con.execute("SELECT status, error FROM runs").fetchone()
    con.close()
    assert status == "failed" and "relevant_articles" in error

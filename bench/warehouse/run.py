"""Warehouse at scale: load throughput of one staged day, its re-run, and the latency of every named view.

Builds a synthetic warehouse inside DuckDB (default 1M articles, 3M quotes, 1M events, 1M fetches; see
synth.py), stages one more day as Parquet (5k articles, 15k quotes, 5k events, 5k fetches), then:

- first load: `warehouse.load.load_run` in one transaction; rows/s over every staged row;
- re-run: the same staged day loaded again (the idempotent path: MERGE + replace quotes/events);
- each named view, on a read-only connection: `engine` = every column of every row computed inside DuckDB
  (count and a hash over whole rows, no Python objects), `fetch` = `SELECT * FROM view` fully fetched into
  Python tuples (what `ceasefire query --name` does before formatting), and with --cli the real console
  script `ceasefire query --name NAME --format csv` end to end, output discarded.

The load is timed through a thin connection wrapper that records how long each SQL statement takes, so the
remaining time (Python work in between: near-duplicate and event linking) is reported per step too.

    .venv/bin/python bench/warehouse/run.py [--articles 1000000] [--day 5000] [--cli] [--out FILE] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import duckdb  # noqa: E402
import synth  # noqa: E402

from warehouse import db, queries  # noqa: E402
from warehouse.load import load_run  # noqa: E402

GOALS = {"load_rows_per_s": 50_000, "rerun_share_of_first": 0.10, "view_s": 0.5}
DAYS = 1200


class TimedConnection:
    """Forwards to a DuckDB connection and records (statement, seconds, python seconds before it)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con
        self.steps: list[tuple[str, float, float]] = []
        self._last = time.perf_counter()

    def _timed(self, method: str, sql: str, *args: Any) -> Any:
        start = time.perf_counter()
        python = start - self._last
        result = getattr(self._con, method)(sql, *args)
        if method == "execute" and result is not None and sql.lstrip().upper().startswith("SELECT"):
            result = _Fetched(result.fetchall())  # include fetching in the statement's time
        self._last = time.perf_counter()
        self.steps.append((_label(sql), self._last - start, python))
        return result

    def execute(self, sql: str, *args: Any) -> Any:
        """Timed execute."""
        return self._timed("execute", sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        """Timed executemany."""
        return self._timed("executemany", sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


class _Fetched:
    """Rows already fetched, answering fetchall/fetchone like a cursor."""

    def __init__(self, rows: list[tuple]) -> None:
        self.rows = rows

    def fetchall(self) -> list[tuple]:
        """All rows."""
        return self.rows

    def fetchone(self) -> tuple | None:
        """The first row."""
        return self.rows[0] if self.rows else None


def _label(sql: str) -> str:
    text = " ".join(sql.split())
    text = re.sub(r"read_parquet\(\[[^\]]*\]\)", "read_parquet(...)", text)
    return text[:90]


def machine() -> dict[str, Any]:
    """CPU model, cores, RAM and versions."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = int(line.split()[1]) // 1024
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "ram_mb": ram,
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "platform": platform.platform(),
        "load_average_at_start": _loadavg(),
    }


def _loadavg() -> list[float]:
    """1/5/15-minute load averages: the machine is shared, so timings are read against them."""
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return []


def timed_load(path: Path, run_dir: Path, run_id: str) -> tuple[float, dict[str, int], list[tuple[str, float, float]]]:
    """Open the writer, load the staged run, return (seconds inside load_run, counts, per-statement steps)."""
    with db.writer(str(path)) as con:
        wrapped = TimedConnection(con)
        start = time.perf_counter()
        wrapped._last = start
        counts = load_run(wrapped, run_dir, {"run_id": run_id, "logical_date": dt.date(2025, 6, 6)})  # type: ignore[arg-type]
        seconds = time.perf_counter() - start
    return seconds, counts, wrapped.steps


def view_latency(path: Path, names: list[str], repeat: int) -> dict[str, dict[str, float]]:
    """Best of `repeat` engine-side and fetch-all timings per view."""
    out: dict[str, dict[str, float]] = {}
    with db.reader(str(path)) as con:
        for name in names:
            engine, fetch, rows = [], [], 0
            for _ in range(repeat):
                start = time.perf_counter()
                rows = con.execute(f"SELECT count(*), bit_xor(hash(v)) FROM {name} AS v").fetchone()[0]
                engine.append(time.perf_counter() - start)
                start = time.perf_counter()
                con.execute(f"SELECT * FROM {name}").fetchall()
                fetch.append(time.perf_counter() - start)
            out[name] = {"rows": rows, "engine_s": round(min(engine), 4), "fetch_s": round(min(fetch), 4)}
    return out


def cli_latency(path: Path, name: str) -> float:
    """Wall time of the real console script answering a named query (CSV to /dev/null)."""
    cli = Path(sys.executable).parent / "ceasefire"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CEASEFIRE_")}
    start = time.perf_counter()
    subprocess.run(
        [str(cli), "query", "--name", name, "--format", "csv", "--warehouse", str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
        env=env,
    )
    return time.perf_counter() - start


def summarise_steps(steps: list[tuple[str, float, float]], top: int = 8) -> list[dict[str, Any]]:
    """The slowest statements and the Python gaps before them."""
    items = [{"step": s, "sql_s": round(t, 4), "python_before_s": round(p, 4)} for s, t, p in steps]
    return sorted(items, key=lambda x: -(x["sql_s"] + x["python_before_s"]))[:top]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the JSON results."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1_000_000, help="articles in the synthetic warehouse")
    ap.add_argument("--day", type=int, default=5_000, help="articles in the staged day (x3 quotes, x1 events)")
    ap.add_argument("--repeat", type=int, default=3, help="timings per view (best counts)")
    ap.add_argument("--cli", action="store_true", help="also time the console script per named query")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "warehouse.json")
    ap.add_argument("--keep", type=Path, help="build in this folder and keep the files")
    args = ap.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="ceasefire-wh-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    path, run_dir = work / "warehouse.duckdb", work / "staging" / "day"
    for old in (path, path.with_suffix(".duckdb.wal")):
        old.unlink(missing_ok=True)
    shutil.rmtree(run_dir, ignore_errors=True)
    results: dict[str, Any] = {"machine": machine(), "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    try:
        t0 = time.perf_counter()
        synth.build(path, args.articles, days=DAYS)
        build_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        staged = synth.stage(run_dir, args.day, first=args.articles, day_offset=DAYS - 1, run_id="bench-day", days=DAYS)
        stage_s = time.perf_counter() - t0
        staged_rows = sum(staged.values())
        with db.reader(str(path)) as con:
            sizes = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in synth_tables()}
        print(
            f"built {sizes} in {build_s:.1f}s ({path.stat().st_size / 2**20:.0f} MiB); "
            f"staged {staged} in {stage_s:.1f}s"
        )

        first_s, counts, first_steps = timed_load(path, run_dir, "bench-day")
        print(f"first load: {staged_rows} rows in {first_s:.2f}s -> {staged_rows / first_s:,.0f} rows/s")
        rerun_s, _, rerun_steps = timed_load(path, run_dir, "bench-day")
        print(f"re-run:     {rerun_s:.2f}s ({rerun_s / first_s:.0%} of the first load)")
        with db.reader(str(path)) as con:
            after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in synth_tables()}
        names = [q.name for q in queries.named_queries()]
        views = view_latency(path, names, args.repeat)
        if args.cli:
            for name in names:
                views[name]["cli_s"] = round(cli_latency(path, name), 3)
        results.update(
            {
                "warehouse": {
                    "rows": sizes,
                    "file_mib": round(path.stat().st_size / 2**20, 1),
                    "build_s": round(build_s, 2),
                },
                "staged": {"rows": staged, "total": staged_rows, "stage_s": round(stage_s, 2)},
                "load": {
                    "first_s": round(first_s, 3),
                    "rows_per_s": round(staged_rows / first_s),
                    "counts": counts,
                    "slowest_steps": summarise_steps(first_steps),
                },
                "rerun": {
                    "seconds": round(rerun_s, 3),
                    "share_of_first": round(rerun_s / first_s, 3),
                    "rows_after": after,
                    "idempotent": after == {t: sizes[t] + (staged.get(t, 0) if t != "runs" else 1) for t in sizes},
                    "slowest_steps": summarise_steps(rerun_steps),
                },
                "views": views,
                "goals": GOALS,
                "load_average_at_end": _loadavg(),
            }
        )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nwritten {args.out}")
    return 0


def synth_tables() -> tuple[str, ...]:
    """Tables whose row counts are reported."""
    return ("articles", "quotes", "events", "fetches", "feeds", "runs")


def print_table(results: dict[str, Any]) -> None:
    """A plain-text summary against the goals."""
    m, load, rerun = results["machine"], results["load"], results["rerun"]
    print(
        f"\n{m['cpu']} · {m['cores']} cores · {m['ram_mb'] // 1024} GiB · Python {m['python']} · DuckDB {m['duckdb']}"
    )
    print(f"warehouse: {results['warehouse']['rows']}")
    ok = "ok" if load["rows_per_s"] >= GOALS["load_rows_per_s"] else "MISSED"
    print(f"load   {load['rows_per_s']:>10,} rows/s   goal >= {GOALS['load_rows_per_s']:,}   {ok}")
    ok = "ok" if rerun["share_of_first"] <= GOALS["rerun_share_of_first"] else "MISSED"
    print(f"re-run {rerun['share_of_first']:>10.0%} of first  goal <= 10%   {ok}   idempotent: {rerun['idempotent']}")
    print("\nslowest steps of the first load (sql s / python before s):")
    for step in load["slowest_steps"][:6]:
        print(f"  {step['sql_s']:7.3f} {step['python_before_s']:7.3f}  {step['step']}")
    has_cli = any("cli_s" in v for v in results["views"].values())
    print(
        f"\n{'view':<22}{'rows':>10}{'engine s':>10}{'fetch s':>10}"
        + (f"{'cli s':>8}" if has_cli else "")
        + "  goal 0.5 s"
    )
    for name, v in results["views"].items():
        ok = "ok" if v["engine_s"] <= GOALS["view_s"] else "MISSED"
        cli = f"{v['cli_s']:>8.2f}" if has_cli else ""
        print(f"{name:<22}{v['rows']:>10,}{v['engine_s']:>10.3f}{v['fetch_s']:>10.3f}{cli}  {ok}")


if __name__ == "__main__":
    raise SystemExit(main())

"""Per-run staging: records written as Parquet under data/staging/<run_id>/, read back by the single loader.

Stages that run in parallel (Airflow tasks, several workers) never open the warehouse for writing: they write
Parquet here, and one loader merges the run in one transaction. The Parquet schema is the warehouse table's
schema, built from the same migrations, so a staged file always matches the table it loads into.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import duckdb

from warehouse.db import migrations

STAGED_TABLES = ("articles", "quotes", "events", "fetches", "feeds")


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _schema_connection() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for mig in migrations():
        con.execute(mig.sql)
    return con


def write_parquet(path: Path, table: str, rows: Iterable[Mapping[str, Any]]) -> int:
    """Write rows (dicts keyed by column name) as Parquet with the warehouse table's schema; return the count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = _schema_connection()
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
            tmp_json = fh.name
            count = 0
            for row in rows:
                fh.write(json.dumps({k: _jsonable(v) for k, v in row.items()}, ensure_ascii=False))
                fh.write("\n")
                count += 1
        cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        if count:
            types = {r[0]: r[1] for r in con.execute(f"DESCRIBE {table}").fetchall()}
            spec = "{" + ", ".join(f"'{c}': '{types[c]}'" for c in cols) + "}"
            con.execute(
                f"INSERT INTO {table} BY NAME SELECT * FROM read_json(?, format='newline_delimited', columns={spec})",
                [tmp_json],
            )
        tmp_parquet = path.with_suffix(".parquet.tmp")
        con.execute(f"COPY {table} TO '{tmp_parquet}' (FORMAT parquet)")
        os.replace(tmp_parquet, path)  # readers never see a half-written file
        return count
    finally:
        con.close()
        os.unlink(tmp_json)


def record_rows(records: Iterable[Any], **extra: Any) -> Iterable[dict[str, Any]]:
    """Dataclass records as dicts, with extra columns added to each."""
    for rec in records:
        row = dataclasses.asdict(rec)
        row.update(extra)
        yield row


def write_json(path: Path, doc: Any) -> None:
    """Write a small JSON document atomically (candidate lists, run metadata)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(doc, ensure_ascii=False, default=_jsonable, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def read_json(path: Path) -> Any:
    """Read a JSON document written by write_json."""
    return json.loads(path.read_text(encoding="utf-8"))


def staged_files(run_dir: Path, table: str) -> list[Path]:
    """The Parquet files staged for a table in a run (fetches come one file per source)."""
    return sorted(run_dir.glob(f"{table}.parquet")) + sorted(run_dir.glob(f"{table}-*.parquet"))


def read_rows(path: Path) -> list[dict[str, Any]]:
    """All rows of a staged Parquet file as dicts."""
    con = duckdb.connect()
    try:
        rel = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        cols = [d[0] for d in rel.description]
        return [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]
    finally:
        con.close()

"""Where the warehouse lives: a DuckDB file, or a DuckLake catalog (metadata in PostgreSQL or DuckDB, data in Parquet).

`CEASEFIRE_WAREHOUSE` / `--warehouse` takes one of:

    data/ceasefire.duckdb
        A DuckDB file (the default). One writer at a time; an open reader blocks the writer, so loads go
        through a one-slot Airflow pool.
    ducklake:postgres:dbname=ceasefire host=127.0.0.1 user=postgres
        DuckLake with its catalog in PostgreSQL: any libpq connection string after `ducklake:postgres:`
        (passwords from PGPASSWORD or ~/.pgpass, never in the URI). Many processes on many machines load
        concurrently; readers never block writers.
    ducklake:data/lake.ducklake
        DuckLake with a local DuckDB catalog file: snapshots and Parquet files for a single machine.

Options follow the last `?`, query-string style (only these keys are recognised, so a PostgreSQL URI with
its own `?sslmode=...` is left alone):

    data_path=DIR_OR_URL   where DuckLake writes Parquet files: a local folder or s3://, gs://, r2://, az://
                           (object stores need the duckdb-extension-httpfs or -azure package). Else the
                           CEASEFIRE_DATA_PATH variable. It is only needed when the catalog is created (it is
                           stored in the catalog); a new PostgreSQL catalog without one gets
                           <CEASEFIRE_DATA_DIR>/lake/ and a DuckDB catalog file <file>.files/.
    metadata_schema=NAME   PostgreSQL schema for the catalog tables (several lakes in one database).

    ducklake:postgres:dbname=ceasefire host=db.internal user=ceasefire?data_path=s3://news-lake/ceasefire/

Concurrent writers (DuckLake only): a commit is refused when another transaction committed meanwhile and
either of them deleted or updated rows of a table the other wrote; the loader then re-runs its whole merge on
the new snapshot (bounded retries with jittered back-off, warehouse.load). Loads of new articles are
insert-only and never collide. Two concurrent inserts of the same *new* key are not detected by DuckLake, so
concurrent loads must not share new keys: true for runs of different sources (article ids hash the outlet's
canonical URL, feed URLs are unique per source), and the checks' unique_* assertions catch any breach.

Time travel (DuckLake only): every commit is a snapshot, and any query can read the warehouse as it was:

    ceasefire query "FROM lake.snapshots() ORDER BY snapshot_id DESC LIMIT 5"
    ceasefire query "SELECT count(*) FROM articles AT (VERSION => 42)"
    ceasefire query "SELECT day, articles FROM daily_coverage AT (TIMESTAMP => now() - INTERVAL 1 DAY)"

(`AT` on a view reads the view's tables at that snapshot, so "what did the warehouse say yesterday" is
the trend query as it is, with `AT (TIMESTAMP => ...)` after the view name.) Old snapshots are kept until
`CALL ducklake_expire_snapshots('lake', older_than => ...)` removes them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from urllib.parse import parse_qsl

import duckdb

from ceasefire.errors import WarehouseError

LAKE_ALIAS = "lake"
OPTION_KEYS = frozenset({"data_path", "metadata_schema"})
CONFLICT_ATTEMPTS = 12
_REMOTE = {"s3": "httpfs", "s3a": "httpfs", "gs": "httpfs", "gcs": "httpfs", "r2": "httpfs", "http": "httpfs",
           "https": "httpfs", "hf": "httpfs", "az": "azure", "azure": "azure", "abfss": "azure"}  # fmt: skip

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Target:
    """A parsed warehouse setting."""

    kind: str  # "duckdb" | "ducklake"
    location: str  # the file path, or the DuckLake catalog string after "ducklake:"
    data_path: str | None = None
    metadata_schema: str | None = None

    @property
    def is_lake(self) -> bool:
        """True for a DuckLake catalog."""
        return self.kind == "ducklake"

    @property
    def on_postgres(self) -> bool:
        """True when the DuckLake catalog lives in PostgreSQL."""
        return self.location.startswith("postgres:")


def parse_target(uri: str) -> Target:
    """Split a warehouse setting into backend, location and options (see the module docstring)."""
    if not uri.startswith("ducklake:"):
        return Target("duckdb", uri)
    body, options = uri[len("ducklake:") :], {}
    head, sep, query = body.rpartition("?")
    if sep:
        pairs = parse_qsl(query, keep_blank_values=True)
        if pairs and all(k in OPTION_KEYS for k, _ in pairs):
            body, options = head, dict(pairs)
    if not body.strip():
        raise WarehouseError(f"bad warehouse {uri!r}: expected ducklake:postgres:<conninfo> or ducklake:<file>")
    data_path = options.get("data_path") or os.environ.get("CEASEFIRE_DATA_PATH") or None
    return Target("ducklake", body, _absolute(data_path), options.get("metadata_schema") or None)


def _absolute(path: str | None) -> str | None:
    """Local data paths are stored in the catalog, so they must not depend on the writer's working folder."""
    if path is None or "://" in path:
        return path
    return str(Path(path).expanduser().resolve()) + "/"


def _default_data_path() -> str:
    return _absolute(str(Path(os.environ.get("CEASEFIRE_DATA_DIR") or "data") / "lake"))  # type: ignore[return-value]


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _load_storage_extension(con: duckdb.DuckDBPyConnection, data_path: str | None) -> None:
    from warehouse.extensions import load_extension

    scheme = data_path.split("://", 1)[0].lower() if data_path and "://" in data_path else None
    if scheme is None:
        return
    if scheme not in _REMOTE:
        raise WarehouseError(f"unsupported DuckLake data path {data_path!r}")
    load_extension(con, _REMOTE[scheme])
    if _REMOTE[scheme] == "httpfs" and os.environ.get("AWS_ACCESS_KEY_ID"):
        # Object-store credentials come from the usual AWS_* variables, as a temporary (unpersisted) secret.
        env = os.environ
        parts = {"KEY_ID": env["AWS_ACCESS_KEY_ID"], "SECRET": env.get("AWS_SECRET_ACCESS_KEY", "")}
        for key, var in (("REGION", "AWS_REGION"), ("SESSION_TOKEN", "AWS_SESSION_TOKEN")):
            if env.get(var):
                parts[key] = env[var]
        if env.get("AWS_ENDPOINT_URL"):
            endpoint = env["AWS_ENDPOINT_URL"]
            parts["ENDPOINT"] = endpoint.split("://", 1)[-1]
            parts["USE_SSL"] = "true" if endpoint.startswith("https") else "false"
            parts["URL_STYLE"] = "path"
        spec = ", ".join(f"{k} {v if k == 'USE_SSL' else _quote(v)}" for k, v in parts.items())
        con.execute(f"CREATE OR REPLACE TEMPORARY SECRET ceasefire_s3 (TYPE s3, {spec})")


def connect_lake(target: Target, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the DuckLake catalog attached as `lake` and selected (USE lake)."""
    from warehouse.extensions import load_extension

    con = duckdb.connect()
    try:
        for name in ("ducklake", "fts") + (("postgres_scanner",) if target.on_postgres else ()):
            load_extension(con, name)
        _load_storage_extension(con, target.data_path)
        _attach(con, target, read_only, target.data_path)
        con.execute(f"USE {LAKE_ALIAS}")
    except BaseException:
        con.close()
        raise
    return con


def _attach(con: duckdb.DuckDBPyConnection, target: Target, read_only: bool, data_path: str | None) -> None:
    options = []
    if data_path:
        options.append(f"DATA_PATH {_quote(data_path)}")
    if target.metadata_schema:
        options.append(f"METADATA_SCHEMA {_quote(target.metadata_schema)}")
    if read_only:
        options.append("READ_ONLY")
    spec = f" ({', '.join(options)})" if options else ""
    location = target.location
    if not target.on_postgres:
        location = str(Path(location).expanduser().resolve())
        if not read_only:
            Path(location).parent.mkdir(parents=True, exist_ok=True)
        elif not Path(location).exists():
            raise WarehouseError(f"warehouse not found: ducklake:{target.location} (run `ceasefire run` first)")
    try:
        con.execute(f"ATTACH {_quote('ducklake:' + location)} AS {LAKE_ALIAS}{spec}")
    except duckdb.Error as exc:
        if data_path is None and target.on_postgres and not read_only and "data_path is not set" in str(exc):
            return _attach(con, target, read_only, _default_data_path())
        if read_only and "data_path is not set" in str(exc):
            raise WarehouseError(
                f"warehouse not found: ducklake:{target.location} (run `ceasefire run` first)"
            ) from None
        raise WarehouseError(f"cannot attach DuckLake catalog {target.location!r}: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    lines = [line for line in str(exc).strip().splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def is_lake(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the connection's current catalog is DuckLake."""
    row = con.execute("SELECT type FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    return bool(row) and row[0] == "ducklake"


def is_conflict(exc: BaseException) -> bool:
    """A DuckLake commit refused because a concurrent transaction changed the same table."""
    return isinstance(exc, duckdb.Error) and "Transaction conflict" in str(exc)


def retry_on_conflict(action: Callable[[], T], what: str, attempts: int = CONFLICT_ATTEMPTS) -> T:
    """Run `action` (a whole transaction) again on DuckLake transaction conflicts, with jittered back-off."""
    for attempt in range(1, attempts + 1):
        try:
            return action()
        except duckdb.Error as exc:
            if not is_conflict(exc):
                raise
            if attempt == attempts:
                raise WarehouseError(
                    f"{what} gave up after {attempts} transaction conflicts: {_conflict_line(exc)}"
                ) from None
            log.info("%s: transaction conflict (attempt %d of %d), retrying", what, attempt, attempts)
        # Full jitter: concurrent writers that collided spread out instead of colliding again.
        time.sleep(random.uniform(0, min(4.0, 0.05 * 2**attempt)))
    raise AssertionError("unreachable")


def _conflict_line(exc: BaseException) -> str:
    for line in str(exc).splitlines():
        if "conflict" in line:
            return line.strip()
    return _first_line(exc)


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back the open transaction, if any (a refused DuckLake COMMIT has already ended it)."""
    with contextlib.suppress(duckdb.TransactionException):
        con.execute("ROLLBACK")

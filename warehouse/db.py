"""Opening the warehouse: connection (DuckDB file or DuckLake, see warehouse.backends), locks, migrations, views."""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb

from ceasefire.errors import QueryError, WarehouseError, WarehouseLockedError
from warehouse.backends import connect_lake, is_conflict, is_lake, parse_target, retry_on_conflict, rollback

_LOCK_PATTERNS = ("Could not set lock", "Conflicting lock", "database is locked")
DEFAULT_LOCK_TIMEOUT = 60.0


@dataclass(frozen=True, slots=True)
class SqlFile:
    """A numbered SQL file shipped with the package (a migration or a view)."""

    number: int
    name: str
    sql: str

    @property
    def description(self) -> str:
        """The first comment line, without the leading 'name:'."""
        for line in self.sql.splitlines():
            if line.startswith("--"):
                return line.lstrip("- ").split(":", 1)[-1].strip()
        return ""


def _sql_files(folder: str) -> list[SqlFile]:
    out = []
    for entry in resources.files("warehouse").joinpath(folder).iterdir():
        match = re.fullmatch(r"(\d+)_(\w+)\.sql", entry.name)
        if match:
            out.append(SqlFile(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(out, key=lambda f: f.number)


def migrations() -> list[SqlFile]:
    """The numbered migrations, in order."""
    return _sql_files("migrations")


def views() -> list[SqlFile]:
    """The view definitions, in dependency order."""
    return _sql_files("views")


def _is_lock_error(exc: Exception) -> bool:
    return any(p in str(exc) for p in _LOCK_PATTERNS)


def _lock_message(target: str, exc: Exception) -> str:
    holder = re.search(r"\(PID (\d+)\)", str(exc))
    who = f" by process {holder.group(1)}" if holder else ""
    return (
        f"warehouse {target} is locked{who}: another process has it open "
        "(close DuckDB CLI/notebook sessions or wait for the running load)"
    )


def lock_timeout() -> float:
    """Seconds a writer waits for the file lock (CEASEFIRE_LOCK_TIMEOUT, default 60)."""
    try:
        return float(os.environ.get("CEASEFIRE_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


def open_warehouse(target: str, *, read_only: bool = False, wait: float | None = None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a writer waits up to `wait` seconds for the lock, then raises WarehouseLockedError.

    A DuckLake target gives an in-memory connection with the catalog attached as `lake` (READ_ONLY for
    readers) and selected, plus the session's `search_articles` macro; DuckLake has no file lock to wait for.
    """
    parsed = parse_target(target)
    if parsed.is_lake:
        from warehouse import fulltext

        con = connect_lake(parsed, read_only=read_only)
        fulltext.install_macro(con)
        return con
    if read_only and not target.startswith("md:") and not Path(target).exists():
        raise WarehouseError(f"warehouse not found: {target} (run `ceasefire run` first)")
    if not read_only and not target.startswith(("md:", ":memory:")):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + (lock_timeout() if wait is None else wait)
    delay = 0.1
    while True:
        try:
            con = duckdb.connect(target, read_only=read_only)
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise WarehouseError(f"cannot open warehouse {target}: {_first_line(exc)}") from None
            if time.monotonic() >= deadline:
                raise WarehouseLockedError(_lock_message(target, exc)) from None
            time.sleep(delay)
            delay = min(delay * 2, 2.0)
            continue
        _load_search_extension(con)
        return con


def _load_search_extension(con: duckdb.DuckDBPyConnection) -> None:
    """Load fts when the file holds its index, so `search_articles` works in any query on this connection.

    The index's macros call fts functions; without the extension loaded DuckDB would try to download it.
    """
    from warehouse.extensions import load_extension

    has_index = con.execute(
        "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'fts_main_articles' "
        "AND database_name = current_database()"
    ).fetchone()[0]
    if has_index:
        try:
            load_extension(con, "fts")
        except BaseException:
            con.close()
            raise


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """Highest applied migration number (0 for an empty warehouse)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_name = 'schema_version' AND table_catalog = current_database()"
    ).fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply pending migrations (each in its own transaction), install changed views; return the version.

    On DuckLake, writers starting together may collide on these catalog changes; the loser retries and
    then finds the work done.
    """
    return retry_on_conflict(lambda: _migrate_once(con), "migration")


def _in_transaction(con: duckdb.DuckDBPyConnection, what: str, statements) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        statements()
        con.execute("COMMIT")
    except duckdb.Error as exc:
        rollback(con)
        if is_conflict(exc):
            raise
        raise WarehouseError(f"{what} failed: {_first_line(exc)}") from None


def _migrate_once(con: duckdb.DuckDBPyConnection) -> int:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name VARCHAR, applied_at TIMESTAMP)"
    )
    current = schema_version(con)
    for mig in migrations():
        if mig.number <= current:
            continue

        def apply(mig: SqlFile = mig) -> None:
            con.execute(mig.sql)
            con.execute("INSERT INTO schema_version VALUES (?, ?, now()::TIMESTAMP)", [mig.number, mig.name])

        _in_transaction(con, f"migration {mig.number:03d}_{mig.name}", apply)
        current = mig.number
    if is_lake(con):
        _ensure_search_index(con)
    _install_views(con)
    return current


def _ensure_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """DuckLake keeps its BM25 index in two tables (warehouse.fulltext); build it if absent or incomplete."""
    from warehouse import fulltext

    if not fulltext.has_tables(con):
        _in_transaction(con, "creating the search index", lambda: fulltext.ensure_tables(con))
    if not fulltext.index_is_complete(con):
        _in_transaction(con, "rebuilding the search index", lambda: fulltext.rebuild(con))
    fulltext.install_macro(con)


def _sha(sql: str) -> str:
    return hashlib.sha256(sql.encode("utf-8")).hexdigest()


def _install_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create views that are missing or whose SQL changed (tracked in schema_views), in one transaction."""
    installed = dict(con.execute("SELECT name, sha256 FROM schema_views").fetchall())
    present = {
        r[0]
        for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND NOT internal"
        ).fetchall()
    }
    stale = [v for v in views() if v.name not in present or installed.get(v.name) != _sha(v.sql)]
    if not stale:
        return

    def install() -> None:
        for view in stale:
            con.execute(view.sql)
            con.execute("DELETE FROM schema_views WHERE name = ?", [view.name])
            con.execute("INSERT INTO schema_views VALUES (?, ?, now()::TIMESTAMP)", [view.name, _sha(view.sql)])

    _in_transaction(con, "installing views", install)


@contextmanager
def writer(target: str, wait: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A migrated read-write connection, closed on exit."""
    con = open_warehouse(target, wait=wait)
    try:
        migrate(con)
        yield con
    finally:
        con.close()


@contextmanager
def reader(target: str, wait: float = 0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection, closed on exit; waits up to `wait` seconds while a writer holds the file."""
    con = open_warehouse(target, read_only=True, wait=wait)
    try:
        yield con
    finally:
        con.close()


def run_sql(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None):
    """Execute SQL, turning DuckDB errors into one-line QueryError."""
    try:
        return con.execute(sql, params or [])
    except duckdb.Error as exc:
        raise QueryError(_first_line(exc)) from None

"""Warehouse targets for tests: a DuckDB file and a DuckLake catalog on the local PostgreSQL.

`warehouse_target` is parametrised over both backends, so a test written against it runs twice. DuckLake
tests share one fresh database per session (`ceasefire_test_<random>`, dropped at the end), each test in its
own catalog schema and data folder. PostgreSQL comes from CEASEFIRE_TEST_PG (libpq keywords, default
`host=127.0.0.1 port=5432 user=postgres`); when it is unreachable the DuckLake cases are skipped with the
reason, never silently passed.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from warehouse.extensions import load_extension

PG = os.environ.get("CEASEFIRE_TEST_PG", "host=127.0.0.1 port=5432 user=postgres")


def _admin() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    load_extension(con, "postgres_scanner")
    con.execute(f"ATTACH 'dbname=postgres {PG} connect_timeout=3' AS pg (TYPE postgres)")
    return con


def pg_execute(sql: str) -> None:
    """Run one statement on the maintenance database, outside a transaction (CREATE/DROP DATABASE)."""
    con = _admin()
    try:
        con.execute("CALL postgres_execute('pg', ?, use_transaction = false)", [sql])
    finally:
        con.close()


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped afterwards; its libpq connection string."""
    name = f"ceasefire_test_{secrets.token_hex(4)}"
    try:
        pg_execute(f"CREATE DATABASE {name}")
    except duckdb.Error as exc:
        pytest.skip(f"PostgreSQL at '{PG}' is unreachable, DuckLake cases skipped: {str(exc).splitlines()[0]}")
    try:
        yield f"dbname={name} {PG}"
    finally:
        pg_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def ducklake_uri(pg_database: str, folder: Path) -> str:
    """A DuckLake target with its own catalog schema and data folder inside the session database."""
    return f"ducklake:postgres:{pg_database}?data_path={folder / 'lake'}&metadata_schema=t_{secrets.token_hex(4)}"


@pytest.fixture(params=["duckdb", "ducklake"])
def warehouse_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty warehouse target: a DuckDB file path, or a ducklake:postgres: URI with its own catalog."""
    if request.param == "duckdb":
        return str(tmp_path / "w.duckdb")
    return ducklake_uri(request.getfixturevalue("pg_database"), tmp_path)

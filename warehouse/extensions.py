"""DuckDB extensions installed from their PyPI packages' files, never downloaded at run time.

DuckDB is pinned to the 1.5.x line because fts, ducklake and postgres_scanner ship there as PyPI packages
(duckdb-extension-<name>, same version), so a fresh clone on a machine without internet access gets them
from the lock file like any other dependency.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb

from ceasefire.errors import WarehouseError


def extension_file(name: str) -> Path:
    """The .duckdb_extension file shipped by the duckdb-extension-<name> package for this DuckDB version."""
    package = f"duckdb_extension_{name}"
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise WarehouseError(f"DuckDB extension {name!r} is not installed (package duckdb-extension-{name})")
    root = Path(next(iter(spec.submodule_search_locations)))
    files = sorted(root.glob(f"extensions/v{duckdb.__version__}/{name}.duckdb_extension"))
    if not files:
        raise WarehouseError(f"no {name} extension for DuckDB {duckdb.__version__} in {root}")
    return files[0]


def load_extension(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Install (from the package file, once) and load an extension into this connection."""
    try:
        con.execute(f"LOAD {name}")
        return
    except duckdb.Error:
        pass
    try:
        con.execute(f"INSTALL '{extension_file(name)}'")
        con.execute(f"LOAD {name}")
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot load DuckDB extension {name}: {str(exc).splitlines()[0]}") from None

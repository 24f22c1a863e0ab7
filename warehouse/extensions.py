"""DuckDB extensions loaded from their PyPI packages' files, never downloaded at run time.

DuckDB is pinned to the 1.5.x line because fts, ducklake and postgres_scanner ship there as PyPI packages
(duckdb-extension-<name>, same version), so a fresh clone on a machine without internet access gets them
from the lock file like any other dependency. Extensions are loaded straight from the package file (no
INSTALL into ~/.duckdb, no `LOAD name` that would try the extension repository first), and autoinstall is
switched off so a missing package is one clear error instead of a network timeout.
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
        package_name = "duckdb-extension-" + name.replace("_", "-")
        raise WarehouseError(f"DuckDB extension {name!r} is not installed (package {package_name})")
    root = Path(next(iter(spec.submodule_search_locations)))
    files = sorted(root.glob(f"extensions/v{duckdb.__version__}/{name}.duckdb_extension"))
    if not files:
        raise WarehouseError(f"no {name} extension for DuckDB {duckdb.__version__} in {root}")
    return files[0]


def _loaded(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute("SELECT loaded FROM duckdb_extensions() WHERE extension_name = ?", [name]).fetchone()
    return bool(row and row[0])


def load_extension(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Load an extension into this connection from its package file (a no-op when already loaded)."""
    if _loaded(con, name):
        return
    path = extension_file(name)
    try:
        con.execute("SET autoinstall_known_extensions = false")
        con.execute(f"LOAD '{path}'")
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot load DuckDB extension {name}: {str(exc).splitlines()[0]}") from None

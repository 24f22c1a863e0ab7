"""Exceptions of the product, one tree, so callers catch by class and the CLI prints one line per class.

CeasefireError
 ├── ConfigError          a config file (feeds, topic, actors) is missing or malformed
 ├── InputError           bad user input: a date, a path, a flag value
 ├── FetchError           a page or feed could not be fetched (recorded, never fatal for a run)
 ├── ExtractionError      a page could not be turned into an article
 ├── WarehouseError       the warehouse could not be opened, migrated or loaded
 │    ├── WarehouseLockedError   another process holds the DuckDB file
 │    └── QueryError             bad SQL, or a write attempted through a read-only command
 └── CheckError           data-quality assertions failed after a load
"""

from __future__ import annotations


class CeasefireError(Exception):
    """Base class: every error the CLI reports as one line."""


class ConfigError(CeasefireError):
    """A configuration file is missing or malformed."""


class InputError(CeasefireError):
    """Bad user input: a date, a path, a flag value."""


class FetchError(CeasefireError):
    """A page or feed could not be fetched."""


class ExtractionError(CeasefireError):
    """A page could not be turned into an article."""


class WarehouseError(CeasefireError):
    """The warehouse could not be opened, migrated or loaded."""


class WarehouseLockedError(WarehouseError):
    """Another process holds the DuckDB file."""


class QueryError(WarehouseError):
    """Bad SQL, or a write attempted through a read-only command."""


class CheckError(CeasefireError):
    """Data-quality assertions failed after a load."""

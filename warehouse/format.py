"""Rendering query results: a table for people, CSV and JSON for pipes."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
from typing import Any, TextIO


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def render(columns: list[str], rows: list[tuple], fmt: str, out: TextIO) -> None:
    """Write rows as 'table', 'csv' or 'json' (an array of objects)."""
    if fmt == "json":
        json.dump([dict(zip(columns, map(_plain, r), strict=True)) for r in rows], out, ensure_ascii=False)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow(["" if v is None else _cell(v) for v in r])
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, show_lines=False, header_style="bold")
        for r in rows:
            table.add_row(*("" if v is None else _cell(v, 80) for v in r))
        Console(file=out, width=max(120, min(220, 20 * len(columns)))).print(table)


def _cell(value: Any, limit: int | None = None) -> str:
    value = _plain(value)
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text

"""The `ceasefire` command: thin wiring over the same stage functions the DAGs call.

Heavy modules (trafilatura, httpx, duckdb, Airflow) are imported inside commands so `--help` starts fast.
Every error ends as one line on stderr and a non-zero exit; set CEASEFIRE_DEBUG=1 for a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import click
import typer

from ceasefire.errors import CeasefireError, InputError

app = typer.Typer(
    name="ceasefire",
    help="Daily news ingestion for the Russia-Ukraine ceasefire talks: feeds -> WARC -> quotes/events -> DuckDB.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

WarehouseOpt = Annotated[
    str | None,
    typer.Option("--warehouse", help="DuckDB file or ducklake: URI [env CEASEFIRE_WAREHOUSE; data/ceasefire.duckdb]"),
]
DataDirOpt = Annotated[
    Path | None, typer.Option("--data-dir", help="Raw archive and staging root [env CEASEFIRE_DATA_DIR; data/]")
]
TABLE_ROWS = 1000  # a terminal table longer than this is a job for csv/json

FormatOpt = Annotated[
    str | None, typer.Option("--format", help="table | csv | json (default: table on a terminal, csv in a pipe)")
]


def _settings(**overrides: Any):
    from ceasefire.config import Settings

    return Settings.from_env(**overrides)


def _parse_date(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"bad {flag} {value!r}: expected YYYY-MM-DD") from None


def _progress():
    """A rich progress factory on stderr when it is a terminal, else None (pipes and logs stay clean)."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    progress.start()

    def factory(description: str, total: int):
        task = progress.add_task(description, total=total)
        return lambda: progress.advance(task)

    factory.stop = progress.stop  # type: ignore[attr-defined]
    return factory


def _stop(progress) -> None:
    if progress is not None:
        progress.stop()


@app.command()
def run(
    date: Annotated[str | None, typer.Option("--date", help="Logical date YYYY-MM-DD (default: today, UTC)")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Earliest publication day to take (default: the day before --date)")
    ] = None,
    feeds: Annotated[Path | None, typer.Option("--feeds", help="Feeds file [env CEASEFIRE_FEEDS]")] = None,
    replay: Annotated[
        Path | None, typer.Option("--replay", help="Serve requests from a sample folder or a WARC file (no network)")
    ] = None,
    allow_host: Annotated[
        list[str] | None, typer.Option("--allow-host", help="HOST[:PORT] allowed despite a private address")
    ] = None,
    warehouse: WarehouseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """One daily run outside Airflow: discover, fetch, transform, load, check."""
    from ceasefire import stages

    logical = _parse_date(date, "--date") or dt.datetime.now(dt.UTC).date()
    start = _parse_date(since, "--since")
    if start and start > logical:
        raise InputError(f"--since {start} is after --date {logical}")
    transport = None
    if replay is not None:
        if not replay.exists():
            raise InputError(f"--replay: no such file or folder: {replay}")
        from ingest.replay import replay_transport

        transport = replay_transport(replay)
        # A sample folder brings its own feeds file; an explicit --feeds or CEASEFIRE_FEEDS still wins.
        if feeds is None and not os.environ.get("CEASEFIRE_FEEDS") and (replay / "feeds.yaml").exists():
            feeds = replay / "feeds.yaml"
    settings = _settings(warehouse=warehouse, data_dir=data_dir, feeds=feeds, allow_hosts=allow_host or ())
    progress = _progress()
    try:
        summary = stages.run_all(settings, logical, start, transport, progress)
    finally:
        _stop(progress)
    fetches = summary.pop("fetches")
    typer.echo(f"run {summary.pop('run_id')} ({logical})")
    for key, value in summary.items():
        typer.echo(f"  {key:<15} {value}")
    typer.echo("  fetch outcomes  " + (", ".join(f"{k}={v}" for k, v in sorted(fetches.items())) or "none"))


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="HTML files to extract", show_default=False)],
    url: Annotated[str | None, typer.Option("--url", help="URL the page was fetched from (one file)")] = None,
) -> None:
    """Extract pages to JSON Lines on stdout: body, metadata, relevance, quotes, events (no network, no DB)."""
    from ceasefire.config import Settings, load_gazetteer
    from ceasefire.errors import ExtractionError
    from ceasefire.stages import load_profile
    from transform.page import process_page

    if url is not None and len(files) > 1:
        raise InputError("--url applies to a single file")
    settings = Settings.from_env()
    profile, gazetteer = load_profile(settings), load_gazetteer(settings.config_dir)
    progress = _progress() if len(files) > 20 else None
    tick = progress("extract", len(files)) if progress else (lambda: None)
    bad = 0
    out = sys.stdout
    try:
        for path in files:
            tick()
            try:
                body = path.read_bytes()
            except OSError as exc:
                typer.echo(f"ceasefire: error: cannot read {path}: {exc.strerror or exc}", err=True)
                bad += 1
                continue
            try:
                art = process_page(body, url or path.resolve().as_uri(), profile=profile, gazetteer=gazetteer)
            except ExtractionError as exc:
                typer.echo(f"ceasefire: warning: {path}: {exc}", err=True)
                continue
            out.write(json.dumps(_page_json(art), ensure_ascii=False) + "\n")
    finally:
        _stop(progress)
    if bad:
        raise typer.Exit(1)


def _page_json(art) -> dict[str, Any]:
    return {
        "url": art.url,
        "canonical_url": art.canonical_url,
        "title": art.title,
        "published": art.published_at.isoformat() if art.published_at else None,
        "language": art.language,
        "text": art.text,
        "relevant": art.relevant,
        "relevance": round(art.relevance_score, 4),
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "speaker_id": q.speaker_id, "start": q.start, "end": q.end,
             "fragment": q.fragment, "cue": q.cue}
            for q in art.quotes
        ],
        "events": [
            {"type": e.type, "date": e.date.isoformat() if e.date else None,
             "date_end": e.date_end.isoformat() if e.date_end else None, "actors": list(e.actors),
             "location": e.location, "status": e.status, "evidence": e.evidence, "start": e.start, "end": e.end,
             "cameo_code": e.cameo_code}
            for e in art.events
        ],
    }  # fmt: skip


@app.command()
def query(
    sql: Annotated[str | None, typer.Argument(help="SQL to run (read-only)")] = None,
    name: Annotated[str | None, typer.Option("--name", help="A named query (see --list)")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries")] = False,
    fmt: FormatOpt = None,
    warehouse: WarehouseOpt = None,
) -> None:
    """Run SQL or a named query against the warehouse, read-only."""
    from warehouse import queries

    if list_:
        for q in queries.named_queries():
            typer.echo(f"{q.name:<22} {q.description}")
        return
    if (sql is None) == (name is None):
        raise InputError("give either SQL or --name NAME (or --list)")
    settings = _settings(warehouse=warehouse)
    fmt = _format(fmt)
    if fmt == "table":
        columns, rows = queries.run(settings.warehouse, sql=sql, name=name)
        _emit(columns, rows, fmt)
    else:
        queries.export(settings.warehouse, fmt, sys.stdout, sql=sql, name=name)


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to search for in titles and article text")],
    from_: Annotated[str | None, typer.Option("--from", help="Earliest publication day YYYY-MM-DD")] = None,
    to: Annotated[str | None, typer.Option("--to", help="Latest publication day YYYY-MM-DD")] = None,
    relevant: Annotated[bool, typer.Option("--relevant", help="Only articles relevant to the topic")] = False,
    limit: Annotated[int, typer.Option("--limit", help="Most rows to show")] = 20,
    fmt: FormatOpt = None,
    warehouse: WarehouseOpt = None,
) -> None:
    """Full-text search over articles, ranked by BM25."""
    from warehouse import queries

    settings = _settings(warehouse=warehouse)
    columns, rows = queries.search(
        settings.warehouse,
        text,
        since=_parse_date(from_, "--from"),
        until=_parse_date(to, "--to"),
        relevant_only=relevant,
        limit=limit,
    )
    _emit(columns, rows, fmt)


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", help="HTML file to write")] = Path("data/report.html"),
    warehouse: WarehouseOpt = None,
) -> None:
    """Write a self-contained HTML trend report with charts."""
    from warehouse.report import write_report

    settings = _settings(warehouse=warehouse)
    path = write_report(settings.warehouse, out)
    typer.echo(str(path))


@app.command()
def reprocess(
    from_: Annotated[str, typer.Option("--from", help="First fetch day YYYY-MM-DD")],
    to: Annotated[str, typer.Option("--to", help="Last fetch day YYYY-MM-DD")],
    warehouse: WarehouseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Re-extract archived pages from the raw WARC archive with the current extractor (no network)."""
    from ceasefire import stages

    since, until = _parse_date(from_, "--from"), _parse_date(to, "--to")
    if since > until:
        raise InputError(f"--from {since} is after --to {until}")
    settings = _settings(warehouse=warehouse, data_dir=data_dir)
    progress = _progress()
    try:
        summary = stages.reprocess(settings, since, until, progress)
    finally:
        _stop(progress)
    for key, value in summary.items():
        typer.echo(f"  {key:<15} {value}")


@app.command()
def load(
    run_id: Annotated[str | None, typer.Argument(help="Staged run to load (default: every pending run)")] = None,
    warehouse: WarehouseOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Load staged runs whose load did not commit (after a lock timeout or a crash)."""
    from ceasefire import stages

    settings = _settings(warehouse=warehouse, data_dir=data_dir)
    runs = [run_id] if run_id else stages.pending_runs(settings)
    for rid in runs:
        counts = stages.load(settings, rid)
        typer.echo(f"{rid}: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
    if not runs:
        typer.echo("nothing pending")


def _format(fmt: str | None) -> str:
    fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    if fmt not in ("table", "csv", "json"):
        raise InputError(f"bad --format {fmt!r}: expected table, csv or json")
    return fmt


def _emit(columns: list[str], rows: list[tuple], fmt: str | None) -> None:
    from warehouse.format import render

    fmt = _format(fmt)
    if fmt == "table" and len(rows) > TABLE_ROWS:
        typer.echo(f"showing {TABLE_ROWS} of {len(rows)} rows; use --format csv or json for all", err=True)
        rows = rows[:TABLE_ROWS]
    render(columns, rows, fmt, sys.stdout)


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point: run the app, turning every error into one line on stderr."""
    command = typer.main.get_command(app)
    try:
        # Without standalone mode click returns the code of a typer.Exit instead of raising it.
        code = command.main(args=argv, prog_name="ceasefire", standalone_mode=False)
        return code if isinstance(code, int) else 0
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        print("ceasefire: aborted", file=sys.stderr)
        return 130
    except click.ClickException as exc:
        print(f"ceasefire: error: {exc.format_message()}", file=sys.stderr)
        return exc.exit_code
    except CeasefireError as exc:
        print(f"ceasefire: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("ceasefire: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line, with the traceback behind a switch
        if os.environ.get("CEASEFIRE_DEBUG"):
            raise
        line = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        print(
            f"ceasefire: internal error: {type(exc).__name__}: {line} (CEASEFIRE_DEBUG=1 for details)", file=sys.stderr
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())

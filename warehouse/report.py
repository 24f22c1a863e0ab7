"""The trend report: one self-contained HTML file with charts and tables, readable offline.

Everything that comes from an article (titles, quotes, speakers, evidence, outlet names) is untrusted: it is
HTML-escaped in tables, HTML-escaped again inside chart labels (plotly renders a subset of HTML in text and
decodes entities, so escaped text shows literally), and the chart JSON has `<`, `>`, `&` written as
\\u escapes so nothing in the data can close the <script> element that carries it.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

import duckdb

from warehouse.db import reader

TITLE = "Ceasefire coverage report"
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
# Outcomes that mean the fetcher did its job (a page stored, or correctly skipped).
HEALTHY_OUTCOMES = ("ok", "not_modified", "duplicate")
TOP_SPEAKERS = 15
TIMELINE_POINTS = 1500
TABLE_ROWS = 25
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_TYPE_COLOURS = [
    "#2f5fb3",
    "#e07b39",
    "#3a9d5d",
    "#c43d3d",
    "#8a5cc2",
    "#8c6d31",
    "#d16ba5",
    "#6b7280",
    "#b5b531",
    "#17a2b8",
    "#1d2330",
    "#f2b701",
    "#7fb800",
]


@dataclass(slots=True)
class ReportData:
    """Everything the report shows, read in one read-only session."""

    totals: dict[str, Any] = field(default_factory=dict)
    coverage: list[tuple] = field(default_factory=list)
    events_daily: list[tuple] = field(default_factory=list)
    speakers: list[tuple] = field(default_factory=list)
    timeline: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)
    latest_events: list[tuple] = field(default_factory=list)
    latest_articles: list[tuple] = field(default_factory=list)
    health: list[tuple] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when there is nothing relevant to chart yet."""
        return not self.totals.get("articles")


def write_report(target: str, out: Path) -> Path:
    """Read the warehouse read-only and write the HTML report to `out` (atomically); return the path."""
    with reader(target) as con:
        data = collect(con)
    page = render(data, source=target, generated=dt.datetime.now(dt.UTC))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out)
    return out


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    return con.execute(sql, list(params)).fetchall()


def _has_relations(con: duckdb.DuckDBPyConnection, names: Iterable[str]) -> bool:
    wanted = set(names)
    found = {r[0] for r in _rows(con, "SELECT table_name FROM information_schema.tables")}
    return wanted <= found


def collect(con: duckdb.DuckDBPyConnection) -> ReportData:
    """Query the views the report is built from; an unmigrated or empty warehouse gives empty data."""
    data = ReportData()
    needed = ("articles", "quotes", "events", "fetches", "daily_coverage", "event_timeline", "source_health")
    if not _has_relations(con, needed):
        return data
    row = _rows(
        con,
        "SELECT count(*) FILTER (WHERE is_original), count(*), count(DISTINCT source), min(day), max(day) "
        "FROM relevant_articles",
    )[0]
    data.totals = dict(zip(("articles", "relevant_copies", "outlets", "first_day", "last_day"), row, strict=True))
    data.totals["stored"] = _rows(con, "SELECT count(*) FROM articles")[0][0]
    data.totals["quotes"], data.totals["speakers"] = _rows(
        con,
        "SELECT count(*), count(DISTINCT q.speaker_id) FROM quotes AS q "
        "JOIN relevant_articles AS a USING (article_id) WHERE NOT q.fragment AND a.is_original",
    )[0]
    data.totals["events"] = _rows(con, "SELECT count(*) FROM event_timeline")[0][0]
    data.totals["fetches"] = _rows(con, "SELECT count(*) FROM fetches")[0][0]
    data.health = _rows(
        con,
        "SELECT source, sum(fetches) AS total, "
        "coalesce(sum(fetches) FILTER (WHERE list_contains(?, outcome)), 0) AS healthy, "
        "arg_max(outcome, fetches) FILTER (WHERE NOT list_contains(?, outcome)) AS top_problem, "
        "max(last_seen) AS last_seen FROM source_health "
        "GROUP BY source ORDER BY total - healthy DESC, total DESC, source LIMIT 40",
        [list(HEALTHY_OUTCOMES), list(HEALTHY_OUTCOMES)],
    )
    if data.empty:
        return data
    data.coverage = _rows(con, "SELECT day, articles, outlets, duplicates FROM daily_coverage ORDER BY day")
    data.events_daily = _rows(con, "SELECT day, event_type, events FROM events_by_type_daily ORDER BY day, event_type")
    data.speakers = _rows(
        con,
        "SELECT speaker_id, arg_max(speaker, quotes) AS speaker, sum(quotes) AS quotes, "
        "sum(articles) AS articles, max(outlets) AS outlets FROM top_speakers "
        "GROUP BY speaker_id ORDER BY quotes DESC, speaker_id LIMIT ?",
        [TOP_SPEAKERS],
    )
    data.timeline = _rows(
        con,
        "SELECT event_date, event_type, sources, articles, actors, location, status, evidence "
        "FROM event_timeline WHERE event_date IS NOT NULL ORDER BY sources DESC, event_date DESC LIMIT ?",
        [TIMELINE_POINTS],
    )
    data.quotes = _rows(
        con,
        "SELECT text, speaker, outlets, articles, days, first_seen, last_seen FROM quote_spread "
        "ORDER BY outlets DESC, articles DESC, first_seen LIMIT ?",
        [TABLE_ROWS],
    )
    data.latest_events = _rows(
        con,
        "SELECT event_date, event_type, status, actors, location, sources, evidence FROM event_timeline "
        "WHERE event_date IS NOT NULL ORDER BY event_date DESC, sources DESC, event_key LIMIT ?",
        [TABLE_ROWS],
    )
    data.latest_articles = _rows(
        con,
        "SELECT a.published_at, a.source, a.title, a.url, "
        "(SELECT count(*) FROM quotes AS q WHERE q.article_id = a.article_id AND NOT q.fragment) AS quotes, "
        "(SELECT count(*) FROM events AS e WHERE e.article_id = a.article_id) AS events "
        "FROM relevant_articles AS a WHERE a.is_original "
        "ORDER BY a.published_at DESC NULLS LAST, a.article_id LIMIT ?",
        [TABLE_ROWS],
    )
    return data


# ---------------------------------------------------------------- rendering


def esc(value: Any) -> str:
    """HTML-escaped text of a value ('' for NULL, lists joined with commas)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    return html.escape(str(value), quote=True)


def script_json(value: Any) -> str:
    """JSON safe to place inside a <script> element: no '<', '>' or '&' survive unescaped."""
    text = json.dumps(value, ensure_ascii=False, default=_json_default, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(ch, ch) for ch in text)


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _label(value: Any, width: int = 0) -> str:
    """Text for a chart label or hover: escaped, optionally wrapped with <br> (plotly's line break)."""
    text = esc(value)
    if width and len(text) > width:
        return "<br>".join(textwrap.wrap(text, width, break_long_words=True))
    return text


def _layout(**extra: Any) -> dict[str, Any]:
    base = {
        "font": {"family": FONT, "size": 13, "color": "#1d2330"},
        "margin": {"l": 60, "r": 20, "t": 10, "b": 50},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "hoverlabel": {"align": "left"},
        "legend": {"orientation": "h", "y": -0.18},
        "xaxis": {"gridcolor": "#eef0f4"},
        "yaxis": {"gridcolor": "#eef0f4", "rangemode": "tozero"},
    }
    base.update(extra)
    return base


def _chart(chart_id: str, traces: list[dict], layout: dict, height: int = 380) -> str:
    spec = {"data": traces, "layout": {**layout, "height": height}}
    config = {"displaylogo": False, "responsive": True}
    return (
        f'<div id="{chart_id}" class="chart" style="height:{height}px"></div>\n'
        f"<script>Plotly.newPlot({script_json(chart_id)}, {script_json(spec['data'])}, "
        f"{script_json(spec['layout'])}, {script_json(config)});</script>"
    )


def coverage_chart(rows: list[tuple]) -> str:
    """Articles (bars) and distinct outlets (line) per day."""
    days = [r[0] for r in rows]
    traces = [
        {
            "type": "bar",
            "name": "articles",
            "x": days,
            "y": [r[1] for r in rows],
            "marker": {"color": "#2f5fb3"},
        },
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": "outlets",
            "x": days,
            "y": [r[2] for r in rows],
            "line": {"color": "#e07b39", "width": 2},
            "marker": {"size": 4},
        },
        {
            "type": "bar",
            "name": "near-duplicate copies",
            "x": days,
            "y": [r[3] for r in rows],
            "visible": "legendonly",
        },
    ]
    return _chart("chart-coverage", traces, _layout(barmode="group", hovermode="x unified"))


def events_chart(rows: list[tuple]) -> str:
    """Distinct real-world events per day, stacked by type."""
    types = sorted({r[1] for r in rows})
    traces = []
    for i, kind in enumerate(types):
        pts = [r for r in rows if r[1] == kind]
        traces.append(
            {
                "type": "bar",
                "name": _label(kind),
                "x": [r[0] for r in pts],
                "y": [r[2] for r in pts],
                "marker": {"color": _TYPE_COLOURS[i % len(_TYPE_COLOURS)]},
            }
        )
    return _chart("chart-events", traces, _layout(barmode="stack", hovermode="x unified"))


def speakers_chart(rows: list[tuple]) -> str:
    """The most quoted speakers (relevant originals, fragments excluded), as horizontal bars."""
    ordered = list(reversed(rows))
    names = [_label(r[1] or r[0]) for r in ordered]
    hover = [f"{_label(r[1] or r[0])}<br>{r[2]} quotes in {r[3]} articles" for r in ordered]
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "x": [r[2] for r in ordered],
            "y": names,
            "hovertext": hover,
            "hoverinfo": "text",
            "marker": {"color": "#2f5fb3"},
        }
    ]
    layout = _layout(margin={"l": 180, "r": 20, "t": 10, "b": 40}, showlegend=False)
    layout["yaxis"] = {"automargin": True}
    return _chart("chart-speakers", traces, layout, height=max(260, 26 * len(rows) + 60))


def timeline_chart(rows: list[tuple]) -> str:
    """Each linked event on its day and type row, sized by independent sources; evidence on hover."""
    types = sorted({r[1] for r in rows})
    traces = []
    for i, kind in enumerate(types):
        pts = [r for r in rows if r[1] == kind]
        hover = [
            f"<b>{_label(kind)}</b> · {esc(r[0])} · {_label(r[6])}<br>"
            f"{r[2]} source(s), {r[3]} article(s)<br>"
            f"actors: {_label(r[4], 90) or '–'}; place: {_label(r[5]) or '–'}<br>{_label(r[7], 90)}"
            for r in pts
        ]
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": _label(kind),
                "x": [r[0] for r in pts],
                "y": [_label(kind)] * len(pts),
                "hovertext": hover,
                "hoverinfo": "text",
                "marker": {
                    "size": [min(8 + 3 * (r[2] or 1), 30) for r in pts],
                    "color": _TYPE_COLOURS[i % len(_TYPE_COLOURS)],
                    "opacity": 0.7,
                    "line": {"width": 0.5, "color": "#ffffff"},
                },
            }
        )
    layout = _layout(showlegend=False, hovermode="closest", margin={"l": 150, "r": 20, "t": 10, "b": 40})
    layout["yaxis"] = {"automargin": True, "gridcolor": "#eef0f4"}
    return _chart("chart-timeline", traces, layout, height=max(300, 34 * len(types) + 90))


def _cls(name: str) -> str:
    return f' class="{name}"' if name else ""


def _table(headers: list[tuple[str, str]], body: list[list[tuple[str, str]]]) -> str:
    """A table from (class, already-escaped html) cells."""
    head = "".join(f"<th{_cls(cls)}>{esc(text)}</th>" for cls, text in headers)
    rows = "".join("<tr>" + "".join(f"<td{_cls(cls)}>{cell}</td>" for cls, cell in row) + "</tr>" for row in body)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def quotes_table(rows: list[tuple]) -> str:
    """Quotes that travelled furthest: outlets, articles, days between first and last sighting."""
    headers = [
        ("", "Quote"),
        ("", "Speaker"),
        ("num", "Outlets"),
        ("num", "Articles"),
        ("num", "Days"),
        ("nowrap", "First seen"),
        ("nowrap", "Last seen"),
    ]
    body = [
        [
            ("quote", f"“{esc(r[0])}”"),
            ("", esc(r[1]) or "<i>unattributed</i>"),
            ("num", esc(r[2])),
            ("num", esc(r[3])),
            ("num", esc(r[4])),
            ("nowrap", esc(r[5])),
            ("nowrap", esc(r[6])),
        ]
        for r in rows
    ]
    return _table(headers, body)


def events_table(rows: list[tuple]) -> str:
    """The most recent linked events with their evidence sentence."""
    headers = [
        ("nowrap", "Date"),
        ("", "Type"),
        ("", "Status"),
        ("", "Actors"),
        ("", "Place"),
        ("num", "Sources"),
        ("", "Evidence"),
    ]
    body = [
        [
            ("nowrap", esc(r[0])),
            ("", f'<span class="tag">{esc(r[1])}</span>'),
            ("", esc(r[2])),
            ("", esc(r[3])),
            ("", esc(r[4])),
            ("num", esc(r[5])),
            ("", esc(r[6])),
        ]
        for r in rows
    ]
    return _table(headers, body)


def _link(url: Any, text: str) -> str:
    """An anchor for http(s) URLs only; anything else (javascript:, data:) stays plain text."""
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return f'<a href="{esc(url)}" rel="noopener noreferrer">{text}</a>'
    return text


def articles_table(rows: list[tuple]) -> str:
    """The most recent relevant articles with what was extracted from each."""
    headers = [("nowrap", "Published"), ("", "Outlet"), ("", "Title"), ("num", "Quotes"), ("num", "Events")]
    body = []
    for published, source, title, url, quotes, events in rows:
        when = published.strftime("%Y-%m-%d %H:%M") if isinstance(published, dt.datetime) else esc(published)
        shown = _link(url, esc(title) or "<i>untitled</i>")
        body.append([("nowrap", when), ("", esc(source)), ("", shown), ("num", esc(quotes)), ("num", esc(events))])
    return _table(headers, body)


def health_table(rows: list[tuple]) -> str:
    """Fetch outcomes per outlet: share fetched fine and the most common problem."""
    headers = [
        ("", "Outlet"),
        ("num", "Fetches"),
        ("num", "Healthy"),
        ("", "Most common problem"),
        ("nowrap", "Last fetch"),
    ]
    body = []
    for source, total, healthy, problem, last in rows:
        share = f"{100 * healthy / total:.0f}%" if total else "–"
        cls = "num bad" if total and healthy / total < 0.8 else "num"
        last_text = last.strftime("%Y-%m-%d %H:%M") if isinstance(last, dt.datetime) else esc(last)
        body.append(
            [
                ("", esc(source)),
                ("num", esc(total)),
                (cls, share),
                ("", esc(problem) or "–"),
                ("nowrap", last_text),
            ]
        )
    return _table(headers, body)


def _section(title: str, note: str, content: str) -> str:
    return f"<section><h2>{esc(title)}</h2><p class=note>{esc(note)}</p>\n{content}\n</section>"


def _totals(data: ReportData) -> str:
    t = data.totals
    items = [
        ("articles", "relevant articles (copies counted once)"),
        ("outlets", "outlets"),
        ("quotes", "quotes (not fragments)"),
        ("speakers", "speakers"),
        ("events", "linked events"),
        ("fetches", "fetches logged"),
    ]
    cells = "".join(f'<div class="total"><b>{t.get(k, 0):,}</b><span>{esc(label)}</span></div>' for k, label in items)
    return f'<div class="totals">{cells}</div>'


def render(data: ReportData, source: str, generated: dt.datetime) -> str:
    """The complete HTML page for the collected data."""
    template = Template(resources.files("warehouse").joinpath("report_template.html").read_text(encoding="utf-8"))
    stamp = generated.strftime("%Y-%m-%d %H:%M UTC")
    if data.empty:
        body = (
            '<section class="empty"><h2>No data yet</h2><p>The warehouse holds no relevant articles. '
            "Run <code>ceasefire run</code> (or <code>make demo</code> for the bundled sample), "
            "then write the report again.</p></section>"
        )
        if data.health:
            body += _section("Fetch health", "Fetch outcomes per outlet over all runs.", health_table(data.health))
        subtitle = f"No relevant articles stored yet · generated {stamp}"
        return template.substitute(
            title=esc(TITLE),
            subtitle=esc(subtitle),
            body=body,
            plotlyjs="",
            generated=stamp,
            warehouse=esc(source),
        )
    t = data.totals
    subtitle = f"{t['first_day']} to {t['last_day']} · {t['articles']:,} articles from {t['outlets']:,} outlets"
    parts = [
        _totals(data),
        _section(
            "Coverage over time",
            "Relevant articles per publication day (near-duplicate copies counted once) and distinct outlets.",
            coverage_chart(data.coverage),
        ),
    ]
    if data.events_daily:
        parts.append(
            _section(
                "Events by type",
                "Distinct real-world events per day (mentions in several articles linked into one).",
                events_chart(data.events_daily),
            )
        )
    if data.speakers:
        parts.append(
            _section("Top speakers", "Direct quotes per speaker across all weeks.", speakers_chart(data.speakers))
        )
    if data.timeline:
        note = "Each point is one linked event; larger points were reported by more independent outlets."
        if len(data.timeline) >= TIMELINE_POINTS:
            note += f" Showing the {TIMELINE_POINTS:,} most widely reported."
        parts.append(_section("Event timeline", note, timeline_chart(data.timeline)))
    if data.quotes:
        parts.append(
            _section("Quotes by spread", "The same quote seen across outlets and days.", quotes_table(data.quotes))
        )
    if data.latest_events:
        parts.append(
            _section(
                "Latest events",
                "Most recent events with the sentence that reports them.",
                events_table(data.latest_events),
            )
        )
    if data.latest_articles:
        parts.append(
            _section(
                "Latest articles",
                "Most recent relevant articles (near-duplicate copies left out).",
                articles_table(data.latest_articles),
            )
        )
    if data.health:
        parts.append(_section("Fetch health", "Fetch outcomes per outlet over all runs.", health_table(data.health)))
    return template.substitute(
        title=esc(TITLE),
        subtitle=esc(subtitle),
        body="\n".join(parts),
        plotlyjs=_plotly_script(),
        generated=stamp,
        warehouse=esc(source),
    )


def _plotly_script() -> str:
    """plotly.js inline, once per page, so the file opens without a network."""
    from plotly.offline import get_plotlyjs

    js = get_plotlyjs()
    # The library is trusted, but a literal closing tag inside it would still end the element early.
    js = js.replace("</script", "<\\/script")
    return f'<script charset="utf-8">{js}</script>'

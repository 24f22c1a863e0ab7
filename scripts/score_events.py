"""Score transform.events.find_events on the annotated event set (devset/events, see its GUIDE.md).

Usage: score_events.py [--set dev|heldout|test|test2|...|all] [--verbose] [--json]

`all` is dev + heldout; `test`, `test2`, ... are blind sets written independently of the rules
(devset/events/test*/, found by name).

A predicted event matches a gold one when the types are equal, the start dates are equal (both missing counts
as equal) and the actor sets overlap (Jaccard >= 0.5, or gold within predicted with at most one extra).
Matching is one-to-one per article, greedy in gold order.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ceasefire.config import load_gazetteer  # noqa: E402
from transform.events import find_events  # noqa: E402

SETS = ("dev", "heldout")
# every blind set in devset/events/ ("test", "test2", ...), in the order they were written
BLIND = tuple(
    sorted((p.name for p in (ROOT / "devset" / "events").glob("test*") if p.is_dir()), key=lambda n: int(n[4:] or 1))
)


@dataclass
class Tally:
    """Counts for one event type (or all types)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall, F1 (1.0 when there is nothing to get wrong)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Report:
    """Totals over a set of articles."""

    overall: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=dict)
    date_pairs: int = 0
    date_ok: int = 0
    status_pairs: int = 0
    status_ok: int = 0
    articles: int = 0
    seconds: float = 0.0
    lines: list[str] = field(default_factory=list)


def actors_match(gold: set[str], pred: set[str]) -> bool:
    """Jaccard >= 0.5, or gold is contained in pred with at most one extra actor."""
    if not gold and not pred:
        return True
    if gold <= pred and len(pred - gold) <= 1:
        return True
    return len(gold & pred) / len(gold | pred) >= 0.5


def _day(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def score_article(gold: list[dict], pred: list[dict], report: Report, name: str, verbose: bool) -> None:
    """Match one article's predictions against its gold events and add to the report."""
    used: set[int] = set()
    for g in gold:
        tally = report.by_type.setdefault(g["type"], Tally())
        hit = None
        for i, p in enumerate(pred):
            if i in used or p["type"] != g["type"]:
                continue
            if p["date"] == g["date"] and actors_match(set(g["actors"]), set(p["actors"])):
                hit = i
                break
        if hit is None:
            tally.fn += 1
            report.overall.fn += 1
            if verbose:
                report.lines.append(f"  MISS {name}: {g['type']} {g['date']} {sorted(g['actors'])} {g['status']}")
            continue
        used.add(hit)
        tally.tp += 1
        report.overall.tp += 1
        report.status_pairs += 1
        report.status_ok += pred[hit]["status"] == g["status"]
        if verbose and pred[hit]["status"] != g["status"]:
            report.lines.append(f"  STATUS {name}: {g['type']} gold={g['status']} pred={pred[hit]['status']}")
    for i, p in enumerate(pred):
        if i not in used:
            report.by_type.setdefault(p["type"], Tally()).fp += 1
            report.overall.fp += 1
            if verbose:
                detail = f"{p['type']} {p['date']} {sorted(p['actors'])} {p['status']}"
                report.lines.append(f"  EXTRA {name}: {detail} | {p['evidence'][:90]}")
    # date accuracy among type-matched pairs (one-to-one by type, preferring actor overlap)
    free = [p for p in pred]
    for g in gold:
        same = [p for p in free if p["type"] == g["type"]]
        if not same:
            continue
        same.sort(key=lambda p: not actors_match(set(g["actors"]), set(p["actors"])))
        p = same[0]
        free.remove(p)
        report.date_pairs += 1
        report.date_ok += p["date"] == g["date"]


def run(which: str, verbose: bool) -> Report:
    """Score one set ('dev', 'heldout', 'test', 'test2' or 'all')."""
    gaz = load_gazetteer(ROOT / "config")
    report = Report()
    names = SETS if which == "all" else (which,)
    for set_name in names:
        if not (ROOT / "devset" / "events" / set_name).is_dir():
            raise SystemExit(f"score_events: no annotated set at devset/events/{set_name}/")
        for gold_path in sorted((ROOT / "devset" / "events" / set_name).glob("*.json")):
            doc = json.loads(gold_path.read_text(encoding="utf-8"))
            text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
            published = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
            t0 = time.perf_counter()
            events = find_events(text, published, gaz)
            report.seconds += time.perf_counter() - t0
            for e in events:
                assert text[e.start : e.end] == e.evidence, f"{gold_path.name}: evidence offsets"
            pred = [
                {
                    "type": e.type,
                    "date": _day(e.date),
                    "actors": list(e.actors),
                    "status": e.status,
                    "evidence": e.evidence,
                }
                for e in events
            ]
            report.articles += 1
            score_article(doc["events"], pred, report, f"{set_name}/{gold_path.stem}", verbose)
    return report


def as_dict(report: Report) -> dict:
    """Metrics as plain data (for --json and the floor test)."""
    p, r, f = report.overall.prf()
    return {
        "articles": report.articles,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "date_accuracy": round(report.date_ok / report.date_pairs, 4) if report.date_pairs else 1.0,
        "status_accuracy": round(report.status_ok / report.status_pairs, 4) if report.status_pairs else 1.0,
        "seconds": round(report.seconds, 3),
        "by_type": {
            t: dict(zip(("precision", "recall", "f1"), (round(x, 4) for x in tally.prf()), strict=True))
            | {"tp": tally.tp, "fp": tally.fp, "fn": tally.fn}
            for t, tally in sorted(report.by_type.items())
        },
    }


def main(argv: list[str] | None = None) -> int:
    """Print precision/recall by type, date and status accuracy."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=(*SETS, *BLIND, "all"), default="dev")
    ap.add_argument("--verbose", action="store_true", help="list misses and extra events")
    ap.add_argument("--json", action="store_true", help="print the metrics as JSON")
    args = ap.parse_args(argv)
    report = run(args.set, args.verbose)
    metrics = as_dict(report)
    if args.json:
        print(json.dumps(metrics, indent=1))
        return 0
    print("\n".join(report.lines))
    print(f"set={args.set} articles={metrics['articles']} extract time={metrics['seconds']}s")
    print(f"{'type':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
    for t, m in metrics["by_type"].items():
        print(f"{t:<22}{m['precision']:>7.2f}{m['recall']:>7.2f}{m['f1']:>7.2f}{m['tp']:>5}{m['fp']:>5}{m['fn']:>5}")
    o = report.overall
    print(
        f"{'ALL':<22}{metrics['precision']:>7.2f}{metrics['recall']:>7.2f}{metrics['f1']:>7.2f}{o.tp:>5}{o.fp:>5}{o.fn:>5}"
    )
    print(
        f"date accuracy (type-matched pairs): {metrics['date_accuracy']:.2f}   "
        f"status accuracy (matched): {metrics['status_accuracy']:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

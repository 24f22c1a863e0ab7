"""Quality floors of the event extractor on the annotated set (devset/events), measured by the real scorer.

The floors sit slightly below the figures reached when they were set; lowering one is a reviewed change.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ceasefire.config import load_gazetteer
from transform.events import find_events

REPO = Path(__file__).resolve().parent.parent
FLOORS = {
    # set: (precision, recall, date accuracy)
    "dev": (0.93, 0.90, 0.94),
    "heldout": (0.85, 0.80, 0.93),
    # blind set, scored blind once at P 0.60 / R 0.59; its misses have since been read, so this floor
    # guards against regressions and is no longer an unseen-text figure
    "test": (0.85, 0.86, 0.92),
    # second blind set, scored blind once at P 0.65 / R 0.69; read since, so a regression guard too
    "test2": (0.89, 0.90, 0.93),
    # third blind set, scored blind once at P 0.64 / R 0.53; read since, so a regression guard too
    "test3": (0.84, 0.83, 0.90),
    # fourth blind set, scored blind once at P 0.66 / R 0.61; read since, so a regression guard too
    "test4": (0.76, 0.76, 0.80),
    # fifth blind set, scored blind once at P 0.65 / R 0.61; read since, so a regression guard too
    "test5": (0.79, 0.79, 0.85),
    # sixth blind set, scored blind once at P 0.66 / R 0.68; read since, so a regression guard too
    "test6": (0.80, 0.80, 0.84),
    # seventh blind set, scored blind once at P 0.64 / R 0.59 (date accuracy 0.68); read since
    "test7": (0.83, 0.77, 0.86),
    # eighth blind set, scored blind once at P 0.61 / R 0.57 (date accuracy 0.66)
    "test8": (0.72, 0.69, 0.72),
    # ninth blind set, scored blind once at P 0.57 / R 0.55 (date accuracy 0.72)
    "test9": (0.64, 0.59, 0.75),
    # tenth blind set (mainstream formats), scored blind once at P 0.66 / R 0.67 (date accuracy 0.73)
    "test10": (0.71, 0.67, 0.75),
    # eleventh blind set (mainstream formats), scored blind once at P 0.52 / R 0.55 (date accuracy 0.60)
    "test11": (0.66, 0.65, 0.72),
    # twelfth blind set (mainstream formats), scored blind once at P 0.68 / R 0.68 (date accuracy 0.74)
    "test12": (0.80, 0.77, 0.82),
    # thirteenth blind set (mainstream formats), scored blind once at P 0.65 / R 0.60 (date accuracy 0.72)
    "test13": (0.72, 0.68, 0.78),
    # fourteenth blind set (mainstream formats), scored blind once at P 0.65 / R 0.56 (date accuracy 0.71)
    "test14": (0.70, 0.63, 0.73),
}


def score(which: str) -> dict:
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "score_events.py"), "--set", which, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(proc.stdout)


@pytest.mark.parametrize("which", sorted(FLOORS))
def test_floors(which: str) -> None:
    metrics = score(which)
    precision, recall, date_accuracy = FLOORS[which]
    assert metrics["articles"] >= (40 if which == "dev" else 12)
    assert metrics["precision"] >= precision, metrics
    assert metrics["recall"] >= recall, metrics
    assert metrics["date_accuracy"] >= date_accuracy, metrics


def test_other_wars_and_sport_truces_give_nothing() -> None:
    gaz = load_gazetteer(REPO / "config")
    irrelevant = sorted((REPO / "devset" / "events" / "heldout").glob("irrelevant-*.json"))
    assert len(irrelevant) >= 3
    for path in irrelevant:
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["events"] == []
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        assert find_events(text, dt.date.fromisoformat(doc["published"]), gaz) == [], path.name


def test_scorer_counts_a_wrong_date_as_a_miss(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import score_events
    finally:
        sys.path.pop(0)
    gold = [{"type": "call", "date": "2025-03-18", "actors": ["donald_trump", "vladimir_putin"], "status": "occurred"}]
    right = [dict(gold[0], actors=["donald_trump", "vladimir_putin", "kremlin"], evidence="")]
    wrong = [dict(gold[0], date="2025-03-17", evidence="")]
    ok, bad = score_events.Report(), score_events.Report()
    score_events.score_article(gold, right, ok, "a", False)
    score_events.score_article(gold, wrong, bad, "a", False)
    assert (ok.overall.tp, ok.overall.fp, ok.overall.fn) == (1, 0, 0)
    assert (bad.overall.tp, bad.overall.fp, bad.overall.fn) == (0, 1, 1)
    assert bad.date_pairs == 1 and bad.date_ok == 0

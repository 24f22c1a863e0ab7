"""Score the quote extractor on the annotated dev set: precision, recall, F1, speaker accuracy, fragments.

Usage: score_quotes.py [--set dev|heldout|test|test2|...|all] [--verbose] [--timing]

`test`, `test2`, ... are sets written independently of the rules (devset/quotes/test*/, found by name);
`all` is dev and heldout.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ceasefire.config import load_gazetteer  # noqa: E402
from transform.gazetteer import Gazetteer  # noqa: E402
from transform.quotes import find_quotes  # noqa: E402

DEVSET = ROOT / "devset" / "quotes"
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Folded word tokens with apostrophes and accents normalised, for matching quotes."""
    t = unicodedata.normalize("NFKC", text).replace("\u2019", "'").casefold()
    return _TOKEN.findall(t.replace("'", ""))


_SLUG_GLUE = frozenset({"of", "the", "and", "for", "s"})


def same_speaker(pred: str | None, gold: str | None, gaz: Gazetteer) -> bool:
    """Same speaker: equal ids, or two slugs outside the gazetteer with the same words in any order.

    A body outside the gazetteer has no canonical word order ("Ministry of Foreign Affairs of Georgia",
    "Georgia's Ministry of Foreign Affairs"), so its slug is compared as a set of words without glue words.
    """
    if pred == gold:
        return True
    if pred is None or gold is None or pred in gaz.actors or gold in gaz.actors:
        return False
    return set(pred.split("_")) - _SLUG_GLUE == set(gold.split("_")) - _SLUG_GLUE


def matches(pred: str, gold: str) -> bool:
    """Same quote: token Jaccard >= 0.8, or one token sequence contains the other."""
    p, g = tokens(pred), tokens(gold)
    if not p or not g:
        return False
    ps, gs = " ".join(p), " ".join(g)
    if ps in gs or gs in ps:
        shorter, longer = (p, g) if len(p) <= len(g) else (g, p)
        return len(shorter) / len(longer) >= 0.5 or len(shorter) >= 4
    sp, sg = set(p), set(g)
    return len(sp & sg) / len(sp | sg) >= 0.8


@dataclass
class Score:
    """Counts over a set of articles, and the misses for --verbose."""

    name: str
    articles: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_total: int = 0
    speaker_ok: int = 0
    frag_tp: int = 0
    frag_pred: int = 0
    frag_gold: int = 0
    seconds: float = 0.0
    words: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.speaker_total if self.speaker_total else 1.0

    @property
    def fragment_precision(self) -> float:
        return self.frag_tp / self.frag_pred if self.frag_pred else 1.0

    @property
    def fragment_recall(self) -> float:
        return self.frag_tp / self.frag_gold if self.frag_gold else 1.0


def score_article(name: str, text: str, gold: list[dict], gaz: Gazetteer, score: Score) -> None:
    """Match predictions to gold one to one (in order of position) and add to the counts."""
    t0 = time.perf_counter()
    pred = find_quotes(text, gaz)
    score.seconds += time.perf_counter() - t0
    score.articles += 1
    score.words += len(text.split())
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and matches(p.text, g["text"])), None)
        if g.get("fragment"):
            score.frag_gold += 1
        if hit is None:
            score.fn += 1
            score.misses.append(f"{name}: MISSED {g['text'][:70]!r} ({g.get('speaker_id')})")
            continue
        used.add(hit)
        p = pred[hit]
        score.tp += 1
        if p.fragment:
            score.frag_pred += 1
            if g.get("fragment"):
                score.frag_tp += 1
            else:
                score.misses.append(f"{name}: WRONGLY FRAGMENT {g['text'][:60]!r}")
        elif g.get("fragment"):
            score.misses.append(f"{name}: NOT FLAGGED FRAGMENT {g['text'][:60]!r}")
        if not g.get("fragment"):
            score.speaker_total += 1
            if same_speaker(p.speaker_id, g.get("speaker_id"), gaz):
                score.speaker_ok += 1
            else:
                score.misses.append(
                    f"{name}: SPEAKER {p.speaker_id!r} (cue {p.cue!r}) != {g.get('speaker_id')!r} "
                    f"for {g['text'][:50]!r}"
                )
    for i, p in enumerate(pred):
        if i not in used:
            score.fp += 1
            if p.fragment:
                score.frag_pred += 1
            score.misses.append(f"{name}: SPURIOUS {'fragment ' if p.fragment else ''}{p.text[:70]!r}")


def score_set(which: str, gaz: Gazetteer | None = None, root: Path = DEVSET) -> Score:
    """Score every article of devset/quotes/<which>."""
    gaz = gaz or load_gazetteer(ROOT / "config")
    score = Score(which)
    if not (root / which).is_dir():
        raise FileNotFoundError(f"no such set: {root / which}")
    for txt in sorted((root / which).glob("*.txt")):
        doc = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        score_article(txt.stem, txt.read_text(encoding="utf-8"), doc["quotes"], gaz, score)
    return score


def timing(which: str, gaz: Gazetteer, repeat: int = 20, root: Path = DEVSET) -> tuple[float, float]:
    """(ms per article, ms per 600 words) of CPU time for find_quotes over a set, best of `repeat` warm passes."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / which).glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    for t in texts:
        find_quotes(t, gaz)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for t in texts:
            find_quotes(t, gaz)
        best = min(best, time.process_time() - t0)
    return 1000 * best / max(1, len(texts)), 1000 * best / max(1, words) * 600


def report(score: Score) -> str:
    """One line of figures for a set."""
    return (
        f"{score.name:8s} articles={score.articles:3d}  P={score.precision:.3f} R={score.recall:.3f} "
        f"F1={score.f1:.3f}  speaker_acc={score.speaker_accuracy:.3f} ({score.speaker_ok}/{score.speaker_total})"
        f"  fragment_P={score.fragment_precision:.3f} fragment_R={score.fragment_recall:.3f}"
        f"  tp={score.tp} fp={score.fp} fn={score.fn}  {1000 * score.seconds / max(1, score.articles):.2f} ms/article"
    )


def main(argv: list[str] | None = None) -> int:
    """Print the figures for the chosen sets (and each miss with --verbose)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # dev, heldout, every blind set in devset/quotes/ ("test", "test2", ...) in the order written, and all
    blind = sorted((p.name for p in DEVSET.glob("test*") if p.is_dir()), key=lambda n: int(n[4:] or 1))
    sets = ["dev", "heldout", *blind, "all"]
    ap.add_argument("--set", choices=sets, default="all")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--timing", action="store_true", help="also time warm runs: ms/article and ms/600 words")
    args = ap.parse_args(argv)
    gaz = load_gazetteer(ROOT / "config")
    for which in ("dev", "heldout") if args.set == "all" else (args.set,):
        score = score_set(which, gaz)
        print(report(score))
        if args.verbose:
            for line in score.misses:
                print("   ", line)
        if args.timing:
            per_article, per_600 = timing(which, gaz)
            print(f"{which:8s} timing: {per_article:.3f} ms/article  {per_600:.3f} ms/600 words (CPU, best of 20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

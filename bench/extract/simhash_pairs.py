"""Hamming distances of SimHash fingerprints on realistic near-duplicate and distinct-story pairs.

Texts: articles extracted from the bundled sample sites and the layout fixtures. For each article we build
the variants newsrooms really publish: a syndicated wire copy (another outlet's dateline/credit, trailing
paragraph cut, a boilerplate line added) and updated versions (a paragraph appended, one figure changed,
one sentence reworded). Distinct pairs are every pair of different articles (many share the topic, day and
actors). The chosen threshold must separate the two populations; the result is written to
bench/results/simhash_pairs.json.

    .venv/bin/python bench/extract/simhash_pairs.py
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from transform.dedup import DEFAULT_THRESHOLD, hamming, simhash  # noqa: E402
from transform.extract import decode_html, extract  # noqa: E402

MIN_WORDS = 150  # below this, pages are briefs or indexes, not articles


def articles() -> list[tuple[str, str]]:
    """(name, text) of every extractable article page in the sample and the layout fixtures."""
    out = []
    paths = sorted((ROOT / "sample" / "sites").rglob("*.htm*")) + sorted(
        (ROOT / "tests/fixtures/layouts").glob("*.html")
    )
    for path in paths:
        page = extract(decode_html(path.read_bytes()), f"https://example.test/{path.name}")
        if page is not None and len(page.text.split()) >= MIN_WORDS:
            out.append((str(path.relative_to(ROOT)), page.text))
    return out


def variants(text: str) -> dict[str, str]:
    """Near-duplicate versions of one article, as syndication and updates produce them."""
    paras = text.split("\n")
    first = re.sub(r"^[A-Z][A-Za-z ,.]{0,40}\s[-—–]\s", "", paras[0])
    mid = len(paras) // 2
    words = paras[mid].split()
    half = len(words) // 2
    reworded = " ".join([*words[:half], "officials", "told", "reporters", *words[half:]])
    return {
        "wire_copy": "\n".join(
            [f"WASHINGTON (Wire Service) — {first}", *paras[1:-1], "Copyright 2025 Wire Service. All rights reserved."]
        ),
        "wire_copy_trimmed": "\n".join([paras[0], *paras[1:-1]]),
        "update_paragraph_added": text
        + "\nLater on Friday, a spokesman said the delegations would meet again within two weeks.",
        "update_figure_changed": re.sub(r"\d+", lambda m: str(int(m.group()) + 1), text, count=3),
        "update_sentence_reworded": "\n".join([*paras[:mid], reworded, *paras[mid + 1 :]]),
    }


def main() -> None:
    """Measure and write the distance distributions."""
    docs = articles()
    hashes = {name: simhash(text) for name, text in docs}
    near: dict[str, list[int]] = {}
    for name, text in docs:
        for kind, variant in variants(text).items():
            near.setdefault(kind, []).append(hamming(hashes[name], simhash(variant)))
    pairs = [(hamming(hashes[a], hashes[b]), a, b) for (a, _), (b, _) in itertools.combinations(docs, 2)]
    distinct = sorted(d for d, _, _ in pairs)
    all_near = sorted(d for values in near.values() for d in values)
    result = {
        "articles": len(docs),
        "threshold": DEFAULT_THRESHOLD,
        "near_duplicates": {k: {"max": max(v), "mean": round(sum(v) / len(v), 2)} for k, v in near.items()},
        "near_duplicate_share_within_threshold": round(
            sum(d <= DEFAULT_THRESHOLD for d in all_near) / len(all_near), 3
        ),
        "distinct_pairs": len(distinct),
        "distinct_min": distinct[0] if distinct else None,
        "distinct_p01": distinct[len(distinct) // 100] if distinct else None,
        "distinct_within_threshold": sum(d <= DEFAULT_THRESHOLD for d in distinct),
        # Pairs of different pages this close: read them; in the sample they are a syndicated copy and an update.
        "different_pages_within_threshold": [
            {"distance": d, "a": a, "b": b} for d, a, b in sorted(pairs) if d <= DEFAULT_THRESHOLD
        ],
        "histogram_near": {str(d): all_near.count(d) for d in sorted(set(all_near))},
        "histogram_distinct_below_16": {str(d): distinct.count(d) for d in sorted(set(distinct)) if d < 16},
    }
    out = ROOT / "bench" / "results" / "simhash_pairs.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

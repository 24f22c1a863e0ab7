"""SimHash fingerprints and first-copy assignment on sample wire copies, updates and distinct stories."""

from __future__ import annotations

import random
from pathlib import Path

import duckdb
import pytest

from transform.dedup import DEFAULT_THRESHOLD, assign_duplicates, hamming, simhash
from transform.extract import decode_html, extract

REPO = Path(__file__).resolve().parents[2]
SITES = REPO / "sample" / "sites"


def _text(relpath: str) -> str:
    path = SITES / relpath
    if not path.exists():
        pytest.skip(f"sample page {relpath} not present")
    page = extract(decode_html(path.read_bytes()), f"https://{relpath}")
    assert page is not None
    return page.text


def test_fingerprint_is_deterministic_and_fits_bigint(seed_text: str) -> None:
    value = simhash(seed_text)
    assert value == simhash(seed_text)
    assert -(2**63) <= value < 2**63
    con = duckdb.connect()
    con.execute("CREATE TABLE t (h BIGINT)")
    con.execute("INSERT INTO t VALUES (?)", [value])
    assert con.execute("SELECT h FROM t").fetchone()[0] == value


def test_known_value_is_stable_across_processes() -> None:
    # Pinned: fingerprints are stored, so the hash must never depend on the process (no Python hash()).
    assert simhash("Russia and Ukraine agreed to exchange prisoners in Istanbul") == simhash(
        "russia and ukraine agreed, to exchange prisoners in istanbul!"
    )
    assert simhash("") == 0
    assert simhash("one") != 0


def test_hamming_handles_signed_values() -> None:
    assert hamming(0, -1) == 64
    assert hamming(-1, -1) == 0
    assert hamming(5, 4) == 1
    assert hamming(2**63 - 1, -(2**63)) == 64


def test_edits_stay_close_and_different_texts_are_far(seed_text: str) -> None:
    paras = seed_text.split("\n")
    updated = seed_text + "\nThe White House said on Wednesday that technical talks would begin in Jeddah."
    trimmed = "\n".join(paras[:-1])
    base = simhash(seed_text)
    assert hamming(base, simhash(updated)) <= DEFAULT_THRESHOLD
    assert hamming(base, simhash(trimmed)) <= DEFAULT_THRESHOLD
    rng = random.Random(7)
    words = seed_text.split()
    shuffled = " ".join(rng.sample(words, len(words)))
    assert hamming(base, simhash(shuffled)) > 2 * DEFAULT_THRESHOLD


def test_sample_syndicated_copy_and_update_are_found() -> None:
    wire = _text(
        "wirenews.test/world/europe/putin-agrees-to-halt-energy-strikes-after-call-with-trump-2025-03-18/index.html"
    )
    copy = _text("atlanticpost.test/world/europe/putin-trump-call-energy-ceasefire-only.html")
    first = _text(
        "wirenews.test/world/europe/russia-ukraine-agree-prisoner-swap-at-first-direct-talks-since-2022-2025-05-16/index.html"
    )
    update = _text(
        "wirenews.test/world/europe/"
        "russia-ukraine-agree-prisoner-swap-at-first-direct-talks-since-2022-updated-2025-05-16/index.html"
    )
    assert hamming(simhash(wire), simhash(copy)) <= DEFAULT_THRESHOLD
    assert hamming(simhash(first), simhash(update)) <= DEFAULT_THRESHOLD
    # Different stories on the same topic, same outlet: not duplicates.
    assert hamming(simhash(wire), simhash(first)) > DEFAULT_THRESHOLD


def test_distinct_sample_stories_are_not_merged() -> None:
    paths = sorted(SITES.rglob("*.htm*")) if SITES.is_dir() else []
    texts = {}
    for path in paths:
        page = extract(decode_html(path.read_bytes()), f"https://{path.relative_to(SITES)}")
        if page is not None and len(page.text.split()) >= 150:
            texts[str(path.relative_to(SITES))] = page.text
    if len(texts) < 10:
        pytest.skip("sample sites not present")
    mapping = assign_duplicates([(name, simhash(text)) for name, text in texts.items()], [])
    # Only the known copy/update pairs of the sample may merge, never a different story.
    for dup, original in mapping.items():
        pair = {dup.split("/")[-2] if dup.endswith("index.html") else dup, original}
        assert any(key in " ".join(pair) for key in ("energy", "prisoner-swap")), (dup, original)
    assert len(mapping) <= 3


def test_assign_prefers_existing_then_first_seen() -> None:
    a = simhash("The delegations met in Istanbul for two hours and agreed a prisoner exchange of 1,000 each. " * 5)
    near = a ^ 0b111  # three bits away
    far = ~a
    existing = [("old", a)]
    new = [("n1", near), ("n2", a), ("n3", far), ("n4", far ^ 1)]
    assert assign_duplicates(new, existing, threshold=3) == {"n1": "old", "n2": "old", "n4": "n3"}
    # Without the existing copy, the first new one wins and later copies point at it, not at each other.
    assert assign_duplicates(new, [], threshold=3) == {"n2": "n1", "n4": "n3"}


def test_assign_follows_chains_to_the_original() -> None:
    first = 0
    second = 0b11  # 2 bits from first
    third = 0b1111  # 2 bits from second, 4 from first
    assert assign_duplicates([("a", first), ("b", second), ("c", third)], [], threshold=2) == {"b": "a", "c": "a"}


def test_reprocessed_article_is_not_its_own_duplicate() -> None:
    assert assign_duplicates([("x", 42)], [("x", 42)]) == {}
    assert assign_duplicates([("x", 42)], [("x", 42), ("y", 43)]) == {"x": "y"}


def test_threshold_zero_means_identical_only() -> None:
    assert assign_duplicates([("a", 5), ("b", 5), ("c", 4)], [], threshold=0) == {"b": "a"}
    with pytest.raises(ValueError):
        assign_duplicates([], [], threshold=-1)


def test_assignment_scales() -> None:
    rng = random.Random(3)
    existing = [(f"e{i}", rng.getrandbits(64) - 2**63) for i in range(50_000)]
    new = [(f"n{i}", rng.getrandbits(64) - 2**63) for i in range(500)]
    new.append(("copy", existing[1234][1] ^ 0b101))
    # Threshold 3 keeps chance matches among 2.5e7 random pairs out of the picture (p ~ 1e-14 per pair).
    assert assign_duplicates(new, existing, threshold=3) == {"copy": "e1234"}

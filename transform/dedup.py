"""Near-duplicate articles: 64-bit SimHash over word shingles, and first-copy assignment.

SimHash (Charikar 2002): every 3-word shingle of the lowercased text is hashed to 64 bits (blake2b);
each bit position sums +1/-1 over the shingles; the sign of each sum is one bit of the fingerprint.
Texts sharing most shingles get fingerprints at a small Hamming distance.

Threshold (default 3 of 64 bits), measured by `bench/extract/simhash_pairs.py` on pairs built from real
article structure (results in bench/results/simhash_pairs.json): syndicated wire copies (different
dateline/credit line, trimmed last paragraph, boilerplate differences) and updated versions (a paragraph
added or a sentence reworded) land at 0-3 bits; different stories on the same topic, same day, land at
20-40 bits. 3 keeps a wide margin on the "different story" side, which is the costly error (a distinct
article silently counted once).

Candidate search uses the pigeonhole principle: split the 64 bits into threshold + 1 bands; two
fingerprints within `threshold` bits agree exactly on at least one band, so only fingerprints sharing a
band value are compared. Exact, and near-linear for realistic collections.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

SHINGLE = 3
DEFAULT_THRESHOLD = 3
_MASK = (1 << 64) - 1
_WORD = re.compile(r"\w+")
_BITS = np.arange(64, dtype=np.uint64)


def _shingles(text: str) -> list[str]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]


def simhash(text: str) -> int:
    """64-bit SimHash of the text's word 3-shingles, as a signed int64 (fits DuckDB BIGINT); 0 for no words."""
    shingles = _shingles(text)
    if not shingles:
        return 0
    digests = b"".join(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest() for s in shingles)
    hashes = np.frombuffer(digests, dtype="<u8")
    bits = (hashes[:, None] >> _BITS) & np.uint64(1)
    ones = bits.sum(axis=0, dtype=np.int64)
    value = 0
    for i, count in enumerate(ones.tolist()):
        if 2 * count > len(shingles):
            value |= 1 << i
    return value - (1 << 64) if value >= 1 << 63 else value


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two 64-bit fingerprints (signed or unsigned)."""
    return ((a ^ b) & _MASK).bit_count()


def _bands(value: int, count: int) -> list[tuple[int, int]]:
    value &= _MASK
    width = -(-64 // count)
    return [(i, (value >> (i * width)) & ((1 << width) - 1)) for i in range(count)]


def assign_duplicates(
    new: list[tuple[str, int]], existing: list[tuple[str, int]], threshold: int = DEFAULT_THRESHOLD
) -> dict[str, str]:
    """{new article_id: article_id of the first copy} for each new article within `threshold` bits of an earlier one.

    Existing articles win over new ones; among new ones, list order is arrival order. A new article that
    matches an earlier duplicate points at that duplicate's original.
    """
    if threshold < 0:
        raise ValueError("threshold must be >= 0")
    bands = min(threshold + 1, 64)
    index: dict[tuple[int, int], list[int]] = {}
    ids: list[str] = []
    hashes: list[int] = []
    root: list[str] = []

    def add(article_id: str, value: int, original: str) -> None:
        pos = len(ids)
        ids.append(article_id)
        hashes.append(value)
        root.append(original)
        for band in _bands(value, bands):
            index.setdefault(band, []).append(pos)

    def first_match(article_id: str, value: int) -> int | None:
        best: int | None = None
        for band in _bands(value, bands):
            # Positions in a band list increase: stop at the first qualifying one, or once past `best`.
            for pos in index.get(band, ()):
                if best is not None and pos >= best:
                    break
                if ids[pos] != article_id and hamming(hashes[pos], value) <= threshold:
                    best = pos
                    break
        return best

    for article_id, value in existing:
        add(article_id, value, article_id)
    out: dict[str, str] = {}
    for article_id, value in new:
        if article_id in out:
            continue
        match = first_match(article_id, value)
        if match is None:
            add(article_id, value, article_id)
        else:
            out[article_id] = root[match]
            add(article_id, value, root[match])
    return out

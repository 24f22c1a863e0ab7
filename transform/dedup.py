"""Near-duplicate articles: 64-bit SimHash over word shingles, and first-copy assignment.

SimHash (Charikar 2002): every 3-word shingle of the casefolded text is hashed to 64 bits (blake2b word
hashes, combined per shingle and mixed with the splitmix64 finaliser, vectorised with numpy); each bit
position counts the shingles that set it; a majority sets that bit of the fingerprint. Deterministic across
processes and machines (no Python hash()).
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
from functools import lru_cache

import numpy as np

SHINGLE = 3
DEFAULT_THRESHOLD = 3
_MASK = (1 << 64) - 1
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=262_144)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint64(r)) | (x >> np.uint64(64 - r))


def _shingle_hashes(text: str) -> np.ndarray:
    """One 64-bit hash per word 3-shingle: rotated word hashes XORed, then the splitmix64 finaliser."""
    words = _WORD.findall(text.casefold())
    if not words:
        return np.empty(0, dtype=np.uint64)
    h = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    # Fewer words than a shingle: the whole text is the one shingle.
    short = len(h) < SHINGLE
    h = np.bitwise_xor.reduce(h, keepdims=True) if short else h[:-2] ^ _rotl(h[1:-1], 21) ^ _rotl(h[2:], 42)
    h = h ^ (h >> np.uint64(30))
    h = h * np.uint64(0xBF58476D1CE4E5B9)
    h = h ^ (h >> np.uint64(27))
    h = h * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def simhash(text: str) -> int:
    """64-bit SimHash of the text's word 3-shingles, as a signed int64 (fits DuckDB BIGINT); 0 for no words."""
    hashes = _shingle_hashes(text)
    if not len(hashes):
        return 0
    bits = np.unpackbits(hashes.astype("<u8").view(np.uint8), bitorder="little").reshape(-1, 64)
    majority = (2 * bits.sum(axis=0, dtype=np.int64) > len(hashes)).astype(np.uint8)
    return int(np.packbits(majority, bitorder="little").view("<i8")[0])


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

"""Reading a response body with a size cap applied after decompression, in bounded steps.

httpx's own decoders inflate a whole network chunk at once, so one 64 KB chunk of a gzip bomb can become
tens of megabytes before any cap is checked. Here the raw stream is inflated at most STEP bytes at a time and
reading stops as soon as the decoded size passes the cap, so memory never exceeds cap + STEP.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

from ceasefire.errors import FetchError

STEP = 64 * 1024


class UnsupportedEncodingError(FetchError):
    """The server used a Content-Encoding we did not ask for and cannot decode."""


class _Inflater:
    """zlib decompression (gzip, zlib or raw deflate) that yields output in STEP-sized pieces."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding in ("gzip", "x-gzip")
        # 47 = auto-detect gzip or zlib header; raw deflate is tried if the first bytes are neither.
        self._wbits = 47 if self._gzip else 15
        self._obj = zlib.decompressobj(self._wbits)
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decompress data lazily, in pieces of at most STEP bytes, so a caller can stop mid-chunk."""
        while data:
            try:
                piece = self._obj.decompress(data, STEP)
            except zlib.error:
                if self._started or self._gzip:
                    raise
                # Some servers send raw deflate without the zlib wrapper.
                self._wbits = -15
                self._obj = zlib.decompressobj(self._wbits)
                piece = self._obj.decompress(data, STEP)
            self._started = True
            if piece:
                yield piece
            if self._obj.eof:
                # Concatenated gzip members are one stream by the spec; start a new decoder on the rest.
                data = self._obj.unused_data
                if data:
                    self._obj = zlib.decompressobj(self._wbits)
                continue
            data = self._obj.unconsumed_tail
            if not piece and not data:
                break


@dataclass(slots=True)
class Body:
    """A body read under a cap: data is None when the cap was passed, unless the prefix was asked for."""

    data: bytes | None
    decoded_bytes: int
    raw_bytes: int
    too_large: bool = False


async def read_capped(
    raw: AsyncIterator[bytes], content_encoding: str | None, max_bytes: int, keep_prefix: bool = False
) -> Body:
    """Read and decode a raw body stream, stopping as soon as the decoded size exceeds max_bytes.

    With keep_prefix the first max_bytes are returned (robots.txt is parsed up to a limit); otherwise
    nothing is kept of an oversized body.
    """
    codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    for coding in codings:
        if coding not in ("gzip", "x-gzip", "deflate"):
            raise UnsupportedEncodingError(f"unsupported content-encoding {coding!r}")
    # Encodings apply in the listed order, so decoding undoes them in reverse.
    inflaters = [_Inflater(c) for c in reversed(codings)]
    parts: list[bytes] = []
    decoded = 0
    raw_total = 0
    async for chunk in raw:
        raw_total += len(chunk)
        pieces: Iterator[bytes] = iter((chunk,))
        for inflater in inflaters:
            pieces = _chain(inflater, pieces)
        for piece in pieces:
            decoded += len(piece)
            if decoded > max_bytes:
                if keep_prefix:
                    parts.append(piece[: len(piece) - (decoded - max_bytes)])
                    return Body(b"".join(parts), max_bytes, raw_total, too_large=True)
                return Body(None, decoded, raw_total, too_large=True)
            parts.append(piece)
    return Body(b"".join(parts), decoded, raw_total)


def _chain(inflater: _Inflater, pieces: Iterator[bytes]) -> Iterator[bytes]:
    """Feed each upstream piece through one decoder, lazily."""
    for piece in pieces:
        yield from inflater.feed(piece)

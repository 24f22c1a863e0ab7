"""Text helpers shared by the extractors: paragraph and sentence spans with offsets into the text."""

from __future__ import annotations

import re

# Abbreviations after which a period does not end a sentence.
# fmt: off
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "sen", "rep", "gov", "st", "jr", "sr",
    "u.s", "u.k", "u.n", "e.g", "i.e", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "adm", "maj", "pres",
}
# fmt: on
_END = re.compile(r"[.!?]+[\"'\u201d\u2019\u00bb)]*(?=\s+[\"'\u201c\u2018\u00ab(]?[A-Z0-9\u201e])")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph; paragraphs are separated by newlines."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, never crossing a paragraph break; end is exclusive."""
    out: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        para = text[p_start:p_end]
        start = 0
        for m in _END.finditer(para):
            word = re.search(r"([\w.]+)[.!?]+[\"'\u201d\u2019\u00bb)]*$", para[start : m.end()])
            if word and m.group().startswith(".") and word.group(1).rstrip(".").casefold() in _ABBREV:
                continue
            if word and m.group().startswith(".") and re.fullmatch(r"[A-Z]", word.group(1)):
                continue  # an initial: "Donald J. Trump"
            out.append(_strip(para, start, m.end(), p_start))
            start = m.end()
        if para[start:].strip():
            out.append(_strip(para, start, len(para), p_start))
    return out


def _strip(para: str, start: int, end: int, offset: int) -> tuple[int, int]:
    while start < end and para[start].isspace():
        start += 1
    while end > start and para[end - 1].isspace():
        end -= 1
    return start + offset, end + offset

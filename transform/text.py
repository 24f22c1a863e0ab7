"""Text helpers shared by the extractors: paragraph and sentence spans with offsets into the text."""

from __future__ import annotations

import re

# Abbreviations after which a period does not end a sentence.
# fmt: off
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "sen", "rep", "gov", "st", "jr", "sr",
    "u.s", "u.k", "u.n", "e.g", "i.e", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "adm", "maj", "pres", "h.e", "h.m", "h.r.h", "amb",
    "hon", "rev", "fr", "cllr", "supt", "insp", "brig", "cmdr", "smt", "mme", "mlle", "univ", "mag", "atty", "engr",
    "ing", "avv", "dott", "sig", "mons", "cdre", "cdr",
}
# fmt: on
_BEFORE_NUMBER = frozenset({"no", "nos", "vol", "p", "pp"})
_END = re.compile(r"[.!?]+[\"'\u201d\u2019\u00bb)]*(?=\s+[\"'\u201c\u2018\u00ab(]?[A-Z0-9\u201e])")


_LINE = re.compile(r"[^\n]+")
_INITIAL = re.compile(r"[A-Z]")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph; paragraphs are separated by newlines."""
    return [m.span() for m in _LINE.finditer(text) if not m.group().isspace()]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, never crossing a paragraph break; end is exclusive."""
    out: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        start = p_start
        for m in _END.finditer(text, p_start, p_end):
            if m.group().startswith(".") and _no_break(text, start, m):
                continue
            out.append(_strip(text, start, m.end()))
            start = m.end()
        if start < p_end and not text[start:p_end].isspace():
            out.append(_strip(text, start, p_end))
    return out


def _no_break(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether the period at m closes an abbreviation ("Gen.", "U.S.") or an initial ("Donald J. Trump")."""
    i = m.start()
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
    marks = m.group().rstrip("\"'\u201d\u2019\u00bb)")
    dots = len(marks) - len(marks.lstrip("."))
    # the word as the regex ([\w.]+)[.!?]+ reads it: every leading dot but the last stays in the word
    word = text[i : m.start()] + "." * (dots if dots < len(marks) else dots - 1)
    key = word.rstrip(".").casefold()
    if key in _BEFORE_NUMBER:  # "No. 10 Downing Street", but "No. Late on Saturday ..." ends an answer
        return text[m.end() : m.end() + 8].lstrip()[:1].isdigit()
    return bool(word) and (key in ABBREVIATIONS or _INITIAL.fullmatch(word) is not None)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

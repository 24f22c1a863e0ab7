"""Date phrases in news copy ("on Tuesday", "last week", "March 18", "Mar 10–16") resolved against publication."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

Span = tuple[dt.date | None, dt.date | None]

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Case-insensitive regexes match these look-alikes of ASCII letters; fold them before any table lookup.
_LOOKALIKES = str.maketrans({"\u0131": "i", "\u0130": "i", "\u017f": "s", "\u212a": "k"})


def fold(word: str) -> str:
    """Lower-case a matched word for table lookups, mapping Unicode look-alikes (ı, İ, ſ, K) to ASCII."""
    return word.translate(_LOOKALIKES).lower()


_WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}

_MON = (
    r"(?P<{0}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<{0}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<{0}>(?:19|20)\d\d))?"
_DASH = r"\s*(?:[-\u2010-\u2015]|to|through|until|till|and)\s*"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Order matters: ranges and full dates before their parts, so one phrase is one mention.
_PATTERNS: list[tuple[str, str]] = [
    # "2025-11-24", and a chronology's range of days "2025-12-04/06"
    ("iso", r"(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?:/(?P<id2>[0-3]\d))?"),
    ("numeric", r"(?P<num>[0-3]?\d[/.][01]?\d[/.](?:19|20)\d\d)"),
    (
        "range_md",
        _MON.format("m1")
        + r"\s+"
        + _DAY.format("d1")
        + _DASH
        + r"(?:"
        + _MON.format("m2")
        + r"\s+)?"
        + _DAY.format("d2")
        + r"(?!\d|:\d)"
        + _YEAR.format("y1"),
    ),
    (
        "range_dm",
        # "from Friday 23 to Sunday 25 May": a weekday may name each day
        r"(?:"
        + _WD.replace("wd", "wd4")
        + r",?\s+)?"
        + _DAY.format("d3")
        + r"(?:\s+"
        + _MON.format("m3")
        + r")?"
        + _DASH
        + r"(?:"
        + _WD.replace("wd", "wd5")
        + r",?\s+)?"
        + _DAY.format("d4")
        + r"\s+(?:of\s+)?"
        + _MON.format("m4")
        + _YEAR.format("y2"),
    ),
    (
        "md",
        r"(?:"
        + _WD.replace("wd", "wd2")
        + r",?\s+)?"
        + _MON.format("m5")
        + r"\s+"
        + _DAY.format("d5")
        + r"(?!\d|:\d)"
        + _YEAR.format("y3"),
    ),
    (
        "dm",
        r"(?:"
        + _WD.replace("wd", "wd3")
        + r",?\s+)?(?:the\s+)?"
        + _DAY.format("d6")
        + r"\s+(?:of\s+)?"
        + _MON.format("m6")
        + _YEAR.format("y4"),
    ),
    # "in May", "in October 2024": a month named alone runs from its first to its last day (qualified months,
    # "in late May", stay vague: the lookbehind wants "in" right before the month)
    (
        "month",
        r"(?<=\bin\s)(?P<mo>January|February|March|April|May|June|July|August|September|October|November"
        r"|December)(?:\s+(?P<moy>(?:19|20)\d\d))?(?!\s*\d)",
    ),
    # "held in Istanbul on the 16th": a day of the month the copy leaves implicit
    (
        "ordinal",
        r"the\s+(?P<od>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?=\s*[.,;)]|\s+(?:and|to|at|in|when|after|before)\b)",
    ),
    (
        "rel_week",
        r"(?P<rw>(?:earlier|later)\s+(?:this|next|last)\s+|last\s+|next\s+|this\s+|past\s+|coming\s+)"
        r"(?P<unit>week(?:end)?|month|year)",
    ),
    # "Over the weekend, officials drew up ...": the Saturday and Sunday nearest in the copy's tense
    ("weekend", r"(?:over|at|during)\s+the\s+weekend\b"),
    # feast and memorial days by name ("By Easter Sunday", "on Christmas Day"): the nearest one in the copy's tense
    (
        "holiday",
        r"(?P<hol>(?:orthodox\s+)?easter\s+(?:sunday|monday|day)|christmas\s+(?:day|eve)|new\s+year['\u2019]s\s+(?:day|eve)"
        r"|thanksgiving\s+day)",
    ),
    # "three days ago", "a week ago today": a count of days or weeks back from publication ("barely a week
    # ago", "more than two weeks ago" stay vague)
    (
        "ago",
        r"(?<!barely\s)(?<!about\s)(?<!nearly\s)(?<!almost\s)(?<!than\s)(?<!some\s)(?<!just\s)(?<!over\s)"
        r"(?P<agon>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<agou>days?|weeks?)\s+ago"
        r"(?:\s+today)?",
    ),
    ("weekday", r"(?P<wmod>last\s+|next\s+|this\s+|this\s+past\s+|this\s+coming\s+)?" + _WD),
    (
        "overnight",
        # "overnight", "the night of Saturday into Sunday", "Overnight Thursday into Friday"
        r"(?:(?P<on>overnight(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?=\s+(?:into|to)\s))?"
        r"|last\s+night)|(?:the\s+)?night(?:\s+of\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday"
        r"|Saturday|Sunday))?(?=\s+(?:into|to)\s))(?:\s+(?:into|to)\s+"
        r"(?P<onwd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?",
    ),
    (
        "day_word",
        r"(?P<dw>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|this\s+morning"
        r"|this\s+afternoon|this\s+evening)",
    ),
]
_DATE_SOURCE = r"(?<![\w-])(?:" + "|".join(f"(?P<k_{k}>{p})" for k, p in _PATTERNS) + r")(?![\w])"
_DATE_RE = re.compile(_DATE_SOURCE, re.IGNORECASE)
# The same pattern in lower case, matched case-sensitively on lower-cased text: about twice as fast, because
# case folding stops the regex engine from skipping ahead to a literal.
_DATE_LOWER_RE = re.compile(
    re.sub(r"(?<=[a-z])[A-Z]|(?<![\\?<])\b[A-Z](?=[a-z])", lambda m: m.group().lower(), _DATE_SOURCE)
)
# Cheap pre-filter: a sentence without any of these words has no date phrase.
_AGO_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_AGO_COUNTS |= {"nine": 9, "ten": 10}
_HINT_RE = re.compile(
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|week|month|year|night|tomorrow|morning|afternoon"
    r"|evening|easter|christmas|thanksgiving",
    re.IGNORECASE,
)
_FUTURE_RE = re.compile(
    r"\b(?:will|'ll|shall|would|going\s+to|(?:is|are|was|were)\s+(?:now\s+|also\s+|still\s+)?(?:due|set|scheduled|expected"
    r"|slated|poised|"
    r"planned|to\s+be\s+held|to\s+meet|to\s+hold)|plans\s+to|planning\s+to|planned\s+for|intends?\s+to|upcoming"
    # the news present of a fixture: "EU leaders meet informally in Copenhagen on Wednesday"
    r"|(?<!\bto\s)(?<!\bdid\s)(?<!\bnot\s)(?:meet|meets|gather|gathers|convene|convenes)\s+"
    r"(?:informally|again|today|tomorrow|this\s+week|next\s+week))\b",
    re.IGNORECASE,
)
_RANGE_OPEN_RE = re.compile(r"\b(?:from|between)\s+(?:[\w.:]+\s+){0,6}$", re.IGNORECASE)
_RANGE_JOIN_RE = re.compile(
    r"^\s*(?:[\w.:]+\s+){0,5}?(?:to|until|till|through|and)\s+(?:[\w.:]+\s+){0,2}$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date phrase in a text: its span, kind and the groups needed to resolve it."""

    start: int
    end: int
    text: str
    kind: str
    parts: tuple[tuple[str, str], ...]
    end_mention: DateMention | None = None

    def get(self, key: str) -> str | None:
        """A named part of the phrase ('m1', 'd1', 'wd'), or None."""
        for k, v in self.parts:
            if k == key:
                return v
        return None


def has_date_words(text: str) -> bool:
    """Whether `text` may contain a date phrase (a fast pre-filter before find_dates)."""
    return _HINT_RE.search(text) is not None


# Head words of every date phrase (a digit, a month, a weekday, week/month/year, a day word). One case-sensitive
# scan of the lower-cased text finds them at C speed, because the pattern opens with a set of literals; the
# full date pattern then runs only in a short window around each head, so the cost follows the number of
# date words, not the length of the text.
_HEAD_RE = re.compile(
    r"\b(?:\d|jan|feb|mar|apr|may\s+\d|(?<=in\s)may\b|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|week|month|year|overnight|night|yesterday|today|tonight|tomorrow|morning|afternoon"
    r"|evening|easter|orthodox\s+easter|christmas|new\s+year|thanksgiving|days?\s+ago)"
)


def find_dates(text: str) -> list[DateMention]:
    """Date phrases in `text`, left to right; 'from X ... until Y' pairs are joined into one range."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return _join_ranges(text, [_mention(m, text) for m in _DATE_RE.finditer(text)])
    found: list[DateMention] = []
    done = 0
    for head in _HEAD_RE.finditer(lowered):
        h = head.start()
        if h < done:
            continue
        m = None
        # a phrase may open up to three words before its head ("the day before yesterday", "earlier this week",
        # "the 18th of March"): try each of those word starts, earliest first, then the head itself
        for start in _word_starts_before(lowered, h, max(done, h - 26), 1 if lowered[h].isdigit() else 3):
            m = _DATE_LOWER_RE.match(lowered, start)
            if m is not None and m.end() > h:
                break
            m = None
        if m is None:
            m = _DATE_LOWER_RE.match(lowered, h)
        if m is None:
            continue
        found.append(_mention(m, text))
        done = m.end()
    return _join_ranges(text, found)


_LEAD_WORDS = frozenset(
    (
        "last",
        "next",
        "this",
        "past",
        "coming",
        "earlier",
        "later",
        "the",
        "day",
        "before",
        "over",
        "at",
        "during",
        *_AGO_COUNTS,
    )
)  # the count of "three days ago" too


def _word_starts_before(text: str, pos: int, floor: int, count: int) -> list[int]:
    """Starts of up to `count` words right before pos that may open a date phrase ("last", "the day before",
    "earlier this"), earliest first."""
    out: list[int] = []
    end = pos - 1
    while len(out) < count and end > floor and text[end] == " ":
        start = max(text.rfind(" ", floor, end), text.rfind("\n", floor, end)) + 1  # a phrase may open a line
        if start < floor or text[start:end] not in _LEAD_WORDS:
            break
        out.append(start)
        end = start - 1
    return out[::-1]


def _kind_groups(pattern: re.Pattern[str]) -> dict[str, tuple[str, ...]]:
    """Per kind ('k_md'), the part groups inside its branch, in pattern order: only these can be set when
    that branch matches, so a mention reads a handful of groups instead of the whole group dict."""
    names = sorted(pattern.groupindex, key=pattern.groupindex.__getitem__)
    out: dict[str, tuple[str, ...]] = {}
    kind = ""
    for name in names:
        if name.startswith("k_"):
            kind = name
            out[kind] = ()
        else:
            out[kind] += (name,)
    return out


_KIND_GROUPS = _kind_groups(_DATE_RE)


def _mention(m: re.Match[str], text: str) -> DateMention:
    group = m.lastgroup or "k_"
    names = _KIND_GROUPS.get(group, ())
    values = m.group(*names) if len(names) > 1 else (m.group(names[0]),) if names else ()
    parts = tuple((k, v) for k, v in zip(names, values, strict=True) if v is not None)
    start, end = m.span()
    return DateMention(start, end, text[start:end], group[2:], parts)


_WEEKDAY_ORDER = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _consecutive_weekdays(text: str, cur: DateMention, nxt: DateMention) -> bool:
    """'On Monday and Tuesday': two days in a row joined by 'and' are one span."""
    if cur.kind != "weekday" or nxt.kind != "weekday" or text[cur.end : nxt.start] != " and ":
        return False
    a, b = cur.get("wd"), nxt.get("wd")
    if a not in _WEEKDAY_ORDER or b not in _WEEKDAY_ORDER:
        return False
    return (_WEEKDAY_ORDER.index(a) + 1) % 7 == _WEEKDAY_ORDER.index(b)


def _join_ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    out: list[DateMention] = []
    i = 0
    while i < len(found):
        cur = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (
            nxt is not None
            and cur.kind not in ("range_md", "range_dm", "rel_week")
            and nxt.kind not in ("range_md", "range_dm", "rel_week")
            and (
                (
                    _RANGE_OPEN_RE.search(text[max(0, cur.start - 40) : cur.start])
                    and _RANGE_JOIN_RE.match(text[cur.end : nxt.start])
                )
                or _consecutive_weekdays(text, cur, nxt)
            )
        ):
            out.append(DateMention(cur.start, nxt.end, text[cur.start : nxt.end], cur.kind, cur.parts, nxt))
            i += 2
            continue
        out.append(cur)
        i += 1
    return out


def tense_of(clause: str) -> str:
    """'future' when the clause looks ahead (will, due to, set for, from ...), else 'past'."""
    return "future" if _FUTURE_RE.search(clause) else "past"


def resolve_date(phrase: str, published: dt.date | None, tense: str = "past") -> Span:
    """(date, date_end) of the first date phrase in `phrase`; (None, None) when there is none or it is vague."""
    mentions = find_dates(phrase)
    if not mentions:
        return None, None
    return resolve_mention(mentions[0], published, tense)


def resolve_mention(m: DateMention, published: dt.date | None, tense: str = "past") -> Span:
    """(date, date_end) of one mention; date_end is set only for ranges."""
    start, end = _resolve_one(m, published, tense)
    if m.end_mention is not None and start is not None:
        # the end counts on from the start: "from Friday to Sunday" in past copy ends two days after it began
        second, second_end = _resolve_one(m.end_mention, start, "future")
        last = second_end or second
        if last is not None and last < start and m.end_mention.kind in ("md", "dm"):
            last = _safe_date(last.year + 1, last.month, last.day)
        if last is not None and last > start:
            return start, last
    return start, end


def _resolve_one(m: DateMention, published: dt.date | None, tense: str) -> Span:
    g = m.get
    if m.kind == "iso":
        first = _safe_date(int(g("iy")), int(g("im")), int(g("id")))
        last = _safe_date(int(g("iy")), int(g("im")), int(g("id2"))) if g("id2") else None
        return first, (last if first and last and last > first else None)
    if m.kind == "numeric":
        return _parse_numeric(g("num") or ""), None
    if m.kind in ("range_md", "range_dm"):
        m1 = _month(g("m1") or g("m3") or g("m4"))
        m2 = _month(g("m2") or g("m4") or g("m1"))
        d1, d2 = int(g("d1") or g("d3")), int(g("d2") or g("d4"))
        year = g("y1") or g("y2")
        start = _with_year(m1, d1, year, published, tense)
        if start is None:
            return None, None
        end = _safe_date(start.year + (1 if m2 < m1 else 0), m2, d2)
        return start, end if end and end > start else None
    if m.kind in ("md", "dm"):
        month = _month(g("m5") or g("m6"))
        day = int(g("d5") or g("d6"))
        return _with_year(month, day, g("y3") or g("y4"), published, tense), None
    if m.kind == "month":
        month = _month(g("mo"))
        year = int(g("moy")) if g("moy") else None
        if year is None:
            if published is None:
                return None, None
            year = published.year
            if tense == "past" and month > published.month:
                year -= 1
            elif tense == "future" and month < published.month - 2:
                year += 1  # "would bring a truce in August", told in October of that August, is no next year
        first = dt.date(year, month, 1)
        return first, _safe_date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    if published is None:
        return None, None
    if m.kind == "weekday":
        return _weekday(_WEEKDAYS[fold(g("wd"))], (g("wmod") or "").split(), published, tense), None
    if m.kind == "overnight":
        into = g("onwd")
        if into:  # "overnight into Sunday": the night before that day
            day = _weekday(_WEEKDAYS[fold(into)], [], published, tense)
            return day - dt.timedelta(days=1), day
        return published - dt.timedelta(days=1), published
    if m.kind == "day_word":
        word = g("dw").lower()
        if word.startswith("the day before"):
            return published - dt.timedelta(days=2), None
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        return published + dt.timedelta(days=offset), None
    if m.kind == "ago":
        word = g("agon").lower()
        n = int(word) if word.isdigit() else _AGO_COUNTS[word]
        days = n * 7 if g("agou").lower().startswith("week") else n
        return published - dt.timedelta(days=days), None
    if m.kind == "weekend":
        back = (published.weekday() - 5) % 7  # days since the last Saturday (0 on a Saturday)
        if tense == "future" and back > 1:
            saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7)  # the coming weekend
        else:
            saturday = published - dt.timedelta(days=back)  # the last one, or this one when it is the weekend
        return saturday, saturday + dt.timedelta(days=1)
    if m.kind == "rel_week":
        return _relative_period(g("rw").lower().split(), g("unit").lower(), published)
    if m.kind == "ordinal":
        return _day_of_month(int(g("od")), published, tense), None
    if m.kind == "holiday":
        return _holiday(" ".join(fold(g("hol")).replace("\u2019", "'").split()), published, tense), None
    return None, None


def _holiday_in(name: str, year: int) -> dt.date:
    if "easter" in name:
        # Western and Orthodox Easter (the Orthodox date in the Gregorian calendar)
        method = EASTER_ORTHODOX if name.startswith("orthodox") else EASTER_WESTERN
        sunday = easter(year, method)
        return sunday + dt.timedelta(days=1) if name.endswith("monday") else sunday
    if name.startswith("christmas"):
        return dt.date(year, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("new year"):
        return dt.date(year, 12, 31) if name.endswith("eve") else dt.date(year, 1, 1)
    # Thanksgiving: the fourth Thursday of November (the US holiday)
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def _holiday(name: str, published: dt.date, tense: str) -> dt.date:
    """The feast day nearest the publication date in the copy's tense (past copy: this year's if it has come)."""
    day = _holiday_in(name, published.year)
    if tense == "future" and day < published:
        return _holiday_in(name, published.year + 1)
    if tense != "future" and day > published + dt.timedelta(days=1):
        return _holiday_in(name, published.year - 1)
    return day


def _day_of_month(day: int, published: dt.date, tense: str) -> dt.date | None:
    """The nearest such day of a month: on or before publication in past copy, on or after it in future copy."""
    step = 1 if tense == "future" else -1
    year, month = published.year, published.month
    for _ in range(3):
        d = _safe_date(year, month, day)
        if d is not None and (d >= published if step > 0 else d <= published):
            return d
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return None


def _relative_period(mods: list[str], unit: str, published: dt.date) -> Span:
    if mods[0] in ("earlier", "later", "coming") or unit == "year":
        return None, None  # vague: "later this week", "earlier this month", "this year"
    shift = {"last": -1, "past": -1, "next": 1, "this": 0}[mods[0]]
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
        return monday, monday + dt.timedelta(days=6)
    if unit == "weekend":
        saturday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=5, weeks=shift)
        if shift == 0 and saturday > published + dt.timedelta(days=1) and mods[0] == "last":
            saturday -= dt.timedelta(weeks=1)
        return saturday, saturday + dt.timedelta(days=1)
    if shift == 0:
        return None, None  # "this month" does not say which part of it
    month = published.month + shift
    year = published.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _weekday(target: int, mods: list[str], published: dt.date, tense: str) -> dt.date:
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if mods and mods[0] == "last":
        return published - dt.timedelta(days=back or 7)
    if mods and mods[0] == "next":
        return published + dt.timedelta(days=ahead or 7)
    if tense == "future":
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def _month(name: str | None) -> int:
    return _MONTHS[fold(name or "").rstrip(".")]


_PAST_SLACK = dt.timedelta(days=14)


def _with_year(month: int, day: int, year: str | None, published: dt.date | None, tense: str) -> dt.date | None:
    if year:
        return _safe_date(int(year), month, day)
    if published is None:
        return None
    candidates = [
        d for y in (published.year - 1, published.year, published.year + 1) if (d := _safe_date(y, month, day))
    ]
    window = dt.timedelta(days=60)
    if tense == "future":
        ahead = [d for d in candidates if d >= published - window]
        return min(ahead) if ahead else None
    if tense == "past":
        # past copy may run a few days ahead (a misread tense), never into next year's January from December
        before = [d for d in candidates if d <= published + _PAST_SLACK]
        return max(before) if before else None
    return min(candidates, key=lambda d: abs((d - published).days)) if candidates else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=512)
def _parse_numeric(text: str) -> dt.date | None:
    """Numeric dates are ambiguous (18/03 vs 03/18); dateparser applies day-first, then month-first, rules."""
    import dateparser  # slow import, needed only for numeric dates

    parsed = dateparser.parse(text, settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None

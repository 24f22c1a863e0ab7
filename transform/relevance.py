"""Topic relevance: a weighted-term profile (config/topic.yaml) scored in one regex pass over the text.

Method (the same text heads config/topic.yaml):

1. Every term or phrase of the profile (positive `terms`, `negative` contexts, and the members of the
   co-occurrence `groups`) is compiled into ONE case-insensitive alternation, longest first, matched on
   word boundaries; spaces in a phrase match any run of spaces or hyphens ("cease fire", "cease-fire"),
   a hyphen is optional ("ceasefire"), a trailing `*` matches any word ending ("negotiat*").
2. Each hit adds its weight (negative contexts subtract theirs). Hits in the title are multiplied by
   `title_weight`; body hits are turned into a density per 1000 words, with the word count floored at
   `min_words` so that a short teaser cannot reach a high density from two mentions.
       evidence = 1000 * body_sum / max(words, min_words) + title_weight * title_sum
3. The evidence saturates into 0..1: score = 1 - exp(-max(evidence, 0) / scale).
4. Each co-occurrence group (e.g. "a Russian actor", "a Ukrainian actor", "talk of a truce or talks") must
   be hit at least `min` times in title + body; every group that is not multiplies the score by
   `missing_group_factor`. A Gaza ceasefire story has the truce vocabulary but not the parties, so it
   stays low even though "ceasefire" is dense.
5. relevant = score >= threshold.

One pass over the text, no backtracking-heavy patterns: cost is linear in the text length.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Group:
    """Terms of which at least `min` hits must occur for the topic to count as present."""

    name: str
    terms: tuple[str, ...]
    min: int = 1


@dataclass(slots=True)
class TopicProfile:
    """A topic as weighted terms, negative contexts and required co-occurrence groups."""

    name: str
    terms: dict[str, float]
    negative: dict[str, float] = field(default_factory=dict)
    groups: tuple[Group, ...] = ()
    threshold: float = 0.5
    title_weight: float = 3.0
    min_words: int = 200
    scale: float = 25.0
    missing_group_factor: float = 0.3
    languages: tuple[str, ...] = ()
    description: str = ""
    _pattern: re.Pattern[str] = field(init=False, repr=False)
    # Per capture group: (weight, indices of co-occurrence groups the pattern belongs to).
    _slots: list[tuple[float, tuple[int, ...]]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        entries: dict[str, list[Any]] = {}
        for phrase, weight in self.terms.items():
            entries.setdefault(_norm(phrase), [0.0, set()])[0] += float(weight)
        for phrase, weight in self.negative.items():
            entries.setdefault(_norm(phrase), [0.0, set()])[0] -= float(weight)
        for gi, group in enumerate(self.groups):
            for phrase in group.terms:
                entries.setdefault(_norm(phrase), [0.0, set()])[1].add(gi)
        ordered = sorted(entries, key=lambda p: (-len(p), p))
        self._slots = [(entries[p][0], tuple(sorted(entries[p][1]))) for p in ordered]
        alternation = "|".join(f"({_phrase_regex(p)})" for p in ordered)
        self._pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> TopicProfile:
        """Validated profile from a parsed YAML mapping; ValueError names the offending key."""
        if not isinstance(doc, dict):
            raise ValueError("topic profile: expected a mapping at the top level")
        name = doc.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError("topic profile: 'name' must be a non-empty string")
        terms = _weights(doc.get("terms"), "terms", required=True)
        negative = _weights(doc.get("negative"), "negative", required=False)
        groups = _groups(doc.get("groups"))
        threshold = _number(doc, "threshold", 0.5, 0.0, 1.0)
        languages = doc.get("languages") or []
        if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
            raise ValueError("topic profile: 'languages' must be a list of ISO 639-1 codes")
        known = {
            "name", "description", "terms", "negative", "groups", "threshold", "title_weight", "min_words",
            "scale", "missing_group_factor", "languages",
        }  # fmt: skip
        unknown = sorted(set(doc) - known)
        if unknown:
            raise ValueError(f"topic profile: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return cls(
            name=name.strip(),
            description=str(doc.get("description") or ""),
            terms=terms,
            negative=negative,
            groups=groups,
            threshold=threshold,
            title_weight=_number(doc, "title_weight", 3.0, 0.0, 100.0),
            min_words=int(_number(doc, "min_words", 200, 1, 100000)),
            scale=_number(doc, "scale", 25.0, 0.001, 1e6),
            missing_group_factor=_number(doc, "missing_group_factor", 0.3, 0.0, 1.0),
            languages=tuple(x.lower() for x in languages),
        )

    def hits(self, text: str) -> tuple[float, list[int]]:
        """Sum of weights of all term hits in `text`, and hit counts per co-occurrence group."""
        total = 0.0
        counts = [0] * len(self.groups)
        slots = self._slots
        for m in self._pattern.finditer(text):
            weight, groups = slots[m.lastindex - 1]  # type: ignore[operator]
            total += weight
            for gi in groups:
                counts[gi] += 1
        return total, counts


def score(title: str | None, text: str, profile: TopicProfile) -> tuple[float, bool]:
    """(relevance score in 0..1, relevant?) of an article for a topic profile (method: module docstring)."""
    body_sum, body_groups = profile.hits(text or "")
    title_sum, title_groups = profile.hits(title) if title else (0.0, [0] * len(profile.groups))
    words = sum(1 for _ in _WORD.finditer(text or ""))
    evidence = 1000.0 * body_sum / max(words, profile.min_words) + profile.title_weight * title_sum
    value = 1.0 - math.exp(-max(evidence, 0.0) / profile.scale)
    for group, in_body, in_title in zip(profile.groups, body_groups, title_groups, strict=True):
        if in_body + in_title < group.min:
            value *= profile.missing_group_factor
    value = round(min(max(value, 0.0), 1.0), 4)
    return value, value >= profile.threshold


def _norm(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.replace("\u2019", "'")).strip().casefold()


def _phrase_regex(phrase: str) -> str:
    wildcard = phrase.endswith("*")
    out = []
    for ch in phrase.rstrip("*"):
        if ch == " ":
            out.append(r"[\s\-]+")
        elif ch == "-":
            out.append(r"[\s\-]?")
        elif ch == "'":
            out.append("['\u2019]")
        else:
            out.append(re.escape(ch))
    return "".join(out) + (r"\w*" if wildcard else "")


def _weights(value: Any, key: str, *, required: bool) -> dict[str, float]:
    if value is None and not required:
        return {}
    if not isinstance(value, dict) or (required and not value):
        raise ValueError(f"topic profile: '{key}' must be a non-empty mapping of phrase -> weight")
    out: dict[str, float] = {}
    for phrase, weight in value.items():
        if not isinstance(phrase, str) or not phrase.strip().rstrip("*"):
            raise ValueError(f"topic profile: '{key}' has an empty or non-text phrase: {phrase!r}")
        if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 100:
            raise ValueError(f"topic profile: '{key}.{phrase}' weight must be a number in (0, 100], got {weight!r}")
        out[phrase] = float(weight)
    return out


def _groups(value: Any) -> tuple[Group, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError("topic profile: 'groups' must be a list of {name, terms, min}")
    groups = []
    for i, row in enumerate(value):
        if not isinstance(row, dict) or not isinstance(row.get("terms"), list) or not row["terms"]:
            raise ValueError(f"topic profile: group #{i + 1} needs a non-empty 'terms' list")
        if not all(isinstance(t, str) and t.strip() for t in row["terms"]):
            raise ValueError(f"topic profile: group #{i + 1} has an empty or non-text term")
        minimum = row.get("min", 1)
        if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 1:
            raise ValueError(f"topic profile: group #{i + 1} 'min' must be a positive integer")
        groups.append(Group(name=str(row.get("name") or f"group{i + 1}"), terms=tuple(row["terms"]), min=minimum))
    return tuple(groups)


def _number(doc: dict[str, Any], key: str, default: float, low: float, high: float) -> float:
    value = doc.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ValueError(f"topic profile: '{key}' must be a number in [{low}, {high}], got {value!r}")
    return float(value)

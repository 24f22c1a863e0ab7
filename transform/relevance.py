"""Topic relevance: a weighted-term profile (config/topic.yaml) scored in one pass over the words.

Method (the same text heads config/topic.yaml):

1. Title and text are casefolded and split into words (runs of letters/digits: apostrophes and hyphens
   separate words, so "Russia's" holds the word "russia"). Every phrase of the profile (positive `terms`,
   `negative` contexts, members of the co-occurrence `groups`) is split the same way and looked up word by
   word in dictionaries, longest phrase first at each position: "peace talks" is one hit, not "peace" +
   "talks". A hyphenated phrase also matches its joined spelling ("cease-fire" matches "ceasefire"), and a
   trailing `*` matches any word ending ("negotiat*").
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

One pass over the words with dictionary lookups: cost is linear in the text length.
"""

from __future__ import annotations

import math
import re
from collections import Counter
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
    # Lookup tables built once: phrase words -> (weight, co-occurrence groups it belongs to).
    _single: dict[str, tuple[float, tuple[int, ...]]] = field(init=False, repr=False)
    _multi: dict[str, tuple[float, tuple[int, ...]]] = field(init=False, repr=False)
    _wild: dict[str, tuple[float, tuple[int, ...]]] = field(init=False, repr=False)
    _wild_lengths: tuple[int, ...] = field(init=False, repr=False)
    _memo: dict[str, tuple[float, tuple[int, ...]] | None] = field(init=False, repr=False)
    _hit_words: set[str] = field(init=False, repr=False)
    _multi_words: tuple[tuple[str, ...], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        entries: dict[tuple[tuple[str, ...], bool], list[Any]] = {}
        for phrase, weight in self.terms.items():
            for key in _keys(phrase):
                entries.setdefault(key, [0.0, set()])[0] += float(weight)
        for phrase, weight in self.negative.items():
            for key in _keys(phrase):
                entries.setdefault(key, [0.0, set()])[0] -= float(weight)
        for gi, group in enumerate(self.groups):
            for phrase in group.terms:
                for key in _keys(phrase):
                    entries.setdefault(key, [0.0, set()])[1].add(gi)
        self._single, self._multi, self._wild, self._memo, self._hit_words = {}, {}, {}, {}, set()
        for (words, wildcard), (weight, groups) in entries.items():
            entry = (weight, tuple(sorted(groups)))
            if wildcard:
                self._wild[words[0]] = entry
            elif len(words) == 1:
                self._single[words[0]] = entry
            else:
                self._multi[" ".join(words)] = entry
        self._wild_lengths = tuple(sorted({len(w) for w in self._wild}, reverse=True))
        # Longest phrase first at a position; only phrases whose every word is in a text are tried on it.
        self._multi_words = tuple(tuple(p.split(" ")) for p in sorted(self._multi, key=lambda p: (-len(p), p)))

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

    def _lookup(self, word: str) -> tuple[float, tuple[int, ...]] | None:
        """Entry of a single word (exact spelling first, then wildcard prefixes), memoised across texts."""
        entry = self._single.get(word)
        if entry is None:
            for length in self._wild_lengths:
                if len(word) >= length and word[:length] in self._wild:
                    entry = self._wild[word[:length]]
                    break
        self._memo[word] = entry
        if entry is not None:
            self._hit_words.add(word)
        return entry

    def hits(self, text: str) -> tuple[float, list[int], int]:
        """Sum of weights of all phrase hits in `text`, hit counts per co-occurrence group, and word count."""
        return self.hits_words(words(text))

    def hits_words(self, text_words: list[str]) -> tuple[float, list[int], int]:
        """`hits` over a text already split by `words` (callers that also need the words split once)."""
        counts = Counter(text_words)
        total = 0.0
        groups = [0] * len(self.groups)
        # Set algebra in C instead of a loop over every distinct word: only words never seen before are
        # looked up in Python, then only the words that are profile hits are visited.
        if len(self._memo) > 500_000:  # news vocabulary is bounded in practice; memory must be too
            self._memo.clear()
            self._hit_words.clear()
        memo = self._memo
        for word in [w for w in counts if w not in memo]:
            self._lookup(word)
        # Sorted: the float sum must not depend on the per-process order of a set of strings.
        present = sorted(counts.keys() & self._hit_words)
        candidates = [phrase for phrase in self._multi_words if all(w in counts for w in phrase)]
        if candidates:
            # Multi-word phrases first, leftmost then longest; the words they use do not count again alone.
            by_first: dict[str, list[tuple[str, ...]]] = {}
            for phrase in candidates:
                by_first.setdefault(phrase[0], []).append(phrase)
            end = 0
            for i in [i for i, w in enumerate(text_words) if w in by_first]:
                if i < end:
                    continue
                for phrase in by_first[text_words[i]]:
                    if tuple(text_words[i : i + len(phrase)]) == phrase:
                        weight, member_of = self._multi[" ".join(phrase)]
                        total += weight
                        for gi in member_of:
                            groups[gi] += 1
                        for word in phrase:
                            counts[word] -= 1
                        end = i + len(phrase)
                        break
        for word in present:
            times = counts[word]
            if times > 0:
                weight, member_of = memo[word]  # type: ignore[misc]
                total += weight * times
                for gi in member_of:
                    groups[gi] += times
        return total, groups, len(text_words)


def words(text: str) -> list[str]:
    """The casefolded words of a text as relevance and near-duplicate keys see them (runs of \\w)."""
    return _WORD.findall(text.casefold())


def score(
    title: str | None, text: str, profile: TopicProfile, *, text_words: list[str] | None = None
) -> tuple[float, bool]:
    """(relevance score in 0..1, relevant?) of an article for a topic profile (method: module docstring).

    `text_words`, if given, must be `words(text)`: the page pipeline splits the text once for all stages.
    """
    body_sum, body_groups, n_words = profile.hits_words(words(text or "") if text_words is None else text_words)
    title_sum, title_groups, _ = profile.hits(title or "")
    evidence = 1000.0 * body_sum / max(n_words, profile.min_words) + profile.title_weight * title_sum
    value = 1.0 - math.exp(-max(evidence, 0.0) / profile.scale)
    for group, in_body, in_title in zip(profile.groups, body_groups, title_groups, strict=True):
        if in_body + in_title < group.min:
            value *= profile.missing_group_factor
    value = round(min(max(value, 0.0), 1.0), 4)
    return value, value >= profile.threshold


def _keys(phrase: str) -> list[tuple[tuple[str, ...], bool]]:
    """Lookup keys of a phrase: its words (and, if hyphenated, the joined spelling), and whether it ends in *."""
    wildcard = phrase.rstrip().endswith("*")
    words = tuple(_WORD.findall(phrase.casefold()))
    if not words:
        return []
    if wildcard and len(words) > 1:
        raise ValueError(f"topic profile: '*' is allowed on single words only, not in {phrase!r}")
    keys = [(words, wildcard)]
    if "-" in phrase:
        joined = tuple(_WORD.findall(re.sub(r"(?<=\w)-(?=\w)", "", phrase.casefold())))
        if joined != words:
            keys.append((joined, wildcard))
    return keys


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

"""Cross-article linking of event mentions into real-world events (same type, date within a day, shared actors)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventMention:
    """The fields linking needs from one stored or staged event row."""

    event_id: str
    event_type: str
    event_date: dt.date | None
    actors: tuple[str, ...]
    location: str | None = None
    event_key: str | None = None


def _same_event(a: EventMention, b: EventMention, max_days: int) -> bool:
    if a.event_type != b.event_type or a.event_date is None or b.event_date is None:
        return False
    if abs((a.event_date - b.event_date).days) > max_days:
        return False
    if a.actors and b.actors:
        return bool(set(a.actors) & set(b.actors))
    # Without actors on one side, only a shared location makes two mentions the same event.
    return a.location is not None and a.location == b.location


def link_events(new: list[EventMention], existing: list[EventMention], max_days: int = 1) -> dict[str, str]:
    """event_key for each new mention: the key of the first matching known event, else its own event_id."""
    # Known mentions bucketed by (type, date) so each lookup scans only the days within reach.
    buckets: dict[tuple[str, dt.date], list[tuple[int, EventMention]]] = {}
    seq = 0

    def remember(m: EventMention) -> None:
        nonlocal seq
        if m.event_date is not None:
            buckets.setdefault((m.event_type, m.event_date), []).append((seq, m))
            seq += 1

    for known in existing:
        if known.event_key:
            remember(known)
    keys: dict[str, str] = {}
    for mention in sorted(new, key=lambda e: (e.event_date or dt.date.max, e.event_id)):
        match: tuple[int, EventMention] | None = None
        if mention.event_date is not None:
            for offset in range(-max_days, max_days + 1):
                day = mention.event_date + dt.timedelta(days=offset)
                for cand in buckets.get((mention.event_type, day), ()):
                    if (match is None or cand[0] < match[0]) and _same_event(mention, cand[1], max_days):
                        match = cand
                        break
        key = match[1].event_key if match else mention.event_id
        keys[mention.event_id] = key
        remember(EventMention(**{**_fields(mention), "event_key": key}))
    return keys


def _fields(m: EventMention) -> dict:
    return {f: getattr(m, f) for f in EventMention.__slots__}

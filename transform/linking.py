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
    keys: dict[str, str] = {}
    known = [e for e in existing if e.event_key]
    ordered = sorted(new, key=lambda e: (e.event_date or dt.date.max, e.event_id))
    for mention in ordered:
        match = next((k for k in known if _same_event(mention, k, max_days)), None)
        key = match.event_key if match else mention.event_id
        keys[mention.event_id] = key
        known.append(EventMention(**{**_fields(mention), "event_key": key}))
    return keys


def _fields(m: EventMention) -> dict:
    return {f: getattr(m, f) for f in EventMention.__slots__}

"""Direct quotations and their speakers."""

from __future__ import annotations

from ceasefire.records import Quote
from transform.gazetteer import Gazetteer


def find_quotes(text: str, gazetteer: Gazetteer) -> list[Quote]:
    """Direct quotes in `text` with speakers resolved against the gazetteer."""
    return []

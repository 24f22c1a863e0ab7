"""Every sample page dressed in a news site's chrome (bench/extract/chrome.py) yields the same records."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from transform.page import process_page
from transform.relevance import TopicProfile

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "sample" / "sites").rglob("*.htm*"))


def _dress():
    spec = importlib.util.spec_from_file_location("chrome", ROOT / "bench" / "extract" / "chrome.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.dress


dress = _dress()


def test_chrome_is_publisher_weight() -> None:
    sizes = sorted(len(dress(path.read_bytes(), i)) for i, path in enumerate(PAGES))
    assert sizes[0] > 60_000 and sizes[len(sizes) // 2] > 100_000


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.parent.name)
def test_same_records_in_chrome(path: Path, profile: TopicProfile, gazetteer) -> None:
    url = f"https://{path.relative_to(ROOT / 'sample' / 'sites').parts[0]}/a/"
    lean = process_page(path.read_bytes(), url, profile=profile, gazetteer=gazetteer)
    heavy = process_page(dress(path.read_bytes(), PAGES.index(path)), url, profile=profile, gazetteer=gazetteer)
    assert heavy.text == lean.text
    assert "Accept all" not in heavy.text and "More from the newsroom" not in heavy.text
    assert (heavy.title, heavy.relevant, heavy.relevance_score) == (lean.title, lean.relevant, lean.relevance_score)
    assert [q.text for q in heavy.quotes] == [q.text for q in lean.quotes]
    assert [(e.type, e.date) for e in heavy.events] == [(e.type, e.date) for e in lean.events]

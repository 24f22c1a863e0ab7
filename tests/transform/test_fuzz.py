"""Property: process_page turns any input into an Article or an ExtractionError, never anything else."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceasefire.config import load_gazetteer, read_yaml
from ceasefire.errors import ExtractionError
from ceasefire.records import Article
from transform.page import process_page
from transform.relevance import TopicProfile

REPO = Path(__file__).resolve().parents[2]
PROFILE = TopicProfile.from_dict(read_yaml(REPO / "config" / "topic.yaml"))
GAZETTEER = load_gazetteer(REPO / "config")

_TAGS = st.sampled_from(["p", "div", "article", "nav", "table", "td", "h1", "title", "meta", "script", "q", "br"])
_TEXT = st.text(st.characters(codec="utf-8"), max_size=80)
_FRAGMENT = st.one_of(
    _TEXT,
    st.builds(lambda t, x: f"<{t}>{x}</{t}>", _TAGS, _TEXT),
    st.builds(lambda t, x: f"<{t} class='{x}'>", _TAGS, _TEXT),
    st.sampled_from(
        [
            "<meta charset='x-unknown'>",
            "<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>",
            "<link rel='canonical' href='::::'>",
            "<meta property='article:published_time' content='2025-13-45T99:99'>",
            "<meta property='og:url' content='javascript:alert(1)'>",
            "<script type='application/ld+json'>{\"datePublished\": [}</script>",
            "<?xml version='1.0' encoding='utf-16'?>",
            "<!DOCTYPE html>",
            "<p>Russia and Ukraine held ceasefire talks in Istanbul, officials said on Monday.</p>" * 6,
        ]
    ),
)
_HTML = st.lists(_FRAGMENT, max_size=30).map("".join)
_BODIES = st.one_of(
    st.binary(max_size=3000),
    _HTML.map(lambda s: s.encode("utf-8", "surrogatepass")),
    _HTML.map(lambda s: s.encode("utf-16")),
    _HTML,
)
_CONTENT_TYPES = st.one_of(
    st.none(),
    st.sampled_from(["text/html", "text/html; charset=utf-8", "text/html; charset=latin-1", "text/html; charset=x"]),
    st.text(max_size=40),
)
_URLS = st.one_of(
    st.sampled_from(["https://news.example/a/1", "http://[::1]:8080/x?y=1#z", "https://news.example/2025/06/02/x/"]),
    st.text(max_size=40),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_BODIES, url=_URLS, content_type=_CONTENT_TYPES)
def test_process_page_only_raises_extraction_error(body: bytes | str, url: str, content_type: str | None) -> None:
    try:
        article = process_page(body, url, profile=PROFILE, gazetteer=GAZETTEER, content_type=content_type)
    except ExtractionError:
        return
    assert isinstance(article, Article)
    assert article.text and "\n\n" not in article.text
    assert 0.0 <= article.relevance_score <= 1.0
    assert len(article.article_id) == 16

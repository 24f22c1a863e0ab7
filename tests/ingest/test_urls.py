"""URL canonicalisation: one spelling per article."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transform.urls import canonical_url, is_http_url, url_host


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("HTTP://WWW.Example.COM/News/Story", "http://www.example.com/News/Story"),
        ("https://example.com/a?utm_source=rss&utm_medium=feed&id=7", "https://example.com/a?id=7"),
        ("https://example.com/a?fbclid=IwAR0&gclid=abc&b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com", "https://example.com/"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://example.com/a?mc_cid=1&mc_eid=2&page=3", "https://example.com/a?page=3"),
    ],
)
def test_canonical_url(raw: str, canonical: str) -> None:
    assert canonical_url(raw) == canonical


def test_url_host_and_scheme_check() -> None:
    assert url_host("https://News.Example.com:8443/x") == "news.example.com"
    assert url_host("not a url") == ""
    assert is_http_url("https://a.test/x") and not is_http_url("ftp://a.test/x") and not is_http_url("/relative")


@given(
    st.sampled_from(["http", "HTTPS"]),
    st.from_regex(r"[a-z]{1,8}\.(test|com)", fullmatch=True),
    st.lists(st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True), max_size=3),
    st.dictionaries(
        st.sampled_from(["id", "page", "utm_source", "fbclid", "q"]), st.from_regex(r"[a-z0-9]{1,4}", fullmatch=True)
    ),
)
def test_canonical_url_is_idempotent(scheme: str, host: str, path: list[str], query: dict[str, str]) -> None:
    url = f"{scheme}://{host}/{'/'.join(path)}?{'&'.join(f'{k}={v}' for k, v in query.items())}#frag"
    once = canonical_url(url)
    assert canonical_url(once) == once
    assert "utm_" not in once and "fbclid" not in once and "#" not in once
    assert once.startswith(scheme.lower() + "://" + host)

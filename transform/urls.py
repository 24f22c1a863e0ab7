"""URL canonicalisation: one spelling per article, so "already fetched" and dedup compare like with like."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

from courlan import normalize_url

_HTTP_SCHEMES = ("http", "https")


def canonical_url(url: str) -> str:
    """Canonical form: lowercase scheme/host, no fragment, no tracking params, sorted query, no default port.

    Never raises: a URL courlan cannot parse comes back stripped of whitespace and fragment.
    """
    url = url.strip()
    try:
        # courlan drops utm_*/fbclid/gclid/... and sorts the query; strict mode would also drop
        # ordinary parameters such as article ids, so it stays off and the fragment is removed here.
        normalized = normalize_url(url, strict=False)
        parts = urlsplit(normalized)
    except (ValueError, AttributeError):
        return url.split("#", 1)[0]
    path = parts.path or "/"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def url_host(url: str) -> str:
    """Lowercase host name of a URL without port or credentials ('' when there is none)."""
    try:
        return (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""


def is_http_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host."""
    try:
        parts = urlsplit(url.strip())
        return parts.scheme.lower() in _HTTP_SCHEMES and bool(parts.hostname)
    except ValueError:
        return False


def resolve_url(base: str, link: str) -> str:
    """A possibly relative link resolved against the page or feed it came from."""
    return urljoin(base, link.strip())

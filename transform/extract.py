"""Article body and metadata from one HTML page: charset decoding, one parse, one trafilatura pass.

Trafilatura is configured in exactly one place, `TRAFILATURA_OVERLAY` + `EXTRACTION_OPTIONS` below, and
the resulting settings are passed explicitly on every call (never the library's global defaults). We
favour precision, drop comments and data tables, and keep no markup: `text` holds one paragraph per line.

Charset order (WHATWG-like): byte-order mark, HTTP Content-Type charset, <meta charset> / http-equiv in
the first bytes, then detection (strict UTF-8, else charset_normalizer, else windows-1252). Labels
latin-1 / iso-8859-1 / ascii decode as windows-1252, as browsers do, so 0x93/0x94 become “ ”.
"""

from __future__ import annotations

import codecs
import contextlib
import copy
import datetime as dt
import re
from configparser import ConfigParser
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import charset_normalizer
import htmldate
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title
from trafilatura.settings import DEFAULT_CONFIG, Document, Extractor
from trafilatura.utils import load_html

# The committed settings overlay on trafilatura's defaults (settings.cfg keys).
TRAFILATURA_OVERLAY: dict[str, str] = {
    # Dates are found by `published_date` (page metadata, then htmldate), never inside trafilatura.
    "EXTENSIVE_DATE_SEARCH": "off",
    # Below this many characters trafilatura retries with its fallback extractors.
    "MIN_EXTRACTED_SIZE": "250",
    "MIN_OUTPUT_SIZE": "1",
    "MIN_OUTPUT_COMM_SIZE": "1",
    "MAX_FILE_SIZE": "20000000",
    "MIN_FILE_SIZE": "10",
}

# Keyword options of the single extraction call.
EXTRACTION_OPTIONS: dict[str, Any] = {
    "output_format": "python",
    "precision": True,
    "comments": False,
    "tables": False,
    "images": False,
    "links": False,
    "formatting": False,
    # Metadata comes from the same tree through `page_metadata`, which skips the date, category, tag and
    # licence passes we do not store; the date is ours (`published_date`), htmldate only as a fallback.
    "with_metadata": False,
}


# Trafilatura's own extractor runs first, alone; only when it yields less than this many characters is
# the page extracted again with the readability/justext comparison (the costly part of trafilatura).
FALLBACK_BELOW_CHARS = 600


def _settings() -> ConfigParser:
    config = ConfigParser()
    config.read_dict({"DEFAULT": dict(DEFAULT_CONFIG["DEFAULT"])})
    config.read_dict({"DEFAULT": TRAFILATURA_OVERLAY})
    return config


TRAFILATURA_SETTINGS: ConfigParser = _settings()

_BASE_OPTIONS = {
    fast: Extractor(config=TRAFILATURA_SETTINGS, fast=fast, **EXTRACTION_OPTIONS) for fast in (True, False)
}


def _options(url: str, *, fast: bool) -> Extractor:
    """The configured extractor options for one page (built once; only the URL differs per page)."""
    options = copy.copy(_BASE_OPTIONS[fast])
    options.url = options.source = url
    return options


# Elements that are never article copy but that trafilatura's precision mode sometimes keeps.
_PRUNE_CLASSES = (
    "byline",
    "cookie",
    "consent",
    "newsletter",
    "related",
    "read-more",
    "readmore",
    "pullquote",
    "pull-quote",
    "promo",
    "teaser",
    "share",
    "social",
    "advert",
    "subscribe",
    "paywall",
    "recommended",
    "most-read",
    "comments",
    "breadcrumb",
    "caption",
)
_PRUNE_TAGS = frozenset({"aside", "nav", "footer", "figcaption", "form"})
_PRUNE_ROLES = frozenset({"navigation", "complementary", "contentinfo"})
# The same without bylines: what goes before the date search, which reads the byline's date.
_CHROME_ATTR = re.compile("|".join(c for c in _PRUNE_CLASSES if c != "byline"), re.IGNORECASE)
_BYLINE_ATTR = re.compile("byline", re.IGNORECASE)

# Whole lines that are interface text, not copy (matched after whitespace normalisation).
_BOILERPLATE_LINE = re.compile(
    r"^(?:read more|read next|related(?: articles| stories| coverage)?|see also|more on this story|"
    r"advertisement|sponsored|share(?: this(?: article| story)?)?|sign up\b.*|subscribe\b.*|"
    r"(?:this article|story) (?:was )?(?:first )?(?:published|appeared)\b.*|"
    r"we use cookies\b.*|accept(?: all)? cookies|(?:photo|image|file photo|illustration):? .{0,80}|"
    r"(?:additional )?(?:reporting|writing|editing|edited|written|compiled|produced) by\b.{0,200}|"
    r"(?:by|words by)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*(?:\s*[,|–-]\s*.{0,60})?|"
    r"(?:updated|published|posted|last updated)[: ]+.{0,60}\d.{0,40}|\d+ min(?:ute)? read|"
    r"click here\b.*|comments?(?: \(\d+\))?|\(?\d+ comments?\)?|advertisement - scroll to continue)$",
    re.IGNORECASE,
)
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.\-]+)", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.\-]+)", re.IGNORECASE)
# WHATWG Encoding Standard: these labels mean windows-1252 on the web.
_WEB_ALIASES = {
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "iso8859_9": "cp1254",
    "iso8859_11": "cp874",
    "tis_620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "utf_16": "utf-8",  # a meta tag cannot declare UTF-16 in bytes that were readable as ASCII
    "utf_16_le": "utf-8",
    "utf_16_be": "utf-8",
}

# Publication-time declarations: <meta> by property, name or itemprop, and <time> elements.
_DATE_PROPERTIES = frozenset({"article:published_time", "og:published_time"})
_DATE_NAMES = frozenset({
    "article:published_time", "pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "DC.date.issued", "date", "dcterms.created",
})  # fmt: skip
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_TITLE_KEYS = frozenset({"og:title", "twitter:title"})


@dataclass(slots=True)
class HeadInfo:
    """What the page declares about itself in <link>, <meta>, <time> and JSON-LD, in document order."""

    canonical: list[str]
    og_url: list[str]
    content_language: str | None
    dates: list[str]
    declared_title: bool


def scan_head(tree: HtmlElement) -> HeadInfo:
    """One walk over the page's <link>, <meta>, <time> and <script> elements (instead of an XPath each)."""
    info = HeadInfo([], [], None, [], False)
    jsonld: list[str] = []
    for elem in tree.iter("link", "meta", "time", "script"):
        tag = elem.tag
        if tag == "meta":
            content = (elem.get("content") or "").strip()
            if not content:
                continue
            prop, name = elem.get("property"), elem.get("name")
            if prop in _DATE_PROPERTIES or name in _DATE_NAMES or elem.get("itemprop") == "datePublished":
                info.dates.append(content)
            if prop == "og:url" or name == "og:url":
                info.og_url.append(content)
            if prop in _TITLE_KEYS or name == "twitter:title":
                info.declared_title = True
            if info.content_language is None and elem.get("http-equiv") == "content-language":
                info.content_language = content
        elif tag == "link":
            href = (elem.get("href") or "").strip()
            if href and (elem.get("rel") or "").lower() == "canonical":
                info.canonical.append(href)
        elif tag == "time":
            value = (elem.get("datetime") or "").strip()
            if value and (
                elem.get("itemprop") == "datePublished"
                or elem.get("pubdate") is not None
                or "published" in (elem.get("class") or "")
            ):
                info.dates.append(value)
        elif elem.get("type") == "application/ld+json" and elem.text:
            jsonld.append(elem.text)
    # JSON-LD dates rank after the meta tags and <time> elements.
    for script in jsonld:
        info.dates.extend(_JSONLD_DATE.findall(script))
    return info


@dataclass(slots=True)
class Extracted:
    """Body and metadata of one page, before relevance, quotes and events."""

    text: str
    title: str | None
    author: str | None
    sitename: str | None
    canonical_url: str | None
    published_at: dt.datetime | None
    html_lang: str | None


def web_codec(label: str | None) -> str | None:
    """Python codec name for a charset label, with the web's aliases (latin-1 -> cp1252); None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name.replace("-", "_")
    except LookupError:
        return None
    return _WEB_ALIASES.get(name, name)


def decode_html(body: bytes | str, content_type: str | None = None) -> str:
    """Decode a response body: BOM, HTTP charset, <meta> charset, then detection."""
    if isinstance(body, str):
        return body
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if body.startswith(bom):
            return body[len(bom) :].decode(codec, errors="replace")
    header = _HEADER_CHARSET.search(content_type or "")
    codec = web_codec(header.group(1)) if header else None
    if codec:
        return body.decode(codec, errors="replace")
    meta = _META_CHARSET.search(body[:4096])
    codec = web_codec(meta.group(1).decode("ascii", "replace")) if meta else None
    if codec:
        try:
            return body.decode(codec)
        except UnicodeDecodeError:
            # A declared UTF-8 page that is not valid UTF-8 is usually legacy-encoded: detect instead.
            if codec != "utf_8":
                return body.decode(codec, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body[:65536]).best()
    guess = web_codec(best.encoding) if best is not None else None
    return body.decode(guess or "cp1252", errors="replace")


def parse_html(html: str) -> HtmlElement | None:
    """The page's lxml tree (trafilatura's own loader, so both see the same tree), or None."""
    # lxml refuses str input carrying an XML encoding declaration; the text is already decoded.
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html, count=1)
    if "\x00" in html:
        html = html.replace("\x00", "")
    return load_html(html)


def _attr(tree: HtmlElement, xpath: str) -> str | None:
    for value in tree.xpath(xpath):
        value = str(value).strip()
        if value:
            return value
    return None


def page_canonical(tree: HtmlElement, url: str, head: HeadInfo | None = None) -> str | None:
    """<link rel=canonical> else og:url, absolute, http(s), and not a bare homepage for an article URL."""
    head = head or scan_head(tree)
    fetched_path = urlsplit(url).path.strip("/")
    for found in (head.canonical, head.og_url):
        if not found:
            continue
        href = found[0]
        absolute = urljoin(url, href)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            continue
        # CMS templates often point every page's canonical at the front page: not this article.
        if fetched_path and not parts.path.strip("/"):
            continue
        return absolute
    return None


def _parse_datetime(value: str) -> dt.datetime | None:
    value = value.strip().replace("Z", "+00:00")
    if re.fullmatch(r"\d{8}", value):
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    value = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    # Naive page timestamps are taken as UTC: the only reading that is stable across machines.
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _plausible(value: dt.datetime, latest: dt.datetime) -> bool:
    return dt.datetime(1995, 1, 1, tzinfo=dt.UTC) <= value <= latest


def meta_published(tree: HtmlElement, latest: dt.datetime, head: HeadInfo | None = None) -> dt.datetime | None:
    """Publication timestamp declared by the page (meta tags, <time>, JSON-LD), if plausible."""
    for raw in (head or scan_head(tree)).dates:
        parsed = _parse_datetime(raw)
        if parsed is not None and _plausible(parsed, latest):
            return parsed
    return None


def published_date(
    tree: HtmlElement, url: str, latest: dt.datetime, head: HeadInfo | None = None
) -> dt.datetime | None:
    """Timestamp the page declares (meta tags, <time>, JSON-LD); only without one, htmldate's full search.

    Pass a tree without its interface chrome: htmldate's search takes the oldest date it finds, and the
    teasers of a "more stories" rail carry older dates than the article.
    """
    declared = meta_published(tree, latest, head)
    if declared is not None:
        return declared
    try:
        # Quick checks first (URL, headers), then the whole-page search; the tree is copied, not changed.
        found = htmldate.find_date(
            tree, url=url, extensive_search=True, original_date=True, max_date=latest.strftime("%Y-%m-%d")
        )
    except Exception:  # htmldate has many parsing paths; a failed date is a missing date
        return None
    parsed = _parse_datetime(found) if found else None
    return parsed if parsed is not None and _plausible(parsed, latest) else None


def page_metadata(tree: HtmlElement) -> Document:
    """Title, author and site name by trafilatura's metadata functions, without its date and tag passes."""
    doc = examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None  # a single token is a handle or a desk name far more often than a person
    with contextlib.suppress(Exception):  # JSON-LD in the wild is often broken; meta tags still count
        doc = extract_meta_json(tree, doc)
    doc.title = doc.title or extract_title(tree)
    doc.author = doc.author or page_author(tree)
    doc.sitename = (doc.sitename or extract_sitename(tree) or "").lstrip("@") or None
    doc.clean_and_trim()
    return doc


# Trafilatura's byline search (metadata.AUTHOR_XPATHS, most specific rule first, and AUTHOR_DISCARD_XPATHS
# for blocks whose names are never bylines) as Python predicates over one walk of the tree: the XPath
# version deep-copies the tree and runs an EXSLT regex callback on every element, rule after rule.
_AUTHOR_RULE_TAGS = (
    frozenset({"a", "address", "div", "link", "p", "span", "strong"}),
    frozenset({"a", "div", "h3", "h4", "p", "span"}),
)
_AUTHOR_CLASS_0 = re.compile("author-?name|AuthorName|authorName")
_AUTHOR_ID_1 = re.compile("author|zuozhe|bianji|xiaobian")
_AUTHOR_CLASS_1 = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_AUTHOR_ID_2 = re.compile("[Aa]uthor")
_AUTHOR_CLASS_2 = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
_NOT_AUTHOR_TAGS = frozenset({"a", "div", "section", "span"})
_NOT_AUTHOR_ID = re.compile("^comments|comment-?list|ProductReviews")
_NOT_AUTHOR_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|article-(?:share|support)|"
    "print|category|meta-date|meta-reviewer"
)


def _author_rule(elem: HtmlElement, tag: str) -> int | None:
    """Index of the first byline rule the element satisfies, or None."""
    cls, ident, itemprop = elem.get("class") or "", elem.get("id") or "", elem.get("itemprop") or ""
    if tag == "author" or (
        tag in _AUTHOR_RULE_TAGS[0]
        and (
            elem.get("rel") == "author"
            or ident == "author"
            or cls == "author"
            or itemprop == "author name"
            or elem.get("data-testid") in ("AuthorCard", "AuthorURL")
            or _AUTHOR_CLASS_0.search(cls)
        )
    ):
        return 0
    if tag in _AUTHOR_RULE_TAGS[1] and (
        cls in ("byline", "username", "byl", "BBL")
        or "author" in itemprop
        or _AUTHOR_ID_1.search(ident)
        or _AUTHOR_CLASS_1.search(cls)
    ):
        return 1
    if (
        "Byline" in (elem.get("data-component") or "")
        or "author" in itemprop
        or _AUTHOR_ID_2.search(ident)
        or _AUTHOR_CLASS_2.search(cls)
    ):
        return 2
    return None


def _not_author(elem: HtmlElement, tag: str) -> bool:
    if tag in ("time", "figure"):
        return True
    if tag not in _NOT_AUTHOR_TAGS:
        return False
    cls, ident = elem.get("class") or "", elem.get("id") or ""
    return bool(
        ident == "comments"
        or cls in ("comments", "title", "date")
        or _NOT_AUTHOR_ID.search(ident)
        or _NOT_AUTHOR_CLASS.search(cls)
        or "Figure" in (elem.get("data-component") or "")
    )


def _text_without(elem: HtmlElement, dead: set[HtmlElement]) -> str:
    """The element's text with discarded descendants left out (their tails kept), as " ".join(itertext())."""
    pieces: list[str] = []
    if elem.text:
        pieces.append(elem.text)
    for child in elem:
        if isinstance(child.tag, str) and child not in dead:
            pieces.append(_text_without(child, dead))
        if child.tail:
            pieces.append(child.tail)
    return " ".join(pieces)


def page_author(tree: HtmlElement) -> str | None:
    """Byline of the page by trafilatura's author rules, without copying the tree."""
    dead: set[HtmlElement] = set()
    found: tuple[list[HtmlElement], list[HtmlElement], list[HtmlElement]] = ([], [], [])
    root = tree.getroottree().getroot()
    for elem in tree.iter():
        tag = elem.tag
        if not isinstance(tag, str):
            continue
        parent = elem.getparent()
        if parent in dead or (elem is not root and _not_author(elem, tag)):
            dead.add(elem)
            continue
        rule = _author_rule(elem, tag)
        if rule is not None:
            found[rule].append(elem)
    for candidates in found:
        for elem in candidates:
            content = (
                " ".join(_text_without(elem, dead).split()) if dead else " ".join(" ".join(elem.itertext()).split())
            )
            if 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None


def clean_text(raw: str, title: str | None = None) -> str:
    """One paragraph per line: no empty lines, no interface lines, no repeated title or pull quotes."""
    lines: list[str] = []
    seen: set[str] = set()
    title_key = _SPACES.sub(" ", title).strip().casefold() if title else None
    for line in raw.splitlines():
        line = _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()
        if not line or _BOILERPLATE_LINE.match(line):
            continue
        key = line.casefold()
        if key in seen or key == title_key:
            continue
        seen.add(key)
        lines.append(line)
    # A pull quote repeats a sentence of the body verbatim: drop short lines contained in a longer one.
    if len(lines) > 2:
        keys = [line.casefold().strip("“”\"'‘’ ") for line in lines]
        lines = [
            line
            for i, line in enumerate(lines)
            if len(keys[i]) > 200
            or not any(j != i and len(keys[j]) > len(keys[i]) and keys[i] in keys[j] for j in range(len(keys)))
        ]
    return "\n".join(lines)


_WORD = re.compile(r"\w+")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\u2013\u2014\u00bb\u00b7-]|::)\s+")


def _headline(tree: HtmlElement, found: str | None, declared: bool) -> str | None:
    """The page's headline: trafilatura's title, unless it is a "Site - Section - Headline" <title> or one
    segment of it (then the longest segment), or a heading that shares little with the <title> (a teaser
    title in a rail, when the article has no h1 of its own)."""
    title = _SPACES.sub(" ", found).strip() if found else None
    if declared:
        return title or None
    raw = _SPACES.sub(" ", tree.findtext(".//title") or "").strip()
    segments = [seg.strip() for seg in _TITLE_SEPARATORS.split(raw) if seg.strip()]
    longest = max(segments, key=len) if segments else None
    if title is None or longest is None:
        return title or longest
    if (len(segments) > 1 and title in raw and len(longest) > len(title)) or title == raw:
        # Trafilatura keeps the first segment(s) of such a <title>, or all of it; the headline is the longest.
        return longest
    if title not in raw and _shared_words(title, longest) < 0.5 and not _is_h1(tree, title):
        return longest
    return title


def _is_h1(tree: HtmlElement, text: str) -> bool:
    """Whether `text` is the text of one of the page's h1 headings."""
    return any(_SPACES.sub(" ", h.text_content()).strip() == text for h in tree.iter("h1"))


def _shared_words(title: str, other: str) -> float:
    """Share of the title's words that also occur in `other`, case-folded."""
    words = _WORD.findall(title.casefold())
    theirs = set(_WORD.findall(other.casefold()))
    return sum(w in theirs for w in words) / len(words) if words else 1.0


def _unwrap_layout_tables(tree: HtmlElement) -> None:
    """Turn tables used for page layout (cells holding paragraphs) into divs so `tables=False` keeps them."""
    for table in tree.iter("table"):
        if table.get("role") in ("presentation", "none") or table.find(".//p") is not None:
            for elem in table.iter("table", "tbody", "thead", "tfoot", "tr", "td", "th"):
                elem.tag = "div"


def extract(
    html: str, url: str, *, fetched_at: dt.datetime | None = None, tree: HtmlElement | None = None
) -> Extracted | None:
    """Body and metadata of a decoded page (one parse, one trafilatura pass); None when no body is found.

    A `tree` passed in is modified (interface blocks pruned): pass a copy if you need it afterwards.
    """
    tree = tree if tree is not None else parse_html(html)
    if tree is None:
        return None
    latest = (fetched_at or dt.datetime.now(dt.UTC)) + dt.timedelta(days=1)
    if latest.tzinfo is None:
        latest = latest.replace(tzinfo=dt.UTC)
    # Everything read from the head and bylines comes first, from the intact tree.
    head = scan_head(tree)
    canonical = page_canonical(tree, url, head)
    lang = tree.get("lang") or tree.get("xml:lang") or head.content_language
    meta = page_metadata(tree)
    title = _headline(tree, meta.title, head.declared_title)
    _unwrap_layout_tables(tree)
    _prune(tree, _CHROME_ATTR, _PRUNE_TAGS, _PRUNE_ROLES)
    published = published_date(tree, url, latest, head)
    _prune(tree, _BYLINE_ATTR)
    # Trafilatura copies a tree it is given: one parse serves metadata, dates and body.
    doc = bare_extraction(tree, options=_options(url, fast=True))
    if doc is None or len(doc.text or "") < FALLBACK_BELOW_CHARS:
        # Hard page (short or odd layout): now pay for the readability/justext comparison.
        doc = bare_extraction(tree, options=_options(url, fast=False)) or doc
    if doc is None or not (doc.text or "").strip():
        return None
    text = clean_text(doc.text, title)
    if not text:
        return None
    return Extracted(
        text=text,
        title=title,
        author=meta.author or None,
        sitename=meta.sitename if meta.sitename and meta.sitename != title else None,
        canonical_url=canonical,
        published_at=published,
        html_lang=(lang or "").strip().lower() or None,
    )


def _prune(
    tree: HtmlElement, attr: re.Pattern[str], tags: frozenset[str] = frozenset(), roles: frozenset[str] = frozenset()
) -> None:
    """Drop interface blocks (nav, related, cookie banners, bylines...) that never hold most of the copy."""
    doomed = []
    paragraphs = 0
    for elem in tree.iter():
        tag = elem.tag
        if tag == "p":
            paragraphs += 1
        if not isinstance(tag, str) or tag in ("html", "body", "article", "main"):
            continue
        if (
            tag in tags
            or elem.get("role") in roles
            or elem.get("aria-hidden") == "true"
            or attr.search(f"{elem.get('class', '')} {elem.get('id', '')}")
        ):
            doomed.append(elem)
    for elem in doomed:
        parent = elem.getparent()
        if parent is None:
            continue
        # A class like "story social-enabled" on the article container must not take the article with it.
        if paragraphs > 2 and sum(1 for _ in elem.iter("p")) * 2 > paragraphs:
            continue
        _drop_keep_tail(elem, parent)


def _drop_keep_tail(elem: HtmlElement, parent: HtmlElement) -> None:
    tail = elem.tail
    if tail and tail.strip():
        prev = elem.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(elem)

"""Publisher-weight pages: a lean article page dressed in the chrome a real news site wraps around it.

The sample pages are 5–10 KB; article pages of real news sites are 70–400 KB (trafilatura's own test cache:
dw.com 69 KB, salon.com 75 KB, aljazeera.com 200 KB, scmp.com 243 KB, reuters.com 382 KB). Most of that
weight is chrome: a head of meta tags, JSON-LD, analytics and framework scripts, inline SVG icons, a mega-menu
of section links, trending bars, teaser rails, newsletter and cookie prompts, comments and a footer of link
lists. `dress` adds such chrome around the article, deterministically from a seed, so that both sides of the
benchmark parse the same page a crawler would fetch. Nothing of the article itself changes.
"""

from __future__ import annotations

import json
import random
import re

# fmt: off
_SECTIONS = (
    "World", "Europe", "Americas", "Africa", "Asia", "Middle-East", "Business", "Markets", "Economy", "Technology",
    "Science", "Climate", "Health", "Politics", "Opinion", "Analysis", "Culture", "Books", "Film", "Music", "Sport",
    "Football", "Tennis", "Travel", "Lifestyle", "Food", "Video", "Podcasts",
)
# fmt: on
# fmt: off
_WORDS = (
    "market", "minister", "plan", "storm", "election", "vote", "court", "report", "city", "budget", "league",
    "festival", "river", "border", "energy", "price", "growth", "rate", "talks", "leader", "coalition", "strike",
    "union", "school", "hospital", "museum", "island", "harbour", "rail", "bridge", "summit", "crisis", "record",
    "season", "final", "study", "voters", "farmers", "drought", "flood", "airport", "launch", "deal", "merger",
)
# fmt: on


def _headline(rng: random.Random) -> str:
    words = rng.sample(_WORDS, rng.randint(5, 9))
    return " ".join(words).capitalize()


def _teaser(rng: random.Random, i: int) -> str:
    section = rng.choice(_SECTIONS).lower()
    slug = f"{section}/{2025}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/story-{i}-{rng.randint(1000, 99999)}"
    return (
        f'<li class="c-teaser c-teaser--{section}"><a class="c-teaser__link" href="/{slug}/" data-track="teaser-{i}">'
        f'<picture class="c-teaser__media"><source srcset="/img/{i}-320.webp 320w, /img/{i}-640.webp 640w" '
        f'type="image/webp"><img loading="lazy" src="/img/{i}-320.jpg" alt="" width="320" height="180"></picture>'
        f'<span class="c-teaser__kicker">{section.title()}</span><h3 class="c-teaser__title">{_headline(rng)}</h3>'
        f'<time class="c-teaser__time" datetime="2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}">'
        f"{rng.randint(1, 23)}h ago</time></a></li>"
    )


def _links(rng: random.Random, section: str, n: int) -> str:
    return "".join(f'<li><a href="/{section.lower()}/{w}/">{w.title()}</a></li>' for w in rng.sample(_WORDS, n))


def _svg(rng: random.Random, name: str) -> str:
    points = " ".join(
        f"{rng.randint(0, 24)}.{rng.randint(0, 99)},{rng.randint(0, 24)}.{rng.randint(0, 99)}" for _ in range(24)
    )
    return (
        f'<svg class="icon icon-{name}" viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
        f'<path d="M{points}Z"/></svg>'
    )


def _head(rng: random.Random, k: int) -> str:
    metas = "".join(
        f'<meta name="analyticsAttributes.{rng.choice(_WORDS)}{i}" content="{" ".join(rng.sample(_WORDS, 8))}">'
        for i in range(60 * k)
    )
    links = "".join(f'<link rel="dns-prefetch" href="//cdn{i}.static.example">' for i in range(12))
    state = {
        "props": {
            "pageProps": {
                "ads": [{"slot": f"/4735/news/{s}", "sizes": [[300, 250], [728, 90]]} for s in _SECTIONS],
                "nav": [
                    {"label": s, "href": f"/{s.lower()}/", "children": [_headline(rng) for _ in range(6)]}
                    for s in _SECTIONS
                ],
            }
        },
        "buildId": f"{rng.getrandbits(64):x}",
    }
    script = "".join(
        f"!function(w,d){{var q{i}=w.q{i}=w.q{i}||[];q{i}.push(['init','{rng.getrandbits(48):x}']);"
        f"var s=d.createElement('script');s.async=1;s.src='https://tags{i}.example/t.js';}}(window,document);"
        for i in range(40 * k)
    )
    style = "".join(
        f".c-{w}-{i}{{margin:{i}px;padding:{i % 7}px;color:#{rng.getrandbits(24):06x}}}"
        for i, w in enumerate(_WORDS * 4)
    )
    return (
        metas
        + links
        + f"<style>{style}</style>"
        + f"<script>{script}</script>"
        + f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state)}</script>'
    )


def _header(rng: random.Random) -> str:
    menu = "".join(
        f'<li class="nav__item"><a class="nav__link" href="/{s.lower()}/">{_svg(rng, s.lower())}{s}</a>'
        f'<ul class="nav__sub">{_links(rng, s, 10)}</ul></li>'
        for s in _SECTIONS
    )
    trending = "".join(f'<a class="trending__item" href="/t/{i}/">{_headline(rng)}</a>' for i in range(10))
    return (
        '<div id="onetrust-banner" class="cookie-banner" role="dialog"><p>We and our partners use cookies to '
        "personalise content and ads and to analyse our traffic.</p><button>Accept all</button>"
        "<button>Manage preferences</button></div>"
        f'<header class="site-header"><a class="logo" href="/">{_svg(rng, "logo")}</a>'
        f'<nav class="nav" aria-label="Sections"><ul class="nav__list">{menu}</ul></nav>'
        f'<div class="trending"><span>Trending</span>{trending}</div></header>'
    )


def _rails(rng: random.Random, k: int) -> str:
    rail = "".join(_teaser(rng, i) for i in range(40 * k))
    comments = "".join(
        f'<li class="comment"><div class="comment__author">reader{rng.randint(1, 9999)}</div>'
        f'<p class="comment__body">{" ".join(rng.choices(_WORDS, k=rng.randint(12, 40)))}.</p>'
        f'<button class="comment__reply">Reply</button></li>'
        for _ in range(25 * k)
    )
    footer = "".join(f'<div class="footer__col"><h4>{s}</h4><ul>{_links(rng, s, 12)}</ul></div>' for s in _SECTIONS)
    return (
        f'<aside class="rail" aria-label="More stories"><h2>More from the newsroom</h2><ul>{rail}</ul></aside>'
        '<section class="newsletter"><h2>Sign up for the morning briefing</h2><form><input type="email">'
        "<button>Subscribe</button></form></section>"
        f'<section class="comments"><h2>Comments</h2><ol>{comments}</ol></section>'
        f'<footer class="site-footer">{footer}<p>All rights reserved.</p></footer>'
    )


def dress(html: bytes, seed: int) -> bytes:
    """The page with publisher chrome added in its head and around its main content, the article untouched."""
    rng = random.Random(seed)
    # one page in three is lean for a news site, one heavy: the spread of the pages cited above
    k = seed % 3 + 1
    text = html.decode("utf-8", errors="surrogateescape")
    head = re.search(r"</head\s*>", text, re.I)
    if head:
        text = text[: head.start()] + _head(rng, k) + text[head.start() :]
    body = re.search(r"<body[^>]*>", text, re.I)
    if body:
        text = text[: body.end()] + _header(rng) + text[body.end() :]
    end = list(re.finditer(r"</body\s*>", text, re.I))
    at = end[-1].start() if end else len(text)
    text = text[:at] + _rails(rng, k) + text[at:]
    return text.encode("utf-8", errors="surrogateescape")

"""Language of an extracted article (ISO 639-1), from its text with the page's lang attribute as fallback."""

from __future__ import annotations

import re

from py3langid.langid import MODEL_FILE, LanguageIdentifier

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_FUNCTION_WORDS = frozenset((
    "the", "of", "and", "to", "that", "for", "with", "from", "by", "on", "at", "as", "is", "are", "was", "were",
    "be", "been", "has", "have", "had", "which", "who", "would", "will", "their", "they", "this", "it", "its",
    "said", "not", "but", "after", "than",
))  # fmt: skip
_ENGLISH_SHARE = 0.2

# The classifier is costly to load (about 0.3 s): once per process, on first use.
_identifier: LanguageIdentifier | None = None
_SAMPLE_CHARS = 600
_MIN_LETTERS = 40


def _get() -> LanguageIdentifier:
    global _identifier
    if _identifier is None:
        _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def detect_language(text: str, html_lang: str | None = None) -> str | None:
    """Two-letter language code of `text`; the page's lang attribute when the text is too short to tell."""
    declared = _declared(html_lang)
    sample = text[:_SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < _MIN_LETTERS:
        return declared
    words = _WORD.findall(text[: _SAMPLE_CHARS * 2].casefold())
    # Fast path: English prose is about a quarter function words that other languages almost never use
    # ("the", "of", "said"...); below the bar the statistical classifier decides.
    if len(words) >= 40 and sum(w in _ENGLISH_FUNCTION_WORDS for w in words) >= _ENGLISH_SHARE * len(words):
        return "en"
    lang, prob = _get().classify(sample)
    # A weak guess on a short text is worse than the page's own declaration.
    if declared and prob < 0.9 and len(sample) < 300:
        return declared
    return str(lang)


def _declared(html_lang: str | None) -> str | None:
    if not html_lang:
        return None
    m = re.match(r"\s*([A-Za-z]{2,3})\b", html_lang)
    return m.group(1).lower() if m else None

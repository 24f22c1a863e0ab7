"""Language of an extracted article (ISO 639-1), from its text with the page's lang attribute as fallback."""

from __future__ import annotations

import re

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# The classifier is costly to load (about 0.3 s): once per process, on first use.
_identifier: LanguageIdentifier | None = None
_SAMPLE_CHARS = 3000
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
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return declared
    lang, prob = _get().classify(sample)
    # A weak guess on a short text is worse than the page's own declaration.
    if declared and prob < 0.9 and len(sample) < 400:
        return declared
    return str(lang)


def _declared(html_lang: str | None) -> str | None:
    if not html_lang:
        return None
    m = re.match(r"\s*([A-Za-z]{2,3})\b", html_lang)
    return m.group(1).lower() if m else None

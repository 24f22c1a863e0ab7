"""Sentence spans: abbreviations and honorifics do not end a sentence."""

import pytest

from transform.text import sentences


@pytest.mark.parametrize(
    "text",
    [
        "Minister H.E. Hakan Fidan received him. Then he left.",
        "Amb. Jane Smith spoke first. Then he left.",
        "Gen. Jack Keane said so. Then he left.",
        "The U.S. envoy arrived. Then he left.",
    ],
)
def test_an_honorific_or_abbreviation_is_not_a_sentence_end(text: str) -> None:
    assert [text[a:b] for a, b in sentences(text)][-1] == "Then he left."
    assert len(sentences(text)) == 2


def test_sentences_never_cross_a_paragraph_break() -> None:
    text = "First line without a stop\nSecond line. Third sentence."
    assert [text[a:b] for a, b in sentences(text)] == ["First line without a stop", "Second line.", "Third sentence."]


def test_no_before_a_number_is_an_abbreviation_but_a_one_word_answer_ends_a_sentence() -> None:
    text = "He lives at No. 10 Downing Street. Was that all? No. Late on Saturday two bridges fell."
    assert [text[a:b] for a, b in sentences(text)] == [
        "He lives at No. 10 Downing Street.",
        "Was that all?",
        "No.",
        "Late on Saturday two bridges fell.",
    ]

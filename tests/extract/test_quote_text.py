"""quote_text: paragraphs, quotation marks and sentence spans of raw text."""

from __future__ import annotations

import pytest

from turnstone.extract.quote_text import find_marked, paragraphs, sentences


@pytest.mark.parametrize("text, expected", [
    ('He said: “Stop. Go now.” Then he left. Mr. Smith came at 5 p.m. Friday! Why? “Yes.”',
     ["He said: “Stop. Go now.”", "Then he left.", "Mr. Smith came at 5 p.m. Friday!", "Why?", "“Yes.”"]),
    # a full stop inside a quote that goes on after its closing mark ends nothing
    ("The U.S. envoy met “the Kremlin’s man. He was late.” and left.",
     ["The U.S. envoy met “the Kremlin’s man. He was late.” and left."]),
    ("No punctuation at the end", ["No punctuation at the end"]),
])
def test_quote_text_sentences_skip_quoted_and_abbreviation_stops(text: str, expected: list[str]) -> None:
    para = paragraphs(text)[0]
    spans = sentences(text, para, find_marked(text, para, 0))
    assert [text[a:b] for a, b in spans] == expected


def test_quote_text_sentences_without_marks_split_inside_quotes() -> None:
    text = "He said “Stop. Go now.” Then left."
    para = paragraphs(text)[0]
    assert [text[a:b] for a, b in sentences(text, para, [])] == ["He said “Stop.", "Go now.”", "Then left."]


@pytest.mark.parametrize("text, expected", [
    ("He said “a “nested” one.” Then “more,“ she said.", [("a “nested” one.", True), ("more,", True)]),
    ('A "straight" one and "open only', [("straight", True), ("open only", False)]),
    ("«Bonjour» x", [("Bonjour", True)]),
    ("No marks at all.", []),
])
def test_quote_text_find_marked_nesting_typos_and_open_ends(text: str, expected: list[tuple[str, bool]]) -> None:
    para = paragraphs(text)[0]
    assert [(text[m.start:m.end], m.closed) for m in find_marked(text, para, 0)] == expected

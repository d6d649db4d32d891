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
    # pasted web text: a curly quote closed by a straight mark while a curly one comes later
    ('“Roads are crumbling," she said. "Families wait.”', [("Roads are crumbling,", True), ("Families wait.", True)]),
    # a straight quote nested inside a curly one does not close it
    ('“He called it "reform," and it failed,” she said.', [('He called it "reform," and it failed,', True)]),
    # a closing mark typed as the opener, after a no-break space too
    ("”Fear. I am afraid.” ― A reader.", [("Fear. I am afraid.", True)]),
    ('he said.\xa0"And it never ends." Then', [("And it never ends.", True)]),
    ("” … they are so not like him.", [(" … they are so not like him.", False)]),
    ("” he said after a pause.", []),  # the end of the last paragraph's quote
    ('Clinton:"We learned that." Then', [("We learned that.", True)]),
    # a straight quote closed by a curly one although a straight one comes later
    ('"They are afraid,” he continued. "They are."', [("They are afraid,", True), ("They are.", True)]),
    ("as “criminals” and “rapists“ while calling", [("criminals", True), ("rapists", True)]),
])
def test_quote_text_find_marked_nesting_typos_and_open_ends(text: str, expected: list[tuple[str, bool]]) -> None:
    para = paragraphs(text)[0]
    assert [(text[m.start:m.end], m.closed) for m in find_marked(text, para, 0)] == expected


@pytest.mark.parametrize("text, expected", [
    # newspaper-archive style: two single quote marks open and close a quote
    ("''We will not sign this deal,'' said the envoy.", [("We will not sign this deal,", True)]),
    ("The mayor called the plan ''a gift to landlords'' on Friday.", [("a gift to landlords", True)]),
    # a quote nested inside one, closed together with it
    ("''He told me 'no deal,''' the aide said.", [("He told me 'no deal,'", True)]),
    # a quote going on into the next paragraph
    ("Ms. Ortiz added: ''The border stays shut until", [("The border stays shut until", False)]),
    # the Penn Treebank pair
    ("``Nothing changes,'' the minister said.", [("Nothing changes,", True)]),
    # a nested single quote closed before the pair, with a space between
    ("''I hate the term 'Manhattan poor,' '' she said.", [("I hate the term 'Manhattan poor,' ", True)]),
])
def test_quote_text_find_marked_two_single_marks(text: str, expected: list[tuple[str, bool]]) -> None:
    para = paragraphs(text)[0]
    assert [(text[m.start:m.end], m.closed) for m in find_marked(text, para, 0)] == expected


@pytest.mark.parametrize("text", [
    "Prices rose in the '90s and the students' union protested.",
    "The farmers' and the workers' leaders met on Monday.",
    "It's the party's plan, the mayor's aide said.",
])
def test_quote_text_find_marked_single_apostrophes_open_nothing(text: str) -> None:
    para = paragraphs(text)[0]
    assert find_marked(text, para, 0) == []


def test_quote_text_sentences_end_at_a_two_mark_close() -> None:
    text = "''Stop. Go now.'' Then he left."
    para = paragraphs(text)[0]
    spans = sentences(text, para, find_marked(text, para, 0))
    assert [text[a:b] for a, b in spans] == ["''Stop. Go now.''", "Then he left."]

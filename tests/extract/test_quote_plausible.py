"""Tests for quote_plausible: parse subjects no one could be leave the pattern frame's speaker."""

from __future__ import annotations

import pytest

from turnstone.extract.quotes import find_quotes

from .test_quote_parse import article_from

# '… Ana Ruiz said the drills would last "as long as needed."' after a prefix; "S" in a prefix row
# stands for the index of "said". The parse gives "said" a subject in the prefix and leaves the
# name hanging as an obl, as the shipped model does now and then.
SUFFIX = [
    ("Ana", "S", "obl", "PROPN"), ("Ruiz", 0, "flat", "PROPN"), ("said", "S", "ROOT", "VERB"),
    ("the", 4, "det", "DET"), ("drills", 6, "nsubj", "NOUN"), ("would", 6, "aux", "AUX"),
    ("last", 2, "ccomp", "VERB"), ('"', 9, "punct", "PUNCT"), ("as", 9, "advmod", "ADV"),
    ("long", 6, "advmod", "ADV"), ("as", 11, "mark", "SCONJ"), ("needed", 9, "advcl", "VERB"),
    (".", 2, "punct", "PUNCT"), ('"', 2, "punct", "PUNCT"),
]
TAIL = 'Ana Ruiz said the drills would last "as long as needed."'


def rows_for(prefix: list[tuple[str, int | str, str, str]]) -> list[tuple[str, int, str, str]]:
    n = len(prefix)
    said = n + 2
    rows = [(w, said if h == "S" else h, d, p) for w, h, d, p in prefix]
    rows += [(w, said if h == "S" else h + n, d, p) for w, h, d, p in SUFFIX]  # type: ignore[operator]
    return rows  # type: ignore[return-value]


CASES = {
    "a time": ("Last September ", [("Last", 1, "amod", "ADJ"), ("September", "S", "nsubj", "PROPN")]),
    "a dateline": ("OSLO — ", [("OSLO", "S", "nsubj", "PROPN"), ("—", 0, "punct", "PUNCT")]),
    "a demonstrative": ("That is why ", [("That", "S", "nsubj", "PRON"), ("is", "S", "aux", "AUX"),
                                         ("why", "S", "advmod", "ADV")]),
    "a clause": ("Promising an end, ", [("Promising", "S", "nsubj", "VERB"), ("an", 2, "det", "DET"),
                                        ("end", 0, "obj", "NOUN"), (",", "S", "punct", "PUNCT")]),
    "a thing beside a named person": ("The risk, ", [("The", 1, "det", "DET"), ("risk", "S", "nsubj", "NOUN"),
                                                     (",", "S", "punct", "PUNCT")]),
}


@pytest.mark.parametrize("case", CASES)
def test_quote_plausible_implausible_parse_subject_leaves_the_pattern_speaker(case):
    lead, prefix = CASES[case]
    article = article_from(lead + TAIL, rows_for(prefix), [("Ana Ruiz", "PERSON", "Ana Ruiz")])
    quotes = find_quotes(article)
    assert quotes, "no quote found"
    for q in quotes:
        assert q.speaker == "e1", (q.kind, q.speaker_mention.text)
    # The partial quote's speaker comes through the parse; reported speech uses the pattern alone.
    [partial] = [q for q in quotes if q.kind == "partial"]
    assert partial.speaker_mention.text == "Ana Ruiz"


def test_quote_plausible_person_subject_of_the_parse_is_kept():
    # The parse's subject is a person and the pattern phrase is not: the parse decides.
    rows = rows_for([("Hastily", "S", "advmod", "ADV"), (",", "S", "punct", "PUNCT")])
    rows[2] = ("Ana", rows[2][1], "nsubj", "PROPN")
    article = article_from("Hastily, " + TAIL, rows, [("Ana Ruiz", "PERSON", "Ana Ruiz")])
    [q] = find_quotes(article)[:1]
    assert q.speaker == "e1"


def test_quote_plausible_parse_span_inside_the_pattern_phrase_shows_the_whole_phrase():
    # The parse cut the name ('Defence Minister Ana' with 'Ruiz' an appositive); the pattern's
    # phrase holds all of it.
    rows = [("Defence", 1, "compound", "PROPN"), ("Minister", 2, "compound", "PROPN")]
    rows += rows_for([])
    rows = [(w, h + 2 if isinstance(h, int) and i >= 2 else h, d, p) for i, (w, h, d, p) in enumerate(rows)]
    rows[2] = ("Ana", 4, "nsubj", "PROPN")
    rows[3] = ("Ruiz", 2, "appos", "PROPN")
    article = article_from("Defence Minister " + TAIL, rows, [("Ana Ruiz", "PERSON", "Defence Minister Ana Ruiz")])
    quotes = find_quotes(article)
    assert quotes
    for q in quotes:
        assert q.speaker == "e1" and q.speaker_mention.text == "Defence Minister Ana Ruiz", q.speaker_mention.text

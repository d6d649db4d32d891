"""Tests for the mention helpers of the entities stage."""

from __future__ import annotations

import random
import re

import pytest

from turnstone.extract.mentions import repeated_names, whole_word_occurrences


def _regex_occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """The definition: a whole-word regex, the first letter case-blind when it is lower case."""
    pattern = ("(?i:" + re.escape(form[0]) + ")" + re.escape(form[1:])) if form[0].islower() else re.escape(form)
    return [(m.start(), m.end()) for m in re.finditer(r"(?<![\w-])" + pattern + r"(?![\w-])", text)]


@pytest.mark.parametrize("text,form,expected", [
    ("Fogel said. Mr Fogel, not Fogels or Fogel-Smith, left; (Fogel)", "Fogel", [(0, 5), (15, 20), (56, 61)]),
    ("bin Laden and Bin Laden, not robin Laden", "bin Laden", [(0, 9), (14, 23)]),
    ("aaaa aa", "aa", [(5, 7)]),
    ("Kim_Jong Kim", "Kim", [(9, 12)]),
])
def test_mentions_whole_word_occurrences(text: str, form: str, expected: list[tuple[int, int]]) -> None:
    assert whole_word_occurrences(text, form) == expected == _regex_occurrences(text, form)


def test_mentions_whole_word_occurrences_agree_with_the_regex_on_random_text() -> None:
    rng = random.Random(7)
    pieces = ["a", "b", " ", "-", "_", "A", "B", "i", "I", "\u0130", "\u0131", "k", "K", "\u212a", "s", "\u017f",
              ".", "\u00e9", "1", "ab"]
    forms = ["ab", "a b", "a-b", "ka", "sa", "ia", "Ab", "\u00e9a", "aa"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        for form in forms:
            assert whole_word_occurrences(text, form) == _regex_occurrences(text, form), (text, form)


def test_mentions_repeated_names_finds_later_surnames() -> None:
    text = "Marc Fogel, a teacher, was freed. Fogel thanked Trump. Fogelberg did not."
    found = repeated_names(text, [(0, 10, "PERSON")])
    assert [(text[s:e], label) for s, e, label in found] == [("Fogel", "PERSON")]

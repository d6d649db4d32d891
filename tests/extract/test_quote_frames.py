"""Tests for quote_frames: cue words used as nouns, inverted speakers after participles."""

from __future__ import annotations

import pytest

from turnstone.extract.quote_frames import cue_at
from turnstone.extract.quote_text import tokens
from turnstone.extract.quotes import find_quotes
from turnstone.model import Article, Entity, Mention


def _cue(text: str, word: str) -> str | None:
    toks = tokens(text, 0, len(text))
    return cue_at(toks, next(n for n, t in enumerate(toks) if t.text == word))


@pytest.mark.parametrize(("text", "word"), [
    ("Brandt sent out a fundraising call after the vote", "call"),
    ("Brandt defended his recent remarks about the vote", "remarks"),
    ("But the most explosive claim is about the vote", "claim"),
])
def test_quote_frames_cue_form_after_determiner_and_adjective_is_a_noun(text, word):
    assert _cue(text, word) is None


@pytest.mark.parametrize(("text", "word", "lemma"), [
    ("His aide calls the vote a fraud", "calls", "call"),
    ("The book claims the vote was rigged", "claims", "claim"),
    ("The ruling party claims the vote was fair", "claims", "claim"),
])
def test_quote_frames_cue_form_after_a_noun_stays_a_verb(text, word, lemma):
    assert _cue(text, word) == lemma


def _article(text: str) -> Article:
    at = text.index("Ana Ruiz")
    article = Article(text=text)
    article.entities.append(Entity(id="e1", name="Ana Ruiz", type="PERSON",
                                   mentions=[Mention(start=at, end=at + 8, text="Ana Ruiz")]))
    return article


def test_quote_frames_partial_quote_after_a_noun_cue_goes_to_the_subject():
    text = "Ana Ruiz sent out a fundraising call, asking supporters to “donate now to stop the plan.”"
    [q] = [q for q in find_quotes(_article(text)) if q.kind == "partial"]
    assert q.speaker == "e1"


def test_quote_frames_addressee_after_a_participle_is_not_an_inverted_speaker():
    text = ("Ana Ruiz hailed the vote as “fantastic,” telling reporters on Friday that the deal "
            "is “a great thing.”")
    quotes = [q for q in find_quotes(_article(text)) if q.kind == "partial"]
    assert "a great thing." in [q.text for q in quotes]
    assert all(q.speaker == "e1" for q in quotes), [q.speaker_name for q in quotes]


def test_quote_frames_adverb_first_between_speaker_and_cue():
    text = "The employee first said he did not recall the “deletions” at all."
    [q] = [q for q in find_quotes(Article(text=text)) if q.kind == "partial"]
    assert q.speaker_mention.text == "The employee"

"""Tests for reported speech (quote_reported): where the reported clause starts and ends."""

from __future__ import annotations

import pytest

from turnstone.extract.quotes import find_quotes
from turnstone.model import Article


def reported(text: str) -> list:
    return [q for q in find_quotes(Article(text=text)) if q.kind == "indirect"]


def indirect_quotes(nlp, text: str) -> list:  # type: ignore[no-untyped-def]
    """The indirect quotes of ``text`` analysed by ``nlp`` (the shipped pipeline, with its parse)."""
    article = Article(text=text)
    article.doc = nlp(text)
    return [q for q in find_quotes(article) if q.kind == "indirect"]


@pytest.mark.parametrize("text,content,speaker", [
    ("In contrast, Lea Brandt said, there were more soldiers at the border than before.",
     "there were more soldiers at the border than before", "Lea Brandt"),
    ("The foreign minister says, win or lose, the talks will go on in Vell next week.",
     "win or lose, the talks will go on in Vell next week", None),
])
def test_quote_reported_clause_after_the_cue_and_a_comma(text, content, speaker):
    [q] = reported(text)
    assert q.text == content
    if speaker:
        assert speaker in (q.speaker_mention.text if q.speaker_mention else "")


def test_quote_reported_cue_then_comma_then_a_quote_is_not_reported():
    text = 'Lea Brandt said, "the convoy turned back at the border."'
    assert reported(text) == []


@pytest.mark.parametrize("text,content,speaker", [
    ("Lea Brandt rejected the offer on Monday, saying the convoy would not turn back.",
     "the convoy would not turn back", "Lea Brandt"),
    ("The minister defended the drills, arguing that the navy had kept to its own waters.",
     "the navy had kept to its own waters", "The minister"),
    ("Omar Haddad left the talks early, adding that the envoys had nothing new to offer.",
     "the envoys had nothing new to offer", "Omar Haddad"),
])
def test_quote_reported_participle_cue_after_a_comma_takes_the_sentence_subject(text, content, speaker):
    [q] = reported(text)
    assert q.text == content
    assert q.speaker_mention is not None and q.speaker_mention.text == speaker


def test_quote_reported_participle_cue_needs_a_clause_after_it():
    assert reported("Lea Brandt left the hall on Monday, saying nothing.") == []


@pytest.mark.parametrize("text,content", [
    ("Lea Brandt said tankers were waiting outside the harbour at Vell.",
     "tankers were waiting outside the harbour at Vell"),
    ("The minister said fresh elections would follow within a year.",
     "fresh elections would follow within a year"),
])
def test_quote_reported_clause_the_parse_marks_as_the_cue_complement(parsed, text, content):
    [q] = indirect_quotes(parsed, text)
    assert q.text == content


def test_quote_reported_no_clause_from_the_parse_when_the_cue_has_only_an_object(parsed):
    text = "Lea Brandt said goodbye to the envoys at the harbour in Vell."
    assert indirect_quotes(parsed, text) == []


def test_quote_reported_clause_starts_at_the_complement_not_at_a_later_that(parsed):
    text = "Lea Brandt said the envoys were hopeful that the talks in Vell would resume."
    [q] = indirect_quotes(parsed, text)
    assert q.text == "the envoys were hopeful that the talks in Vell would resume"


@pytest.mark.parametrize("text,content", [
    ("Lea Brandt told the Vell Courier on Monday the convoy had turned back at the border.",
     "the convoy had turned back at the border"),
    ("Omar Haddad told reporters on Tuesday the ministry would close the border crossing.",
     "the ministry would close the border crossing"),
])
def test_quote_reported_clause_after_the_addressee_from_the_parse(parsed, text, content):
    [q] = indirect_quotes(parsed, text)
    assert q.text == content



@pytest.mark.parametrize("text,content", [
    ("Lea Brandt complained the talks in Vell had been rigged from the start.",
     "the talks in Vell had been rigged from the start"),
    ("The minister declared the ceasefire had failed in the north.",
     "the ceasefire had failed in the north"),
])
def test_quote_reported_any_clause_cue_with_a_complement_from_the_parse(parsed, text, content):
    [q] = indirect_quotes(parsed, text)
    assert q.text == content


def test_quote_reported_promise_with_an_infinitive_is_no_clause(parsed):
    text = "Lea Brandt promised to reopen the border crossing at Vell next week."
    assert indirect_quotes(parsed, text) == []


@pytest.mark.parametrize("text,content,speaker", [
    (("The race in the north will be tight, said Lea Brandt, director of the Vell Institute for "
      "Regional Studies and a former adviser to the council in Tarn."),
     "The race in the north will be tight", "Lea Brandt"),
    (("The convoy carried grain and fuel for the harbour, says Omar Haddad, the head of the port "
      "authority in Vell since the war began."),
     "The convoy carried grain and fuel for the harbour", "Omar Haddad"),
])
def test_quote_reported_trailing_inverted_speaker_with_a_long_appositive(text, content, speaker):
    [q] = reported(text)
    assert q.text == content
    assert q.speaker_mention is not None and q.speaker_mention.text == speaker


@pytest.mark.parametrize("text,content,speaker", [
    ("The award went to Lea Brandt, who said the convoy had turned back at the border on Monday.",
     "the convoy had turned back at the border on Monday", "Lea Brandt"),
])
def test_quote_reported_relative_who_said_takes_the_antecedent_as_speaker(text, content, speaker):
    [q] = reported(text)
    assert q.text == content
    assert q.speaker_mention is not None and q.speaker_mention.text == speaker


@pytest.mark.parametrize("text,content,speaker", [
    ("Lea Brandt asked the minister whether the convoy would reach Vell before the winter.",
     "whether the convoy would reach Vell before the winter", "Lea Brandt"),
    ("Omar Haddad asked how the council could pay for the new harbour wall.",
     "how the council could pay for the new harbour wall", "Omar Haddad"),
])
def test_quote_reported_indirect_question_after_asked(text, content, speaker):
    [q] = reported(text)
    assert q.text == content
    assert q.speaker_mention is not None and q.speaker_mention.text == speaker


def test_quote_reported_asked_for_something_is_no_question():
    assert reported("Lea Brandt asked the council for more money to rebuild the harbour wall.") == []

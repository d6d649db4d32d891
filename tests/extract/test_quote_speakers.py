"""Tests for quote_speakers: speaker phrases with possessive determiners ("Its spokesman")."""

from __future__ import annotations

import pytest

from turnstone.extract.quote_speakers import SpeakerResolver, name_core
from turnstone.extract.quotes import find_quotes
from turnstone.model import Article, Entity, Mention


@pytest.mark.parametrize(("phrase", "core"), [
    ("Its spokesman", "Its spokesman"),
    ("His aide", "His aide"),
    ("Their envoy Omar Haddad", "Omar Haddad"),
    ("Her deputy, Ana Ruiz", "Her deputy"),
    ("Defence Minister Jan Kowal", "Jan Kowal"),
    # a capitalised word modifying a lower-case head is no name
    ("the presumptive Republican presidential nominee", "the presumptive Republican presidential nominee"),
    ("The narrator", "The narrator"),
    ("One intelligence source", "One intelligence source"),
    ("Kremlin spokesman Dmitry Peskov's", "Dmitry Peskov"),
])
def test_quote_speakers_name_core_never_takes_a_possessive_for_a_name(phrase, core):
    assert name_core(phrase) == core


def _article(text: str, name: str, form: str, title: str | None = None, kind: str = "PERSON") -> Article:
    at = text.index(form)
    article = Article(text=text)
    article.entities.append(Entity(id="e1", name=name, type=kind, title=title,
                                   mentions=[Mention(start=at, end=at + len(form), text=form)]))
    return article


@pytest.mark.parametrize("poss", ["Its", "His", "Their", "its"])
def test_quote_speakers_possessive_role_resolves_like_the_role(poss):
    # "its spokesman" with no name beside it is the role: the spokesman named earlier.
    lead = "" if poss[0].isupper() else "On Monday "
    text = ("The army named Colonel Ana Ruiz as its spokesman last year.\n"
            f"{lead}{poss} spokesman said the drills would last “as long as needed.”")
    article = _article(text, "Ana Ruiz", "Colonel Ana Ruiz", title="spokesman")
    start = text.index(f"{poss} spokesman")
    got = SpeakerResolver(article).resolve(start, start + len(poss) + len(" spokesman"))
    assert got.entity == "e1" and got.name == "Ana Ruiz"


@pytest.mark.parametrize("poss", ["Its", "His", "Their"])
def test_quote_speakers_possessive_role_without_a_referent_is_the_role_not_the_possessive(poss):
    text = f"{poss} spokesman said the drills would last “as long as needed.”"
    [q] = [q for q in find_quotes(Article(text=text)) if q.kind == "partial"]
    assert q.speaker_name == f"{poss} spokesman"


@pytest.mark.parametrize("poss", ["Its", "His", "Their"])
def test_quote_speakers_possessive_role_with_appositive_name_without_a_parse(poss):
    # The pattern frame alone (no parse) takes the appositive name.
    text = f"{poss} spokesman, Colonel Ana Ruiz, said the drills would last “as long as needed.”"
    article = _article(text, "Ana Ruiz", "Ana Ruiz")
    quotes = find_quotes(article)
    assert quotes and all(q.speaker == "e1" for q in quotes), [(q.kind, q.speaker_name) for q in quotes]


def test_quote_speakers_description_without_a_referent_keeps_its_words():
    # No entity fits: the speaker name is the description, not its capitalised modifier.
    text = "“The vote was rigged,” the presumptive Republican presidential nominee said on Tuesday."
    [q] = find_quotes(Article(text=text))
    assert q.kind == "direct" and q.speaker_name == "the presumptive Republican presidential nominee"

"""Tests for the actors of event coding: agent words, candidate chunks and the per-sentence memo."""

from __future__ import annotations

import pytest

from turnstone.extract.entities import find_entities
from turnstone.extract.event_actors import (
    _agent_forms,
    _fallback_tables,
    _singular,
    candidate_chunks,
    sentence_actors,
)
from turnstone.model import Article


def test_event_actors_agent_forms_are_the_words_singular_accepts() -> None:
    _, agents, _ = _fallback_tables()
    # every agent word, the plurals of each, and words that only look plural
    words = set(agents)
    for agent in agents:
        words |= {agent + "s", agent + "es", agent[:-1] + "ies", agent[:-3] + "men", agent + "men"}
    words |= {"men", "s", "es", "ies", "news", "series", "policemen", "talks", "bus", "the", "ministers"}
    accepted = {w for w in words if _singular(w) in agents}
    assert accepted == {w for w in words if w in _agent_forms()}
    assert "ministers" in accepted and "talks" not in accepted


def test_event_actors_candidate_chunks_keep_only_the_sentences_noun_chunks(nlp) -> None:
    doc = nlp("Aid was sent. The convoy reached the town. Nothing else happened here.")
    second = list(doc.sents)[1]
    # stand-in noun chunks, out of order, some crossing the sentence's edges
    doc.user_data["turnstone.noun_chunks"] = [(9, 11), (0, 1), (4, 6), (3, 5), (7, 9), (2, 4), (8, 10)]
    got = candidate_chunks(second)
    assert (second.start, second.end) == (4, 10)
    # (3, 5) and (9, 11) cross the sentence's edges; no word here starts a capitalised or agent run
    assert got == [(4, 6), (7, 9), (8, 10)]


@pytest.fixture()
def article(nlp) -> Article:
    text = ("Syrian rebels and Turkish police clashed near the border. Turkish Foreign Minister Hakan Fidan said "
            "he regretted it. Fidan met Syria's interior minister in Damascus.")
    art = Article(text=text, published="2025-02-12")
    art.doc = nlp(text)
    art.entities = find_entities(art)
    return art


def test_event_actors_memo_gives_the_same_spans_and_fresh_copies(article: Article) -> None:
    sents = list(article.doc.sents)
    plain = [sentence_actors(article, s, None) for s in sents]
    assert all(plain), "the test needs resolved actors in every sentence"
    assert {a.source for spans in plain for a in spans} >= {"entity", "phrase"}
    memo: dict = {}
    first = [sentence_actors(article, s, None, memo=memo) for s in sents]
    assert first == plain
    for spans in first:  # what later rules do to the spans they get must not reach the memo
        for span in spans:
            span.participants = []
            span.tok_start += 100
    again = [sentence_actors(article, s, None, memo=memo) for s in sents]
    assert again == plain

"""Augmented sentence-boundary data for the senter experiment (issue 3)."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.tokens import Doc

from training.senter_data import augment, sentence_docs


@pytest.fixture()
def two_sentences() -> Doc:
    nlp = spacy.blank("en")
    words = ["The", "talks", "ended", ".", "NATO", "met", "!", "Then", "I", "left", "?", "."]
    starts = [True, False, False, False, True, False, False, True, False, False, False, True]
    spaces = [True, True, False, True, True, False, True, True, True, False, True, False]
    return Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts)


def test_senter_data_augment_drops_final_punctuation_keeps_boundaries(two_sentences: Doc) -> None:
    out = augment(two_sentences, random.Random(0), drop=1.0, lower=0.0)
    assert [s.text_with_ws for s in out.sents] == ["The talks ended ", "NATO met ", "Then I left ", "."]


def test_senter_data_augment_lowercases_only_capitalised_words(two_sentences: Doc) -> None:
    out = augment(two_sentences, random.Random(0), drop=0.0, lower=1.0)
    # 'NATO' (all capitals) and the lone '.' stay; 'The' and 'Then' start in lower case
    assert [s[0].text for s in out.sents] == ["the", "NATO", "then", "."]
    assert [t.text for t in out][1:4] == ["talks", "ended", "."]


def test_senter_data_augment_with_zero_rates_is_the_original(two_sentences: Doc) -> None:
    out = augment(two_sentences, random.Random(0), drop=0.0, lower=0.0)
    assert [t.text for t in out] == [t.text for t in two_sentences]
    assert [t.is_sent_start for t in out] == [t.is_sent_start for t in two_sentences]


def test_senter_data_sentence_docs_keep_originals_then_copies(two_sentences: Doc) -> None:
    docs = sentence_docs([two_sentences], random.Random(0), drop=1.0, lower=0.0)
    assert len(docs) == 2
    assert docs[0].text == two_sentences.text and not docs[0].has_annotation("DEP")
    assert len(docs[1]) == len(two_sentences) - 3


def test_senter_data_augment_newline_ends_the_sentence_before(two_sentences: Doc) -> None:
    out = augment(two_sentences, random.Random(0), drop=0.0, lower=0.0, newline=1.0)
    assert [t.text for t in out][:6] == ["The", "talks", "ended", ".", "\n", "NATO"]
    assert [s[-1].text for s in out.sents] == ["\n"] * 4
    assert [t.is_sent_start for t in out][4:6] == [False, True]
    assert not out[3].whitespace_

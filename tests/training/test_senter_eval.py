"""Sentence-boundary scoring and parser hints of the senter experiment (issue 3)."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from training.senter_eval import boundaries, boundary_prf, hints, plain, word_boundaries


@pytest.fixture()
def vocab_nlp() -> spacy.language.Language:
    return spacy.blank("en")


def _doc(nlp: spacy.language.Language, starts: list[bool]) -> Doc:
    return Doc(nlp.vocab, words=[f"w{i}" for i in range(len(starts))], sent_starts=starts)


def test_senter_eval_boundaries_leave_out_the_first_token(vocab_nlp: spacy.language.Language) -> None:
    doc = _doc(vocab_nlp, [True, False, False, True, False, True])
    assert boundaries(doc) == {3, 5}


def test_senter_eval_boundary_prf_is_micro_over_documents() -> None:
    gold = [{3, 5}, {2}]
    pred = [{3}, {2, 4}]
    # tp 2 (3 and 2), fp 1 (4), fn 1 (5)
    assert boundary_prf(gold, pred) == {"p": 0.6667, "r": 0.6667, "f": 0.6667, "n": 3}


def test_senter_eval_hints_set_only_sure_starts() -> None:
    assert hints(np.array([0.99, 0.2, 0.6, 0.5]), 0.5) == [True, None, True, True]
    assert hints(np.array([0.99, 0.2, 0.6, 0.5]), 0.9) == [True, None, None, None]


def test_senter_eval_plain_keeps_words_spaces_and_drops_gold(vocab_nlp: spacy.language.Language) -> None:
    gold = Doc(vocab_nlp.vocab, words=["Hi", "there", "Bye"], spaces=[True, False, False],
               sent_starts=[True, False, True], pos=["INTJ", "ADV", "INTJ"])
    (bare,) = plain(vocab_nlp, [gold])
    assert [t.text for t in bare] == ["Hi", "there", "Bye"]
    assert bare.text == "Hi thereBye"
    assert not bare.has_annotation("SENT_START") and not bare.has_annotation("POS")
    (hinted,) = plain(vocab_nlp, [gold], [[True, None, True]])
    assert [t.is_sent_start for t in hinted] == [True, None, True]


def test_senter_eval_word_boundaries_move_past_line_breaks(vocab_nlp: spacy.language.Language) -> None:
    doc = Doc(vocab_nlp.vocab, words=["Talks", "ended", ".", "\n\n", "Officials", "left"],
              spaces=[True, False, False, False, True, False], sent_starts=[True, False, False, True, False, False])
    assert boundaries(doc) == {3}
    assert word_boundaries(doc) == {4}

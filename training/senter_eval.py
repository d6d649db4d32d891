"""Does a trained ``senter`` segment EWT better than the parser, and does it raise LAS?

Usage: python -m training.senter_eval --model build/cand-senter [--base src/turnstone/analyze/model]
                                      [--corpus build/corpus] [--split ud_dev]

``--model`` is a pipeline with a ``senter`` before the parser (``training.assemble --senter``);
``--base`` the same pipeline without it. On gold tokens of ``--split`` it prints:

- sentence-boundary P/R/F (every token that starts a sentence, the first of a document left out)
  of the parser alone, of the senter alone at several probability thresholds, and of the union
  of both (the senter's boundaries added to the parser's);
- LAS/UAS and spaCy's ``sents_f`` (exact sentence spans) of the parser alone, of the candidate
  as assembled, of the senter with the parser inside its sentences (``senter_hints`` off) and of
  the senter as *hints*: only boundaries the senter is sure of (P >= hi) are set before the
  parser, which splits the rest itself (what ``senter_hints`` does at P >= 0.5).

Choose on ``ud_dev``; ``ud_test`` only for the reported score.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from training.evaluate import DEFAULT_MODEL, load_docs, prf

THRESHOLDS = (0.9, 0.7, 0.5, 0.3, 0.1)


def boundaries(doc: Doc) -> set[int]:
    """Indices of the tokens that start a sentence, the document's first token left out
    (it always starts one, so it would only inflate the scores)."""
    return {t.i for t in doc if t.i > 0 and t.is_sent_start}


def boundary_prf(gold: Sequence[set[int]], pred: Sequence[set[int]]) -> dict[str, float]:
    """Micro P/R/F of predicted against gold sentence starts, one set per document."""
    tp = sum(len(g & p) for g, p in zip(gold, pred))
    return prf(tp, sum(len(p) for p in pred) - tp, sum(len(g) for g in gold) - tp)


def plain(nlp: Language, docs: Sequence[Doc], sent_starts: Sequence[list[bool | None]] | None = None) -> list[Doc]:
    """The gold documents' words and spaces only, optionally with preset sentence starts."""
    return [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d],
                sent_starts=None if sent_starts is None else sent_starts[i]) for i, d in enumerate(docs)]


def senter_probs(nlp: Language, docs: Sequence[Doc]) -> list[np.ndarray]:
    """P(sentence start) per token from the pipeline's senter, after the components before it
    (a senter listening to the shared tok2vec needs that tok2vec's output)."""
    senter = nlp.get_pipe("senter")
    s_col = list(senter.labels).index("S")
    before = nlp.pipe_names[:nlp.pipe_names.index("senter")]
    out = []
    with nlp.select_pipes(enable=before):
        for doc in nlp.pipe(plain(nlp, docs)):
            # the senter's softmax is not normalised at prediction time (Tagger.v2, normalize=false)
            logits = np.asarray(senter.model.predict([doc])[0])
            out.append(1.0 / (1.0 + np.exp(logits[:, 1 - s_col] - logits[:, s_col])))
    return out


def hints(probs: np.ndarray, hi: float) -> list[bool | None]:
    """Sentence starts to preset before the parser: True where the senter is sure (P >= hi),
    unknown elsewhere, so that the parser may still split there."""
    return [True if p >= hi else None for p in probs.tolist()]


def parse_scores(nlp: Language, gold: Sequence[Doc], preds: Sequence[Doc]) -> dict[str, float]:
    sc = nlp.evaluate([Example(p, g) for p, g in zip(preds, gold)])
    return {k: round(float(sc[k]), 4) for k in ("dep_las", "dep_uas", "sents_f")}


def compare(model: Path, base: Path, docs_path: Path) -> list[tuple[str, dict[str, float]]]:
    """Rows (setting, scores) for the report described in the module docstring."""
    cand = spacy.load(model, exclude=["ner"])
    ref = spacy.load(base, exclude=["ner"])
    gold = load_docs(docs_path, ref)
    gold_b = [boundaries(d) for d in gold]
    parsed = list(ref.pipe(plain(ref, gold)))
    parser_b = [boundaries(d) for d in parsed]
    probs = senter_probs(cand, gold)
    rows = [("boundaries: parser", boundary_prf(gold_b, parser_b))]
    for t in THRESHOLDS:
        sent_b = [{i for i in range(1, len(p)) if p[i] >= t} for p in probs]
        rows.append((f"boundaries: senter P>={t}", boundary_prf(gold_b, sent_b)))
        rows.append((f"boundaries: parser | senter P>={t}", boundary_prf(gold_b, [a | b for a, b in zip(parser_b, sent_b)])))
    rows.append(("parse: parser splits", parse_scores(ref, gold, plain(ref, gold))))
    rows.append(("parse: candidate as assembled", parse_scores(cand, gold, plain(cand, gold))))
    if "senter_hints" in cand.pipe_names:
        with cand.select_pipes(disable=["senter_hints"]):
            rows.append(("parse: senter, then parser (no hints)", parse_scores(cand, gold, plain(cand, gold))))
    for t in THRESHOLDS:
        rows.append((f"parse: senter hints P>={t}, parser", parse_scores(ref, gold, plain(ref, gold, [hints(p, t) for p in probs]))))
    return rows


def word_boundaries(doc: Doc) -> set[int]:
    """Like ``boundaries``, with a start on a whitespace token moved to the next word."""
    out = set()
    for i in boundaries(doc):
        while i < len(doc) - 1 and doc[i].is_space:
            i += 1
        out.add(i)
    return out


def news_diff(model: Path, base: Path, files: Sequence[Path]) -> list[str]:
    """Sentence starts on raw news text that the candidate and the base pipeline disagree on,
    one line each ('+' only the candidate, '-' only the base) with the words around, and a
    summary line first. There is no gold segmentation for these texts: read the lines."""
    cand = spacy.load(model, exclude=["ner"])
    ref = spacy.load(base, exclude=["ner"])
    lines: list[str] = []
    n_base = n_cand = 0
    for path in files:
        text = path.read_text(encoding="utf8")
        a, b = ref(text), cand(text)
        # a start on a whitespace token ('\n\n') counts as the start of the word after it
        sa, sb = word_boundaries(a), word_boundaries(b)
        n_base, n_cand = n_base + len(sa), n_cand + len(sb)
        for sign, i in sorted([("-", i) for i in sa - sb] + [("+", i) for i in sb - sa], key=lambda x: x[1]):
            ctx = f"{a[max(0, i - 6):i].text} || {a[i:i + 6].text}".replace("\n", " ")
            lines.append(f"{sign} {path.name}: {ctx}")
    head = f"{len(files)} texts: base {n_base} sentence starts, candidate {n_cand}, {len(lines)} differ"
    return [head, *lines]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="pipeline with a senter before the parser")
    ap.add_argument("--base", default=str(DEFAULT_MODEL), help="the same pipeline without the senter")
    ap.add_argument("--corpus", default="build/corpus")
    ap.add_argument("--split", default="ud_dev")
    ap.add_argument("--news", nargs="*", type=Path, default=None,
                    help="raw text files: list where the two pipelines split them differently instead")
    args = ap.parse_args(argv)
    if args.news is not None:
        print("\n".join(news_diff(Path(args.model), Path(args.base), args.news)))
        return
    for name, scores in compare(Path(args.model), Path(args.base), Path(args.corpus) / f"{args.split}.spacy"):
        print(f"{args.split}\t{name}\t" + " ".join(f"{k} {v}" for k, v in scores.items()), flush=True)


if __name__ == "__main__":
    main()

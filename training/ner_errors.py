"""Print and classify the NER's errors on the evaluation sets (error analysis, issue 3).

Usage: python -m training.ner_errors [--model DIR] [--corpus build/corpus] [--sets gum_dev uner_ewt_dev]
                                     [--ruler] [--show 40]

Each predicted or gold entity that is not an exact (start, end, label) match falls in one class:
``label`` (same span, other label), ``boundary`` (overlapping span, same label), ``boundary+label``,
``false positive`` (no overlapping gold) or ``false negative`` (no overlapping prediction).
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from training.evaluate import DEFAULT_MODEL, MAPS, load_docs

Ent = tuple[int, int, str]


def classify(pred: set[Ent], gold: set[Ent]) -> list[tuple[str, Ent | None, Ent | None]]:
    """(class, predicted, gold) for every entity that is not an exact match."""
    out: list[tuple[str, Ent | None, Ent | None]] = []
    used: set[Ent] = set()
    for p in sorted(pred - gold):
        over = [g for g in gold - pred if g[0] < p[1] and p[0] < g[1]]
        if not over:
            out.append(("false positive", p, None))
            continue
        g = over[0]
        used.add(g)
        same_span = (g[0], g[1]) == (p[0], p[1])
        kind = "label" if same_span else ("boundary" if g[2] == p[2] else "boundary+label")
        out.append((kind, p, g))
    for g in sorted(gold - pred - used):
        if not any(p[0] < g[1] and g[0] < p[1] for p in pred - gold):
            out.append(("false negative", None, g))
    return out


def analyse(nlp: Language, docs: list[Doc], pmap: dict[str, str], gmap: dict[str, str],
            show: int) -> Counter[str]:
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    inputs = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in docs]
    for gold, pred in zip(docs, nlp.pipe(inputs, batch_size=256)):
        g = {(e.start, e.end, gmap[e.label_]) for e in gold.ents if e.label_ in gmap}
        p = {(e.start, e.end, pmap[e.label_]) for e in pred.ents if e.label_ in pmap}
        for kind, pe, ge in classify(p, g):
            counts[kind] += 1
            span = pe or ge
            assert span is not None
            lo, hi = max(0, span[0] - 6), min(len(gold), span[1] + 6)
            ctx = " ".join(t.text for t in gold[lo:hi])
            ptxt = f"{gold[pe[0]:pe[1]].text!r}/{pe[2]}" if pe else "-"
            gtxt = f"{gold[ge[0]:ge[1]].text!r}/{ge[2]}" if ge else "-"
            examples.setdefault(kind, []).append(f"  pred {ptxt:35} gold {gtxt:35} | {ctx}")
    for kind, lines in sorted(examples.items()):
        print(f"--- {kind}: {counts[kind]}")
        print("\n".join(lines[:show]))
    return counts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", default=str(DEFAULT_MODEL))
    ap.add_argument("--corpus", default="build/corpus")
    ap.add_argument("--sets", nargs="*", default=list(MAPS))
    ap.add_argument("--ruler", action="store_true", help="put the knowledge-base entity ruler before the NER")
    ap.add_argument("--show", type=int, default=40)
    args = ap.parse_args(argv)
    nlp = spacy.load(args.model)
    if args.ruler:
        from turnstone.analyze.ruler import add_kb_ruler

        add_kb_ruler(nlp)
    for name in args.sets:
        fname, pmap, gmap = MAPS[name]
        print(f"===== {name}")
        counts = analyse(nlp, load_docs(Path(args.corpus) / fname, nlp), pmap, gmap, args.show)
        print(f"===== {name} totals: {dict(counts)}")


if __name__ == "__main__":
    main()

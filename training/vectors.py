"""Static word vectors from the raw text in ../shared, with our own code (PPMI + SVD).

Usage: python -m training.vectors [--shared ../shared] [--out build/vectors]

Text used: only corpora whose licence allows shipping a model (GMB/VOA, EWT train,
GUM train in redistributable genres, Re-DocRED, WikiGold, CrossNER politics,
Broad Twitter Corpus, re3d train documents, ECB+). Evaluation text (EWT dev/test,
GUM dev, re3d test) is left out. Output: a blank spaCy pipeline whose vectors are
keyed by LOWER, for ``[initialize] vectors`` in the training configs.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import spacy
from spacy.vectors import Vectors

from training import convert

VOCAB = 20000
DIM = 96
WINDOW = 5
SEED = 0


def raw_sentences(root: Path) -> Iterator[list[str]]:
    c = root / "corpora"
    for words, _ in convert.gmb(root):
        yield words
    for _, sent in convert.read_conllu(c / "ud_english_ewt/en_ewt-ud-train.conllu"):
        yield [t["form"] for t in sent]
    split = convert.gum_split(c / "gum")
    for name in split["train"]:
        if name.split("_")[1] in convert.GUM_OK_GENRES:
            for _, sent in convert.read_conllu(c / "gum/dep" / f"{name}.conllu"):
                yield [t["form"] for t in sent]
    for fn in (convert.wikigold, convert.crossner, convert.redocred):
        for words, _ in fn(root):
            yield words
    for f in sorted((c / "ner_more/btc").glob("?.conll")):
        for words, _ in convert.read_columns(f):
            yield words
    for words, _ in convert.re3d(root, "train"):
        yield words
    tok = re.compile(r'<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>')
    for f in sorted((c / "ecbplus/ECB+").rglob("*.xml")):
        cur, words = None, []
        for m in tok.finditer(f.read_text(encoding="utf8", errors="replace")):
            if m.group(1) != cur and words:
                yield words
                words = []
            cur = m.group(1)
            words.append(m.group(2))
        if words:
            yield words


def build(root: Path, out: Path) -> None:
    t0 = time.time()
    sents = [[w.lower() for w in s] for s in raw_sentences(root)]
    counts = Counter(w for s in sents for w in s)
    vocab = [w for w, n in counts.most_common(VOCAB) if n >= 2]
    V = len(vocab)
    index = {w: i for i, w in enumerate(vocab)}
    ids = np.array([index.get(w, -1) for s in sents for w in s + ["\n"]], dtype=np.int64)
    print(f"{sum(len(s) for s in sents)} tokens, vocab {V}, {time.time() - t0:.0f}s")
    keys, weights = [], []
    for d in range(1, WINDOW + 1):
        a, b = ids[:-d], ids[d:]
        ok = (a >= 0) & (b >= 0)
        a, b = a[ok], b[ok]
        keys += [a * V + b, b * V + a]
        weights += [np.full(len(a), 1.0 / d)] * 2
    k = np.concatenate(keys)
    w = np.concatenate(weights)
    uniq, inv = np.unique(k, return_inverse=True)
    vals = np.bincount(inv, weights=w)
    rows, cols = uniq // V, uniq % V
    # PPMI with context-distribution smoothing (Levy et al. 2015)
    row_sum = np.bincount(rows, weights=vals, minlength=V)
    col_sum = np.bincount(cols, weights=vals, minlength=V) ** 0.75
    total = vals.sum()
    pmi = np.log(vals * col_sum.sum() / (row_sum[rows] * col_sum[cols]))
    del total
    keep = pmi > 0
    M = np.zeros((V, V), dtype=np.float32)
    M[rows[keep], cols[keep]] = pmi[keep]
    print(f"PPMI nnz {keep.sum()}, {time.time() - t0:.0f}s")
    # randomized SVD
    rng = np.random.default_rng(SEED)
    Q = M @ rng.standard_normal((V, DIM + 32), dtype=np.float32)
    for _ in range(2):
        Q, _ = np.linalg.qr(Q)
        Q = M @ (M.T @ Q)
    Q, _ = np.linalg.qr(Q)
    B = Q.T @ M
    Ub, S, _ = np.linalg.svd(B, full_matrices=False)
    U = (Q @ Ub)[:, :DIM] * np.sqrt(S[:DIM])
    U /= np.linalg.norm(U, axis=1, keepdims=True) + 1e-8
    print(f"SVD done, {time.time() - t0:.0f}s")
    nlp = spacy.blank("en")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=U.astype(np.float32),
                                keys=[nlp.vocab.strings.add(x) for x in vocab],
                                name="turnstone_ppmi_svd", attr="LOWER")
    nlp.to_disk(out)
    for probe in ("iraq", "minister", "said", "taliban", "monday"):
        if probe in index:
            sims = U @ U[index[probe]]
            print(probe, [vocab[i] for i in np.argsort(-sims)[1:8]])
    print(f"wrote {out} ({V} x {DIM}), {time.time() - t0:.0f}s")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--out", default="build/vectors")
    args = ap.parse_args(argv)
    build(convert.shared_root(args.shared), Path(args.out))


if __name__ == "__main__":
    main()

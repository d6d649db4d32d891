"""The speed ceiling a spaCy neural pipeline of a given size puts on the PolNeAR news texts.

    .venv/bin/python bench/model_floor.py [--limit N] [--batch-size B]

Issue 9 asks for 50 articles/s/core end to end. This answers "is that reachable with any trained
component at all?" without training anything: it builds pipelines with freshly initialised weights
(a network costs the same to run whether its weights are trained or not) and times ``nlp.pipe`` over
the texts in CPU seconds of this process, one core. Rows go from spaCy's blank tokenizer, through
the smallest useful tagger or NER (width 64, depth 2), to a pipeline the size of ours.
None of these rows includes Turnstone's extraction stages (about 32 ms per article, see
``bench/extract_speed.py``).
Reads ../shared (or $TURNSTONE_SHARED); prints a skip line when PolNeAR is absent.
"""

from __future__ import annotations

import argparse
import os
import time

from _polnear import polnear_paths

# (tok2vec width, depth, components after the tok2vec)
SIZES = [
    (64, 2, ["tagger"]),
    (64, 2, ["ner"]),
    (64, 2, ["tagger", "parser"]),
    (96, 4, ["ner"]),
    (128, 4, ["tagger", "parser", "ner"]),
]
# One toy sentence to initialise each component's output layer; the labels' count barely matters.
SENTENCE = {
    "words": ["Putin", "met", "Trump", "in", "Riyadh", "."],
    "tags": ["NNP", "VBD", "NNP", "IN", "NNP", "."],
    "heads": [1, 1, 1, 1, 3, 1],
    "deps": ["nsubj", "ROOT", "obj", "prep", "pobj", "punct"],
    "entities": ["U-PERSON", "O", "U-PERSON", "O", "U-GPE", "O"],
}


def build(width: int, depth: int, components: list[str]):
    """A blank English pipeline with a tok2vec of this size feeding ``components``, initialised."""
    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example

    nlp = spacy.blank("en")
    encode = {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": depth,
              "window_size": 1, "maxout_pieces": 3}
    embed = {"@architectures": "spacy.MultiHashEmbed.v2", "width": width,
             "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [5000, 1000, 2500, 1000],
             "include_static_vectors": False}
    nlp.add_pipe("tok2vec", config={"model": {"@architectures": "spacy.Tok2Vec.v2", "embed": embed, "encode": encode}})
    for name in components:
        nlp.add_pipe(name)
    doc = Doc(nlp.vocab, words=SENTENCE["words"])
    example = Example.from_dict(doc, {key: value for key, value in SENTENCE.items() if key != "words"})
    nlp.initialize(lambda: [example])
    return nlp


def cpu_seconds(nlp, texts: list[str], batch_size: int) -> float:
    """CPU seconds of this process for ``nlp.pipe`` over ``texts`` (after a short warm-up)."""
    list(nlp.pipe(texts[:batch_size], batch_size=batch_size))
    start = time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=80, help="number of PolNeAR articles (default 80)")
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    texts = [path.read_text(encoding="utf-8") for path in polnear_paths(args.limit)]
    if not texts:
        return
    import spacy

    n_words = sum(len(text.split()) for text in texts)
    print(f"{len(texts)} PolNeAR articles, {n_words / len(texts):.0f} words each; CPU time, one process")
    rows = [("blank tokenizer", spacy.blank("en"))]
    rows += [(f"tok2vec w{w} d{d} + {' + '.join(c)}", build(w, d, c)) for w, d, c in SIZES]
    for label, nlp in rows:
        seconds = cpu_seconds(nlp, texts, args.batch_size)
        print(f"  {label:40s} {len(texts) / seconds:7.1f} articles/s  {n_words / seconds:9,.0f} words/s"
              f"  {1000 * seconds / len(texts):6.1f} ms/article")


if __name__ == "__main__":
    main()

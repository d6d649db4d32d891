"""CPU time of each spaCy component of the analyze stage on the PolNeAR news texts.

    .venv/bin/python bench/analyze_components.py [--limit N] [--batch-size B] [--rounds R]

Runs the tokenizer, then each component of ``turnstone.analyze.stage.get_nlp()`` in turn over
all the texts (``pipe`` in batches, as the analyze stage does), and prints milliseconds of this
process's CPU time per article for each, the best of ``--rounds`` rounds, with tokens per
article. The NER has its own tok2vec, so its line includes that embedding; the shared ``tok2vec``
line feeds the tagger, morphologizer, parser and lemmatizer.
Reads ../shared (or $TURNSTONE_SHARED); prints a skip line when PolNeAR is absent.
"""

from __future__ import annotations

import argparse
import os
import time

from _polnear import polnear_paths

from turnstone.batch.worker import DEFAULT_BATCH_SIZE  # the batch engine's own setting


def component_times(texts: list[str], batch_size: int) -> dict[str, float]:
    """CPU seconds per component (tokenizer first) over ``texts``."""
    from turnstone.analyze.stage import get_nlp

    nlp = get_nlp()
    spent: dict[str, float] = {}
    t = time.process_time()
    docs = list(nlp.tokenizer.pipe(texts, batch_size=batch_size))
    spent["tokenizer"] = time.process_time() - t
    for name, proc in nlp.pipeline:
        t = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        spent[name] = time.process_time() - t
    spent["(tokens)"] = sum(len(doc) for doc in docs)
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=40, help="only the first N articles (0: all)")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE,
                        help="docs per pipe batch (default: the batch engine's)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds; the best of them is printed")
    args = parser.parse_args()
    paths = polnear_paths(args.limit)
    if not paths:
        return 0
    from turnstone.analyze.stage import get_nlp
    from turnstone.ingest.readers import article_from_text

    texts = [article_from_text(p.read_text(encoding="utf-8")).text for p in paths]
    list(get_nlp().pipe(texts[:3]))  # warm up outside the timing
    rounds = [component_times(texts, args.batch_size) for _ in range(args.rounds)]
    best = {name: min(r[name] for r in rounds) for name in rounds[0]}
    n = len(texts)
    tokens = best.pop("(tokens)")
    total = sum(best.values())
    print(f"PolNeAR: {n} articles, {tokens / n:.0f} tokens/article; batches of {args.batch_size}; "
          f"best of {args.rounds} rounds; load average {os.getloadavg()[0]:.1f}")
    for name, seconds in best.items():
        print(f"  {name:22s} {1000 * seconds / n:7.2f} ms/article  {100 * seconds / total:5.1f}%")
    print(f"  {'total':22s} {1000 * total / n:7.2f} ms/article  ({tokens / total:,.0f} tokens/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

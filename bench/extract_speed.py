"""CPU time of each extraction stage with the spaCy analysis done once, and a dump to diff outputs.

    .venv/bin/python bench/extract_speed.py [--limit N] [--rounds R] [--save OUT.json]
                                            [--profile STAGE] [--sort tottime|cumtime]

The PolNeAR texts are cleaned and analysed once (``nlp.pipe``, not timed); then every round runs
the stages after ``analyze`` (entities, times, places, quotes, events) over fresh copies of the
articles and prints milliseconds of this process's CPU time per article for each stage, the best
of ``--rounds``. Each round starts with the knowledge base's lookup cache empty, so every round
meets each article for the first time, as a real run does.

``--save`` writes every article's output (sorted-key JSON, one object keyed by article) for
diffing before and after a speed change: the output must not change. ``--profile STAGE`` prints
cProfile's top functions inside that stage only, by ``--sort``.
Reads ../shared (or $TURNSTONE_SHARED); prints a skip line when PolNeAR is absent.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from _polnear import polnear_paths


def analysed(paths: list[Path]) -> tuple[list[Any], list[Any]]:
    """The cleaned articles and their analysed Docs (the analyze stage's own pipeline)."""
    from turnstone.analyze.doc_cache import remember_text
    from turnstone.analyze.stage import get_nlp
    from turnstone.ingest.readers import article_from_text

    articles = [article_from_text(p.read_text(encoding="utf-8"), id=p.stem) for p in paths]
    nlp = get_nlp()  # type: ignore[no-untyped-call]
    docs = [remember_text(doc, a.text) for a, doc in zip(articles, nlp.pipe([a.text for a in articles]))]
    return articles, docs


def run_round(articles: list[Any], docs: list[Any], profile: tuple[str, cProfile.Profile] | None
              ) -> tuple[dict[str, float], list[Any]]:
    """CPU seconds per stage over fresh copies of the analysed articles, and the results."""
    from turnstone.analyze.doc_cache import remember_text
    from turnstone.core import default_pipeline
    from turnstone.kb.store import default_kb

    stages = [s for s in default_pipeline().stages if s.name != "analyze"]
    default_kb().lookup_cache.clear()
    spent: dict[str, float] = defaultdict(float)
    done = []
    for original, doc in zip(articles, docs):
        article = original.model_copy(deep=True)
        article.doc = remember_text(doc.copy(), article.text)  # no per-doc caches left from an earlier round
        for stage in stages:
            profiler = profile[1] if profile is not None and profile[0] == stage.name else None
            t = time.process_time()
            if profiler is not None:
                profiler.enable()
            article = stage.fn(article)
            if profiler is not None:
                profiler.disable()
            spent[stage.name] += time.process_time() - t
        done.append(article)
    return spent, done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=40, help="the first N PolNeAR articles (0: all)")
    parser.add_argument("--rounds", type=int, default=2, help="report the best of this many rounds")
    parser.add_argument("--save", type=Path, help="write the outputs here (sorted-key JSON)")
    parser.add_argument("--profile", metavar="STAGE", help="cProfile this stage")
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumtime"), help="profile order")
    args = parser.parse_args()
    paths = polnear_paths(args.limit)
    if not paths:
        return 0
    from turnstone.analyze.nlp import load_nlp
    from turnstone.core import default_pipeline

    load_nlp()
    articles, docs = analysed(paths)
    run_round(articles[:5], docs[:5], None)  # lazily loaded lexicons and gazetteers, outside the timing
    profile = (args.profile, cProfile.Profile()) if args.profile else None
    best: dict[str, float] = {}
    results: list[Any] = []
    for _ in range(max(1, args.rounds)):
        spent, results = run_round(articles, docs, profile)
        best = {name: min(seconds, best.get(name, seconds)) for name, seconds in spent.items()}
    n = len(articles)
    words = sum(len(a.text.split()) for a in articles)
    print(f"PolNeAR: {n} articles, {words / n:.0f} words/article; analysis done once, not timed; "
          f"CPU ms/article, best of {max(1, args.rounds)} rounds:")
    for stage in default_pipeline().stages:
        if stage.name in best:
            print(f"  {stage.name:10s} {1000 * best[stage.name] / n:7.2f}")
    print(f"  {'total':10s} {1000 * sum(best.values()) / n:7.2f}")
    if args.save:
        args.save.write_text(json.dumps({a.id: a.to_dict() for a in results}, sort_keys=True, indent=1),
                             encoding="utf-8")
        print(f"outputs of {len(results)} articles written to {args.save}")
    if profile is not None:
        out = io.StringIO()
        pstats.Stats(profile[1], stream=out).sort_stats(args.sort).print_stats(30)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Speed of the quotes stage: quotes and articles per second on the PolNeAR texts.

    .venv/bin/python bench/quotes_speed.py [--limit N]

The analyze and entities stages run first (not timed); the timing covers ``find_quotes`` only,
then the whole analyze+entities+quotes chain for comparison. Reads ../shared (or
$TURNSTONE_SHARED); prints a skip line when PolNeAR is absent.
"""

from __future__ import annotations

import argparse
import time

from _polnear import polnear_paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    paths = polnear_paths(args.limit)
    if not paths:
        return 0
    from turnstone.analyze.nlp import MODEL_DIR
    from turnstone.extract.quotes import find_quotes
    from turnstone.model import Article
    from turnstone.pipeline import Pipeline

    prepare = Pipeline.default(["analyze", "entities"])
    articles = [prepare(Article(text=p.read_text(encoding="utf-8"), id=p.stem)) for p in paths]
    chars = sum(len(a.text) for a in articles)
    t0 = time.perf_counter()
    count = sum(len(find_quotes(a)) for a in articles)
    took = time.perf_counter() - t0
    model = "trained model" if (MODEL_DIR / "config.cfg").exists() else "blank pipeline"
    print(f"quotes stage on {len(articles)} PolNeAR articles ({chars / 1e6:.1f}M chars, {model}): "
          f"{count} quotes in {took:.2f}s = {count / took:,.0f} quotes/s, {len(articles) / took:,.0f} articles/s")
    full = Pipeline.default(["analyze", "entities", "quotes"])
    sample = articles[: min(100, len(articles))]
    t0 = time.perf_counter()
    n = sum(len(full(Article(text=a.text)).quotes) for a in sample)
    took = time.perf_counter() - t0
    print(f"analyze+entities+quotes on {len(sample)} articles: {n / took:,.0f} quotes/s, "
          f"{len(sample) / took:,.1f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

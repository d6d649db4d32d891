"""End-to-end speed of the whole pipeline on the PolNeAR news texts (about 700 words each).

    .venv/bin/python bench/pipeline_speed.py [--limit N] [--batch-size B] [--no-latency] [--profile accurate]

(--profile accurate needs the accurate extra, e.g. PYTHONPATH=src /work/tvenv/bin/python bench/pipeline_speed.py.)

Prints, for one process on one core:
  * the yardstick: spaCy's blank English tokenizer alone over the same texts (words/s, articles/s);
  * Turnstone end to end: cleaning + ``turnstone.core.default_pipeline()`` with ``nlp.pipe`` batches
    (articles/s/core, words/s, ratio to the yardstick), and the time spent in each stage;
  * the batch engine end to end into a SQLite store (``turnstone ingest`` with one worker);
  * peak RSS of this process, and the first-result latency of a fresh ``python`` process
    (interpreter start, imports, model load, first article).
Targets (issue 9): >= 50 articles/s/core, peak RSS < 500 MB per worker, first result < 2 s.
Reads ../shared (or $TURNSTONE_SHARED); prints a skip line when PolNeAR is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from _polnear import polnear_paths

from turnstone.batch.worker import DEFAULT_BATCH_SIZE  # the batch engine's own setting

FIRST_RESULT_SCRIPT = """
import sys
from turnstone.ingest.readers import article_from_text
from turnstone.core import default_pipeline
text = open(sys.argv[1], encoding="utf-8").read()
article = default_pipeline()(article_from_text(text))
print("done", len(article.quotes), flush=True)
"""


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def yardstick(texts: list[str]) -> float:
    """Seconds for spaCy's blank English tokenizer alone over the texts."""
    import spacy

    nlp = spacy.blank("en")
    t0 = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - t0


def pipeline_run(texts: list[str], batch_size: int) -> tuple[float, float, dict[str, float], int, int]:
    """Wall and CPU seconds for cleaning + the default pipeline, per-stage seconds, events and quotes."""
    from dataclasses import replace

    from turnstone.analyze.stage import get_nlp
    from turnstone.core import default_pipeline
    from turnstone.ingest.readers import article_from_text
    from turnstone.pipeline import Pipeline

    get_nlp()  # model loading (the profile's) is measured by the first-result latency, not here
    spent: dict[str, float] = defaultdict(float)

    def timed(stage):  # type: ignore[no-untyped-def]
        def one(article):  # type: ignore[no-untyped-def]
            t = time.process_time()
            out = stage.fn(article)
            spent[stage.name] += time.process_time() - t
            return out

        def many(articles):  # type: ignore[no-untyped-def]
            t = time.process_time()
            out = stage.batch(articles)
            spent[stage.name] += time.process_time() - t
            return out

        return replace(stage, fn=one, batch=many if stage.batch else None)

    base = default_pipeline()
    failed: list[str] = []
    # As in a batch run, a stage that fails on one article fails that article only; the count is printed.
    pipeline = Pipeline([timed(s) for s in base.stages],
                        on_error=lambda article, stage, error: failed.append(f"{stage.name}: {error!r}"))
    # Warm up (lazy lexicons, gazetteers) on a few texts outside the timing.
    list(pipeline.pipe([article_from_text(t) for t in texts[:5]], batch_size=batch_size))
    spent.clear()
    events = quotes = 0
    t0, cpu0 = time.perf_counter(), time.process_time()
    cleaning = time.process_time()
    articles = [article_from_text(t) for t in texts]
    spent["ingest (clean)"] = time.process_time() - cleaning
    for article in pipeline.pipe(articles, batch_size=batch_size):
        events += len(article.events)
        quotes += len(article.quotes)
        article.doc = None
    if failed:
        print(f"  ({len(failed)} articles failed in a stage, e.g. {failed[0]})")
    return time.perf_counter() - t0, time.process_time() - cpu0, dict(spent), events, quotes


def ingest_run(paths: list[Path], batch_size: int) -> tuple[float, int]:
    """Seconds for ``turnstone ingest`` (one worker, in process) into a fresh SQLite store."""
    from turnstone.batch.engine import IngestOptions, ingest

    with tempfile.TemporaryDirectory() as tmp:
        summary = ingest(paths, IngestOptions(db=str(Path(tmp) / "bench.db"), batch_size=batch_size))
    return summary.seconds, summary.articles


def first_result_latency(path: Path) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", FIRST_RESULT_SCRIPT, str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    took = time.perf_counter() - t0
    proc.wait()
    if not line.startswith("done"):
        raise RuntimeError("the first-result probe failed")
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="articles per nlp.pipe batch")
    parser.add_argument("--no-latency", action="store_true", help="skip the first-result probe")
    parser.add_argument("--json", action="store_true", help="print the numbers as one JSON line too")
    parser.add_argument("--profile", default=None, help="default or accurate (sets $TURNSTONE_PROFILE, so the "
                        "ingest run and the first-result probe use it too)")
    args = parser.parse_args()
    if args.profile:
        from turnstone.analyze.nlp import PROFILE_ENV

        os.environ[PROFILE_ENV] = args.profile
    paths = polnear_paths(args.limit)
    if not paths:
        return 0
    texts = [p.read_text(encoding="utf-8") for p in paths]
    n, n_words = len(texts), words(texts)

    from turnstone.analyze.nlp import MODEL_DIR, current_profile, load_nlp
    from turnstone.analyze.stage import get_nlp
    from turnstone.pipeline import pipeline_version

    meta = load_nlp().meta
    model = (f"trained model {meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
             if (MODEL_DIR / "config.cfg").exists() else "blank English + sentencizer")
    print(f"PolNeAR: {n} articles, {n_words:,} words ({n_words / n:.0f} words/article); {model}; "
          f"pipeline {pipeline_version()}; profile {current_profile()}; components {get_nlp().pipe_names}")

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: per-core rates use this process's CPU "
          "time, which other work on the machine does not inflate; wall-clock rates are shown beside them")
    cpu0 = time.process_time()
    tok_s = yardstick(texts)
    tok_cpu = time.process_time() - cpu0
    print(f"yardstick  spaCy blank English tokenizer: {n / tok_cpu:8.1f} articles/s/core  "
          f"{n_words / tok_cpu:10,.0f} words/s   (wall: {n / tok_s:.1f} articles/s)")

    took, cpu, spent, events, quotes = pipeline_run(texts, args.batch_size)
    rate = n / cpu
    print(f"turnstone  clean + default_pipeline():    {rate:8.1f} articles/s/core  {n_words / cpu:10,.0f} words/s"
          f"   (wall: {n / took:.1f} articles/s; {events} events, {quotes} quotes)")
    print(f"ratio      turnstone / tokenizer:          {tok_cpu / cpu:8.3f}  (the tokenizer alone is "
          f"{cpu / tok_cpu:.1f}x faster)")
    print("CPU time per stage (ms/article):")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:16s} {1000 * seconds / n:7.2f}  {100 * seconds / sum(spent.values()):5.1f}%")

    # Peak memory of one worker: the model, every lazily loaded lexicon, one batch of Docs (the
    # texts themselves, all held by this benchmark, are a few MB).
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS   {peak_mb:.0f} MB after the pipeline run (nlp.pipe batches of {args.batch_size})")
    ingest_s, stored = ingest_run(paths, args.batch_size)
    print(f"ingest     turnstone ingest -> SQLite, 1 worker: {stored / ingest_s:8.1f} articles/s "
          f"(reading, skip checks, pipeline, store writes)")

    latency = None if args.no_latency else first_result_latency(paths[0])
    if latency is not None:
        print(f"first result {latency:.2f} s after a fresh process starts (imports, model load, one article)")
    targets = [("articles/s/core >= 50", rate >= 50), ("peak RSS < 500 MB", peak_mb < 500)]
    if latency is not None:
        targets.append(("first result < 2 s", latency < 2))
    print("targets    " + "   ".join(f"{name}: {'met' if ok else 'NOT met'}" for name, ok in targets))
    if args.json:
        print(json.dumps({"profile": current_profile(), "articles": n, "words": n_words, "articles_per_s_core": round(rate, 2),
                          "words_per_s": round(n_words / cpu), "tokenizer_articles_per_s": round(n / tok_cpu, 2),
                          "ratio": round(tok_cpu / cpu, 4), "wall_articles_per_s": round(n / took, 2), "ingest_articles_per_s": round(stored / ingest_s, 2),
                          "peak_rss_mb": round(peak_mb), "first_result_s": latency,
                          "stage_ms_per_article": {k: round(1000 * v / n, 3) for k, v in spent.items()}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Store throughput: saves per second and event-query latency, SQLite (and PostgreSQL if TURNSTONE_PG_URL).

Articles are synthetic (built here, 5 events each, invented names), so the numbers measure the
store alone, not the pipeline. Run: ``.venv/bin/python bench/store_save.py [N]``.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

from turnstone.model import Article, Event, Participant, Place, Quote, Span
from turnstone.store import open_store

COUNTRIES = ["FRE", "SYL", "OCE", "EAS", "EUR", "GIL", "LIL", "BLE"]
TYPES = ["CONSULT", "AGREE", "ACCUSE", "ASSAULT", "AID", "THREATEN"]


def synthetic(i: int, rng: random.Random) -> Article:
    sentences, events = [], []
    offset = 0
    for k in range(5):
        a, b = rng.sample(COUNTRIES, 2)
        kind = rng.choice(TYPES)
        sentence = f"Officials of {a} and {b} were reported in item {i}.{k} doing {kind.lower()} things. "
        events.append(Event(id=f"v{k}", event=kind, actors=[Participant(name=a, country=a)],
                            recipients=[Participant(name=b, country=b)], date=f"2031-05-{rng.randint(1, 28):02d}",
                            place="Geneva", goldstein=rng.uniform(-10, 10),
                            evidence=Span(start=offset, end=offset + len(sentence) - 1, text=sentence[:-1])))
        sentences.append(sentence)
        offset += len(sentence)
    text = "".join(sentences)
    return Article(id=f"bench-{i}", text=text, published="2031-05-28", source="Bench Wire",
                   quotes=[Quote(id="q1", text=sentences[0][:-1], start=0, end=len(sentences[0]) - 1, kind="direct")],
                   places=[Place(text="Geneva", start=0, end=0, name="Geneva", country="CHE", lat=46.2, lon=6.1)],
                   events=events)


def bench(url: str, n: int) -> None:
    rng = random.Random(7)
    articles = [synthetic(i, rng) for i in range(n)]
    with open_store(url) as store:
        started = time.perf_counter()
        for art in articles:
            store.save(art, "1")
        save_s = time.perf_counter() - started
        started = time.perf_counter()
        again = sum(store.save(art, "1") for art in articles[:200])
        skip_s = time.perf_counter() - started
        started = time.perf_counter()
        rounds = 50
        for _ in range(rounds):
            store.events(actor="FRE", event="CONSULT", date_from="2031-05-10", limit=50)
            store.count_events(actor="FRE", event="CONSULT", date_from="2031-05-10")
        query_ms = (time.perf_counter() - started) / rounds * 1000
        started = time.perf_counter()
        for _ in range(rounds):
            store.search_articles("officials FRE", limit=20)
        search_ms = (time.perf_counter() - started) / rounds * 1000
        backend = "postgresql" if url.startswith("postgres") else "sqlite"
        print(f"{backend:10} {n} articles ({5 * n} events): save {n / save_s:7.1f} articles/s, "
              f"re-save (idempotent skip) {min(200, n) / skip_s:7.1f}/s (stored again: {again}), "
              f"filtered event page + count {query_ms:6.1f} ms, full-text search {search_ms:6.1f} ms, "
              f"clusters {len(store.clusters(limit=10_000))}")


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        bench(str(Path(tmp) / "bench.db"), n)
    if os.environ.get("TURNSTONE_PG_URL"):
        bench(os.environ["TURNSTONE_PG_URL"], n)
    return 0


if __name__ == "__main__":
    sys.exit(main())

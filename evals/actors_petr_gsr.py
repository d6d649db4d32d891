"""Actor coding against PETRARCH-2's gold standard records (PETR2_GSR_validation, 78 real sentences).

    .venv/bin/python evals/actors_petr_gsr.py [--details] [--shared ../shared]

For every expected event, the source and target CAMEO codes each have a country part (the first
three letters: ISO alpha-3, IGO, or --- for none). A code counts as right when the actors
Turnstone codes in that sentence include that country: the entities stage's entities (with their
country) plus the nationality words that modify an actor noun ("two Brazilian men" -> BRA),
which is what an event coder gets from ``resolve_actor``. "---" codes have no country to get
and are left out; IMG (international militant group) is right when an actor has no state and
sector REB. As a second number, for codes with a sector (USAGOV, GEOOPP) whose country was right,
the share where an actor of that country also has that sector (entities, plus each nationality
word with the next words resolved as an actor phrase: "the Georgian government"). Precision is the share of the distinct countries coded in a sentence with expected
events that some expected code names, so listing every country cannot score well.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sentence_codes(article, kb) -> set[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    """(country, sector) pairs of the actors coded in one sentence: entities and actor phrases."""
    import re

    from turnstone.extract.entities import article_date
    from turnstone.kb.resolve import resolve_phrase, scan

    codes = {(e.country, e.sector) for e in article.entities}
    when = article_date(article)
    for hit in scan(kb, article.text, when):  # "the Georgian government": a nationality and its noun
        if hit.kind == "country":
            tail = re.split(r"[,.;:()]", article.text[hit.start:hit.start + 60])[0]
            res = resolve_phrase(kb, " ".join(tail.split()[:4]), when)
            codes.add((res.country, res.sector))
    doc = article.doc
    if doc is not None and doc.has_annotation("DEP"):
        for chunk in doc.noun_chunks:  # "two Brazilian men", "a senior Guyanese police officer"
            res = resolve_phrase(kb, chunk.text, article_date(article))
            codes.add((res.country, res.sector))
    return codes


def sentence_countries(article, kb) -> tuple[set[str], set[str]]:  # type: ignore[no-untyped-def]
    """(countries of coded actors, sectors of stateless actors) in one analysed sentence."""
    from turnstone.extract.entities import article_date
    from turnstone.kb.resolve import scan

    countries = {e.country for e in article.entities if e.country}
    stateless = {e.sector for e in article.entities if not e.country and e.sector}
    for hit in scan(kb, article.text, article_date(article)):
        if hit.kind == "country" and hit.detail in ("demonym", "people"):
            countries.add(hit.code)
    return countries, stateless


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("TURNSTONE_SHARED", ROOT / ".." / "shared")))
    parser.add_argument("--details", action="store_true", help="List every missed code.")
    parser.add_argument("--without-kb-people", action="store_true",
                        help="Drop the knowledge base's people, to measure the text rules alone.")
    args = parser.parse_args()
    path = args.shared / "reference" / "petrarch" / "universalpetrarch" / "PETR2_GSR_validation.jsonl"
    if not path.exists():
        print(f"skipped: {path} is absent (shared reference data)")
        return 0
    logging.basicConfig(level=logging.ERROR)
    from turnstone.kb import default_kb
    from turnstone.model import Article
    from turnstone.pipeline import Pipeline

    kb = default_kb()
    if args.without_kb_people:  # before the pipeline builds its ruler from the same cached KB
        kb.actors = [a for a in kb.actors if a.type != "PERSON"]
        kb.reindex()
    pipeline = Pipeline.default(("analyze", "entities"))
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    total = right = skipped = 0
    with_sector = sector_right = 0
    coded = coded_right = 0
    misses: list[str] = []
    started = time.perf_counter()
    for rec in records:
        if not rec["expected_events"]:
            continue
        date = rec["date"] if len(rec["date"]) == 8 else "20" + rec["date"]  # a few records use YYMMDD
        article = pipeline(Article(id=rec["id"], text=rec["text"], published=f"{date[:4]}-{date[4:6]}-{date[6:]}"))
        countries, stateless = sentence_countries(article, kb)
        expected = set()
        for event in rec["expected_events"]:
            for role in ("source", "target"):
                code = event[role][:3]
                if code == "---":
                    skipped += 1
                    continue
                expected.add(code)
                total += 1
                ok = "REB" in stateless if code == "IMG" else code in countries
                right += ok
                sector = event[role][3:6] or None
                if ok and sector and code != "IMG":
                    with_sector += 1
                    want = "IGO" if code == "IGO" else sector
                    got = sentence_codes(article, kb)
                    hit = any(c == code and s == want for c, s in got)
                    sector_right += hit
                    if not hit:
                        misses.append(f"{rec['id']}: {role} {event[role]} sector: {sorted(map(str, got))} | "
                                      f"{rec['text'][:110]}")
                if not ok:
                    misses.append(f"{rec['id']}: {role} {event[role]} not in {sorted(countries)} | {rec['text'][:110]}")
        coded += len(countries)
        coded_right += len(countries & expected)
    elapsed = time.perf_counter() - started
    if args.without_kb_people:
        print("knowledge base without its people")
    print(f"data: {path} ({len(records)} sentences, {sum(bool(r['expected_events']) for r in records)} with events)")
    print(f"country part right: {right}/{total} = {right / total:.3f} of expected source/target codes "
          f"({skipped} '---' codes left out)")
    print(f"of those right with a sector in the code (e.g. USAGOV), sector right too: {sector_right}/{with_sector}"
          f" = {sector_right / max(with_sector, 1):.3f}")
    print(f"precision of coded countries: {coded_right}/{coded} = {coded_right / max(coded, 1):.3f}")
    print(f"time: {elapsed:.1f}s")
    if args.details:
        for line in misses:
            print("  missed", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

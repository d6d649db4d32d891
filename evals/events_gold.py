"""Events against the hand-made gold articles, per PLOVER type.

    .venv/bin/python evals/events_gold.py [GOLD.json ...]

Defaults to the seed gold in ../shared/gold/articles and the sample gold files shipped in
src/turnstone/sample_data. Matching follows `turnstone eval` (turnstone.evaluate.score_events):
a required gold event is found by a system event of the same type whose evidence overlaps the
gold evidence; it is right when the actor/recipient countries (or, for reciprocal events, all
parties) and the date agree. A system event overlapping no gold evidence of its type is false.
"""

from __future__ import annotations

import logging
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    logging.disable(logging.WARNING)
    from turnstone.evaluate import _event_attrs_ok, _find, _overlap, run_gold

    shared = Path(os.environ.get("TURNSTONE_SHARED", ROOT / ".." / "shared"))
    paths = [Path(p) for p in sys.argv[1:]] or sorted((shared / "gold" / "articles").glob("*.gold.json")) + sorted(
        (ROOT / "src" / "turnstone" / "sample_data").glob("*.gold.json"))
    if not paths:
        print("skipped: no gold files found")
        return 0
    per: dict[str, Counter[str]] = {}
    for path in paths:
        article, gold = run_gold(path)
        spans = [_find(article.text, g["evidence"]) for g in gold["events"]]
        used: set[str] = set()
        for g, span in zip(gold["events"], spans):
            if not g.get("required", True):
                continue
            c = per.setdefault(g["event"], Counter())
            c["gold"] += 1
            hits = [v for v in article.events if v.id not in used and v.event == g["event"] and span
                    and _overlap((v.evidence.start, v.evidence.end), span) > 0]
            good = [v for v in hits if _event_attrs_ok(g, v)]
            pick = (good or hits or [None])[0]
            if pick is not None:
                used.add(pick.id)
                c["found"] += 1
                c["right"] += bool(good)
        for v in article.events:
            pairs = [g for g, s in zip(gold["events"], spans)
                     if g["event"] == v.event and s and _overlap((v.evidence.start, v.evidence.end), s) > 0]
            if pairs and all(not g.get("required", True) for g in pairs):
                continue
            c = per.setdefault(v.event, Counter())
            c["system"] += 1
            c["false"] += not pairs
    print(f"data: {len(paths)} gold articles ({', '.join(p.name.split('.')[0] for p in paths)})")
    print(f"{'type':<11}{'gold':>6}{'found':>7}{'right':>7}{'system':>8}{'false':>7}")
    total: Counter[str] = Counter()
    for event in sorted(per):
        c = per[event]
        total.update(c)
        print(f"{event:<11}{c['gold']:>6}{c['found']:>7}{c['right']:>7}{c['system']:>8}{c['false']:>7}")
    print(f"{'all':<11}{total['gold']:>6}{total['found']:>7}{total['right']:>7}{total['system']:>8}{total['false']:>7}")
    print(f"recall {total['found'] / max(1, total['gold']):.2f}, with parties and date right "
          f"{total['right'] / max(1, total['gold']):.2f}; precision "
          f"{1 - total['false'] / max(1, total['system']):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

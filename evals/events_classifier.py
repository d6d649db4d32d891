"""Does the PLOVER sentence classifier help the lexicon on real sentences?

    .venv/bin/python evals/events_classifier.py [--details]

Measures the shipped classifier (``turnstone.extract.event_classifier``, trained on machine-made
stories) on real text only:

1. alone: how often its top type is one of the expected types of a sentence (PETR2 GSR, CAMEO
   root mapped to PLOVER) or the type of a gold event (seed, samples and held-out gold articles,
   the sentence around the gold evidence), also for the gold events the stage misses (what it
   could add);
2. as a veto on the lexicon's events: the events stage runs as shipped, then each system event
   whose type gets probability below a threshold in its sentence is dropped; the table gives,
   per threshold, what is still found and how many extras/false events remain.
   Dropping is simulated after the fact (later sentences' context is unchanged);
3. as a tie-breaker (row "tie"): of two events with the same parties over overlapping evidence but
   of different types ("held talks" read as AGREE and CONSULT), the one whose type the classifier
   finds less likely is dropped.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evals"))
THRESHOLDS = (0.0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1)


def _parties(v: Any) -> tuple[Any, ...]:
    return (frozenset(a.country for a in v.actors), frozenset(r.country for r in v.recipients))


def tie_losers(events: list[Any], prob: Callable[[int], dict[str, float]]) -> set[str]:
    """Ids of events that lose a tie: another event of the same sentence with the same parties and
    overlapping evidence, of another type the classifier finds likelier."""
    losers = set()
    for v in events:
        for w in events:
            if v is w or v.event == w.event or _parties(v) != _parties(w):
                continue
            if v.evidence.start < w.evidence.end and w.evidence.start < v.evidence.end \
                    and prob(v.evidence.start)[v.event] < prob(w.evidence.start)[w.event]:
                losers.add(v.id)
    return losers


def _sentence(article: Any, start: int) -> str:
    doc = article.doc
    for sent in doc.sents:
        if sent.start_char <= start < sent.end_char:
            return str(sent.text)
    return str(article.text[max(0, start - 100):start + 200])


def petr(shared: Path, prob: Callable[[str], dict[str, float]], details: bool) -> list[tuple[float, ...]]:
    """Per threshold: (found, extras) on PETR2 GSR, and the classifier's top-1 share."""
    from events_petr_gsr import matches, plover_types

    import turnstone

    path = shared / "reference" / "petrarch" / "universalpetrarch" / "PETR2_GSR_validation.jsonl"
    records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    records = [r for r in records if r["text"].strip()]
    top1 = n_typed = 0
    # per expected event: the probabilities of the events that find it; per system event: (p, matched)
    expected: list[list[tuple[float, bool]]] = []
    system: list[tuple[float, bool, bool]] = []
    for rec in records:
        date = rec["date"]
        published = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 and date[:2] in {"19", "20"} else None
        article = turnstone.process(rec["text"], published=published)
        probs = prob(rec["text"])
        typed = [plover_types(e["code"]) for e in rec["expected_events"] if plover_types(e["code"])]
        if typed:
            n_typed += 1
            top1 += max(probs, key=probs.__getitem__) in set().union(*typed)
        place_of = {p.name: p.country for p in article.places}
        losers = tie_losers(article.events, lambda _start, probs=probs: probs)
        used: set[str] = set()
        for exp in rec["expected_events"]:
            types = plover_types(exp["code"])
            if not types:
                continue
            hits = [v for v in article.events if matches(exp, v, types, place_of.get(v.place or ""))]
            used.update(v.id for v in hits)
            expected.append([(probs[v.event], v.id in losers) for v in hits])
        for v in article.events:
            system.append((probs[v.event], v.id in used, v.id in losers))
            if details:
                print(f"petr {'ok ' if v.id in used else 'EXTRA'} p={probs[v.event]:.3f} {v.event:<9} "
                      f"top={max(probs, key=probs.__getitem__)} {v.evidence.text[:60]!r}")
    print(f"PETR2 GSR: {n_typed} sentences with a PLOVER-typed expected event; classifier top type among "
          f"the expected: {top1}/{n_typed} = {top1 / max(1, n_typed):.3f}")
    rows: list[tuple[Any, ...]] = []
    for t in THRESHOLDS:
        found = sum(any(p >= t for p, _ in ps) for ps in expected)
        extra = sum(1 for p, ok, _ in system if p >= t and not ok)
        rows.append((t, found, len(expected), extra, extra / len(records)))
    found = sum(any(not lost for _, lost in ps) for ps in expected)
    extra = sum(1 for _, ok, lost in system if not lost and not ok)
    rows.append(("tie", found, len(expected), extra, extra / len(records)))
    return rows


def gold(paths: list[Path], prob: Callable[[str], dict[str, float]], details: bool) -> list[tuple[float, ...]]:
    """Per threshold: (found, right, false) over required gold events of the given files."""
    from turnstone.evaluate import _event_attrs_ok, _find, _overlap, run_gold

    top1 = n = missed = missed_typed = 0
    required: list[list[tuple[float, bool, bool]]] = []
    false: list[tuple[float, bool]] = []
    for path in paths:
        article, data = run_gold(path)
        spans = [_find(article.text, g["evidence"]) for g in data["events"]]
        cache: dict[int, dict[str, float]] = {}

        def p_of(start: int, cache: dict[int, dict[str, float]] = cache, article: Any = article) -> dict[str, float]:
            sent = _sentence(article, start)
            return cache.setdefault(hash(sent), prob(sent))

        losers = tie_losers(article.events, p_of)
        for g, span in zip(data["events"], spans):
            if not g.get("required", True) or not span:
                continue
            probs = p_of(span[0])
            n += 1
            top1 += max(probs, key=probs.__getitem__) == g["event"]
            hits = [v for v in article.events if v.event == g["event"]
                    and _overlap((v.evidence.start, v.evidence.end), span) > 0]
            if not hits:  # could the classifier find what the lexicon missed?
                missed += 1
                missed_typed += max(probs, key=probs.__getitem__) == g["event"]
            required.append([(p_of(v.evidence.start)[v.event], _event_attrs_ok(g, v), v.id in losers)
                             for v in hits])
        for v in article.events:
            pairs = [g for g, s in zip(data["events"], spans)
                     if g["event"] == v.event and s and _overlap((v.evidence.start, v.evidence.end), s) > 0]
            p = p_of(v.evidence.start)[v.event]
            if not pairs:
                false.append((p, v.id in losers))
            if details:
                print(f"gold {'ok ' if pairs else 'FALSE'} p={p:.3f} {v.event:<9} {v.evidence.text[:60]!r}")
    print(f"gold ({len(paths)} articles): classifier top type = gold type for {top1}/{n} = "
          f"{top1 / max(1, n):.3f} of required events' sentences; of the {missed} the events stage misses, "
          f"it types {missed_typed} right")
    rows: list[tuple[Any, ...]] = []
    for t in THRESHOLDS:
        found = sum(any(p >= t for p, _, _ in hs) for hs in required)
        right = sum(any(p >= t and ok for p, ok, _ in hs) for hs in required)
        rows.append((t, found, right, len(required), sum(p >= t for p, _ in false)))
    found = sum(any(not lost for _, _, lost in hs) for hs in required)
    right = sum(any(ok and not lost for _, ok, lost in hs) for hs in required)
    rows.append(("tie", found, right, len(required), sum(not lost for _, lost in false)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--shared", default=os.environ.get("TURNSTONE_SHARED", str(ROOT / ".." / "shared")))
    args = parser.parse_args()
    shared = Path(args.shared)
    if not (shared / "reference" / "petrarch").exists():
        print(f"skipped: {shared} has no reference/petrarch (set TURNSTONE_SHARED)")
        return 0
    logging.disable(logging.WARNING)
    from turnstone.extract.event_classifier import MODEL_PATH, load_classifier

    model = load_classifier()
    if model is None:
        print(f"skipped: {MODEL_PATH} not found (make event-model)")
        return 0
    print(f"model: {MODEL_PATH.name}, trained on {model.meta.get('data')}; "
          f"synthetic held-out accuracy {model.meta.get('synthetic_heldout_accuracy')}")
    rows = petr(shared, model.probabilities, args.details)
    print(f"{'veto p<':>8}{'found':>8}{'share':>7}{'extra':>7}{'/sent':>7}")
    for t, found, total, extra, per in rows:
        print(f"{t!s:>8}{found:>5}/{total:<3}{found / total:>6.3f}{extra:>7}{per:>7.3f}")
    sets = {
        "seed": sorted((shared / "gold" / "articles").glob("*.gold.json")),
        "samples": sorted((ROOT / "src" / "turnstone" / "sample_data").glob("*.gold.json")),
        "held-out": sorted((ROOT / "tests" / "golden" / "heldout").glob("*.gold.json")),
    }
    for name, paths in sets.items():
        if not paths:
            continue
        print(f"== {name}")
        rows = gold(paths, model.probabilities, args.details)
        print(f"{'veto p<':>8}{'found':>8}{'right':>7}{'false':>7}")
        for t, found, right, total, n_false in rows:
            print(f"{t!s:>8}{found:>5}/{total:<3}{right:>6}{n_false:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

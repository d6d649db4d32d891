"""Event coding against PETRARCH-2's gold standard records (PETR2_GSR_validation, 78 real sentences).

    .venv/bin/python evals/events_petr_gsr.py [--details] [--no-place-targets] [--gold-parse] [--word-order]

An expected event (CAMEO source, target, code) counts as found when Turnstone codes, from that
sentence, an event whose PLOVER type is the one the code's CAMEO root maps to (PLOVER manual
table; 08 YIELD maps to CONCEDE or RETREAT, and the code-level crosswalk is also accepted), with
the source's country among the actors and the target's among the recipients (for a reciprocal
event with no recipients, both among the actors; PETRARCH codes an event's location as its target
where PLOVER gives a place, so for an event with no recipients the place's country counts as the
target unless --no-place-targets). Countries are the first three letters of the
CAMEO actor codes; "---" (unknown) matches any country, IMG (international militant group)
matches an actor with no state. Extra events are system events that match no expected event.

PLOVER drops CAMEO 01 (public statements) and 02 (appeals). The headline share leaves out
expected events with root 01, which PLOVER cannot express, and maps 02 to REQUEST (PLOVER's
REQUEST covers "all requests, demands and orders"; the manual's note 2 allows documented
exceptions like this one). The strict share over every expected event is printed too.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ROOT_TO_PLOVER = {
    "03": {"AGREE"}, "04": {"CONSULT"}, "05": {"SUPPORT"}, "06": {"COOPERATE"}, "07": {"AID"},
    "08": {"CONCEDE", "RETREAT"}, "09": {"ACCUSE"}, "10": {"REQUEST"}, "11": {"ACCUSE"}, "12": {"REJECT"},
    "13": {"THREATEN"}, "14": {"PROTEST"}, "15": {"MOBILIZE"}, "16": {"SANCTION"}, "17": {"COERCE"},
    "18": {"ASSAULT"}, "19": {"ASSAULT"}, "20": {"ASSAULT"},
}
APPEAL_AS_REQUEST = {"02": {"REQUEST"}}


def plover_types(code: str, *, appeals: bool = True) -> set[str]:
    from turnstone.extract.cameo import plover_for_cameo

    types = set(ROOT_TO_PLOVER.get(code[:2], set()))
    if appeals:
        types |= APPEAL_AS_REQUEST.get(code[:2], set())
    exact = plover_for_cameo(code)
    if exact and types:
        types.add(exact)
    return types


def country_ok(want: str, got: set[str | None]) -> bool:
    code = want[:3]
    if code == "---":
        return True
    if code == "IMG":
        return bool(got & {None, "IMG"})
    return code in got


def matches(expected: dict[str, str], v: Any, types: set[str], place_country: str | None = None) -> bool:
    if v.event not in types:
        return False
    actors = {a.country for a in v.actors}
    recipients = {r.country for r in v.recipients}
    if country_ok(expected["source"], actors) and country_ok(expected["target"], recipients):
        return True
    if not recipients and place_country and country_ok(expected["source"], actors) \
            and country_ok(expected["target"], {place_country}):
        return True  # PETRARCH codes the location as the target where PLOVER has a place
    if not recipients:  # a reciprocal event: both parties are actors
        return len(v.actors) >= 2 and country_ok(expected["source"], actors) and country_ok(expected["target"], actors)
    return False


def gold_parses(xml_path: Path) -> dict[str, list[list[str]]]:
    """Sentence id -> the CoNLL-U rows of its hand-checked UD parse, from the validation XML."""
    text = xml_path.read_text(encoding="utf-8")
    parses: dict[str, list[list[str]]] = {}
    for m in re.finditer(r'<Sentence [^>]*id="([^"]+)"[^>]*/>(.*?)</Sentence>', text, re.DOTALL):
        block = re.search(r"<Parse>(.*?)</Parse>", m.group(2), re.DOTALL)
        if block:
            rows = [ln.split("\t") for ln in block.group(1).strip().splitlines() if ln.count("\t") >= 9]
            parses[m.group(1)] = [r for r in rows if r[0].isdigit()]
    return parses


def parsed_article(rows: list[list[str]], published: str | None) -> Any:
    """An Article whose Doc carries the gold UD parse, run through every stage after analyze."""
    from spacy.tokens import Doc

    from turnstone.analyze.stage import get_nlp
    from turnstone.model import Article
    from turnstone.pipeline import DEFAULT_STAGES, REGISTRY, _load_builtin_stages

    _load_builtin_stages()
    nlp = get_nlp()
    words = [r[1] for r in rows]
    spaces = ["SpaceAfter=No" not in r[9] for r in rows]
    heads = [int(r[6]) - 1 if r[6] != "0" else i for i, r in enumerate(rows)]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=[r[7] for r in rows],
              pos=[r[3] for r in rows], tags=[r[4] for r in rows], lemmas=[r[2] for r in rows])
    for name, proc in nlp.pipeline:
        if name not in {"sentencizer", "senter", "parser", "tagger", "morphologizer", "tok2vec", "lemmatizer"}:
            doc = proc(doc)
    article = Article(text=doc.text, published=published)
    article.ensure_id()
    article.doc = doc
    for name in DEFAULT_STAGES[1:]:
        article = REGISTRY[name](article)
    return article


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--no-place-targets", dest="place_targets", action="store_false",
                        help="do not accept the event's place country as PETRARCH's target")
    parser.add_argument("--word-order", action="store_true",
                        help="with --gold-parse: read roles by word order only (to compare with the parse rules)")
    parser.add_argument("--gold-parse", action="store_true",
                        help="use the hand-checked UD parses in the XML (measures the dependency rules)")
    parser.add_argument("--shared", default=os.environ.get("TURNSTONE_SHARED", str(ROOT / ".." / "shared")))
    args = parser.parse_args()
    path = Path(args.shared) / "reference" / "petrarch" / "universalpetrarch" / "PETR2_GSR_validation.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found (set TURNSTONE_SHARED)")
        return 0
    logging.disable(logging.WARNING)
    import turnstone

    if args.word_order:
        import turnstone.extract.events as events_module

        events_module.hybrid_roles = events_module.linear_roles  # type: ignore[assignment]

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if r["text"].strip()]
    parses = gold_parses(path.with_suffix(".xml")) if args.gold_parse else {}
    if args.gold_parse:
        records = [r for r in records if r["id"] in parses]
    expected_n = found_n = strict_n = strict_found = 0
    system_n = extra_n = noevent_extra = 0
    per_type: dict[str, Counter[str]] = {}
    started = time.perf_counter()
    for rec in records:
        date = rec["date"]
        published = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 and date[:2] in {"19", "20"} else None
        if args.gold_parse:
            if rec["id"] not in parses:
                continue
            article = parsed_article(parses[rec["id"]], published)
        else:
            article = turnstone.process(rec["text"], published=published)
        used: set[str] = set()
        lines = []
        place_of = {p.name: p.country for p in article.places}

        def hit(exp: dict[str, str], v: Any, types: set[str], place_of: dict[str, Any] = place_of) -> bool:
            return matches(exp, v, types, place_of.get(v.place or "") if args.place_targets else None)

        for exp in rec["expected_events"]:
            strict_n += 1
            strict_types = plover_types(exp["code"], appeals=False)
            strict_found += any(hit(exp, v, strict_types) for v in article.events)
            types = plover_types(exp["code"])
            if not types:
                lines.append(f"  -  {exp['source']}->{exp['target']} {exp['code']} (CAMEO 01: no PLOVER type)")
                continue
            expected_n += 1
            label = "/".join(sorted(types))
            per_type.setdefault(label, Counter())["expected"] += 1
            hits = [v for v in article.events if hit(exp, v, types)]
            if hits:
                found_n += 1
                per_type[label]["found"] += 1
                used.update(v.id for v in hits)
            lines.append(f"  {'OK' if hits else 'MISS'} {exp['source']}->{exp['target']} {exp['code']} {label}")
        for v in article.events:
            system_n += 1
            per_type.setdefault(v.event, Counter())["system"] += 1
            if v.id not in used:
                extra_n += 1
                per_type[v.event]["extra"] += 1
                noevent_extra += rec["noevents"]
            lines.append(f"  {'sys' if v.id in used else 'EXTRA'} {v.event}/{v.mode} {v.cameo} "
                         f"{[a.country for a in v.actors]}->{[r.country for r in v.recipients]} "
                         f"{v.evidence.text[:70]!r}")
        if args.details:
            print(f"{rec['id']}: {rec['text'][:110]}")
            print("\n".join(lines))
    seconds = time.perf_counter() - started
    n = len(records)
    print(f"data: {path} ({n} sentences with text, {strict_n} expected events; "
          f"{expected_n} with a PLOVER type); place as target: {args.place_targets}")
    print(f"found (right PLOVER type from the CAMEO root, right source and target countries): "
          f"{found_n}/{expected_n} = {found_n / max(1, expected_n):.3f}")
    print(f"strict (CAMEO 01 and 02 count as misses): {strict_found}/{strict_n} = {strict_found / max(1, strict_n):.3f}")
    print(f"system events: {system_n}; extra (matching no expected event): {extra_n} = "
          f"{extra_n / max(1, n):.3f} per sentence; on the {sum(r['noevents'] for r in records)} "
          f"sentences with no expected event: {noevent_extra}")
    print(f"time: {seconds:.1f}s ({1000 * seconds / max(1, n):.0f} ms per sentence, incl. model load)")
    print(f"{'type':<20}{'expected':>9}{'found':>7}{'share':>7}{'system':>8}{'extra':>7}")
    for label in sorted(per_type):
        c = per_type[label]
        share = f"{c['found'] / c['expected']:.2f}" if c["expected"] else "-"
        print(f"{label:<20}{c['expected']:>9}{c['found']:>7}{share:>7}{c['system']:>8}{c['extra']:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

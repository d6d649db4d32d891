"""Score the pipeline against hand-made gold articles (``*.gold.json``).

For each section the report gives precision and recall, first for finding the item at all and
then with its attributes right (entity country and sector, quote speaker, time value, place
country and GeoNames id, event actors, recipients and date). Gold items marked
``required: false`` count as neither missed nor false: finding one is not rewarded and not
punished. Entities that a gold place names (Munich, Kyiv) are also neutral, because gold lists
them under places. Reported speech (``kind: indirect``) is counted apart, since the gold lists
only quotation-marked quotes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Article

PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their", "we", "i"}


@dataclass
class Tally:
    """Counts for one section: found items and items with all attributes right."""

    gold: int = 0  # required gold items
    system: int = 0  # system items counted for precision (neutral ones excluded)
    found: int = 0  # required gold items matched
    correct: int = 0  # required gold items matched with the right attributes
    system_matched: int = 0  # system items that match some gold item
    system_correct: int = 0  # system items that match some gold item with the right attributes
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("gold", "system", "found", "correct", "system_matched", "system_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed
        self.wrong += other.wrong
        self.false += other.false

    def system_item(self, label: str, matched: bool, right: bool = False) -> None:
        """Count one system item: false (listed by ``label``), matched, or matched and right."""
        self.system += 1
        if not matched:
            self.false.append(label)
            return
        self.system_matched += 1
        self.system_correct += right

    def scores(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 1.0

        def f1(p: float, r: float) -> float:
            return round(2 * p * r / (p + r), 3) if p + r else 0.0

        p, r = ratio(self.system_matched, self.system), ratio(self.found, self.gold)
        pa, ra = ratio(self.system_correct, self.system), ratio(self.correct, self.gold)
        return {"gold": self.gold, "system": self.system, "precision": p, "recall": r, "f1": f1(p, r),
                "attr_precision": pa, "attr_recall": ra, "attr_f1": f1(pa, ra)}


def _norm(s: str) -> str:
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def _find(text: str, needle: str, after: int = 0) -> tuple[int, int] | None:
    """Locate ``needle`` in ``text`` ignoring quote style, case and spacing."""
    pattern = re.escape(_norm(needle)).replace("'", "['’‘]").replace('"', '["“”]').replace(r"\ ", r"\s+")
    m = re.compile(pattern, re.IGNORECASE).search(text, after)
    return (m.start(), m.end()) if m else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _name_keys(name: str, mentions: Iterable[str]) -> set[str]:
    keys = {re.sub(r"^(the|a|an) ", "", _norm(name))}
    for m in mentions:
        key = _norm(m)
        if key and key not in PRONOUNS:
            keys.add(re.sub(r"^(the|a|an) ", "", key))
    return keys


def _same_actor(gold: dict[str, Any], name: str, mentions: Iterable[str]) -> bool:
    gkeys = _name_keys(gold["name"], gold.get("mentions", []))
    skeys = _name_keys(name, mentions)
    if gkeys & skeys:
        return True
    gsur, ssur = _norm(gold["name"]).split()[-1], (_norm(name).split() or [""])[-1]
    return gold.get("type") == "PERSON" and gsur == ssur and len(gsur) > 2


def score_entities(article: Article, gold: dict[str, Any]) -> Tally:
    t = Tally()
    place_texts = {_norm(p["text"]) for p in gold.get("places", [])}
    matched: dict[str, dict[str, Any]] = {}  # system entity id -> gold entity
    for g in gold["entities"]:
        hits = [e for e in article.entities if e.id not in matched
                and _same_actor(g, e.name, [m.text for m in e.mentions])]
        best = hits[0] if hits else None
        if best:
            matched[best.id] = g
        if not g.get("required", True):
            continue
        t.gold += 1
        if not best:
            t.missed.append(g["name"])
            continue
        t.found += 1
        if _entity_attrs_ok(g, best.country, best.sector):
            t.correct += 1
        else:
            t.wrong.append(f"{g['name']}: got {best.country}/{best.sector}, want {g.get('country')}/{g.get('sector')}")
    for e in article.entities:
        g = matched.get(e.id)
        if g is None and (_norm(e.name) in place_texts or any(_norm(m.text) in place_texts for m in e.mentions)):
            continue
        if g is not None and not g.get("required", True):
            continue
        t.system_item(f"{e.name} ({e.type})", g is not None, g is not None and _entity_attrs_ok(g, e.country, e.sector))
    return t


def _entity_attrs_ok(g: dict[str, Any], country: str | None, sector: str | None) -> bool:
    if g.get("country") and country != g["country"]:
        return False
    accept = g.get("sector_accept") or ([g["sector"]] if g.get("sector") else [])
    return not accept or sector in accept


def score_quotes(article: Article, gold: dict[str, Any]) -> Tally:
    t = Tally()
    text = article.text
    quoted = [q for q in article.quotes if q.kind != "indirect"]
    used: set[str] = set()
    gold_spans = []
    for g in gold["quotes"]:
        span = _find(text, g["text"])
        gold_spans.append(span)
        if not g.get("required", True):
            continue
        t.gold += 1
        hit = _best_quote(quoted, span, used) if span else None
        if not hit:
            t.missed.append(g["text"][:60])
            continue
        used.add(hit.id)
        t.found += 1
        if _speaker_ok(article, hit.speaker, hit.speaker_name, g["speaker"], gold):
            t.correct += 1
        else:
            t.wrong.append(f"{g['text'][:40]!r}: speaker {hit.speaker_name}, want {g['speaker']}")
    for q in quoted:
        pairs = [(g, s) for g, s in zip(gold["quotes"], gold_spans) if s and _quote_overlaps((q.start, q.end), s)]
        if pairs and not pairs[0][0].get("required", True):
            continue
        t.system_item(q.text[:60], bool(pairs),
                      bool(pairs) and _speaker_ok(article, q.speaker, q.speaker_name, pairs[0][0]["speaker"], gold))
    return t


def _quote_overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return _overlap(a, b) >= 0.5 * max(a[1] - a[0], b[1] - b[0])


def _best_quote(quotes: list[Any], span: tuple[int, int], used: set[str]) -> Any:
    hits = [q for q in quotes if q.id not in used and _quote_overlaps((q.start, q.end), span)]
    return max(hits, key=lambda q: _overlap((q.start, q.end), span)) if hits else None


def _speaker_ok(article: Article, speaker_id: str | None, speaker_name: str | None, want: str,
                gold: dict[str, Any]) -> bool:
    g = next((e for e in gold["entities"] if e["name"] == want), {"name": want, "type": "PERSON"})
    entity = article.entity(speaker_id)
    if entity is not None:
        return _same_actor(g, entity.name, [m.text for m in entity.mentions])
    return bool(speaker_name) and _same_actor(g, speaker_name or "", [])


def score_times(article: Article, gold: dict[str, Any]) -> Tally:
    t = Tally()
    text = article.text
    taken: set[int] = set()
    located: list[tuple[dict[str, Any], tuple[int, int] | None]] = []
    for g in gold["times"]:
        after = 0
        if g.get("sentence_starts"):
            anchor = _find(text, g["sentence_starts"])
            after = anchor[0] if anchor else 0
        span = _find(text, g["text"], after)
        while span and span[0] in taken and not g.get("sentence_starts"):
            span = _find(text, g["text"], span[1])
        if span:
            taken.add(span[0])
        located.append((g, span))
    matched_sys: dict[int, dict[str, Any]] = {}
    for g, span in located:
        hits = [i for i, x in enumerate(article.times) if span and _overlap((x.start, x.end), span) > 0]
        for i in hits:
            matched_sys.setdefault(i, g)
        if not g.get("required", True):
            continue
        t.gold += 1
        if not hits:
            t.missed.append(g["text"])
            continue
        t.found += 1
        values = [article.times[i].value for i in hits]
        if any(_time_value_ok(g, v) for v in values):
            t.correct += 1
        else:
            t.wrong.append(f"{g['text']}: got {values}, want {g['value']}")
    for i, x in enumerate(article.times):
        g = matched_sys.get(i)
        if g is not None and not g.get("required", True):
            continue
        t.system_item(f"{x.text} = {x.value}", g is not None, g is not None and _time_value_ok(g, x.value))
    return t


def _time_value_ok(g: dict[str, Any], value: str | None) -> bool:
    return value == g["value"] or value in g.get("accept", [])


def score_places(article: Article, gold: dict[str, Any]) -> Tally:
    t = Tally()
    by_text: dict[str, dict[str, Any]] = {_norm(g["text"]): g for g in gold["places"]}
    for g in gold["places"]:
        if not g.get("required", True):
            continue
        t.gold += 1
        hits = [p for p in article.places if _same_place_text(p.text, g["text"])]
        if not hits:
            t.missed.append(g["text"])
            continue
        t.found += 1
        if any(_place_ok(g, p.country, p.geonames_id) for p in hits):
            t.correct += 1
        else:
            t.wrong.append(f"{g['text']}: got {hits[0].country}/{hits[0].geonames_id}, want {g['country']}")
    for p in article.places:
        g = by_text.get(_norm(p.text)) or next((g for g in gold["places"] if _same_place_text(p.text, g["text"])), None)
        if g is not None and not g.get("required", True):
            continue
        t.system_item(p.text, g is not None, g is not None and _place_ok(g, p.country, p.geonames_id))
    return t


def _same_place_text(system: str, gold: str) -> bool:
    """The same name, or one inside the other as whole words ("Kursk" and "Kursk region")."""
    a, b = _norm(system), _norm(gold)
    short, long = sorted((a, b), key=len)
    return a == b or bool(short) and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long) is not None


def _place_ok(g: dict[str, Any], country: str | None, geonames_id: int | None) -> bool:
    return country == g["country"] and (not g.get("geonames_id") or geonames_id == g["geonames_id"])


def score_events(article: Article, gold: dict[str, Any]) -> Tally:
    t = Tally()
    text = article.text
    spans = [_find(text, g["evidence"]) for g in gold["events"]]
    used: set[str] = set()
    for g, span in zip(gold["events"], spans):
        if not g.get("required", True):
            continue
        t.gold += 1
        hits = [v for v in article.events if v.id not in used and v.event == g["event"] and span
                and _overlap((v.evidence.start, v.evidence.end), span) > 0]
        good = [v for v in hits if _event_attrs_ok(g, v)]
        if not hits:
            t.missed.append(f"{g['event']}: {g['evidence'][:50]}")
            continue
        pick = (good or hits)[0]
        used.add(pick.id)
        t.found += 1
        if good:
            t.correct += 1
        else:
            t.wrong.append(f"{g['event']} {g['evidence'][:40]!r}: got {_parties(pick)} {pick.date}, "
                           f"want {g['actors']}->{g.get('recipients', [])} {g.get('date')}")
    for v in article.events:
        pairs = [g for g, s in zip(gold["events"], spans)
                 if g["event"] == v.event and s and _overlap((v.evidence.start, v.evidence.end), s) > 0]
        if pairs and all(not g.get("required", True) for g in pairs):
            continue
        t.system_item(f"{v.event} {_parties(v)}: {v.evidence.text[:60]}", bool(pairs),
                      any(_event_attrs_ok(g, v) for g in pairs))
    return t


def _parties(v: Any) -> str:
    return f"{[a.country for a in v.actors]}->{[r.country for r in v.recipients]}"


def _event_attrs_ok(g: dict[str, Any], v: Any) -> bool:
    actors = {a.country for a in v.actors}
    recipients = {r.country for r in v.recipients}
    want_a, want_r = set(g["actors"]), set(g.get("recipients", []))
    exact = actors == want_a and recipients == want_r
    reciprocal = (g.get("reciprocal_ok") or not want_r) and actors | recipients == want_a | want_r
    if not (exact or reciprocal):
        return False
    return not g.get("date") or v.date == g["date"]


def score_removed(article: Article, gold: dict[str, Any]) -> Tally:
    t = Tally()
    removed = [_norm(r.text) for r in article.removed]
    wanted = [_norm(b) for b in gold.get("boilerplate", [])]
    t.gold = t.found = t.correct = 0
    for w in wanted:
        t.gold += 1
        if w in removed:
            t.found += 1
            t.correct += 1
        else:
            t.missed.append(w)
    for r in removed:
        t.system_item(r, r in wanted, r in wanted)
    return t


SECTIONS = {"entities": score_entities, "quotes": score_quotes, "times": score_times,
            "places": score_places, "events": score_events, "removed": score_removed}


def run_gold(gold_path: Path) -> tuple[Article, dict[str, Any]]:
    """Process the article a gold file annotates; returns the result and the gold."""
    from .core import process_paths

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    meta = gold["article"]
    article_path = gold_path.parent / meta["file"]
    items = list(process_paths([article_path], published=meta.get("published"), source=meta.get("source")))
    article = items[0]
    if not isinstance(article, Article):
        raise article
    return article, gold


def evaluate_files(paths: Iterable[Path]) -> dict[str, Any]:
    """Score every gold file; returns per-section scores, totals and the lists of errors."""
    totals = {name: Tally() for name in SECTIONS}
    per_file: dict[str, Any] = {}
    for path in paths:
        article, gold = run_gold(Path(path))
        file_scores = {}
        for name, scorer in SECTIONS.items():
            tally = scorer(article, gold)
            totals[name].add(tally)
            file_scores[name] = tally.scores()
        per_file[Path(path).name] = file_scores
    return {
        "sections": {name: t.scores() for name, t in totals.items()},
        "errors": {name: {"missed": t.missed, "wrong": t.wrong, "false": t.false} for name, t in totals.items()},
        "files": per_file,
    }


def render_report(report: dict[str, Any], *, details: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table("section", "gold", "system", "P", "R", "F1", "P (attrs)", "R (attrs)", "F1 (attrs)",
                  title="Turnstone vs gold (attrs: entity country+sector, quote speaker, time value, "
                        "place country+id, event parties+date)")
    for name, s in report["sections"].items():
        table.add_row(name, str(s["gold"]), str(s["system"]), f"{s['precision']:.2f}", f"{s['recall']:.2f}",
                      f"{s['f1']:.2f}", f"{s['attr_precision']:.2f}", f"{s['attr_recall']:.2f}",
                      f"{s['attr_f1']:.2f}")
    console.print(table)
    if details:
        for name, errs in report["errors"].items():
            for kind in ("missed", "wrong", "false"):
                for item in errs[kind]:
                    console.print(f"[bold]{name}[/bold] {kind}: {item}", markup=True, highlight=False)

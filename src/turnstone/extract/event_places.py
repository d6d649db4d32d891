"""Where an event happened, and places that stand in for a missing recipient.

PETRARCH and ICEWS code the location of a protest, deployment or attack as its target when no
party is named ("military exercises in Alaska" -> USA); an event's own place is a town or region
named in or right after its words ("the meeting with Zelensky in Munich").
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Article, Participant
from .event_actors import ActorSpan
from .event_rules import Candidate
from .places import place_for_span

# How far (characters) after an event's evidence its place may be named: "with Zelensky in Munich".
PLACE_REACH = 25
LOCATIVE = re.compile(r"\b(in|at|near|outside|inside)\s+(the\s+)?$", re.IGNORECASE)


def all_places(article: Article, doc: Any, spans: list[ActorSpan]) -> bool:
    """Whether every span is a town or region (not a country) the places stage found."""
    towns = [(p.start, p.end) for p in article.places if p.feature != "country"]
    countries = {p.name for p in article.places if p.feature == "country"}
    kinds = {e.id: (e.type, e.name) for e in article.entities}

    def town(s: ActorSpan) -> bool:
        if s.source == "place" or any(a <= doc[s.tok_start].idx < b for a, b in towns):
            return True
        # a settlement the gazetteer lacks ("the village of Robotyne"): a GPE that is no country
        found = [kinds.get(p.entity or "") for p in s.participants]
        return bool(found) and all(k is not None and k[0] in {"GPE", "LOC", "FAC"} and k[1] not in countries
                                   for k in found)
    return all(town(s) for s in spans)


def event_place(article: Article, span: tuple[int, int]) -> str | None:
    """The name of the place an event's evidence (character span) happened at, or None."""
    found = place_for_span(article, *span)
    # only a place in the event's own words or right after them ("meeting ... in Munich")
    if found is not None and span[0] <= found.start and found.start - span[1] <= PLACE_REACH \
            and LOCATIVE.search(article.text[max(0, found.start - 12):found.start]):
        return str(found.name)
    return None


def sentence_place(article: Article, sent: Any) -> list[ActorSpan]:
    """The first located place of a sentence that is not a country ("in Gaza", "in northern Mali")."""
    for p in article.places:
        if p.country and sent.start_char <= p.start < sent.end_char \
                and LOCATIVE.search(article.text[max(0, p.start - 20):p.start].replace("northern ", "")
                                    .replace("southern ", "").replace("eastern ", "").replace("western ", "")):
            part = Participant(name=p.name, country=p.country)
            return [ActorSpan(p.start, p.end, 0, 0, [part], source="place")]
    return []


def place_recipient(article: Article, cand: Candidate, sent: Any) -> list[ActorSpan]:
    """Where a protest, deployment or attack happened names its target when nothing else does
    ("military exercises in Alaska" -> USA)."""
    doc = article.doc
    after = doc[cand.match.end - 1].idx
    for p in article.places:
        if p.country and after < p.start < sent.end_char and p.start - after <= PLACE_REACH * 2 \
                and LOCATIVE.search(article.text[max(0, p.start - 12):p.start]):
            part = Participant(name=p.name, country=p.country)
            return [ActorSpan(p.start, p.end, cand.match.end, cand.match.end, [part], source="place")]
    return []

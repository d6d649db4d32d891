"""Events: a first trigger lexicon over sentences that name two actors."""

from __future__ import annotations

from ..model import Article, Event, Participant, Span
from ..pipeline import stage

TRIGGERS = {
    "agreed": ("AGREE", None), "spoke": ("CONSULT", "phone"), "call": ("CONSULT", "phone"),
    "conversation": ("CONSULT", "phone"), "meeting": ("CONSULT", "meet"), "met": ("CONSULT", "meet"),
    "release": ("RETREAT", "release"), "attacked": ("ASSAULT", None), "accused": ("ACCUSE", None),
}


def find_events(article: Article) -> list[Event]:
    events: list[Event] = []
    for sent in article.doc.sents:
        trigger = next((t for t in sent if t.lower_ in TRIGGERS), None)
        if trigger is None:
            continue
        inside = [e for e in article.entities if e.country and any(
            sent.start_char <= m.start < sent.end_char for m in e.mentions)]
        if len(inside) < 2:
            continue
        kind, mode = TRIGGERS[trigger.lower_]
        actor, recipient = inside[0], inside[1]
        events.append(Event(
            id=f"v{len(events) + 1}", event=kind, mode=mode, date=article.published,
            actors=[Participant(entity=actor.id, name=actor.name, country=actor.country, sector=actor.sector)],
            recipients=[Participant(entity=recipient.id, name=recipient.name, country=recipient.country,
                                    sector=recipient.sector)],
            evidence=Span(start=sent.start_char, end=sent.end_char, text=sent.text), confidence=0.3))
    return events


@stage("events", requires=("doc", "entities"), assigns=("events",))
def extract_events(article: Article) -> Article:
    article.events = find_events(article)
    return article

"""Flatten an Article into table rows, and small helpers the SQL store shares."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Event, Place
from . import cluster as clu


@dataclass
class ArticleRows:
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    participants: list[dict[str, Any]] = field(default_factory=list)


def _place_of(article: Article, event: Event) -> Place | None:
    """The resolved place an event names (by name or surface text), if the article has it."""
    if not event.place:
        return None
    wanted = event.place.lower()
    for place in article.places:
        if place.name.lower() == wanted or place.text.lower() == wanted:
            return place
    return None


def article_rows(article: Article, article_id: str) -> ArticleRows:
    """Rows for the entities, quotes, events and participants tables; events carry a ``_signature``."""
    rows = ArticleRows()
    for ent in article.entities:
        rows.entities.append({"article_id": article_id, "entity_id": ent.id, "name": ent.name, "type": ent.type,
                              "country": ent.country, "sector": ent.sector, "title": ent.title,
                              "n_mentions": len(ent.mentions)})
    for seq, quote in enumerate(article.quotes):
        rows.quotes.append({"article_id": article_id, "quote_id": quote.id, "seq": seq, "text": quote.text,
                            "kind": quote.kind, "speaker": quote.speaker, "speaker_name": quote.speaker_name,
                            "q_start": quote.start, "q_end": quote.end})
    for seq, ev in enumerate(article.events):
        place = _place_of(article, ev)
        # An event without its own date is dated by its article, so date filters still see it.
        start, end = clu.date_range(ev.date or article.published)
        actors = {clu.participant_key(p.name, p.country) for p in ev.actors} - {""}
        recipients = {clu.participant_key(p.name, p.country) for p in ev.recipients} - {""}
        signature = clu.Signature(ev.event, start, end, actors | recipients, clu.evidence_tokens(ev.evidence.text),
                                  actors, recipients, place.name if place else ev.place)
        rows.events.append({
            "article_id": article_id, "event_id": ev.id, "seq": seq, "event": ev.event, "mode": ev.mode,
            "cameo": ev.cameo, "goldstein": ev.goldstein, "plover_score": ev.plover_score,
            "confidence": ev.confidence, "date": ev.date, "date_start": start, "date_end": end,
            "place": ev.place, "place_country": place.country if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "negated": ev.negated, "hypothetical": ev.hypothetical, "future": ev.future,
            "historical": ev.historical,
            "actor_names": "; ".join(p.name for p in ev.actors),
            "recipient_names": "; ".join(p.name for p in ev.recipients),
            "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end,
            "evidence_text": ev.evidence.text, "data": json.dumps(ev.model_dump(mode="json"), ensure_ascii=False),
            "_signature": signature,
        })
        for role, people in (("actor", ev.actors), ("recipient", ev.recipients)):
            for p in people:
                rows.participants.append({"article_id": article_id, "event_id": ev.id, "role": role,
                                          "name": p.name, "name_lower": p.name.lower(),
                                          "country": p.country.upper() if p.country else None,
                                          "sector": p.sector, "entity": p.entity})
    return rows


def newer_or_same(stored: str, incoming: str) -> bool:
    """Whether results from ``stored`` should be kept when ``incoming`` arrives.

    Identical versions keep. Otherwise the public PEP 440 versions decide (``0.2.0`` replaces
    ``0.1.0``, never the other way); equal public versions with another local part (the stage
    list in ``turnstone.pipeline.pipeline_version``) or unparsable versions replace.
    """
    if stored == incoming:
        return True
    try:
        from packaging.version import InvalidVersion, Version
    except ImportError:  # pragma: no cover - packaging ships with pip/setuptools
        return False
    try:
        old, new = Version(stored), Version(incoming)
    except InvalidVersion:
        return False
    if old.public != new.public:
        return Version(old.public) > Version(new.public)
    return False


_TERM = re.compile(r"\w+", re.UNICODE)


def quote_fts_query(query: str) -> str:
    """A user's search words as a safe FTS5 query: each word quoted, all required.

    A trailing ``*`` on a word keeps prefix search. FTS5 syntax (NEAR, -, quotes) in user input
    would otherwise raise errors or change the meaning.
    """
    parts = []
    for match in re.finditer(r"(\w+)(\*?)", query, re.UNICODE):
        parts.append(f'"{match.group(1)}"{match.group(2)}')
    return " ".join(parts)


def pg_tsquery(query: str) -> str:
    """The same words as a PostgreSQL ``to_tsquery`` string: all required, ``word*`` as prefix."""
    parts = []
    for match in re.finditer(r"(\w+)(\*?)", query, re.UNICODE):
        parts.append(match.group(1) + (":*" if match.group(2) else ""))
    return " & ".join(parts)

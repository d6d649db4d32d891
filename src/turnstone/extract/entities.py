"""Entities: group an article's mentions into entities and code them as actors.

Stable API (used by the quotes and events stages):

    entity_at(article, start, end) -> Entity | None
        the entity with a mention at, inside or around the span (a name, "the secretary",
        "he" when that pronoun was resolved, "the Kremlin").
    resolve_reference(article, start, end) -> Entity | None
        like ``entity_at``, and when the span is a title or pronoun no mention covers, the most
        recent compatible entity before it (see ``coref``).
    suggest_people(article) -> list[dict]
        people found with a title and country who are not in the knowledge base, in the
        user-file shape ``turnstone kb suggest --accept`` writes.

Every mention has exact offsets (``text[start:end] == mention.text``). A person's first
mention is widened over the titles and nationality before the name ("Russian President
Vladimir Putin"). Resolved titles ("The president") and subject pronouns ("he") are mentions
of the entity they refer to.

Coding, in order: the knowledge base (the office held on the publication date); titles and
appositives in the text ("Defense Secretary Pete Hegseth" -> GOV, "Gen." -> MIL, "Marc Fogel,
an American teacher" -> USA CVL, "a Russian who" -> RUS CVL); a government title with no
country takes the article's home country (the country of most person mentions).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from typing import Any

from ..errors import KnowledgeBaseError
from ..kb import default_kb, to_date
from ..kb.context import settle_country
from ..kb.geo import place_country
from ..kb.resolve import Resolution, generic_name, resolve_hits, scan
from ..kb.store import KnowledgeBase, norm
from ..model import Article, Entity, Mention
from ..pipeline import stage
from .bodies import body_spans, owner_prefix
from .coref import Ref, pronoun_refs, title_refs
from .entity_groups import (
    ACTS,
    Candidate,
    Group,
    attach_bodies,
    attach_refs,
    body_country,
    home_country,
    local_country,
    own_shared_body,
    pronoun_owner_country,
    pronoun_target,
    sentence_starts,
    settle_shared_bodies,
    title_target,
)
from .mentions import (
    appositive,
    appositive_names,
    appositive_title,
    fold,
    name_after_title,
    name_end,
    repeated_names,
    titled_names,
    widen,
)
from .noise import is_noise, mend_spans

LOGGER = logging.getLogger(__name__)

__all__ = ["entity_at", "extract_entities", "find_entities", "find_groups", "resolve_reference", "suggest_people"]

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}


def article_date(article: Article) -> dt.date:
    try:
        return to_date(article.published) or dt.date.today()
    except KnowledgeBaseError:  # a malformed date must not stop entity coding
        LOGGER.warning("unreadable publication date %r; coding as of today", article.published)
        return dt.date.today()


# -- finding mentions --------------------------------------------------------------------------
def _ents(article: Article) -> list[tuple[int, int, str]]:
    doc = article.doc
    kb = default_kb()
    spans = [(e.start_char, e.end_char, e.label_) for e in (doc.ents if doc is not None else ())
             if e.label_ in ENTITY_LABELS and not _common_noun(e) and not is_noise(e, kb)]
    return mend_spans(article.text, spans, kb)


def _common_noun(ent: Any) -> bool:
    """Not a name: a one-word common noun ("PEACE", "each other's Nations"), a bare direction
    ("North", "Western") or a treaty ("Indus Waters Treaty", which is no actor)."""
    if ent.label_ in ("GPE", "LOC", "NORP") and ent.text in _DIRECTIONS:
        return True
    if ent.label_ == "ORG" and ent[-1].text in _DOCUMENTS:
        return True
    return len(ent) == 1 and ent.label_ != "PERSON" and ent[0].tag_ in ("NN", "NNS") and \
        ent.label_ not in ("NORP",) and not default_kb().actors_named(ent.text, exact_case=ent.text)


_DIRECTIONS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Northeast",
               "Northwest", "Southeast", "Southwest"}
_DOCUMENTS = {"Treaty", "Agreement", "Accord", "Accords", "Act", "Convention", "Protocol", "Charter", "Resolution",
              "Memorandum", "Declaration"}
# A "person" whose last word is a landform is a place the NER mistyped ("Second Thomas Shoal").
_LANDFORMS = {"Shoal", "Reef", "Island", "Islands", "Sea", "River", "Strait", "Gulf", "Bay", "Lake", "Mountain",
              "Mountains", "Valley", "Desert", "Peninsula", "Canal", "Square", "Street", "Avenue", "Province",
              "District", "Region", "Heights", "Plateau", "Pass", "Port", "Airport", "Bridge", "Dam"}


# "near Kidal", "outside Gaza": a one-word "person" after a place preposition that names a known place
_PLACE_PREPOSITION = re.compile(r"\b(?:near|outside|around|in)\s+$", re.IGNORECASE)


def _place_after_preposition(text: str, start: int, end: int) -> bool:
    name = text[start:end]
    return " " not in name and bool(_PLACE_PREPOSITION.search(text[max(0, start - 10):start])) \
        and place_country(name) is not None


def find_candidates(article: Article, kb: KnowledgeBase, when: dt.date) -> list[Candidate]:
    text = article.text
    spans = [(s, e, "LOC" if label == "PERSON" and text[s:e].split()[-1] in _LANDFORMS else
              "GPE" if label == "PERSON" and _place_after_preposition(text, s, e) else label)
             for s, e, label in _ents(article)]
    have = [(s, e) for s, e, _ in spans]
    for s, e, label in titled_names(text, kb, when) + appositive_names(text, kb, when):
        if not any(s < he and hs < e for hs, he in have):
            spans.append((s, e, label))
    spans = [(s, name_end(text, e) if label == "PERSON" else e, label) for s, e, label in spans]
    spans += repeated_names(text, spans)
    named = [(s, e) for s, e, label in spans if label not in ("GPE", "NORP")]
    bodies = [b for b in body_spans(text, kb, when) if not any(s < b[1] and b[0] < e for s, e in named)]
    spans += [(s, e, "BODY") for s, e, _ in bodies]
    out = []
    widened: dict[int, tuple[int, str | None]] = {}  # widen() of each start, asked up to 3 times

    def widen_at(start: int) -> tuple[int, str | None]:
        if start not in widened:
            widened[start] = widen(text, start, kb, when)
        return widened[start]

    # person mentions widened over their titles, to tell title words from names
    persons = [(widen_at(s)[0], e) for s, e, label in spans if label == "PERSON"]
    for s, e, label in sorted(spans):
        surface = text[s:e]
        body = label == "BODY"
        label = "ORG" if body else label
        if label in ("GPE", "NORP", "LOC"):
            res = resolve_hits(surface, scan(kb, surface, when), when)
            if label == "NORP" and (res.country is not None or _adjectival(text, s, e, res)):
                continue  # "Russian", "Americans": a nationality, coded where it qualifies an actor
        else:
            res = resolve_hits(surface, scan(kb, surface, when), when)
        if label != "PERSON" and res.actor is None and res.country is None and any(ps <= s and e <= pe and (ps, pe) != (s, e)
                                                           for ps, pe in persons):
            continue  # "State" in "Secretary of State Marco Rubio" belongs to the title
        if label in ("ORG", "GPE", "LOC", "FAC") and _titled_person(text, s, e, res, kb, when, widen_at):
            label = "PERSON"  # "Jane Roe, the UN humanitarian coordinator": the NER's ORG is a person
        cand = Candidate(s, e, label, _name_start(surface, s, res), res, body=body)
        name_at = name_after_title(surface, res) if label == "ORG" and not body and res.actor is None else None
        inner_title = surface[:name_at].strip() if name_at is not None else None
        if name_at is not None:  # "Senior Colonel Shi Yi": a title and a name, typed ORG
            label = cand.label = "PERSON"
            cand.name_start = s + name_at
        if label == "ORG" and res.actor is None and res.country is None:
            cand.start, owner = owner_prefix(text, s, kb, when)  # "Venezuela's National Assembly"
            res.country = owner
        elif res.actor is not None and any(generic_name(h) for h in res.hits):
            own_shared_body(cand, text, kb, when)  # "Rwanda's Senate", "the Philippine Senate"
        if label == "PERSON" or (res.actor is not None and res.actor.type == "PERSON"):
            cand.label = "PERSON"
            cand.start, cand.title_text = widen_at(s)
            cue_texts = [text[cand.start:s]] if cand.start < s else []
            possessor = _POSSESSOR_BEFORE.search(text[max(0, cand.start - 40):cand.start]) if cand.start < s else None
            owner_country = kb.country_of_word(possessor.group(1)) if possessor else None
            if possessor and owner_country:
                cue_texts.insert(0, possessor.group(0))  # "Kenya's police commander X": Kenya's, not the story's
            if cand.start < s:
                cand.marked = next((h.code for h in scan(kb, text[cand.start:s], when) if h.kind == "country"), None)
                cand.marked = cand.marked or (owner_country[0] if owner_country else None)
            appos = appositive(text, cand.start, e, kb, when)
            if appos:
                cue_texts.append(appos)
                cand.pronoun_owner = bool(re.match(r"(?i:its|their)\s", appos))
                possessor = re.match(r"([A-Z][\w-]+)['’]s\s", appos)
                cand.owner = possessor.group(1) if possessor else None
            if inner_title:  # the person's own title, after "Its spokesman": its sector wins
                cue_texts.append(inner_title)
                cand.title_text = cand.title_text or inner_title
            if cue_texts:
                cue = " , ".join(cue_texts)
                cand.cue = resolve_hits(cue, scan(kb, cue, when), when)
                appos_title = appositive_title(appos, kb, when) if appos else None
                rank_only = cand.title_text is not None and kb.titles.get(norm(cand.title_text)) == "MIL"
                if appos_title and (cand.title_text is None or rank_only):
                    cand.title_text = appos_title
                if rank_only and appos_title and norm(appos_title).split()[-1] in _SPEAKING_ROLES:
                    cand.cue.sector = "MIL"  # "Its spokesman, Colonel X": an officer who speaks for it
        out.append(cand)
    return out


_SPEAKING_ROLES = {"spokesman", "spokeswoman", "spokesperson"}
_SETTLEMENT_BEFORE = re.compile(r"\b(?:town|city|village|villages|district|province|region|port|commune|suburb|"
                                r"neighbou?rhood|locality|area|camp|prefecture|county|state)s?\s+of\s+$", re.IGNORECASE)
_POSSESSOR_BEFORE = re.compile(r"([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)['’]s\s+$")


def _titled_person(text: str, s: int, e: int, res: Resolution, kb: KnowledgeBase, when: dt.date,
                   widen_at: Callable[[int], tuple[int, str | None]]) -> bool:
    """A name the NER typed as a place or organisation, but a title or person appositive frames;
    ``widen_at`` is ``widen`` over ``text`` for a start (kept per article by the caller)."""
    words = text[s:e].split()
    if res.hits or not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if widen_at(s)[0] < s:
        return True
    appos = appositive(text, s, e, kb, when)
    if not appos:
        return False
    return any(h.kind == "title" for h in scan(kb, appos, when))


def _name_start(surface: str, start: int, res: Resolution) -> int:
    """Where the name starts when the NER span includes titles ("Defense Secretary Tom Quill")."""
    pos = 0
    for h in res.hits:
        if h.kind not in ("title", "country") or surface[pos:h.start].strip(" -") or h.detail == "capital":
            break  # a capital inside a person's name is a first name ("Wellington Koo"), not a prefix
        pos = h.end
    rest = surface[pos:].lstrip()
    if pos and rest[:1].isupper() and res.hits and not any(h.kind == "agent" for h in res.hits):
        return start + len(surface) - len(rest)
    return start


def _adjectival(text: str, start: int, end: int, res: Resolution) -> bool:
    """ "Russian" in "Russian President" or "a Russian who" is a cue, not an entity; "Russians" is."""
    if res.hits and res.hits[-1].detail == "people":
        return False
    return res.country is not None or bool(re.match(r"\s+[a-z]", text[end:end + 3]))


# -- grouping ---------------------------------------------------------------------------------
def _key(c: Candidate, text: str, kb: KnowledgeBase) -> tuple[str, str]:
    res = c.resolution
    if res is not None and res.actor is not None and not res.title:
        return ("kb", res.actor.name)
    if res is not None and res.actor is not None and res.actor.type == "PERSON":
        return ("kb", res.actor.name)
    name = text[c.name_start:c.end]
    if c.label in ("GPE", "NORP") and res is not None and res.country:
        hit = kb.country_of_word(re.sub(r"^(?i:the)\s+", "", name))
        if hit and hit[1] in ("name", "people"):
            return (c.label, hit[0])
    return (c.label, norm(re.sub(r"^(?i:the)\s+", "", name)))


def group(cands: list[Candidate], text: str, kb: KnowledgeBase) -> list[Group]:
    groups: list[Group] = []
    by_key: dict[tuple[str, str], Group] = {}
    # full names first, so a surname met before them ("Clinton ... Hillary Clinton") joins them
    full = [c for c in cands if c.label == "PERSON" and len(text[c.name_start:c.end].split()) > 1]
    rest = [c for c in cands if not (c.label == "PERSON" and len(text[c.name_start:c.end].split()) > 1)]
    for c in full + rest:
        key = _key(c, text, kb)
        name = text[c.name_start:c.end]
        g = None
        if c.label == "PERSON" and len(name.split()) == 1:
            # a surname continues the person already named in this article ("Clinton" after
            # "Hillary Clinton") before any namesake the knowledge base knows
            g = _same_person(groups, name)
            if g is not None:
                key = g.key
        g = g or by_key.get(key)
        if g is None and c.label == "PERSON" and key[0] != "kb":
            g = _same_person(groups, name)
        if g is None:
            res = c.resolution
            name = res.actor.name if res is not None and res.actor is not None and key[0] == "kb" else \
                re.sub(r"^(?i:the)\s+", "", text[c.name_start:c.end])
            if key[0] in ("GPE", "NORP") and len(key[1]) == 3 and key[1].isupper() and kb.country(key[1]):
                name = kb.countries[key[1]].name
            g = Group(c.label if key[0] != "kb" else (res.actor.type if res and res.actor else c.label), name, key)
            g.actor = res.actor if res is not None and key[0] == "kb" else None
            g.from_kb = g.actor is not None
            groups.append(g)
        by_key[key] = g
        g.mentions.append(c)
    for g in groups:
        g.mentions.sort(key=lambda m: m.start)
    return groups


def _same_person(groups: list[Group], name: str) -> Group | None:
    """An earlier person this name continues: a surname, a spelling variant, or a longer form."""
    words = name.split()
    for g in reversed(groups):
        if g.label != "PERSON":
            continue
        theirs = g.name.split()
        if fold(name) == fold(g.name) or (len(words) == 1 and fold(words[0]) == fold(theirs[-1])):
            return g
        if 1 < len(words) < len(theirs) and fold(name) == fold(" ".join(theirs[-len(words):])):
            return g  # "Bin Laden" after "Osama bin Laden"
        if len(words) > 1 and len(theirs) == 1 and fold(words[-1]) == fold(theirs[0]):
            g.name = name
            return g
    return None


# -- coding -----------------------------------------------------------------------------------
def code_groups(groups: list[Group], when: dt.date, kb: KnowledgeBase, text: str = "") -> None:
    for g in groups:
        if g.actor is not None:
            g.country, g.sector, g.title = g.actor.code_on(when)
            g.label = "ORG" if g.actor.type not in ("PERSON", "GPE") else g.actor.type
        else:
            res = g.mentions[0].resolution
            if res is not None and g.label != "PERSON":
                g.country, g.sector = res.country, res.sector
            if g.label in ("GPE", "LOC"):
                # the whole name decides ("New Jersey" is not Jersey); a partial hit only when
                # the name is unknown as a whole ("the Russian capital")
                whole = place_country(g.name)
                partial = res is not None and sum(h.end - h.start for h in res.hits) >= len(g.name) - 1
                g.country = whole or (g.country if partial else None)
        if g.label == "PERSON":
            for c in g.mentions:
                cue = c.cue
                if cue is None:
                    continue
                g.country = g.country or cue.country
                if g.actor is None or g.sector is None:  # the text may know an office the KB lacks
                    g.sector = g.sector or cue.sector
                if c.title_text and (g.title is None or not g.from_kb or cue.sector not in (None, "MIL")):
                    g.title = c.title_text
            if g.actor is None and g.country and g.sector is None:
                g.sector = "CVL"  # a named person with a nationality and no office
    settle_shared_bodies(groups, text)
    for g in groups:  # "Its spokesman, Senior Colonel X": the body the sentence before is about
        first = next((c for c in g.mentions if c.pronoun_owner), None)
        if g.label == "PERSON" and g.actor is None and g.country is None and first is not None:
            g.country = pronoun_owner_country(groups, text, first.start)
    home = home_country(groups)
    for g in groups:
        if g.label == "PERSON" and g.country is None and g.sector in ("GOV", "MIL", "LEG", "COP", "JUD"):
            first = g.mentions[0]
            g.country = body_country(text, first.start, first.name_start, kb, when) or home or \
                local_country(text, first.start, kb, when)
    for g in groups:  # "the town of Mirebalais": an unknown settlement lies in the story's country
        if g.label in ("GPE", "LOC") and g.country is None and g.actor is None and g.mentions:
            first = g.mentions[0]
            if _SETTLEMENT_BEFORE.search(text[max(0, first.start - 40):first.start]):
                g.country = home or local_country(text, first.start, kb, when)
    for g in groups:  # "Trump's envoy, X": X serves the owner's country, whatever else the phrase names
        owner = next((c.owner for c in g.mentions if c.owner), None)
        if g.actor is None and owner:
            boss = next((o for o in groups if o is not g and o.label == "PERSON" and o.country
                         and fold(o.name.split()[-1]) == fold(owner)), None)
            g.country = boss.country if boss else g.country
    for g in groups:  # "Congo" in a story about Goma and Tshisekedi is the DRC, not Brazzaville
        if g.actor is None or g.actor.type == "GPE":
            for c in g.mentions:
                possessive = _POSSESSOR_BEFORE.search(text[max(0, c.start - 40):c.start]) if g.label == "PERSON" else None
                said = (possessive.group(0) if possessive else "") + text[c.start:c.end]
                was, g.country = g.country, settle_country(g.country, said, text)
                old_country, new_country = kb.country(was), kb.country(g.country)
                if old_country and new_country and g.name == old_country.name:
                    g.name = new_country.name


def find_groups(article: Article, kb: KnowledgeBase | None = None) -> list[Group]:
    """Grouped, coded mentions with their resolved references (before numbering)."""
    kb = kb or default_kb()
    when = article_date(article)
    text = article.text
    groups = group(find_candidates(article, kb, when), text, kb)
    code_groups(groups, when, kb, text)
    groups = _merge_same_places(groups)
    taken = [(c.start, c.end) for g in groups for c in g.mentions]
    refs = title_refs(text, kb, when, taken)
    refs += [r for r in pronoun_refs(text, article.doc) if not any(s <= r.start < e for s, e in taken)]
    attach_refs(groups, refs, text)
    attach_bodies(groups, text, kb, when, taken)
    groups = [g for g in groups if not _idle_body(g, text, article.doc)]
    groups.sort(key=lambda g: g.first)
    return groups


def _merge_same_places(groups: list[Group]) -> list[Group]:
    """Places that context settled to one country ("DR Congo", "Congo") are one entity."""
    seen: dict[tuple[str, str], Group] = {}
    out = []
    for g in groups:
        key = (g.name, g.country or "")
        if g.label == "GPE" and g.actor is None and g.country and key in seen:
            seen[key].mentions = sorted(seen[key].mentions + g.mentions, key=lambda c: c.start)
            continue
        if g.label == "GPE" and g.actor is None and g.country:
            seen[key] = g
        out.append(g)
    return out


def _idle_body(g: Group, text: str, doc: Any) -> bool:
    """A body ("the Ukrainian government") that never acts or speaks and is never referred back
    to is background, not an actor: it is left out, as gold annotations leave it out."""
    if not g.mentions or not all(c.body for c in g.mentions) or g.extra:
        return False
    for c in g.mentions:
        if ACTS.match(text[c.end:c.end + 40]) or re.search(r"\bby\s+$", text[max(0, c.start - 4):c.start]):
            return False
        if doc is not None and doc.has_annotation("DEP"):
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                return False
    return True


def find_entities(article: Article, kb: KnowledgeBase | None = None) -> list[Entity]:
    """The article's entities with mentions, codes, titles and resolved references."""
    text = article.text
    entities: list[Entity] = []
    for g in find_groups(article, kb):
        mentions = [Mention(start=c.start, end=c.end, text=text[c.start:c.end]) for c in g.mentions]
        mentions += [Mention(start=r.start, end=r.end, text=text[r.start:r.end]) for r in g.extra]
        mentions.sort(key=lambda m: m.start)
        entities.append(Entity(id=f"e{len(entities) + 1}", name=g.name, type=g.label,  # type: ignore[arg-type]
                               country=g.country,
                               sector=g.sector, title=g.title, mentions=mentions))
    return entities


@stage("entities", requires=("doc",), assigns=("entities",))
def extract_entities(article: Article) -> Article:
    article.entities = find_entities(article)
    return article


# -- helpers for other stages -----------------------------------------------------------------
def entity_at(article: Article, start: int, end: int) -> Entity | None:
    """The entity a span names: a mention exactly there, a mention around the span, or a mention
    that heads the span ("U.S. Defense Secretary Pete Hegseth" -> Hegseth). A span where the
    mention only modifies another noun ("a spokesman for Hegseth", "the Trump administration")
    names no entity: None. Tightest mention first."""
    text = article.text
    best: tuple[int, int, Entity] | None = None
    for e in article.entities:
        for m in e.mentions:
            if m.start == start and m.end == end:
                return e
            if min(end, m.end) <= max(start, m.start):
                continue
            if m.start <= start and end <= m.end:
                score = (2, -(m.end - m.start))
            elif start <= m.start and m.end <= end and _heads(text, start, end, m.start, m.end):
                score = (1, m.end - m.start)
            else:
                continue
            if best is None or score > best[:2]:
                best = (*score, e)
    return best[2] if best else None


def _heads(text: str, start: int, end: int, m_start: int, m_end: int) -> bool:
    """Whether a mention inside ``start:end`` is its head: nothing but punctuation after it and
    no preposition or possessive before it within the span."""
    after = text[m_end:end].strip(" ,.;:'’s\"”")
    before = text[start:m_start].lower()
    return not after and not re.search(r"\b(?:of|for|to|with|from|by|about|against|and|or)\b|['’]s\b", before)


def resolve_reference(article: Article, start: int, end: int, kb: KnowledgeBase | None = None) -> Entity | None:
    """The entity a name, title ("the secretary") or pronoun ("he") at ``start:end`` refers to.

    A span covered by a mention gives that mention's entity; otherwise a title or pronoun is
    resolved to the most recent compatible person before it (the rules of ``coref``).
    """
    hit = entity_at(article, start, end)
    if hit is not None:
        return hit
    kb = kb or default_kb()
    text = article.text
    span = text[start:end]
    persons = [e for e in article.entities if e.type == "PERSON"]
    groups = []
    for e in persons:
        g = Group("PERSON", e.name, ("e", e.id), title=e.title, country=e.country)
        g.extra = [Ref(m.start, m.end, m.text, "name") for m in e.mentions]
        groups.append(g)
    if norm(span) in ("he", "she", "him", "her", "his"):
        target = pronoun_target(groups, Ref(start, end, span, "pronoun"), sentence_starts(text))
    else:
        hits = scan(kb, span, article_date(article))
        words = tuple(norm(h.text) for h in hits if h.kind == "title")
        if not words:
            return None
        country = next((h.code for h in hits if h.kind == "country"), None)
        target = title_target(groups, Ref(start, end, span, "title", words, country),
                               home_country(groups))
    return next((e for e in persons if target is not None and e.id == target.key[1]), None)


def suggest_people(article: Article) -> list[dict[str, Any]]:
    """People named with a title and a country who are not in the knowledge base."""
    out: list[dict[str, Any]] = []
    for g in find_groups(article):
        if g.label != "PERSON" or g.from_kb or not g.country or not g.title or len(g.name.split()) < 2:
            continue
        if g.sector in (None, "CVL", "EDU"):  # private people, not office holders
            continue
        role: dict[str, object] = {"title": g.title, "sector": g.sector}
        if article.published:
            role["start"] = str(article.published)[:10]
        out.append({"name": g.name, "aliases": [g.name.split()[-1]], "country": g.country, "roles": [role],
                    "evidence": article.text[g.mentions[0].start:g.mentions[0].end]})
    return out

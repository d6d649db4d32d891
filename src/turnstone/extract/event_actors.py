"""Actors for event coding: the resolved mentions in one sentence, as token spans.

Actors come from the actors stage (``article.entities`` with country/sector). Phrases the
entities stage left unresolved ("Syrian rebels", "a court in Guyana", "UN troops") are resolved
with ``turnstone.kb.resolve_actor``; until the knowledge base exposes it, a small reader over
the knowledge-base data files stands in. A phrase that resolves to neither a country nor a
sector is never an actor: that is what keeps noise out of the events.
"""

from __future__ import annotations

import csv
import logging
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..analyze.doc_cache import doc_text, lower_at, token_values
from ..model import Article, Participant

LOGGER = logging.getLogger(__name__)
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses ~10x faster
KB_DATA = Path(__file__).resolve().parents[1] / "kb" / "data"
PERSON_PRONOUNS = {"he", "she", "him", "his", "her"}
LOCATION_PREPS = {"in", "at", "near", "across", "inside", "outside", "around", "throughout"}
Resolver = Callable[[str, str | None], dict[str, Any] | None]


@dataclass
class ActorSpan:
    """A resolved actor mention: character and token offsets, and who it is."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    participants: list[Participant]
    person: bool = False
    pronoun: bool = False
    possessive: bool = False
    source: str = "entity"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def countries(self) -> set[str | None]:
        return {p.country for p in self.participants}

    def copy(self) -> ActorSpan:
        """A copy whose fields can be reassigned without touching this one (participants are
        never changed in place, only replaced)."""
        return replace(self, participants=list(self.participants), extra=dict(self.extra))


def _value(obj: Any, key: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, dict):
        return obj.get(key)
    return getattr(obj, key, None)


@lru_cache(maxsize=1)
def kb_resolver() -> Resolver:
    """``turnstone.kb.resolve_actor`` when the knowledge base provides it, else the stand-in."""
    try:
        from ..kb import resolve_actor
    except ImportError:
        LOGGER.info("turnstone.kb.resolve_actor not available; using the event stage's stand-in")
        return _fallback_resolve

    def resolve(text: str, date: str | None) -> dict[str, Any] | None:
        try:
            found = resolve_actor(text, date)
        except Exception as err:  # noqa: BLE001 - a KB bug must not stop event coding
            LOGGER.debug("resolve_actor(%r) failed: %s", text, err)
            return None
        if not found or not (_value(found, "country") or _value(found, "sector")):
            return None
        return {k: _value(found, k) for k in ("name", "country", "sector", "title")}

    return resolve


# ---- the stand-in resolver over the knowledge-base data files ----

@lru_cache(maxsize=1)
def _fallback_tables() -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, str, str]]]:
    """(country names/demonyms -> code, agent noun -> sector, organisation alias -> (name, country, sector))."""
    places: dict[str, str] = {}
    agents: dict[str, str] = {}
    orgs: dict[str, tuple[str, str, str]] = {}
    countries = KB_DATA / "countries.csv"
    if countries.exists():
        lines = [ln for ln in countries.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
        for row in csv.DictReader(lines):
            names = [row["name"], *row["aliases"].split("|"), *row["demonyms"].split("|"), *row["capitals"].split("|")]
            for n in names:
                if n.strip():
                    places.setdefault(n.strip().lower(), row["code"])
    else:  # pragma: no cover - only without the KB data
        import pycountry
        for c in pycountry.countries:
            places[c.name.lower()] = c.alpha_3
    agents_file = KB_DATA / "agents.yaml"
    if agents_file.exists():
        data = yaml.load(agents_file.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
        for section in ("titles", "agents"):
            for sector, words in (data.get(section) or {}).items():
                for w in words or []:
                    agents.setdefault(str(w).lower(), sector)
    org_file = KB_DATA / "organisations.yaml"
    if org_file.exists():
        for e in yaml.load(org_file.read_text(encoding="utf-8"), Loader=YAML_LOADER) or []:
            if not isinstance(e, dict) or not e.get("country"):
                continue
            for alias in [e["name"], *(e.get("aliases") or [])]:
                key = re.sub(r"^the ", "", str(alias).lower())
                orgs[key] = (e["name"], e["country"], e.get("sector") or "")
    return places, agents, orgs


def _fallback_resolve(text: str, date: str | None = None) -> dict[str, Any] | None:
    places, agents, orgs = _fallback_tables()
    phrase = re.sub(r"^(the|a|an|two|three|four|some|several|dozens of|hundreds of)\s+", "",
                    text.lower().replace("’", "'")).strip()
    phrase = re.sub(r"'s$", "", phrase)
    if phrase in orgs:
        org_name, org_country, org_sector = orgs[phrase]
        return {"name": org_name, "country": org_country, "sector": org_sector or None}
    words = phrase.split()
    country: str | None = None
    sector: str | None = None
    # longest country name / demonym inside the phrase; longest agent noun at its end
    for n in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            gram = re.sub(r"'s$", "", " ".join(words[i:i + n]))
            if country is None and gram in places:
                country = places[gram]
            if country is None and gram in orgs:
                country = orgs[gram][1]
            if sector is None and i + n == len(words) and gram in agents:
                sector = agents[gram]
    if country is None and sector is None:
        return None
    return {"name": text, "country": country, "sector": sector}


# ---- mentions in one sentence ----

def _tok_index(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def entity_actor_spans(article: Article, sent: Any, memo: dict[Any, Any] | None = None) -> list[ActorSpan]:
    """Mentions of resolved entities (country or sector known) inside a sentence.

    ``memo`` (see ``sentence_actors``) keeps the article's mentions ordered by where they start,
    so each sentence looks only at its own instead of every mention of the article.
    """
    doc = article.doc
    mentions = memo.get("mentions") if memo is not None else None
    if mentions is None:
        # (start, rank, entity, mention): rank keeps the order of entities and their mentions
        mentions = sorted((m.start, rank, ent, m) for rank, (ent, m) in enumerate(
            (ent, m) for ent in article.entities if ent.country or ent.sector for m in ent.mentions))
        if memo is not None:
            memo["mentions"] = mentions
    first = bisect_left(mentions, sent.start_char, key=lambda item: item[0])
    inside = []
    for k in range(first, len(mentions)):
        if mentions[k][0] >= sent.end_char:
            break
        inside.append(mentions[k])
    out = []
    for _, _, ent, m in sorted(inside, key=lambda item: item[1]):
        if m.end > sent.end_char:
            continue
        toks = _tok_index(doc, m.start, m.end)
        if toks is None:
            continue
        start = m.start
        if ", " in m.text:  # a mention that swallowed a neighbour ("Ukraine, President Trump")
            start = m.start + m.text.rindex(", ") + 2
            toks = _tok_index(doc, start, m.end) or toks
        part = Participant(entity=ent.id, name=ent.name, country=ent.country, sector=ent.sector)
        out.append(ActorSpan(start, m.end, toks[0], toks[1], [part], person=ent.type == "PERSON"))
    return out


CHUNK_WORD = re.compile(r"^[A-Z][\w.\-’']*$|^[A-Z]{2,}")
JOINERS = {"of", "for", "de", "al", "el"}
FUNCTION_WORDS = {"the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "by", "and", "or", "but", "from",
                  "that", "which", "who", "was", "were", "is", "are", "has", "have", "had", "said", "says", "its",
                  "his", "her", "their", "as", "than", "not", "no", "be", "been", "will", "would"}


def _singular(phrase: str) -> str:
    """Agent words are listed in the singular or plural; try both ("ministers" -> "minister")."""
    _, agents, _ = _fallback_tables()
    if phrase in agents:
        return phrase
    for suffix, repl in SINGULAR_RULES:
        if phrase.endswith(suffix) and phrase[: -len(suffix)] + repl in agents:
            return phrase[: -len(suffix)] + repl
    return phrase


SINGULAR_RULES = (("men", "man"), ("ies", "y"), ("es", ""), ("s", ""))


@lru_cache(maxsize=1)
def _agent_forms() -> frozenset[str]:
    """Every phrase whose ``_singular`` is an agent word: the agent words and the plurals the
    rules undo. Testing a phrase is then one set lookup instead of four suffix tries."""
    _, agents, _ = _fallback_tables()
    forms = set(agents)
    for agent in agents:
        for suffix, repl in SINGULAR_RULES:
            if agent.endswith(repl):
                forms.add(agent[: len(agent) - len(repl)] + suffix)
    return frozenset(forms)


def candidate_chunks(sent: Any) -> list[tuple[int, int]]:
    """Token ranges that may name an actor: the parse's noun chunks, else capitalised runs plus a
    trailing agent noun, and lower-case agent nouns with their modifiers."""
    chunks = _sorted_noun_chunks(sent.doc)
    chunks_here = []
    for k in range(bisect_left(chunks, (sent.start, -1)), len(chunks)):
        s, e = chunks[k]
        if s >= sent.end:
            break
        if e <= sent.end:
            chunks_here.append((s, e))
    return sorted(set(_heuristic_chunks(sent) + chunks_here))


def doc_noun_chunks(doc: Any) -> list[tuple[int, int]]:
    """The parse's noun chunks of the whole doc, computed once (``Span.noun_chunks`` walks the
    whole doc on every call, which made event coding quadratic in article length)."""
    cached: list[tuple[int, int]] | None = doc.user_data.get("turnstone.noun_chunks")
    if cached is None:
        cached = []
        if doc.has_annotation("DEP"):
            try:  # spaCy's English noun chunks know its own labels; with UD labels they miss some
                cached = [(c.start, c.end) for c in doc.noun_chunks]
            except (NotImplementedError, ValueError):
                cached = []
        doc.user_data["turnstone.noun_chunks"] = cached
    return cached


def _sorted_noun_chunks(doc: Any) -> list[tuple[int, int]]:
    """``doc_noun_chunks`` in token order, so a sentence finds its own by bisection (scanning
    every chunk of the doc for every sentence was quadratic in article length)."""
    cached: list[tuple[int, int]] | None = doc.user_data.get("turnstone.noun_chunks.sorted")
    if cached is None:
        cached = doc.user_data["turnstone.noun_chunks.sorted"] = sorted(doc_noun_chunks(doc))
    return cached


def _heuristic_chunks(sent: Any) -> list[tuple[int, int]]:
    doc = sent.doc
    _, agents, _ = _fallback_tables()
    agent_forms = _agent_forms()
    lower, text = token_values(doc, "lower_"), token_values(doc, "text")
    is_alpha, is_lower = token_values(doc, "is_alpha"), token_values(doc, "is_lower")
    first, end = sent.start, sent.end
    spans: list[tuple[int, int]] = []
    # lower-case agent phrases ending in an agent noun: "national security advisor", "riot police"
    for j in range(first, end):
        if lower[j] in agent_forms and not CHUNK_WORD.match(text[j]):
            k = j
            while k - 1 >= first and j - (k - 1) < 4 and is_alpha[k - 1] and is_lower[k - 1] \
                    and lower[k - 1] not in FUNCTION_WORDS:
                k -= 1
            for start in range(k, j + 1):
                if " ".join(lower[start:j + 1]) in agent_forms:
                    spans.append((start, j + 1))
                    break
    # the tokens those phrases cover (the runs added below start past every earlier run)
    covered = {t for a, b in spans for t in range(a, b)}
    i = first
    while i < end:
        if i in covered:
            i += 1
            continue
        word = lower[i]
        if CHUNK_WORD.match(text[i]) and word not in {"the", "a", "an", "i"} or word in agents:
            j = i + 1
            while j < end:
                if CHUNK_WORD.match(text[j]) or lower[j] in agents:
                    j += 1
                elif lower[j] in JOINERS and j + 1 < end and CHUNK_WORD.match(text[j + 1]):
                    j += 2
                else:
                    break
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def phrase_actor_spans(article: Article, sent: Any, taken: Sequence[ActorSpan],
                       resolver: Resolver | None = None) -> list[ActorSpan]:
    """Resolve candidate phrases not already covered by an entity mention."""
    resolver = resolver or kb_resolver()
    doc = article.doc
    out: list[ActorSpan] = []
    covered = {t for a in taken for t in range(a.tok_start, a.tok_end)}
    published = (article.published or "")[:10]
    day = published if re.fullmatch(r"\d{4}-\d{2}-\d{2}", published) else None  # the KB wants a full date
    lower, words, is_punct = token_values(doc, "lower_"), token_values(doc, "text"), token_values(doc, "is_punct")
    offsets, text = token_values(doc, "idx"), doc_text(doc)
    for start, end in candidate_chunks(sent):
        if not covered.isdisjoint(range(start, end)):
            continue
        # trim leading determiners and punctuation, and trailing punctuation
        while start < end and (lower[start] in {"the", "a", "an"} or is_punct[start]):
            start += 1
        while end > start and is_punct[end - 1]:
            end -= 1
        if start >= end:
            continue
        start_char, end_char = offsets[start], offsets[end - 1] + len(words[end - 1])
        phrase = text[start_char:end_char]  # the span's text, without building the Span
        found = resolver(phrase, day)
        if not found:
            continue
        part = Participant(name=found.get("name") or phrase, country=found.get("country"),
                           sector=found.get("sector"))
        person = bool(found.get("title")) and words[end - 1][:1].isupper()
        out.append(ActorSpan(start_char, end_char, start, end, [part], person=person, source="phrase"))
        covered.update(range(start, end))
    return out


def _noun_modifiers(doc: Any, start: int, end: int) -> bool:
    """Whether tokens start..end are one or two lower-case noun/adjective modifiers ("aviation",
    "defence"), as the parse tags them; without a tagger nothing counts (a verb could be there)."""
    if not 0 < end - start <= 2 or not doc.has_annotation("TAG"):
        return False
    return all(t.is_alpha and t.is_lower and t.lower_ not in FUNCTION_WORDS and t.pos_ in {"NOUN", "ADJ"}
               for t in doc[start:end])


def merge_agent_modifiers(spans: list[ActorSpan], doc: Any) -> list[ActorSpan]:
    """Join "<agent> in|of <country>" ("a court in Guyana") and "<country>'s <agent>" into one actor."""
    spans = sorted(spans, key=lambda a: a.tok_start)
    merged: list[ActorSpan] = []
    for span in spans:
        if merged:
            prev = merged[-1]
            between = token_values(doc, "lower_")[prev.tok_end:span.tok_start]
            p, q = prev.participants[0], span.participants[0]
            attached = bool(between) and between[0] in {"in", "of", "from"} and len(between) <= 4 \
                and not set(between) & {",", ";", "and", "said", "who", "which", "that"}
            if attached and p.sector and not p.country and q.country and len(span.participants) == 1:
                prev.participants = [p.model_copy(update={"country": q.country})]
                prev.end, prev.tok_end = span.end, span.tok_end
                continue
            if between == [","] and p.country and not q.country and q.sector and len(span.participants) == 1 \
                    and lower_at(doc, span.tok_end) in {",", "said", "says"}:
                # an appositive: "The US commander in Iraq, General David Petraeus, ..."
                span.participants = [q.model_copy(update={"country": p.country})]
            if not between and p.country and q.sector and not q.country and len(span.participants) == 1 \
                    or _noun_modifiers(doc, prev.tok_end, span.tok_start) and p.country and q.sector \
                    and not q.country and len(span.participants) == 1 and len(prev.participants) == 1:
                # "US aviation authorities": the country's agents, with noun modifiers between
                # "the Trump administration", "Russian military": the group, with the country
                span.participants = [q.model_copy(update={"country": p.country})]
                span.start, span.tok_start = prev.start, prev.tok_start
                merged[-1] = span
                continue
            if between in (["'s"], ["’s"]) and q.sector and not q.country and p.country:
                span.participants = [q.model_copy(update={"country": p.country})]
                span.start, span.tok_start = prev.start, prev.tok_start
                merged[-1] = span
                continue
        merged.append(span)
    return merged


def pronoun_spans(article: Article, sent: Any, last_person: ActorSpan | None) -> list[ActorSpan]:
    """he/she/his/her pointing at the most recent person actor (in this or an earlier sentence)."""
    out = []
    lower = token_values(sent.doc, "lower_")
    for i in range(sent.start, sent.end):
        if lower[i] in PERSON_PRONOUNS:
            tok = sent.doc[i]
            out.append(ActorSpan(tok.idx, tok.idx + len(tok.text), tok.i, tok.i + 1,
                                 list(last_person.participants) if last_person else [], person=True, pronoun=True,
                                 possessive=tok.lower_ in {"his", "her"}, source="pronoun"))
    return out


OBLIQUE_WORDS = {"with", "to", "against", "on", "at", "from", "of", "for", "in", "into", "by", "between", "like"}


SPEECH_VERBS = {"said", "says", "announced", "announces", "declared", "stated", "added", "insisted", "warned",
                "vowed", "pledged", "promised", "indicated", "signalled", "signaled", "confirmed", "hoped"}


def _it_after_speech(doc: Any, sent: Any, spans: list[ActorSpan]) -> list[ActorSpan]:
    """"Israel announced it would free ...": "it"/"they" right after a speech verb is its subject."""
    out = []
    lower = token_values(doc, "lower_")
    for i in range(sent.start, sent.end):
        if lower[i] not in {"it", "they"}:
            continue
        tok = doc[i]
        j = tok.i - 1
        if lower_at(doc, j) == "that":
            j -= 1
        if lower_at(doc, j) not in SPEECH_VERBS:
            continue
        subject = next((s for s in spans if s.tok_end in {j, j - 1} and not s.person and not s.pronoun), None)
        if subject is not None:
            participants = list(subject.participants)
            if tok.lower_ == "they":  # "Armenia and Greece said they ...": the whole group
                current = subject
                for other in sorted((s for s in spans if s.tok_end <= subject.tok_start), key=lambda s: -s.tok_end):
                    if set(lower[other.tok_end:current.tok_start]) <= {"and", ","}:
                        participants = list(other.participants) + participants
                        current = other
                    else:
                        break
            out.append(ActorSpan(tok.idx, tok.idx + len(tok.text), tok.i, tok.i + 1, participants,
                                 pronoun=True, source="pronoun"))
    return out


FIRST_PLURAL = {"we", "us"}


def _we_in_quote(article: Article, sent: Any) -> list[ActorSpan]:
    """"We will respond", quoted from Pakistan's defence minister: "we" is the speaker's side,
    the country of the quote's speaker (not the speaker in person)."""
    out: list[ActorSpan] = []
    lower = token_values(sent.doc, "lower_")
    entities = None
    for i in range(sent.start, sent.end):
        if lower[i] not in FIRST_PLURAL:
            continue
        tok = sent.doc[i]
        if entities is None:
            entities = {e.id: e for e in article.entities}
        quote = next((q for q in article.quotes if q.kind != "indirect" and q.start <= tok.idx < q.end), None)
        speaker = entities.get(quote.speaker) if quote is not None and quote.speaker else None
        if speaker is None or not speaker.country:
            continue
        part = Participant(name=speaker.country, country=speaker.country)
        out.append(ActorSpan(tok.idx, tok.idx + len(tok.text), tok.i, tok.i + 1, [part], pronoun=True,
                             source="pronoun"))
    return out


def sentence_actors(article: Article, sent: Any, last_person: ActorSpan | None,
                    resolver: Resolver | None = None, memo: dict[Any, Any] | None = None) -> list[ActorSpan]:
    """All actor mentions of a sentence, left to right, without overlaps.

    ``memo``: a dict kept over one reading of an article's entities (the events stage reads each
    sentence twice); the named and resolved mentions, which do not depend on ``last_person``,
    are found once per sentence and copied from it.
    """
    key = ("actors", sent.start, sent.end)
    named: list[ActorSpan] | None = memo.get(key) if memo is not None and resolver is None else None
    doc = article.doc
    if named is None:
        named = entity_actor_spans(article, sent, memo)
        named += phrase_actor_spans(article, sent, named, resolver)
        named = merge_agent_modifiers(named, doc)
        if memo is not None and resolver is None:
            memo[key] = named
    spans = [s.copy() for s in named]  # later rules reassign fields of the spans they are given
    # a pronoun only counts where no earlier actor of this sentence is closer
    # antecedents: persons of this sentence that are not objects of a preposition ("spoke with
    # Zelensky ... his call" is the speaker's call), and pronouns already resolved
    persons_before = [s for s in spans if s.person and lower_at(doc, s.tok_start - 1) not in OBLIQUE_WORDS]
    pron: list[ActorSpan] = []
    for p in pronoun_spans(article, sent, last_person):
        if any(s.tok_start <= p.tok_start < s.tok_end for s in spans):
            continue
        antecedent = max((s for s in persons_before + pron if s.end <= p.start), key=lambda s: s.end, default=None)
        if antecedent is not None:
            p.participants = list(antecedent.participants)
        if p.participants:
            pron.append(p)
    pron += _it_after_speech(doc, sent, spans + pron)
    pron += _we_in_quote(article, sent)
    spans = sorted(spans + pron, key=lambda a: (a.tok_start, -(a.tok_end - a.tok_start)))
    out: list[ActorSpan] = []
    lower = token_values(doc, "lower_")
    for s in spans:
        if out and s.tok_start < out[-1].tok_end:
            continue
        if s.tok_end < len(lower) and lower[s.tok_end] in {"'s", "’s"}:
            s.possessive = True
        out.append(s)
    return out


def participants_of(spans: list[ActorSpan]) -> list[Participant]:
    """The distinct parties the spans name, in order."""
    out: list[Participant] = []
    for span in spans:
        for p in span.participants:
            if not any((p.entity and p.entity == q.entity) or (p.name == q.name and p.country == q.country)
                       for q in out):
                out.append(p)
    return out


def countries_of(spans: list[ActorSpan]) -> frozenset[str | None]:
    """The countries of every party the spans name (None for a party without one)."""
    return frozenset(p.country for a in spans for p in a.participants)

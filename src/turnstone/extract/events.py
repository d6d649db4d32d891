"""Events: PLOVER event coding with CAMEO codes, scores, dates, places and evidence.

For each sentence: find triggers from the reviewable lexicon (``data/plover_triggers.yaml``),
read the actor and recipient of each from the dependency parse or word order
(``event_rules``), keep only events whose parties the actors stage resolved
(``event_actors``), then attach the date, place, quote, CAMEO code and scores.

What keeps PETRARCH's failure modes out: a sentence without a trigger yields nothing, a
sentence yields at most ``MAX_PER_SENTENCE`` events, and an event needs a resolved actor and a
resolved recipient (or a second party of a reciprocal meeting/agreement).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..analyze.doc_cache import doc_text, token_values
from ..model import Article, Event, Participant, Span
from ..pipeline import stage
from .cameo import goldstein, plover_score
from .event_actors import ActorSpan, countries_of, participants_of, sentence_actors
from .event_answers import answered, cause_party, record_nouns
from .event_context import (
    BOTH_SIDES_TYPES,
    CONTEXT_TYPES,
    MEDIATE_CAMEO,
    aimed,
    context_attacker,
    context_recipient,
    countryless_target,
    direct_object,
    remember_conflict,
    remember_parties,
    with_pairs,
)
from .event_dates import event_date, time_flags
from .event_lexicon import find_triggers
from .event_modifiers import (
    attack_tolls,
    combine_content,
    demanded_and_rejected,
    flags,
    hosted_events,
    negated_cooperation,
    ongoing_roles,
)
from .event_parse import hybrid_roles
from .event_places import all_places, event_place, place_recipient, sentence_place
from .event_reported import recast_reported, speaker, speakers_own_target
from .event_roles import linear_roles
from .event_rules import Candidate, select_matches
from .quotes import quote_covering

LOGGER = logging.getLogger(__name__)
# More than this from one sentence is PETRARCH's "dozens of events" failure; 3 covers the
# densest real sentences of the seed and PETR2 GSR data (at most 2 distinct events each).
MAX_PER_SENTENCE = 3
# Types that may stand without a recipient (the protest, deployment or resignation itself).
NO_RECIPIENT_OK = {"PROTEST", "MOBILIZE", "THREATEN"}
NO_RECIPIENT_MODES = {"resign", "disarm"}
# Types whose location stands in for a missing recipient, as in PETRARCH and ICEWS.
LOCATED_TYPES = {"PROTEST", "MOBILIZE", "ASSAULT", "COERCE"}
SHOW_OF_FORCE = "150"  # CAMEO: demonstrate military or police power


@dataclass
class ArticleState:
    """What one sentence leaves for the next: the last person, and "X's war in Y" frames."""

    last_person: ActorSpan | None = None
    wars: dict[str | None, list[Participant]] = field(default_factory=dict)
    pair: list[Participant] = field(default_factory=list)  # the last two parties: "both sides"
    # the actors of the latest event of each type: "condemned the attack" answers the last ASSAULT
    last_by_type: dict[str, list[Participant]] = field(default_factory=dict)
    # the actors of the latest event of each trigger word: "condemned the strikes" answers the
    # last "struck", not a later "fired rockets"
    last_by_trigger: dict[str, list[Participant]] = field(default_factory=dict)
    # the order in which event types were last seen: "welcomed the agreement" answers the latest
    # of SUPPORT (signing) and AGREE (reaching)
    recency: dict[str, int] = field(default_factory=dict)
    seen_events: int = 0
    # the recipients of the latest event of each type: "the Netherlands announced aid" after "Germany sent aid to Kyiv"
    last_recipients: dict[str, list[Participant]] = field(default_factory=dict)
    # how often each pair of countries (one country for domestic events) met in an event, and the
    # latest party seen for each country: the article's main dyad answers "rejected the measures"
    dyads: Counter[frozenset[str]] = field(default_factory=Counter)
    # the first reading's counts over the whole article (empty during the first reading)
    story_dyads: Counter[frozenset[str]] = field(default_factory=Counter)
    parties: dict[str, list[Participant]] = field(default_factory=dict)
    # countries that broker or host the talks: never a side of the main dyad
    mediators: set[str] = field(default_factory=set)
    # the actors of the latest event of any type: "called the move a provocation" answers it
    last_actors: list[Participant] = field(default_factory=list)
    # who was named before each answerable noun ("Seoul, Washington and Tokyo held an air exercise"),
    # for "condemned the exercise" where the exercise itself was no coded event
    noun_actors: dict[str, list[Participant]] = field(default_factory=dict)
    # per-sentence findings that do not depend on the reading (resolved mentions, trigger
    # matches), shared by the two readings of one article
    memo: dict[Any, Any] = field(default_factory=dict)


def _shouting(sent: Any) -> bool:
    """An all-capitals line (a headline or promo) is not a sentence to code."""
    letters = [c for c in doc_text(sent.doc)[sent.start_char:sent.end_char] if c.isalpha()]
    return len(letters) > 10 and sum(c.isupper() for c in letters) / len(letters) > 0.6


def _record_wars(doc: Any, actors: list[ActorSpan], state: ArticleState) -> None:
    """Remember "Russia's war in Ukraine" so that a later "the war" knows both sides."""
    for a in actors:
        if not a.possessive:
            continue
        j = a.tok_end + 1 if a.tok_end < len(doc) and doc[a.tok_end].lower_ in {"'s", "’s"} else a.tok_end
        if j + 1 < len(doc) and doc[j].lower_ == "war" and doc[j + 1].lower_ in {"in", "on", "against", "with"}:
            target = next((b for b in actors if b.tok_start == j + 2), None)
            if target is not None:
                for country in a.countries:
                    state.wars[country] = list(target.participants)


def _valid(cand: Candidate) -> bool:
    actors, recipients = participants_of(cand.actors), participants_of(cand.recipients)
    if not actors:
        return cand.agentless and any(p.country for p in recipients)
    if not any(p.country for p in actors + recipients):
        return False  # two sector-only parties ("police", "protesters") say too little
    ids = {p.entity or p.name for p in actors}
    recipients = [p for p in recipients if (p.entity or p.name) not in ids]
    cand.recipients = [r for r in cand.recipients if any(p in recipients for p in r.participants)]
    if recipients:
        return True
    if (cand.match.trigger.reciprocal or cand.mutual) and len({p.country for p in actors if p.country}) >= 2:
        return True
    if cand.event == "CONSULT" and cand.match.trigger.reciprocal and all(p.country == "IGO" for p in actors) \
            and all(0 <= cand.match.start - a.tok_end <= 2 for a in cand.actors) and not cand.verb_between:
        # "NATO defence ministers meeting in Brussels": a meeting inside an alliance or IGO
        cand.mode, cand.cameo = "multilateral", "040"
        return True
    if cand.event == "ASSAULT" and cand.direct_object:
        return True  # "rebels attacked a cargo ship": a target the actors stage does not name
    return cand.event in NO_RECIPIENT_OK or (cand.mode or "") in NO_RECIPIENT_MODES


def _confidence(cand: Candidate, parsed: bool) -> float:
    score = 0.55 if not cand.nominal else 0.45
    if cand.recipients and not cand.location_recipient:
        score += 0.2
    if cand.location_recipient:
        score -= 0.15
    if any(a.pronoun for a in cand.actors):
        score -= 0.1
    if any(a.source == "entity" for a in cand.actors + cand.recipients):
        score += 0.1
    if parsed:
        score += 0.05
    return round(max(0.05, min(0.95, score)), 2)


def _event_quote(article: Article, start: int, end: int) -> str | None:
    q = quote_covering(article, start, end)
    return q.id if q is not None else None


def sentence_candidates(article: Article, sent: Any, state: ArticleState) -> list[Candidate]:
    """Candidate events of one sentence, already filtered and capped."""
    doc = article.doc
    actors = sentence_actors(article, sent, state.last_person, memo=state.memo)
    persons = [a for a in actors if a.person]
    if persons:
        state.last_person = persons[-1]
    _record_wars(doc, actors, state)
    actors = with_pairs(doc, sent, actors, state)
    remember_conflict(doc, sent, actors, state)
    if not actors:
        return []
    shouting = state.memo.get(("shouting", sent.start, sent.end))
    if shouting is None:
        shouting = state.memo[("shouting", sent.start, sent.end)] = _shouting(sent)
    if shouting:
        return []
    matches = state.memo.get(("matches", sent.start, sent.end))
    if matches is None:
        matches = state.memo[("matches", sent.start, sent.end)] = select_matches(doc, find_triggers(sent), sent)
    parsed = doc.has_annotation("DEP")
    cands = []
    objects = {m.end - 1 for m in matches if m.trigger.pos == "verb"}
    for m in matches:
        cand = hybrid_roles(doc, actors, m, sent, objects) if parsed else linear_roles(doc, actors, m, sent, objects)
        flags(doc, cand, sent)
        cands.append(cand)
    combine_content(doc, cands)
    hosted_events(doc, cands)
    attack_tolls(doc, cands)
    demanded_and_rejected(doc, cands, actors)
    ongoing_roles(doc, cands)
    for cand in cands:  # a background mediator ("Oman, which is mediating, ...") is still no side
        if cand.consumed and cand.cameo == MEDIATE_CAMEO:
            state.mediators.update(str(c) for c in countries_of(cand.actors) - {None})
    recast_reported(doc, cands, actors, sent)
    kept = []
    for cand in cands:
        if cand.consumed:
            continue
        if cand.event == "ASSAULT" and not cand.recipients and "war" in cand.match.trigger.words:
            for country in {p.country for a in cand.actors for p in a.participants}:
                if country in state.wars:
                    cand.recipients = [ActorSpan(0, 0, cand.match.start, cand.match.start,
                                                 state.wars[country], source="context")]
        window = set(token_values(doc, "lower_")[cand.match.start:min(sent.end, cand.match.end + 8)])
        if cand.event == "ASSAULT" and not cand.recipients and PROJECTILES & window \
                and not aimed(doc, cand.match.end, sent.end):
            victim = [] if ATTACK_SIGNS.isdisjoint(window) else _other_party(doc, sent, actors, cand, state)
            if victim:
                # "fired 40 missiles and 100 drones overnight, Ukraine's air force said": a barrage
                # reported by its target is an attack on it, not a test
                cand.recipients = victim
            else:
                # missiles fired at no one ("into the sea"): a weapons test, PLOVER MOBILIZE
                cand.event, cand.mode, cand.cameo = "MOBILIZE", "weapons", "150"
        if cand.event == "MOBILIZE" and cand.agentless and not cand.actors and state.last_by_type.get("MOBILIZE"):
            # "another 600 officers would be deployed": the force that deployed the first ones
            here = ActorSpan(0, 0, cand.match.start, cand.match.start, state.last_by_type["MOBILIZE"], source="context")
            cand.actors = [here]
            if not cand.recipients and state.last_recipients.get("MOBILIZE"):
                cand.recipients = [ActorSpan(0, 0, cand.match.start, cand.match.start,
                                             state.last_recipients["MOBILIZE"], source="context")]
        if cand.event in {"ASSAULT", "COERCE"} and cand.agentless and not cand.actors:
            cand.actors = context_attacker(cand, state, participants_of)
        if not cand.recipients and cand.actors and cand.match.trigger.recipient == ("between",):
            # "a ceasefire brokered by Angola": a mediator with no parties named mediates between the
            # two other countries of its sentence, else the story's two sides
            own = countries_of(cand.actors)
            named = {p.country: p for a in actors for p in a.participants if p.country and p.country not in own}
            sides = list(named.values()) if len(named) == 2 else [p for p in state.pair if p.country not in own]
            if len(sides) == 2:
                cand.recipients = [ActorSpan(0, 0, cand.match.start, cand.match.start, sides, source="context")]
        if cand.event == "THREATEN" and cand.recipients and not countries_of(cand.recipients) - {None}:
            cand.recipients = []  # "threatened military action": no party named; the story context may give one
        if cand.event in {"ASSAULT", "COERCE"} and not countries_of(cand.recipients) - {None}:
            cand.recipients = speakers_own_target(doc, cand, actors, sent) or cand.recipients
        if not cand.recipients and cand.event in LOCATED_TYPES:
            cand.recipients = place_recipient(article, cand, sent)
            cand.location_recipient = bool(cand.recipients)
        if not cand.recipients and cand.cameo == SHOW_OF_FORCE and cand.mode == "troops" and cand.actors \
                and not cand.negated:
            # "Beijing held naval drills" in a China-Philippines story: a show of force (drills,
            # exercises, patrols) is aimed at the other side of a two-country dyad; a deployment
            # (CAMEO 154) may be defensive, a weapons test is aimed at no one
            own = countries_of(cand.actors)
            aimed_at = context_recipient(cand, state, participants_of)
            cand.recipients = aimed_at if not countries_of(aimed_at) & own else []
        if cand.event == "ASSAULT" and cand.actors and cand.recipients and all_places(article, doc, cand.recipients) \
                and countries_of(cand.recipients) - {None} <= countries_of(cand.actors) - {None}:
            # "Ukraine's army captured a village" in Ukraine: the place is the actor's own; the
            # side it was taken from is the story's other party
            partner = [p for p in state.pair if p.country and p.country not in countries_of(cand.actors)]
            if partner and len(partner) < len(state.pair):  # only where the story's dyad includes the actor
                cand.recipients = [ActorSpan(0, 0, cand.match.start, cand.match.start, partner[:1], source="context")]
                cand.location_recipient = False
        elif cand.event in LOCATED_TYPES and cand.recipients and not countries_of(cand.recipients) - {None}:
            # "killed 18 people in Gaza": victims without a country take the place's; police
            # dispersing or arresting demonstrators act in their own country
            place = place_recipient(article, cand, sent) or sentence_place(article, sent)
            country = place[0].participants[0].country if place else None
            if country is None and (cand.mode in {"crowd-control", "arrest"} or cand.event == "PROTEST"):
                country = next(iter(countries_of(cand.actors) - {None}), None)
            if country is not None:
                for r in cand.recipients:
                    r.participants = [p.model_copy(update={"country": country}) for p in r.participants]
        cand.recipients = countryless_target(cand, state, participants_of)
        # where the actors end before the trigger (the rules below change no actors)
        last_actor = max((a.tok_end for a in cand.actors if a.tok_end <= cand.match.start), default=cand.match.start)
        two_sides = len(countries_of(cand.actors) - {None}) >= 2
        cand.mutual = two_sides and bool(set(token_values(doc, "lower_")[last_actor:cand.match.start]) & {"each", "both"})
        if (cand.match.trigger.reciprocal or cand.mutual) and two_sides:
            # "Russia and Ukraine each freed 150 prisoners": the countryless captives add nothing
            cand.recipients = [r for r in cand.recipients if countries_of([r]) - {None}]
        if doc[cand.match.end - 1].lower_ in {"counterpart", "counterparts"} \
                and cand.match.end < sent.end and doc[cand.match.end].text == ",":
            # "handed her Ukrainian counterpart, Dmytro Lubinets, a list": the appositive names the
            # recipient ("her" is the actor's own possessive, not a party)
            cand.recipients = [a for a in actors if a.tok_start == cand.match.end + 1][:1] or cand.recipients
        if cand.event in {"ACCUSE", "REJECT", "SUPPORT"} and not cand.recipients:
            cand.recipients = answered(doc, cand, sent, state) or cause_party(doc, cand, actors)
        if cand.event not in LOCATED_TYPES and cand.recipients and all(
                r.source == "place" or _lower_before(doc, r.tok_start) in {"in", "at"} for r in cand.recipients) \
                and countries_of(cand.recipients) <= countries_of(cand.actors):
            cand.recipients = []  # "offered to host talks in Bogotá": the host's own city is no party
        if not cand.recipients and cand.event in CONTEXT_TYPES and cand.match.trigger.pos == "verb" \
                and not cand.nominal and not cand.match.trigger.reciprocal and not cand.negated \
                and (not cand.match.trigger.content or cand.event in BOTH_SIDES_TYPES or cand.event == "THREATEN"):
            # "we are not asking for charity" answers no one; "wants"/"promised" alone only as a third party's offer
            # "threatened military action", "vowed to retaliate": a threat's target is the other side
            content = bool(cand.match.trigger.content) and cand.event != "THREATEN"
            cand.recipients = context_recipient(cand, state, participants_of, third_party_only=content)
        if cand.event == "PROTEST" and cand.match.trigger.pos == "verb" and cand.actors \
                and all(p.sector == "GOV" for p in participants_of(cand.actors)):
            # a government that "protests" complains; PLOVER PROTEST is civilian collective action
            cand.event, cand.mode, cand.cameo = "ACCUSE", "disapprove", "111"
        negated_cooperation(cand)
        cand.verb_between = any(p in {"VERB", "AUX"} for p in token_values(doc, "pos_")[last_actor:cand.match.start])
        cand.direct_object = cand.event == "ASSAULT" and not cand.recipients and direct_object(doc, cand, sent)
        if _valid(cand):
            cand.confidence = _confidence(cand, parsed)
            kept.append(cand)
    record_nouns(doc, sent, actors, state)
    for cand in kept:
        state.last_by_type[cand.event] = participants_of(cand.actors)
        state.last_by_trigger[cand.match.trigger.words.split()[0]] = participants_of(cand.actors)
        state.seen_events += 1
        state.recency[cand.event] = state.seen_events
        if cand.actors:
            state.last_actors = participants_of(cand.actors)
        remember_parties(cand, state, participants_of)
        parties = [p for p in participants_of(cand.actors) + participants_of(cand.recipients)
                   if p.country and p.country not in state.mediators]  # a broker is neither of "both sides"
        if len({p.country for p in parties}) >= 2:
            state.pair = parties[:2]
    kept.sort(key=lambda c: -c.confidence)
    unique: list[Candidate] = []
    for cand in kept:  # "will meet in Zurich to discuss": one meeting, not two
        sig = (cand.event, countries_of(cand.actors), countries_of(cand.recipients))
        if any((c.event, countries_of(c.actors), countries_of(c.recipients)) == sig for c in unique):
            continue
        if countries_of(cand.recipients) <= {None} and any(
                c.event == cand.event and countries_of(c.actors) == sig[1] and c.recipients for c in kept if c is not cand
                and not countries_of(c.recipients) <= {None}):
            continue  # the same act with a recipient whose country is known says more
        unique.append(cand)
    return sorted(unique[:MAX_PER_SENTENCE], key=lambda c: c.match.start)


# words that mark a barrage as an attack even where no target is named ("fired rockets in response")
PROJECTILES = {"missile", "missiles", "rocket", "rockets", "drone", "drones"}
ATTACK_SIGNS = {"overnight", "drones", "barrage", "wave", "response", "retaliation", "reprisal", "revenge"}


def _other_party(doc: Any, sent: Any, actors: list[ActorSpan], cand: Candidate,
                 state: ArticleState) -> list[ActorSpan]:
    """Another country named in the sentence (the one reporting the barrage, after it or as the
    speaker before it), else the story's other side."""
    own = countries_of(cand.actors) - {None}
    others = [a for a in actors if a.tok_start >= cand.match.end and countries_of([a]) - {None} - own]
    if others:
        return others[:1]
    reporter = speaker(doc, cand, actors, sent)  # "Ukraine's air force said Russia launched 40 drones"
    if countries_of(reporter) - {None} - own:
        return reporter
    partner = [p for p in state.pair if p.country and p.country not in own]
    return [ActorSpan(0, 0, cand.match.start, cand.match.start, partner[:1], source="context")] if partner else []


def _lower_before(doc: Any, i: int) -> str:
    j = i - 1
    while j >= 0 and doc[j].lower_ in {"the", "a", "an"}:
        j -= 1
    return doc[j].lower_ if j >= 0 else ""


def _to_event(article: Article, cand: Candidate, sent: Any, index: int) -> Event:
    doc = article.doc
    start = doc[cand.tok_start].idx
    last = doc[cand.tok_end - 1]
    end = last.idx + len(last.text)
    date = event_date(article, (start, end), sent, doc[cand.match.start].idx)
    future, historical = time_flags(article, date)
    actors = participants_of(cand.actors)
    recipients = [p for p in participants_of(cand.recipients) if p not in actors]
    return Event.model_validate({
        "id": f"v{index}", "event": cand.event, "mode": cand.mode, "actors": actors, "recipients": recipients,
        "date": date, "place": event_place(article, (start, end)),
        "negated": cand.negated, "hypothetical": cand.hypothetical and not cand.negated,
        "future": cand.future or future, "historical": historical and not future,
        "cameo": cand.cameo, "goldstein": goldstein(cand.cameo), "plover_score": plover_score(cand.event, cand.mode),
        "confidence": cand.confidence, "evidence": Span(start=start, end=end, text=article.text[start:end]),
        "quote": _event_quote(article, doc[cand.match.start].idx, doc[cand.match.end - 1].idx + 1),
        "trigger": cand.match.trigger.words})  # the lexicon entry, so users can trace and fix a coding


# "after"/"following" are left out: "said following a conversation with Putin" reports the call
TEMPORAL_PREPS = {"prior", "since", "until", "pre", "ahead"}


def _temporal_anchor(doc: Any, cand: Candidate) -> bool:
    """Whether a nominal event sits in a temporal phrase ("prior to X's annexation", "since the war")."""
    start = min([cand.match.start] + [a.tok_start for a in cand.actors])
    before = {doc[i].lower_ for i in range(max(0, start - 3), start)}
    return bool(before & TEMPORAL_PREPS)


def _sentences(doc: Any) -> list[Any]:
    """The Doc's sentences, with verbless fragments joined to the next one ("Ukrainian lawmakers
    Tuesday" | "endorsed an agreement ..." is one sentence the segmenter split)."""
    sents = list(doc.sents)
    if not doc.has_annotation("POS"):
        return sents
    out: list[Any] = []
    pending = None
    pos, text = token_values(doc, "pos_"), doc_text(doc)
    for sent in sents:
        start = pending.start if pending is not None else sent.start
        span = doc[start:sent.end]
        verbless = len(sent) <= 8 and not any(p in {"VERB", "AUX"} for p in pos[sent.start:sent.end]) \
            and not text[sent.start_char:sent.end_char].rstrip().endswith((".", "!", "?", ":"))
        if verbless and sent.end < len(doc):
            pending = span
            continue
        out.append(span)
        pending = None
    if pending is not None:
        out.append(pending)
    return out


def _key(v: Event) -> tuple[Any, ...]:
    return (v.event, tuple(sorted(str(a.country) for a in v.actors)),
            tuple(sorted(str(r.country) for r in v.recipients)), v.date, v.negated)


def find_events(article: Article) -> list[Event]:
    """All events of an analysed article whose actors have been resolved."""
    doc = article.doc
    if doc is None:
        return []
    # a first reading finds the article's main dyad, so that a target left unnamed early in the
    # story ("Pakistan would respond with full force" in the lead) can come from later sentences
    first = ArticleState()
    sentences = _sentences(doc)
    for sent in sentences:
        sentence_candidates(article, sent, first)
    state = ArticleState(dyads=Counter(first.dyads), parties={k: list(v) for k, v in first.parties.items()},
                         mediators=set(first.mediators), story_dyads=Counter(first.dyads), memo=first.memo)
    events: list[Event] = []
    seen: dict[tuple[Any, ...], Event] = {}
    brokered: set[tuple[Any, ...]] = set()
    for sent in sentences:
        for cand in sentence_candidates(article, sent, state):
            event = _to_event(article, cand, sent, len(events) + 1)
            if cand.nominal and _temporal_anchor(doc, cand):
                continue  # "prior to Russia's annexation of Crimea": background that dates something else
            key = _key(event)
            # a later nominal mention ("his call with Putin") repeats an event already coded
            # ("carried out patrols", a noun under a light verb, is a new act, not a mention)
            if key in seen and cand.nominal and not cand.match.trigger.needs_verb:
                continue
            # a broker's later word on its role ("the 12th exchange it had brokered") repeats the
            # story's one mediation between the same parties, whatever date its sentence carries
            if cand.cameo == MEDIATE_CAMEO and key[:3] in brokered:
                continue
            if cand.cameo == MEDIATE_CAMEO:
                brokered.add(key[:3])
            seen.setdefault(key, event)
            events.append(event)
    for i, event in enumerate(events, 1):
        event.id = f"v{i}"
    return events


@stage("events", requires=("doc", "entities"), assigns=("events",))
def extract_events(article: Article) -> Article:
    article.events = find_events(article)
    return article

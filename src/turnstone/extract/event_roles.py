"""Event roles by word order: who acts and who is acted upon, for one trigger match.

The nearest non-oblique actor to the left is the actor, the first actor to the right in one of
the trigger's recipient roles ("obj" or a preposition) is the recipient. A nominal trigger takes
its possessor or a "between A and B" pair; a passive takes its "by" agent, and its subject is the
recipient. An attack in the passive with no agent ("a power station in Kharkiv was struck") is
agentless: its target is the subject, or the place the subject stands in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..analyze.doc_cache import lower_at, token_values
from .event_actors import ActorSpan
from .event_lexicon import Trigger, TriggerMatch
from .event_rules import (
    BE,
    BOUNDARIES,
    DETERMINERS,
    PREPOSITIONS,
    SKIPPABLE,
    SPEECH_AFTER,
    UNDERGO,
    Candidate,
    _prev_actor_in,
    between_pair,
    by_agent,
    is_nominal,
    left_actor,
    possessor,
    right_recipient,
)


def passive(doc: Any, m: TriggerMatch, sent_start: int) -> bool:
    """A verb trigger in the passive: "was released", or a reduced relative ("officials accused of")."""
    word = doc[m.start].lower_
    participle = word.endswith(("ed", "en", "wn")) or word in {"met", "held", "shot", "struck", "fought", "freed", "hit"}
    if not participle:
        return False
    j = m.start - 1
    while j >= sent_start:  # back over adverbs and skippable words to an auxiliary
        before = lower_at(doc, j)
        if before in {"been", "being"}:
            return True
        if before not in SKIPPABLE and not before.endswith("ly"):
            break
        j -= 1
    if j >= sent_start and doc[j].lower_ in BE:
        return True
    nxt = lower_at(doc, m.end)
    if nxt == "by" or (nxt in {"of", "for"} and m.trigger.recipient[:1] == ("obj",)):
        return True
    # "soldiers killed in Ukraine": a transitive trigger with a preposition or nothing where its
    # object should be is a reduced passive
    if lower_at(doc, m.start - 1) in {"has", "have", "had", "having"}:
        return False
    return m.trigger.recipient == ("obj",) and m.end == m.start + 1 and word.endswith("ed") \
        and nxt in PREPOSITIONS - {"that", "to"}


def _aux_passive(doc: Any, m: TriggerMatch, sent_start: int) -> bool:
    return any(lower_at(doc, j) in BE for j in range(max(sent_start, m.start - 3), m.start))


def _located_subject(doc: Any, actors: Sequence[ActorSpan], m: TriggerMatch, sent: Any) -> list[ActorSpan]:
    for a in reversed(_prev_actor_in(actors, m.start)):
        j = a.tok_start - 1
        while j > sent.start and lower_at(doc, j) in {"the", "a", "an"}:
            j -= 1
        between = set(token_values(doc, "lower_")[a.tok_end:m.start])
        if lower_at(doc, j) in {"in", "from"} and not between & (BOUNDARIES | {",", "and"}) and m.start - a.tok_end <= 3:
            return [a]
        return []
    return []


# Types whose location may stand in for a missing recipient (PETRARCH and ICEWS do the same);
# also visits, whose host is where the visitor goes ("attend a summit in Switzerland").
LOCATED_TYPES = {"PROTEST", "MOBILIZE", "ASSAULT", "COERCE"}


AUTHORITY_SECTORS = {"GOV", "MIL", "COP", "POL", "JUD"}


def _reporting_authority(doc: Any, actors: Sequence[ActorSpan], m: TriggerMatch, sent: Any) -> list[ActorSpan]:
    """The sentence's government source of a report ("police said", "the ministry said") left of the trigger."""
    for a in actors:
        if a.tok_end > m.start or lower_at(doc, a.tok_end) not in SPEECH_AFTER:
            continue
        parts = a.participants
        if parts and all(p.sector in AUTHORITY_SECTORS and p.country for p in parts):
            return [a]
    return []


def _is_object(doc: Any, actor: ActorSpan, objects: set[int]) -> bool:
    """Whether an actor directly follows another trigger, as its object ("accused Rwanda")."""
    return actor.tok_start - 1 in objects or actor.tok_start - 2 in objects and lower_at(doc, actor.tok_start - 1) in DETERMINERS


# acts whose target a passive names while their author stays unknown ("a journalist was detained")
AGENTLESS_TYPES = {"ASSAULT", "COERCE"}
# what an attack is carried out with, when it stands where a passive's agent would
WEAPONS = {"drone", "drones", "missile", "missiles", "rocket", "rockets", "shell", "shells", "fire", "mortar",
           "mortars", "artillery", "bomb", "bombs", "shelling", "airstrike", "airstrikes", "gunfire", "explosives",
           "mine", "mines", "grenade", "grenades", "gunmen", "shrapnel", "munitions"}
SUBJECT_PLACE_PREPS = {"in", "near", "at", "outside", "inside", "on"}
OWNERS = {"its", "their", "his", "her", "our", "whose"}


def _fired_from(doc: Any, actors: Sequence[ActorSpan], m: TriggerMatch, sent: Any) -> list[ActorSpan]:
    """The country or place after "from" right after a passive attack ("fired at it from the Gaza Strip")."""
    for a in actors:
        if m.end <= a.tok_start <= m.end + 6 and "from" in {lower_at(doc, j) for j in range(a.tok_start - 2, a.tok_start)} \
                and a.countries - {None} and not any(p.sector for p in a.participants) \
                and not {lower_at(doc, j) for j in range(m.end, a.tok_start)} & (BOUNDARIES | {","}):
            return [a]
    return []


def _weapon(doc: Any, actor: ActorSpan) -> bool:
    """A mention of weapons with no country ("drones", "mortar fire"), not a party to an event."""
    return doc[actor.tok_end - 1].lower_ in WEAPONS and not actor.countries - {None}


def _subject_place(doc: Any, actors: Sequence[ActorSpan], m: TriggerMatch, sent: Any) -> list[ActorSpan]:
    """The located place inside a passive's subject phrase ("a hospital in El Fasher was shelled").

    Not where the subject has an owner ("one of its bases near X"): the owner is the target,
    and the place's country would be a guess."""
    for a in reversed(_prev_actor_in(actors, m.start)):
        gap = set(token_values(doc, "lower_")[a.tok_end:m.start])
        if m.start - a.tok_end > 4 or gap & (BOUNDARIES | {",", "and"}):
            return []
        if lower_at(doc, a.tok_start - 1) in SUBJECT_PLACE_PREPS and a.countries - {None} \
                and not any(p.sector for p in a.participants):
            phrase = {lower_at(doc, j) for j in range(max(sent.start, a.tok_start - 6), a.tok_start)}
            return [] if phrase & OWNERS else [a]
    return []


def linear_roles(doc: Any, actors: Sequence[ActorSpan], m: TriggerMatch, sent: Any,
                 objects: set[int] | None = None) -> Candidate:
    trig: Trigger = m.trigger
    cand = Candidate(m, trig.event, trig.mode, trig.cameo, nominal=trig.pos == "noun")
    roles = list(trig.recipient)
    objects = objects or set()
    if trig.pos == "noun" or (m.end - m.start > 1 and is_nominal(doc, m.start, sent.start)):
        cand.nominal = True
        pair = between_pair(doc, actors, m, sent)
        if pair:
            cand.actors = pair
            return cand
        cand.actors = possessor(doc, actors, m, sent.start)
        if not cand.actors:
            cand.actors = [a for a in left_actor(doc, actors, m.start, sent.start, max_distance=12)
                           if not _is_object(doc, a, objects)]
            cand.confidence -= 0.1
        cand.recipients, cand.location_recipient = right_recipient(doc, actors, m, sent, roles)
        if cand.location_recipient and trig.event not in LOCATED_TYPES and trig.mode != "visit":
            cand.recipients, cand.location_recipient = [], False
        if not cand.actors or cand.actors == cand.recipients:
            # "a visit to Caracas by U.S. envoy Richard Grenell": the agent follows "by"
            agent = by_agent(doc, actors, m, sent)
            if agent:
                cand.actors = agent
        if lower_at(doc, m.start - 1) in UNDERGO or lower_at(doc, m.start - 2) in UNDERGO:
            # "Obama faces pressure from Congress": the source follows "from", the subject undergoes it
            source = [a for a in actors if a.tok_start >= m.end and lower_at(doc, a.tok_start - 1) == "from"]
            if source:
                cand.actors, cand.recipients = source[:1], cand.actors
        return cand
    if passive(doc, m, sent.start):
        # "struck by drones": a weapon with no country named is no actor; the attack is agentless
        cand.actors = [a for a in by_agent(doc, actors, m, sent) if not _weapon(doc, a)]
        # the subject of "was released"; in a reduced relative ("victims killed by") only an
        # actor right before the participle
        reach = 40 if _aux_passive(doc, m, sent.start) else 1
        cand.recipients = [a for a in left_actor(doc, actors, m.start, sent.start) if m.start - a.tok_end <= reach]
        if not cand.actors and trig.event == "COERCE":
            # "the interior ministry said 51 people had been detained": the state authority that
            # reports an arrest in its own country made it
            cand.actors = _reporting_authority(doc, actors, m, sent)
        if not cand.actors and trig.event == "ASSAULT" and reach > 1:
            # "rockets were fired from Lebanon into northern Israel": with no agent, the place the
            # fire came from stands for the attacker (as in PETRARCH and ICEWS), where it aims the target
            source = _fired_from(doc, actors, m, sent)
            if source:
                cand.actors = source
                cand.recipients, cand.location_recipient = right_recipient(
                    doc, actors, m, sent, ["at", "into", "on", "toward", "towards", "against"])
                # a target in the source's own country says nothing of who was hit
                cand.recipients = [r for r in cand.recipients if not r.countries & source[0].countries]
                return cand
        if not cand.actors:  # an agentless passive names no actor
            # "one of its bases was hit by mortar fire": the target is known, the attacker is not;
            # the target is the passive's own subject, a few words back ("Israel said a mortar bomb
            # was fired" has a weapon for subject); "drones were shot down" is air defence
            near = [a for a in cand.recipients if m.start - a.tok_end <= 4]
            gap = {lower_at(doc, j) for j in range(min([a.tok_end for a in near] or [m.start]), m.start)}
            background = trig.event == "COERCE" and bool(gap & {"who", "which", "that", "had"})
            if trig.event in AGENTLESS_TYPES and near and reach > 1 and lower_at(doc, m.end) != "down" \
                    and not background:  # "an American who had been arrested": the story's background
                cand.recipients, cand.agentless = near, True
            elif trig.event == "ASSAULT" and reach > 1 and lower_at(doc, m.end) != "down" \
                    and _subject_place(doc, actors, m, sent):
                cand.recipients, cand.agentless = [], True  # the target: the subject's place, below
            elif trig.event == "MOBILIZE" and reach > 1:
                cand.recipients, cand.agentless = [], True  # the deploying force may come from context
            else:
                cand.recipients = []
        if trig.event == "ASSAULT" and not cand.recipients and reach > 1 and lower_at(doc, m.end) != "down":
            # "a power station in Kharkiv was struck": the target is where its subject stands
            cand.recipients = _subject_place(doc, actors, m, sent)
            cand.location_recipient = bool(cand.recipients)
        return cand
    cand.actors = left_actor(doc, actors, m.start, sent.start)
    if not cand.actors:
        # "a report released in the Rwandan capital alleged ...": with no named subject, the place
        # the subject comes from stands in for it
        cand.actors = _located_subject(doc, actors, m, sent)
        cand.confidence -= 0.15 if cand.actors else 0
    if trig.passive_role:  # "X received weapons from Y": Y gives, X receives
        giver, _ = right_recipient(doc, actors, m, sent, ["from"])
        cand.actors, cand.recipients = giver, cand.actors
        return cand
    cand.recipients, cand.location_recipient = right_recipient(doc, actors, m, sent, roles)
    if cand.location_recipient and trig.event not in LOCATED_TYPES and trig.mode != "visit":
        cand.recipients, cand.location_recipient = [], False  # "talks in Doha" are not talks with Qatar
    return cand

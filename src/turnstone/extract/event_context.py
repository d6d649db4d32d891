"""What the story so far says about an event its sentence leaves incomplete.

A reader takes an unnamed target from context: "Venezuela rejected the measures" answers the
sanctions of earlier sentences, "Pakistan would respond with full force" is aimed at the other
side of the article's main dyad, "both sides" are the last two parties named together, an
attack whose author is not named comes from the other side of a two-country fight. Also:
whether missiles were aimed at anything (a test if not) and whether an attack verb names a
physical target the actors stage cannot resolve.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..analyze.doc_cache import token_values
from ..model import Participant
from .event_actors import ActorSpan, countries_of
from .event_rules import Candidate

if TYPE_CHECKING:
    from .events import ArticleState

Participants = Callable[[list[ActorSpan]], list[Participant]]

TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "morning", "evening", "night", "afternoon", "day", "days", "week", "weekend"}


def aimed(doc: Any, start: int, end: int) -> bool:
    """Whether fire is aimed at something ("at a ship", "on Kyiv"), not merely dated ("on Tuesday")."""
    for j in range(start, end):
        if doc[j].lower_ not in {"at", "on", "against", "toward", "towards"}:
            continue
        k = j + 1
        while k < end and doc[k].lower_ in {"the", "a", "an", "early", "late", "this", "last"}:
            k += 1
        if k < end and doc[k].lower_ not in TIME_WORDS and not doc[k].like_num:
            return True
    return False


TARGET_NOUNS = {"ship", "vessel", "tanker", "convoy", "base", "camp", "hospital", "school", "market", "village",
                "town", "city", "port", "airport", "checkpoint", "embassy", "patrol", "plant", "facility", "bridge",
                "building", "compound", "outpost", "station", "positions", "position", "depot", "refinery", "train",
                "bus", "aircraft", "plane", "jet", "drone", "headquarters", "barracks", "mosque", "church", "site"}


def direct_object(doc: Any, cand: Candidate, sent: Any) -> bool:
    """Whether an active attack verb takes a physical target right after it ("attacked a cargo ship")."""
    if cand.match.trigger.pos != "verb" or cand.nominal or not cand.actors:
        return False
    for j in range(cand.match.end, min(sent.end, cand.match.end + 4)):
        if doc[j].lower_ in TARGET_NOUNS:
            return True
    return False


# Types whose target a reader takes from the story so far when the sentence does not name it:
# "Venezuela rejected the measures", "Pakistan would respond with full force", "X also offered to mediate".
CONTEXT_TYPES = {"THREATEN", "REJECT", "ACCUSE", "REQUEST", "SANCTION", "AGREE", "AID"}
# Aid goes to a side's friend, not its opponent: only a parallel event ("and the Netherlands
# announced aid") names its target.
PARALLEL_ONLY_TYPES = {"AID"}
# Third parties (mediators, donors' appeals) address both sides of the main dyad.
BOTH_SIDES_TYPES = {"REQUEST", "AGREE"}


MEDIATE_CAMEO = "045"


def main_dyad(state: ArticleState) -> frozenset[str] | None:
    """The country pair the story is about: the most frequent, latest on ties, never one that
    includes a mediator or host ("talks brokered by Angola" are not Angola's conflict)."""
    dyads = {d: n for d, n in state.dyads.items() if not d & state.mediators}
    if not dyads:
        return None
    best = max(dyads.values())
    return next(d for d in reversed(list(dyads)) if dyads[d] == best)


def remember_parties(cand: Candidate, state: ArticleState, participants: Participants) -> None:
    """Count the event's country pair and remember its parties, for later sentences."""
    if cand.recipients and not cand.location_recipient and all(a.source != "context" for a in cand.recipients):
        state.last_recipients[cand.event] = participants(cand.recipients)
    actors = [p for p in participants(cand.actors) if p.country and p.country != "IGO"]
    recipients = [p for p in participants(cand.recipients) if p.country and p.country != "IGO"]
    for p in actors + recipients:
        known = state.parties.setdefault(str(p.country), [])
        if p not in known:
            known.append(p)
    if cand.cameo == MEDIATE_CAMEO:
        # "an exchange mediated by the UAE": the broker is no side; the two it mediates between are
        state.mediators.update(str(p.country) for p in actors)
        sides = {str(p.country) for p in recipients} - state.mediators
        if len(sides) == 2:
            state.dyads[frozenset(sides)] += 1
        return
    own = sorted({str(p.country) for p in actors})
    if not recipients and cand.event == "ASSAULT" and len(own) == 2:
        # "Russia and Ukraine exchanged fire": two sides of one fight (talks between two countries
        # are left out: they made the seed's third-party appeals address the talks' parties)
        state.dyads[frozenset(own)] += 1
    # sorted: set order varies with the hash seed, and dyad ties go to the latest inserted
    for a in own:
        for r in sorted({str(p.country) for p in recipients}):
            state.dyads[frozenset({a, r})] += 1


def context_recipient(cand: Candidate, state: ArticleState, participants: Participants,
                      third_party_only: bool = False) -> list[ActorSpan]:
    """The target of an event whose sentence names none: the same type's last target (a parallel
    event), else the other side of the article's main dyad."""
    actors = participants(cand.actors)
    own = {p.country for p in actors if p.country}
    if not own or (cand.actors and all(a.source == "context" for a in cand.actors)):
        return []
    ids = {p.entity or p.name for p in actors}
    at = cand.match.end

    def span(parts: list[Participant]) -> list[ActorSpan]:
        parts = [p for p in parts if (p.entity or p.name) not in ids]
        return [ActorSpan(0, 0, at, at, parts, source="context")] if parts else []

    same = state.last_recipients.get(cand.event, [])
    if third_party_only:
        same = []
    if same and not own & {p.country for p in same}:
        return span(same)
    dyad = main_dyad(state)
    if dyad is None or cand.event in PARALLEL_ONLY_TYPES:
        return []
    if own & dyad and third_party_only:
        return []
    if own & dyad:
        others = dyad - own
        if others:
            parts = [state.parties[c][-1] for c in sorted(others) if state.parties.get(c)]
        else:  # a domestic dyad: the government's own opponents
            parts = [p for p in state.parties.get(next(iter(dyad)), []) if (p.entity or p.name) not in ids][-1:]
    elif cand.event in BOTH_SIDES_TYPES and len(dyad) == 2 \
            and (state.story_dyads[dyad] if state.story_dyads else state.dyads[dyad]) >= 2:
        # a third party's appeal or offer addresses the two sides of a conflict the story keeps
        # returning to, not a pair named once in passing
        parts = [state.parties[c][-1] for c in sorted(dyad) if state.parties.get(c)]
    else:
        return []
    return span(parts)




def context_attacker(cand: Candidate, state: ArticleState, participants: Participants) -> list[ActorSpan]:
    """The attacker of an agentless attack ("a power station in Kharkiv was struck") on one side
    of the story's two-country conflict: the other side. Inside one country (a civil war) or
    outside the main dyad the attacker stays unknown rather than guessed."""
    dyad = main_dyad(state)
    targets = {p.country for p in participants(cand.recipients) if p.country}
    if dyad is None or len(dyad) != 2 or len(targets) != 1 or not targets <= dyad:
        return []
    parts = state.parties.get(next(iter(dyad - targets)), [])[-1:]
    at = cand.match.start
    return [ActorSpan(0, 0, at, at, parts, source="context")] if parts else []


# a dyad a sentence names without an event PLOVER codes: "tensions between China and the
# Philippines", "Venezuela and Guyana have argued over Essequibo"
CONFLICT_NOUNS = {"tension", "tensions", "conflict", "conflicts", "war", "dispute", "disputes", "feud", "rivalry",
                  "standoff", "hostilities", "row", "clashes", "fighting", "animosity", "enmity"}
CONFLICT_VERBS = {"argued", "feuded", "quarrelled", "quarreled", "sparred", "wrangled", "disputed", "clashed"}
# "traded accusations/barbs/blame": hostile words exchanged
TRADED = {"accusations", "barbs", "blame", "insults", "threats", "warnings", "jabs"}


def remember_conflict(doc: Any, sent: Any, actors: list[ActorSpan], state: ArticleState) -> None:
    """Count a two-country conflict the sentence names outside any event as a dyad of the story."""
    def countries(spans: list[ActorSpan]) -> list[Participant]:
        seen: dict[str, Participant] = {}
        for a in spans:
            for p in a.participants:
                if p.country and p.country != "IGO":
                    seen.setdefault(str(p.country), p)
        return list(seen.values())

    for i, a in enumerate(actors):
        if i + 1 >= len(actors):
            break
        b = actors[i + 1]
        if token_values(doc, "lower_")[a.tok_end:b.tok_start] not in (["and"], ["and", "the"]):
            continue
        before = set(token_values(doc, "lower_")[max(sent.start, a.tok_start - 4):a.tok_start])
        after = set(token_values(doc, "lower_")[b.tok_end:min(sent.end, b.tok_end + 3)])
        traded = "traded" in after and bool(after & TRADED)
        if not ("between" in before and before & CONFLICT_NOUNS or after & CONFLICT_VERBS or traded):
            continue
        parts = countries([a, b])
        if len(parts) == 2 and not {str(p.country) for p in parts} & state.mediators:
            state.dyads[frozenset(str(p.country) for p in parts)] += 1
            for p in parts:
                known = state.parties.setdefault(str(p.country), [])
                if p not in known:
                    known.append(p)


# sanctions on a target the sentence names without a country ("sanctions on three shipping
# companies"): the story's other side owns the target. Not attacks or arrests: "struck rebel
# positions" in a Congo-Rwanda story hits Congolese rebels (held-out and sample gold agree)
TARGETED_TYPES = {"SANCTION"}
# in a story about one country (a government, gangs, protesters), countryless victims of an attack
# or arrest are that country's
DOMESTIC_TYPES = {"SANCTION", "ASSAULT", "COERCE"}


def countryless_target(cand: Candidate, state: ArticleState, participants: Participants) -> list[ActorSpan]:
    """The recipients of ``cand`` with the country the story gives them, where none has one:
    the other side of a two-country dyad the actor belongs to, or the actor's own country in a
    story about one country (a government against its rebels). Unchanged otherwise."""
    own = {p.country for p in participants(cand.actors) if p.country}
    if cand.event not in DOMESTIC_TYPES or not cand.recipients or not own \
            or any(p.country for p in participants(cand.recipients)):
        return cand.recipients
    dyad = main_dyad(state)
    if cand.event not in TARGETED_TYPES and dyad != frozenset(own):
        return cand.recipients
    if dyad is None or not own & dyad:
        # else the last two parties named together ("Iran and the US held talks")
        dyad = frozenset(str(p.country) for p in state.pair if p.country)
        if len(dyad) != 2 or not own & dyad:
            return cand.recipients
    others = dyad - own
    if len(others) == 1:
        country = next(iter(others))
    elif not others and len(dyad) == 1:
        country = next(iter(dyad))
    else:
        return cand.recipients
    return [replace(r, participants=[p.model_copy(update={"country": country}) for p in r.participants])
            for r in cand.recipients]


# verbs whose object "them", with no group named in the sentence, addresses the story's two sides
PAIR_ADDRESS_VERBS = {"urge", "ask", "call", "press", "tell", "warn", "invite", "implore"}
PAIR_PHRASES = ("both sides", "both parties", "both countries", "both governments", "both leaders",
                "the two sides", "the two countries", "the two governments", "the two leaders", "the two parties")
PAIR_WORDS = [phrase.split() for phrase in PAIR_PHRASES]
PAIR_FIRST_WORDS = {words[0] for words in PAIR_WORDS}


def with_pairs(doc: Any, sent: Any, actors: list[ActorSpan], state: ArticleState) -> list[ActorSpan]:
    """"both sides", "the two countries": the last two parties the article named together."""
    if not state.pair:
        return actors
    added = []
    lower = token_values(doc, "lower_")[sent.start:sent.end]  # this runs for every sentence
    for k in range(len(lower) - 1):
        i = sent.start + k
        if lower[k] in PAIR_FIRST_WORDS:
            for words in PAIR_WORDS:
                j = i + len(words)
                if j <= sent.end and lower[k:k + len(words)] == words:
                    added.append(ActorSpan(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), i, j,
                                           list(state.pair), source="context"))
        # "urged them to avoid escalation" right after both sides were named: "them" is the pair
        if lower[k] == "them" and i > sent.start and doc[i - 1].lemma_.lower() in PAIR_ADDRESS_VERBS \
                and not any(a.tok_start < i and a.tok_end > sent.start and len(countries_of([a]) - {None}) >= 2
                            for a in actors):
            added.append(ActorSpan(doc[i].idx, doc[i].idx + 4, i, i + 1, list(state.pair), source="context",
                                   pronoun=True))
    if not added:
        return actors
    # the pair replaces what the phrase was read as on its own ("parties" as political parties)
    kept = [a for a in actors if not any(b.tok_start < a.tok_end and a.tok_start < b.tok_end for b in added)]
    return sorted(kept + added, key=lambda a: a.tok_start)

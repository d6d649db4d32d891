"""What a reaction answers: the act an accusation, rejection or protest is about.

"condemned the attack" answers the actors of the last attack the story reported, "rejected the
measures" the last sanctions; where the act was no coded event, whoever was named before the last
mention of the noun ("Seoul, Washington and Tokyo held an air exercise"). A protest "after two
Chinese ships entered its waters" answers the subject of the clause that caused it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..analyze.doc_cache import token_values
from .event_actors import ActorSpan, countries_of, participants_of
from .event_rules import Candidate

if TYPE_CHECKING:
    from .events import ArticleState

# What an accusation or rejection answers, by the noun it takes: "condemned the attack",
# "rejected the accusation", "rejected calls for elections", "rejected the measures".
ANSWERED = {"attack": "ASSAULT", "attacks": "ASSAULT", "strike": "ASSAULT", "strikes": "ASSAULT",
            "shelling": "ASSAULT", "bombing": "ASSAULT", "violence": "ASSAULT", "killing": "ASSAULT",
            "killings": "ASSAULT", "crackdown": "ASSAULT", "seizure": "COERCE", "arrest": "COERCE",
            "arrests": "COERCE", "detention": "COERCE", "measures": "SANCTION", "sanctions": "SANCTION",
            "bans": "SANCTION", "accusation": "ACCUSE", "accusations": "ACCUSE", "allegation": "ACCUSE",
            "allegations": "ACCUSE", "charges": "ACCUSE", "criticism": "ACCUSE", "calls": "REQUEST",
            "demands": "REQUEST", "demand": "REQUEST", "request": "REQUEST", "ultimatum": "THREATEN",
            "threats": "THREATEN", "exercise": "MOBILIZE", "exercises": "MOBILIZE", "deployment": "MOBILIZE",
            "launch": "MOBILIZE", "test": "MOBILIZE"}
# cooperative acts a reaction names ("welcomed the agreement", "criticised the deal"): the latest
# event of any of these types
COOPERATION = {"agreement": ("SUPPORT", "AGREE"), "deal": ("SUPPORT", "AGREE"), "accord": ("SUPPORT", "AGREE"),
               "treaty": ("SUPPORT", "AGREE"), "pact": ("SUPPORT", "AGREE"), "ceasefire": ("AGREE", "RETREAT"),
               "truce": ("AGREE", "RETREAT"), "talks": ("CONSULT",), "meeting": ("CONSULT",),
               "summit": ("CONSULT",), "release": ("RETREAT",), "exchange": ("RETREAT",), "swap": ("RETREAT",)}
# nouns that point back to whatever the article reported last ("called the move a provocation")
ANSWERED_ANY = {"move", "decision", "step", "remark", "remarks", "comments", "proposal", "plan", "action", "actions"}


def _stem(noun: str) -> str:
    """The lexicon's base form of an answered noun: "strikes" -> "strike", "shelling" -> "shell"."""
    if noun.endswith("ing"):
        return noun[:-3]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def answered(doc: Any, cand: Candidate, sent: Any, state: ArticleState) -> list[ActorSpan]:
    """The actor of the earlier event an accusation, rejection or praise is about, named by its object noun."""
    # the object follows the trigger, or is the antecedent of a relative clause ("a proposal that
    # Russia and China have resisted", "a move Y called ...")
    after = range(cand.match.end, min(sent.end, cand.match.end + 4))
    first = min([a.tok_start for a in cand.actors] + [cand.match.start])
    before = range(max(sent.start, first - 2), first)
    for j in [*after, *before]:
        word = doc[j].lower_
        event = ANSWERED.get(word)
        if word in COOPERATION:
            if cand.event == "REJECT":
                continue  # "refused direct talks with M23" refuses a new act; it answers nothing earlier
            seen = [t for t in COOPERATION[word] if t in state.recency]
            event = max(seen, key=state.recency.__getitem__) if seen else None
            if event is None:
                continue
        if event is None and word not in ANSWERED_ANY:
            continue
        actors = {(p.entity or p.name) for p in participants_of(cand.actors)}
        own = countries_of(cand.actors) - {None}
        source = state.last_by_type.get(event, []) if event else state.last_actors
        same_word = state.last_by_trigger.get(_stem(word), [])
        if event and same_word:
            source = same_word
        # a country does not condemn its own act: "North Korea condemned the exercise" answers
        # someone else's exercise, not its own missile test
        earlier = [p for p in source if (p.entity or p.name) not in actors and p.country not in own]
        if not earlier:  # the act was no coded event: whoever the last mention of the noun followed
            earlier = [p for p in state.noun_actors.get(word, []) if p.country not in own]
        if earlier:
            return [ActorSpan(doc[j].idx, doc[j].idx + len(doc[j].text), j, j + 1, earlier, source="context")]
        return []
    return []


def record_nouns(doc: Any, sent: Any, actors: list[ActorSpan], state: ArticleState) -> None:
    """Remember the countries named before each answerable noun of the sentence."""
    lower = token_values(doc, "lower_")
    for i in range(sent.start, sent.end):
        word = lower[i]
        if word in ANSWERED or word in ANSWERED_ANY:
            before = participants_of([a for a in actors if a.tok_end <= i])
            named = [p for p in before if p.country and p.country != "IGO"]
            if named:
                state.noun_actors[word] = named


CAUSE_WORDS = {"after", "over", "following"}


def cause_party(doc: Any, cand: Candidate, actors: list[ActorSpan]) -> list[ActorSpan]:
    """"lodged a protest after two Chinese ships entered its waters": a protest names no target,
    the party whose act caused it is the subject of the clause right after it."""
    own = countries_of(cand.actors) - {None}
    for a in sorted(actors, key=lambda a: a.tok_start):
        if a.tok_start < cand.match.end or a.tok_start - cand.match.end > 5:
            continue
        gap = token_values(doc, "lower_")[cand.match.end:a.tok_start]
        if gap and gap[0] in CAUSE_WORDS and not {",", ";", "and"} & set(gap) and countries_of([a]) - {None} - own:
            return [a]
    return []

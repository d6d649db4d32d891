"""Accusations in reported speech: "Kyiv said Moscow had violated the truce".

A lexicon entry marked ``reported`` names a wrongdoing (violate, breach, meddle, be behind an
attack). Said by the reporter it is no event PLOVER codes; said by someone it is that speaker's
accusation (ACCUSE, CAMEO 112) against the clause's subject. The speaker is the actor of a speech
verb just before the clause ("X said (that) Y ...", "X told reporters Y ...") or right after it
("Y violated the truce, X said"). A denial ("said Y had not violated") is no accusation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .event_actors import ActorSpan, countries_of
from .event_rules import Candidate

# verbs that report what someone asserts; "accused"/"alleged"/"claimed" govern their own event
SPEECH_WORDS = {"said", "says", "say", "told", "tells", "insisted", "insists", "argued", "argues", "stated",
                "states", "added", "claimed", "claims", "alleged", "alleges", "charged", "asserted", "maintained",
                "maintains", "complained", "complains", "noted", "believes", "believed", "warned", "accused",
                "accusing", "accuses", "blamed", "blames", "declared", "announced", "wrote", "tweeted", "posted"}
# words between a speech verb and the clause: "said on Monday that", "told reporters in Kyiv"
FILLER_REACH = 7
SPEAKER_REACH = 6


def _same_party(a: Sequence[ActorSpan], b: Sequence[ActorSpan]) -> bool:
    ids_a = {p.entity or p.name for s in a for p in s.participants}
    ids_b = {p.entity or p.name for s in b for p in s.participants}
    return bool(ids_a & ids_b) or any(s.pronoun for s in b)


def _speech_before(doc: Any, start: int, sent: Any) -> int | None:
    """The speech verb that introduces a clause beginning at token ``start``, if any."""
    for j in range(start - 1, max(sent.start, start - FILLER_REACH) - 1, -1):
        word = doc[j].lower_
        if word in SPEECH_WORDS:
            return j
        if word in {";", ".", "but", "while", "although", "because"}:
            return None
    return None


def _speaker_before(actors: Sequence[ActorSpan], speech: int, clause: list[ActorSpan]) -> list[ActorSpan]:
    found = [a for a in actors if a.tok_end <= speech and speech - a.tok_end <= SPEAKER_REACH and a not in clause]
    return found[-1:]


def _speaker_after(doc: Any, actors: Sequence[ActorSpan], end: int, sent: Any) -> list[ActorSpan]:
    """"Y violated the truce, X said" / ", said X": the speaker of a trailing attribution."""
    for k in range(end, sent.end):
        if doc[k].lower_ not in SPEECH_WORDS:
            continue
        if not any(doc[i].text in {",", "\u201d", '"'} for i in range(end, k)):
            return []
        before = [a for a in actors if a.tok_start >= end and 0 <= k - a.tok_end <= 1]
        after = [a for a in actors if a.tok_start in {k + 1, k + 2}]
        return (before or after)[:1]
    return []


def speaker(doc: Any, cand: Candidate, actors: Sequence[ActorSpan], sent: Any) -> list[ActorSpan]:
    """Who asserts the reported clause of ``cand``, or [] when the reporter does."""
    start = min([a.tok_start for a in cand.actors] + [cand.match.start])
    speech = _speech_before(doc, start, sent)
    if speech is not None:
        return _speaker_before(actors, speech, cand.actors)
    return _speaker_after(doc, actors, cand.match.end, sent)


def recast_reported(doc: Any, cands: list[Candidate], actors: Sequence[ActorSpan], sent: Any) -> None:
    """Turn each ``reported`` candidate into the speaker's accusation, or drop it (``consumed``)."""
    for cand in cands:
        if cand.consumed or not cand.match.trigger.reported:
            continue
        accused = cand.actors
        said_by = speaker(doc, cand, actors, sent) if accused else []
        own = countries_of(said_by) - {None}
        # a speaker without a country ("he said", "a spokesman said") leaves the accuser unknown;
        # a party does not accuse itself ("Russia said it had ...")
        if cand.negated or not own or _same_party(said_by, accused):
            cand.consumed = True
            continue
        speech = _speech_before(doc, min(a.tok_start for a in accused), sent)
        gov = next((c for c in cands if c is not cand and not c.consumed and c.event == "ACCUSE"
                    and speech is not None and c.match.start <= speech < c.match.end), None)
        if gov is not None:
            # "accused Hamas of breaching the truce": the accusation is already coded; the
            # wrongdoing's subject is its target if it has none yet
            gov.recipients = gov.recipients or accused
            cand.consumed = True
            continue
        cand.actors, cand.recipients = said_by, accused
        cand.nominal = False


# "its" in a target after an act the speaker reports: "X said Y fired on its positions" ("their"
# is left out: after plural attackers it is their own, "fired on their positions")
OWNER_WORDS = {"its"}


def speakers_own_target(doc: Any, cand: Candidate, actors: Sequence[ActorSpan], sent: Any) -> list[ActorSpan]:
    """The speaker as the target of a reported attack on "its" positions, troops or ships, where
    the speaker is no party of the act's actor ("Azerbaijan said Armenian forces had fired on its
    positions" -> Azerbaijan)."""
    for j in range(cand.match.end, min(sent.end, cand.match.end + 4)):
        at_it = doc[j].lower_ == "it" and doc[j - 1].lower_ in {"at", "on", "against"}  # "fired at it"
        if doc[j].lower_ not in OWNER_WORDS and not at_it:
            continue
        if j + 1 < sent.end and doc[j + 1].lower_ == "own":
            return []
        said_by = speaker(doc, cand, actors, sent) if cand.actors else []
        own = countries_of(said_by) - {None}
        if not own or own & countries_of(cand.actors):
            return []
        return [ActorSpan(doc[j].idx, doc[j].idx + len(doc[j].text), j, j + 1, list(said_by[0].participants),
                          pronoun=True, source="context")]
    return []

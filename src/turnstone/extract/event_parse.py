"""Event roles from the dependency parse, used where word order leaves a role empty.

Handles spaCy-style labels (nsubj, dobj, prep/pobj, agent) and Universal Dependencies labels
(obj, obl/nmod with a case child, nsubj:pass, obl:agent), since the shipped model may use either.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .event_actors import ActorSpan
from .event_lexicon import TriggerMatch
from .event_roles import _aux_passive, linear_roles, passive
from .event_rules import UNDERGO, Candidate


def _actor_at(actors: Sequence[ActorSpan], tok: Any) -> ActorSpan | None:
    for a in actors:
        if a.tok_start <= tok.i < a.tok_end:
            return a
    return None


def _subtree_actor(actors: Sequence[ActorSpan], tok: Any) -> list[ActorSpan]:
    """The actor a phrase headed by ``tok`` names, with conjuncts ("the US and Russia")."""
    found = []
    head = _actor_at(actors, tok)
    if head is None:
        # "the mayor of Nablus", "two Brazilian men": the nearest actor inside the phrase
        for t in tok.subtree:
            head = _actor_at(actors, t)
            if head is not None:
                break
    if head is not None:
        found.append(head)
    for conj in tok.conjuncts:
        a = _actor_at(actors, conj)
        if a is not None and a not in found:
            found.append(a)
    return found


def _case(tok: Any) -> str:
    """The preposition of a UD oblique/nominal modifier ("with" in "with Putin")."""
    return next((g.lower_ for g in tok.children if g.dep_ == "case"), "")


def _by_agent_dep(actors: Sequence[ActorSpan], verb: Any) -> list[ActorSpan]:
    for c in verb.children:
        if c.dep_ in {"agent", "obl:agent"} or (c.dep_ == "obl" and _case(c) == "by"):
            obj = [g for g in c.children if g.dep_ == "pobj"] or [c]
            return _subtree_actor(actors, obj[0])
        if c.dep_ == "prep" and c.lower_ == "by":
            obj = [g for g in c.children if g.dep_ == "pobj"]
            if obj:
                return _subtree_actor(actors, obj[0])
    return []


def _dep_recipients(actors: Sequence[ActorSpan], tokens: Sequence[Any], roles: Sequence[str]) -> list[ActorSpan]:
    """The first actor in one of the trigger's roles among the children of its words."""
    for tok in tokens:
        for c in tok.children:
            if c.dep_ in {"dobj", "obj", "iobj", "dative"} and "obj" in roles or c.dep_ in {"obl", "nmod"} and _case(c) in roles:
                found = _subtree_actor(actors, c)
            elif c.dep_ == "prep" and c.lower_ in roles:
                found = [a for g in c.children if g.dep_ == "pobj" for a in _subtree_actor(actors, g)]
            else:
                continue
            if found:
                return found
    return []


def dep_roles(doc: Any, actors: Sequence[ActorSpan], m: TriggerMatch, sent: Any) -> Candidate | None:
    """Roles from the dependency parse; None when the parse gives no actor."""
    trig = m.trigger
    head = doc[m.head]
    words = [doc[i] for i in range(m.start, m.end)]
    cand = Candidate(m, trig.event, trig.mode, trig.cameo, nominal=head.pos_ in {"NOUN", "PROPN"})
    verb = head
    if cand.nominal:
        for child in head.children:
            a = _actor_at(actors, child)
            if a is None:
                continue
            # "Rubio's meeting", "Israeli shelling": a possessor, or a modifier that names a country
            if child.dep_ in {"poss", "nmod:poss"} or (child.dep_ in {"compound", "amod"} and a.countries - {None}):
                cand.actors = _subtree_actor(actors, child)
                break
        if not cand.actors and head.dep_ in {"dobj", "obj"}:
            verb = head.head
            if verb.lower_ in UNDERGO or verb.lemma_ in UNDERGO:  # "faces pressure from Congress"
                source = _dep_recipients(actors, [head], ["from"])
                if source:
                    cand.actors = source
                    cand.recipients = [a for c in verb.children if c.dep_ in {"nsubj"} for a in _subtree_actor(actors, c)]
                    return cand
    reduced = verb.dep_ == "acl" and verb.tag_ == "VBN"  # "soldiers killed in Ukraine"
    is_passive = reduced or any(c.dep_ in {"nsubjpass", "nsubj:pass", "auxpass", "aux:pass"} for c in verb.children)
    if is_passive:
        cand.actors = _by_agent_dep(actors, verb)
        if reduced:
            target = _actor_at(actors, verb.head)
            cand.recipients = [target] if target else []
        else:
            cand.recipients = [a for c in verb.children if c.dep_ in {"nsubjpass", "nsubj:pass"}
                               for a in _subtree_actor(actors, c)]
        if trig.passive_role:
            cand.actors, cand.recipients = cand.recipients, cand.actors
        return cand if cand.actors else None
    if not cand.actors:
        cur = verb
        for _ in range(3):  # climb xcomp/conj chains: "agreed to release", "met and discussed"
            subj = [c for c in cur.children if c.dep_ in {"nsubj", "csubj"}]
            if subj:
                cand.actors = _subtree_actor(actors, subj[0])
                break
            if cur.dep_ in {"xcomp", "conj", "advcl"} and cur.head is not cur:
                cur = cur.head
            else:
                break
    cand.recipients = _dep_recipients(actors, words + ([verb] if verb is not head else []), trig.recipient)
    if trig.passive_role:
        cand.actors, cand.recipients = cand.recipients, cand.actors
    return cand if cand.actors else None


def hybrid_roles(doc: Any, actors: Sequence[ActorSpan], m: TriggerMatch, sent: Any,
                 objects: set[int] | None = None) -> Candidate:
    """Word-order roles, with the parse filling the roles they leave empty.

    Measured on PETR2 GSR (evals/events_petr_gsr.py): with the shipped model's parses, letting
    the parse decide first lost recall (0.60 vs 0.74); as a filler it does not.
    """
    linear = linear_roles(doc, actors, m, sent, objects)
    if linear.agentless or (linear.actors and linear.recipients):
        return linear  # an agentless passive's subject is its target (or the deployed force), not its actor
    parsed = dep_roles(doc, actors, m, sent)
    if parsed is None:
        return linear
    if m.trigger.pos == "verb" and not m.trigger.passive_role and passive(doc, m, sent.start) \
            and _aux_passive(doc, m, sent.start):
        # "a journalist was detained": a passive's subject is its patient, even where the parser
        # labels it a plain subject
        parsed.actors = [a for a in parsed.actors if a.tok_start > m.start]
    if not linear.actors and parsed.actors:
        linear.actors = parsed.actors
    if (not linear.recipients or linear.location_recipient) and parsed.recipients:
        linear.recipients, linear.location_recipient = parsed.recipients, False
    return linear

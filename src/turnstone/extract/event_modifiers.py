"""What qualifies a candidate event: negation, hypothetical and future markers, and events that
govern other events ("agreed to release", "threatened to strike", "urged X to ...", "hosted talks
between A and B").
"""

from __future__ import annotations

from typing import Any

from ..analyze.doc_cache import lower_at, token_values
from .event_rules import (
    COOPERATIVE,
    FUTURE,
    HOSTILE,
    HYPOTHETICAL,
    NEGATIONS,
    PHONE_WORDS,
    PROMISE_CAMEO,
    REJECT_CAMEO,
    REJECT_MODE,
    SPEECH,
    THREAT_MODE,
    Candidate,
)


def flags(doc: Any, cand: Candidate, sent: Any) -> None:
    """Negation, hypothetical and future markers in the words that govern the trigger."""
    start = max(sent.start, cand.match.start - 6)
    actor_end = max((a.tok_end for a in cand.actors if a.tok_end <= cand.match.start), default=start)
    lower = token_values(doc, "lower_")
    window = lower[max(start, actor_end):cand.match.start]
    cand.negated = bool(NEGATIONS & set(window[-4:]))
    cand.hypothetical = bool(HYPOTHETICAL & set(window)) or "if" in lower[sent.start:cand.match.start]
    cand.future = bool(FUTURE & set(window)) or "to be" in " ".join(window)
    before = set(lower[sent.start:cand.match.start])
    # the auxiliary may stand before a light verb: "said it would send 50 million euros in aid"
    modal = set(lower[max(sent.start, actor_end, cand.match.start - 10):cand.match.start])
    window = window + [w for w in modal if w in {"will", "would", "'ll"}]
    conditional = bool({"if", "unless", "or"} & set(lower[cand.match.end:sent.end]) | before & {"if", "unless"})
    if cand.event == "SANCTION" and {"will", "would", "'ll"} & set(window) and SPEECH & before and not conditional:
        # "said it would end a licence": an announced decision is the sanction itself; only a
        # conditional one ("... unless", "or face") is a threat
        cand.future = True
    elif cand.event in HOSTILE - {"THREATEN", "PROTEST"} and {"will", "would", "'ll"} & set(window) \
            and SPEECH & before and not cand.negated:
        # "said they will attack Iraq": a stated intention of force is a threat
        cand.mode, cand.cameo = THREAT_MODE.get(cand.event, (None, "130"))
        cand.event = "THREATEN"
        cand.future = False
    elif cand.event in {"RETREAT", "AID", "COOPERATE", "CONCEDE"} and {"will", "would", "'ll"} & set(window) \
            and SPEECH & before and not cand.negated:
        # "announced it would free prisoners": a promise. PLOVER codes a promised concession
        # (release, withdrawal, reopening) as CONCEDE and promised cooperation or aid as AGREE.
        if cand.event in {"RETREAT", "CONCEDE"}:
            cand.event, cand.mode, cand.cameo = "CONCEDE", None, "080"
        else:
            cand.event, cand.mode, cand.cameo = "AGREE", None, PROMISE_CAMEO[cand.event]
        cand.future = False
    if cand.event == "CONSULT" and cand.mode is None and PHONE_WORDS & set(lower[sent.start:sent.end]):
        cand.mode, cand.cameo = "phone", "041"


def combine_content(doc: Any, cands: list[Candidate]) -> None:
    """"agreed to release", "pledged to expel", "threatened to strike", "refused to meet", "wants X to":
    the governing trigger and the event in its to-infinitive become one event."""
    for gov in cands:
        kind = gov.match.trigger.content
        if kind is None and gov.event in {"REQUEST", "REJECT"} | ({"RETREAT"} if gov.mode == "access" else set()):
            # "asking Obama to help Iran", "permission to Russia to help Israel": the infinitive is
            # what is asked for or allowed, not an event of its own
            end = max([gov.match.end] + [r.tok_end for r in gov.recipients + gov.actors])
            for c in cands:
                if c is not gov and lower_at(doc, c.match.start - 1) == "to" and end <= c.match.start <= end + 2:
                    c.consumed = True
            continue
        if kind is None or gov.consumed:
            continue
        tail = [lower_at(doc, j) for j in range(gov.match.end, gov.match.end + 8)]
        reach = 5
        if kind == "allege":
            if "that" not in tail[:2]:
                continue
            reach = 12
        elif kind == "want" and gov.recipients and not gov.location_recipient \
                and gov.recipients[0].tok_start - gov.match.end <= 2 and lower_at(doc, gov.recipients[-1].tok_end) == "to":
            reach = 8
        elif kind == "want":
            gov.recipients = []
            if "to" not in tail[:2]:
                continue
        elif "to" not in tail[:3]:
            continue
        inner = next((c for c in cands if c is not gov and not c.consumed
                      and gov.match.end < c.match.start <= gov.match.end + reach), None)
        if inner is None:
            continue
        if kind not in {"allege", "want"} or not gov.recipients and kind == "want":
            inner.actors = gov.actors or inner.actors
        if kind == "agree":
            if inner.event in {"RETREAT", "CONCEDE", "AID", "COOPERATE"}:
                gov.consumed = True
            else:
                if inner.event == "CONSULT":
                    gov.cameo = "036"
                gov.recipients = gov.recipients or inner.recipients
                inner.consumed = True
        elif kind == "intent":
            if inner.event in COOPERATIVE:
                gov.recipients = gov.recipients or inner.recipients
                inner.consumed = True
            elif inner.event == "ASSAULT":
                # "vowed to retaliate", "pledged to strike back": a promise of force is a threat
                gov.event, (gov.mode, gov.cameo) = "THREATEN", THREAT_MODE["ASSAULT"]
                gov.recipients = gov.recipients or inner.recipients
                inner.consumed = True
            else:
                inner.future = True
                gov.consumed = True
        elif kind == "threat":
            mode, cameo = THREAT_MODE.get(inner.event, (None, "130"))
            gov.mode, gov.cameo = mode, cameo
            gov.recipients = gov.recipients or inner.recipients
            inner.consumed = True
        elif kind == "allege":
            # "X claimed that Y attacked Z": X accuses Y; the claimed act is not coded as fact
            if inner.event in HOSTILE and inner.actors is not gov.actors:
                gov.recipients = inner.actors
                inner.consumed = True
            continue
        elif kind == "want":
            if gov.recipients:  # "wants Putin to attack": a request to Putin
                inner.consumed = True
            elif inner.event in HOSTILE:
                mode, cameo = THREAT_MODE.get(inner.event, (None, "130"))
                gov.event, gov.mode, gov.cameo = "THREATEN", mode, cameo
                gov.recipients = inner.recipients
                inner.consumed = True
            elif inner.event in COOPERATIVE:
                gov.event, gov.mode, gov.cameo = "AGREE", None, "030"
                gov.recipients = inner.recipients
                inner.consumed = True
            else:
                gov.consumed = True
        elif kind == "refuse":
            gov.mode, gov.cameo = REJECT_MODE.get(inner.event), REJECT_CAMEO.get(inner.event, "120")
            gov.recipients = gov.recipients or inner.recipients
            inner.consumed = True


def negated_cooperation(cand: Candidate) -> None:
    """A negated cooperative act ("would not provide support") is a refusal: PLOVER REJECT."""
    if cand.negated and cand.event in REJECT_MODE:
        cand.mode, cand.cameo = REJECT_MODE[cand.event], REJECT_CAMEO[cand.event]
        cand.event = "REJECT"
        cand.negated = False


# what a host receives when it is no visitor: an event between others
HOSTED_EVENTS = {"talks", "meeting", "meetings", "summit", "negotiations", "conference", "round"}
HOST_CAMEO, MEDIATE_CAMEO = "043", "045"


def hosted_events(doc: Any, cands: list[Candidate]) -> None:
    """"Saudi Arabia hosted a meeting of US and Russian officials": the host brings two other
    parties together (CAMEO 045, mediate), it is not visited by the first of them."""
    for host in cands:
        if host.consumed or host.cameo != HOST_CAMEO:
            continue
        if not {lower_at(doc, j) for j in range(host.match.end, host.match.end + 4)} & HOSTED_EVENTS:
            continue
        inner = next((c for c in cands if c is not host and c.event == "CONSULT" and not c.consumed
                      and host.match.end <= c.match.start <= host.match.end + 4), None)
        own = {p.country for a in host.actors for p in a.participants}
        sides = [a for a in (inner.actors if inner else []) if not {p.country for p in a.participants} & own]
        if len({p.country for a in sides for p in a.participants if p.country}) < 2:
            host.consumed = True  # "hosted talks on Gaza": who meets is not said here
            continue
        host.recipients, host.cameo, host.mode = sides, MEDIATE_CAMEO, None


# the toll of an attack in a participle clause: "shelled the city, killing eight people"
TOLL_FORMS = {"killing", "wounding", "injuring", "maiming"}


def attack_tolls(doc: Any, cands: list[Candidate]) -> None:
    """", killing at least eight people" after an attack the sentence reports is that attack's
    toll, not a second attack (whose actor would be whoever stands nearest)."""
    for c in cands:
        if c.consumed or c.event != "ASSAULT" or doc[c.match.start].lower_ not in TOLL_FORMS \
                or lower_at(doc, c.match.start - 1) != ",":
            continue
        if any(o is not c and not o.consumed and o.event == "ASSAULT" and o.match.start < c.match.start
               for o in cands):
            c.consumed = True


def demanded_and_rejected(doc: Any, cands: list[Candidate], actors: list[Any]) -> None:
    """What a demand or a rejection takes as its object is no event of its own:
    "demanded that Belarus release prisoners" is a request to Belarus (the release has not
    happened); "rejected talks with the United States" refuses the talks (PLOVER REJECT, CAMEO 125)."""
    for gov in cands:
        if gov.consumed or gov.match.trigger.pos != "verb":
            continue
        if gov.event == "REQUEST" and lower_at(doc, gov.match.end) == "that":
            addressee = next((a for a in actors if gov.match.end < a.tok_start <= gov.match.end + 3), None)
            if addressee is None:
                continue
            gov.recipients = gov.recipients or [addressee]
            for c in cands:
                if c is not gov and addressee.tok_end <= c.match.start <= addressee.tok_end + 3:
                    c.consumed = True
        elif gov.event == "REJECT" and gov.mode is None:
            inner = next((c for c in cands if c is not gov and not c.consumed and c.nominal
                          and c.event in REJECT_MODE and gov.match.end <= c.match.start <= gov.match.end + 2), None)
            if inner is None:
                continue
            gov.mode, gov.cameo = REJECT_MODE[inner.event], REJECT_CAMEO.get(inner.event, gov.cameo)
            gov.recipients = gov.recipients or [r for r in inner.recipients if r not in gov.actors]
            inner.consumed = True


ONGOING_AUX = {"is", "are", "has", "have"}


def ongoing_roles(doc: Any, cands: list[Candidate]) -> None:
    """", which is mediating between Iran and the US,", "the group that has seized parts of Iraq":
    an ongoing role or state described in a relative clause is background, not an event of the
    sentence ("which attacked a police station last week" is a past act and stays)."""
    for c in cands:
        if c.consumed or c.match.trigger.pos != "verb":
            continue
        j = c.match.start - 1
        while j > 0 and (doc[j].lower_ in {"been", "also", "long", "already", "currently"} or doc[j].lower_.endswith("ly")):
            j -= 1
        # "which"/"who" after a comma, or a relative "that" right before the auxiliary ("the group
        # that has seized parts of Iraq"; a complementiser "that" has a subject in between)
        if doc[j].lower_ in ONGOING_AUX and j >= 2 and (doc[j - 1].lower_ in {"which", "who"} and doc[j - 2].text == ","
                                                        or doc[j - 1].lower_ == "that"):
            c.consumed = True

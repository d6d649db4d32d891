"""The shared ground of event rules: word lists, the ``Candidate`` event, which trigger matches
a sentence keeps (``select_matches``), and the word-order searches for actors around a trigger
(left actor, right recipient, possessor, "by" agent, "between A and B").

Roles are assigned in ``event_roles`` (word order) and ``event_parse`` (dependency parse).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..analyze.doc_cache import lower_at, token_values
from .event_actors import LOCATION_PREPS, ActorSpan
from .event_lexicon import TriggerMatch

DETERMINERS = {"a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
               "those", "'s", "’s", "any", "no", "another", "each"}
PREPOSITIONS = {"with", "to", "against", "on", "at", "from", "of", "for", "in", "into", "by", "between", "near",
                "along", "over", "toward", "towards", "across", "about", "upon", "that"}
# "after"/"before"/"since" are left out: they also start clauses ("a day after the Kremlin agreed")
OBLIQUE = PREPOSITIONS - {"that"} | {"like", "than", "including", "among", "during", "under", "outside", "inside",
                                      "around", "near", "beyond", "behind", "throughout"}
BOUNDARIES = {";", "said", "says", "say", "told", "while", "but", "whereas", "because", "although", "though",
              "after", "before", "when", "who", "which", "where", "whose", "since", "--", "—", "–", "added",
              "reported", "according", "as"}
BE = {"was", "were", "is", "are", "been", "be", "being", "get", "got", "gets", "getting"}
SKIPPABLE = {"not", "n't", "also", "already", "reportedly", "allegedly", "then", "later", "just", "never", "still"}
NEGATIONS = {"not", "n't", "never", "no", "without", "refused", "declined", "failed"}
HYPOTHETICAL = {"if", "could", "might", "may", "should", "unless", "whether", "possible", "possibly",
                "likely", "expected", "hoped", "hopes", "hope", "consider", "considering", "considered"}
FUTURE = {"will", "'ll", "would", "shall", "plans", "plan", "planned", "scheduled", "set", "going", "aims",
          "intends", "upcoming", "prepared", "prepares", "preparing", "tomorrow", "next"}
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
HOSTILE = {"THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# which REJECT mode a refused (or negated) cooperative event becomes
REJECT_MODE = {"AID": "assist", "COOPERATE": "assist", "RETREAT": "yield", "CONCEDE": "yield",
               "CONSULT": "meet", "AGREE": None, "SUPPORT": None}
REJECT_CAMEO = {"AID": "122", "COOPERATE": "121", "RETREAT": "1243", "CONCEDE": "124", "CONSULT": "125",
                "AGREE": "120", "SUPPORT": "120"}
THREAT_MODE = {"ASSAULT": ("violence", "138"), "COERCE": ("restrict", "1312"), "SANCTION": ("relations", "1313"),
               "MOBILIZE": ("violence", "138")}
# a word before a trigger that ends like an adjective makes the trigger a noun ("economic sanctions")
ADJECTIVE_ENDINGS = ("ic", "ous", "ive", "ful", "ical")
GERUND_PREPS = {"for", "of", "by", "after", "before", "since", "without", "from", "about", "against", "despite",
                "in", "on"}
CONTENT_NOUNS = {"threat", "threats", "plan", "plans", "bid", "attempt", "attempts", "effort", "efforts", "call",
                 "calls", "proposal", "decision", "move", "pledge", "promise", "refusal", "order", "orders",
                 "demand", "demands", "request", "offer", "intention", "readiness", "willingness", "right"}
SPEECH = {"said", "says", "say", "announced", "announces", "declared", "stated", "told", "warned", "vowed",
          "insisted", "added", "claimed", "pledged", "promised", "indicated"}
PROMISE_CAMEO = {"RETREAT": "035", "AID": "033", "COOPERATE": "031", "CONCEDE": "035"}
QUANTITIES = {"hundreds", "thousands", "dozens", "scores", "millions", "tens", "some", "many", "most", "all",
              "several", "one", "two", "three", "four", "five", "members", "group", "groups", "units", "each",
              "both", "none", "majority", "number", "lot", "lots"}
SPEECH_AFTER = {"said", "says", "told", "reported", "reports", "announced", "stated", "added", "claimed"}
APPROXIMATORS = {"over", "about", "around", "near", "under", "across", "upon"}
PHONE_WORDS = {"phone", "call", "called", "telephone", "video", "videoconference"}
# a subject that undergoes a nominal act: "faces pressure from Congress", "received assurances"
UNDERGO = {"face", "faces", "faced", "facing", "under", "received", "receives", "receive"}


@dataclass
class Candidate:
    """An event read from one trigger, before dates, places and ids are attached."""

    match: TriggerMatch
    event: str
    mode: str | None
    cameo: str
    actors: list[ActorSpan] = field(default_factory=list)
    recipients: list[ActorSpan] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    confidence: float = 0.5
    nominal: bool = False
    consumed: bool = False
    location_recipient: bool = False
    direct_object: bool = False  # an attack verb with a physical target noun the actors stage does not name
    verb_between: bool = False  # a verb between the actor and a nominal trigger ("X welcomed the meeting")
    mutual: bool = False  # "A and B each freed prisoners": two parties doing the act to each other
    agentless: bool = False  # "a base was hit by mortar fire": a violent act whose author is not named

    @property
    def tok_start(self) -> int:
        return min([self.match.start] + [a.tok_start for a in self.actors + self.recipients])

    @property
    def tok_end(self) -> int:
        return max([self.match.end] + [a.tok_end for a in self.actors + self.recipients])


def is_nominal(doc: Any, i: int, sent_start: int) -> bool:
    """Whether the token at i reads as a noun: after a determiner/possessive or an adjective after one."""
    tok = doc[i]
    if tok.lower_.endswith("ing") and i > sent_start and doc[i - 1].pos_ in {"NOUN", "PROPN", "ADJ"} \
            and doc[i - 1].lower_ not in BE:
        return True  # "tank shelling", "Israeli shelling"
    if tok.pos_ in {"NOUN", "PROPN"}:
        return True
    if tok.pos_ in {"VERB", "AUX"}:
        return False
    prev = lower_at(doc, i - 1) if i - 1 >= sent_start else ""
    prev2 = lower_at(doc, i - 2) if i - 2 >= sent_start else ""
    if prev in DETERMINERS or prev in PREPOSITIONS - {"to", "that"} or prev in UNDERGO:
        return True
    if i - 1 > sent_start and doc[i - 1].text[:1].isupper():
        return False  # "the Kremlin agreed": a named subject before a verb
    if prev.endswith(ADJECTIVE_ENDINGS) and prev not in BE | SKIPPABLE:
        return True
    if doc[i].lower_.endswith("ing") and prev not in BE | SKIPPABLE | {"and", "or", "to", "by", "who", "which"}:
        return True  # "tank shelling", "the Friday meeting"
    return prev2 in DETERMINERS and prev not in BE | SKIPPABLE | {"to", "will", "who", "which", "that"}


WEEK_AND_MONTH = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                  "february", "march", "april", "may", "june", "july", "august", "september", "october",
                  "november", "december", "the", "this", "last"}


def _floating_quantifier(doc: Any, i: int, sent_start: int) -> bool:
    """"Russia and Ukraine each freed": "each"/"both" after its subject, not a determiner."""
    if lower_at(doc, i) not in {"each", "both"} or i - 1 < sent_start:
        return False
    prev = doc[i - 1]
    return prev.text[:1].isupper() or prev.lower_ in {"they", "we", "sides", "countries", "governments"}


def select_matches(doc: Any, matches: Sequence[TriggerMatch], sent: Any) -> list[TriggerMatch]:
    """Keep matches whose context fits (needs/unless/part of speech) and drop ones inside longer ones."""
    kept = []
    lower = token_values(doc, "lower_")
    for m in matches:
        trig = m.trigger
        window_after = set(lower[m.end:min(sent.end, m.end + 8)])
        near = set(lower[max(sent.start, m.start - 3):min(sent.end, m.end + 3)])
        before = set(lower[max(sent.start, m.start - 9):m.start])
        if trig.needs and not (trig.needs & window_after):
            continue
        if " ... " in trig.words and doc[m.end - 1].lower_ in {"on", "in", "at"} \
                and lower_at(doc, m.end) in WEEK_AND_MONTH:
            continue  # "called both sides on Wednesday": the preposition dates the call, it is no "call on"
        if trig.unless and trig.unless & near:
            continue
        if trig.needs_verb and not (trig.needs_verb & before):
            continue
        single = m.end - m.start == 1
        if single and trig.pos == "verb" and is_nominal(doc, m.head, sent.start):
            continue
        if trig.pos == "verb" and doc[m.start].lower_.endswith(("ed", "en")) and (
                lower_at(doc, m.start - 1) in DETERMINERS and not _floating_quantifier(doc, m.start - 1, sent.start) or doc[m.start - 1].like_num and m.start > sent.start):
            continue  # "the detained journalists": a state, not an act reported here
        # "a threat to boycott", "plans to invade": the content of a noun, not an event
        if trig.pos == "verb" and lower_at(doc, m.start - 1) == "to" and lower_at(doc, m.start - 2) in CONTENT_NOUNS:
            continue
        # "jailed ... for helping militants", "by alleging": a gerund after a preposition is a
        # reason or manner, not an event of its own
        if trig.pos == "verb" and doc[m.start].lower_.endswith("ing") and lower_at(doc, m.start - 1) in GERUND_PREPS:
            continue
        if single and trig.pos == "noun" and not is_nominal(doc, m.head, sent.start) and not trig.needs_verb \
                and _verb_alternative(matches, m):
            continue
        if single and trig.pos == "verb" and _noun_alternative(matches, m) and is_nominal(doc, m.head, sent.start):
            continue
        kept.append(m)
    # longest first; a match inside a longer one goes
    kept.sort(key=lambda m: (-(m.end - m.start), m.start))
    out: list[TriggerMatch] = []
    for m in kept:
        if any(o.start <= m.start and m.end <= o.end for o in out) or any(o.head == m.head for o in out):
            continue
        out.append(m)
    return sorted(out, key=lambda m: m.start)


def _noun_alternative(matches: Sequence[TriggerMatch], m: TriggerMatch) -> bool:
    return any(o is not m and o.head == m.head and o.trigger.pos == "noun" for o in matches)


def _verb_alternative(matches: Sequence[TriggerMatch], m: TriggerMatch) -> bool:
    return any(o is not m and o.head == m.head and o.trigger.pos == "verb" for o in matches)


# ---------------------------------------------------------------- roles by word order

def _prev_actor_in(actors: Sequence[ActorSpan], end_tok: int) -> list[ActorSpan]:
    return [a for a in actors if a.tok_end <= end_tok]


def coordinated_left(doc: Any, actors: Sequence[ActorSpan], chosen: ActorSpan) -> list[ActorSpan]:
    """The chosen actor plus those joined to it on the left by "and" or commas."""
    group = [chosen]
    current = chosen
    for other in reversed(_prev_actor_in(actors, chosen.tok_start)):
        between = token_values(doc, "lower_")[other.tok_end:current.tok_start]
        # the join nearest the chosen actor must be "and" ("A, B and C"); a bare comma before
        # it is a clause boundary ("... in Ukraine, President Trump said")
        joined = between and set(between) <= {"and", ",", "as", "well", "the"} and len(between) <= 4
        if joined and (len(group) > 1 or "and" in between):
            group.insert(0, other)
            current = other
        else:
            break
    return group


def coordinated_right(doc: Any, actors: Sequence[ActorSpan], chosen: ActorSpan, limit: int,
                      clause_check: bool = True) -> list[ActorSpan]:
    group = [chosen]
    current = chosen
    for other in actors:
        if other.tok_start < current.tok_end or other.tok_start >= limit:
            continue
        between = token_values(doc, "lower_")[current.tok_end:other.tok_start]
        if between and set(between) <= {"and", ",", "the"} and len(between) <= 3 and "and" in between:
            if clause_check and other.tok_end < len(doc) and doc[other.tok_end].pos_ in {"VERB", "AUX"}:
                break  # ", and Secretary Blinken called ...": a new clause, not a conjunct
            group.append(other)
            current = other
        else:
            break
    return group


# words that open an appositive or a relative clause between a subject and its verb
PARENTHETICAL_OPENERS = {"the", "a", "an", "who", "which", "whose", "its", "his", "her", "their", "one"}


def _parenthetical_head(doc: Any, actors: Sequence[ActorSpan], tok: int, sent_start: int) -> ActorSpan | None:
    """"Joao Lourenco, the African Union's mediator, urged", "the US envoy, who met Russian
    officials, praised": the subject stands before the commas, not inside them."""
    j = tok - 1
    while j > sent_start and lower_at(doc, j) in SKIPPABLE:
        j -= 1
    if lower_at(doc, j) != ",":
        return None
    k = j - 1
    while k > sent_start and lower_at(doc, k) not in {",", ";", "said", "says"}:
        k -= 1
    if k <= sent_start or lower_at(doc, k) != "," or lower_at(doc, k + 1) not in PARENTHETICAL_OPENERS:
        return None
    return next((a for a in actors if a.tok_end == k), None)


def left_actor(doc: Any, actors: Sequence[ActorSpan], tok: int, sent_start: int,
               max_distance: int = 40) -> list[ActorSpan]:
    """The nearest actor left of ``tok`` that is not the object of a preposition, with its conjuncts."""
    rel = next((j for j in range(max(sent_start, tok - 3), tok) if lower_at(doc, j) in {"that", "which", "who"}
                and all(lower_at(doc, k) in {"has", "have", "had", "was", "were", "is", "are", "also", "reportedly"}
                        for k in range(j + 1, tok))), None)
    if rel is not None:
        # "the militant group that has seized ...": the subject is what the relative pronoun follows
        antecedent = next((a for a in actors if a.tok_end in {rel, rel - 1}), None)
        return coordinated_left(doc, actors, antecedent) if antecedent else []
    head = _parenthetical_head(doc, actors, tok, sent_start)
    if head is not None:
        return coordinated_left(doc, actors, head)
    skipped: list[ActorSpan] = []  # an earlier verb's object, the answer only when no subject is found
    for a in reversed(_prev_actor_in(actors, tok)):
        if tok - a.tok_end > max_distance:
            break
        j = a.tok_start - 1
        while j > sent_start and lower_at(doc, j) in {"the", "a", "an"}:
            j -= 1
        prev = lower_at(doc, j) if j >= sent_start else ""
        if prev in OBLIQUE and not (prev == "of" and lower_at(doc, j - 1) in QUANTITIES):
            continue  # but "hundreds of UN troops" are the troops
        group = coordinated_left(doc, actors, a)
        if len(group) > 1 and lower_at(doc, group[0].tok_start - 1) in OBLIQUE:
            continue  # "spoke with A and B ... and urged": A and B are objects of "with"
        if j >= sent_start and doc[j].pos_ == "VERB" and "and" in {lower_at(doc, k) for k in range(a.tok_end, tok)} \
                and not {lower_at(doc, k) for k in range(a.tok_end, tok)} & {",", "who", "which", "that"}:
            # "X called both sides and urged them": the object of the first verb is not the second's subject
            skipped = skipped or group
            continue
        return group
    return skipped


def right_recipient(doc: Any, actors: Sequence[ActorSpan], m: TriggerMatch, sent: Any,
                    roles: Sequence[str]) -> tuple[list[ActorSpan], bool]:
    """The first actor right of the trigger in one of ``roles``; (actors, is_location_fallback)."""
    location: list[ActorSpan] = []
    if "obj" in roles:  # "engaged Filipino peacekeepers in a firefight": the object inside the gap
        inside = [a for a in actors if m.start < a.tok_start < m.end]
        if inside:
            return inside[:1], False
    for a in actors:
        if a.tok_start < m.end:
            continue
        between = token_values(doc, "lower_")[m.end:a.tok_start]
        stops = [w for w in between if w in BOUNDARIES and w not in roles]
        if stops:
            break
        if lower_at(doc, a.tok_end) in {"-", "–"} and not a.countries - {None}:
            continue  # "a government-held part": a modifier, not a party
        if a.pronoun and a.possessive:
            continue  # "met his counterpart X": the counterpart is the party
        if {lower_at(doc, a.tok_end), lower_at(doc, a.tok_end + 1)} & SPEECH_AFTER or (
                lower_at(doc, a.tok_start - 1) == "," and {lower_at(doc, a.tok_end + k) for k in range(6)} & SPEECH_AFTER):
            break  # "..., South Korea's military said": the source of the report, not a party
        # "over 150 prisoners", "about 20 soldiers": a quantity, not a preposition
        preps = [t.lower_ for t in doc[m.end:a.tok_start] if t.lower_ in PREPOSITIONS
                 and not (t.lower_ in APPROXIMATORS and lower_at(doc, t.i + 1)[:1].isdigit())]
        # a trigger that ends in its preposition ("called on", "pulled out of"): what follows is its object
        last = lower_at(doc, m.end - 1)
        role = preps[-1] if preps else (last if last in roles and last in PREPOSITIONS else "obj")
        if role == "obj" and len(between) > 6:
            continue
        if role in roles:
            return coordinated_right(doc, actors, a, sent.end), False
        if role == "of" and "obj" in roles and len(between) <= 8:
            return [a], False
        if role in LOCATION_PREPS and not location:
            location = [a]
    return location, bool(location)


def by_agent(doc: Any, actors: Sequence[ActorSpan], m: TriggerMatch, sent: Any) -> list[ActorSpan]:
    for a in actors:
        if a.tok_start >= m.end and lower_at(doc, a.tok_start - 1) == "by":
            between = set(token_values(doc, "lower_")[m.end:a.tok_start])
            if not between & {";", "said", "who", "which"}:
                return coordinated_right(doc, actors, a, sent.end)
    for a in actors:  # "by a Ukrainian protestor": determiners between "by" and the mention
        if a.tok_start >= m.end and "by" in set(token_values(doc, "lower_")[max(m.end, a.tok_start - 3):a.tok_start]):
            return [a]
    return []


def possessor(doc: Any, actors: Sequence[ActorSpan], m: TriggerMatch, sent_start: int) -> list[ActorSpan]:
    """"Rubio's meeting", "his call", "Israeli tank shelling": an actor right before a nominal trigger."""
    for a in reversed(_prev_actor_in(actors, m.start)):
        gap = token_values(doc, "lower_")[a.tok_end:m.start]
        if len(gap) > 3:
            return []
        if a.possessive or (gap and gap[0] in {"'s", "’s"}) or (a.pronoun and a.possessive):
            return coordinated_left(doc, actors, a)
        if not a.possessive and not a.countries - {None}:
            continue  # "military aid": a kind of aid, not who gives it
        plain_gap = not gap or all(w not in PREPOSITIONS | BOUNDARIES | {",", "and"} for w in gap)
        # a modifier ("Israeli tank shelling") names the actor even inside a prepositional phrase
        if plain_gap and (len(gap) <= 2 or lower_at(doc, a.tok_start - 1) not in OBLIQUE):
            return coordinated_left(doc, actors, a)
        return []
    return []


def _between_at(doc: Any, m: TriggerMatch, sent: Any) -> int | None:
    """Where "between" follows a trigger: right after it ("fighting between" ends with it), or
    after a place or date ("talks in Doha between", "a meeting on Friday between")."""
    if lower_at(doc, m.end - 1) == "between":
        return m.end - 1
    if lower_at(doc, m.end) == "between":
        return m.end
    if lower_at(doc, m.end) not in {"in", "on", "at"}:
        return None
    for j in range(m.end + 1, min(sent.end, m.end + 5)):
        if lower_at(doc, j) == "between":
            return j
        if lower_at(doc, j) in BOUNDARIES | {",", "and"} or doc[j].pos_ in {"VERB", "AUX"}:
            return None
    return None


def between_pair(doc: Any, actors: Sequence[ActorSpan], m: TriggerMatch, sent: Any) -> list[ActorSpan]:
    """The parties of "talks between A and B" (and of a reciprocal "meeting of US and Russian officials")."""
    of_pair = lower_at(doc, m.end) == "of" and m.trigger.reciprocal
    at = _between_at(doc, m, sent)
    if at is None and not of_pair:
        return []
    after = [a for a in actors if a.tok_start >= (m.end if at is None else at)]
    if not after or (of_pair and after[0].tok_start > m.end + 2):
        return []
    # "a summit between A and B will take place": after "between" a verb ends the pair, no clause begins
    group = coordinated_right(doc, actors, after[0], sent.end, clause_check=False)
    if of_pair and len({p.country for a in group for p in a.participants if p.country}) < 2:
        return []  # "a meeting of NATO ministers" is one body's meeting
    return group if len(group) >= 2 else []

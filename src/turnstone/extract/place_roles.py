"""Is a country or city name used as a place, or as an actor?

A name is a place where it denotes territory or a location: after a locative preposition ("in
Mali", "troops to Russia", "from Algiers"), as a modifier of a place noun ("northern Mali", "the
Adre border crossing", "Pakistan-based"), as the object of a verb of movement or conquest
("entered Chad", "invaded Ukraine"). It is an actor where it acts or speaks: the subject of a verb
("Pakistan has moved troops", "Lithuania, Latvia and Estonia imposed ..."), a possessor ("Russia's
war"), a modifier of a person or office ("the U.S. envoy"), the object of a verb such as accuse,
urge or sanction, after "against", "for", "with" ("a concern for Moscow").

The dependency parse decides when the model has one; word patterns decide otherwise.
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Token

from ..analyze.doc_cache import doc_text

LOGGER = logging.getLogger(__name__)

# Words right before a name that make it a place ("in", "from", "northern", "visited").
LOCATIVE = re.compile(r"\b(?:in|at|near|outside|from|to|into|across|around|of|off|toward|towards|via|through|"
                      r"throughout|inside|within|between|visit|visited|visiting|reached|entered|left|northern|"
                      r"southern|eastern|western|central|city\s+of|town\s+of|village\s+of)\s+(?:the\s+)?$",
                      re.IGNORECASE)
# A place name followed by one of these verbs is acting: a government or its people, not a place.
ACTOR_VERB = re.compile(
    r"^(?:['’]s\s+(?:government|leaders?|president|foreign\s+minist(?:ry|er))\b|\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+|"
    r"could\s+|may\s+|must\s+|did\s+|does\s+|is\s+|was\s+)?(?:not\s+)?[\"\u201c']?(?:said|says|say|announced|announces|warned|warns|"
    r"accused|accuses|denied|denies|rejected|rejects|agreed|agrees|demanded|demands|urged|urges|threatened|threatens|"
    r"condemned|condemns|claimed|claims|insisted|insists|responded|responds|called\s+on|wants|wanted|signed|signs|"
    r"vowed|vows|promised|promises|refused|refuses|pledged|pledges|offered|offers|asked|asks|told|tells|"
    r"expelled|expels|recalled|recalls|sanctioned|sanctions|retaliated|retaliates|believes|believed|believe|want|"
    r"plans?|planned|intends?|hopes?|hoped|seeks?|sought|launched|launches|struck|strikes|attacked|attacks|"
    r"released|releases|approved|approves|imposed|imposes|confirmed|confirms|reported|reports))\b",
    re.IGNORECASE,
)


# Prepositions whose object is a location.
LOCATIVE_CASE = {
    "in", "into", "at", "near", "from", "to", "across", "through", "throughout", "inside", "within", "around",
    "toward", "towards", "outside", "off", "of", "between", "along", "via", "beyond", "onto", "over", "under",
    "behind", "past", "beside", "amid", "among", "opposite", "nearby",
}
# Prepositions whose object is a party: "fight against Ukraine", "a concern for Moscow", "talks with Iran".
ACTOR_CASE = {"against", "for", "with", "by", "on", "upon", "than", "like", "unlike", "versus", "vs", "vs."}
# Nouns that make a name before or after them a place: "Ukraine's borders", "the Adre border crossing".
PLACE_NOUNS = {
    "border", "borders", "crossing", "crossings", "frontier", "frontiers", "boundary", "region", "regions",
    "province", "provinces", "state", "states", "district", "districts", "county", "city", "cities", "town",
    "towns", "village", "villages", "capital", "coast", "coastline", "shore", "territory", "territories", "soil",
    "airspace", "waters", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "side", "part", "parts", "area", "areas", "outskirts", "suburb", "suburbs", "countryside", "mainland",
    "interior", "port", "ports", "airport", "camp", "camps", "based", "born", "bound", "enclave",
    "peninsula", "island", "islands", "heartland", "hinterland", "streets", "street", "centre", "center",
    "downtown", "highlands", "lowlands", "desert", "valley", "mountains", "hills", "belt", "corridor", "zone",
    "front", "frontline", "line", "neighbourhood", "neighborhood", "quarter", "municipality", "governorate",
    # what lies or lives there: "a Montreal jail", "London airports", "a Queens native", "Egypt's residents"
    "jail", "prison", "airports", "hospital", "hospitals", "school", "schools", "residents", "resident", "native",
    "natives", "population", "people", "homes", "home", "skyline", "businesses", "wide", "trip", "trips", "travels",
    "tour", "weather", "police", "landscape", "sites", "site", "ruins", "church", "mosque", "hotel", "restaurants",
    "roads", "road", "malls", "mall", "beaches", "rivers", "lakes", "forests", "highways", "community", "stores",
    "store", "shops", "drought", "floods", "wildfires", "earthquake",
}
# Heads that make a name modifying them an actor: people, offices, forces, policies ("the U.S. envoy",
# "South Korea's Joint Chiefs", "U.S. bombers", "the U.S. election"). Other heads are located there
# ("a Montreal jail", "China outlets", "the Plymouth County theft case").
ACTOR_HEADS = {
    "envoy", "envoys", "official", "officials", "diplomat", "diplomats", "leader", "leaders", "president",
    "presidents", "prime", "minister", "ministers", "ministry", "government", "governments", "authorities",
    "administration", "regime", "forces", "force", "troops", "soldiers", "military", "army", "navy", "air",
    "officers", "officer", "ambassador", "ambassadors", "embassy", "counterpart", "counterparts", "delegation",
    "delegates", "negotiator", "negotiators", "mediator", "mediators", "spokesman", "spokeswoman", "spokesperson",
    "secretary", "governor", "mayor", "premier", "chancellor", "king", "queen", "leadership", "intelligence",
    "sanctions", "aid", "support", "election", "elections", "vote", "campaign", "bombers", "jets", "warships",
    "drones", "missiles", "weapons", "policy", "policies", "position", "stance", "lawmakers", "legislators",
    "senator", "congressman", "parliament", "congress", "national", "nationals", "citizen", "citizens", "team",
    "coach", "players", "player", "captain", "commander", "commanders", "general", "chief", "chiefs",
    "representative", "representatives", "delegate", "allies", "ally", "partner", "partners", "foreign",
    "defence", "defense", "interior", "department", "agency", "agencies", "spy", "spies", "strike",
    "strikes", "attack", "attacks", "threat", "claims", "claim", "demand", "demands", "offer", "proposal", "plan",
    "decision", "move", "war", "invasion", "aggression",
}
# Verbs of going whose "for" names a destination: "left for Paris", "bound for Aden".
DEPARTURE_VERBS = {"leave", "depart", "head", "bind", "bound", "sail", "fly", "set", "board", "flee", "run"}
# Attacks and moves on a place happen there: "strikes on Kyiv", "a march on Tripoli".
ATTACK_NOUNS = {"attack", "attacks", "strike", "strikes", "raid", "raids", "assault", "offensive", "march",
                "bombardment", "shelling", "advance", "drive", "push", "airstrike", "airstrikes", "assaults"}
# Verbs whose object is a place: movement, conquest, attack.
PLACE_VERBS = {
    "enter", "visit", "reach", "leave", "invade", "attack", "strike", "shell", "bomb", "occupy", "tour", "cross",
    "hit", "target", "annex", "flee", "evacuate", "capture", "seize", "retake", "liberate", "besiege", "surround",
    "control", "raid", "storm", "overrun", "recapture", "encircle", "land", "pound", "blockade", "rock", "shake",
    "cover", "span", "travel", "return", "arrive", "fly", "sail", "roam", "patrol", "flood", "ravage", "grip",
    "sweep", "engulf", "defend", "hold", "abandon", "quit", "exit", "host", "rule", "govern", "divide", "split",
    "partition", "bombard", "approach", "penetrate", "infiltrate", "locate", "base", "situate", "station",
    "shelled", "bombed",  # the lemmatiser may leave these as they are
}
# What happens to a place: "Kyiv was hit", "the town was devastated".
DAMAGE_VERBS = {"devastate", "damage", "destroy", "flood", "level", "flatten", "isolate", "cut", "evacuate",
                "shake", "rock", "batter", "ravage", "pummel", "lash", "plunge", "darken", "blockade", "besiege",
                "struck", "strike", "shell", "bomb", "target", "hit", "capture", "liberate", "recapture", "take"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl", "agent"}
MODIFIER_DEPS = {"compound", "amod", "nmod:npmod", "npadvmod", "nmod:poss", "poss"}

POSSESSIVE_AFTER = re.compile(r"^['’]s?\b|^['’](?=\s)")
# Without a parse: a name followed by a lower-case noun of a person or office ("U.S. envoy").
ACTOR_NOUN_AFTER = re.compile(
    r"^[ \t]+(?:(?:[A-Z][a-z]+|[a-z]+-?[a-z]*)[ \t]+){0,1}(?:envoys?|officials?|diplomats?|leaders?|president|"
    r"presidents|ministers?|ministry|government|governments|authorities|forces|troops|soldiers|military|army|navy|"
    r"officers?|ambassadors?|embassy|counterparts?|delegation|negotiators?|mediators?|spokes(?:man|woman|person)|"
    r"secretary|administration|regime|leadership|intelligence|sanctions|aid|support|election|elections|bombers|"
    r"jets|warships|drones|missiles|weapons|policy|claims?|position|stance|economy|companies|firms|officials)\b",
    re.IGNORECASE)
# Without a parse: "Lithuania, Latvia and Estonia on Monday imposed".
LIST_THEN = re.compile(r"^(?:,?[ \t]+(?:and[ \t]+)?(?:the[ \t]+)?(?:[A-Z][\w.]*[ \t]*){1,3})*"
                       r"(?:[ \t]+(?:on|last|this|next)[ \t]+\w+)?(?=[ \t])")


def _span_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _role_token(tok: Token) -> Token:
    """The token whose relation to the clause is the mention's: the first of a list, through stray spaces."""
    seen = 0
    while seen < 12 and tok.head is not tok:
        seen += 1
        if tok.head.is_space or tok.dep_ in ("conj", "appos", "flat") and tok.head.pos_ in ("PROPN", "NOUN", "SPACE", "PRON"):  # the parser gave a paragraph break the mention's role
            tok = tok.head
        else:
            break
    return tok


def _case_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("case", "prep", "mark")}


def _actor_head(head: Token) -> bool:
    """A person, office, force or policy the name modifies: "the U.S. envoy", "Governor Nikki Haley"."""
    return head.lower_ in ACTOR_HEADS or head.ent_type_ == "PERSON" and head.pos_ == "PROPN"


def _place_like(head: Token) -> bool:
    """A place noun, a place's name, or a name ending in a place noun ("Pearson International Airport")."""
    if head.lower_ in PLACE_NOUNS or head.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    if head.pos_ != "PROPN":
        return False
    for t in head.doc[head.i + 1: head.i + 5]:  # the rest of the name, up to its first non-name word
        if t.pos_ != "PROPN" and t.text not in "-–":
            return False
        if t.lower_ in PLACE_NOUNS:
            return True
    return False


def actor_by_parse(doc: Doc, start: int, end: int) -> bool | None:
    """True for an actor, False for a place, None when the parse says nothing either way."""
    root = _span_root(doc, start, end)
    if root is None:
        return None
    text = doc_text(doc)
    if POSSESSIVE_AFTER.match(text[end: end + 3]):  # "Russia's war" acts; "Sudan's El Fasher" is a place
        return not _place_like(root.head) if root.head is not root else True
    tok = _role_token(root)
    cases = _case_words(tok) | _case_words(root)
    if cases & LOCATIVE_CASE:
        return False
    if cases & ACTOR_CASE:
        head = tok.head
        if "on" in cases or "upon" in cases:
            return head.lower_ not in ATTACK_NOUNS
        if "with" in cases:
            return not _place_like(head)
        return not ("for" in cases and head.lemma_.lower() in DEPARTURE_VERBS)
    dep = tok.dep_
    passive = dep in ("nsubj:pass", "nsubjpass") or dep == "nsubj" and "Pass" in tok.head.morph.get("Voice", [])
    if passive and tok.head.lemma_.lower() in PLACE_VERBS | DAMAGE_VERBS:
        return False  # "Kyiv was hit overnight", "Gaza has been devastated": the target, a place
    if dep == "nsubj" and tok.head.lemma_.lower() == "come" and any(c.lower_ == "under" for c in tok.head.subtree):
        return False  # "Kharkiv came under fire"
    if dep in SUBJECT_DEPS:
        # "Cuba remained a totalitarian island", "Edmonton was the only city": described as a place
        return not (tok.head.pos_ == "NOUN" and (tok.head.lower_ in PLACE_NOUNS or tok.head.lower_ in ("country", "nation")))
    if dep in MODIFIER_DEPS or (dep == "nmod" and tok.head.i > tok.i):
        return _actor_head(tok.head)
    if dep in ("obj", "dobj", "iobj"):
        verb = {tok.head.lemma_.lower(), tok.head.lower_}
        return not verb & PLACE_VERBS if dep != "iobj" else True
    return None


def modifier_actor(doc: Doc, start: int, end: int) -> bool:
    """A name modifying or owning a following noun that is no place ("in the U.S. presidential election")."""
    root = _span_root(doc, start, end)
    if root is None or root.head is root or root.head.i < root.i:
        return False
    if POSSESSIVE_AFTER.match(doc_text(doc)[end: end + 3]):  # "prior to Russia's annexation"
        return not _place_like(root.head)
    return root.dep_ in ("compound", "amod") and _actor_head(root.head)


def actor_by_words(text: str, start: int, end: int) -> bool:
    """Word-pattern reading for a pipeline without a parser: possessors and office modifiers act."""
    after = text[end: end + 60]
    if POSSESSIVE_AFTER.match(after):
        rest = after[2:].lstrip()
        return rest.split(" ", 1)[0].lower().strip(".,") not in PLACE_NOUNS
    return bool(ACTOR_NOUN_AFTER.match(after))


def list_tail(text: str, end: int) -> int:
    """Where a list of names that opens at ``end`` stops ("Lithuania[, Latvia and Estonia on Monday]")."""
    m = LIST_THEN.match(text[end: end + 80])
    return end + (m.end() if m else 0)


# A place name right after one of these verbs receives something: a government, not a location.
RECIPIENT_VERB = re.compile(r"\b(?:give|gives|gave|giving|provide|provides|provided|send|sends|sent|offer|offers|offered|"
                            r"told|tell|tells|urged|urge|urges|warned|warn|warns|asked|ask|asks|helped|help|helps|"
                            r"supplied|supply|sold|sell|sells|accused|accuse|accuses|sanctioned|sanction|pressed|"
                            r"press|presses|thanked|thank|thanks)\s+(?:the\s+)?$", re.IGNORECASE)


def is_actor(text: str, doc: Doc | None, start: int, end: int) -> bool:
    """'Washington said', 'Russia's war', 'the U.S. envoy', 'urged India', 'a concern for Moscow'.

    A locative word before the name makes it a place whatever follows ("drug abuse in Canada
    claimed ..."), unless the name modifies or owns a noun after it; otherwise the dependency parse
    decides, and word patterns where there is no parse or it says nothing.
    """
    parsed = doc if doc is not None and doc.has_annotation("DEP") else None
    if modifier_actor(parsed, start, end) if parsed is not None else actor_by_words(text, start, end):
        return True  # "in the U.S. presidential election": the preposition is the election's
    before = text[max(0, start - 30): start]
    if LOCATIVE.search(before):
        return False
    if RECIPIENT_VERB.search(before):
        return True
    if parsed is not None:
        verdict = actor_by_parse(parsed, start, end)
        if verdict is not None:
            return verdict
    after = text[list_tail(text, end): end + 80]  # past "..., Latvia and Estonia on Monday"
    return bool(ACTOR_VERB.match(text[end: end + 60]) or ACTOR_VERB.match(after))

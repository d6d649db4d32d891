"""The reviewable lexicons the quotes stage relies on: speech cue verbs and speaker words.

Every list here is meant to be read and edited by people. A cue verb is listed by lemma with
its inflected forms written out, so a reviewer sees exactly which words count.
"""

from __future__ import annotations

import re

# Speech and statement verbs: lemma -> forms. "clause" verbs also introduce reported speech
# ("X said the talks failed"); the others only frame direct quotes ("'No,' she quipped").
SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "add": ("add", "adds", "added", "adding"),
    "state": ("state", "states", "stated", "stating"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "ask": ("ask", "asks", "asked", "asking"),
    "note": ("note", "notes", "noted", "noting"),
    "explain": ("explain", "explains", "explained", "explaining"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "warn": ("warn", "warns", "warned", "warning"),
    "declare": ("declare", "declares", "declared", "declaring"),
    "announce": ("announce", "announces", "announced", "announcing"),
    "continue": ("continues", "continued"),
    "recall": ("recall", "recalls", "recalled", "recalling"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "concede": ("concede", "concedes", "conceded", "conceding"),
    "reply": ("reply", "replies", "replied", "replying"),
    "respond": ("respond", "responds", "responded", "responding"),
    "answer": ("answer", "answers", "answered"),
    "suggest": ("suggest", "suggests", "suggested", "suggesting"),
    "contend": ("contend", "contends", "contended"),
    "maintain": ("maintains", "maintained"),
    "assert": ("assert", "asserts", "asserted", "asserting"),
    "stress": ("stress", "stresses", "stressed", "stressing"),
    "emphasize": ("emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "post": ("posted",),
    "complain": ("complain", "complains", "complained", "complaining"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "promise": ("promise", "promises", "promised", "promising"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "pledge": ("pledge", "pledges", "pledged", "pledging"),
    "urge": ("urge", "urges", "urged", "urging"),
    "call": ("call", "calls", "called", "calling"),
    "describe": ("describe", "describes", "described", "describing"),
    "indicate": ("indicate", "indicates", "indicated", "indicating"),
    "reveal": ("reveal", "reveals", "revealed", "revealing"),
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "deny": ("deny", "denies", "denied", "denying"),
    "joke": ("joke", "jokes", "joked", "joking"),
    "quip": ("quip", "quips", "quipped"),
    "observe": ("observe", "observes", "observed"),
    "remark": ("remark", "remarks", "remarked"),
    "comment": ("comment", "comments", "commented"),
    "mention": ("mention", "mentions", "mentioned"),
    "report": ("report", "reports", "reported"),
    "testify": ("testify", "testifies", "testified"),
    "allege": ("allege", "alleges", "alleged"),
    "boast": ("boast", "boasts", "boasted", "boasting"),
    "brag": ("brag", "brags", "bragged", "bragging"),
    "charge": ("charges", "charged"),
    "counter": ("counter", "counters", "countered"),
    "retort": ("retort", "retorts", "retorted"),
    "scoff": ("scoff", "scoffs", "scoffed"),
    "lament": ("lament", "laments", "lamented", "lamenting"),
    "caution": ("caution", "cautions", "cautioned"),
    "demand": ("demand", "demands", "demanded", "demanding"),
    "repeat": ("repeat", "repeats", "repeated"),
    "reiterate": ("reiterate", "reiterates", "reiterated"),
    "recount": ("recount", "recounts", "recounted"),
    "shout": ("shout", "shouts", "shouted", "shouting"),
    "yell": ("yell", "yells", "yelled"),
    "chant": ("chant", "chants", "chanted", "chanting"),
    "exclaim": ("exclaim", "exclaims", "exclaimed"),
    "whisper": ("whisper", "whispers", "whispered"),
    "muse": ("muse", "muses", "mused"),
    "conclude": ("conclude", "concludes", "concluded"),
    "accuse": ("accuse", "accuses", "accused", "accusing"),
    "blast": ("blast", "blasts", "blasted"),
    "slam": ("slam", "slams", "slammed"),
    "criticize": ("criticize", "criticizes", "criticized", "criticise", "criticised"),
    "praise": ("praise", "praises", "praised"),
    "mock": ("mock", "mocks", "mocked"),
    "dismiss": ("dismiss", "dismisses", "dismissed"),
    "proclaim": ("proclaim", "proclaims", "proclaimed"),
    "read": ("read", "reads"),
    "label": ("label", "labels", "labeled", "labelled", "labeling", "labelling"),
    "dub": ("dub", "dubs", "dubbed", "dubbing"),
    "refer": ("refer", "refers", "referred", "referring"),
    "bemoan": ("bemoan", "bemoans", "bemoaned"),
    "decry": ("decry", "decries", "decried"),
    "brand": ("brands", "branded", "branding"),
    "term": ("terms", "termed"),
    "recommend": ("recommend", "recommends", "recommended"),
    "promise_to": ("promised",),
    "speak": ("speak", "speaks", "spoke", "speaking"),
    "put": ("put", "puts"),  # "as she put it"
    "quote": ("quoted",),
    "believe": ("believe", "believes", "believed"),
    "think": ("think", "thinks", "thought"),
    "hope": ("hope", "hopes", "hoped"),
    "feel": ("feel", "feels", "felt"),
    "know": ("knows", "knew"),
    "want": ("want", "wants", "wanted"),
    "threaten": ("threaten", "threatens", "threatened"),
    "point_out": ("point", "points", "pointed", "pointing"),  # only with "out"
    "go_on": ("goes", "went"),  # only with "on": '"…," Trump went on.'
    "echo": ("echoed", "echoes"),
    "write_back": ("replied", "responded"),
    "offer": ("offered",),
    "bark": ("barked",),
    "beam": ("beamed",),
    "snap": ("snapped",),
    "gush": ("gushed",),
    "sigh": ("sighed",),
    "laugh": ("laughed",),
    "plead": ("pleaded", "pleads"),
    "confess": ("confessed", "confesses"),
    "fire_back": ("fired",),  # "fired back"
    "shoot_back": ("shot",),  # "shot back"
    "interject": ("interjected",),
    "interrupt": ("interrupted",),
    "rage": ("raged",),
    "thunder": ("thundered",),
    "assure": ("assured", "assures"),
    "inform": ("informed",),
    "remind": ("reminded",),
    "elaborate": ("elaborated", "elaborates"),
    "press": ("pressed", "presses"),
    "wonder": ("wondered", "wonders"),
    "inquire": ("inquired", "inquires", "enquired"),
    "query": ("queried",),
    "scream": ("screamed", "screams"),
    "opine": ("opined", "opines"),
    "chime_in": ("chimed",),
    "weigh_in": ("weighed",),
    "reason": ("reasoned", "reasons"),
    "posit": ("posited",),
    "rail": ("railed",),
    "protest": ("protested",),
    "object": ("objected",),
    "rebut": ("rebutted",),
    "fume": ("fumed",),
    "grumble": ("grumbled",),
    "marvel": ("marveled", "marvelled"),
    "sneer": ("sneered",),
    "cheer": ("cheered",),
    "tease": ("teased",),
    "taunt": ("taunted",),
    "hint": ("hinted",),
    "implore": ("implored",),
    "affirm": ("affirmed",),
    "swear": ("swore",),
    "reflect": ("reflected",),
    "summarize": ("summarized", "summed"),
    "cry": ("cried",),
    "volunteer": ("volunteered",),
}

# Verbs of thought and wanting frame partial quotes and reported content, but never a direct
# quote on their own ("'I love cats,' she thought" is rare in news; "he believes X" is not speech
# evidence for a direct quote).
THOUGHT_LEMMAS = {"believe", "think", "hope", "feel", "know", "want"}
# Verbs that introduce reported speech as a clause: "X said (that) ...".
CLAUSE_LEMMAS = {
    "say", "tell", "add", "state", "write", "note", "explain", "insist", "argue", "claim", "warn",
    "declare", "announce", "acknowledge", "admit", "concede", "reply", "respond", "suggest",
    "contend", "maintain", "assert", "stress", "emphasize", "tweet", "complain", "predict",
    "promise", "vow", "pledge", "indicate", "reveal", "confirm", "deny", "observe", "remark",
    "report", "testify", "allege", "boast", "counter", "lament", "caution", "reiterate", "recall",
    "conclude", "believe", "think", "hope", "feel", "know", "threaten", "write_in",
    "point_out", "answer", "recount", "mention", "charge", "retort", "speak", "want",
}
# Verbs that always take the addressee next: in '…, told reporters' the word after the cue is the
# one spoken to, never an inverted speaker ('…, warned the minister' is one).
ADDRESSEE_VERBS = {"tell", "assure", "remind", "inform", "urge"}
# Cue forms that are also nouns: after a determiner and adjectives ('a fundraising call', 'his
# recent remarks', 'Podliska's most explosive claim') they name speech, they do not report it.
NOUN_FORMS = {"call", "calls", "claim", "claims", "remark", "remarks", "comment", "comments", "report",
              "reports", "charge", "charges", "promise", "promises", "pledge", "pledges", "vow", "vows",
              "demand", "demands", "answer", "answers", "reply", "replies", "warning", "warnings",
              "tweet", "tweets", "note", "notes", "counter", "retort", "quip", "boast", "boasts",
              "complaint", "complaints", "accusation", "accusations", "post"}
# Adjectives that may stand between a determiner and such a noun: by their ending, or listed.
ADJECTIVE_ENDINGS = ("ing", "ed", "al", "ive", "ent", "ant", "ous", "ful", "ic", "ary", "ory", "less", "est",
                     "ble", "ish")
ADJECTIVES = {"recent", "latest", "new", "first", "last", "public", "further", "final", "earlier", "later",
              "own", "many", "several", "similar", "angry", "bold", "big", "blunt", "stark", "sharp", "late",
              "most", "more", "frequent", "fresh", "rare", "brief", "long", "short", "odd", "strange"}
# Forms that only count as cues with a particle or object: "pointed out", "went on to say".
NEEDS_PARTICLE = {"chime_in": ("in",), "weigh_in": ("in",), "point_out": ("out",), "go_on": ("on",), "put": ("it",), "fire_back": ("back",),
                  "shoot_back": ("back",)}

CUE_LEMMA: dict[str, str] = {}
for _lemma, _forms in SPEECH_VERBS.items():
    for _form in _forms:
        CUE_LEMMA.setdefault(_form, _lemma)

# Capitalised words that open sentences but are never a speaker's name.
NOT_NAMES = {
    "The", "A", "An", "In", "On", "At", "But", "And", "So", "Yet", "It", "This", "That", "There",
    "When", "While", "After", "Before", "As", "If", "For", "With", "By", "From", "Still", "Now",
    "Then", "However", "Meanwhile", "Asked", "Speaking", "According", "Last", "Next", "Earlier",
    "Later", "Some", "Many", "Most", "Both", "Other", "Since", "During", "Despite", "Although",
    "Over", "Under", "Among", "Even", "Also", "Instead", "Only", "His", "Her", "Their", "Its",
    "Our", "We", "They", "He", "She", "I", "You", "What", "Why", "How", "Who", "Where", "Yes",
    "No", "Not", "Here", "These", "Those", "Such", "Like", "Unlike", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Yesterday", "Tonight",
    # months that are not also first names ('April', 'May', 'June', 'August' are)
    "January", "February", "September", "October", "November", "December",
    "Indeed", "Thus", "Perhaps", "Of", "To", "Is", "Was", "Are", "Were", "Do", "Does",
    "Did", "Has", "Have", "Had", "Would", "Could", "Should", "Might", "Must",
    "Okay", "OK", "Well", "Oh", "Mr", "Mrs", "Ms", "Moreover", "Regarding", "Because",
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
    "Twenty", "Thirty", "Fifty", "Hundreds", "Thousands", "Dozens", "Millions", "First", "Second",
    "Third", "Finally", "Again", "Otherwise", "Nonetheless", "Nevertheless", "Furthermore",
    "Additionally", "Overall", "Similarly", "Likewise", "Sometimes", "Often", "Once", "Recently",
    "More", "Less", "Much", "Just", "Every", "Each", "Any", "All", "Few", "Several", "Another",
}

ACCORDING_TO = re.compile(r"\b[Aa]ccording to\b")

PRONOUNS = {
    "he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s", "you": "s",
}

# Words that may stand between a speaker and the cue verb ("he also said", "she has long said").
CUE_ADVERBS = {
    "also", "later", "then", "again", "has", "have", "had", "would", "will", "once", "recently",
    "previously", "further", "simply", "quickly", "separately", "publicly", "privately", "reportedly",
    "often", "earlier", "repeatedly", "long", "already", "frequently", "flatly", "bluntly",
    "subsequently", "similarly", "finally", "still", "even", "initially", "angrily", "jokingly",
    "quietly", "loudly", "firmly", "just", "since", "never", "always", "famously",
    "been", "did", "does", "do", "could", "may", "might", "should", "not", "emphatically",
    "herself", "himself", "themselves", "personally", "directly", "explicitly", "openly", "first",
}

# Words that end a speaker phrase when walking back from the cue.
# Possessive determiners: "its spokesman" is a role (resolved like "the spokesman"), "Its" never a name.
POSSESSIVES = {"its", "his", "her", "their", "our", "my", "your"}

DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "one", "another", "some", "many",
               "several", "two", "three", "four", "both", "other", "most", "few", "these", "those", "each",
               "any", "all"}

# Descriptive words a speaker phrase may be made of besides names ("the secretary", "a senior
# official", "Richmond police", "longtime Democratic pollster Pat Caddell").
ROLE_WORDS = {
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "secretary", "president",
    "minority", "majority", "tycoon", "newspaper", "paper", "magazine", "website", "network", "outlet",
    "letter", "ad", "memo", "email", "statement", "candidate's", "billionaire", "mogul", "businessman",
    "minister", "ministry", "prime", "foreign", "defense", "defence", "chief", "director", "adviser",
    "advisor", "aide", "aides", "ambassador", "envoy", "general", "commander", "senator", "lawmaker",
    "lawmakers", "governor", "mayor", "chairman", "chairwoman", "chair", "leader", "leaders",
    "candidate", "nominee", "campaign", "police", "military", "army", "government",
    "administration", "analyst", "analysts", "expert", "experts", "source", "sources", "diplomat",
    "diplomats", "negotiator", "negotiators", "representative", "congressman", "congresswoman",
    "pollster", "strategist", "manager", "chairman's", "press", "senior", "top", "former", "longtime",
    "deputy", "vice", "national", "security", "state", "white", "house", "party", "report", "reports",
    "group", "company", "agency", "office", "department", "embassy", "kremlin", "pentagon",
    "prosecutor", "prosecutors", "judge", "court", "lawyer", "lawyers", "attorney", "attorneys",
    "witness", "witnesses", "residents", "resident", "activist", "activists", "protesters",
    "observers", "people", "voters", "supporters", "critics", "members", "member", "staff",
    "staffer", "staffers", "team", "officer", "officers", "soldier", "soldiers", "troops",
    "republican", "republicans", "democrat", "democrats", "democratic", "conservative", "liberal",
    "economist", "economists", "scholar", "professor", "author", "editor", "reporter", "reporters",
    "journalist", "host", "anchor", "spokesmen", "man", "woman", "men", "women", "mother", "father",
    "son", "daughter", "wife", "husband", "friend", "organizers", "organiser", "organizer",
    "clown", "detective", "doctor", "doctors", "teacher", "student", "students",
    "worker", "workers", "owner", "founder", "ceo", "executive", "executives", "insiders",
    "insider", "counterpart", "counterparts", "authorities", "spokespeople", "board", "council",
    "committee", "ministers", "premier", "king", "queen", "prince", "pope", "rebels", "militants",
    "group's", "company's", "regime", "cabinet", "parliament", "congress", "senate",
    "interior", "justice", "health", "finance", "economy", "trade", "intelligence", "communications",
    "deputies", "officials'", "u.s.", "russian", "ukrainian", "american", "chinese", "british",
    "french", "german", "israeli", "palestinian", "iranian", "turkish", "european", "western",
    "local", "federal", "regional", "unnamed", "anonymous", "several", "other", "others",
}

# Title words and the head nouns of a definite description that can refer back to a person.
TITLE_WORDS = {
    "president", "secretary", "minister", "senator", "governor", "mayor", "chancellor", "premier",
    "ambassador", "envoy", "general", "spokesman", "spokeswoman", "candidate", "nominee", "leader",
    "chairman", "chairwoman", "director", "adviser", "advisor", "king", "queen", "pope", "judge",
    "congressman", "congresswoman", "representative", "lawmaker", "official", "diplomat",
    "commander", "chief", "prosecutor", "attorney", "clown", "detective", "businessman",
    "businesswoman", "mogul", "billionaire", "speaker", "actress", "actor", "star", "founder",
}

PERSON_TITLES_BEFORE_NAME = {
    "President", "Vice", "Secretary", "Minister", "Prime", "Foreign", "Defense", "Defence", "Sen.",
    "Senator", "Rep.", "Gov.", "Governor", "Mayor", "Gen.", "General", "Adm.", "Col.", "Lt.", "Sgt.",
    "Capt.", "Dr.", "Mr.", "Mrs.", "Ms.", "Miss", "Prof.", "Judge", "Justice", "Ambassador",
    "Special", "Envoy", "Chancellor", "Premier", "King", "Queen", "Prince", "Princess", "Pope",
    "Chief", "Director", "CIA", "FBI", "State", "Deputy", "Speaker", "Leader", "Senate", "House",
    "Majority", "Minority", "Attorney", "Press", "Spokesman", "Spokeswoman", "Former", "Acting",
    "Russian", "Ukrainian", "American", "U.S.", "US", "Democratic", "Republican", "National",
    "Security", "Adviser", "Advisor", "Commander", "Rev.", "Sheriff", "Officer", "Chairman",
    "Chairwoman", "Interior", "Finance", "Trade", "Homeland", "Chinese", "British", "French",
    "German", "Israeli", "Iranian", "Turkish", "Supreme", "Commissioner", "Representative",
    "Congressman", "Congresswoman", "Assemblyman", "Councilman", "Councilwoman", "Presidential",
    "Candidate", "Nominee", "Sens.", "Reps.", "Govs.", "And",
}

ORG_HEADS = {
    "kremlin", "pentagon", "white house", "ministry", "department", "government", "embassy",
    "office", "campaign", "committee", "council", "agency", "police", "army", "military", "party",
    "administration", "company", "group", "organization", "organisation", "union", "court",
    "parliament", "senate", "congress", "state department", "commission", "foundation",
    "institute", "network", "newspaper", "spokespeople", "authorities", "officials",
}

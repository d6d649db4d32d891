"""Find the cue verb and the speaker phrase that frame a quote, from words alone.

This is the pattern fallback that works with the blank pipeline; ``quote_parse`` refines the
speaker with the dependency parse when the trained model is loaded. A *frame* is what a reader
uses to attribute the quote: '"…," he added', '"…," said Caddell', 'Burton said, "…"',
'Hegseth told NATO counterparts … was an "unrealistic goal."', '…, according to the ministry'.
"""

from __future__ import annotations

from dataclasses import dataclass

from .quote_cues import (
    ADDRESSEE_VERBS,
    ADJECTIVE_ENDINGS,
    ADJECTIVES,
    CUE_ADVERBS,
    CUE_LEMMA,
    DETERMINERS,
    NEEDS_PARTICLE,
    NOT_NAMES,
    NOUN_FORMS,
    PRONOUNS,
    ROLE_WORDS,
    THOUGHT_LEMMAS,
)
from .quote_text import Token

# Lowercase words that may sit inside a capitalised name ("Secretary of State", "Abu al-Bakr").
NAME_LINKS = {"of", "the", "de", "la", "al", "bin", "van", "von", "der", "du", "for", "and", "&"}
BOUNDARY = {",", ";", ":", "(", ")", "—", "–", "-", "\"", "“", "”", ".", "!", "?", "‘", "’", "'"}
NOUN_MARKERS = {"a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
                "snappy", "brief", "short", "long", "terse", "sharp", "angry", "blunt", "public", "written"}
PREPOSITIONS = {"in", "at", "on", "by", "for", "with", "from", "of", "to", "into", "during", "after", "before",
                "about", "over", "under", "through", "since", "until", "without", "within", "among"}
AFTER_STOPS = {"in", "on", "at", "to", "for", "with", "from", "during", "after", "before", "about", "who",
               "which", "that", "when", "while", "because", "and", "but", "as", "of", "by", "told", "said"}
FUNCTION_WORDS = {"every", "if", "to", "for", "in", "is", "are", "was", "were", "be", "not", "no", "it",
                  "this", "there", "what", "how", "why", "where", "would", "could", "should", "can",
                  "will", "do", "does", "did", "has", "have", "had", "than", "then", "so", "just", "about"}
# Auxiliaries and modals: a phrase right before one is the subject of a clause ('said the talks
# would go on'), never an inverted speaker ('said the minister').
AUXILIARIES = {"is", "are", "was", "were", "be", "been", "am", "would", "could", "should", "can", "will",
               "may", "might", "must", "shall", "has", "have", "had", "do", "does", "did", "won’t", "won't",
               "wouldn’t", "wouldn't", "can’t", "can't", "isn’t", "isn't", "wasn’t", "wasn't", "hasn’t",
               "hasn't", "didn’t", "didn't", "doesn’t", "doesn't"}
SUBJECT_STOPS = {"that", "which", "who", "when", "while", "because", "if", "as", "after", "before",
                 "but", "and", "or", "so", "than", "where", "since", "although", "though"}


@dataclass
class Frame:
    cue: Token
    speaker: tuple[int, int] | None  # character span of the speaker phrase
    lemma: str


def cue_at(toks: list[Token], i: int) -> str | None:
    """The cue lemma of toks[i], or None when it is not a speech cue here."""
    lemma = CUE_LEMMA.get(toks[i].lower)
    if lemma is not None and i > 0 and toks[i - 1].lower in NOUN_MARKERS:
        return None  # "a snappy retort", "his claims", "the report": nouns, not verbs
    if lemma is not None and _noun_after_adjectives(toks, i):
        return None  # "a fundraising call", "his recent remarks": nouns too
    if lemma is None or toks[i].is_cap and i > 0 and toks[i - 1].text not in ".“\"" \
            and not (toks[i - 1].text == "," and not toks[i].text.isupper()):
        return None
    if i > 0 and toks[i - 1].lower in {"was", "were", "been", "being", "is", "are"} and toks[i].lower.endswith("ed") \
            or i > 0 and toks[i - 1].lower in {"was", "were", "been", "being", "is", "are"} and toks[i].lower in {
                "told", "asked", "said"}:
        return None  # passive: "Blumenthal was asked" names the one spoken to
    if i + 1 < len(toks) and toks[i + 1].lower == "to" and lemma in {"continue", "want", "hope", "promise", "vow",
                                                                 "pledge", "threaten", "agree", "urge"}:
        return None  # "will continue to be", "vowed to stay": not reporting what was said
    particles = NEEDS_PARTICLE.get(lemma)
    if particles:
        nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
        if nxt not in particles:
            return None
    return lemma


def _noun_after_adjectives(toks: list[Token], i: int) -> bool:
    """toks[i] is a noun form of a cue after a determiner and one or two adjectives ('a
    fundraising call', 'his recent remarks', 'most explosive claim'); a role between them makes
    it a verb again ('his aide calls')."""
    if toks[i].lower not in NOUN_FORMS:
        return False
    for k in range(i - 1, max(-1, i - 3), -1):
        word = toks[k].lower
        if not toks[k].text.isalpha() or toks[k].is_cap and k > 0:
            return False  # a name: "Obama's remarks" keeps its possessor as the speaker
        if word in ADJECTIVES or word.endswith(ADJECTIVE_ENDINGS) and word not in ROLE_WORDS:
            if k > 0 and toks[k - 1].lower in NOUN_MARKERS | {"most", "more"}:
                return True
            continue
        return False
    return False


def _is_name_token(tok: Token) -> bool:
    return tok.is_cap and tok.text not in BOUNDARY and tok.lower not in PRONOUNS and tok.text not in NOT_NAMES


def phrase_before(toks: list[Token], i: int, floor: int = 0, appositive: int = 16) -> tuple[int, int] | None:
    """Token range [a, b) of the speaker phrase that ends right before toks[i] (a cue).

    ``appositive`` is how many words an appositive between the name and the cue may have.
    """
    j = i - 1
    while j >= floor and toks[j].lower in CUE_ADVERBS and not toks[j].is_cap:
        j -= 1
    if j < floor:
        return None
    tok = toks[j]
    if tok.lower in PRONOUNS:
        return (j, j + 1)
    if tok.text == ",":  # an appositive: "Paul Martin, a detective, said"
        k = j - 1
        while k >= floor and k > j - appositive and toks[k].text not in {",", ".", ";", "“", "”", '"'}:
            k -= 1
        if k >= floor and toks[k].text == "," and k - 1 >= floor and (_is_name_token(toks[k - 1])
                                                                      or toks[k - 1].lower in PRONOUNS):
            return phrase_before(toks, k, floor)
        if k >= floor and toks[k].text == "," and k + 1 < j and all(_is_name_token(t) or t.lower in NAME_LINKS
                                                                    for t in toks[k + 1:j]):
            return (k + 1, j)  # "Her chief aide, Jake Sullivan, calls": the appositive is the name
        return None
    if not tok.is_cap and tok.lower not in ROLE_WORDS:
        return _described_before(toks, j, floor)
    b = j + 1
    a = j
    saw_name = False
    while a >= floor:
        t = toks[a]
        if _is_name_token(t):
            saw_name = True
        elif t.lower in NAME_LINKS and a - 1 >= floor and _is_name_token(toks[a - 1]) and a + 1 < b \
                and _is_name_token(toks[a + 1]) or t.lower in ROLE_WORDS and not t.is_cap:
            pass
        elif t.lower in DETERMINERS and not (a + 1 < b and toks[a + 1].lower in {"of"}):
            a -= 1
            break
        else:
            break
        a -= 1
    a += 1
    if a >= b:
        return None
    head = toks[b - 1]
    if not saw_name and head.lower not in ROLE_WORDS:
        return _described_before(toks, j, floor)
    # Trim a leading link word left dangling ("of State Department" never starts a speaker).
    while a < b and toks[a].lower in NAME_LINKS - {"the"}:
        a += 1
    return (a, b) if a < b else None


def _described_before(toks: list[Token], j: int, floor: int) -> tuple[int, int] | None:
    """'the heckler', 'an angry voter', 'one supporter': a determiner and up to three plain words
    ending right before the cue (at ``j``)."""
    for a in range(j, max(floor - 1, j - 4), -1):
        t = toks[a]
        if t.lower in DETERMINERS:
            if a > floor and toks[a - 1].lower in PREPOSITIONS:
                return None  # "in the past described": an adjunct, not a subject
            return (a, j + 1) if a < j else None
        if not t.text.isalpha() or t.lower in AFTER_STOPS or t.lower in SUBJECT_STOPS or t.lower in FUNCTION_WORDS \
                or CUE_LEMMA.get(t.lower):
            return None
    return None


def phrase_after(toks: list[Token], i: int, ceiling: int) -> tuple[int, int] | None:
    """Token range of the speaker phrase right after an inverted cue ('said Caddell'): a noun
    phrase, not the subject of a clause the cue introduces ('said the talks would go on')."""
    rng = _phrase_after(toks, i, ceiling)
    if rng is not None and rng[1] < ceiling and toks[rng[1]].lower in AUXILIARIES:
        return None
    return rng


def _phrase_after(toks: list[Token], i: int, ceiling: int) -> tuple[int, int] | None:
    a = i + 1
    if a >= ceiling:
        return None
    if toks[a].lower in PRONOUNS:
        return (a, a + 1)
    b = a
    saw_name = False
    while b < ceiling:
        t = toks[b]
        if _is_name_token(t):
            saw_name = True
        elif t.lower in NAME_LINKS and saw_name and b + 1 < ceiling and _is_name_token(toks[b + 1]) or (t.lower in DETERMINERS and b == a) or (t.lower in ROLE_WORDS and not t.is_cap):
            pass
        elif toks[a].lower in DETERMINERS and not saw_name and b - a <= 4 and t.text[:1].isalnum() \
                and t.lower not in AFTER_STOPS and t.lower not in AUXILIARIES and not CUE_LEMMA.get(t.lower):
            pass  # "said the gambling tycoon", "according to the newspaper"
        else:
            break
        b += 1
    if b == a:
        return None
    if not saw_name and toks[b - 1].lower not in ROLE_WORDS and toks[a].lower not in DETERMINERS:
        return None
    if b - a == 1 and toks[a].lower in DETERMINERS | {"one"} and b + 1 < ceiling and toks[b].lower == "of":
        # "said one of two witnesses who …", "said one of his aides"
        c = b + 1
        while c < ceiling and c < b + 6 and toks[c].text not in BOUNDARY and toks[c].lower not in SUBJECT_STOPS \
                and toks[c].lower not in {"who", "which"}:
            c += 1
        return (a, c) if c > b + 1 else None
    if b - a == 1 and toks[a].lower in DETERMINERS:
        lone = toks[a].lower in {"another", "one", "others", "some", "many"}
        return (a, b) if lone and (b == ceiling or toks[b].text in BOUNDARY) else None
    return (a, b)


def _span(toks: list[Token], rng: tuple[int, int] | None) -> tuple[int, int] | None:
    return (toks[rng[0]].start, toks[rng[1] - 1].end) if rng else None


def without_parens(toks: list[Token]) -> list[Token]:
    """The words outside short parentheses: 'Sen. Chuck Schumer (D-N.Y.) said' reads as
    'Sen. Chuck Schumer said'."""
    out: list[Token] = []
    i = 0
    while i < len(toks):
        if toks[i].text == "(":
            close = next((k for k in range(i + 1, min(len(toks), i + 9)) if toks[k].text == ")"), None)
            if close is not None:
                i = close + 1
                continue
        out.append(toks[i])
        i += 1
    return out


def frame_after(toks: list[Token], *, direct: bool) -> Frame | None:
    """A frame at the start of the words after a quote: ', he said', 'said X', 'X told Y'."""
    toks = without_parens(toks)
    limit = min(len(toks), 12)
    lead = 0
    while lead < len(toks) and toks[lead].text in {",", "—", "–", "-"}:
        lead += 1
    for i in range(lead, len(toks)):
        if toks[i].text in {".", ";", "!", "?", "“", '"'}:
            break
        if i >= limit and not any(t.text == "," for t in toks[lead:i]):
            break  # only an appositive ("X, who …, said") lets the cue come later
        lemma = cue_at(toks, i)
        if lemma is None and direct and _unlisted_cue(toks, i, lead):
            lemma = "unlisted"
        if lemma is None or (direct and lemma in THOUGHT_LEMMAS):
            continue
        if i == lead:
            # '"…," said Caddell'; not a participle ('"…," telling reporters') or an addressee
            # ('"…," told reporters'), whose next words are the one spoken to.
            inverted = not toks[i].lower.endswith("ing") and lemma not in ADDRESSEE_VERBS
            rng = phrase_after(toks, i, len(toks)) if inverted else None
            if rng:
                return Frame(toks[i], _span(toks, rng), lemma)
            continue
        rng = phrase_before(toks, i, lead, appositive=40)
        between = toks[lead:i]
        if any(t.text in BOUNDARY and t.text != "," for t in between):
            return None
        if rng and rng[0] == lead:
            return Frame(toks[i], _span(toks, rng), lemma)
        if i - lead <= 8 and not any(t.text == "," or t.lower in SUBJECT_STOPS | FUNCTION_WORDS
                                     or (t.lower in AFTER_STOPS and t.lower not in PREPOSITIONS)
                                     or CUE_LEMMA.get(t.lower) for t in between) \
                and between and between[0].lower not in PREPOSITIONS:
            # Everything between the quote and its cue is the speaker ('the gambling tycoon told').
            end = i
            while end > lead and toks[end - 1].lower in CUE_ADVERBS and not toks[end - 1].is_cap:
                end -= 1
            if end > lead:
                return Frame(toks[i], _span(toks, (lead, end)), lemma)
        if rng:
            return Frame(toks[i], _span(toks, rng), lemma)
        return None
    return None


def _unlisted_cue(toks: list[Token], i: int, lead: int) -> bool:
    """A verb not in the lexicon that still frames a direct quote: '"…," an angry Hollande
    retaliated.' — a past-tense word right after the speaker and right before the sentence end."""
    t = toks[i]
    if t.is_cap or not t.text.isalpha() or not t.lower.endswith("ed"):
        return False
    if i == lead:  # '"…?" reacted Trump.'
        inv = phrase_after(toks, i, len(toks))
        return inv is not None and any(_is_name_token(x) for x in toks[inv[0]:inv[1]]) and (
            inv[1] == len(toks) or toks[inv[1]].text in {".", ",", "!", "?"})
    nxt = toks[i + 1].text if i + 1 < len(toks) else "."
    return nxt in {".", ",", ";", "!", "?"} and phrase_before(toks, i, lead) is not None


def frame_before(toks: list[Token], *, direct: bool, sentence: list[Token] | None = None) -> Frame | None:
    """The cue before a quote in its sentence, with the subject of that cue.

    ``sentence`` is the whole sentence up to the quote, for a subject that opens it when the cue
    is a participle or a second verb ('…, adding that …', '… and said …').
    """
    toks = without_parens(toks)
    if sentence is not None:
        sentence = without_parens(sentence)
    # A direct quote's frame ends right before it, so the cue nearest to it is right. A partial
    # quote sits inside reported content whose speaker is the outermost cue's subject ('Cruz
    # said he's certain Rubio will be "a champion"'), so the first cue is taken, unless a comma
    # starts a new clause between two cues ('When Sanders accused her, she said "…"').
    order = range(len(toks) - 1, -1, -1) if direct else range(len(toks))
    best: Frame | None = None
    best_at = -1
    for i in order:
        frame = _frame_at(toks, i, direct, sentence)
        if frame is None:
            continue
        if direct:
            return frame
        participle = toks[i].lower.endswith("ing")  # "…, saying": same subject as the clause
        if best is None or (not participle and any(t.text in {",", ";", "—", "–"} for t in toks[best_at:i])):
            best, best_at = frame, i
    return best


def _frame_at(toks: list[Token], i: int, direct: bool, sentence: list[Token] | None) -> Frame | None:
    lemma = cue_at(toks, i)
    if lemma is None or (direct and lemma in THOUGHT_LEMMAS):
        return None
    # "…, saying", "issued a statement saying", "by calling": the clause's subject speaks.
    participle = toks[i].lower.endswith("ing") and i > 0 and toks[i - 1].lower not in {
        "is", "was", "are", "were", "been", "be", "am", "'s", "’s", "keeps", "kept", "started", "began"}
    rng = None if participle else phrase_before(toks, i)
    if rng is None and i > 0 and (participle or toks[i - 1].lower in {"and", "but", "then", "also"}):
        # A second verb shares the subject of the cue before it ('Lazar said … and added').
        rng = next((got for k in range(i - 1, -1, -1) if cue_at(toks, k)
                    for got in [phrase_before(toks, k)] if got is not None), None)
    if rng is None and i > 0 and (participle or toks[i - 1].lower in {"and", "but", "then", "also"}):
        rng = subject_at_start(toks, i)
        if rng is None and sentence:
            k = next((n for n, t in enumerate(sentence) if t.start == toks[i].start), len(sentence))
            got = subject_at_start(sentence, k)
            if got:
                return Frame(toks[i], _span(sentence, got), lemma)
    if rng is None and (i == 0 or toks[i - 1].text in {"“", '"', ":", ","}) \
            and not toks[i].lower.endswith("ing") and lemma not in ADDRESSEE_VERBS:
        # not '"…," telling reporters' or '"…," told reporters': the one spoken to
        inv = phrase_after(toks, i, len(toks))
        # after a comma only a name is inverted ('…, said Paul Beck'), not 'calls her record a'
        if inv and (i == 0 or toks[i - 1].text != "," or any(_is_name_token(t) for t in toks[inv[0]:inv[1]])):
            rng = inv
    if rng is not None and not direct and rng[1] - rng[0] == 1 and toks[rng[0]].lower == "you":
        return None  # "you" inside reported content is never the one quoted
    return Frame(toks[i], _span(toks, rng), lemma) if rng else None


def subject_at_start(toks: list[Token], limit: int) -> tuple[int, int] | None:
    """The sentence's subject, guessed as the first name, pronoun or description that is
    directly followed by a lower-case word (its verb), skipping introductory phrases
    ('Speaking in Salem, New Hampshire, Trump went after Bush, …')."""
    k = start = _after_intro(toks, limit)
    while k < limit:
        t = toks[k]
        if t.lower in PRONOUNS and t.lower != "it":
            nxt = toks[k + 1] if k + 1 < limit else None
            if nxt is not None and not nxt.is_cap and nxt.text not in BOUNDARY:
                return (k, k + 1)
            k += 1
            continue
        if _is_name_token(t) or t.lower in DETERMINERS:
            b = k
            while b < limit and (_is_name_token(toks[b]) or toks[b].lower in DETERMINERS | NAME_LINKS
                                 or (toks[b].lower in ROLE_WORDS and not toks[b].is_cap)):
                b += 1
            nxt = toks[b] if b < limit else (toks[limit] if limit < len(toks) else None)
            if b > k and k == start and nxt is not None and nxt.text == "," \
                    and any(_is_name_token(x) for x in toks[k:b]):
                return (k, b)  # "Chris Christie, a staunch ally, acknowledged …"
            if b > k and nxt is not None and nxt.text not in BOUNDARY and not nxt.is_cap \
                    and (nxt.lower not in AFTER_STOPS or CUE_LEMMA.get(nxt.lower)) \
                    and (any(_is_name_token(x) for x in toks[k:b])
                                                          or toks[b - 1].lower in ROLE_WORDS):
                while b > k and toks[b - 1].lower in NAME_LINKS | DETERMINERS:
                    b -= 1
                return (k, b) if b > k else None
            k = max(b, k + 1)
            continue
        k += 1
    return None


def _after_intro(toks: list[Token], limit: int) -> int:
    """Index after introductory phrases ending in commas ('In Salem, New Hampshire, Trump …');
    a sentence that opens with a name or a determiner has none."""
    k = 0
    while k < limit and toks[k].lower in {"and", "but", "so", "then", "yet", "or", "also", "still"}:
        k += 1  # "And then Trump went …": a conjunction, not an introductory phrase
    for _ in range(3):
        if k >= limit:
            break
        first = toks[k]
        if (_is_name_token(first) or first.lower in DETERMINERS or first.lower in PRONOUNS) and k > 0:
            # a name after an intro comma, unless itself followed by a comma (a place: "Salem, New Hampshire,")
            pass
        elif k == 0 and (_is_name_token(first) or first.lower in DETERMINERS or first.lower in PRONOUNS) \
                and not first.lower.endswith(("ing", "ed")):
            break
        comma = next((n for n in range(k, min(limit, k + 14)) if toks[n].text == ","), None)
        if comma is None:
            break
        nxt = comma + 1
        if k > 0 and not (_is_name_token(first) and all(_is_name_token(t) for t in toks[k:comma])
                          and nxt < limit and _is_name_token(toks[nxt])):
            break  # "Suu Kyi, 70, said": a name and its appositive, not a place ("Salem, New Hampshire,")
        k = nxt
    return k


def colon_frame(toks: list[Token]) -> Frame | None:
    """'Republican pollster Daron Shaw: "…"' or 'The headline reads: "…"' — a colon with no
    speech verb; the speaker is the name before the colon or the sentence's subject."""
    if not toks or toks[-1].text != ":":
        return None
    colon = toks[-1]
    rng = phrase_before(toks, len(toks) - 1)
    if rng is None or not any(_is_name_token(t) for t in toks[rng[0]:rng[1]]) \
            or (rng[0] > 0 and toks[rng[0] - 1].lower in PREPOSITIONS):  # "a message to Trump:"
        rng = subject_at_start(toks, len(toks) - 1)
    if rng is None:
        return None
    return Frame(colon, _span(toks, rng), "colon")


def according_to(toks: list[Token]) -> Frame | None:
    """'according to X' anywhere in the words given."""
    for i in range(len(toks) - 2):
        if toks[i].lower == "according" and toks[i + 1].lower == "to":
            end = i + 2
            while end < len(toks) and end < i + 12 and toks[end].text not in BOUNDARY:
                end += 1
            rng = (i + 2, end) if end > i + 2 else None
            if rng:
                return Frame(Token(toks[i].start, toks[i + 1].end, "according to"), _span(toks, rng), "according")
    return None

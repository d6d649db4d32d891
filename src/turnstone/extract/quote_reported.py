"""Reported speech: 'X said (that) …', 'X told reporters that …', '…, X said.', 'according to X'.

Reported content is the clause a speech verb introduces, without quotation marks around it
(a clause with a partial quote inside still counts: the partial quote is also kept on its own).
Each sentence gives at most one reported quote, from its first speech verb with a subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import Article, Quote, Span
from .quote_cues import ADDRESSEE_VERBS, CLAUSE_LEMMAS, CUE_LEMMA, ROLE_WORDS, TITLE_WORDS
from .quote_frames import (
    AUXILIARIES,
    BOUNDARY,
    SUBJECT_STOPS,
    cue_at,
    phrase_after,
    phrase_before,
    subject_at_start,
)
from .quote_parse import SUBJECT_DEPS, has_parse, token_at
from .quote_text import Token, find_marked, paragraphs, sentences, tokens

if TYPE_CHECKING:
    from .quote_speakers import SpeakerResolver

# Verbs whose object comes before the clause: "told reporters that", "warned Moscow that".
OBJECT_VERBS = {"tell", "warn", "assure", "remind", "inform", "urge", "caution", "promise"}
# A clause may follow "said" directly when it opens with one of these (or a capital or digit).
CLAUSE_OPENERS = {"the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "there", "his", "her",
                  "their", "its", "this", "these", "those", "some", "many", "no", "not", "any", "all",
                  "both", "russia", "our", "my", "if", "when", "while", "without", "because", "what",
                  "how", "why", "whether", "more", "most", "several", "one", "two", "three", "every",
                  "each", "neither", "none", "nothing", "everyone", "nobody", "someone", "such"}
# Verbs of asking report a question: "X asked (the minister) whether/how …".
QUESTION_LEMMAS = {"ask", "wonder", "inquire"}
QUESTION_WORDS = {"whether", "if", "how", "why", "what", "who", "when", "where", "which"}
MIN_CONTENT_WORDS = 3
TRAILING_ADJUNCTS = {"on", "in", "at", "during", "after", "before", "last", "this", "earlier", "later", "late",
                     "recently", "yesterday", "today", "monday", "tuesday", "wednesday", "thursday",
                     "friday", "saturday", "sunday", "tonight", "told", "said", "from", "via", "while",
                     "when", "as", "according", "through", "adding", "noting", "citing", "speaking",
                     "reporters", "the", "a", "an", "by", ","}
MAX_SKIP = 8  # words of adjunct allowed between the cue and "that" ("said in a statement that")
MAX_ROLE_WORDS = 8  # words of a role before its appositive name ("The navy's chief spokeswoman, <Name>,")
# Words after "said," that continue the writer's sentence instead of opening the reported clause.
NOT_AFTER_COMMA = {"and", "but", "or", "nor", "adding", "though", "however", "too", "then", "before",
                   "after", "when", "as", "according", "in", "on", "at", "to", "of", "for"}
# -ing words that are no participle opening an adjunct ("said, nothing has changed").
NOT_ADJUNCT_ING = {"including", "during", "according", "nothing", "something", "anything", "everything",
                   "thing", "king", "morning", "evening", "spring", "building", "meeting", "spending"}


def _complement_opens(doc: Any, cue: Token, first: Token) -> bool:
    """From the parse: a clausal complement of the cue verb starts at ``first`` ('said tankers
    were waiting': 'waiting' is a ccomp of 'said' whose words begin at 'tankers')."""
    verb = token_at(doc, cue.start, cue.end)
    return verb is not None and any(child.dep_ == "ccomp" and child.left_edge.idx == first.start
                                    for child in verb.children)


def _complement_after_object(doc: Any, toks: list[Token], i: int) -> int | None:
    """From the parse: where the clausal complement of an addressee verb starts, past its object
    and adjuncts ('told the Courier on Monday the convoy had turned back'), or None."""
    verb = token_at(doc, toks[i].start, toks[i].end)
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ != "ccomp" or child.left_edge.idx <= toks[i].start:
            continue
        start = child.left_edge.idx
        for k in range(i + 1, min(len(toks), i + MAX_SKIP + 2)):
            if toks[k].start == start:
                return k + 1 if toks[k].lower == "that" else k
            if toks[k].text in BOUNDARY and toks[k].text != ",":
                return None
    return None


def _content_after(toks: list[Token], i: int, lemma: str, doc: Any = None) -> int | None:
    """Index of the first token of the reported clause after the cue at ``i``, or None.
    ``doc``, the article's parse or None, finds clauses no opener word marks."""
    j = i + 1
    if lemma in QUESTION_LEMMAS:
        # the question word after a short addressee: "asked the minister whether …"
        for k in range(j, min(len(toks), j + 5)):
            if toks[k].lower in QUESTION_WORDS:
                return k
            if toks[k].text in BOUNDARY or CUE_LEMMA.get(toks[k].lower):
                break
        return None
    if doc is not None and j < len(toks) and toks[j].lower != "that" and toks[j].text not in BOUNDARY \
            and _complement_opens(doc, toks[i], toks[j]):
        return j  # 'said the envoys were hopeful that …': the clause starts here, not after 'that'
    for k in range(j, min(len(toks), j + MAX_SKIP + 1)):
        if toks[k].lower == "that":
            if k == j or all(t.text not in BOUNDARY or t.text == "," for t in toks[j:k]):
                return k + 1
            break
        if toks[k].text in {".", ";", ":", "“", '"', "?", "!"}:
            break
    if j < len(toks) and lemma in OBJECT_VERBS:
        if doc is not None:
            after_object = _complement_after_object(doc, toks, i)
            if after_object is not None:
                return after_object
        # "told reporters the talks failed": skip a short object
        k = j
        while k < len(toks) and k < j + 4 and toks[k].text not in BOUNDARY and toks[k].lower not in CLAUSE_OPENERS:
            k += 1
        if k < len(toks) and toks[k].lower in CLAUSE_OPENERS - {"the", "a", "an"}:
            return k
        return None
    if j < len(toks) and lemma in {"say", "add", "write", "tweet", "insist", "claim", "argue", "warn",
                                   "believe", "think", "predict", "acknowledge", "admit", "note",
                                   "suggest", "announce", "state", "explain", "stress", "report",
                                   "concede", "contend", "assert", "indicate", "reveal", "confirm"}:
        first = toks[j]
        if first.text == "," and j + 1 < len(toks):
            # "Brandt said, there were more soldiers …": the clause after the cue's comma
            nxt = toks[j + 1]
            if nxt.text not in BOUNDARY and nxt.text[:1].isalnum() and nxt.lower not in NOT_AFTER_COMMA \
                    and not (nxt.lower.endswith("ing") and nxt.lower not in NOT_ADJUNCT_ING):
                return j + 1
            return None
        if first.lower in CLAUSE_OPENERS or (first.is_cap and first.lower not in {"in", "on", "at", "after"}) \
                or first.text[:1].isdigit():
            return j
    return None


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return end


def find_reported(article: Article, quoted: list[Quote], resolver: SpeakerResolver) -> list[Quote]:
    """Reported-speech quotes (kind ``indirect``) that no quotation-marked quote already covers."""
    text = article.text
    out: list[Quote] = []
    doc = article.doc if has_parse(article.doc) else None
    from .quotes import is_headline

    for index, para in enumerate(paragraphs(text)):
        if is_headline(text[para[0]:para[1]]):
            continue
        marks = find_marked(text, para, index)
        for sent in sentences(text, para, marks):
            inside = [(m.open_at, m.close_at) for m in marks]
            got = _reported_in(text, sent, inside, doc)
            if got is None:
                continue
            (c_start, c_end), cue, speaker = got
            if c_end - c_start < 12:
                continue
            covered = sum(max(0, min(q.end, c_end) - max(q.start, c_start)) for q in quoted if q.kind == "direct")
            if covered > 0.5 * (c_end - c_start):
                continue
            q = Quote(id="", text=text[c_start:c_end], start=c_start, end=c_end, kind="indirect",
                      cue=Span(start=cue.start, end=cue.end, text=cue.text))
            if speaker is not None:
                q.speaker_mention = Span(start=speaker[0], end=speaker[1],  # type: ignore[attr-defined]
                                         text=text[speaker[0]:speaker[1]])
                res = resolver.resolve(*speaker)
                q.speaker, q.speaker_name = res.entity, res.name
            out.append(q)
    return out


def _reported_in(text: str, sent: tuple[int, int], inside: list[tuple[int, int]], doc: Any = None
                 ) -> tuple[tuple[int, int], Token, tuple[int, int] | None] | None:
    toks = tokens(text, *sent)
    quoted = {n for n, t in enumerate(toks) if any(a <= t.start < b for a, b in inside)}
    if len(toks) < MIN_CONTENT_WORDS + 2:
        return None
    # "According to X, …" / "…, according to X."
    for i in range(len(toks) - 2):
        if toks[i].lower == "according" and toks[i + 1].lower == "to":
            end = i + 2
            while end < len(toks) and toks[end].text not in BOUNDARY:
                end += 1
            if end == i + 2:
                return None
            cue = Token(toks[i].start, toks[i + 1].end, text[toks[i].start:toks[i + 1].end])
            speaker: tuple[int, int] | None = (toks[i + 2].start, toks[end - 1].end)
            if i == 0 and end < len(toks) and toks[end].text == ",":
                return ((toks[end + 1].start, _strip_end(text, toks[end + 1].start, sent[1])), cue, speaker) \
                    if end + 1 < len(toks) else None
            if i > 0 and toks[i - 1].text == ",":
                return ((sent[0], _strip_end(text, sent[0], toks[i - 1].start)), cue, speaker)
            return None
    # "…, X said." at the end of the sentence
    tail = _trailing_frame(toks, quoted, doc)
    if tail is not None:
        comma, cue, speaker = tail
        return ((sent[0], _strip_end(text, sent[0], toks[comma].start)), cue, speaker)
    # "X said (that) …"
    for i in range(len(toks)):
        if i in quoted:
            continue
        lemma = cue_at(toks, i)
        if lemma is None or lemma not in CLAUSE_LEMMAS | QUESTION_LEMMAS:
            continue
        rng = phrase_before(toks, i)
        if rng is not None and any(n in quoted for n in range(*rng)):
            continue
        if rng is None and i > 0 and toks[i - 1].lower in {"and", "but", "also"}:
            rng = subject_at_start(toks, i)
        if rng is None and i > 1 and toks[i - 1].lower == "who":
            # "… to Lea Brandt, who said …": the relative pronoun's antecedent is the speaker
            rng = phrase_before(toks, i - 2) if toks[i - 2].text == "," else phrase_before(toks, i - 1)
            if rng is not None and any(n in quoted for n in range(*rng)):
                rng = None
        if rng is None and i > 1 and toks[i - 1].text == "," and toks[i].lower.endswith("ing"):
            # "Brandt rejected the offer, saying (that) …": the participle's speaker is the subject
            rng = subject_at_start(toks, i - 1)
        if rng is None:
            continue
        start = _content_after(toks, i, lemma, doc)
        if start is None or len(toks) - start < MIN_CONTENT_WORDS:
            continue
        c_start = toks[start].start
        return ((c_start, _strip_end(text, c_start, sent[1])), toks[i],
                (toks[rng[0]].start, toks[rng[1] - 1].end))
    return None


def _trailing_frame(toks: list[Token], quoted: set[int], doc: Any = None
                    ) -> tuple[int, Token, tuple[int, int] | None] | None:
    """', officials said.' or ', said the minister.' closing a sentence of reported content.
    ``doc``, the article's parse or None, tells an inverted speaker from a clause's subject."""
    end = len(toks)
    while end and toks[end - 1].text in {".", "!", "?"}:
        end -= 1
    long_appositive = _inverted_with_appositive(toks, quoted, end)
    if long_appositive is not None:
        return long_appositive
    for comma in range(end - 2, max(2, end - 14), -1):
        if toks[comma].text != "," or comma in quoted:
            continue
        for i in range(comma + 1, min(end, comma + 9)):
            lemma = cue_at(toks, i)
            if lemma is None or lemma not in CLAUSE_LEMMAS:
                continue
            if i == comma + 1:
                rng = None if lemma in ADDRESSEE_VERBS else phrase_after(toks, i, end)
                if rng is not None and _clause_after(toks, i, comma, rng, doc):
                    rng = None  # 'The spokesman, Omar Haddad, said the ceasefire held.'
            else:
                rng = phrase_before(toks, i, comma + 1)
                if rng is not None and rng[0] != comma + 1:
                    rng = None
            if rng is None:
                continue
            # What follows the cue and its speaker must be adjuncts ('on Tuesday', 'in a
            # statement'), not a clause.
            rest = toks[max(i + 1, rng[1]):end]
            if rest and (len(rest) > 10 or rest[0].lower not in TRAILING_ADJUNCTS):
                continue
            return (comma, toks[i], (toks[rng[0]].start, toks[rng[1] - 1].end))
        break
    return None


def _inverted_with_appositive(toks: list[Token], quoted: set[int], end: int
                              ) -> tuple[int, Token, tuple[int, int] | None] | None:
    """'…, said Lea Brandt, director of the Vell Institute and a former adviser to …': an inverted
    named speaker whose appositive runs to the sentence end, too long for the usual tail."""
    for comma in range(MIN_CONTENT_WORDS, end - 3):
        i = comma + 1
        if toks[comma].text != "," or comma in quoted or i in quoted:
            continue
        lemma = cue_at(toks, i)
        if lemma is None or lemma not in CLAUSE_LEMMAS or lemma in ADDRESSEE_VERBS:
            continue
        rng = phrase_after(toks, i, end)
        if rng is None or rng[0] != i + 1 or rng[1] >= end or toks[rng[1]].text != "," \
                or not any(t.is_cap for t in toks[rng[0]:rng[1]]) or _subject_before(toks, i):
            continue
        if any(t.text in {";", ":", "“", "”", '"'} or CUE_LEMMA.get(t.lower) for t in toks[rng[1]:end]):
            continue
        return (comma, toks[i], (toks[rng[0]].start, toks[rng[1] - 1].end))
    return None


def _clause_after(toks: list[Token], i: int, comma: int, rng: tuple[int, int], doc: Any) -> bool:
    """Whether the words after the cue at ``i`` (``rng``, read as an inverted speaker) open the
    reported clause instead: the words before ``comma`` are the cue's subject, not reported
    content ('The spokesman, Omar Haddad, said the ceasefire held'; 'Lea Brandt, a spokeswoman
    for the navy, said the convoy turned back')."""
    if _subject_before(toks, i):
        return True
    return doc is not None and _parse_says_clause(doc, toks, i, comma, rng)


def _subject_before(toks: list[Token], i: int) -> bool:
    """From words alone: the speaker phrase before the cue starts the sentence, or follows a
    role it names ('The navy's spokeswoman, <Name>, said'), so nothing before it is content."""
    rng = phrase_before(toks, i)
    if rng is None:
        return False
    a = rng[0]
    if a == 0:
        return True
    role = toks[:a - 1]
    return toks[a - 1].text == "," and 0 < len(role) <= MAX_ROLE_WORDS \
        and role[-1].lower in ROLE_WORDS | TITLE_WORDS \
        and not any(t.lower in AUXILIARIES or t.lower in SUBJECT_STOPS or t.text in BOUNDARY
                    or CUE_LEMMA.get(t.lower) for t in role)


def _parse_says_clause(doc: Any, toks: list[Token], i: int, comma: int, rng: tuple[int, int]) -> bool:
    """From the parse: the phrase after the cue heads the subject of a verb the cue governs
    ('said the ceasefire held': 'ceasefire' is the subject of 'held', a complement of 'said'),
    or the words before the comma hold no verb, so they report nothing."""
    verb = token_at(doc, toks[i].start, toks[i].end)
    phrase = doc.char_span(toks[rng[0]].start, toks[rng[1] - 1].end, alignment_mode="expand")
    before = doc.char_span(toks[0].start, toks[comma].start, alignment_mode="expand")
    if verb is None or phrase is None or before is None or not len(phrase):
        return False
    head = phrase.root
    if head.dep_ in SUBJECT_DEPS and head.head is not verb and verb in head.head.ancestors:
        return True
    return len(before) > 0 and not any(t.pos_ in {"VERB", "AUX"} for t in before)

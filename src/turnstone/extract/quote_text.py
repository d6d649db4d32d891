"""Text scanning for the quotes stage: paragraphs, words, sentence ends and quotation marks.

Pure string work with offsets into the article text, so it runs the same with the blank
fallback pipeline and with the trained model, and costs microseconds per paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
# A straight mark after any space (the no-break space of pasted web text too) or one of these
# characters opens a quote; elsewhere it closes one.
OPEN_CONTEXT = "([{—–-/:"  # 'Clinton:"We learned ...'

WORD = re.compile(r"(?:[A-Z]\.){2,}|(?:Gov|Govs|Sen|Sens|Rep|Reps|Gen|Dr|Mr|Mrs|Ms|Lt|Col|Sgt|Capt|Adm|Prof|Rev"
                  r"|Maj|Cmdr|Gov|St|Jr|Sr|Pres|Amb|[A-Z])\.(?=\s+[A-Z])|[RDI]-[A-Z][A-Za-z]{1,4}\.?|\w+(?:[’'.\-]\w+)*(?:[’']s?)?|[^\w\s]")
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "st", "jr", "sr", "lt", "col", "sgt", "capt",
    "no", "inc", "co", "corp", "vs", "adm", "prof", "rev", "maj", "cmdr", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "sens", "reps", "govs", "u.s", "u.k", "u.n",
    "d.c", "a.m", "p.m", "e.g", "i.e", "etc", "ltd", "pres",
}


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Marked:
    """A stretch between quotation marks; start/end exclude the marks."""

    start: int
    end: int
    open_at: int  # index of the opening mark
    close_at: int  # index of the closing mark, or ``end`` when the paragraph ends first
    paragraph: int
    closed: bool = True


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line; news paragraphs are lines after cleaning."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos = end + 1
    return spans


def tokens(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]


def _opens(text: str, i: int, para_start: int) -> bool:
    before = text[i - 1]
    return i == para_start or before.isspace() or before in OPEN_CONTEXT + OPENERS + "'‘"


# Newspaper archives (the NYT's among them) write a quotation mark as two single ones: ''Yes,'' he
# said; the Penn Treebank opens with ``. Three marks are a single quote closing or opening with it.
_QUOTE_MARKS = re.compile("'{2,3}|``|[" + re.escape(OPENERS + CLOSERS + STRAIGHT) + "]")
PAIR = "''"


def _closes_after_word(text: str, i: int, end: int) -> bool:
    """An opening mark typed where a quote closes: after a word or its punctuation and before a
    space ('called them “rapists“ while ...'); an opening mark follows a space or bracket."""
    before = text[i - 1]
    return (before.isalnum() or before in ",.?!") and (i + 1 >= end or text[i + 1] == " ")


def _closer_opens(text: str, i: int, para_start: int, end: int) -> bool:
    """A closing curly mark typed as an opener: after a space and before a word ('”Fear. I am
    truly afraid ...'; a closing one follows a word), or opening a paragraph ('” … they are'),
    unless a lower-case word follows ('” he said', the end of the last paragraph's quote)."""
    if text[i] not in CLOSERS or i + 1 >= end:
        return False
    if i == para_start:
        rest = text[i + 1:end].lstrip()
        return bool(rest) and not rest[0].islower()
    return text[i - 1].isspace() and not text[i + 1].isspace()


def _pair_opens(text: str, i: int, size: int, para_start: int, end: int) -> bool:
    """An opening '' stands at the paragraph start or after a space or bracket, before a word."""
    after = i + size
    return (i == para_start or text[i - 1].isspace() or text[i - 1] in OPEN_CONTEXT + OPENERS + STRAIGHT) \
        and after < end and not text[after].isspace()


def _pair_closes(text: str, i: int, para_start: int) -> bool:
    """A closing '' follows a word or punctuation, never a space, unless the space follows a
    nested quote's own closing mark ('the term 'Manhattan poor,' '' she said')."""
    return i > para_start and (not text[i - 1].isspace() or text[i - 2:i] == "' ")


def find_marked(text: str, para: tuple[int, int], index: int) -> list[Marked]:
    """Top-level double-quoted stretches of one paragraph; nested quotes stay inside.

    A quote still open at the paragraph's end ends there (``closed=False``): news paragraphs
    continue a long quote by opening the next paragraph with a new mark and no closing one.
    A two-character mark ('') sits in text[open_at:start] and text[end:close_at + 1].
    """
    start, end = para
    found: list[Marked] = []
    open_at = -1
    opener = ""
    depth = 0
    nested_straight = False  # a straight quote open inside a curly one
    for mark in _QUOTE_MARKS.finditer(text, start, end):  # no other character changes the state
        i = mark.start()
        ch = text[i]
        if ch in "'`":  # a two-mark quote: '' or `` opens, '' closes; other marks leave it alone
            size = len(mark.group())
            if open_at < 0 and (ch == "`" or _pair_opens(text, i, size, start, end)):
                open_at, opener, depth = i, PAIR, 1
            elif opener == PAIR and open_at >= 0 and ch == "'" and _pair_closes(text, i, start):
                close = i + size - 2  # of three marks the first closes a nested single quote
                found.append(Marked(open_at + 2, close, open_at, close + 1, index))
                open_at = -1
            continue
        if open_at < 0:
            if ch in OPENERS or (ch == STRAIGHT and _opens(text, i, start)) or _closer_opens(text, i, start, end):
                open_at, opener, depth, nested_straight = i, ch, 1, False
        elif opener == PAIR:
            continue  # double marks inside a '' quote are not the newspaper's own
        elif opener == STRAIGHT:
            if ch in OPENERS:  # "He called it “reform,” she said."
                depth += 1
            elif ch in CLOSERS and depth > 1:
                depth -= 1
            elif ch == STRAIGHT or ch in CLOSERS:  # a straight mark closed by a curly one: pasted text
                found.append(Marked(open_at + 1, i, open_at, i, index))
                open_at = -1
        else:  # a curly or guillemet quote: count nesting of the same kind
            if ch == "“" and depth == 1 and _closes_after_word(text, i, end):
                found.append(Marked(open_at + 1, i, open_at, i, index))  # '…not,“ he said': a typo
                open_at = -1
            elif ch in OPENERS:
                depth += 1
            elif ch in CLOSERS:
                depth -= 1
                if depth == 0:
                    found.append(Marked(open_at + 1, i, open_at, i, index))
                    open_at = -1
            elif ch == STRAIGHT and depth == 1:  # “He called it "reform," she said.”
                if _opens(text, i, start):
                    nested_straight = True
                elif nested_straight:
                    nested_straight = False
                else:  # “ … " typed by mistake, or pasted text mixing the two
                    found.append(Marked(open_at + 1, i, open_at, i, index))
                    open_at = -1
    if open_at >= 0 and end - open_at > 2:
        width = 2 if opener == PAIR else 1
        found.append(Marked(open_at + width, end, open_at, end, index, closed=False))
    return [m for m in found if m.end - m.start >= 1 and text[m.start:m.end].strip()]


_SENTENCE_PUNCT = re.compile(r"[.!?]")


def is_sentence_end(text: str, i: int, limit: int) -> int:
    """If a sentence ends with the punctuation at ``i``, the index just after it (and any closing
    marks), else -1."""
    ch = text[i]
    if ch not in ".!?":
        return -1
    j = i + 1
    while j < limit and text[j] in CLOSERS + STRAIGHT + "’')]":
        j += 1
    if j >= limit:
        return limit
    if not text[j].isspace():
        return -1
    k = j
    while k < limit and text[k].isspace():
        k += 1
    if k >= limit:
        return j
    nxt = text[k]
    if not (nxt.isupper() or nxt.isdigit() or nxt in OPENERS + STRAIGHT + "‘'([`"):
        return -1
    if ch == ".":
        m = re.search(r"([\w.]+)$", text[max(0, i - 12):i])
        word = m.group(1).lower() if m else ""
        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(\w\.)+\w", word):
            return -1
    return j


def sentences(text: str, para: tuple[int, int], marked: list[Marked]) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph; text inside quotation marks never ends a sentence unless
    the quote closes right after its final punctuation."""
    start, end = para
    inside = [(m.open_at, m.close_at, m.end) for m in marked]
    spans = []
    s = start
    q = 0
    for punct in _SENTENCE_PUNCT.finditer(text, start, end):  # only . ! ? can end one
        i = punct.start()
        while q < len(inside) and inside[q][1] < i:
            q += 1
        if q < len(inside) and inside[q][0] <= i < inside[q][1]:
            # Only the punctuation right before the closing mark may end the sentence.
            close, content_end = inside[q][1], inside[q][2]
            if i != content_end - 1 or close >= end:
                continue
        j = is_sentence_end(text, i, end)
        if j > 0:
            spans.append((s, j))
            s = j
            while s < end and text[s].isspace():
                s += 1
    if s < end:
        spans.append((s, end))
    return spans

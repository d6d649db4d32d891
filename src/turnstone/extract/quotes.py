"""Quotes: who said what, as direct quotes, partial quotes and reported speech.

Finding is separate from writing (``find_quotes`` → ``extract_quotes``):

1. quotation marks are paired per paragraph (``quote_text``); a quote left open at a
   paragraph's end ends there and the next paragraph may continue it;
2. each quote gets a *frame* — its cue verb and speaker phrase — from the words around it
   (``quote_frames``), refined by the dependency parse when the trained model is loaded
   (``quote_parse``); a quote with no frame continues the previous speaker when it follows
   that speaker's quote in the same or the next paragraph;
3. the speaker phrase is resolved to an entity of the entities stage (``quote_speakers``);
4. reported speech without quotation marks is found by ``quote_reported``.

Headline-like lines (short, mostly capitalised) never hold quotes. A quoted stretch inside a
sentence is a partial quote only when a speech cue or a named subject attributes it: a title
("One Hundred Years of Solitude"), a one-word scare quote or a nickname with no one saying it
is not a quote. Besides the SPEC fields each quote may carry ``speaker_mention`` (the span
of the speaker phrase the cue names, e.g. "he" or "the secretary"), which the evaluation uses.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from ..model import Article, Quote, Span
from ..pipeline import stage
from .quote_cues import PRONOUNS
from .quote_frames import Frame, according_to, colon_frame, frame_after, frame_before, subject_at_start
from .quote_parse import refine_speaker
from .quote_reported import find_reported
from .quote_speakers import Resolved, SpeakerResolver
from .quote_text import Marked, Token, find_marked, paragraphs, sentences, tokens

LOGGER = logging.getLogger(__name__)

__all__ = ["extract_quotes", "find_quotes", "quote_covering"]

# Small words a Title Case headline leaves lower-case.
_MINOR = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "as",
          "is", "vs", "from", "about", "over", "after", "into"}
HEADLINE_MAX_WORDS = 25
HEADLINE_CAPS_SHARE = 0.75
# A partial quote with no speech verb is attributed to the named subject acting on it. On the
# first 300 PolNeAR train articles this raised span recall from 0.89 to 0.92 and left speaker
# F1 level (0.826 -> 0.828): the subject is right about half the time.
NO_CUE_SUBJECT = True
DASH_SOURCE = re.compile(r"[-—–]\s*((?:[A-Z][\w.’'\-]*\s?){1,5})(?=[,.]|\s*$)")  # share of content words capitalised; body sentences stay far below


@dataclass
class _Found:
    mark: Marked
    kind: str
    frame: Frame | None
    speaker: Resolved | None = None
    inherited: bool = False
    context: tuple[int, int] | None = None  # the subject of the sentence before the quote


def is_headline(line: str) -> bool:
    """A title or promo line: short, and (nearly) every content word capitalised."""
    words = re.findall(r"[A-Za-z][\w’'\-]*", line)
    if not words or len(line.split()) > HEADLINE_MAX_WORDS:
        return False
    content = [w for w in words if w.lower() not in _MINOR]
    if len(content) < 3:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    return caps / len(content) >= HEADLINE_CAPS_SHARE


def _title_like(quoted: str) -> bool:
    """A quoted name or title ("One Hundred Years of Solitude"), not speech."""
    s = quoted.strip()
    if not s or s[-1] in "!?;:…—-":
        return False
    if s[-1] in ".,":
        # A show or book named before a comma ('told ABC's "This Week,"'), not a one-word reply.
        s = s[:-1]
        if len(s.split()) < 2:
            return False
    words = re.findall(r"[A-Za-z][\w’'\-]*", s)
    content = [w for w in words if w.lower() not in _MINOR]
    return bool(content) and len(words) <= 8 and all(w[0].isupper() for w in content)


def _kind(text: str, before: str, after: str, quoted: str) -> str:
    lead = before.rstrip()
    if not lead or lead.endswith(":"):
        # A sentence that opens with a quoted phrase and goes on ('"Crooked Hillary" is …')
        # quotes a phrase, not a statement.
        tail = after.strip()
        if tail and quoted.strip()[-1:] not in ",.!?…—-–" and tail[:1].islower() and not lead:
            return "partial"
        return "direct"
    if lead.endswith(",") and re.search(r"[a-z]", lead) and quoted.strip()[:1].isupper():
        return "direct"
    return "partial"


def _frame_for(text: str, kind: str, before: tuple[int, int], after: tuple[int, int],
               sent: tuple[int, int], previous: Frame | None) -> Frame | None:
    """The frame of one quote; ``previous`` is the frame of an earlier quote in the sentence."""
    toks_before = tokens(text, *before)
    toks_after = tokens(text, *after)
    whole = tokens(text, sent[0], before[1])
    if kind == "direct":
        frame = frame_after(toks_after, direct=True)
        if frame is None and text[before[0]:before[1]].rstrip().endswith((",", ":")):
            frame = frame_before(toks_before, direct=True, sentence=whole) or colon_frame(toks_before)
        return frame or according_to(tokens(text, *sent))
    # A partial quote belongs to the reporting clause around it: its cue is usually before it
    # ('Hegseth told … was an "unrealistic goal"'), shared with an earlier quote of the same
    # sentence ('a "loser," a "liar" and a "whiner"'), or after it ('…, Trump said').
    frame = frame_before(toks_before, direct=False, sentence=whole)
    if frame is None and previous is not None:
        return previous
    if frame is None:
        frame = frame_before(whole, direct=False, sentence=whole)
    if frame is None:
        frame = frame_after(toks_after, direct=False)
    if frame is None:
        frame = frame_before(tokens(text, after[0], sent[1]), direct=False)
    frame = frame or according_to(tokens(text, *sent))
    if frame is None and NO_CUE_SUBJECT and len(text[before[1]:after[0]].split()) >= 2:
        # No speech verb, but a named subject acts on the quoted words ('Gibbs derided "the
        # professional left"'): the subject is who is quoted.
        rng = subject_at_start(whole, len(whole))
        if rng is not None and rng[0] <= 2 and (whole[rng[0]].lower in PRONOUNS
                                                or any(t.is_cap for t in whole[rng[0]:rng[1]])):
            verb = whole[rng[1]] if rng[1] < len(whole) else whole[rng[1] - 1]
            frame = Frame(verb, (whole[rng[0]].start, whole[rng[1] - 1].end), "subject")
    return frame


def _next_sentence_frame(text: str, sents: list[tuple[int, int]], sent: tuple[int, int], limit: int) -> Frame | None:
    """'"… to find the emails." Trump said.' — the frame is a short sentence of its own."""
    following = [s for s in sents if s[0] >= sent[1]]
    if not following or following[0][0] >= limit:
        return None
    toks = tokens(text, following[0][0], min(following[0][1], limit))
    # After "?" or "!" the sentence splitter cuts before '… Cruz replied.'; after "." only a
    # short sentence is a frame of its own ('Trump said.').
    if len(toks) > 15 and text[sent[1] - 2:sent[1]].strip("”\"’'")[-1:] not in {"?", "!"}:
        return None
    return frame_after(toks, direct=True)


def _context_subject(text: str, sents: list[tuple[int, int]], sent: tuple[int, int],
                     paras: list[tuple[int, int]], index: int) -> tuple[int, int] | None:
    """The subject of the sentence before ``sent`` (in this paragraph or the previous one)."""
    earlier = [s for s in sents if s[1] <= sent[0]]
    if earlier:
        prev = earlier[-1]
    elif index > 0:
        para = paras[index - 1]
        if find_marked(text, para, index - 1):
            return None  # the paragraph before holds quotes: inheritance decides
        prev_sents = sentences(text, para, [])
        prev = prev_sents[-1] if prev_sents else para
    else:
        return None
    toks = tokens(text, *prev)
    # 'Trump isn't a conservative, he said. "He's a liberal!"': the speaker of the sentence before.
    framed = frame_before(toks, direct=True, sentence=toks)
    if framed is not None and framed.speaker is not None:
        return framed.speaker
    rng = subject_at_start(toks, len(toks))
    if rng is None:
        return None
    return (toks[rng[0]].start, toks[rng[1] - 1].end)


def _colon_frame(text: str, para: tuple[int, int]) -> Frame | None:
    """'Caddell continued:' closing the previous paragraph frames the quote that follows."""
    line = text[para[0]:para[1]].rstrip()
    if not line.endswith(":"):
        return None
    sents = sentences(text, para, find_marked(text, para, -1))
    last = sents[-1] if sents else para
    return frame_before(tokens(text, last[0], last[1] - 1), direct=True) or colon_frame(tokens(text, *last))


def find_quotes(article: Article) -> list[Quote]:
    """Direct, partial and reported quotes of an article, in text order, with speakers."""
    text = article.text
    resolver = SpeakerResolver(article)
    found: list[_Found] = []
    paras = paragraphs(text)
    for index, para in enumerate(paras):
        if is_headline(text[para[0]:para[1]]):
            continue
        marks = find_marked(text, para, index)
        if not marks:
            continue
        sents = sentences(text, para, marks)
        for n, mark in enumerate(marks):
            sent = next((s for s in sents if s[0] <= mark.open_at < s[1]), para)
            prev_close = marks[n - 1].close_at + 1 if n and marks[n - 1].close_at >= sent[0] else sent[0]
            next_open = marks[n + 1].open_at if n + 1 < len(marks) and marks[n + 1].open_at < sent[1] else sent[1]
            before = (max(sent[0], prev_close), mark.open_at)
            after = (min(mark.close_at + 1, para[1]), max(min(sent[1], next_open), mark.close_at + 1))
            quoted = text[mark.start:mark.end]
            kind = _kind(text, text[before[0]:before[1]], text[after[0]:after[1]], quoted)
            if kind == "partial" and _title_like(quoted):
                continue
            previous = found[-1].frame if found and found[-1].mark.close_at >= sent[0] \
                and found[-1].mark.paragraph == index else None
            frame = _frame_for(text, kind, before, after, sent, previous)
            if frame is None and kind == "direct" and n == 0 and index > 0 and before[0] == para[0]:
                frame = _colon_frame(text, paras[index - 1])
            if frame is None and kind == "direct" and mark.closed and not text[after[0]:after[1]].strip():
                frame = _next_sentence_frame(text, sents, sent, marks[n + 1].open_at if n + 1 < len(marks) else para[1])
            if frame is None and kind == "partial":
                continue  # a scare quote or a title: no one is quoted
            item = _Found(mark, kind, frame, context=_context_subject(text, sents, sent, paras, index))
            if frame is not None and frame.speaker is not None:
                span = refine_speaker(article, frame, [(m.start, m.end) for m in marks])
                # The mention shown is the span resolved, so the speaker id and the speaker
                # mention always name the same one.
                item.frame = Frame(frame.cue, span, frame.lemma)
                item.speaker = resolver.resolve(*span)
            found.append(item)
    for item in found:
        if item.speaker is None and item.kind == "direct" and item.mark.paragraph + 1 < len(paras):
            nxt = paras[item.mark.paragraph + 1]
            m = DASH_SOURCE.match(text, nxt[0], nxt[1])
            if m and not find_marked(text, nxt, -1):  # '- Clinton.' under a quote
                span = (m.start(1), m.end(1))
                item.frame = Frame(Token(m.start(), m.start() + 1, text[m.start()]), span, "dash")
                item.speaker = resolver.resolve(*span)
    _inherit_speakers(found)
    for item in found:
        # Last resort: a quote right after a sentence about someone is theirs
        # ('He sees Cruz as a uniter. "Not only can Cruz win …"').
        if item.speaker is None and item.kind == "direct" and item.context is not None:
            got = resolver.resolve(*item.context)
            if got.name:
                item.speaker = got
                item.frame = None
    found = _join_paragraphs(text, found)
    quotes = [_to_quote(text, i, f) for i, f in enumerate(found)]
    quotes.extend(find_reported(article, quotes, resolver))
    quotes.sort(key=lambda q: (q.start, q.end))
    for i, q in enumerate(quotes, start=1):
        q.id = f"q{i}"
    return quotes


def _join_paragraphs(text: str, found: list[_Found]) -> list[_Found]:
    """One quote for a quote that runs over paragraphs: a paragraph left inside the quotation
    marks, continued by the next paragraph opening with a mark ('“… \n“… ,” she said.')."""
    out: list[_Found] = []
    for item in found:
        prev = out[-1] if out else None
        if prev is not None and not prev.mark.closed and prev.kind == "direct" and item.kind == "direct" \
                and item.mark.paragraph == prev.mark.paragraph + 1 \
                and not text[prev.mark.end:item.mark.open_at].strip():
            speaker = prev.speaker if prev.speaker is not None and not prev.inherited else item.speaker
            frame = prev.frame if speaker is prev.speaker else item.frame
            mark = Marked(prev.mark.start, item.mark.end, prev.mark.open_at, item.mark.close_at,
                          item.mark.paragraph, item.mark.closed)
            out[-1] = _Found(mark, "direct", frame, speaker or prev.speaker, prev.inherited and item.inherited)
            continue
        out.append(item)
    return out


def _inherit_speakers(found: list[_Found]) -> None:
    """A quote with no cue of its own continues the speaker a reader would carry over."""
    for i, item in enumerate(found):
        if item.frame is not None or item.kind != "direct":
            continue
        prev = found[i - 1] if i else None
        if prev is not None and prev.speaker is not None \
                and item.mark.paragraph - prev.mark.paragraph <= 1:
            item.frame, item.speaker, item.inherited = prev.frame, prev.speaker, True
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if not item.mark.closed and nxt is not None and nxt.frame is not None \
                and nxt.mark.paragraph - item.mark.paragraph == 1:
            item.frame, item.speaker, item.inherited = nxt.frame, nxt.speaker, True
    # A multi-paragraph quote is attributed once, often at its end: carry it back.
    for i in range(len(found) - 2, -1, -1):
        item, nxt = found[i], found[i + 1]
        if item.speaker is None and item.kind == "direct" and not item.mark.closed \
                and nxt.speaker is not None and nxt.mark.paragraph - item.mark.paragraph == 1:
            item.frame, item.speaker, item.inherited = nxt.frame, nxt.speaker, True


def _to_quote(text: str, i: int, f: _Found) -> Quote:
    start, end = f.mark.start, f.mark.end
    while end > start and text[end - 1].isspace():
        end -= 1
    q = Quote(id=f"q{i + 1}", text=text[start:end], start=start, end=end, kind=f.kind)  # type: ignore[arg-type]
    if f.frame is not None:
        q.cue = Span(start=f.frame.cue.start, end=f.frame.cue.end, text=f.frame.cue.text)
        if f.frame.speaker is not None:
            s, e = f.frame.speaker
            q.speaker_mention = Span(start=s, end=e, text=text[s:e])  # type: ignore[attr-defined]
    if f.speaker is not None:
        q.speaker, q.speaker_name = f.speaker.entity, f.speaker.name
    return q


def quote_covering(article: Article, start: int, end: int) -> Quote | None:
    """The quote that overlaps ``[start, end)`` most (a quotation-marked one before reported
    speech on ties); None when no quote touches the span. Events use it to cite a quote as the
    evidence of an event."""
    best: tuple[int, int, Quote] | None = None
    for q in article.quotes:
        ov = min(q.end, end) - max(q.start, start)
        if ov <= 0:
            continue
        key = (ov, 0 if q.kind == "indirect" else 1)
        if best is None or key > best[:2]:
            best = (key[0], key[1], q)
    return best[2] if best else None


@stage("quotes", requires=("text", "entities"), assigns=("quotes",))
def extract_quotes(article: Article) -> Article:
    article.quotes = find_quotes(article)
    return article

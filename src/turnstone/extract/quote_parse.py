"""Dependency-parse help for quotes, used when the trained model gives a parse.

The pattern frame finds a cue verb and a speaker phrase next to it; with a parse, the speaker
is the nominal subject (``nsubj``) of the cue verb, which also holds across appositives and
long subjects ("Paul Martin, a detective who …, said"). Without a parse the pattern span is
kept as it is.
"""

from __future__ import annotations

from typing import Any

from ..model import Article
from .quote_frames import Frame

SUBJECT_DEPS = {"nsubj", "nsubjpass", "nsubj:pass"}
# Parts of a subject that are not the speaker's name: clauses, appositives, punctuation.
DROP_DEPS = {"relcl", "appos", "punct", "acl", "advcl", "cc", "conj", "parataxis", "npadvmod"}
# Pattern frames that are guesses rather than a cue with its subject: the parse decides these.
WEAK_FRAMES = {"subject", "colon", "unlisted"}
# Whether the parse's subject replaces the pattern's speaker for every frame, not only weak ones.
# Measured on the first 300 PolNeAR train articles with the shipped model: direct+partial
# speaker F1 0.848 with the parse first, 0.844 with the parse for weak frames only
# (evals/quotes_polnear.py --split train --limit 300 [--weak-parse-only]).
PARSE_FIRST = True


def has_parse(doc: Any) -> bool:
    try:
        return bool(doc is not None and doc.has_annotation("DEP"))
    except (AttributeError, ValueError):
        return False


def _token_at(doc: Any, start: int, end: int) -> Any:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _named_appositive(subject: Any) -> Any:
    """The appositive that names the person behind a role ('Its spokesman, Senior Colonel Shi
    Yi, said' -> Yi; 'The spokesman, …', 'The ministry's spokeswoman, …' alike), or None: the
    subject is a common noun (a role or description, not a name or a pronoun) with an appositive
    headed by a proper noun. 'Ana Ruiz, a spokesman, said' keeps its subject, the name."""
    if subject.pos_ in {"PROPN", "PRON"}:
        return None
    return next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


def _name_part(subject: Any) -> tuple[int, int]:
    """Character span of a subject without its clauses and appositives; for a possessive role
    with a named appositive, the appositive's."""
    subject = _named_appositive(subject) or subject
    keep = {subject.i}
    stack = [subject]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in DROP_DEPS:
                continue
            keep.add(child.i)
            stack.append(child)
    doc = subject.doc
    first, last = doc[min(keep)], doc[max(keep)]
    return (first.idx, last.idx + len(last.text))


def subject_span(doc: Any, cue_start: int, cue_end: int,
                 outside: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Character span of the subject of the cue verb (or of the verb it depends on, for
    'went on to say' and '…, adding'). ``outside`` is the quote's span: no verb or subject in
    it is used, since a quote never names its own speaker (a parse that joins '"We will
    go on," the spokesman said' as conjoined verbs would give "We")."""
    verb = _token_at(doc, cue_start, cue_end)
    if verb is None:
        return None

    def inside(tok: Any) -> bool:
        return outside is not None and outside[0] <= tok.idx < outside[1]

    heads = [verb]
    if verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head is not verb and not inside(verb.head):
        heads.append(verb.head)
    for head in heads:
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS and not inside(child):
                return _name_part(child)
    return None


def refine_speaker(article: Article, frame: Frame, quote: tuple[int, int] | None = None) -> tuple[int, int]:
    """The speaker span for a frame: the parse's subject of the cue for weak pattern frames (or
    for all frames with ``PARSE_FIRST``), else the pattern's phrase. ``quote`` is the quoted
    span, where no speaker is looked for."""
    assert frame.speaker is not None
    doc = article.doc
    if not has_parse(doc) or frame.lemma in {"according", "dash"}:
        return frame.speaker
    if not PARSE_FIRST and frame.lemma not in WEAK_FRAMES:
        return frame.speaker
    got = subject_span(doc, frame.cue.start, frame.cue.end, quote)
    if got is None or abs(got[0] - frame.cue.start) > 300:
        return frame.speaker
    text = article.text
    lo, hi = min(got[0], frame.cue.start), max(got[1], frame.cue.end)
    if "\n" in text[lo:hi] or not any(c.isalpha() for c in text[got[0]:got[1]]):
        return frame.speaker  # a parse across paragraphs, or a subject that is punctuation
    return got

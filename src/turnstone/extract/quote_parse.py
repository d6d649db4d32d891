"""Dependency-parse help for quotes, used when the trained model gives a parse.

The pattern frame finds a cue verb and a speaker phrase next to it; with a parse, the speaker
is the nominal subject (``nsubj``) of the cue verb, which also holds across appositives and
long subjects ("Paul Martin, a detective who …, said"). Without a parse the pattern span is
kept as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Article
from .quote_frames import Frame
from .quote_plausible import plausible_subject

SUBJECT_DEPS = {"nsubj", "nsubjpass", "nsubj:pass"}
# Parts of a subject that are not the speaker's name: clauses, appositives, punctuation.
DROP_DEPS = {"relcl", "appos", "punct", "acl", "advcl", "cc", "conj", "parataxis", "npadvmod"}
# Pattern frames that are guesses rather than a cue with its subject: the parse decides these.
WEAK_FRAMES = {"subject", "colon", "unlisted"}
# Whether the parse's subject replaces the pattern's speaker for every frame, not only weak ones.
# Measured with the shipped model, the speaker mention being the span resolved
# (evals/quotes_polnear.py --split train [--weak-parse-only]): of 6,411 direct and partial
# quotes on the train split 5,690 get the right speaker with the parse first (5,654 before
# PLAUSIBLE_ONLY), 5,676 with the parse for weak frames only; on dev both give F1 0.854.
PARSE_FIRST = True
# Whether a parse subject no one could be ('Tuesday', 'These', a clause) leaves the pattern's
# phrase (see quote_plausible).
PLAUSIBLE_ONLY = True


def has_parse(doc: Any) -> bool:
    try:
        return bool(doc is not None and doc.has_annotation("DEP"))
    except (AttributeError, ValueError):
        return False


def token_at(doc: Any, start: int, end: int) -> Any:
    """The first token of the characters [start, end), or None where no token lies."""
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
    """Character span of a subject without its clauses and appositives; for a role with a named
    appositive, the appositive's."""
    kept = _name_tokens(subject)
    first, last = kept[0], kept[-1]
    return (first.idx, last.idx + len(last.text))


def _name_tokens(subject: Any) -> list[Any]:
    """The words of a subject without its clauses and appositives, in text order."""
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
    return [doc[i] for i in sorted(keep)]


def _subject_token(doc: Any, cue_start: int, cue_end: int,
                   quoted: Sequence[tuple[int, int]] = ()) -> Any:
    """The token heading the subject of the cue verb (or of the verb it depends on, for 'went
    on to say' and '…, adding'), or None. No verb or subject inside ``quoted`` (the quotation
    spans around) is used: a quote never names its own speaker, and a parse that joins '"We
    will go on," the spokesman said' as conjoined verbs would give "We"."""
    verb = token_at(doc, cue_start, cue_end)
    if verb is None:
        return None

    def inside(tok: Any) -> bool:
        return any(a <= tok.idx < b for a, b in quoted)

    heads = [verb]
    if verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head is not verb and not inside(verb.head):
        heads.append(verb.head)
    for head in heads:
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS and not inside(child):
                return child
    return None


def subject_span(doc: Any, cue_start: int, cue_end: int,
                 quoted: Sequence[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """Character span of the subject of the cue verb, without its clauses and appositives
    (see ``_subject_token``)."""
    tok = _subject_token(doc, cue_start, cue_end, quoted)
    return None if tok is None else _name_part(tok)


def refine_speaker(article: Article, frame: Frame, quoted: Sequence[tuple[int, int]] = ()) -> tuple[int, int]:
    """The speaker span for a frame: the parse's subject of the cue for weak pattern frames (or
    for all frames with ``PARSE_FIRST``), else the pattern's phrase. ``quoted`` are the
    quotation spans around, where no speaker is looked for. A subject no one could be (see
    ``quote_plausible``) leaves the pattern's phrase."""
    assert frame.speaker is not None
    doc = article.doc
    if not has_parse(doc) or frame.lemma in {"according", "dash"}:
        return frame.speaker
    if not PARSE_FIRST and frame.lemma not in WEAK_FRAMES:
        return frame.speaker
    tok = _subject_token(doc, frame.cue.start, frame.cue.end, quoted)
    if tok is None:
        return frame.speaker
    got = _name_part(tok)
    if abs(got[0] - frame.cue.start) > 300:
        return frame.speaker
    text = article.text
    lo, hi = min(got[0], frame.cue.start), max(got[1], frame.cue.end)
    if "\n" in text[lo:hi] or not any(c.isalpha() for c in text[got[0]:got[1]]):
        return frame.speaker  # a parse across paragraphs, or a subject that is punctuation
    if frame.speaker[0] <= got[0] and got[1] <= frame.speaker[1] and tok.pos_ != "PRON":
        # The pattern's phrase holds the parse's and more of the name ('Hillary' of 'Hillary
        # Clinton', 'Democratic pollster' of 'Democratic pollster Chris Anderson'); the resolver
        # finds the name in it.
        return frame.speaker
    if PLAUSIBLE_ONLY and not plausible_subject(article, tok, _name_tokens(tok), frame.speaker, frame.cue.start):
        return frame.speaker
    return got

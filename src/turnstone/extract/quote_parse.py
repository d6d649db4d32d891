"""Dependency-parse help for quotes, used when the trained model gives a parse.

The pattern frame finds a cue verb and a speaker phrase next to it; with a parse, the speaker
is the nominal subject (``nsubj``, or ``nsubjpass`` of "was quoted") of the cue verb, which
also holds across appositives and long subjects ("Paul Martin, a detective who …, said").
Without a parse the pattern span is kept as it is.
"""

from __future__ import annotations

from typing import Any

from ..model import Article
from .quote_frames import Frame

SUBJECT_DEPS = {"nsubj", "nsubjpass", "nsubj:pass"}
# Parts of a subject that are not the speaker's name: relative clauses, appositives, punctuation.
DROP_DEPS = {"relcl", "appos", "punct", "acl", "advcl", "cc", "conj", "prep"}


def has_parse(doc: Any) -> bool:
    try:
        return bool(doc is not None and doc.has_annotation("DEP"))
    except (AttributeError, ValueError):
        return False


def _token_at(doc: Any, start: int, end: int) -> Any:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def subject_span(doc: Any, cue_start: int, cue_end: int) -> tuple[int, int] | None:
    """Character span of the subject of the cue verb, trimmed to its name part."""
    verb = _token_at(doc, cue_start, cue_end)
    if verb is None:
        return None
    for head in (verb, verb.head if verb.dep_ in {"xcomp", "conj"} else None):
        if head is None:
            continue
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS:
                left = child
                keep = [t for t in child.subtree
                        if not any(a.dep_ in DROP_DEPS and a.i != child.i and a in child.subtree
                                   and (t == a or t.is_ancestor(a) is False and a.is_ancestor(t))
                                   for a in [t])]
                toks = [t for t in keep if t.i <= child.i or t.dep_ in {"compound", "flat", "flat:name"}]
                if not toks:
                    toks = [left]
                first = min(toks, key=lambda t: t.i)
                last = max(toks, key=lambda t: t.i)
                return (first.idx, last.idx + len(last.text))
    return None


def refine_speaker(article: Article, frame: Frame) -> tuple[int, int]:
    """The speaker span for a frame: the parse's subject of the cue when it overlaps or is
    adjacent to the pattern's phrase, else the pattern's phrase."""
    assert frame.speaker is not None
    doc = article.doc
    if not has_parse(doc) or frame.lemma == "according":
        return frame.speaker
    got = subject_span(doc, frame.cue.start, frame.cue.end)
    if got is None:
        return frame.speaker
    # Trust the parse only within the sentence around the cue.
    if abs(got[0] - frame.cue.start) > 300:
        return frame.speaker
    return got

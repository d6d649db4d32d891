"""Institutions named by a common noun: "the Sudanese army", "China's foreign ministry", "the army".

A country word (a demonym, or a country name with "'s") right before a body noun of the
knowledge base (``bodies`` in ``agents.yaml``) makes an ORG mention, with a leading "the" when
there is one. A later definite "the army" / "The interior ministry" refers back to the latest
such body with the same noun, or, when there is none, names that body of the story's country.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

from ..kb.resolve import scan
from ..kb.store import KnowledgeBase, norm


def body_spans(text: str, kb: KnowledgeBase, when: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, "ORG") for every "<country word> <body noun>" phrase."""
    out = []
    hits = scan(kb, text, when)
    for hit in hits:  # a known body's name with a possessive inside: "Russia's defence ministry"
        if hit.kind == "org" and _INNER_POSSESSIVE.search(hit.text) and hit.text[:1].isupper():
            out.append((hit.start, hit.end, "ORG"))
    for prev, hit in pairwise(hits):
        if hit.kind not in ("agent", "title") or norm(hit.text) not in kb.bodies or prev.kind != "country":
            continue
        if text[prev.end:hit.start].strip(" '’s") or prev.detail == "capital":
            continue
        start = prev.start
        m = re.search(r"\b[Tt]he\s+$", text[max(0, start - 4):start])
        if m and not prev.possessive:
            start -= len(m.group())
        out.append((start, hit.end, "ORG"))
    return out


_INNER_POSSESSIVE = re.compile(r"\w['’]s\s")


def definite_bodies(text: str, kb: KnowledgeBase) -> list[tuple[int, int, str]]:
    """(start, end, body noun) for "the army", "The interior ministry" with no country before the noun."""
    out = []
    for m in re.finditer(r"\b[Tt]he\s+([a-z]+(?:\s+[a-z]+){0,3})", text):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            noun = " ".join(words[:n])
            if noun in kb.bodies:
                out.append((m.start(), m.start(1) + len(noun), noun))
                break
    return out


def owner_prefix(text: str, start: int, kb: KnowledgeBase, when: dt.date) -> tuple[int, str | None]:
    """ "Venezuela's" before an organisation's name: the new start and the country."""
    m = re.search(r"([A-Z][\w.\- ]{1,40}?)['’]s\s+$", text[max(0, start - 45):start])
    if not m:
        return start, None
    hits = scan(kb, m.group(1), when)
    if len(hits) == 1 and hits[0].kind == "country" and hits[0].start == 0 and hits[0].end == len(m.group(1)):
        return start - len(text[max(0, start - 45):start]) + m.start(1), hits[0].code
    return start, None

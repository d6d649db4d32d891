"""Cut an article's text into segments marked with the results that cover them, for the article view.

Spans overlap (an entity inside a quote inside an event's evidence), so the text is cut at every
span boundary and each piece lists every span covering it. The template escapes each piece.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ..model import Article


@dataclass
class Mark:
    kind: str  # entity | quote | time | place | evidence
    ref: str  # the id the side panel uses: e1, q1, t0, p0, v1
    label: str
    start: int
    end: int


@dataclass
class Segment:
    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return sorted({m.kind for m in self.marks})

    @property
    def refs(self) -> str:
        return " ".join(m.ref for m in self.marks)

    @property
    def title(self) -> str:
        return "\n".join(m.label for m in self.marks)


def marks_of(article: Article) -> list[Mark]:
    """Every highlighted span; spans whose offsets do not fit the text are left out."""
    marks: list[Mark] = []
    for ent in article.entities:
        label = f"{ent.type}: {ent.name}" + "".join(f" · {x}" for x in (ent.country, ent.sector, ent.title) if x)
        marks += [Mark("entity", ent.id, label, m.start, m.end) for m in ent.mentions]
    for q in article.quotes:
        marks.append(Mark("quote", q.id, f"{q.kind} quote" + (f" by {q.speaker_name}" if q.speaker_name else ""),
                          q.start, q.end))
    for i, t in enumerate(article.times):
        marks.append(Mark("time", f"t{i}", f"{t.type}: {t.value or '?'}", t.start, t.end))
    for i, p in enumerate(article.places):
        marks.append(Mark("place", f"p{i}", f"place: {p.name}" + (f" ({p.country})" if p.country else ""),
                          p.start, p.end))
    for ev in article.events:
        who = ", ".join(a.name for a in ev.actors) or "?"
        whom = ", ".join(r.name for r in ev.recipients)
        marks.append(Mark("evidence", ev.id, f"{ev.event} {who}" + (f" → {whom}" if whom else ""),
                          ev.evidence.start, ev.evidence.end))
    size = len(article.text)
    return [m for m in marks if 0 <= m.start < m.end <= size]


def segments(article: Article) -> list[Segment]:
    """The text as consecutive segments; concatenated, their texts give back ``article.text``."""
    marks = marks_of(article)
    cuts = sorted({0, len(article.text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        covering = [m for m in marks if m.start <= a and m.end >= b]
        out.append(Segment(article.text[a:b], covering))
    return out

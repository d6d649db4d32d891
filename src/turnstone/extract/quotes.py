"""Quotes: text between quotation marks, with the speaker named by a nearby speech verb."""

from __future__ import annotations

import re

from ..model import Article, Quote, Span
from ..pipeline import stage

QUOTED = re.compile(r"[\"“]([^\"“”]{2,}?)[\"”]")
CUE = re.compile(r"\b(said|says|added|told|stated|wrote|asked)\b")


def find_quotes(article: Article) -> list[Quote]:
    quotes: list[Quote] = []
    text = article.text
    for match in QUOTED.finditer(text):
        start, end = match.span(1)
        line_end = text.find("\n", end)
        after = text[end: line_end if line_end >= 0 else len(text)]
        cue = CUE.search(after)
        kind = "direct" if start <= 1 or text[start - 2] in "\n" else "partial"
        quote = Quote(id=f"q{len(quotes) + 1}", text=text[start:end], start=start, end=end, kind=kind)
        if cue:
            quote.cue = Span(start=end + cue.start(), end=end + cue.end(), text=cue.group())
        quotes.append(quote)
    return quotes


@stage("quotes", requires=("text", "entities"), assigns=("quotes",))
def extract_quotes(article: Article) -> Article:
    article.quotes = find_quotes(article)
    return article

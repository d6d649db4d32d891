"""The analyze stage: run the spaCy pipeline over the cleaned text."""

from __future__ import annotations

from ..model import Article
from ..pipeline import stage
from .nlp import load_nlp


def get_nlp():  # type: ignore[no-untyped-def]
    """The pipeline the analyze stage uses (the shipped model plus knowledge-base rules)."""
    return load_nlp()


@stage("analyze", requires=("text",), assigns=("doc",))
def analyze(article: Article) -> Article:
    article.doc = get_nlp()(article.text)
    return article

"""The analyze stage: run the spaCy pipeline over the cleaned text."""

from __future__ import annotations

from spacy.language import Language

from ..model import Article
from ..pipeline import stage
from .doc_cache import remember_text
from .nlp import current_profile, load_nlp


def get_nlp() -> Language:
    """The pipeline the analyze stage uses (the shipped model plus knowledge-base rules), in the
    current profile (``nlp.current_profile``)."""
    if current_profile() == "accurate":
        from .accurate import load_accurate_nlp  # imports torch only now

        return load_accurate_nlp()
    from .ruler import add_kb_ruler  # the knowledge base's names, before the statistical NER

    return add_kb_ruler(load_nlp())


def analyze_many(articles: list[Article]) -> list[Article]:
    """The analyze stage over many articles at once: ``nlp.pipe`` batches the model's work."""
    texts = [article.text for article in articles]
    for article, doc in zip(articles, get_nlp().pipe(texts, batch_size=len(texts))):
        article.doc = remember_text(doc, article.text)
    return articles


@stage("analyze", requires=("text",), assigns=("doc",), batch=analyze_many)
def analyze(article: Article) -> Article:
    article.doc = remember_text(get_nlp()(article.text), article.text)
    return article

"""The library entry points: process one text, or many inputs, through the default pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from .analyze.threads import one_blas_thread_env
from .errors import InputError, TurnstoneError
from .ingest.readers import article_from_text, read_paths
from .model import Article
from .pipeline import Pipeline

# Before anything loads numpy: one BLAS thread per process (see analyze/threads.py).
one_blas_thread_env()


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline.default()


def process(text: str, *, published: str | dt.date | None = None, title: str | None = None,
            source: str | None = None, url: str | None = None, profile: str | None = None) -> Article:
    """Clean ``text`` and run every extraction stage over it.

    Args:
        text: the article as plain text; a short first line without closing punctuation is
            taken as the headline.
        published: the publication date (YYYY-MM-DD, or a ``datetime.date``) that relative dates
            resolve against.
        title, source, url: metadata copied into the result.
        profile: "default" (the shipped CNN model) or "accurate" (transformer NER; needs
            ``pip install 'turnstone[accurate]'``); None: $TURNSTONE_PROFILE, else "default".

    Returns:
        The filled-in Article (see ``SPEC.md``).

    Raises:
        EmptyInputError: when no text is left after cleaning.
        ProfileError: for an unknown profile, or MissingExtraError when its extra is missing.
    """
    from .analyze.nlp import use_profile

    article = article_from_text(text, published=published, title=title, source=source, url=url)
    with use_profile(profile):
        return default_pipeline()(article)


def process_article(article: Article) -> Article:
    """Run the default pipeline over an already ingested Article."""
    return default_pipeline()(article)


def process_paths(paths: Iterable[str | Path], **meta: Any) -> Iterator[Article | TurnstoneError]:
    """Read each input and process its articles; failures come back as errors, in order."""
    for item in read_paths(paths, **meta):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield process_article(item)
        except TurnstoneError as err:
            yield err

"""Ordered, named stages that each take an Article and return it filled in further.

A stage declares the fields it ``requires`` and ``assigns``; the pipeline checks that every
requirement is assigned by an earlier stage (or given by ingest) when it is built. Failures on
one article go to a swappable error handler, so a batch never dies on one bad article.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .errors import StageError
from .model import Article

LOGGER = logging.getLogger(__name__)

StageFn = Callable[[Article], Article]
# Fields an article has when it comes out of ingest.
INGESTED = ("id", "text", "title", "published", "source", "url", "removed")


@dataclass(frozen=True)
class Stage:
    name: str
    fn: StageFn
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, article: Article) -> Article:
        return self.fn(article)


REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()) -> Callable[[StageFn], StageFn]:
    """Register a function as a named pipeline stage."""

    def register(fn: StageFn) -> StageFn:
        REGISTRY[name] = Stage(name, fn, tuple(requires), tuple(assigns))
        return fn

    return register


# The default order. Each name is registered by the module that implements it.
DEFAULT_STAGES = ("analyze", "entities", "times", "places", "quotes", "events")


def _load_builtin_stages() -> None:
    from .analyze import stage as _analyze  # noqa: F401
    from .extract import entities, events, places, quotes, times  # noqa: F401


def pipeline_version(names: Iterable[str] = DEFAULT_STAGES) -> str:
    """The version stored with results: the package version and the stages that made them.

    A store re-processes an article whose results carry another version.
    """
    from . import __version__

    return f"{__version__}+{'.'.join(names)}"


@dataclass
class Failure:
    article_id: str
    stage: str
    reason: str


ErrorHandler = Callable[[Article, Stage, Exception], None]


def raise_error(article: Article, stage: Stage, error: Exception) -> None:
    raise StageError(f"stage {stage.name!r} failed: {error}", source=article.id) from error


@dataclass
class Pipeline:
    stages: list[Stage]
    on_error: ErrorHandler = raise_error
    failures: list[Failure] = field(default_factory=list)

    @classmethod
    def default(cls, names: Iterable[str] = DEFAULT_STAGES) -> Pipeline:
        _load_builtin_stages()
        stages = [REGISTRY[n] for n in names]
        check_order(stages)
        return cls(stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    @property
    def version(self) -> str:
        return pipeline_version(self.names)

    def __call__(self, article: Article) -> Article:
        article.ensure_id()
        for st in self.stages:
            try:
                article = st(article)
            except Exception as error:  # a stage bug must not kill a batch
                self.on_error(article, st, error)
                return article
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self(article)


def check_order(stages: list[Stage]) -> None:
    have = set(INGESTED)
    for st in stages:
        missing = [f for f in st.requires if f not in have]
        if missing:
            raise StageError(f"stage {st.name!r} requires {missing}, which no earlier stage assigns")
        have.update(st.assigns)

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
# A stage's optional form over many articles at once (the analyze stage uses ``nlp.pipe``).
BatchFn = Callable[[list[Article]], list[Article]]
# Fields an article has when it comes out of ingest.
INGESTED = ("id", "text", "title", "published", "source", "url", "removed")


@dataclass(frozen=True)
class Stage:
    name: str
    fn: StageFn
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    batch: BatchFn | None = None

    def __call__(self, article: Article) -> Article:
        return self.fn(article)


REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (),
          batch: BatchFn | None = None) -> Callable[[StageFn], StageFn]:
    """Register a function as a named pipeline stage (``batch``: its optional many-article form)."""

    def register(fn: StageFn) -> StageFn:
        REGISTRY[name] = Stage(name, fn, tuple(requires), tuple(assigns), batch)
        return fn

    return register


# The default order. Each name is registered by the module that implements it.
DEFAULT_STAGES = ("analyze", "entities", "times", "places", "quotes", "events")


def _load_builtin_stages() -> None:
    from .analyze import stage as _analyze  # noqa: F401
    from .extract import entities, events, places, quotes, times  # noqa: F401


def pipeline_version(names: Iterable[str] = DEFAULT_STAGES) -> str:
    """The version stored with results: the package version and the stages that made them.

    A store re-processes an article whose results carry another version. A profile other than
    the default (``TURNSTONE_PROFILE=accurate``) is named too, so its results are not mixed up.
    """
    from . import __version__
    from .analyze.nlp import current_profile

    profile = current_profile()
    return f"{__version__}+{'.'.join(names)}" + ("" if profile == "default" else f"+{profile}")


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
            except Exception as error:  # noqa: BLE001 - a stage bug must not kill a batch
                self.on_error(article, st, error)
                return article
        return article

    def pipe(self, articles: Iterable[Article], batch_size: int = 1) -> Iterator[Article]:
        """Run every article through the stages, in order.

        With ``batch_size`` > 1, stages that have a batch form run over that many articles at
        once (the analyze stage then uses ``nlp.pipe``); the others still run one by one.
        """
        if batch_size <= 1:
            for article in articles:
                yield self(article)
            return
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> list[Article]:
        for article in batch:
            article.ensure_id()
        failed: set[int] = set()  # positions in batch that a stage failed on
        for st in self.stages:
            todo = [i for i in range(len(batch)) if i not in failed]
            if st.batch is not None and len(todo) > 1:
                try:
                    for i, article in zip(todo, st.batch([batch[i] for i in todo])):
                        batch[i] = article
                    continue
                except Exception:  # noqa: BLE001 - find the article that broke it: run them one by one below
                    LOGGER.debug("batch form of stage %r failed; retrying article by article", st.name)
            for i in todo:
                try:
                    batch[i] = st(batch[i])
                except Exception as error:  # noqa: BLE001 - a stage bug must not kill a batch
                    failed.add(i)
                    self.on_error(batch[i], st, error)
        return batch


def check_order(stages: list[Stage]) -> None:
    have = set(INGESTED)
    for st in stages:
        missing = [f for f in st.requires if f not in have]
        if missing:
            raise StageError(f"stage {st.name!r} requires {missing}, which no earlier stage assigns")
        have.update(st.assigns)

"""Load Turnstone's own English spaCy model, shipped inside the package.

The model in ``model/`` is trained by ``make model`` (``training/`` at the repo
root) from open corpora only; see ``model/MODEL_CARD.md``. It has sentence
boundaries (a senter's sure starts, the rest from the parser), POS tags,
morphology, lemmas, a dependency parse and named entities labelled PERSON, ORG,
GPE, LOC, NORP, FAC and EVENT.

When the model directory is missing (a source checkout without the trained
files), ``load_nlp`` falls back to blank English with a sentencizer and logs a
warning, so that the rest of Turnstone still runs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from .threads import limit_blas_threads

LOGGER = logging.getLogger(__name__)
MODEL_DIR = Path(__file__).parent / "model"
NER_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
# "default": the shipped CNN pipeline; "accurate": its NER replaced by a transformer (analyze/accurate,
# needs the `accurate` extra). Chosen per call (use_profile), else by TURNSTONE_PROFILE.
PROFILES = ("default", "accurate")
PROFILE_ENV = "TURNSTONE_PROFILE"
_PROFILE: ContextVar[str | None] = ContextVar("turnstone_profile", default=None)


def current_profile() -> str:
    """The profile in force: the innermost ``use_profile``, else $TURNSTONE_PROFILE, else "default".

    Raises:
        ProfileError: for a name not in ``PROFILES``.
    """
    from ..errors import ProfileError

    name = _PROFILE.get() or os.environ.get(PROFILE_ENV) or "default"
    if name not in PROFILES:
        raise ProfileError(f"unknown profile {name!r}: one of {', '.join(PROFILES)}")
    return name


def check_profile() -> str:
    """The current profile, once it is known to load (its extra installed, its model shipped).

    The pipeline turns a stage's exception into a recorded failure, so entry points call this
    first to stop with the install hint instead.

    Raises:
        ProfileError: an unknown profile or a missing model; MissingExtraError: a missing extra.
    """
    name = current_profile()
    if name == "accurate":
        from .accurate import check_available

        check_available()
    return name


@contextmanager
def use_profile(name: str | None) -> Iterator[None]:
    """Run the analyze stage with profile ``name`` inside the block (None: leave it as it is).

    Raises:
        ProfileError: as ``check_profile``, on entering the block.
    """
    token = _PROFILE.set(name) if name else None
    try:
        check_profile()  # fail early: an unknown name, a missing extra
        yield
    finally:
        if token is not None:
            _PROFILE.reset(token)


def model_available(path: Path | None = None) -> bool:
    """Whether a trained pipeline is present at ``path`` (default: the package's model)."""
    path = MODEL_DIR if path is None else path
    return (path / "config.cfg").is_file() and (path / "meta.json").is_file()


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Return the shipped pipeline, loaded once per process (see ``load_pipeline``)."""
    return load_pipeline()


def load_pipeline(exclude: tuple[str, ...] = ()) -> Language:
    """Load the shipped pipeline without the components in ``exclude``.

    Returns:
        The trained ``spacy.Language`` from the package directory, or
        ``spacy.blank("en")`` with a ``sentencizer`` when no model is shipped.
    """
    limit_blas_threads()
    if model_available(MODEL_DIR):
        return spacy.load(MODEL_DIR, exclude=list(exclude))
    LOGGER.warning("W001 no trained model at %s; using blank English with a sentencizer", MODEL_DIR)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


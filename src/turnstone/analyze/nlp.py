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
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from .threads import limit_blas_threads

LOGGER = logging.getLogger(__name__)
MODEL_DIR = Path(__file__).parent / "model"
NER_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")


def model_available(path: Path | None = None) -> bool:
    """Whether a trained pipeline is present at ``path`` (default: the package's model)."""
    path = MODEL_DIR if path is None else path
    return (path / "config.cfg").is_file() and (path / "meta.json").is_file()


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Return the shipped pipeline, loaded once per process.

    Returns:
        The trained ``spacy.Language`` from the package directory, or
        ``spacy.blank("en")`` with a ``sentencizer`` when no model is shipped.
    """
    limit_blas_threads()
    if model_available(MODEL_DIR):
        return spacy.load(MODEL_DIR)
    LOGGER.warning("W001 no trained model at %s; using blank English with a sentencizer", MODEL_DIR)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


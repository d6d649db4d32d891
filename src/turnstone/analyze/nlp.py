"""Load Turnstone's shipped spaCy model (placeholder until the trained model lands)."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

LOGGER = logging.getLogger(__name__)
MODEL_DIR = Path(__file__).parent / "model"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shipped pipeline, loaded once per process; a blank English fallback when absent."""
    if (MODEL_DIR / "config.cfg").exists():
        return spacy.load(MODEL_DIR)
    LOGGER.warning("no trained model at %s; using blank English with a sentencizer", MODEL_DIR)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp

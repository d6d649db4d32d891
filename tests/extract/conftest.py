"""Fixtures shared by the extraction tests: the built-in knowledge base and a blank English
pipeline with the knowledge-base entity ruler (fast, and independent of the trained model)."""

from __future__ import annotations

import pytest
import spacy

from turnstone.analyze.ruler import add_kb_ruler
from turnstone.kb.store import builtin_kb


@pytest.fixture(scope="module")
def kb():
    return builtin_kb()


@pytest.fixture(scope="module")
def nlp(kb):
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return add_kb_ruler(pipeline, kb)

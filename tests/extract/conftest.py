"""Fixtures shared by the extraction tests: the built-in knowledge base and a blank English
pipeline with the knowledge-base entity ruler (fast, and independent of the trained model), and
the shipped trained pipeline for tests that need its parse."""

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


@pytest.fixture(scope="module")
def parsed():  # type: ignore[no-untyped-def]
    from turnstone.analyze.nlp import load_nlp

    nlp = load_nlp()
    if not nlp.has_pipe("parser"):
        pytest.skip("the trained model with a parser is not shipped here")
    return nlp

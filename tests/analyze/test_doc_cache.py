"""doc_cache: values of a Doc kept once per doc."""

from __future__ import annotations

import pytest
import spacy

from turnstone.analyze.doc_cache import doc_text, remember_text


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


@pytest.mark.parametrize("text", ["Plain words.", "  odd\u00a0 spacing\t\ttabs \n\n zero\u200bwidth ", "emoji 😀 and \r\n crlf"])
def test_doc_cache_remembered_text_is_the_docs_text(nlp, text: str) -> None:
    doc = remember_text(nlp(text), text)
    assert doc_text(doc) == doc.text == text  # the tokenizer keeps every character


def test_doc_cache_doc_text_computed_once(nlp) -> None:
    doc = nlp("Kyiv and Moscow.")
    assert doc_text(doc) == "Kyiv and Moscow."
    assert doc.user_data["turnstone.text"] == "Kyiv and Moscow."

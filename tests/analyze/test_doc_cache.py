"""doc_cache: values of a Doc kept once per doc."""

from __future__ import annotations

import pytest
import spacy

from turnstone.analyze.doc_cache import doc_text, lower_at, remember_text, token_values


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


TABLE_ATTRS = ["text", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_", "is_alpha", "is_lower", "is_punct",
               "like_num", "idx"]


@pytest.mark.parametrize("attr", TABLE_ATTRS)
def test_doc_cache_token_values_equal_the_token_attributes(attr: str) -> None:
    from spacy.tokens import Doc, Span

    words = ["Russia", "'s", "forces", "STRUCK", "3", "towns", "in", "Ukraine", ",", "officials", "said", "."]
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=words, lemmas=[w.lower() for w in words],
              pos=["PROPN", "PART", "NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PUNCT", "NOUN", "VERB", "PUNCT"],
              tags=["NNP", "POS", "NNS", "VBD", "CD", "NNS", "IN", "NNP", ",", "NNS", "VBD", "."],
              heads=[2, 0, 3, 10, 5, 3, 5, 6, 10, 10, 10, 10],
              deps=["poss", "case", "nsubj", "ccomp", "nummod", "dobj", "prep", "pobj", "punct", "nsubj", "ROOT",
                    "punct"])
    doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 7, 8, "GPE")]
    assert token_values(doc, attr) == [getattr(t, attr) for t in doc]


def test_doc_cache_token_values_read_once_per_doc(nlp) -> None:
    doc = nlp("Kyiv and Moscow.")
    first = token_values(doc, "lower_")
    assert first == ["kyiv", "and", "moscow", "."]
    assert token_values(doc, "lower_") is first
    assert token_values(nlp("Other words"), "lower_") == ["other", "words"]


def test_doc_cache_lower_at_reads_the_word_and_is_empty_past_either_end(nlp) -> None:
    doc = nlp("Talks RESUMED in Riyadh")
    assert [lower_at(doc, i) for i in range(-1, len(doc) + 1)] == ["", "talks", "resumed", "in", "riyadh", ""]

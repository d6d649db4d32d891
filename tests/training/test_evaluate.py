"""NER scoring of the evaluation script (issue 3)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from training.evaluate import one_sentence_docs, score_ner


def _model() -> spacy.language.Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "ISIL"}, {"label": "GPE", "pattern": "Syria"}])
    return nlp


def test_evaluate_score_ner_counts_exact_matches_and_ignores_missing_gold() -> None:
    nlp = _model()
    gold = Doc(nlp.vocab, words=["ISIL", "terrorists", "left", "Syria", "and", "Iraq"])
    gold.set_ents([Span(gold, 3, 4, "LOC"), Span(gold, 5, 6, "LOC")], missing=[Span(gold, 0, 2)], default="outside")
    res = score_ner(nlp, [gold], {"GPE": "LOC", "ORG": "ORG"}, {"LOC": "LOC"})
    # 'ISIL' touches the unannotated 'ISIL terrorists': not a false positive; Iraq is missed
    assert res["ALL"] == {"p": 1.0, "r": 0.5, "f": 0.6667, "n": 2}


def test_evaluate_score_ner_counts_false_positives_outside_gold() -> None:
    nlp = _model()
    gold = Doc(nlp.vocab, words=["ISIL", "left", "Syria"])
    gold.set_ents([Span(gold, 2, 3, "LOC")], default="outside")
    res = score_ner(nlp, [gold], {"GPE": "LOC", "ORG": "ORG"}, {"LOC": "LOC"})
    assert res["ALL"]["p"] == 0.5 and res["ALL"]["r"] == 1.0


def test_evaluate_one_sentence_docs_splits_gold_documents_keeping_each_parse() -> None:
    vocab = spacy.blank("en").vocab
    gold = Doc(vocab, words=["Talks", "ended", ".", "Officials", "left", "."], heads=[1, 1, 1, 4, 4, 4],
               deps=["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"],
               sent_starts=[True, False, False, True, False, False])
    docs = one_sentence_docs([gold, gold])
    assert [d.text for d in docs] == ["Talks ended . ", "Officials left . "] * 2
    # heads are relative to the new document: 'Officials' hangs from 'left', now token 1
    assert [(t.text, t.head.i, t.dep_) for t in docs[1]] == [
        ("Officials", 1, "nsubj"), ("left", 1, "ROOT"), (".", 1, "punct")]

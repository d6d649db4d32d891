"""The lemmatizer-label callback used when syntax training continues from a saved pipeline."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Example

from training.callbacks import restore_lemmatizer_labels


def test_callbacks_restore_lemmatizer_labels_after_loading(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("trainable_lemmatizer", config={"min_tree_freq": 1})
    words = ["cats", "ran", "dogs", "walked"]
    lemmas = ["cat", "run", "dog", "walk"]
    examples = [Example(nlp.make_doc(" ".join(words)), Doc(nlp.vocab, words=words, lemmas=lemmas))]
    nlp.initialize(lambda: examples)
    before = dict(nlp.get_pipe("trainable_lemmatizer").tree2label)
    assert before
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    lemmatizer = loaded.get_pipe("trainable_lemmatizer")
    lemmatizer.tree2label.clear()  # what spaCy 3.8's from_disk leaves
    restore_lemmatizer_labels()(loaded)
    assert dict(lemmatizer.tree2label) == before

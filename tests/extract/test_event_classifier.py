"""The PLOVER sentence classifier: numpy scoring of the exported model."""

from __future__ import annotations

from pathlib import Path

import pytest

from turnstone.extract.event_classifier import MODEL_PATH, load_classifier
from turnstone.model import PLOVER_TYPES


@pytest.fixture(scope="module")
def shipped():
    model = load_classifier()
    if model is None:
        pytest.skip(f"{MODEL_PATH} not built (make event-model)")
    return model


def test_event_classifier_probabilities_cover_plover_types(shipped):
    probs = shipped.probabilities("Police arrested dozens of opposition supporters in the capital.")
    assert set(probs) == set(PLOVER_TYPES)
    assert sum(probs.values()) == pytest.approx(1.0, abs=1e-6)
    assert all(0.0 < p < 1.0 for p in probs.values())


@pytest.mark.parametrize("text, expected", [
    ("Artillery shelled the town overnight, killing twelve civilians.", "ASSAULT"),
    ("Thousands of teachers went on strike and marched through the capital demanding higher pay.", "PROTEST"),
])
def test_event_classifier_reads_plain_sentences(shipped, text, expected):
    probs = shipped.probabilities(text)
    assert max(probs, key=probs.__getitem__) == expected


def test_event_classifier_unknown_words_give_the_prior(shipped):
    a = shipped.probabilities("zzzq qqxv")
    b = shipped.probabilities("")
    assert a == b


def test_event_classifier_missing_file_is_none(tmp_path):
    assert load_classifier(tmp_path / "absent.npz") is None


def test_event_classifier_scores_like_scikit_learn(tmp_path: Path):
    sklearn = pytest.importorskip("sklearn", reason="scikit-learn (extra event-model) not installed")
    del sklearn
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from training.event_classifier import TOKEN_PATTERN, export

    texts = ["rebels attacked the army base", "the army shelled rebel positions", "leaders met for talks",
             "the ministers held talks in Geneva", "protesters marched in the capital",
             "crowds protested against the government", "troops attacked the village again"]
    labels = ["ASSAULT", "ASSAULT", "CONSULT", "CONSULT", "PROTEST", "PROTEST", "ASSAULT"]
    vec = TfidfVectorizer(token_pattern=TOKEN_PATTERN, ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32)
    clf = LogisticRegression(C=5.0, max_iter=500).fit(vec.fit_transform(texts), labels)
    out = tmp_path / "m.npz"
    export(vec, clf, {"test": True}, out)
    model = load_classifier(out)
    assert model is not None and model.meta["test"] is True
    for text in ["the army attacked the army base attacked", "talks in Geneva", "nothing known here"]:
        want = dict(zip(clf.classes_, clf.predict_proba(vec.transform([text]))[0]))
        got = model.probabilities(text)
        for label in labels:
            assert got[label] == pytest.approx(want[label], abs=5e-3)

"""Pretraining of the NER tok2vec: raw-text JSONL and the characters objective (issue 3)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from spacy import util
from spacy.training.pretrain import get_tok2vec_ref, make_update

from training import pretrain, pretrain_text

CONFIG = Path(__file__).resolve().parents[2] / "training" / "ner.cfg"


@pytest.fixture()
def ner_nlp():
    """A blank pipeline built from the shipped NER config, without static vectors (none in tests)."""
    overrides = {"components.ner.model.tok2vec.embed.include_static_vectors": False}
    config = util.load_config(CONFIG, overrides=overrides, interpolate=False).interpolate()
    return util.load_model_from_config(config), config


def test_pretrain_text_writes_one_json_line_per_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sents = [["Troops", "left", "Kabul", "."], [" ", ""], ["Talks", "resumed", "in", "Geneva"]]
    monkeypatch.setattr(pretrain_text.vectors, "raw_sentences", lambda root: iter(sents))
    out = tmp_path / "raw.jsonl"
    assert pretrain_text.write_jsonl(tmp_path, out) == (2, 8)
    lines = [json.loads(x) for x in out.read_text(encoding="utf8").splitlines()]
    assert lines == [{"text": "Troops left Kabul ."}, {"text": "Talks resumed in Geneva"}]


def test_pretrain_characters_objective_trains_the_ner_tok2vec_and_its_weights_load_back(ner_nlp) -> None:
    nlp, config = ner_nlp
    P = {"component": "ner", "layer": "tok2vec"}
    tok2vec = get_tok2vec_ref(nlp, P)
    doc = nlp.make_doc("Give it a doc to infer shapes")
    tok2vec.initialize(X=[doc])
    objective = pretrain.create_pretrain_characters(maxout_pieces=3, hidden_size=32, n_characters=4)
    model = objective(nlp.vocab, tok2vec)
    model.initialize(X=[doc])
    optimizer = util.registry.resolve({"o": config["pretraining"]["optimizer"]})["o"]
    docs = [nlp.make_doc(t) for t in ("Rebels seized the town of Kidal on Sunday .",
                                      "The minister flew to Geneva for talks .")]
    before = tok2vec.to_bytes()
    losses = [make_update(model, docs, optimizer, model.attrs["loss"]) for _ in range(3)]
    assert all(np.isfinite(x) and x > 0 for x in losses)
    assert tok2vec.to_bytes() != before
    # what `spacy train` does with paths.init_tok2vec: load the bytes into the same reference
    other = util.load_model_from_config(config)
    target = get_tok2vec_ref(other, P)
    target.initialize(X=[other.make_doc("Give it a doc to infer shapes")])
    target.from_bytes(tok2vec.to_bytes())
    check = [other.make_doc("Talks in Geneva .")]
    assert np.allclose(target.predict(check), tok2vec.predict(check))

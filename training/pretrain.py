"""``spacy pretrain`` of the NER tok2vec with our static vectors loaded.

Usage: python -m training.pretrain [--config training/ner.cfg] [--out build/pretrain]
       [--vectors build/vectors] [--raw-text build/pretrain_text.jsonl] [--epochs N]

spaCy's ``pretrain`` builds the pipeline from the config but never runs ``[initialize]``,
so a tok2vec with ``include_static_vectors = true`` would be pretrained on an empty vector
table and then trained with real vectors. This wrapper loads the vectors into the pipeline
spaCy creates, then runs spaCy's own pretraining loop (objective, batcher and optimizer from
the config's ``[pretraining]`` block). Writes ``model{epoch}.bin`` and ``model-last.bin``;
the NER starts from one via ``--paths.init_tok2vec`` (``spacy train --code training/pretrain.py``,
which registers the objective below).

The NER's ``tok2vec`` reference is the CNN followed by ``list2array >> Linear`` (the
transition parser's input projection): it already gives one 2d array, so spaCy's own
``spacy.PretrainCharacters.v1`` (which starts with ``list2array``) cannot wrap it.
``turnstone.PretrainCharacters.v1`` is the same objective without that first layer.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial
from pathlib import Path

from spacy import util
from spacy.ml.models.multi_task import build_masked_language_model, get_characters_loss
from spacy.training import initialize
from spacy.training import pretrain as spacy_pretrain
from spacy.vocab import Vocab
from thinc.api import LayerNorm, Maxout, Model, chain
from thinc.layers import MultiSoftmax


@util.registry.architectures("turnstone.PretrainCharacters.v1")
def create_pretrain_characters(
    maxout_pieces: int, hidden_size: int, n_characters: int
) -> Callable[[Vocab, Model], Model]:
    """Predict each masked word's first and last ``n_characters`` from a 2d-array tok2vec."""

    def create_characters_objective(vocab: Vocab, tok2vec: Model) -> Model:
        output_layer = chain(
            Maxout(nO=hidden_size, nP=maxout_pieces),
            LayerNorm(nI=hidden_size),
            MultiSoftmax([256] * n_characters, nI=hidden_size),
        )
        model = build_masked_language_model(vocab, chain(tok2vec, output_layer))
        model.set_ref("tok2vec", tok2vec)
        model.set_ref("output_layer", output_layer)
        model.attrs["loss"] = partial(get_characters_loss, nr_char=n_characters)
        return model

    return create_characters_objective


def run(config_path: Path, out: Path, vectors: Path, raw_text: Path, epochs: int | None) -> None:
    """Pretrain the tok2vec named in the config's [pretraining] block into ``out``."""
    overrides: dict[str, object] = {"paths.raw_text": str(raw_text), "paths.vectors": str(vectors)}
    if epochs is not None:
        overrides["pretraining.max_epochs"] = epochs
    raw_config = util.load_config(config_path, overrides=overrides, interpolate=False)
    config = raw_config.interpolate()
    create = spacy_pretrain.load_model_from_config

    def create_with_vectors(*args, **kwargs):
        nlp = create(*args, **kwargs)
        initialize.load_vectors_into_model(nlp, str(vectors))
        return nlp

    # spaCy looks the factory up in its module at call time: swap it for the run only.
    spacy_pretrain.load_model_from_config = create_with_vectors
    try:
        out.mkdir(parents=True, exist_ok=True)
        raw_config.to_disk(out / "config.cfg")
        spacy_pretrain.pretrain(config, out, silent=False)
    finally:
        spacy_pretrain.load_model_from_config = create


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--config", default="training/ner.cfg")
    ap.add_argument("--out", default="build/pretrain")
    ap.add_argument("--vectors", default="build/vectors")
    ap.add_argument("--raw-text", default="build/pretrain_text.jsonl")
    ap.add_argument("--epochs", type=int, default=None)
    args = ap.parse_args(argv)
    run(Path(args.config), Path(args.out), Path(args.vectors), Path(args.raw_text), args.epochs)


if __name__ == "__main__":
    main()

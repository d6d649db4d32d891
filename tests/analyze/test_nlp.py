"""Tests for the shipped English model and its loader (issue 3)."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import need_shared

from turnstone.analyze import nlp as nlp_mod
from turnstone.analyze.nlp import MODEL_DIR, NER_LABELS, load_nlp, model_available

ROOT = Path(__file__).resolve().parents[2]

needs_model = pytest.mark.skipif(not model_available(), reason="no trained model in the package (run `make model`)")


@needs_model
def test_nlp_loads_from_package() -> None:
    nlp = load_nlp()
    assert Path(nlp.path or "").resolve() == MODEL_DIR.resolve()
    assert load_nlp() is nlp  # cached: loaded once per process


@needs_model
def test_nlp_has_components_and_labels() -> None:
    nlp = load_nlp()
    for name in ("tok2vec", "tagger", "morphologizer", "parser", "trainable_lemmatizer", "ner"):
        assert name in nlp.pipe_names
    assert set(nlp.get_pipe("ner").labels) == set(NER_LABELS)


@needs_model
def test_nlp_size_under_40_mb() -> None:
    size = sum(f.stat().st_size for f in MODEL_DIR.rglob("*") if f.is_file())
    assert size < 40e6


@needs_model
def test_nlp_model_card_shipped() -> None:
    card = (MODEL_DIR / "MODEL_CARD.md").read_text(encoding="utf8")
    assert "Data" in card and "licence" in card.lower()


@needs_model
def test_nlp_loads_fast() -> None:
    code = f"import time; c=time.process_time(); import spacy; spacy.load({str(MODEL_DIR)!r}); print(time.process_time()-c)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # CPU seconds of the loading process, import spacy included (~0.5 s of it): the issue asks
    # for < 2 s; wall-clock time depends on how busy the shared machine is.
    assert float(out.stdout.strip().splitlines()[-1]) < 2.0


@needs_model
@pytest.mark.parametrize(
    ("text", "entity", "label"),
    [
        ("The talks in Geneva were led by Secretary of State Antony Blinken on Monday.", "Geneva", "GPE"),
        ("Russian President Vladimir Putin met German Chancellor Olaf Scholz in Moscow.", "Vladimir Putin", "PERSON"),
        ("NATO said the United Nations would send observers.", "NATO", "ORG"),
    ],
)
def test_nlp_parses_sentence_with_entity(text: str, entity: str, label: str) -> None:
    doc = load_nlp()(text)
    assert (entity, label) in {(e.text, e.label_) for e in doc.ents}
    assert all(t.pos_ for t in doc)
    assert all(t.lemma_ for t in doc)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    assert len(roots) == len(list(doc.sents)) >= 1


@needs_model
def test_nlp_sentences_split() -> None:
    doc = load_nlp()("The ceasefire held on Sunday. Officials in Kyiv said talks would resume next week.")
    assert len(list(doc.sents)) == 2


def test_nlp_falls_back_to_blank(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(nlp_mod, "MODEL_DIR", tmp_path / "missing")
    nlp_mod.load_nlp.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="turnstone.analyze.nlp"):
            nlp = nlp_mod.load_nlp()
        assert nlp.pipe_names == ["sentencizer"]
        assert len(list(nlp("One. Two.").sents)) == 2
        assert "W001" in caplog.text
    finally:
        nlp_mod.load_nlp.cache_clear()


def test_nlp_training_corpora_convert() -> None:
    """The NER converter maps corpora labels onto Turnstone's seven labels (needs ../shared)."""
    need_shared("corpora", "ner_more", "wikigold")
    sys.path.insert(0, str(ROOT))
    try:
        from training import convert
    finally:
        sys.path.pop(0)
    sents = convert.wikigold(convert.shared_root(str(need_shared())))
    labels = {lab for _, spans in sents for _, _, lab in spans}
    assert labels <= set(NER_LABELS) | {"-"}
    assert {"PERSON", "ORG", "GPE"} <= labels


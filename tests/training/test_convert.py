"""Corpus conversion: GUM mentions trimmed to names, person titles, re3d non-names (issue 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from training.convert import gum_named, name_core, re3d, strip_person


def _sent(rows: list[tuple[str, str, int, str]], entity: dict[int, str] | None = None) -> list[dict[str, str]]:
    """CoNLL-U-like tokens from (form, upos, head, deprel); ``entity`` puts GUM Entity= marks on tokens."""
    entity = entity or {}
    return [
        {"id": str(i + 1), "form": f, "lemma": f, "upos": u, "xpos": "_", "feats": "_", "head": str(h),
         "deprel": d, "misc": f"Entity={entity[i]}" if i in entity else "_"}
        for i, (f, u, h, d) in enumerate(rows)
    ]


KIRK = _sent([("Kirk", "PROPN", 0, "root"), ("M.", "PROPN", 1, "flat"), ("Bart", "PROPN", 1, "flat"),
              ("and", "CCONJ", 6, "cc"), ("Celeste", "PROPN", 1, "conj"), ("Pollock", "PROPN", 5, "flat")])
LONDON = _sent([("in", "ADP", 2, "case"), ("London", "PROPN", 0, "root"), (",", "PUNCT", 6, "punct"),
                ("where", "ADV", 6, "advmod"), ("I", "PRON", 6, "nsubj"), ("was", "AUX", 2, "acl:relcl")])
BANK = _sent([("the", "DET", 2, "det"), ("Bank", "PROPN", 0, "root"), ("of", "ADP", 4, "case"),
              ("England", "PROPN", 2, "nmod")])
REZWAN = _sent([("Rezwan", "PROPN", 0, "root"), ("from", "ADP", 3, "case"), ("Bangladesh", "PROPN", 1, "nmod")])


@pytest.mark.parametrize(
    ("sent", "span", "head", "expected"),
    [
        (KIRK, (0, 6), 0, (0, 3)),  # coordination on the head: first name only
        (LONDON, (1, 6), 1, (1, 2)),  # relative clause and comma left out
        (BANK, (0, 4), 1, (0, 4)),  # 'of' + proper noun stays (the determiner goes later)
        (REZWAN, (0, 3), 0, (0, 1)),  # 'from Bangladesh' is no part of the name
    ],
)
def test_convert_name_core_trims_mention_to_name(sent, span, head, expected) -> None:
    assert name_core(sent, span[0], span[1], head) == expected


def test_convert_gum_named_trims_determiner_and_keeps_nested_place() -> None:
    sent = _sent([("the", "DET", 2, "det"), ("Bank", "PROPN", 0, "root"), ("of", "ADP", 4, "case"),
                  ("England", "PROPN", 2, "nmod")],
                 entity={0: "(1-organization-new-_-_-_-_", 3: "(2-place-new-_-_-_-_)1)"})
    spans = gum_named(sent, place_mode="merge")
    assert (1, 4, "ORG") in spans
    assert (3, 4, "PLACE") in spans


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("FCO Minister Tobias Ellwood", "Tobias Ellwood"),
        ("Foreign Office Minister Tobias Ellwood", "Tobias Ellwood"),
        ("Tobias Ellwood , Foreign Office Minister for the Middle East", "Tobias Ellwood"),
        ("Col. David C. Lyons", "David C. Lyons"),
        ("Mr. Lavrov", "Lavrov"),
    ],
)
def test_convert_strip_person_removes_titles_and_appositions(words: str, expected: str) -> None:
    toks = words.split()
    s, e = strip_person(toks, 0, len(toks))
    assert " ".join(toks[s:e]) == expected


def _write_re3d(root: Path, docs: list[str]) -> None:
    base = root / "corpora/ner_more/re3d/conll_juand-r/CONLL-format/data-by-source/conll/src"
    base.mkdir(parents=True)
    for i, text in enumerate(docs):
        (base / f"doc{i}.conll").write_text(text, encoding="utf8")


def test_convert_re3d_marks_non_names_missing_and_splits_place_lists(tmp_path: Path) -> None:
    rows = ["We B-Organisation", "hit O", "ISIL B-Organisation", "terrorists I-Organisation", "near O",
            "Palmyra B-Location", ", I-Location", "Syria I-Location", ". O"]
    test_doc = "".join(f"{row}\n" for row in rows)
    _write_re3d(tmp_path, ["x O\n", "x O\n", test_doc, "x O\n", "x O\n"])
    (words, spans), = re3d(tmp_path, "test")
    assert words[:2] == ["We", "hit"]
    assert (0, 1, "-") in spans  # a pronoun is no name
    assert (2, 4, "-") in spans  # 'ISIL terrorists': a description around a name
    assert (5, 6, "GPE") in spans and (7, 8, "GPE") in spans
    raw = re3d(tmp_path, "test", clean=False)[0][1]
    assert (5, 8, "LOC") in raw  # the raw view keeps re3d's own spans

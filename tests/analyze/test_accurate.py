"""Tests for the accurate profile's switch, its errors and its torch-free parts (issue 3).

These need no torch: the default profile must run without it, and CI has none.
"""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
import spacy
from spacy.tokens import Span
from typer.testing import CliRunner

from turnstone.analyze import accurate
from turnstone.analyze.accurate import ACCURATE_DIR, combine
from turnstone.analyze.accurate.data import BIO, BIO_ID, decode, viterbi
from turnstone.analyze.nlp import PROFILE_ENV, current_profile, use_profile
from turnstone.errors import MissingExtraError, ProfileError


@pytest.fixture
def no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend the ``accurate`` extra is not installed."""
    monkeypatch.setattr(accurate, "missing_extra", lambda: ["torch"])


# Run in a fresh process where importing torch or transformers fails, as where the extra is not
# installed (where it is, thinc imports torch on its own, so sys.modules alone would not tell).
NO_TORCH = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("torch", "transformers"):
            raise ImportError("blocked: " + name)
sys.meta_path.insert(0, Block())
import turnstone
a = turnstone.process("Russia and Ukraine met in Geneva.")
print(len(a.entities), "turnstone.analyze.accurate.model" in sys.modules, "torch" in sys.modules)
"""


def test_accurate_default_profile_does_not_import_torch() -> None:
    env = {k: v for k, v in os.environ.items() if k != PROFILE_ENV}
    out = subprocess.run([sys.executable, "-c", NO_TORCH], capture_output=True, text=True, check=True, env=env)
    n, model_loaded, torch_loaded = out.stdout.split()
    assert int(n) >= 1
    assert model_loaded == "False" and torch_loaded == "False"


def test_accurate_profile_from_env_and_context(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PROFILE_ENV, raising=False)
    assert current_profile() == "default"
    monkeypatch.setenv(PROFILE_ENV, "default")
    with use_profile(None):
        assert current_profile() == "default"
    monkeypatch.setattr(accurate, "check_available", lambda path=ACCURATE_DIR: None)
    with use_profile("accurate"):
        assert current_profile() == "accurate"
    assert current_profile() == "default"


def test_accurate_unknown_profile_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PROFILE_ENV, "fastest")
    with pytest.raises(ProfileError, match="E500.*unknown profile 'fastest'"):
        current_profile()


def test_accurate_missing_extra_names_the_install_command(no_extra: None) -> None:
    with pytest.raises(MissingExtraError, match=r"E501.*pip install 'turnstone\[accurate\]'"):
        accurate.check_available()


def test_accurate_process_without_extra_raises(no_extra: None) -> None:
    import turnstone

    with pytest.raises(MissingExtraError, match=r"turnstone\[accurate\]"):
        turnstone.process("Russia and Ukraine met in Geneva.", profile="accurate")


def test_accurate_cli_without_extra_exits_with_hint(no_extra: None, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from turnstone.cli import app

    monkeypatch.delenv(PROFILE_ENV, raising=False)
    path = tmp_path / "a.txt"
    path.write_text("Russia and Ukraine met in Geneva.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--profile", "accurate"])
    assert result.exit_code == 1
    assert "pip install 'turnstone[accurate]'" in result.output
    os.environ.pop(PROFILE_ENV, None)  # _set_profile exported it for worker processes


def test_accurate_missing_model_is_an_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    if accurate.missing_extra():
        with pytest.raises(MissingExtraError):
            accurate.check_available(tmp_path)
    else:
        with pytest.raises(ProfileError, match="no accurate model"):
            accurate.check_available(tmp_path)


def test_accurate_model_files_shipped_small() -> None:
    files = [f for f in ACCURATE_DIR.iterdir() if f.is_file()]
    assert {"meta.json", "weights.pt", "MODEL_CARD.md"} <= {f.name for f in files}
    assert all(f.stat().st_size < 25e6 for f in files)
    assert sum(f.stat().st_size for f in files) < 40e6


def _spans(doc, items):  # type: ignore[no-untyped-def]
    return [Span(doc, s, e, label=lab) for s, e, lab in items]


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("model", [(0, 2, "PERSON")]),
        ("fill", [(0, 2, "PERSON"), (5, 6, "GPE")]),
        ("ruler", [(0, 1, "ORG"), (5, 6, "GPE")]),
        ("longest", [(0, 2, "PERSON"), (5, 6, "GPE")]),
    ],
)
def test_accurate_combine_modes(mode: str, expected: list[tuple[int, int, str]]) -> None:
    doc = spacy.blank("en")("Lea Brandt said on Monday Geneva agreed")
    model = _spans(doc, [(0, 2, "PERSON")])
    ruler = _spans(doc, [(0, 1, "ORG"), (5, 6, "GPE")])
    got = [(sp.start, sp.end, sp.label_) for sp in combine(doc, model, ruler, mode)]
    assert sorted(got) == expected


def test_accurate_combine_longest_keeps_the_ruler_on_a_tie() -> None:
    doc = spacy.blank("en")("Chinese coast guard ships near the South China Sea")
    model = _spans(doc, [(0, 1, "NORP"), (6, 9, "LOC")])
    ruler = _spans(doc, [(0, 3, "ORG"), (7, 8, "GPE")])
    got = sorted((sp.start, sp.end, sp.label_) for sp in combine(doc, model, ruler, "longest"))
    assert got == [(0, 3, "ORG"), (6, 9, "LOC")]
    tie = combine(doc, _spans(doc, [(7, 8, "LOC")]), _spans(doc, [(7, 8, "GPE")]), "longest")
    assert [(sp.start, sp.label_) for sp in tie] == [(7, "GPE")]


def test_accurate_unknown_combine_mode_is_an_error() -> None:
    with pytest.raises(ProfileError, match="combine mode"):
        accurate.AccurateNER(None, None, mode="both")


def test_accurate_viterbi_keeps_a_name_whole() -> None:
    # per word best: B-LOC, I-GPE (an I- that continues nothing); Viterbi must not split the name
    logp = np.full((2, len(BIO)), -10.0)
    logp[0, BIO_ID["B-LOC"]], logp[0, BIO_ID["B-GPE"]] = -0.2, -0.5
    logp[1, BIO_ID["I-GPE"]], logp[1, BIO_ID["I-LOC"]] = -0.1, -0.3
    spans = decode(viterbi(logp))
    assert len(spans) == 1 and spans[0][:2] == (0, 2)


def test_accurate_pipeline_version_names_the_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    from turnstone.pipeline import pipeline_version

    monkeypatch.delenv(PROFILE_ENV, raising=False)
    default = pipeline_version()
    monkeypatch.setenv(PROFILE_ENV, "accurate")
    assert pipeline_version() == default + "+accurate"

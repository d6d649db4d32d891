"""Join the trained syntax pipeline and the NER pipeline into the shipped model.

Usage: python -m training.assemble [--parser build/models/parser/model-best]
                                   [--ner build/models/ner/model-best]
                                   [--senter build/models/senter/model-best]
                                   [--out src/turnstone/analyze/model]
"""

from __future__ import annotations

import argparse
import math
import shutil
from pathlib import Path

import spacy
from spacy.language import Language

from training.evaluate import DEFAULT_MODEL

VERSION = "0.1.0"


def add_senter(nlp: Language, senter_dir: Path, threshold: float = 0.5) -> None:
    """Put the trained senter before the parser, followed by ``senter_hints``, an attribute ruler
    that turns the senter's 'no sentence starts here' into 'unknown'. The parser then keeps every
    start the senter found (with P(start) > ``threshold``) and may still split elsewhere by itself.
    On EWT dev (``python -m training.senter_eval``) this union beat both the parser alone and the
    parser inside the senter's sentences (LAS 0.8216 / 0.8189 / 0.8184 at threshold 0.5); see
    MODEL_CARD.md for the threshold shipped and why.

    A start the senter puts next to a straight quote after . ! ? ('week. || " Aliyev said',
    'talks. " || Nobody') is also left to the parser: the senter cannot tell an opening from a
    closing quote there, and on news such starts were wrong more often than not."""
    senter = nlp.add_pipe("senter", source=spacy.load(senter_dir), before="parser")
    if threshold != 0.5:
        # the senter's softmax is not normalised at prediction time (Tagger.v2, normalize=false):
        # a token starts a sentence when logit(S) + b > logit(I), i.e. P(S) > threshold
        out = senter.model.get_ref("output_layer")
        bias = out.get_param("b").copy()
        bias[list(senter.labels).index("S")] -= math.log(threshold / (1.0 - threshold))
        out.set_param("b", bias)
    hints = nlp.add_pipe("attribute_ruler", name="senter_hints", after="senter")
    hints.add([[{"IS_SENT_START": False}]], {"SENT_START": 0})
    end = {"ORTH": {"IN": [".", "!", "?"]}}
    hints.add([[end, {"ORTH": '"', "IS_SENT_START": True}]], {"SENT_START": 0}, index=1)
    hints.add([[end, {"ORTH": '"'}, {"IS_SENT_START": True, "IS_SPACE": False}]], {"SENT_START": 0}, index=2)


def assemble(parser_dir: Path, ner_dir: Path, out: Path, senter_dir: Path | None = None,
             senter_threshold: float = 0.5) -> None:
    nlp = spacy.load(parser_dir)
    ner_nlp = spacy.load(ner_dir)
    nlp.add_pipe("ner", source=ner_nlp)
    if senter_dir is not None:
        add_senter(nlp, senter_dir, senter_threshold)
    nlp.meta.update(
        name="turnstone_en_news",
        version=VERSION,
        description=(
            "Turnstone's English pipeline trained from scratch on open corpora: "
            "tagger, morphologizer, parser, trainable lemmatizer (UD EWT + GUM), "
            "NER PERSON/ORG/GPE/LOC/NORP/FAC/EVENT (GMB/VOA, WikiGold, CrossNER politics, "
            "re3d, Re-DocRED, BTC news, GUM), static vectors from PPMI+SVD. See MODEL_CARD.md."
        ),
        license="CC BY-SA 4.0",
        author="Turnstone",
        sources=[
            {"name": "UD English EWT", "license": "CC BY-SA 4.0"},
            {"name": "GUM (academic, bio, court, interview, news, voyage)", "license": "CC BY 4.0 / CC BY-SA 3.0 / CC BY 2.5"},
            {"name": "GMB (Kaggle ner_dataset, VOA texts)", "license": "ODbL; texts public domain"},
            {"name": "WikiGold", "license": "CC BY 4.0"},
            {"name": "CrossNER politics", "license": "MIT; Wikipedia text CC BY-SA"},
            {"name": "re3d (no BBC)", "license": "PD / OGL v3 / CC BY 3.0 AU / EC reuse / CC BY-SA 3.0"},
            {"name": "Re-DocRED dev+test", "license": "MIT; Wikipedia text CC BY-SA"},
            {"name": "Broad Twitter Corpus", "license": "CC BY 4.0"},
            {"name": "ECB+ (raw text for vectors)", "license": "CC BY 3.0"},
        ],
    )
    card = out / "MODEL_CARD.md"
    keep = card.read_text(encoding="utf8") if card.exists() else None
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    if keep is not None:
        card.write_text(keep, encoding="utf8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--parser", default="build/models/parser/model-best")
    ap.add_argument("--ner", default="build/models/ner/model-best")
    ap.add_argument("--out", default=str(DEFAULT_MODEL))
    ap.add_argument("--senter", default=None, help="a trained senter pipeline to put before the parser")
    ap.add_argument("--senter-threshold", type=float, default=0.5,
                    help="P(sentence start) above which the senter's start is kept")
    args = ap.parse_args(argv)
    assemble(Path(args.parser), Path(args.ner), Path(args.out), Path(args.senter) if args.senter else None,
             args.senter_threshold)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

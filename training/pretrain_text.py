"""Raw text for ``spacy pretrain`` of the NER tok2vec, as JSONL lines ``{"text": ...}``.

Usage: python -m training.pretrain_text [--shared ../shared] [--out build/pretrain_text.jsonl]

The text is the same redistributable raw text the static vectors are made from
(``training.vectors.raw_sentences``: GMB/VOA, EWT train, GUM train in allowed genres,
WikiGold, CrossNER, Re-DocRED, BTC, re3d train, ECB+); no evaluation text and nothing
from PolNeAR or TempEval. One sentence per line, words joined by single spaces.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from training import convert, vectors


def write_jsonl(root: Path, out: Path) -> tuple[int, int]:
    """Write one ``{"text": sentence}`` line per raw sentence; return (lines, words)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = words = 0
    with out.open("w", encoding="utf8") as f:
        for sent in vectors.raw_sentences(root):
            sent = [w for w in sent if w.strip()]
            if not sent:
                continue
            f.write(json.dumps({"text": " ".join(sent)}, ensure_ascii=False) + "\n")
            lines += 1
            words += len(sent)
    return lines, words


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--out", default="build/pretrain_text.jsonl")
    args = ap.parse_args(argv)
    lines, words = write_jsonl(convert.shared_root(args.shared), Path(args.out))
    print(f"wrote {args.out}: {lines} lines, {words} words")


if __name__ == "__main__":
    main()

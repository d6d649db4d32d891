"""Export a trained NER teacher as the accurate profile's shipped model, and measure export variants.

Usage (with the ``accurate`` extra installed; PYTHONPATH=.:src from the repo root in a separate venv):
  python -m training.accurate_export --model build/teacher/t1 --out src/turnstone/analyze/accurate_model
  python -m training.accurate_export --model build/teacher/t1 --compare [--json build/accurate_variants.json]

``--compare`` exports each variant (word embeddings kept or taken from the installed MiniLM;
float32 or float16 storage; int8 dynamic quantization of the Linear layers or none) to a temporary
folder, loads it back and scores NER alone on the eval sets of training.evaluate (GUM dev, re3d
test, re3d test names, UNER EWT dev) with its words/s, load seconds and size on disk.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

import torch

from training.evaluate import MAPS, dir_mb, score_ner_sets
from turnstone.analyze.accurate.model import PieceTokenizer, as_pipeline, export, load, minilm_dir

LOGGER = logging.getLogger("training.accurate_export")
# (name, word embeddings, storage dtype, quantize); see model.export
VARIANTS = [
    ("checkpoint fp32", "full", "float32", None),
    ("base word emb, fp32", "base", "float32", None),
    ("base word emb, fp16", "base", "float16", None),
    ("base word emb, fp16, int8 Linear", "base", "float16", "int8"),
    ("full word emb, fp16", "full", "float16", None),
    ("int8 word-emb delta, fp16", "delta8", "float16", None),
    ("int8 word-emb delta, fp16, int8 Linear", "delta8", "float16", "int8"),
]
# The shipped settings, chosen with --compare on teacher t1 (see accurate_model/MODEL_CARD.md): the
# installed word embeddings alone lost 0.009 F1 on re3d test names, the int8 difference nothing;
# float16 storage lost nothing; int8 Linear layers ran 1.5x faster but lost 0.02-0.03 on GUM and UNER.
SHIP = {"word_embeddings": "delta8", "dtype": "float16", "quantize": None}


def score(model_dir: Path, corpus: Path, quantize: str | None | bool = True) -> dict[str, object]:
    """NER-alone scores and words/s on every eval set present, and the load time."""
    t0 = time.perf_counter()
    model = load(model_dir, quantize=quantize)
    tok = PieceTokenizer(minilm_dir())
    res: dict[str, object] = {"load_s": round(time.perf_counter() - t0, 2)}
    res.update(score_ner_sets(as_pipeline(model, tok), corpus, timed=True))
    return res


def compare(model_dir: Path, corpus: Path) -> list[dict[str, object]]:
    """Every variant in ``VARIANTS``: size, load time, scores and speed."""
    teacher = load(model_dir, quantize=None)
    rows = []
    for name, words, dtype, quant in VARIANTS:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            if name.startswith("checkpoint"):
                out = model_dir
            else:
                export(teacher, out, word_embeddings=words, dtype=dtype, quantize=quant)
            row = {"variant": name, "mb": dir_mb(out) if out != model_dir else round(
                (model_dir / "teacher.pt").stat().st_size / 1e6, 1), **score(out, corpus, quantize=quant)}
        rows.append(row)
        LOGGER.info("%s", summary(row))
    return rows


def summary(row: dict[str, object]) -> str:
    parts = [f"{row['variant']}: {row['mb']} MB, load {row['load_s']} s"]
    for name in MAPS:
        s = row.get(f"ner_{name}")
        if isinstance(s, dict):
            parts.append(f"{name} F {s['ALL']['f']:.4f} ({row[f'words_per_s_{name}']} w/s)")
    return "; ".join(parts)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m training.accurate_export", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="a training.teacher output folder (teacher.pt, meta.json)")
    ap.add_argument("--out", help="where to write the shipped model")
    ap.add_argument("--corpus", default="build/corpus", help="training.convert's eval_*.spacy sets")
    ap.add_argument("--compare", action="store_true", help="measure every export variant instead")
    ap.add_argument("--json", help="with --compare: also write the rows here")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    torch.set_num_threads(args.threads)
    model_dir, corpus = Path(args.model), Path(args.corpus)
    if args.compare:
        rows = compare(model_dir, corpus)
        for row in rows:
            print(summary(row))
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=2))
        return
    if not args.out:
        ap.error("--out is required unless --compare")
    src_meta = json.loads((model_dir / "meta.json").read_text())
    out = Path(args.out)
    export(load(model_dir, quantize=None), out, **SHIP,  # type: ignore[arg-type]
           meta={"source": {"teacher": str(model_dir), **{k: src_meta[k] for k in ("mix", "epochs", "lr", "train")
                                                          if k in src_meta}}})
    scores = score(out, corpus)
    meta = json.loads((out / "meta.json").read_text())
    meta["scores"] = scores
    meta["size_mb"] = dir_mb(out)
    meta["threads"] = args.threads
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(summary({"variant": str(out), "mb": meta["size_mb"], **scores}))


if __name__ == "__main__":
    main()

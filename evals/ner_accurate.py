"""The accurate profile against the default: NER on open corpora and `turnstone eval` on gold articles.

    python evals/ner_accurate.py [--modes fill,model,ruler] [--no-corpora] [--no-gold] [--json OUT]

Needs the ``accurate`` extra (prints a skip line without it) and training.convert's eval sets in
build/corpus (GUM dev, re3d test raw and names, UNER EWT dev; ``make eval-model`` builds them).
For each setting (the default profile, then the accurate profile with each way of combining the
transformer's entities with the knowledge-base ruler's, analyze.accurate.COMBINE_MODES) it prints:
  * NER P/R/F1 of the whole analyze pipeline (ruler included) with training.evaluate's score_ner/MAPS;
  * `turnstone eval` entity (and other section) F1 on the bundled samples, the gold seed article
    in ../shared/gold/articles and the held-out articles in tests/golden/heldout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TURNSTONE_SHARED", ROOT / ".." / "shared"))
sys.path.insert(0, str(ROOT))

from turnstone.analyze import accurate
from turnstone.analyze.nlp import use_profile


def gold_sets() -> dict[str, list[Path]]:
    from turnstone.samples import sample_gold_files

    sets = {"samples": list(sample_gold_files()), "heldout": sorted((ROOT / "tests/golden/heldout").glob("*.gold.json"))}
    seed = sorted((SHARED / "gold" / "articles").glob("*.gold.json"))
    if seed:
        sets["gold article"] = seed
    return sets


def corpus_scores(nlp, corpus: Path) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from training.evaluate import score_ner_sets

    scores = score_ner_sets(nlp, corpus, timed=True)
    out: dict[str, object] = {}
    for key, val in scores.items():
        if key.startswith("ner_") and isinstance(val, dict):
            name = key[len("ner_"):]
            out[name] = val["ALL"]
            out[f"{name} words/s"] = scores[f"words_per_s_{name}"]
    return out


def run(setting: str, corpora: bool, gold: bool, corpus: Path) -> dict[str, object]:
    from turnstone.analyze.stage import get_nlp
    from turnstone.evaluate import evaluate_files

    profile, _, mode = setting.partition(":")
    if mode:
        accurate.COMBINE = mode
        accurate.load_accurate_nlp.cache_clear()  # its cached pipeline was built with the old mode
    res: dict[str, object] = {"setting": setting}
    with use_profile(profile):
        nlp = get_nlp()
        if corpora:
            res["ner"] = corpus_scores(nlp, corpus)
        if gold:
            for name, files in gold_sets().items():
                rep = evaluate_files(files)["sections"]
                res[name] = {sec: {"p": s["precision"], "r": s["recall"], "f1": s["f1"], "attr_f1": s["attr_f1"]}
                             for sec, s in rep.items()}
    return res


def show(res: dict[str, object]) -> None:
    print(f"== {res['setting']}")
    ner = res.get("ner")
    if isinstance(ner, dict):
        for name, s in ner.items():
            if isinstance(s, dict):
                print(f"  NER {name:16s} P {s['p']:.3f} R {s['r']:.3f} F {s['f']:.3f} n {s['n']}"
                      f"  ({ner[name + ' words/s']} words/s)")
    for key, val in res.items():
        if key in ("setting", "ner") or not isinstance(val, dict):
            continue
        parts = [f"{sec} F {s['f1']:.3f} (P {s['p']:.3f} R {s['r']:.3f}, attrs {s['attr_f1']:.3f})"
                 if sec == "entities" else f"{sec} {s['f1']:.3f}/{s['attr_f1']:.3f}" for sec, s in val.items()]
        print(f"  eval {key:12s} " + "; ".join(parts))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--modes", default=",".join(accurate.COMBINE_MODES), help="accurate combine modes to run")
    ap.add_argument("--no-default", action="store_true", help="skip the default profile")
    ap.add_argument("--no-corpora", action="store_true")
    ap.add_argument("--no-gold", action="store_true")
    ap.add_argument("--corpus", default=str(ROOT / "build" / "corpus"))
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()
    if accurate.missing_extra():
        print(f"skip: the accurate extra is not installed ({', '.join(accurate.missing_extra())})")
        return
    settings = ([] if args.no_default else ["default"]) + [f"accurate:{m}" for m in args.modes.split(",") if m]
    results = []
    for setting in settings:
        results.append(run(setting, not args.no_corpora, not args.no_gold, Path(args.corpus)))
        show(results[-1])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

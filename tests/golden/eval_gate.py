"""Quality gate: score the gold articles and compare with the floors in eval_baseline.json.

Three gold sets are scored apart: the shared gold articles (``../shared/gold/articles``), the
samples shipped in the package (``turnstone/sample_data``) and the articles in ``heldout/``;
the Turnstone authors wrote and annotated the last two.

    python tests/golden/eval_gate.py            # check; exit 1 when a score fell below its floor
    python tests/golden/eval_gate.py --raise    # move floors up to today's scores (never down)
    python tests/golden/eval_gate.py --raise --allow-lower   # also lower floors: say why in the commit
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BASELINE = Path(__file__).with_name("eval_baseline.json")
METRICS = ("precision", "recall", "attr_precision", "attr_recall")
SHARED_GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "articles"


def gold_sets() -> dict[str, list[Path]]:
    from turnstone.samples import sample_gold_files

    sets = {"samples": sample_gold_files(),
            "heldout": sorted((Path(__file__).parent / "heldout").glob("*.gold.json"))}
    if SHARED_GOLD.is_dir():
        sets["shared"] = sorted(SHARED_GOLD.glob("*.gold.json"))
    return sets


def current_scores(files: list[Path]) -> dict[str, dict[str, float]]:
    from turnstone.evaluate import evaluate_files

    report = evaluate_files(files)
    return {s: {m: v[m] for m in METRICS} for s, v in report["sections"].items()}


def below_floor(scores: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> list[str]:
    return [f"{s}.{m}: {scores[s][m]:.3f} < floor {floor:.3f}"
            for s, ms in floors.items() for m, floor in ms.items() if scores[s][m] + 1e-9 < floor]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raise", dest="raise_", action="store_true")
    parser.add_argument("--allow-lower", action="store_true")
    args = parser.parse_args()
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    problems = []
    for name, files in gold_sets().items():
        scores = current_scores(files)
        floors = baseline.get(name, {})
        if args.raise_:
            baseline[name] = {s: {m: round(v if args.allow_lower else max(v, floors.get(s, {}).get(m, 0.0)), 3)
                                  for m, v in ms.items()} for s, ms in scores.items()}
        problems += [f"{name}: {p}" for p in below_floor(scores, floors)]
    if args.raise_:
        BASELINE.write_text(json.dumps(baseline, indent=2) + "\n")
        print(json.dumps(baseline, indent=2))
        return 0
    print("\n".join(problems) or "all scores at or above their floors")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

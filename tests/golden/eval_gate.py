"""Quality gate: score every gold article and compare with the floors in eval_baseline.json.

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


def current_scores(gold_dir: Path) -> dict[str, dict[str, float]]:
    from turnstone.evaluate import evaluate_files

    report = evaluate_files(sorted(gold_dir.glob("*.gold.json")))
    return {s: {m: v[m] for m in METRICS} for s, v in report["sections"].items()}


def below_floor(scores: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> list[str]:
    return [f"{s}.{m}: {scores[s][m]:.3f} < floor {floor:.3f}"
            for s, ms in floors.items() for m, floor in ms.items() if scores[s][m] + 1e-9 < floor]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raise", dest="raise_", action="store_true")
    parser.add_argument("--allow-lower", action="store_true")
    parser.add_argument("--gold", type=Path, default=Path(__file__).resolve().parents[2].parent / "shared/gold/articles")
    args = parser.parse_args()
    scores = current_scores(args.gold)
    floors = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    if args.raise_:
        new = {s: {m: round(v if args.allow_lower else max(v, floors.get(s, {}).get(m, 0.0)), 3)
                   for m, v in ms.items()} for s, ms in scores.items()}
        BASELINE.write_text(json.dumps(new, indent=2) + "\n")
        print(json.dumps(new, indent=2))
        return 0
    problems = below_floor(scores, floors)
    print("\n".join(problems) or "all scores at or above their floors")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""Run the gold gate (tests/golden/eval_gate.py) with a candidate model instead of the shipped one.

Usage: python -m training.gate --model build/cand-x

A new NER ships only if the extraction stages that stand on it keep their gold floors; this
checks a candidate before it replaces src/turnstone/analyze/model. Exit status as the gate's.
"""

from __future__ import annotations

import argparse
import runpy
import sys
from pathlib import Path

GATE = Path(__file__).resolve().parents[1] / "tests" / "golden" / "eval_gate.py"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", required=True, help="an assembled pipeline directory")
    args = ap.parse_args(argv)
    from turnstone.analyze import nlp

    nlp.MODEL_DIR = Path(args.model).resolve()  # load_nlp reads it on its first call
    nlp.load_nlp.cache_clear()
    sys.argv = [str(GATE)]  # the gate parses its own options: none, so it only checks
    runpy.run_path(str(GATE), run_name="__main__")


if __name__ == "__main__":
    main()

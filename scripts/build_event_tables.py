"""Derive Turnstone's compact CAMEO/PLOVER lookup tables from the reference files in ../shared.

Run once by a developer (the outputs are committed; nothing reads ../shared at run time):

    .venv/bin/python scripts/build_event_tables.py [--shared ../shared]

Writes, under src/turnstone/extract/data/:
    cameo_codes.tsv   CAMEO code -> Goldstein score, PLOVER event, PLOVER mode (codes and numbers only)
    plover_scores.tsv PLOVER event, mode -> PLOVER score
"""

from __future__ import annotations

import argparse
import csv
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "turnstone" / "extract" / "data"
# The PLOVER manual's CAMEO->PLOVER table by two-digit root; 01 and 02 are dropped by PLOVER.
ROOT_TO_PLOVER = {
    "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID", "09": "ACCUSE",
    "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}


def crosswalk(path: Path) -> dict[str, tuple[str, str]]:
    """code -> (PLOVER event, mode) from CAMEO2PLOVER (the finer, code-level crosswalk)."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" not in line or not line[0].isdigit():
            continue
        code, rest = line.split(":", 1)
        parts = [p.strip() for p in rest.split(",")]
        event = parts[0]
        mode = parts[1].replace(" ", "") if len(parts) > 1 else ""
        table.setdefault(code.strip(), (event, mode))
    return table


def goldstein(path: Path) -> dict[str, float]:
    scores = {}
    for row in csv.reader(path.open(encoding="utf-8"), delimiter="\t"):
        if len(row) >= 2 and row[0].strip().isdigit():
            scores[row[0].strip()] = float(row[1])
    return scores


def plover_root(code: str) -> str:
    if code[:2] == "08":
        return "CONCEDE" if code[:3] in {"080", "081", "082", "083"} else "RETREAT"
    return ROOT_TO_PLOVER.get(code[:2], "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default_shared = os.environ.get("TURNSTONE_SHARED", str(ROOT / ".." / "shared"))
    parser.add_argument("--shared", default=default_shared)
    args = parser.parse_args()
    ref = Path(args.shared) / "reference"
    walk = crosswalk(ref / "cameo" / "CAMEO2PLOVER-2021.txt")
    gold = goldstein(ref / "cameo" / "CAMEO.goldsteinscale.txt")
    rows = list(csv.DictReader((ref / "plover" / "plover_event_mode_scores.csv").open(encoding="utf-8")))
    known_modes = {(r["plover_event"], r["mode"]) for r in rows}
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "cameo_codes.tsv").open("w", encoding="utf-8") as fh:
        fh.write("code\tgoldstein\tplover_event\tplover_mode\n")
        for code in sorted(gold):
            event, mode = walk.get(code, (plover_root(code), ""))
            if (event, mode) not in known_modes:  # e.g. "ease", dropped from PLOVER on 2021-09-17
                mode = ""
            fh.write(f"{code}\t{gold[code]}\t{event}\t{mode}\n")
    with (OUT / "plover_scores.tsv").open("w", encoding="utf-8") as fh:
        fh.write("event\tmode\tscore\n")
        for row in sorted(rows, key=lambda r: (r["plover_event"], r["mode"])):
            fh.write(f"{row['plover_event']}\t{row['mode']}\t{float(row['plover_score'])}\n")
    print(f"wrote {OUT / 'cameo_codes.tsv'} ({len(gold)} codes) and {OUT / 'plover_scores.tsv'} ({len(rows)} rows)")


if __name__ == "__main__":
    main()

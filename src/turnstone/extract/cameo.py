"""CAMEO and PLOVER lookups: Goldstein scores, PLOVER scores and the CAMEO -> PLOVER crosswalk.

The tables in ``data/`` are derived from the public CAMEO/PLOVER reference files by
``scripts/build_event_tables.py`` (codes and numbers only).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class CameoCode:
    code: str
    goldstein: float
    plover_event: str | None
    plover_mode: str | None


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """Every CAMEO code (2-4 digits) with its Goldstein score and PLOVER equivalent."""
    table = {}
    with (DATA / "cameo_codes.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            table[row["code"]] = CameoCode(row["code"], float(row["goldstein"]),
                                           row["plover_event"] or None, row["plover_mode"] or None)
    return table


@lru_cache(maxsize=1)
def plover_score_table() -> dict[tuple[str, str], float]:
    with (DATA / "plover_scores.tsv").open(encoding="utf-8") as fh:
        return {(r["event"], r["mode"]): float(r["score"]) for r in csv.DictReader(fh, delimiter="\t")}


def goldstein(code: str | None) -> float | None:
    """The Goldstein score of a CAMEO code, falling back to its parent code."""
    table = cameo_table()
    while code:
        if code in table:
            return table[code].goldstein
        code = code[:-1]
    return None


def plover_score(event: str, mode: str | None = None) -> float | None:
    """The PLOVER intensity score of an event type and mode (the type's score for unknown modes)."""
    table = plover_score_table()
    return table.get((event, mode or ""), table.get((event, "")))


def plover_for_cameo(code: str) -> str | None:
    """The PLOVER type of a CAMEO code (None for the dropped 01 statement and 02 appeal roots)."""
    table = cameo_table()
    while code:
        if code in table:
            return table[code].plover_event
        code = code[:-1]
    return None


def plover_types_for_root(root: str) -> set[str]:
    """PLOVER types a CAMEO two-digit root maps to (08 YIELD splits into CONCEDE and RETREAT)."""
    return {c.plover_event for c in cameo_table().values() if c.code[:2] == root[:2] and c.plover_event}

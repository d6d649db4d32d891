"""TempEval-3 (TimeBank + AQUAINT) for the times stage: span F1 and TIMEX3 value accuracy.

Each document is normalised against its own creation time (DCT), as the task defines. Reports
strict and relaxed (overlap) span P/R/F1, type accuracy, value accuracy over matched expressions
and value P/R/F1 (a system expression counts when it overlaps a gold one and has its exact value),
the TempEval-3 "value F1". With ``--dateparser`` it also measures dateparser's value accuracy on
the gold spans, the baseline we decided against.

    .venv/bin/python evals/time_tempeval3.py [--errors N] [--dateparser]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import os
import re
import sys
import time
from pathlib import Path

from turnstone.extract.timex import find_timexes

SHARED = Path(os.environ.get("TURNSTONE_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
CORPUS = SHARED / "corpora" / "tempeval3" / "Training" / "TBAQ-cleaned"
CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> tuple[str, dt.date, list[tuple[int, int, str, str]]]:
    """Plain text of <TEXT>, the DCT and the gold TIMEX3s as (start, end, type, value)."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.DOTALL)
    if not dct_m:
        raise ValueError(f"{path}: no DCT")
    body = raw.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    out: list[str] = []
    pos = 0
    length = 0
    gold: list[tuple[int, int, str, str]] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for m in TAG.finditer(body):
        chunk = _unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            if open_timex:
                attrs = open_timex[1]
                gold.append((open_timex[0], length, attrs.get("type", ""), canonical(attrs.get("value", ""))))
            open_timex = None
        else:
            open_timex = (length, dict(ATTR.findall(m.group(3))))
    out.append(_unescape(body[pos:]))
    return "".join(out), dt.date.fromisoformat(dct_m.group(1)), gold


def _unescape(s: str) -> str:
    return s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")


def canonical(value: str) -> str:
    """Gold values written two ways for one thing: ISO week numbers with and without a zero ('W7', 'W07')."""
    return re.sub(r"-W(\d)(?=$|-)", r"-W0\1", value)


def prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", type=int, default=0, help="print this many value errors and misses")
    ap.add_argument("--dateparser", action="store_true", help="also measure dateparser on the gold spans")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"SKIP: TempEval-3 corpus not found at {CORPUS}")
        return 0
    files = sorted(CORPUS.glob("*/*.tml"))
    n_gold = n_sys = strict = relaxed_gold = relaxed_sys = 0
    matched = type_ok = value_ok = value_sys_ok = 0
    errors: list[str] = []
    misses: collections.Counter[str] = collections.Counter()
    false: collections.Counter[str] = collections.Counter()
    dp_total = dp_ok = 0
    cal_total = cal_ok = 0  # ours on the spans dateparser is measured on
    started = time.perf_counter()
    for path in files:
        text, dct, gold = read_tml(path)
        system = find_timexes(text, dct)
        n_gold += len(gold)
        n_sys += len(system)
        for gs, ge, gtype, gvalue in gold:
            hits = [s for s in system if s.start < ge and gs < s.end]
            if gtype == "DATE" and CALENDAR.match(gvalue):
                cal_total += 1
                cal_ok += any(s.value == gvalue for s in hits)
            if not hits:
                misses[text[gs:ge].lower()] += 1
                continue
            relaxed_gold += 1
            best = next((s for s in hits if s.value == gvalue), hits[0])
            strict += any(s.start == gs and s.end == ge for s in hits)
            matched += 1
            type_ok += best.type == gtype
            if best.value == gvalue:
                value_ok += 1
            else:
                errors.append(f"{path.stem} DCT={dct} {text[gs:ge]!r}/{best.text!r}: got {best.type} {best.value}, "
                              f"want {gtype} {gvalue}")
        for s in system:
            hits = [g for g in gold if s.start < g[1] and g[0] < s.end]
            if hits:
                relaxed_sys += 1
                value_sys_ok += any(g[3] == s.value for g in hits)
            else:
                false[s.text.lower()] += 1
        if args.dateparser:
            dp_total, dp_ok = _dateparser_on(text, dct, gold, dp_total, dp_ok)
    seconds = time.perf_counter() - started
    sp, sr, sf = prf(strict, n_sys, n_gold)
    rp, rr = relaxed_sys / n_sys if n_sys else 0.0, relaxed_gold / n_gold if n_gold else 0.0
    rf = 2 * rp * rr / (rp + rr) if rp + rr else 0.0
    vp, vr = value_sys_ok / n_sys if n_sys else 0.0, value_ok / n_gold if n_gold else 0.0
    vf = 2 * vp * vr / (vp + vr) if vp + vr else 0.0
    print(f"TempEval-3 TBAQ-cleaned: {len(files)} documents, {n_gold} gold TIMEX3, {n_sys} system ({seconds:.1f}s)")
    print(f"span strict   P={sp:.3f} R={sr:.3f} F1={sf:.3f}")
    print(f"span relaxed  P={rp:.3f} R={rr:.3f} F1={rf:.3f}")
    print(f"type accuracy (matched)  {type_ok / matched:.3f}")
    print(f"value accuracy (matched) {value_ok / matched:.3f}")
    print(f"value         P={vp:.3f} R={vr:.3f} F1={vf:.3f}")
    if args.dateparser:
        print(f"calendar DATE values (YYYY[-MM[-DD]]), given the gold span: dateparser {dp_ok}/{dp_total} = "
              f"{dp_ok / max(dp_total, 1):.3f}; turnstone (own spans) {cal_ok}/{cal_total} = {cal_ok / max(cal_total, 1):.3f}")
    if args.errors:
        print("\nmost missed:", misses.most_common(args.errors))
        print("\nmost false:", false.most_common(args.errors))
        print("\nvalue errors:")
        for line in errors[: args.errors]:
            print(" ", line)
    return 0


def _dateparser_on(text: str, dct: dt.date, gold: list[tuple[int, int, str, str]], total: int,
                   ok: int) -> tuple[int, int]:
    """dateparser given the gold span and the DCT, scored at the gold value's precision."""
    import dateparser

    base = dt.datetime(dct.year, dct.month, dct.day, 12)
    for gs, ge, gtype, gvalue in gold:
        if gtype != "DATE" or not CALENDAR.match(gvalue):
            continue
        total += 1
        parsed = dateparser.parse(text[gs:ge], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        if parsed is not None and parsed.date().isoformat()[: len(gvalue)] == gvalue:
            ok += 1
    return total, ok


if __name__ == "__main__":
    sys.exit(main())

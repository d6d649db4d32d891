"""The scan filter of the TIMEX3 grammar: rules run only where their words are, with the same matches."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from turnstone.extract.timex import NOT_TIME_RULE, RULES
from turnstone.extract.timex_grammar import Rule
from turnstone.extract.timex_scan import SCAN_MARGIN, ScanPlan

ROOT = Path(__file__).resolve().parents[2]
SCANNED = [*RULES, NOT_TIME_RULE]
SHARED = Path(os.environ.get("TURNSTONE_SHARED", ROOT / ".." / "shared"))
TEMPEVAL = SHARED / "corpora" / "tempeval3" / "Training" / "TBAQ-cleaned" / "TimeBank"


def spans(plan: ScanPlan, rule: Rule) -> list[tuple[int, int]]:
    return [m.span() for m in plan.matches(rule)]


def whole(text: str, rule: Rule) -> list[tuple[int, int]]:
    return [m.span() for m in rule.pattern.finditer(text)]


def rule_named(name: str) -> Rule:
    return next(r for r in RULES if r.name == name)


def test_timex_scan_every_rule_names_its_words() -> None:
    assert all(r.needs for r in SCANNED), [r.name for r in SCANNED if not r.needs]


def test_timex_scan_skips_lines_without_the_rule_words() -> None:
    filler = "A source close to the talks said the envoys disagreed. " * 3
    line = "Profits rose in the third quarter."
    text = f"{filler}\n{line}\n{filler}"
    plan = ScanPlan(text)
    quarter = rule_named("quarter")
    (start, end), = plan.ranges(quarter)
    assert start == text.index(line) - SCAN_MARGIN and text[start:end].endswith(f"\n{line}\n")
    assert spans(plan, quarter) == whole(text, quarter) != []
    assert plan.ranges(rule_named("season")) == ()


def test_timex_scan_look_behind_and_look_ahead_see_past_the_paragraph() -> None:
    # "2015 people" is a count, not a year: the look-ahead must read on into the next paragraph's text
    filler = "The envoys disagreed about everything that was put to them. " * 3
    text = f"{filler}\n\nThey counted 2015\n\npeople at the rally.\n\n{filler}"
    plan = ScanPlan(text)
    year = rule_named("year")
    assert spans(plan, year) == whole(text, year) == []


def test_timex_scan_close_paragraphs_are_one_stretch() -> None:
    text = "In March.\n\nOk.\n\nIn May."
    ranges = ScanPlan(text).ranges(rule_named("bare_month"))
    assert len(text) < SCAN_MARGIN and ranges == ((0, len(text)),)


def test_timex_scan_length_changing_lowercase_scans_everything() -> None:
    text = "İstanbul talks.\n\n" + "Nothing here at all, said the envoys. " * 4 + "\n\nThey met in March."
    plan = ScanPlan(text)
    assert not plan.exact
    assert plan.ranges(rule_named("bare_month")) == ((0, len(text)),)


@pytest.fixture(scope="module")
def timebank_texts() -> list[str]:
    if not TEMPEVAL.exists():
        pytest.skip(f"TempEval-3 corpus not found at {TEMPEVAL}")
    sys.path.insert(0, str(ROOT / "evals"))
    from time_tempeval3 import read_tml

    return [read_tml(path)[0] for path in sorted(TEMPEVAL.glob("*.tml"))[:60]]


def test_timex_scan_same_matches_as_a_whole_text_scan_on_timebank(timebank_texts: list[str]) -> None:
    differing = []
    for text in timebank_texts:
        plan = ScanPlan(text)
        differing += [(r.name, text[:40]) for r in SCANNED if spans(plan, r) != whole(text, r)]
    assert differing == []


def test_timex_scan_needs_cover_every_timebank_match(timebank_texts: list[str]) -> None:
    # each match holds one word of every group its rule needs (the filter's premise)
    missing = []
    for text in timebank_texts:
        for r in SCANNED:
            for m in r.pattern.finditer(text):
                found = m.group(0).lower()
                for group in r.needs:
                    if not any(re.search(r"\d", found) if w == "#" else w in found for w in group):
                        missing.append((r.name, m.group(0)))
    assert missing == []


def test_timex_scan_a_match_may_start_on_the_line_before_its_words() -> None:
    filler = "A source close to the talks said the envoys disagreed. " * 3
    text = f"{filler}\nThe strike lasted two\ndays, officials said.\n{filler}"
    plan = ScanPlan(text)
    duration = rule_named("duration")
    assert [text[s:e] for s, e in spans(plan, duration)] == ["two\ndays"]

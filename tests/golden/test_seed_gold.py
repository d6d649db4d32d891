"""The golden tests: gold articles scored against their floors may only get better."""

from __future__ import annotations

import json

import pytest
from eval_gate import BASELINE, below_floor, current_scores, gold_sets


def test_seed_gold_scores_stay_above_their_floors(seed_gold):
    floors = json.loads(BASELINE.read_text())["shared"]
    assert not below_floor(current_scores([seed_gold]), floors)


def test_seed_gold_samples_stay_above_their_floors():
    floors = json.loads(BASELINE.read_text())["samples"]
    assert not below_floor(current_scores(gold_sets()["samples"]), floors)


def test_seed_gold_heldout_stay_above_their_floors():
    floors = json.loads(BASELINE.read_text())["heldout"]
    assert not below_floor(current_scores(gold_sets()["heldout"]), floors)


def test_seed_gold_drops_the_promo_lines(seed_result):
    article, gold = seed_result
    assert sorted(r.text for r in article.removed) == sorted(gold["boilerplate"])
    for line in gold["boilerplate"]:
        assert line not in article.text


@pytest.mark.parametrize("section", ["entities", "quotes", "times", "places", "events"])
def test_seed_gold_every_required_item_found(seed_result, section):
    # The seed article is the contract of issue 2: each required item must be found.
    from turnstone.evaluate import SECTIONS

    article, gold = seed_result
    tally = SECTIONS[section](article, gold)
    assert not tally.missed, tally.missed

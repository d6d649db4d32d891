"""The golden test: the seed article scored against its gold file may only get better."""

from __future__ import annotations

import json

from eval_gate import BASELINE, below_floor, current_scores


def test_seed_gold_scores_stay_above_their_floors(seed_gold):
    floors = json.loads(BASELINE.read_text())
    scores = current_scores(seed_gold.parent)
    assert not below_floor(scores, floors)


def test_seed_gold_drops_the_promo_lines(seed_result):
    article, gold = seed_result
    assert sorted(r.text for r in article.removed) == sorted(gold["boilerplate"])
    for line in gold["boilerplate"]:
        assert line not in article.text

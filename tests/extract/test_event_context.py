"""Tests for the story-context helpers of event coding."""

from __future__ import annotations

import spacy

from turnstone.extract.event_context import aimed


def test_event_context_aimed_tells_targets_from_dates() -> None:
    nlp = spacy.blank("en")
    dated = nlp("fired two missiles into the sea on Tuesday morning")
    targeted = nlp("fired two missiles at a ship on Tuesday")
    on_place = nlp("fired rockets on the capital")
    assert not aimed(dated, 1, len(dated))
    assert aimed(targeted, 1, len(targeted))
    assert aimed(on_place, 1, len(on_place))

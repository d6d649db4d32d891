"""Every span of every article we have satisfies text[start:end] == span text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from turnstone.core import process_article
from turnstone.model import Article
from turnstone.samples import sample_articles


def spans(article: Article):  # type: ignore[no-untyped-def]
    for e in article.entities:
        for m in e.mentions:
            yield "mention", m.start, m.end, m.text
    for q in article.quotes:
        yield "quote", q.start, q.end, q.text
        if q.cue:
            yield "cue", q.cue.start, q.cue.end, q.cue.text
    for t in article.times:
        yield "time", t.start, t.end, t.text
    for p in article.places:
        yield "place", p.start, p.end, p.text
    for v in article.events:
        yield "evidence", v.evidence.start, v.evidence.end, v.evidence.text


def assert_offsets(article: Article) -> None:
    for kind, start, end, text in spans(article):
        assert article.text[start:end] == text, f"{article.id}: {kind} {start}:{end} {text!r}"


@pytest.mark.parametrize("article", list(sample_articles()), ids=lambda a: a.id)
def test_offsets_sample_articles(article):
    assert_offsets(process_article(article))


def test_offsets_gold_articles(gold_files):
    from turnstone.evaluate import run_gold

    for path in gold_files:
        article, _ = run_gold(path)
        assert_offsets(article)


def test_offsets_removed_index_the_raw_input(seed_gold):
    from turnstone.ingest.clean import clean_text

    gold = json.loads(seed_gold.read_text())
    raw = (seed_gold.parent / gold["article"]["file"]).read_text(encoding="utf-8")
    for r in clean_text(raw).removed:
        assert raw[r.start:r.end] == r.text


HELDOUT = sorted((Path(__file__).parent / "heldout").glob("*.gold.json"))


@pytest.mark.parametrize("gold_path", HELDOUT, ids=lambda p: p.name)
def test_offsets_heldout_articles(gold_path):
    from turnstone.evaluate import run_gold

    article, _ = run_gold(gold_path)
    assert_offsets(article)

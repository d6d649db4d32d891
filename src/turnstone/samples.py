"""Sample articles shipped with Turnstone, written by the Turnstone authors for demos and tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from .ingest.readers import article_from_record
from .model import Article

SAMPLES = Path(__file__).parent / "sample_data" / "articles.jsonl"


def sample_articles() -> Iterator[Article]:
    for number, line in enumerate(SAMPLES.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            yield article_from_record(json.loads(line), source_name=str(SAMPLES), line=number)

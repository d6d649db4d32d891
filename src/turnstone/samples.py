"""Sample articles shipped with Turnstone, written by the Turnstone authors for demos and tests.

Each sample is a ``.txt`` file (first line the headline) with a hand-made gold annotation beside
it (``.gold.json``, the format of the project's gold articles), so ``turnstone eval`` can score
the pipeline on them anywhere, without the shared reference data.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from .ingest.readers import article_from_text
from .model import Article

SAMPLE_DIR = Path(__file__).parent / "sample_data"


def sample_gold_files() -> list[Path]:
    return sorted(SAMPLE_DIR.glob("*.gold.json"))


def sample_articles() -> Iterator[Article]:
    for gold_path in sample_gold_files():
        meta = json.loads(gold_path.read_text(encoding="utf-8"))["article"]
        path = SAMPLE_DIR / meta["file"]
        article = article_from_text(path.read_text(encoding="utf-8"), source_name=str(path),
                                    id=path.stem, published=meta["published"], source=meta.get("source"))
        yield article

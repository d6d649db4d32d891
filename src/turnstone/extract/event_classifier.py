"""A statistical PLOVER type classifier for sentences, as a second opinion on lexicon triggers.

The model (``data/event_classifier.npz``, card in ``data/event_classifier.md``) is TF-IDF over
word uni- and bigrams with multinomial logistic regression, trained by
``training/event_classifier.py`` on the PLOVER project's machine-generated example stories. It
is stored as plain arrays and scored here with numpy only, the same way scikit-learn scores it
(a test checks that they agree).

On real sentences it is a weak judge of the type (PETR2 GSR: its top type is one of the
expected types for 0.28 of the sentences; the lexicon finds 0.77 of the expected events with
the right parties), and ``evals/events_classifier.py`` shows that neither a veto on low-probability
events nor breaking ties between two types read from one phrase improves the events stage, so
the stage does not use it. It is shipped for users and for that measurement.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

LOGGER = logging.getLogger(__name__)
MODEL_PATH = Path(__file__).parent / "data" / "event_classifier.npz"
TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern, used in training


@dataclass(frozen=True)
class SentenceClassifier:
    """The exported model: term index, idf, weights (classes x terms), bias, class names."""

    index: dict[str, int]
    idf: Any
    weights: Any
    bias: Any
    classes: tuple[str, ...]
    meta: dict[str, Any]

    def probabilities(self, text: str) -> dict[str, float]:
        """PLOVER type -> probability for one sentence (all 16 types; they sum to 1)."""
        words = TOKEN.findall(text.lower())
        counts = Counter(words + [f"{a} {b}" for a, b in pairwise(words)])
        cols, vals = [], []
        for term, n in counts.items():
            j = self.index.get(term)
            if j is not None:
                cols.append(j)
                vals.append((1.0 + math.log(n)) * float(self.idf[j]))
        scores = self.bias.astype(np.float64)
        if cols:
            x = np.asarray(vals, dtype=np.float64)
            x /= np.linalg.norm(x)
            scores = scores + self.weights[:, cols].astype(np.float64) @ x
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return {c: float(p) for c, p in zip(self.classes, scores)}


@lru_cache(maxsize=2)
def load_classifier(path: Path = MODEL_PATH) -> SentenceClassifier | None:
    """The shipped classifier, or None (logged) where the file is missing."""
    if not path.exists():
        LOGGER.warning("event classifier %s not found; run `make event-model`", path)
        return None
    with np.load(path, allow_pickle=False) as data:
        terms = [str(t) for t in data["terms"]]
        return SentenceClassifier(index={t: i for i, t in enumerate(terms)}, idf=data["idf"],
                                  weights=data["weights"], bias=data["bias"],
                                  classes=tuple(str(c) for c in data["classes"]),
                                  meta=json.loads(str(data["meta"])))


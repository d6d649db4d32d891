"""Where in a text each rule of the TIMEX3 grammar is worth running: a filter for speed only.

Running some thirty regular expressions over every character of an article cost about 9 ms per
PolNeAR article, most of it on lines that hold no time at all ("..., a source said."). Each rule
names words a match cannot do without (:attr:`Rule.needs`: "quarter|period", a digit); a plain
substring search (``str.find`` on the lower-cased text) finds the lines (paragraphs, in cleaned
news) holding them, and the rule's pattern runs over those lines only, from a margin before each
(a match may start on the line before its words: "two\\ndays" in wrapped text) to a margin after
it (look-aheads such as "2015 (?!people)"). Look-behinds and ``\\b`` see the text before a
stretch (``finditer`` with ``pos``); lines closer than the margin are scanned as one stretch.
The matches are the ones a scan of the whole text gives, unless a match is longer than the
margin, which no rule is written to find.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from .timex_grammar import DIGIT, Rule

NEWLINE = re.compile(r"\n")
DIGITS = re.compile(r"\d+")
# How far before and after a line a scan reads; lines closer than this are scanned together, so
# a scan never starts inside another's margin.
SCAN_MARGIN = 64

Ranges = tuple[tuple[int, int], ...]


class ScanPlan:
    """The lines of one text and, per rule, the stretches of it to scan."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = text.lower()
        starts = [0] + [m.end() for m in NEWLINE.finditer(text)]
        self.starts = starts
        self.spans = list(zip(starts, starts[1:] + [len(text)], strict=True))
        # Lower-casing that changes the length ('İ') would shift positions: scan everything then.
        self.exact = len(self.lower) == len(text)
        self._where: dict[str, set[int]] = {}
        self._ranges: dict[tuple[tuple[str, ...], ...], Ranges] = {}

    def _paragraphs_with(self, word: str) -> set[int]:
        """Indices of the lines holding ``word`` (a digit for ``#``)."""
        found = self._where.get(word)
        if found is not None:
            return found
        found = set()
        if word == DIGIT:
            positions: Iterator[int] = (m.start() for m in DIGITS.finditer(self.text))
        else:
            positions = self._positions(word)
        for pos in positions:
            found.add(bisect.bisect_right(self.starts, pos) - 1)
        self._where[word] = found
        return found

    def _positions(self, word: str) -> Iterator[int]:
        at = self.lower.find(word)
        while at >= 0:
            yield at
            # Skip to the next line: one hit per line is enough.
            nxt = bisect.bisect_right(self.starts, at)
            if nxt >= len(self.starts):
                return
            at = self.lower.find(word, self.starts[nxt])

    def ranges(self, rule: Rule) -> Ranges:
        """The (start, end) stretches to run ``rule`` over."""
        if not rule.needs or not self.exact:
            return ((0, len(self.text)),)
        cached = self._ranges.get(rule.needs)
        if cached is not None:
            return cached
        keep: set[int] | None = None
        for group in rule.needs:
            holding = set().union(*(self._paragraphs_with(word) for word in group))
            keep = holding if keep is None else keep & holding
        merged: list[tuple[int, int]] = []
        for i in sorted(keep or ()):
            start, end = self.spans[i]
            start = max(0, start - SCAN_MARGIN)
            if merged and start - merged[-1][1] < SCAN_MARGIN:
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        result = tuple(merged)
        self._ranges[rule.needs] = result
        return result

    def matches(self, rule: Rule) -> Iterator[re.Match[str]]:
        """The matches of ``rule.pattern`` over the whole text that start where the rule may match."""
        text = self.text
        for start, end in self.ranges(rule):
            if start == 0 and end == len(text):
                yield from rule.pattern.finditer(text)
                return
            for m in rule.pattern.finditer(text, start, min(len(text), end + SCAN_MARGIN)):
                if m.start() >= end:
                    break
                yield m

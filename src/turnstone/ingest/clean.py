"""Plain-text cleaning: drop promo and navigation lines, keep every real paragraph.

A line is dropped only when it matches a promo pattern or is an all-capitals headline (a
related-story link pasted into the body). Everything else stays, so a false drop is rare and a
missed promo line costs little. Dropped lines are listed with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Removed

PROMO_PATTERNS = [
    r"^(click|tap) here\b",
    r"^(read|see|watch) (more|also)\b",
    r"^(related|recommended|more|trending|advertisement|sponsored)( (stories|articles|coverage|content|reading))?\s*:?\s*$",
    r"^(related|more|read|also read|see also|watch)\s*:",
    r"^(sign up|subscribe)\b.*\b(newsletter|alerts?|updates)\b",
    r"^(follow|like) us on\b",
    r"^download (the|our) .*\bapp\b",
    r"^(share|share this|tweet|email|print|copy link)( (article|story))?$",
    r"^(advertisement|ad|sponsored content|story continues below)$",
    r"^(©|copyright)\s",
    r"all rights reserved\.?$",
    r"^(this|the) (story|article) (has been|was) (updated|corrected)\b",
]
_PROMO = [re.compile(p, re.IGNORECASE) for p in PROMO_PATTERNS]

# A headline pasted into the body is short and nearly all capitals; a real paragraph is neither.
# 0.85 keeps lines like "NATO SAID ... on Tuesday" (mixed) and drops "PETE HEGSETH: ... UKRAINE".
CAPS_SHARE = 0.85
MAX_HEADLINE_WORDS = 25


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    removed: list[Removed] = field(default_factory=list)


def promo_reason(line: str) -> str | None:
    """Why a line is boilerplate, or None when it is real text."""
    stripped = line.strip()
    if not stripped:
        return None
    if any(p.search(stripped) for p in _PROMO) and len(stripped.split()) <= 20:
        return "promo line"
    if is_caps_headline(stripped):
        return "related headline"
    return None


def is_caps_headline(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    words = line.split()
    if len(letters) < 8 or len(words) < 2 or len(words) > MAX_HEADLINE_WORDS:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= CAPS_SHARE


def looks_like_headline(line: str) -> bool:
    """A first line that is a title: short, no closing sentence punctuation."""
    s = line.strip()
    return 0 < len(s.split()) <= 20 and not re.search(r"[.!?:;,\"”’']\s*$", s)


def clean_text(raw: str, *, first_line_title: bool = True) -> Cleaned:
    """Normalise line endings, take a headline first line as the title, drop promo lines.

    Offsets in ``removed`` index the raw input (after line-ending normalisation).
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    kept: list[str] = []
    removed: list[Removed] = []
    title: str | None = None
    offset = 0
    lines = raw.split("\n")
    nonblank = [ln for ln in lines if ln.strip()]
    for line in lines:
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        if first_line_title and title is None and not kept and len(nonblank) > 1 and looks_like_headline(stripped) \
                and not promo_reason(stripped):
            title = stripped
            continue
        why = promo_reason(line)
        if why:
            removed.append(Removed(start=start, end=end, text=line, why=why))
            continue
        kept.append(line.rstrip())
    return Cleaned(text="\n".join(kept), title=title, removed=removed)

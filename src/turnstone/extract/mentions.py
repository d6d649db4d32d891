"""Finding mentions the NER may miss, and the words around a person's name.

Helpers of the entities stage: names after titles ("Gen. Keith Kellogg", "national security
adviser Jo Bloggs"), names introduced by an appositive ("Marc Fogel, an American teacher"),
later uses of a found surname, widening a name over the titles before it ("Russian President
Vladimir Putin") and reading appositives before or after it ("Trump's envoy, ...").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from ..kb.resolve import Resolution, scan
from ..kb.store import KnowledgeBase, norm

PARTICLES = {"bin", "ibn", "al", "el", "abu", "de", "da", "van", "von", "der", "la", "le", "di", "del", "dos"}

# A capitalised name: 1-4 words, allowing particles ("bin", "al-", "de la").
NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:bin|al|de|la|da|van|von|der|el)\s+)*(?:(?:al|el|ad|as|ash|abu|bin|ibn)-)?[A-Z][\w'’.-]*){0,3}"
# A run of capitalised words that may start with titles ("Armenian Prime Minister Aram Vardan").
CAPS = r"[A-Z][\w'’.-]*(?:\s+(?:(?:bin|al|de|la|da|van|von|der|el|of|and|for)\s+)*(?:(?:al|el|ad|as|ash|abu|bin|ibn)-)?[A-Z][\w'’.-]*){1,8}"
# ", an American teacher", ", the UN envoy", ", Angola's foreign minister"
_APPOSITIVE_AFTER = re.compile(r"^,\s+((?:an?|the|[A-Z][\w.-]*(?:'s|’s))\s+[^,;.\n]{2,80}?)"
                               r"(?=\s+(?:who|which|that|whose)\b|[,;.\n])")
_APPOSITIVE_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*(?:'s|’s)\s+)?[^,;.\n]{0,60}?),\s+$")


@lru_cache(maxsize=1 << 15)  # called on every capitalised word of an article; words repeat
def fold(name: str) -> str:
    """Spelling-variant key: accents, case, doubled letters and a final y/i ("Zelenskyy" = "Zelensky")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if c.isalpha() and not unicodedata.combining(c)).lower()
    text = re.sub(r"(.)\1+", r"\1", text)
    return re.sub(r"(?:iy|yi|ii|y)$", "i", text)


def titled_names(text: str, kb: KnowledgeBase, when: dt.date) -> list[tuple[int, int, str]]:
    """Names after a person title ("Gen. Keith Kellogg", "security adviser Jo Bloggs"), also in
    coordinations ("Vice President JD Vance and Secretary of State Marco Rubio's meeting")."""
    out: list[tuple[int, int, str]] = []
    queue = [(m.group(1), m.start(1)) for m in re.finditer(r"(?<![\w.])(" + CAPS + r")", text)]
    while queue:
        seq, offset = queue.pop(0)
        hits = scan(kb, seq, when)
        prefix_end, pos = 0, 0
        for h in hits:
            gap = seq[pos:h.start].strip(" -")
            if (gap and not (gap == "and" and h.kind == "title")) or h.kind not in ("title", "country", "org"):
                break
            prefix_end = pos = h.end
        titled = any(h.kind == "title" and h.end <= prefix_end for h in hits)
        if prefix_end == 0:  # a lower-case title just before: "national security adviser Jo Bloggs"
            before = text[max(0, offset - 40):offset]
            tail = scan(kb, before, when)
            titled = bool(tail) and tail[-1].kind == "title" and not before[tail[-1].end:].strip() and \
                (not tail[-1].text.endswith(".") or norm(tail[-1].text) in kb.titles)  # "envoy." ends a sentence
        rest_start = prefix_end + len(seq[prefix_end:]) - len(seq[prefix_end:].lstrip())
        rest = seq[rest_start:]
        cut = re.search(r"\s(?:and|of|for)\s", rest)
        if cut:  # the name ends at a conjunction; what follows may be another titled name
            queue.append((rest[cut.end():], offset + rest_start + cut.end()))
            rest = rest[:cut.start()]
        rest = re.sub(r"['’]s$", "", rest)
        if rest.endswith(".") and len(rest.split()[-1]) > 2:  # a sentence's full stop, not an initial
            rest = rest[:-1]
        words = rest.split()
        if titled and 2 <= len(words) <= 4 and not scan(kb, rest, when):
            start = offset + rest_start
            out.append((start, start + len(rest), "PERSON"))
    return out


_WORD = re.compile(r"\S+")
_WIDEN_STOP = re.compile(r"[,;:\"“”()]|\.$")  # a word that ends the titles before a name
_SPACE_OR_AND = re.compile(r"\s|\band\b")


def widen(text: str, start: int, kb: KnowledgeBase, when: dt.date) -> tuple[int, str | None]:
    """Move a person mention's start left over titles and nationality words before it."""
    line_start = text.rfind("\n", 0, start) + 1
    left = text[line_start:start]
    words = list(_WORD.finditer(left))
    best, title = start, None
    for k in range(len(words) - 1, max(-1, len(words) - 8), -1):
        if _WIDEN_STOP.search(words[k].group()) and not is_abbreviation(words[k].group(), kb, when):
            break
        phrase = left[words[k].start():].rstrip()
        hits = scan(kb, phrase, when)
        if not hits or hits[0].start != 0:
            continue
        covered = sum(h.end - h.start for h in hits)
        letters = len(_SPACE_OR_AND.sub("", phrase))
        if covered < letters:
            continue
        if not any(h.kind == "title" for h in hits) or any(h.kind == "person" for h in hits):
            continue
        best = line_start + words[k].start()
        title = last_run(phrase, [h for h in hits if h.kind in ("title", "org")])
    return best, title


def is_abbreviation(word: str, kb: KnowledgeBase, when: dt.date) -> bool:
    """ "Gen." or "U.S." rather than the end of a sentence."""
    if not word.endswith("."):
        return False
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", word)) or norm(word) in kb.titles or \
        kb.country_of_word(word) is not None


def last_run(phrase: str, hits: list) -> str | None:  # type: ignore[type-arg]
    """The last run of adjacent title/org words: "Ambassador and Special Envoy" -> "Special Envoy"."""
    if not hits:
        return None
    end_hit = hits[-1]
    if end_hit.kind != "title":
        return None
    start = end_hit.start
    for h in reversed(hits[:-1]):
        if phrase[h.end:start].strip():
            break
        start = h.start
    return phrase[start:end_hit.end]


def appositive_title(appos: str, kb: KnowledgeBase, when: dt.date) -> str | None:
    """ "Trump's Russia-Ukraine envoy" -> "Russia-Ukraine envoy"; "an American teacher" -> "teacher"."""
    hits = [h for h in scan(kb, appos, when) if not h.possessive]
    titles = [h for h in hits if h.kind == "title"]
    if not titles:
        return None
    first = titles[0]
    for h in reversed([h for h in hits if h.end <= first.start]):
        if h.kind != "country" or h.detail in ("demonym", "people") or appos[h.end:first.start].strip(" -"):
            break
        first = h
    return appos[first.start:titles[-1].end]


def appositive(text: str, start: int, end: int, kb: KnowledgeBase, when: dt.date) -> str | None:
    """", an American teacher who ..." after a name, or "Trump's envoy, " before it.

    A phrase before the name counts only when it ends in a title and the name is closed by a
    comma or the sentence's end, so "to end Russia's war in Ukraine, President X said" is not one.
    """
    m = _APPOSITIVE_AFTER.match(text[end:end + 120])
    if m:
        return m.group(1)
    if not re.match(r"\s*(?:[,.;]|$)", text[end:end + 2]):
        return None
    line_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    m = _APPOSITIVE_BEFORE.search(text[line_start:start])
    if m and m.group(1).strip():
        before = m.group(1).strip().split(",")[-1].strip()
        hits = scan(kb, before, when)
        if hits and hits[-1].kind == "title" and not before[hits[-1].end:].strip():
            return before
        titles = [h for h in hits if h.kind == "title"]
        if titles and _PLACE_TAIL.fullmatch(before[titles[-1].end:]):
            # "The US commander in Iraq, General X": the place says where he serves, not whose
            # he is, so the phrase ends at its title and its nationality word codes him
            return before[:titles[-1].end]
    return None


# A title's place: "commander in Iraq", "envoy to the Middle East" (1-4 capitalised words).
_PLACE_TAIL = re.compile(r"\s+(?:in|to|for|at|on)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*")


def appositive_names(text: str, kb: KnowledgeBase, when: dt.date) -> list[tuple[int, int, str]]:
    """ "Marc Fogel, an American teacher", "Jo Kim, the sister of leader X": a name followed by a
    person appositive (with "the", only one naming an office or a known person)."""
    out = []
    for m in re.finditer(r"(?<![\w.])(" + NAME + r")(?=,\s+(?:an?|the|[A-Z][\w.-]*(?:'s|’s))\s)", text):
        name = m.group(1)
        if len(name.split()) < 2 or scan(kb, name, when):
            continue
        appos = _APPOSITIVE_AFTER.match(text[m.end():m.end() + 120])
        if appos is None:
            continue
        hits = scan(kb, appos.group(1), when)
        definite = appos.group(1).lower().startswith("the ")
        if any(h.kind in ("title", "person") for h in hits) or \
                (not definite and any(h.kind == "country" and h.detail == "demonym" for h in hits)):
            out.append((m.start(1), m.end(1), "PERSON"))
    return out


def repeated_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Later uses of a found person's surname or full name that the NER missed ("Quill")."""
    names = {text[s:e] for s, e, label in spans if label == "PERSON"}
    forms = {w for n in names for w in (n, surname(n)) if len(n.split()) > 1 and any(p[:1].isupper() for p in w.split()) and len(w) > 2}
    taken = [(s, e) for s, e, _ in spans]
    out: list[tuple[int, int, str]] = []
    variants = {fold(w): w for w in forms if " " not in w}
    for m in re.finditer(r"(?<![\w-])[A-Z][\w'’-]+", text):  # spelling variants: "Zelenskyy" for "Zelensky"
        if m.group() not in forms and fold(m.group()) in variants and \
                not any(s < m.end() and m.start() < e for s, e in taken):
            out.append((m.start(), m.end(), "PERSON"))
            taken.append((m.start(), m.end()))
    for form in sorted(forms, key=len, reverse=True):
        for start, end in whole_word_occurrences(text, form):
            if not any(s < end and start < e for s, e in taken):
                out.append((start, end, "PERSON"))
                taken.append((start, end))
    return out


_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def whole_word_occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Where ``form`` stands as a whole word (no word character or hyphen on either side), left to
    right without overlaps; a lower-case first letter also matches its capital ("bin Laden" /
    "Bin Laden" at a sentence start). Found with ``str.find``: a regex per name cost a compile
    for nearly every person of every article."""
    n = len(form)
    if not n:
        return []
    # the first letter, when lower case, is compared as the regex ``(?i:x)`` compares it
    first = re.compile("(?i:" + re.escape(form[0]) + ")") if form[0].islower() else None
    rest, shift = (form[1:], 1) if first is not None else (form, 0)
    out: list[tuple[int, int]] = []
    pos = 0
    while (found := text.find(rest, pos + shift)) >= 0:
        p = found - shift
        if (first is None or first.match(text, p)) and (p == 0 or not _WORD_OR_HYPHEN.match(text, p - 1)) \
                and not _WORD_OR_HYPHEN.match(text, p + n):
            out.append((p, p + n))
            pos = p + n
        else:
            pos = p + 1
    return out


def surname(name: str) -> str:
    """The last name with its particle: "Osama bin Laden" -> "bin Laden"; "Marc Fogel" -> "Fogel"."""
    words = name.split()
    if len(words) > 2 and words[-2].lower() in PARTICLES:
        return " ".join(words[-2:])
    return words[-1]


def name_end(text: str, end: int) -> int:
    """Extend a name over what the NER left out: a particle ("Abdel Fattah" + " al-Burhan") or
    the second part of a hyphenated given name ("Kim Yong" + "-hyun")."""
    m = re.match(r"\s+(?:(?:al|el|ad|as|ash|abu|bin|ibn)-|(?:bin|ibn|abu|al|el|de|da|van|von)\s+)[A-Z][\w'’-]+", text[end:]) \
        or re.match(r"-[a-z]+\b", text[end:])
    return end + m.end() if m else end


def name_after_title(surface: str, res: Resolution) -> int | None:
    """Where a name starts after the last title of an NER organisation ("Senior Colonel Shi Yi"),
    when only capitalised words that nothing in the knowledge base explains follow it."""
    titles = [h for h in res.hits if h.kind == "title"]
    if not titles or res.type != "PERSON" or any(h.start >= titles[-1].end for h in res.hits):
        return None
    rest = surface[titles[-1].end:]
    words = rest.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return None
    return titles[-1].end + len(rest) - len(rest.lstrip())

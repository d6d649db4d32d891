"""In-document coreference for the entities stage: titles ("the president") and pronouns.

Rules, in order (each measured on the gold seed article and PolNeAR-style news):

* a definite title ("the secretary", "the Russian president") refers to the most recently
  mentioned person whose title contains the same words and, when the phrase names a country,
  of that country; an unqualified title prefers people of the article's home country
  ("the president" in a US story is the US president even when a foreign president was
  named since). With no such person, the knowledge base's office holder on the article's
  date is used when the title names a country. A title with its own appositive name
  ("The spokesman, Omar Haddad, said") refers back to no one: the name is the mention.
* a subject pronoun (he/she) outside quotation marks refers to the first person mentioned
  earlier in its own sentence, else to the subject (first person) of the nearest earlier
  sentence that mentions a person.
* "it"/"they" as the subject of a speech verb, and "its" opening what a body reports
  ("MONUSCO said one of its bases ..."), refer to the first organisation or country of the
  sentence (else of the nearest earlier sentence with one); "its" goes to the speaker itself
  when an organisation or country is named right before the speech verb.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..analyze.doc_cache import token_values
from ..kb.resolve import scan
from ..kb.store import KnowledgeBase, norm
from .quote_text import ABBREVIATIONS, find_marked, paragraphs

PRONOUNS = {"he", "she"}
# "it"/"they" are resolved only as the subject of a speech or accusation verb ("It said",
# "they added"), where they stand for an organisation or a country; elsewhere "it" is too often
# expletive ("it is time") to resolve by rule.
GROUP_PRONOUNS = {"it", "they"}
_SPEECH = (r"\s+(?:also\s+|later\s+|then\s+|had\s+|has\s+|have\s+)?(?:said|says|added|announced|warned|stated|"
           r"denied|accused|claimed|told|urged|called|rejected|insisted|demanded|confirmed)\b")
# Titles that name one person ("the president"), not a body ("the government").
_GROUP_TITLES = {"government", "administration", "cabinet", "ministry", "foreign ministry", "authorities", "regime",
                 "junta", "officials", "official", "court", "parliament", "party", "supreme court", "leader",
                 "national", "citizen", "resident", "worker", "counterpart", "deputy", "representative", "major",
                 "justice", "speaker", "executive", "attorney", "aide", "adviser", "advisor", "diplomat"}
_MODIFIERS = {"vice", "deputy", "former", "acting", "interim"}
# The words of a name after a title: capitalised, up to five ("Gen. Joseph F. Dunford Jr.").
_NAME_WORD = re.compile(r"[A-Z][\w’'.-]*")
_MAX_NAME_WORDS = 5


@dataclass
class Ref:
    """A title or pronoun mention to attach to an entity."""

    start: int
    end: int
    text: str
    kind: str  # title | pronoun | group (it/they)
    title_words: tuple[str, ...] = ()
    country: str | None = None
    said_at: int | None = None  # "its" after a speech verb: where that verb's phrase starts


def title_refs(text: str, kb: KnowledgeBase, when: dt.date, taken: list[tuple[int, int]]) -> list[Ref]:
    """Definite person titles: "the president", "The secretary", "the Russian foreign minister"."""
    refs = []
    for m in re.finditer(r"\b[Tt]he\s+", text):
        window = re.split(r"[,.;:!?\"“”()\n]", text[m.end():m.end() + 60], maxsplit=1)[0]
        run, pos = [], 0
        for h in scan(kb, window, when, leading=True):  # only the run the window opens with counts
            if window[pos:h.start].strip() or h.kind not in ("title", "country"):
                break
            run.append(h)
            pos = h.end
        titles = [h for h in run if h.kind == "title"]
        if not titles or run[-1].kind != "title" or norm(titles[-1].text) in _GROUP_TITLES:
            continue
        end = m.end() + run[-1].end
        if any(s < end and m.start() < e for s, e in taken):
            continue
        if re.match(r"\s+(?:[A-Z][a-z]+|of\b|for\b|to\b)", text[end:end + 30]):  # a name or "of State" follows
            continue
        if appositive_name_follows(text, end):
            continue  # "The spokesman, Omar Haddad, said": the name is the mention
        words = tuple(norm(h.text) for h in titles)
        country = next((h.code for h in run if h.kind == "country"), None)
        refs.append(Ref(m.start(), end, text[m.start():end], "title", words, country))
    return refs


def appositive_name_follows(text: str, end: int) -> bool:
    """Whether the title ending at ``end`` has its own appositive name after it (", Omar Haddad,"
    or "…, said the spokesman, Omar Haddad."): then it introduces that person and refers back
    to no one. A period closes the name only after a word that is no abbreviation ("Sen.", "Mr.")
    and before no lower-case word."""
    m = re.match(r",[ \t]+", text[end:end + 3])
    if m is None:
        return False
    pos = end + m.end()
    for _ in range(_MAX_NAME_WORDS):
        word = _NAME_WORD.match(text, pos)
        if word is None:
            return False
        after = text[word.end():word.end() + 2]
        if after[:1] in {",", ";", ")", "—", "–"}:
            return True
        stem = word.group()[:-1] if word.group().endswith(".") else ""
        if stem and len(stem) > 1 and stem.lower() not in ABBREVIATIONS \
                and not re.match(r"\s*[a-z]", text[word.end():word.end() + 3]):
            return True
        if not after[:1].isspace():
            return False
        pos = word.end() + 1
    return False


def pronoun_refs(text: str, doc: Any) -> list[Ref]:
    """Subject pronouns outside quotation marks; with a parse, only those tagged as subjects."""
    quoted = _quoted_regions(text)
    subjects = None
    if doc is not None and getattr(doc, "has_annotation", lambda _: False)("DEP"):
        deps, words, offsets = token_values(doc, "dep_"), token_values(doc, "lower_"), token_values(doc, "idx")
        subjects = {offsets[k] for k, dep in enumerate(deps) if dep in ("nsubj", "nsubjpass") and words[k] in PRONOUNS}
    refs = []
    for m in re.finditer(r"\b([Hh]e|[Ss]he)\b", text):
        if any(s <= m.start() < e for s, e in quoted):
            continue
        if subjects is not None and m.start() not in subjects:
            continue
        refs.append(Ref(m.start(), m.end(), m.group(), "pronoun"))
    for m in re.finditer(r"\b([Ii]t|[Tt]hey)(?=" + _SPEECH + ")", text):
        if not any(s <= m.start() < e for s, e in quoted):
            refs.append(Ref(m.start(), m.end(), m.group(), "group"))
    for m in _REPORTED_ITS.finditer(text):  # "MONUSCO said one of its bases ...": the speaker's
        if not any(s <= m.start(1) < e for s, e in quoted):
            refs.append(Ref(m.start(1), m.end(1), m.group(1), "group", said_at=m.start()))
    return refs


# "its" opening what a body reports: "X said its aircraft struck ...", "X said one of its bases
# was hit", "X said it had ... and that its ...". The group rule then gives the sentence's first
# organisation or country, the speaker; elsewhere "its" may be anyone's ("Israel struck its bases").
_REPORTED_ITS = re.compile(_SPEECH + r"\s+(?:[^.!?\n\"“”]{0,80}?\s+and\s+that\s+|that\s+)?"
                           r"(?:(?:one|some|two|three|many|most|all|several|part)\s+of\s+)?(its)\b")


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Each quotation with its marks, as the quotes stage reads them (a quote left open runs to
    its paragraph's end): a pronoun in there is the quoted speaker's, not the narrator's."""
    return [(m.open_at, m.close_at + 1 if m.closed else m.close_at)
            for para in paragraphs(text) for m in find_marked(text, para, 0)]


def title_matches(entity_title: str | None, words: tuple[str, ...]) -> bool:
    """Whether a person's title fits a title reference ("Secretary of State" fits "secretary")."""
    if not entity_title:
        return False
    have = set(norm(entity_title).replace("-", " ").split())
    want = set(" ".join(words).replace("-", " ").split())
    if not want <= have:
        return False
    return not ((have & _MODIFIERS) - want)

"""Clean the NER's entity spans before they become actor candidates.

A statistical NER trained on news still makes a few kinds of mistakes that cost actor coding
more than they cost NER scores:

* a capitalised sentence-initial word or pronoun read as a name ("Nobody", "Those",
  "Restraint");
* a messaging platform read as a place ("posted on Telegram");
* a military rank read as an organisation ("Senior Colonel");
* a named exercise read as an organisation or event ("Strait Thunder-2025A");
* a nickname in quotes read as a second person (Jimmy "Barbecue" Cherizier);
* a person's name cut at a hyphen ("Fils" | "Aime", "Kim Yong" | "hyun", "al" | "Burhan");
* a first name that is also a city read as a place ("minister Wellington Koo").

Each filter is a general rule: a short list of function words and abstract nouns, the
knowledge base's titles, and the shape of the text around the span. A span the knowledge base
knows by that exact name is never dropped.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from ..analyze.doc_cache import doc_text
from ..kb.store import KnowledgeBase, norm

LOGGER = logging.getLogger(__name__)

# Pronouns, determiners and quantifiers: never a name on their own.
_FUNCTION_WORDS = {
    "nobody", "no one", "none", "nothing", "everyone", "everybody", "everything", "anyone", "anybody", "anything",
    "someone", "somebody", "something", "those", "these", "this", "that", "they", "them", "their", "we", "our",
    "us", "he", "she", "it", "his", "her", "its", "i", "you", "many", "some", "several", "both", "neither",
    "either", "such", "another", "others", "other", "few", "most", "all", "each", "every", "much", "more",
    "less", "any", "one", "two", "three", "here", "there", "today", "yesterday", "tomorrow", "tonight", "now",
    "then", "yet", "still", "also", "however", "meanwhile", "instead", "later", "earlier", "after", "before",
    "while", "since", "when", "where", "what", "who", "whom", "whose", "which", "why", "how", "if", "but", "and",
    "or", "so", "because", "although", "though", "despite", "amid", "asked", "speaking", "sources",
    # bare directions and their adjectives ("Western instructors"): never a person or a body alone
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
}
# Abstract nouns of political news that open sentences and headlines ("Restraint was urged").
_COMMON_NOUNS = {
    "restraint", "peace", "security", "diplomacy", "dialogue", "stability", "sovereignty", "calm", "progress",
    "justice", "freedom", "democracy", "victory", "war", "talks", "negotiations", "ceasefire", "truce",
    "sanctions", "aid", "violence", "tensions", "escalation", "de-escalation", "pressure", "trust", "unity",
    "solidarity", "patience", "caution", "fighting", "clashes", "shelling", "strikes", "protests", "protesters",
    "witnesses", "residents", "officials", "analysts", "critics", "observers", "diplomats", "troops", "soldiers",
    "police", "gangs", "rebels", "militants", "civilians", "refugees", "casualties", "humanitarian", "relief",
    "reconstruction", "elections", "turnout", "opposition", "government", "parliament", "ministry", "army",
    "military", "president", "minister", "spokesman", "spokeswoman", "spokesperson", "envoy", "delegation",
    "delegations", "mediators", "negotiators", "hostages", "prisoners", "detainees", "evacuation", "curfew",
    "martial", "emergency", "crisis", "deal", "agreement", "accord", "statement", "communique", "update",
    "breaking", "exclusive", "analysis", "editorial", "opinion", "factbox", "explainer", "timeline", "reporting",
    "additional", "writing", "editing", "photo", "video", "watch", "read", "related", "advertisement",
}
# Messaging and social platforms: where a statement was posted, not an actor or a place.
_PLATFORMS = {"telegram", "whatsapp", "facebook", "instagram", "youtube", "signal", "twitter", "x", "truth social",
              "vkontakte", "vk", "weibo", "wechat", "threads", "bluesky", "rumble", "tiktok"}
# Last words of a named military exercise or operation code name.
_EXERCISE_WORDS = {"exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres", "wargame", "wargames"}
_CODE_NAME = re.compile(r"-\d{2,4}[A-Z]?$")  # "Joint Sword-2024A", "Strait Thunder-2025A"
_QUOTES_OPEN = "\"“'‘"
_QUOTES_CLOSE = "\"”'’"
_PERSONAL_RANK_WORDS = {"senior", "junior", "chief", "deputy", "acting", "first", "second", "lieutenant", "staff",
                        "master", "petty", "warrant", "vice", "rear", "brigadier", "major", "general", "colonel",
                        "captain", "sergeant", "corporal", "private", "admiral", "commodore", "marshal", "commander"}


def _known(text: str, kb: KnowledgeBase) -> bool:
    """The knowledge base knows this exact name (an actor, a country word or a country)."""
    return bool(kb.actors_named(text, exact_case=text) or kb.country_of_word(text, exact_case=text))


def _rank_only(words: list[str], kb: KnowledgeBase) -> bool:
    """'Senior Colonel', 'Lieutenant General': every word a rank or a title word, no name."""
    if not words:
        return False
    lowered = [w.lower().rstrip(".") for w in words]
    return norm(" ".join(words)) in kb.titles or all(w in _PERSONAL_RANK_WORDS or w in kb.titles for w in lowered)


def _sentence_initial(ent: Any) -> bool:
    doc = ent.doc
    if ent.start == 0 or (doc.has_annotation("SENT_START") and ent.sent.start == ent.start):
        return True
    prev = doc[ent.start - 1].text
    return prev in ("\n", ".", ":", "—", "-", "\"", "“", "‘", "'") or prev.isspace()


def is_noise(ent: Any, kb: KnowledgeBase) -> bool:
    """True when a spaCy entity span is not a name of an actor or place (see module doc)."""
    text = ent.text.strip()
    lowered = text.lower()
    words = text.split()
    full = doc_text(ent.doc)
    if 1 < ent.start_char and ent.end_char < len(full) - 1 and full[ent.start_char - 1] == "-" == full[ent.end_char] \
            and full[ent.start_char - 2].isalpha() and full[ent.end_char + 1].isalpha():
        return True  # "AU" inside "PORT-AU-PRINCE": a piece of a hyphenated word
    if ent.label_ == "ORG" and _MODEL_NUMBER.match(full, ent.end_char) and \
            all(a.sector in (None, "BUS") for a in kb.actors_named(text)):
        return True  # "Boeing 777", "Airbus A320": an aircraft, not its maker
    if ent.label_ == "PERSON" and _DESIGNATION.fullmatch(text):
        return True  # "MH17", "S-400", "T-72": a flight or a weapon, not a person
    if not words or _known(text, kb):
        return False
    if lowered in _FUNCTION_WORDS:
        return True
    if lowered in _PLATFORMS or norm(text.removeprefix("the ")) in _PLATFORMS:
        return True
    if len(words) == 1 and lowered in _COMMON_NOUNS and (_sentence_initial(ent) or ent.label_ != "PERSON"):
        return True
    if ent.label_ in ("ORG", "PERSON", "NORP") and _rank_only(words, kb):
        return True
    if ent.label_ in ("ORG", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW") and (
            words[-1].lower() in _EXERCISE_WORDS or _CODE_NAME.search(text)):
        return True
    full = doc_text(ent.doc)
    # Jimmy "Barbecue" Cherizier: the nickname between a first name and a surname
    return bool(ent.label_ == "PERSON" and len(words) == 1 and 0 < ent.start_char and ent.end_char < len(full)
                and full[ent.start_char - 1] in _QUOTES_OPEN and full[ent.end_char] in _QUOTES_CLOSE
                and re.search(r"[A-Z][\w.-]+\s+.$", full[max(0, ent.start_char - 30):ent.start_char])
                and re.match(r".\s+[A-Z]", full[ent.end_char:ent.end_char + 3]))


def mend_spans(text: str, spans: list[tuple[int, int, str]], kb: KnowledgeBase) -> list[tuple[int, int, str]]:
    """Join person names cut at a hyphen and turn a titled first-name 'place' into a person."""
    out = []
    for s, e, label in spans:
        while e > s and not text[e - 1].isalnum() and text[e - 1] not in ".)":
            e -= 1  # 'Jimmy "' before a quoted nickname
        if e <= s:
            continue
        if label == "PERSON":
            s, e = _across_hyphens(text, s, e, kb)
            e = _surname_after(text, s, e, kb)
            s = _first_name_before(text, s, e, kb)
        elif label == "ORG" and _titled_name(text[s:e], kb):
            label = "PERSON"  # "General Sylvain Ekenge": a rank and a name, not an organisation
        elif label in ("ORG", "PERSON") and _dateline(text, s, e, kb):
            label = "GPE"  # "KINSHASA, March 3 (Reuters) -"
        elif label == "GPE" and " " not in text[s:e]:
            person = _titled_first_name(text, s, e, kb)
            if person is not None:
                s, e, label = person
        if label in ("GPE", "NORP") and (firm := _COMPANY_AFTER.match(text, e)):
            e, label = firm.end(), "ORG"  # "Malaysia Airlines", "Kenya Airways": a company, not the country
        out.append((s, e, label))
    # a mended span may now cover a neighbour: keep the longest of overlapping spans
    out.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[tuple[int, int, str]] = []
    for span in out:
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return _join_nicknames(text, kept)


# A model number right after a maker's name: "777", "A320", "F-16" (not a year: 2-3 digits).
_MODEL_NUMBER = re.compile(r"\s+(?:[A-Z]{1,2}-?)?\d{2,3}(?![\d,.]\d)\b")
_DESIGNATION = re.compile(r"[A-Z]{1,3}-?\d{1,4}[A-Z]?")
# Company words that make a country name before them a firm's name (national carriers).
_COMPANY_AFTER = re.compile(r"\s+(?:Airlines|Airways|Air\s+Lines|Railways)\b")
_NICKNAMED = re.compile(r"[A-Z][\w'’.-]+\s+[\"“]([^\"”\n]{1,25})[\"”]\s+[A-Z][\w'’-]+")


def _join_nicknames(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Jimmy "Barbecue" Cherizier: the first name, the quoted nickname and the surname are one
    person, not two or three."""
    for m in _NICKNAMED.finditer(text):
        inside = [sp for sp in spans if m.start() <= sp[0] and sp[1] <= m.end()]
        if inside and inside[0][2] == "PERSON" and inside[0][0] == m.start() and inside[-1][1] == m.end():
            spans = [sp for sp in spans if sp not in inside] + [(m.start(), m.end(), "PERSON")]
    return sorted(spans)


_WORD_AFTER = re.compile(r"-([A-Za-zÀ-ÿ'’]+)")
_WORD_BEFORE = re.compile(r"([A-Za-zÀ-ÿ]+)-$")


def _across_hyphens(text: str, s: int, e: int, kb: KnowledgeBase) -> tuple[int, int]:
    """'Yong' + '-hyun', 'Fils' + '-Aime', 'al-' + 'Burhan': the whole hyphenated word."""
    while True:
        m = _WORD_AFTER.match(text, e)
        if not m or (m.group(1)[:1].isupper() and _known(m.group(1), kb)):
            break  # "Putin-Trump": two names, not one
        e = m.end()
    while s > 1:
        m = _WORD_BEFORE.search(text, max(0, s - 30), s)
        if not m or (m.group(1)[:1].isupper() and _known(m.group(1), kb)):
            break
        s = m.start()
    return s, e


_ORG_WORDS = {"command", "council", "staff", "assembly", "ministry", "forces", "army", "guard", "guards", "corps",
              "directorate", "office", "department", "agency", "committee", "commission", "authority", "service",
              "services", "bank", "court", "party", "movement", "front", "brigade", "brigades", "division",
              "regiment", "battalion", "group", "company", "corporation", "inc", "ltd", "motors", "electric",
              "dynamics", "hospital", "university", "institute", "administration", "government"}


def _titled_name(surface: str, kb: KnowledgeBase) -> bool:
    """A title or rank followed by two or more capitalised words, none of them an organisation word."""
    words = surface.split()
    if len(words) < 3 or words[0].lower() not in kb.titles:
        return False
    rest = words[1:]
    return all(w[:1].isupper() for w in rest) and not any(w.lower().strip(".,") in _ORG_WORDS for w in rest) \
        and not kb.actors_named(surface) and not any(kb.actors_named(w) and kb.actors_named(w)[0].type != "PERSON"
                                                     for w in rest)


def _dateline(text: str, s: int, e: int, kb: KnowledgeBase) -> bool:
    """An upper-case place name opening a line and followed by a comma: a wire dateline."""
    surface = text[s:e]
    if not surface.isupper() or len(surface) < 4 or (s > 0 and text[s - 1] != "\n"):
        return False
    if not re.match(r"\s*[,(]", text[e:e + 3]):
        return False
    hit = kb.country_of_word(surface.title())
    return hit is not None


_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}


def _surname_after(text: str, s: int, e: int, kb: KnowledgeBase) -> int:
    """'Petro' + ' Ivanenko': a one-word name the knowledge-base ruler tagged (Gustavo Petro's
    surname) that is a first name here, because an unknown capitalised surname follows."""
    if " " in text[s:e].strip():
        return e
    m = re.match(r" ([A-Z][\w'’-]+)\b", text[e:e + 40])
    if not m:
        return e
    word = m.group(1)
    if _known(word, kb) or word.lower() in _CALENDAR or word.lower() in _FUNCTION_WORDS or \
            word.lower() in _COMMON_NOUNS or word.lower() in kb.titles:
        return e
    return e + m.end()


def _first_name_before(text: str, s: int, e: int, kb: KnowledgeBase) -> int:
    """'Abdelrahim' + ' Dagalo': the ruler tagged a known surname alone; an unknown capitalised
    word right before it, not opening the sentence, is the first name of this (other) person."""
    if " " in text[s:e].strip():
        return s
    for _ in range(3):  # "Abdel Fattah" + "al-Burhan"
        m = re.search(r"(?<=[a-z,] )([A-Z][\w'’-]+) $", text[max(0, s - 40):s])
        if not m:
            return s
        word = m.group(1)
        lowered = word.rstrip(".").lower()
        if _known(word, kb) or lowered in kb.titles or lowered in _FUNCTION_WORDS or lowered in _COMMON_NOUNS or \
                lowered in _CALENDAR:
            return s
        s -= len(word) + 1
    return s


def _titled_first_name(text: str, s: int, e: int, kb: KnowledgeBase) -> tuple[int, int, str] | None:
    """'defence minister Wellington Koo': a title, a 'place', then a capitalised surname."""
    before = re.search(r"([A-Za-z.-]+)\s+$", text[max(0, s - 40):s])
    after = re.match(r"\s([A-Z][\w'’-]+)", text[e:e + 40])
    if not before or not after or before.group(1).lower() not in kb.titles:
        return None
    surname = after.group(1)
    if _known(surname, kb) or surname.lower() in _COMMON_NOUNS or surname.lower() in _FUNCTION_WORDS:
        return None
    return s, e + after.end(), "PERSON"

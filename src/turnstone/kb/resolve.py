"""Resolve an actor phrase ("Armenian Prime Minister", "the Kremlin", "Russian police") to a code.

The phrase is scanned left to right for the longest known words: a person or organisation
alias, a country name/demonym/capital, a title or a generic agent noun. Then, in order:

1. a known person or organisation gives everything (its role on the date);
2. otherwise the country comes from a possessive owner ("Trump's envoy" -> USA), else the first
   country word; the sector from the title or agent noun that heads the phrase.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .store import Actor, KnowledgeBase, norm

MAX_NGRAM = 7
_TOKEN = re.compile(r"[^\W_](?:[\w.'’&-]*[\w.])?", re.UNICODE)
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    possessive: bool = False


@dataclass
class Hit:
    """A known word or phrase inside an actor phrase; i..j index tokens, start..end chars."""

    kind: str  # person | org | country | title | agent
    i: int
    j: int
    start: int
    end: int
    text: str
    code: str | None = None  # country ISO3 or sector
    detail: str | None = None  # for country: name/demonym/capital/people
    actors: list[Actor] = field(default_factory=list)
    possessive: bool = False


@dataclass
class Resolution:
    """What an actor phrase resolves to; unknown parts are None."""

    text: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    title: str | None = None
    type: str | None = None
    actor: Actor | None = None
    hits: list[Hit] = field(default_factory=list)

    def as_dict(self) -> dict[str, str | None]:
        return {"text": self.text, "country": self.country, "sector": self.sector, "name": self.name,
                "title": self.title}


def tokenize(text: str) -> list[Token]:
    starts, ends, possessive = _token_bounds(text)
    return [Token(text[s:e], s, e, p) for s, e, p in zip(starts, ends, possessive)]


def _token_bounds(text: str) -> tuple[list[int], list[int], list[bool]]:
    """The starts, ends and possessive marks of ``tokenize``'s tokens, as plain lists (``scan``
    looks at every token of whole articles and makes no Token object for most)."""
    starts: list[int] = []
    ends: list[int] = []
    possessive: list[bool] = []
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        # a possessive "'s" / "’s" is cut off and marked (a token never ends with an apostrophe)
        cut = end - start > 2 and text[end - 1] == "s" and text[end - 2] in "'’"
        starts.append(start)
        ends.append(end - 2 if cut else end)
        possessive.append(cut)
    return starts, ends, possessive


LookupResult = tuple[str, str | None, str | None, list[Actor]] | None
LOOKUP_CACHE_SIZE = 200_000  # phrases x dates; an article asks about ~8,000 phrases, most repeated


def _cached(kb: KnowledgeBase, key: tuple[str, dt.date], compute: Callable[[], Any]) -> Any:
    """``compute()``, kept in the knowledge base's lookup cache (bounded; emptied when entries change)."""
    cache = kb.lookup_cache
    if key not in cache:
        if len(cache) >= LOOKUP_CACHE_SIZE:
            cache.clear()
        cache[key] = compute()
    return cache[key]


_MISSING: Any = object()


def _lookup(kb: KnowledgeBase, phrase: str, when: dt.date) -> LookupResult:
    """(kind, code, detail, actors) for one candidate phrase, or None; cached per knowledge base."""
    found: LookupResult = _cached(kb, (phrase, when), lambda: _lookup_uncached(kb, phrase, when))
    return found


def _lookup_uncached(kb: KnowledgeBase, phrase: str, when: dt.date) -> LookupResult:
    key = norm(phrase)
    if key not in kb.by_alias and key not in kb.country_words:
        # neither a name nor a country word (most words): only the title and agent tables can
        # know it, as below; saves normalising the phrase again in each table's lookup
        return _role_word(kb, key)
    actors = [a for a in kb.actors_named(phrase, exact_case=phrase) if _alive(a, when)]
    if actors and all(a.type == "GPE" for a in actors):
        return ("country", actors[0].country, "name", [])
    if actors:
        persons = sorted((a for a in actors if a.type == "PERSON"), key=lambda a: _recency(a, when))
        return ("person" if persons else "org", None, None, persons or actors)
    hit = kb.country_of_word(phrase, exact_case=phrase)
    if hit:
        return ("country", hit[0], hit[1], [])
    return _role_word(kb, key)


def _role_word(kb: KnowledgeBase, key: str) -> LookupResult:
    """A title or agent noun, in the singular or plural (``key`` is normalised)."""
    singular = _singular(key)
    for table, kind in ((kb.titles, "title"), (kb.agents, "agent")):
        for form in (key, singular):
            if form and form in table:
                return (kind, table[form], None, [])
    return None


def _recency(actor: Actor, when: dt.date) -> tuple[int, int]:
    """Sort key: people in office on the date first, then those whose office is nearest in time."""
    if actor.roles_on(when):
        return (0, 0)
    gaps = [abs(((r.end or r.start or when) - when).days) for r in actor.roles if r.start or r.end]
    return (1, min(gaps, default=10**6))


def _singular(key: str) -> str | None:
    if key.endswith("men"):
        return key[:-3] + "man"
    if key.endswith("ies"):
        return key[:-3] + "y"
    if key.endswith("es") and key[:-2].endswith(("s", "x", "ch", "sh")):
        return key[:-2]
    if key.endswith("s") and not key.endswith("ss"):
        return key[:-1]
    return None


def _alive(actor: Actor, when: dt.date) -> bool:
    """Organisations with dated roles exist only within them (Taliban government vs insurgency)."""
    if actor.type == "PERSON" or not actor.roles:
        return True
    return actor.role_on(when) is not None


def key_prefixes(kb: KnowledgeBase) -> frozenset[str]:
    """The proper word prefixes of every key a phrase lookup can match ("the", "prime", "united
    states of"), rebuilt when the tables change. ``scan`` looks up no phrase running past a word
    that no key continues: on PolNeAR that leaves ~1 in 4 lookups (entities 52 -> 25 ms/article).
    """
    sizes = (len(kb.by_alias), len(kb.country_words), len(kb.titles), len(kb.agents))
    held = kb.lookup_cache.get(_PREFIXES)
    if held is not None and held[0] == sizes:
        return held[1]  # type: ignore[no-any-return]
    prefixes: set[str] = set()
    for table in (kb.by_alias, kb.country_words, kb.titles, kb.agents):
        for key in table:
            words = key.split(" ")
            prefixes.update(" ".join(words[:k]) for k in range(1, len(words)))
    kb.lookup_cache[_PREFIXES] = (sizes, frozenset(prefixes))  # emptied with the cache when an actor is added
    return frozenset(prefixes)


_PREFIXES = ("", dt.date.min)  # the lookup cache's slot for key_prefixes (no phrase is empty)


def _reach_from(text: str, word: str, w: int, starts: list[int], ends: list[int], norms: list[str | None],
                prefixes: frozenset[str]) -> int:
    """Where a phrase must end by to match a key: the end of the first whitespace-separated word
    that no key continues the words before it with. The phrase starts in the w-th word, whose part
    from the phrase's start normalises to ``word``; the caller finds the words' bounds once and
    keeps their normal forms."""
    if not word or " " in word:
        return len(text)  # a word that normalises to none or two: no shortcut
    words = word
    while words in prefixes:
        w += 1
        if w == len(ends):
            return len(text)
        following = norms[w]
        if following is None:
            following = norms[w] = norm(text[starts[w]:ends[w]])
        if not following or " " in following:
            return len(text)
        words += " " + following
    return ends[w]


def scan(kb: KnowledgeBase, text: str, when: dt.date, *, leading: bool = False) -> list[Hit]:
    """The longest known words of ``text``, left to right.

    ``leading``: stop at the first token that no hit covers, for callers that read only the run
    of known words a text opens with ("the Russian foreign minister ..."); those hits are the
    same as a full scan's.
    """
    # No cache of whole scans: on new articles it saved little, and its many objects slowed the
    # garbage collector in every later stage (places 2.9 -> 4.5 ms/article on PolNeAR 40).
    # Token objects are made only where a title or a hyphenated word needs them below
    starts, ends, possessive = _token_bounds(text)
    prefixes = key_prefixes(kb)
    # the whitespace-separated words, each normalised once when first needed (``_reach_from``:
    # scan looks at every token of whole articles)
    word_starts, word_ends = [], []
    pos = 0
    for chunk in text.split():  # the \S+ runs (str.split and re's \s agree on every code point)
        pos = text.find(chunk, pos)
        word_starts.append(pos)
        pos += len(chunk)
        word_ends.append(pos)
    word_norms: list[str | None] = [None] * len(word_starts)
    w = 0  # the word the current token lies in
    # last[i]: the last token a phrase starting at i may end on (a possessive ends a phrase)
    count = len(starts)
    last = [count - 1] * count
    if True in possessive:
        stop = count - 1
        for k in range(count - 1, -1, -1):
            if possessive[k]:
                stop = k
            last[k] = stop
    hits: list[Hit] = []
    cache = kb.lookup_cache  # read directly: most phrases of an article were looked up before
    i = 0
    while i < count:
        start = starts[i]
        found_before = len(hits)
        while word_ends[w] <= start:  # tokens never cross a space
            w += 1
        # the reach; inline for the usual word, one that begins no longer key
        word = word_norms[w] if start == word_starts[w] else None
        if word is None:
            word = norm(text[start:word_ends[w]])
            if start == word_starts[w]:
                word_norms[w] = word
        if word and word not in prefixes and " " not in word:
            reach = word_ends[w]
        else:
            reach = _reach_from(text, word, w, word_starts, word_ends, word_norms, prefixes)
        # phrases of up to MAX_NGRAM tokens that end by the reach (token ends only grow)
        j = i
        limit = min(i + MAX_NGRAM, count)
        while j < limit and ends[j] <= reach:
            j += 1
        for n in range(j - i, 0, -1):
            j = i + n
            end = ends[j - 1]
            phrase = text[start:end]
            found = cache.get((phrase, when), _MISSING)
            if found is _MISSING:
                found = _lookup(kb, phrase, when)
            if j - 1 > last[i] and (found is None or found[0] not in ("person", "org")):
                continue  # past a possessive only a name that holds one ("People's Liberation Army")
            if found is None and phrase.endswith("."):  # a full stop, not part of an abbreviation
                phrase, end = phrase.rstrip("."), end - (len(phrase) - len(phrase.rstrip(".")))
                found = _lookup(kb, phrase, when)
            if found is None and n == 1 and "-" in phrase:
                token = Token(text[start:ends[i]], start, ends[i], possessive[i])
                hits.extend(_scan_hyphenated(kb, token, when, i))
                break
            if found:
                kind, code, detail, actors = found
                if kind == "title" and not possessive[j - 1]:
                    # "Secretary of Energy", "Minister for Europe"; _office_of looks at most 10 tokens on
                    following = [Token(text[starts[k]:ends[k]], starts[k], ends[k], possessive[k])
                                 for k in range(j, min(count, j + 11))]
                    extended = j + _office_of(kb, following, 0)
                    if extended > j:
                        j, end = extended, ends[extended - 1]
                        phrase = text[start:end]
                hits.append(Hit(kind, i, j, start, end, phrase, code, detail, actors, possessive[j - 1]))
                i = j - 1
                break
        if leading and len(hits) == found_before:
            break  # the token begins no hit
        i += 1
    return hits


def _office_of(kb: KnowledgeBase, tokens: list[Token], j: int) -> int:
    """Extend a title over "of/for" + portfolio words: an office named after its portfolio
    ("Secretary of Energy"), not over a name or a country ("Minister of Defence of Ukraine")."""
    if j + 1 >= len(tokens) or tokens[j].text not in ("of", "for"):
        return j
    k = j + 1
    while k < len(tokens) and k - j <= 5 and norm(tokens[k].text) in kb.portfolios:
        if tokens[k].possessive or kb.country_of_word(tokens[k].text, exact_case=tokens[k].text) or \
                any(norm(" ".join(t.text for t in tokens[k:k + n])) in kb.by_alias for n in range(1, 5)):
            break  # a country or a known organisation is the title's owner, not its portfolio
        k += 1
    while k > j + 1 and tokens[k - 1].text in ("and", "the"):
        k -= 1
    return k if k > j + 1 else j


def _scan_hyphenated(kb: KnowledgeBase, token: Token, when: dt.date, i: int) -> list[Hit]:
    out, offset = [], token.start
    for part in token.text.split("-"):
        found = _lookup(kb, part, when) if part else None
        if found:
            kind, code, detail, actors = found
            out.append(Hit(kind, i, i + 1, offset, offset + len(part), part, code, detail, actors))
        offset += len(part) + 1
    return out


def resolve_hits(text: str, hits: list[Hit], when: dt.date) -> Resolution:
    """Combine the hits of one phrase into a code (see the module docstring for the order)."""
    res = Resolution(text=text, hits=hits)
    named = [h for h in hits if h.kind in ("person", "org") and not h.possessive]
    if named and any(h.kind in ("title", "agent") and h.i >= named[-1].j for h in hits) and \
            named[-1].kind == "person":
        # "Trump administration", "Putin government": the person only names whose body it is
        for h in named:
            h.possessive = True
        named = []
    if named and (_first_name_only(text, named[-1], hits) or _other_first_name(text, named[-1], hits)):
        named = []  # "Petro Ivanenko" is not Gustavo Petro: a one-word alias followed by a surname
    shared = named[-1] if named and generic_name(named[-1]) else None
    if shared is not None and _not_that_body(text, shared, hits):
        named = []  # "Rwanda's Senate", "Liberal Democrats", "House of Lords": not the US bodies
    if named:
        head = named[-1]
        actor = head.actors[0]
        country, sector, title = actor.code_on(when)
        res.actor, res.name, res.type = actor, actor.name, actor.type
        res.country, res.sector, res.title = country, sector, title
        if actor.type == "ORG":
            res.title = _title_text(hits, head) or None
            if res.title:  # "CIA Director": a person of that organisation
                res.name, res.type = None, "PERSON"
        if res.country is None:
            res.country = _country(hits)
        return res
    res.country = _country(hits)
    if shared is not None and res.country is not None:
        res.sector, res.type = shared.actors[0].sector, shared.actors[0].type  # "the Philippine Senate": LEG
        return res
    titles = [h for h in hits if h.kind == "title"]
    agents = [h for h in hits if h.kind == "agent"]
    if titles:
        res.title = " ".join(h.text for h in titles if not h.possessive) or None
        res.sector = titles[-1].code
        role_of = [h for h in agents if h.end <= titles[-1].start and h.code]
        if role_of and norm(titles[-1].text) in _GENERIC_ROLES:
            res.sector = role_of[-1].code  # "army spokesman": the army's, "rebel commander": the rebels'
        res.type = "PERSON"
    elif agents:
        res.sector = agents[-1].code
        res.type = "NORP" if res.sector is None else "ORG"
    elif res.country and any(h.kind == "country" for h in hits):
        countries = [h for h in hits if h.kind == "country"]
        res.type = "NORP" if countries[-1].detail in ("demonym", "people") else "GPE"
        if len(countries) == 1 and countries[0].detail in ("name", "capital"):
            res.name = countries[0].text
    if res.country and not res.name and res.type == "GPE":
        res.name = res.text
    return res


def generic_name(hit: Hit) -> bool:
    """Whether an organisation hit is one of its actor's shared names ("Senate", "Democrats"),
    which name other countries' bodies too."""
    if hit.kind != "org" or not hit.actors or not hit.actors[0].generic:
        return False
    return norm(hit.text) in {norm(g) for g in hit.actors[0].generic}


def _not_that_body(text: str, head: Hit, hits: list[Hit]) -> bool:
    """A shared name with another country before it ("Rwanda's Senate", "the Philippine Senate")
    or part of a longer name nothing else explains ("Liberal Democrats", "House of Lords")."""
    own = head.actors[0].country
    if any(h.kind == "country" and h.end <= head.start and h.code != own for h in hits):
        return True
    before = re.search(r"([A-Z][\w'’-]*)\s+$", text[:head.start])
    if before and not any(h.start <= before.start(1) < h.end for h in hits):
        return True
    return bool(re.match(r"\s+(?:of\s+)?[A-Z]", text[head.end:]))


# Roles any body has; the body named before them gives the sector.
_GENERIC_ROLES = {"spokesman", "spokeswoman", "spokesperson", "official", "officials", "leader", "commander",
                  "chief", "head", "adviser", "advisor", "aide", "negotiator", "representative"}


def _other_first_name(text: str, head: Hit, hits: list[Hit]) -> bool:
    """'Abdelrahim Dagalo' is not Mohamed Hamdan Dagalo: a one-word surname alias right after a
    capitalised first name that none of the actor's names has (a spelling variant, 'Sergey' for
    'Sergei', shares its first three letters and still counts as the actor's)."""
    if head.kind != "person" or " " in head.text.strip() or not head.actors:
        return False
    m = re.search(r"([A-Z][\w'’-]+)\s+$", text[:head.start])
    if not m or any(h.end > m.start() and h.start < head.start for h in hits):
        return False  # a title or country before the surname ("President Dagalo")
    first = norm(m.group(1))
    words = {w for name in head.actors[0].names() for w in norm(name).split()}
    return not any(w == first or (len(w) > 2 and w[:3] == first[:3]) for w in words)


def _first_name_only(text: str, head: Hit, hits: list[Hit]) -> bool:
    """A one-word person alias followed, inside the phrase, by another capitalised name word
    that nothing else in the knowledge base explains."""
    if head.kind != "person" or " " in head.text.strip() or any(h.start >= head.end for h in hits):
        return False
    m = re.match(r"\s+([A-Z][\w'’-]+)", text[head.end:])
    return m is not None and m.group(1).rstrip(".") not in ("Jr", "Sr", "II", "III")


def _title_text(hits: list[Hit], head: Hit) -> str:
    """Titles around an organisation: "CIA Director", "President of the European Commission"."""
    return " ".join(h.text for h in hits if h.kind == "title" and not h.possessive)


def _country(hits: list[Hit]) -> str | None:
    """A possessive owner's country first ("Trump's Russia envoy" -> USA), else the first country word."""
    for h in hits:
        if h.possessive:
            if h.kind == "country":
                return h.code
            if h.kind in ("person", "org") and h.actors and h.actors[0].country:
                return h.actors[0].country
    return next((h.code for h in hits if h.kind == "country"), None)


def resolve_phrase(kb: KnowledgeBase, text: str, when: dt.date | None = None) -> Resolution:
    """Resolve ``text`` against ``kb`` as of ``when`` (default: today).

    Answers are cached with the knowledge base's lookups (emptied when its entries change): the
    events stage asks about the same phrase ~5 times per article. Each call gets its own copy.
    """
    day = when or dt.date.today()
    # "\0": no looked-up phrase starts with NUL, so phrase lookups and resolutions share the cache
    held: Resolution = _cached(kb, ("\0" + text, day), lambda: _resolve_phrase(kb, text, day))
    copy = Resolution(**vars(held))  # a copy with its own hits (``dataclasses.replace`` is ~2x slower)
    copy.hits = list(held.hits)
    return copy


def _resolve_phrase(kb: KnowledgeBase, text: str, when: dt.date) -> Resolution:
    stripped = text.strip()
    words = stripped.split()
    while words and words[0].lower() in _DETERMINERS and len(words) > 1:
        words = words[1:]
    core = " ".join(words)
    res = resolve_hits(stripped, scan(kb, core, when), when)
    if res.country is not None and kb.country(res.country) and res.type == "GPE" and res.name == core:
        res.name = kb.countries[res.country].name
    return res

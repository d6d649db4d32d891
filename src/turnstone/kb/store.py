"""Load the knowledge base: the shipped data files, then the user's own files on top.

Shipped files live in ``kb/data/``: ``countries.csv``, ``organisations.yaml``, ``people.yaml``, ``people_world.yaml``
and ``agents.yaml``. A user's files live in one folder, ``$TURNSTONE_KB_DIR`` (default
``~/.config/turnstone/kb``); every ``*.yaml`` there is read after the shipped files, and an
entry whose name matches a shipped one replaces it. A user file may hold the keys ``people``,
``organisations``, ``agents`` and ``countries`` in the same shapes as the shipped files.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import os
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeBaseError

LOGGER = logging.getLogger(__name__)
DATA_DIR = Path(__file__).parent / "data"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10x faster on imported dictionaries
SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "BUS", "MED", "CVL", "IGO", "NGO",
           "REF", "CRM", "REL", "ELI", "SPY", "LAB", "EDU", "HLH", "AGR", "ENV", "UAF", "IMG", "SEP"}


def user_dir() -> Path:
    """The folder whose ``*.yaml`` files extend and override the shipped knowledge base."""
    return Path(os.environ.get("TURNSTONE_KB_DIR") or Path.home() / ".config" / "turnstone" / "kb")


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Lower-cased, accent-free, single-spaced form used as a lookup key."""
    if text.isascii():  # nothing to fold: skips the costly Unicode pass for most keys
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def parse_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as err:
        raise KnowledgeBaseError(f"bad date {value!r}: use YYYY-MM-DD") from err


@dataclass
class Role:
    """An office held between two dates (end exclusive; None = open)."""

    title: str | None
    sector: str | None
    country: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def valid(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass
class Actor:
    """A named actor: a person or an organisation, with its aliases and dated roles."""

    name: str
    type: str  # PERSON | ORG | GPE
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    source: str = "builtin"
    # names other countries' bodies share ("Senate", "Democrats"): an explicit country or the
    # story's context may give the body to another country (see kb.resolve.generic_name)
    generic: list[str] = field(default_factory=list)

    def role_on(self, when: dt.date) -> Role | None:
        """The role held on ``when``; an undated role is the fallback."""
        dated = [r for r in self.roles if (r.start or r.end) and r.valid(when)]
        if dated:
            return max(dated, key=lambda r: r.start or dt.date.min)
        return next((r for r in self.roles if not (r.start or r.end)), None)

    def roles_on(self, when: dt.date) -> list[Role]:
        """Every dated role held on ``when`` (a person may hold two offices at once)."""
        return [r for r in self.roles if (r.start or r.end) and r.valid(when)]

    def code_on(self, when: dt.date) -> tuple[str | None, str | None, str | None]:
        """(country, sector, title) on a date."""
        role = self.role_on(when)
        if role is None:
            return self.country, self.sector if not self.roles else None, None
        return role.country or self.country, role.sector, role.title

    def names(self) -> list[str]:
        return [self.name, *self.aliases, *self.generic]


@dataclass
class Country:
    code: str
    name: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)


@dataclass
class KnowledgeBase:
    """Everything actor coding looks up, with indexes by normalised alias."""

    countries: dict[str, Country] = field(default_factory=dict)
    actors: list[Actor] = field(default_factory=list)
    titles: dict[str, str | None] = field(default_factory=dict)  # lower-case title -> sector
    agents: dict[str, str] = field(default_factory=dict)  # lower-case agent noun -> sector
    portfolios: set[str] = field(default_factory=set)  # words an office is "of": energy, foreign, affairs
    bodies: set[str] = field(default_factory=set)  # institutions named by a common noun: army, foreign ministry
    files: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.reindex()

    # -- building -------------------------------------------------------------------------
    def add_actor(self, actor: Actor, *, replace: bool = True) -> None:
        """Add an actor; with ``replace`` a same-named actor of the same type is dropped first."""
        if replace:
            key = norm(actor.name)
            self.actors = [a for a in self.actors if not (norm(a.name) == key and a.type == actor.type)]
        self.actors.append(actor)
        self._index_actor(actor)

    def reindex(self) -> None:
        # (phrase, date) -> resolve._lookup's answer; emptied whenever the entries change
        self.lookup_cache: dict[tuple[str, dt.date], Any] = {}
        self.by_alias: dict[str, list[Actor]] = defaultdict(list)
        for actor in self.actors:
            self._index_actor(actor)
        self.country_words: dict[str, tuple[str, str]] = {}  # norm word -> (code, kind)
        for c in self.countries.values():
            for kind, words in (("capital", c.capitals), ("demonym", c.demonyms), ("name", [c.name, *c.aliases])):
                for word in words:
                    self.country_words[norm(word)] = (c.code, kind)
                    if kind == "demonym":
                        for plural in plural_forms(word):
                            self.country_words.setdefault(norm(plural), (c.code, "people"))

    def _index_actor(self, actor: Actor) -> None:
        self.lookup_cache.clear()
        for alias in actor.names():
            key = norm(alias)
            bucket = self.by_alias.setdefault(key, [])
            # later (user) entries shadow earlier ones with the same alias
            if actor.source != "builtin" and bucket and bucket[0].source == "builtin":
                bucket.clear()
            if not any(a is actor for a in bucket):  # "Fils-Aimé" and "Fils-Aime" share one key
                bucket.append(actor)

    # -- lookups --------------------------------------------------------------------------
    def actors_named(self, alias: str, exact_case: str | None = None) -> list[Actor]:
        """Actors with this alias. Short all-caps aliases ("US", "WHO") match only in capitals."""
        found = self.by_alias.get(norm(alias), [])
        if exact_case is not None and found:
            found = [a for a in found if _case_ok(a, exact_case)]
        return found

    def country(self, code: str | None) -> Country | None:
        return self.countries.get(code or "")

    def country_of_word(self, word: str, exact_case: str | None = None) -> tuple[str, str] | None:
        """(ISO3, kind) for a country name, alias, demonym or capital; kind says which."""
        hit = self.country_words.get(norm(word))
        if hit and exact_case is not None:
            c = self.countries[hit[0]]
            for w in [c.name, *c.aliases, *c.demonyms, *c.capitals]:
                if norm(w) == norm(exact_case) and _short_caps(w) and w != exact_case.strip():
                    return None
        return hit


def _short_caps(alias: str) -> bool:
    letters = alias.replace(".", "")
    return len(letters) <= 4 and letters.isupper()


def _case_ok(actor: Actor, text: str) -> bool:
    """Short all-caps aliases match only in capitals; a capitalised alias never matches lower case
    ("Rice" the minister, not "rice" the crop)."""
    for alias in actor.names():
        if norm(alias) == norm(text):
            if _short_caps(alias):
                return alias == text.strip()
            return text.strip().lower() != text.strip() or alias.lower() == alias
    return True


def plural_forms(word: str) -> list[str]:
    """'Russian' -> 'Russians'; 'Frenchman' -> 'Frenchmen'; 'Chinese' stays."""
    if word.endswith("man"):
        return [word[:-3] + "men"]
    if word.endswith(("ese", "s", "sh", "ch")):
        return []
    return [word + "s"]


# -- reading files ------------------------------------------------------------------------
def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except yaml.YAMLError as err:
        raise KnowledgeBaseError(f"not valid YAML: {err}", source=str(path)) from err


def _check_sector(sector: Any, where: str) -> str | None:
    if sector in (None, ""):
        return None
    code = str(sector).upper()
    if code not in SECTORS:
        raise KnowledgeBaseError(f"unknown sector {code!r}; use one of {sorted(SECTORS)}", source=where)
    return code


def actor_from_dict(item: dict[str, Any], *, kind: str, source: str) -> Actor:
    """Build an Actor from one YAML entry (people or organisations)."""
    if not isinstance(item, dict) or not item.get("name"):
        raise KnowledgeBaseError(f"entry without a name: {item!r}", source=source)
    roles = []
    for r in item.get("roles") or []:
        roles.append(Role(title=r.get("title"), sector=_check_sector(r.get("sector"), source),
                          country=r.get("country"), start=parse_date(r.get("start")), end=parse_date(r.get("end"))))
    if kind == "ORG" and (item.get("start") or item.get("end")):
        roles.append(Role(title=None, sector=_check_sector(item.get("sector"), source), country=item.get("country"),
                          start=parse_date(item.get("start")), end=parse_date(item.get("end"))))
    if kind == "PERSON" and not roles and (item.get("sector") or item.get("title")):
        roles.append(Role(title=item.get("title"), sector=_check_sector(item.get("sector"), source),
                          start=parse_date(item.get("start")), end=parse_date(item.get("end"))))
    return Actor(name=str(item["name"]), type=str(item.get("type") or kind), country=item.get("country"),
                 sector=_check_sector(item.get("sector"), source), aliases=[str(a) for a in item.get("aliases") or []],
                 roles=roles, source=source, generic=[str(a) for a in item.get("generic") or []])


def read_countries(path: Path) -> dict[str, Country]:
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    out = {}

    def split(value: str | None) -> list[str]:
        return [x.strip() for x in (value or "").split("|") if x.strip()]

    for row in csv.DictReader(rows):
        out[row["code"]] = Country(row["code"], row["name"].strip(), split(row["aliases"]), split(row["demonyms"]),
                                   split(row["capitals"]))
    return out


def read_lexicon(data: dict[str, Any], source: str) -> tuple[dict[str, str | None], dict[str, str]]:
    titles: dict[str, str | None] = {}
    agents: dict[str, str] = {}
    for key, target in (("titles", titles), ("agents", agents)):
        for sector, words in (data.get(key) or {}).items():
            code = _check_sector(sector, source)
            for word in words or []:
                if code or key == "titles":  # a title with no sector of its own ("director")
                    target[norm(str(word))] = code  # type: ignore[assignment]
    return titles, agents


def apply_user_data(kb: KnowledgeBase, data: dict[str, Any], source: str) -> None:
    """Merge one user file's entries into ``kb`` (same-named entries are replaced)."""
    if not isinstance(data, dict):
        raise KnowledgeBaseError("a user file must be a mapping with people/organisations/agents", source=source)
    new = [actor_from_dict(item, kind="PERSON", source=source) for item in data.get("people") or []]
    new += [actor_from_dict(item, kind="ORG", source=source)
            for item in data.get("organisations") or data.get("organizations") or []]
    replaced = {(norm(a.name), a.type) for a in new}
    kb.actors = [a for a in kb.actors if (norm(a.name), a.type) not in replaced] + new
    for actor in new:
        kb._index_actor(actor)
    titles, agents = read_lexicon(data, source)
    kb.titles.update(titles)
    kb.agents.update(agents)
    kb.portfolios.update(norm(str(w)) for w in data.get("portfolios") or [])
    kb.bodies.update(norm(str(w)) for w in data.get("bodies") or [])
    for item in data.get("countries") or []:
        code = str(item["code"]).upper()
        old = kb.countries.get(code) or Country(code, item.get("name") or code)
        for attr in ("aliases", "demonyms", "capitals"):
            getattr(old, attr).extend(item.get(attr) or [])
        kb.countries[code] = old
    kb.files.append(source)


def builtin_kb() -> KnowledgeBase:
    """Only the files shipped with Turnstone."""
    kb = KnowledgeBase(countries=read_countries(DATA_DIR / "countries.csv"))
    for item in _read_yaml(DATA_DIR / "organisations.yaml"):
        kb.actors.append(actor_from_dict(item, kind="ORG", source="builtin"))
    for name in ("people.yaml", "people_world.yaml"):  # G20 and frequent names, then the rest of the world
        for item in _read_yaml(DATA_DIR / name):
            kb.actors.append(actor_from_dict(item, kind="PERSON", source="builtin"))
    lexicon = _read_yaml(DATA_DIR / "agents.yaml")
    kb.titles, kb.agents = read_lexicon(lexicon, "agents.yaml")
    kb.portfolios = {norm(str(w)) for w in lexicon.get("portfolios") or []}
    kb.bodies = {norm(str(w)) for w in lexicon.get("bodies") or []}
    kb.files = [str(DATA_DIR)]
    kb.reindex()
    return kb


def load_kb(extra: list[Path] | None = None, *, include_user: bool = True) -> KnowledgeBase:
    """The shipped knowledge base plus the user's folder and any ``extra`` files."""
    kb = builtin_kb()
    paths: list[Path] = []
    if include_user and user_dir().is_dir():
        paths.extend(sorted(user_dir().glob("*.yaml")))
    paths.extend(extra or [])
    for path in paths:
        apply_user_data(kb, _read_yaml(path), str(path))
    kb.reindex()
    return kb


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The knowledge base the pipeline uses, loaded once per process."""
    return load_kb()

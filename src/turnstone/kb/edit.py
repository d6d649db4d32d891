"""Write and validate the user's knowledge-base files (``turnstone kb add/check``)."""

from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeBaseError
from .store import (
    SECTORS,
    _read_yaml,
    actor_from_dict,
    apply_user_data,
    builtin_kb,
    default_kb,
    norm,
    parse_date,
    read_lexicon,
    user_dir,
)

LOGGER = logging.getLogger(__name__)
USER_FILE = "user.yaml"


def _user_file(path: Path | None) -> Path:
    target = path or user_dir() / USER_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def _load(path: Path) -> dict[str, Any]:
    data = _read_yaml(path) if path.exists() else {}
    if not isinstance(data, dict):
        raise KnowledgeBaseError("a user file must be a mapping with people/organisations/agents", source=str(path))
    return data


def _save(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    default_kb.cache_clear()


def add_entry(name: str, *, country: str | None = None, sector: str | None = None, title: str | None = None,
              aliases: list[str] | None = None, start: str | None = None, end: str | None = None,
              org: bool = False, path: Path | None = None) -> Path:
    """Add (or extend) a person or organisation in the user's file; returns the file written.

    Raises:
        KnowledgeBaseError: an unknown country or sector code, or a bad date.
    """
    kb = builtin_kb()
    if country and country.upper() not in kb.countries and country.upper() != "IGO":
        raise KnowledgeBaseError(f"unknown country code {country!r}: use ISO alpha-3 or IGO")
    if sector and sector.upper() not in SECTORS:
        raise KnowledgeBaseError(f"unknown sector {sector!r}; use one of {sorted(SECTORS)}")
    parse_date(start), parse_date(end)
    target = _user_file(path)
    data = _load(target)
    key = "organisations" if org else "people"
    items = data.setdefault(key, [])
    entry = next((e for e in items if norm(str(e.get("name", ""))) == norm(name)), None)
    if entry is None:
        entry = {"name": name, "aliases": [], "country": country.upper() if country else None}
        if org:
            entry["type"] = "ORG"
            entry["sector"] = sector.upper() if sector else None
        else:
            entry["roles"] = []
        items.append(entry)
    entry["aliases"] = list(dict.fromkeys([*entry.get("aliases", []), *(aliases or [])]))
    if not org and (title or sector or start or end):
        role = {"title": title, "sector": sector.upper() if sector else None}
        role.update({k: v for k, v in (("start", start), ("end", end)) if v})
        entry.setdefault("roles", []).append(role)
    actor_from_dict(entry, kind="ORG" if org else "PERSON", source=str(target))  # validate before writing
    _save(target, data)
    return target


def append_people(entries: list[dict[str, Any]], path: Path | None = None) -> Path:
    """Append suggested people (``suggest_people`` output) to the user's file."""
    target = _user_file(path)
    data = _load(target)
    people = data.setdefault("people", [])
    known = {norm(str(p.get("name", ""))) for p in people}
    for e in entries:
        if norm(e["name"]) not in known:
            people.append({k: v for k, v in e.items() if k != "evidence"})
    _save(target, data)
    return target


def check_files(files: list[Path] | None = None) -> tuple[list[str], list[str], str]:
    """Problems (errors) and warnings found in knowledge-base files, and a one-line summary."""
    paths = files or sorted(user_dir().glob("*.yaml"))
    kb = builtin_kb()
    problems: list[str] = []
    unknown: list[str] = []
    counts: dict[str, int] = defaultdict(int)
    codes = set(kb.countries) | {"IGO", None}
    for path in paths:
        try:
            data = _read_yaml(path)
            if not isinstance(data, dict):
                raise KnowledgeBaseError("must be a mapping with people/organisations/agents", source=str(path))
            read_lexicon(data, str(path))
            for key, kind in (("people", "PERSON"), ("organisations", "ORG")):
                for item in data.get(key) or []:
                    actor = actor_from_dict(item, kind=kind, source=str(path))
                    counts[key] += 1
                    for c in [actor.country, *(r.country for r in actor.roles)]:
                        if c not in codes:  # PETRARCH has historical codes (USR, YUG): warn only
                            unknown.append(f"{path}: {actor.name}: unknown country code {c!r}")
                    for r in actor.roles:
                        if r.start and r.end and r.end <= r.start:
                            problems.append(f"{path}: {actor.name}: role {r.title!r} ends before it starts")
        except KnowledgeBaseError as err:
            problems.append(str(err))
    # aliases that point at actors of different countries are ambiguous: a warning, not an error
    for path in paths:
        try:
            apply_user_data(kb, _read_yaml(path), str(path))
        except KnowledgeBaseError:
            pass
    warnings = [f"warning: {u}" for u in unknown]
    for alias, actors in kb.by_alias.items():
        countries = {a.country for a in actors}
        if len(countries) > 1:
            warnings.append(f"warning: alias {alias!r} names actors of {sorted(map(str, countries))}")
    summary = (f"checked {len(paths)} file(s): {counts['people']} people, {counts['organisations']} organisations; "
               f"{len(problems)} problem(s), {len(warnings)} warning(s)")
    return problems, warnings, summary

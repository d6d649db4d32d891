"""Import PETRARCH/TABARI actor and agent dictionaries, so PETRARCH2 users keep their work.

The dictionaries are read from a path the user gives (they are not shipped with Turnstone).
Formats understood:

* actor files: an entry line ``NAME_WORDS_ [CODE DATES] ...`` or a name line followed by
  ``+SYNONYM`` lines and indented ``[CODE DATES]`` lines. ``_`` joins words; ``#`` starts a
  comment. A code is a country (``RUS``, ``IGO``, ``---``) followed by 3-letter role codes
  (``RUSGOVMIL``). DATES is ``>YYMMDD`` (from), ``<YYMMDD`` (until), ``YYMMDD-YYMMDD`` or
  8-digit years; an undated code is the fallback.
* agent files: ``WORD_WORDS [~SEC]`` (a sector added to the actor's country) and ``!X! = A, B``
  substitution sets used as ``BUSINESS!PERSON!``.

The result is a mapping in the user-file shape (``organisations``, ``agents``), which
``turnstone kb import`` writes to the user's folder and ``apply_user_data`` merges.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import Any

from ..errors import KnowledgeBaseError
from .store import SECTORS

LOGGER = logging.getLogger(__name__)

_CODE = re.compile(r"\[([^\]]*)\]")
_SUBST = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
# Role codes more specific than GOV that a coder would rather see ("USAGOVLEG" -> LEG).
_SPECIFIC = ("MIL", "LEG", "JUD", "COP", "SPY")
# PETRARCH pseudo-countries that are not ISO codes: country None, with this sector.
_PSEUDO = {"---": None, "NGO": "NGO", "MNC": "BUS", "IMG": "REB", "INT": None, "UAF": "REB"}


def petrarch_date(text: str) -> dt.date:
    """YYMMDD (two-digit years below 30 are 20xx, as in the Phoenix files) or YYYYMMDD."""
    text = text.strip()
    if len(text) == 8:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(text) != 6 or not text.isdigit():
        raise ValueError(f"bad PETRARCH date {text!r}")
    year = int(text[:2])
    year += 2000 if year < 30 else 1900
    return dt.date(year, int(text[2:4]), int(text[4:]))


def parse_code(raw: str) -> dict[str, Any] | None:
    """``"RUSGOV 991231-080507"`` -> a role dict (country, sector, start, end; end exclusive)."""
    parts = raw.split()
    if not parts:
        return None
    code = parts[0].strip().upper()
    country: str | None = code[:3]
    roles = [code[i:i + 3] for i in range(3, len(code) - 2, 3)]
    sector = next((r for r in roles if r in SECTORS), None)
    for specific in _SPECIFIC:
        if sector == "GOV" and specific in roles:
            sector = specific
    if country in SECTORS and country != "IGO":  # "[ELI]": a role with no country
        country, sector = None, country
    elif country in _PSEUDO:
        sector = sector or _PSEUDO[country]
        country = None
    elif country == "IGO":
        sector = sector if sector in ("MIL", "JUD", "COP") else "IGO"
    role: dict[str, Any] = {"country": country, "sector": sector, "code": code}
    if len(parts) > 1:
        span = parts[1]
        try:
            if span.startswith(">"):
                role["start"] = petrarch_date(span[1:]).isoformat()
            elif span.startswith("<"):
                role["end"] = petrarch_date(span[1:]).isoformat()
            elif "-" in span:
                start, end = span.split("-", 1)
                role["start"] = petrarch_date(start).isoformat()
                role["end"] = (petrarch_date(end) + dt.timedelta(days=1)).isoformat()
        except ValueError:
            LOGGER.debug("ignoring date %r in %r", span, raw)
    return role


def phrase_of(word: str) -> str:
    """``VLADIMIR_PUTIN_`` -> ``Vladimir Putin``; short all-caps words (``US``) keep their case."""
    words = [w for w in word.strip().strip("+").split("_") if w]
    out = []
    for w in words:
        out.append(w if len(w.replace(".", "")) <= 4 and "." not in w[:-1] and len(words) == 1 else w.capitalize())
    return " ".join(out)


def read_actor_file(path: Path) -> list[dict[str, Any]]:
    """Entries of one actor dictionary as user-file ``organisations`` items."""
    entries: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = [parse_code(c) for c in _CODE.findall(line)]
        codes = [c for c in codes if c]
        head = _CODE.sub("", line).strip()
        if raw[:1] in (" ", "\t") and not head:
            if current is not None:
                current["roles"].extend(codes)
            continue
        if head.startswith("+"):
            if current is not None:
                current["aliases"].append(phrase_of(head[1:]))
                current["roles"].extend(codes)
            continue
        if head.startswith(("<", "{")):
            continue
        if current is not None and not current["roles"]:
            # names listed one after another share the code block that follows them
            current["aliases"].append(phrase_of(head))
            current["roles"].extend(codes)
            continue
        current = {"name": phrase_of(head), "aliases": [], "roles": codes, "source_code": head}
        entries.append(current)
    return [_finish(e) for e in entries if e["roles"]]


def _finish(entry: dict[str, Any]) -> dict[str, Any]:
    roles = entry["roles"]
    dated = [r for r in roles if "start" in r or "end" in r]
    fallback = next((r for r in roles if r not in dated), None)
    item: dict[str, Any] = {"name": entry["name"], "aliases": entry["aliases"],
                            "type": "PERSON" if dated else "ORG"}
    base = fallback or roles[0]
    if not dated and base["country"] and not base["sector"]:
        item["type"] = "GPE"  # a bare country code: a place name or demonym
    item["country"] = base["country"]
    item["sector"] = base["sector"]
    if dated:
        item["roles"] = [{k: v for k, v in r.items() if k != "code"} for r in dated]
        if fallback:
            item["roles"].append({"country": fallback["country"], "sector": fallback["sector"]})
    return item


def read_agent_file(path: Path) -> dict[str, list[str]]:
    """Agent nouns by sector from one agent dictionary."""
    subst: dict[str, list[str]] = {}
    agents: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = _SUBST.match(line)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            continue
        code = codes[0].strip().upper()
        if code.startswith("~"):
            sector = code[1:4]
        elif code.endswith("~"):
            sector = "IGO" if code.startswith("IGO") else code[:3]
        else:
            continue
        if sector not in SECTORS:
            continue
        word = _CODE.sub("", line).replace("{}", "").strip()
        for form in _expand(word, subst):
            agents.setdefault(sector, []).append(form.replace("_", " ").strip().lower())
    return agents


def _expand(word: str, subst: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Z]+!", word)
    if not m or m.group() not in subst:
        return [word]
    out = []
    for value in subst[m.group()]:
        out.extend(_expand(word[:m.start()] + value + word[m.end():], subst))
    return out


def import_petrarch(path: str | Path) -> dict[str, Any]:
    """Read a PETRARCH dictionary file, or every ``*actors*``/``*agents*`` file in a folder.

    Args:
        path: a file or a folder such as ``../shared/reference/petrarch/dictionaries``.

    Returns:
        ``{"organisations": [...], "agents": {sector: [words]}, "files": [...]}`` in the
        user-file shape; ``apply_user_data`` merges it into a knowledge base.

    Raises:
        KnowledgeBaseError: the path does not exist or holds no dictionary.
    """
    path = Path(path)
    if not path.exists():
        raise KnowledgeBaseError("no such file or folder", source=str(path))
    files = [path] if path.is_file() else sorted(p for p in path.iterdir()
                                                 if p.is_file() and re.search(r"actors|agents", p.name, re.IGNORECASE))
    if not files:
        raise KnowledgeBaseError("no PETRARCH actor or agent dictionary found", source=str(path))
    out: dict[str, Any] = {"organisations": [], "agents": {}, "files": [str(p) for p in files]}
    for file in files:
        if "agent" in file.name.lower():
            for sector, words in read_agent_file(file).items():
                out["agents"].setdefault(sector, []).extend(words)
        else:
            out["organisations"].extend(read_actor_file(file))
    LOGGER.info("imported %d actors and %d agent words from %d files", len(out["organisations"]),
                sum(len(v) for v in out["agents"].values()), len(files))
    return out

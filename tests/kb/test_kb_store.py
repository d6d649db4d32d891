"""The shipped knowledge base: coverage of countries and officials, user files that override it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pycountry
import pytest

from turnstone.errors import KnowledgeBaseError
from turnstone.kb import load_kb, resolve_actor
from turnstone.kb.store import Actor, Role, builtin_kb

G20_PLUS = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS",
            "SAU", "ZAF", "TUR", "GBR", "USA", "UKR"]
HEAD = re.compile(r"president|prime minister|chancellor|king|premier|emperor|crown prince", re.IGNORECASE)
FOREIGN = re.compile(r"foreign|external affairs|international relations|secretary of state", re.IGNORECASE)
DEFENCE = re.compile(r"defen[cs]e|armed forces|national defense", re.IGNORECASE)


@pytest.fixture(scope="module")
def kb():
    return builtin_kb()


def test_kb_store_has_every_iso_country(kb) -> None:
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in kb.countries]
    assert missing == []


@pytest.mark.parametrize("code", G20_PLUS)
def test_kb_store_country_has_demonym_and_capital(kb, code: str) -> None:
    country = kb.countries[code]
    assert country.demonyms and country.capitals


@pytest.mark.parametrize("code", G20_PLUS)
def test_kb_store_g20_offices_filled_in_2025(kb, code: str) -> None:
    when = dt.date(2025, 10, 1)
    titles = [r.title for a in kb.actors if a.type == "PERSON" for r in a.roles_on(when)
              if (r.country or a.country) == code]
    titles = [t for t in titles if t]
    assert any(HEAD.search(t) for t in titles), titles
    assert any(FOREIGN.search(t) for t in titles), titles
    assert any(DEFENCE.search(t) for t in titles), titles


def test_kb_store_roles_have_start_dates_and_known_codes(kb) -> None:
    for actor in kb.actors:
        for code in [actor.country, *(r.country for r in actor.roles)]:
            assert code in kb.countries or code in ("IGO", None), (actor.name, code)
        if actor.type == "PERSON":
            assert all(r.start for r in actor.roles), actor.name


def test_kb_store_role_on_uses_dates() -> None:
    actor = Actor("A Person", "PERSON", country="FRA", roles=[
        Role("Minister", "GOV", start=dt.date(2020, 1, 1), end=dt.date(2022, 1, 1)),
        Role("Senator", "LEG", start=dt.date(2022, 1, 1)),
    ])
    assert actor.code_on(dt.date(2021, 6, 1)) == ("FRA", "GOV", "Minister")
    assert actor.code_on(dt.date(2022, 1, 1)) == ("FRA", "LEG", "Senator")
    assert actor.code_on(dt.date(2019, 1, 1)) == ("FRA", None, None)


def test_kb_store_user_file_overrides_builtin(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text("people:\n  - name: Vladimir Putin\n    aliases: [Putin]\n    country: RUS\n"
                    "    roles: [{title: Supreme Commander, sector: MIL, start: 2000-01-01}]\n"
                    "organisations:\n  - {name: Acme Rebels, country: MLI, sector: REB, aliases: [ARF]}\n",
                    encoding="utf-8")
    kb = load_kb([user], include_user=False)
    assert resolve_actor("Putin", "2025-01-01", kb=kb)["sector"] == "MIL"
    assert resolve_actor("ARF", "2025-01-01", kb=kb)[("country")] == "MLI"
    assert resolve_actor("Putin", "2025-01-01", kb=builtin_kb())["sector"] == "GOV"


def test_kb_store_user_dir_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.yaml").write_text("organisations:\n  - {name: Zeta Front, country: TCD, sector: REB}\n",
                                     encoding="utf-8")
    monkeypatch.setenv("TURNSTONE_KB_DIR", str(tmp_path))
    assert resolve_actor("Zeta Front", kb=load_kb())["country"] == "TCD"


def test_kb_store_rejects_unknown_sector(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("organisations:\n  - {name: X Corp, country: USA, sector: XYZ}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="E300"):
        load_kb([bad], include_user=False)

"""The PETRARCH/TABARI dictionary importer: formats, dates, and the real Phoenix dictionaries."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from turnstone.errors import KnowledgeBaseError
from turnstone.kb import import_petrarch, resolve_actor
from turnstone.kb.petrarch import parse_code, petrarch_date
from turnstone.kb.store import apply_user_data, builtin_kb

SHARED = Path(os.environ.get("TURNSTONE_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared"))
PHOENIX = SHARED / "reference" / "petrarch" / "dictionaries"

# A made-up dictionary in the TABARI format (names and codes are fictional).
ACTORS = """\
# comment line
FREEDONIA_  [FRD]
+FREEDONIAN_
RUFUS_FIREFLY_  # leader
+PRESIDENT_FIREFLY_
+FIREFLY_
\t[FRDGOV 330101-331231]
\t[FRDOPP >340101]
\t[FRDELI]
SYLVANIA_ARMY_ [SYLMIL]
TRENTINO_
+AMBASSADOR_TRENTINO_
\t[SYLGOVLEG <330601]
"""
AGENTS = """\
!PERSON! = MAN, MEN, WOMAN
SPY!PERSON! [~SPY]
GRAIN_FARMER [~AGR]
TRUCE_WATCHER [IGO~]
"""


@pytest.fixture()
def fictional(tmp_path: Path):
    (tmp_path / "Test.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "Test.agents.txt").write_text(AGENTS, encoding="utf-8")
    kb = builtin_kb()
    apply_user_data(kb, import_petrarch(tmp_path), "petrarch-test")
    kb.reindex()
    return kb


def test_kb_petrarch_dates() -> None:
    assert petrarch_date("080508") == dt.date(2008, 5, 8)
    assert petrarch_date("451024") == dt.date(1945, 10, 24)
    assert petrarch_date("19270101") == dt.date(1927, 1, 1)
    code = parse_code("RUSGOV 991231-080507")
    assert code["country"] == "RUS" and code["sector"] == "GOV"
    assert code["start"] == "1999-12-31" and code["end"] == "2008-05-08"  # end exclusive
    assert parse_code("USAGOVLEG")["sector"] == "LEG"
    assert parse_code("ELI")["country"] is None


def test_kb_petrarch_fictional_dated_entry(fictional) -> None:
    during = resolve_actor("Rufus Firefly", "1933-06-01", kb=fictional)
    after = resolve_actor("Firefly", "1935-01-01", kb=fictional)
    between = resolve_actor("President Firefly", "1933-12-31", kb=fictional)
    assert (during["country"], during["sector"]) == ("FRD", "GOV")
    assert (after["country"], after["sector"]) == ("FRD", "OPP")
    assert between["sector"] == "GOV"
    assert resolve_actor("Firefly", "1920-01-01", kb=fictional)["sector"] == "ELI"


def test_kb_petrarch_fictional_until_and_synonyms(fictional) -> None:
    assert resolve_actor("Ambassador Trentino", "1932-01-01", kb=fictional)["sector"] == "LEG"
    assert resolve_actor("Sylvania Army", kb=fictional)["sector"] == "MIL"
    assert resolve_actor("Freedonian", kb=fictional)["country"] == "FRD"


def test_kb_petrarch_agents(tmp_path: Path) -> None:
    (tmp_path / "Test.agents.txt").write_text(AGENTS, encoding="utf-8")
    agents = import_petrarch(tmp_path)["agents"]
    assert {"spyman", "spymen", "spywoman"} <= set(agents["SPY"])
    assert "grain farmer" in agents["AGR"] and "truce watcher" in agents["IGO"]


def test_kb_petrarch_missing_path(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError):
        import_petrarch(tmp_path / "nope")


@pytest.fixture(scope="module")
def phoenix():
    if not PHOENIX.is_dir():
        pytest.skip(f"needs the PETRARCH dictionaries at {PHOENIX} (shared reference data); absent")
    kb = builtin_kb()
    apply_user_data(kb, import_petrarch(PHOENIX), "petrarch-phoenix")
    kb.reindex()
    return kb


def test_kb_petrarch_phoenix_entry_changes_at_end_date(phoenix) -> None:
    # Phoenix: MOHAMMAD_NAJIBULLAH_ [AFGGOV 871130-920416] ... [AFGELI]
    before = resolve_actor("Mohammad Najibullah", "1990-01-01", kb=phoenix)
    after = resolve_actor("Mohammad Najibullah", "1993-01-01", kb=phoenix)
    assert (before["country"], before["sector"]) == ("AFG", "GOV")
    assert (after["country"], after["sector"]) == ("AFG", "ELI")


def test_kb_petrarch_phoenix_start_date(phoenix) -> None:
    # Phoenix: HAMID_KARZAI_ [AFGELI 750101-000101] [AFGGOV >011222] [AFGELI]
    assert resolve_actor("Hamid Karzai", "1999-01-01", kb=phoenix)["sector"] == "ELI"
    assert resolve_actor("President Karzai", "2005-01-01", kb=phoenix)["sector"] == "GOV"

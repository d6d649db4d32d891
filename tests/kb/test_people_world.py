"""The world-wide people file: loaded, dated, and free of clashing aliases."""

import datetime as dt

import yaml

from turnstone.kb.store import DATA_DIR, builtin_kb, norm


def _code(name: str, when: str) -> tuple[str | None, str | None, str | None]:
    kb = builtin_kb()
    found = kb.actors_named(name)
    assert len(found) == 1, (name, [a.name for a in found])
    return found[0].code_on(dt.date.fromisoformat(when))


def test_people_world_heads_of_government_by_date() -> None:
    assert _code("Fils-Aime", "2025-03-01")[:2] == ("HTI", "GOV")
    assert _code("Garry Conille", "2024-08-01")[:2] == ("HTI", "GOV")
    assert _code("Garry Conille", "2025-03-01")[:2] == ("HTI", None)  # out of office: country only
    assert _code("Wellington Koo", "2025-01-10")[:2] == ("TWN", "GOV")


def test_people_world_ombudsmen_and_armed_group_leaders() -> None:
    assert _code("Dmytro Lubinets", "2025-01-10")[:2] == ("UKR", "GOV")
    assert _code("Tatyana Moskalkova", "2025-01-10")[:2] == ("RUS", "GOV")
    assert _code("Jimmy Chérizier", "2025-01-10")[:2] == ("HTI", "REB")


def test_people_world_no_alias_names_two_builtin_people() -> None:
    kb = builtin_kb()
    world = {item["name"] for item in yaml.safe_load((DATA_DIR / "people_world.yaml").read_text(encoding="utf-8"))}
    clashes = {key: [a.name for a in actors] for key, actors in kb.by_alias.items()
               if len({a.name for a in actors if a.type == "PERSON"}) > 1 and world & {a.name for a in actors}}
    assert not clashes


def test_people_world_every_country_code_known() -> None:
    kb = builtin_kb()
    unknown = {a.country for a in kb.actors if a.country not in kb.countries and a.country not in (None, "IGO")}
    assert not unknown
    assert norm("Fils-Aimé") == norm("Fils-Aime")

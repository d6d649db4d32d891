"""The on-disk gazetteer index answers exactly as the in-memory one, and is optional."""

from __future__ import annotations

import pytest

from turnstone.extract.gazetteer import DATA, Gazetteer
from turnstone.extract.gazetteer_index import index_path

NAMES = ["Munich", "Kyiv", "Kiev", "Georgia", "Rome", "Québec", "quebec", "the Gaza Strip", "Ky.", "Springfield",
         "Nowhere-at-all"]


def answers(gaz: Gazetteer) -> dict[str, object]:
    return {
        "lookup": {n: [(c.entry, c.alias, c.abbreviation) for c in gaz.lookup(n)] for n in NAMES},
        "countries": gaz.countries, "admin1": gaz.admin1, "demonyms": dict(gaz.by_demonym),
        "max_words": gaz.max_words,
    }


@pytest.fixture(scope="module")
def in_memory() -> Gazetteer:
    return Gazetteer(use_index=False)


def test_gazetteer_index_matches_in_memory(tmp_path_factory, monkeypatch_module, in_memory):
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch_module.setenv("TURNSTONE_CACHE_DIR", str(cache))
    first = Gazetteer()  # indexes in memory and writes the file
    [db] = list(cache.glob("gazetteer-*.sqlite"))
    assert db == index_path(DATA)
    second = Gazetteer()  # opens the file
    assert type(second.by_name).__name__ == "IndexedNames"
    assert answers(second) == answers(in_memory) == answers(first)


def test_gazetteer_index_unwritable_cache_still_works(monkeypatch, in_memory, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("TURNSTONE_CACHE_DIR", str(blocker / "cache"))
    assert answers(Gazetteer()) == answers(in_memory)


def test_gazetteer_index_corrupt_file_falls_back(monkeypatch, in_memory, tmp_path):
    monkeypatch.setenv("TURNSTONE_CACHE_DIR", str(tmp_path))
    index_path(DATA).write_bytes(b"this is not sqlite")
    assert answers(Gazetteer()) == answers(in_memory)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_gazetteer_index_cached_names_answer_the_same_and_are_copies(monkeypatch, in_memory, tmp_path):
    monkeypatch.setenv("TURNSTONE_CACHE_DIR", str(tmp_path))
    Gazetteer()  # writes the index
    gaz = Gazetteer()
    assert type(gaz.by_name).__name__ == "IndexedNames"
    first = answers(gaz)
    assert answers(gaz) == first == answers(in_memory)  # the second round comes from the cache
    found = gaz.by_name.get("munich")
    assert found
    found.clear()  # a caller changing its answer changes no later one
    assert gaz.by_name.get("munich")

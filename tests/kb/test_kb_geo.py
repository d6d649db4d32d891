"""Country of a place name from the bundled GeoNames tables."""

from __future__ import annotations

import pytest

from turnstone.kb.geo import place_country


@pytest.mark.parametrize("name, code", [("Munich", "DEU"), ("Zurich", "CHE"), ("Alaska", "USA"), ("Kyiv", "UKR"),
                                        ("Mosul", "IRQ"), ("Crimea", "UKR"), ("the West Bank", "PSE"), ("Russia", "RUS"), ("the Netherlands", "NLD")])
def test_kb_geo_place_country(name: str, code: str) -> None:
    assert place_country(name) == code


def test_kb_geo_unknown_or_shared_names() -> None:
    assert place_country("Xyzzyville") is None
    assert place_country("Birmingham") is None  # large cities of that name in GBR and USA

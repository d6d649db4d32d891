"""Ambiguous country words settled from the article's other names."""

from turnstone.kb.context import settle_country


def test_context_congo_in_a_kivu_story_is_the_drc() -> None:
    text = "Fighters entered Goma in North Kivu. Congo's government in Kinshasa said Tshisekedi would respond."
    assert settle_country("COG", "Congo's government", text) == "COD"


def test_context_congo_in_a_brazzaville_story_stays() -> None:
    text = "Congo's president Denis Sassou Nguesso spoke in Brazzaville."
    assert settle_country("COG", "Congo", text) == "COG"


def test_context_explicit_name_is_never_recoded() -> None:
    text = "Goma, Kinshasa and Tshisekedi; the Republic of the Congo sent an envoy from Brazzaville."
    assert settle_country("COG", "Republic of the Congo", text) == "COG"


def test_context_korea_follows_the_capital_named() -> None:
    text = "Korean state media in Pyongyang said Kim Jong Un watched the launch."
    assert settle_country("KOR", "Korean state media", text) == "PRK"
    assert settle_country("KOR", "North Korea", text) == "KOR"  # already specific: left alone


def test_context_guinea_shorthand_for_guinea_bissau() -> None:
    text = "Soldiers in Bissau detained Embaló; Guinea's army said the vote was suspended. Bissau was calm."
    assert settle_country("GIN", "Guinea's army", text) == "GNB"

"""Times stage: TIMEX3 values against the publication date, and dating a clause."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from turnstone.extract.tense import tense_near
from turnstone.extract.times import calendar_value, date_for_span, extract_times, find_times
from turnstone.extract.timex import find_timexes
from turnstone.extract.timex_values import duration_value, parse_number, weekday_date
from turnstone.model import Article

WED = dt.date(2025, 2, 12)  # a Wednesday


def one(text: str, anchor: dt.date | None = WED) -> tuple[str, str, str | None]:
    found = find_timexes(text, anchor)
    assert len(found) == 1, found
    t = found[0]
    return t.text, t.type, t.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He will fly to Munich on Friday.", ("Friday", "DATE", "2025-02-14")),
        ("He flew to Munich on Friday.", ("Friday", "DATE", "2025-02-07")),
        ("They met last Friday.", ("last Friday", "DATE", "2025-02-07")),
        ("They meet next Monday.", ("next Monday", "DATE", "2025-02-17")),
        ("Putin ordered the war nearly three years ago.", ("nearly three years ago", "DATE", "2022")),
        ("Prices rose last month.", ("last month", "DATE", "2025-01")),
        ("Sales fell last year.", ("last year", "DATE", "2024")),
        ("It was said earlier on Wednesday.", ("earlier on Wednesday", "DATE", "2025-02-12")),
        ("The talks ended yesterday.", ("yesterday", "DATE", "2025-02-11")),
        ("The vote is on March 3, 2024.", ("March 3, 2024", "DATE", "2024-03-03")),
        ("The vote was held on 3 March 2024.", ("3 March 2024", "DATE", "2024-03-03")),
        ("It happened in the 1990s.", ("the 1990s", "DATE", "199")),
        ("Profit rose in the third quarter.", ("the third quarter", "DATE", "2024-Q3")),
        ("The war has gone on for nearly three years.", ("nearly three years", "DURATION", "P3Y")),
        ("The siege lasted 5 1/2 hours.", ("5 1/2 hours", "DURATION", "PT5H30M")),
        ("a two-year deal", ("two-year", "DURATION", "P2Y")),
        ("The council meets every week.", ("every week", "SET", "P1W")),
        ("Trains run daily.", ("daily", "SET", "P1D")),
        ("It is currently unclear.", ("currently", "DATE", "PRESENT_REF")),
        ("Inflation peaked in nineteen ninety-six.", ("nineteen ninety-six", "DATE", "1996")),
        ("The blast came at 3 p.m.", ("3 p.m.", "TIME", "2025-02-12T15:00")),
        ("Fighting raged last night.", ("last night", "TIME", "2025-02-11TNI")),
        ("Leaders meet this weekend.", ("this weekend", "DATE", "2025-W07-WE")),
        ("Strikes hit the city over the weekend.", ("the weekend", "DATE", "2025-W06-WE")),
        ("the wars of the 20th century", ("the 20th century", "DATE", "19")),
        ("Russia invaded Ukraine on Feb. 24, 2022.", ("Feb. 24, 2022", "DATE", "2022-02-24")),
    ],
)
def test_timex_values(text: str, expected: tuple[str, str, str | None]) -> None:
    assert one(text) == expected


def test_timex_year_ago_in_earnings_news_is_a_quarter() -> None:
    text = "Third-quarter profit rose 5% from a year ago. The quarter was strong."
    assert [(t.text, t.value) for t in find_timexes(text, dt.date(2025, 10, 20))] == [
        ("Third-quarter", "2025-Q3"), ("a year ago", "2024-Q3"), ("The quarter", "2025-Q3")]
    assert [t.value for t in find_timexes("He left a year ago.", dt.date(2025, 10, 20))] == ["2024"]


def test_timex_ages_are_not_durations() -> None:
    assert find_timexes("a 62-year-old man was arrested", WED) == []


def test_timex_may_the_verb_is_not_a_month() -> None:
    assert [t.value for t in find_timexes("Talks may resume in the future.", WED)] == ["FUTURE_REF"]
    assert [t.value for t in find_timexes("They met in May.", WED)] == ["2024-05"]


def test_timex_without_anchor_keeps_relative_values_empty() -> None:
    assert one("They met on Friday.", None) == ("Friday", "DATE", None)
    assert one("on March 3, 2024", None) == ("March 3, 2024", "DATE", "2024-03-03")
    assert one("for three years", None) == ("three years", "DURATION", "P3Y")


def test_timex_weekday_by_tense() -> None:
    assert weekday_date(WED, 4, "future") == dt.date(2025, 2, 14)
    assert weekday_date(WED, 4, "past") == dt.date(2025, 2, 7)
    assert weekday_date(WED, 2, "past") == WED  # the publication day itself


def test_timex_numbers_and_durations() -> None:
    assert parse_number("twenty-four") == 24
    assert parse_number("several") is None
    assert duration_value(None, "month") == "PXM"
    assert duration_value(2, "decade") == "P20Y"


def test_tense_reads_the_nearest_verb() -> None:
    text = "The president put emphasis on the meeting with Zelensky in Munich on Friday."
    start = text.index("Friday")
    assert tense_near(text, start, start + 6) is None  # "put" governs "emphasis", not the meeting
    text = "Officials said the convoy was attacked on Friday."
    start = text.index("Friday")
    assert tense_near(text, start, start + 6) == "past"


def test_times_stage_fills_article() -> None:
    article = Article(text="Talks were held on Monday and will resume next week.", published="2025-02-12")
    extract_times(article)
    assert [(t.text, t.value) for t in article.times] == [("Monday", "2025-02-10"), ("next week", "2025-W08")]
    for t in article.times:
        assert article.text[t.start:t.end] == t.text


def test_times_unreadable_publication_date_resolves_nothing_relative() -> None:
    article = Article(text="They met on Friday.", published="not a date")
    assert [t.value for t in find_times(article)] == [None]


def test_times_date_for_span_uses_the_clause() -> None:
    text = "Rubio will meet Zelensky in Munich on Friday. Trump spoke with Putin."
    article = Article(text=text, published="2025-02-12")
    extract_times(article)
    meet = text.index("meet")
    assert date_for_span(article, meet, meet + 4) == "2025-02-14"
    spoke = text.index("spoke")
    assert date_for_span(article, spoke, spoke + 5) is None  # the caller falls back to the publication date


def test_times_calendar_value() -> None:
    assert calendar_value("2025-02-14TMO") == "2025-02-14"
    assert calendar_value("2022") == "2022"
    assert calendar_value("P3Y") is None
    assert calendar_value("PAST_REF") is None


def test_times_seed_gold_required_values(seed_gold: Path) -> None:
    gold = json.loads(seed_gold.read_text(encoding="utf-8"))
    text = seed_gold.with_name(seed_gold.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    article = Article(text=text, published="2025-02-12")
    extract_times(article)
    for g in gold["times"]:
        if not g.get("required", True):
            continue
        after = text.index(g["sentence_starts"]) if g.get("sentence_starts") else 0
        start = text.index(g["text"], after)
        hits = [t for t in article.times if t.start < start + len(g["text"]) and start < t.end]
        assert hits, g["text"]
        assert any(t.value == g["value"] or t.value in g.get("accept", []) for t in hits), (g, hits)


@pytest.mark.parametrize("sentence,dropped", [
    ("He said he would call her right now.", "right now"),
    ("Russia currently occupies a fifth of the country.", "currently"),
    ("Returning to the pre-2014 borders is unrealistic.", "2014"),
])
def test_times_vague_references_and_modifier_years_are_left_out(sentence, dropped):
    from turnstone.extract.times import find_times
    from turnstone.model import Article

    texts = [t.text for t in find_times(Article(text=sentence, published="2025-02-12"))]
    assert dropped not in texts


def test_times_a_plain_year_stays():
    from turnstone.extract.times import find_times
    from turnstone.model import Article

    assert [t.value for t in find_times(Article(text="The war began in 2014.", published="2025-02-12"))] == ["2014"]


WED_JUNE = dt.date(2025, 6, 4)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Russia launched 472 drones overnight on Sunday, officials said.", "2025-06-01TNI"),
        ("Shelling went on Saturday overnight.", "2025-05-31TNI"),
        ("Explosions were heard overnight into Monday.", "2025-06-01TNI"),
        ("Explosions were heard overnight.", "2025-06-03TNI"),  # no weekday: the night before publication
    ],
)
def test_timex_overnight_takes_the_weekday_beside_it(text: str, value: str) -> None:
    assert [t.value for t in find_timexes(text, WED_JUNE) if t.text.lower() == "overnight"] == [value]


def test_timex_ordinal_second_is_not_a_duration() -> None:
    assert find_timexes("Ukraine and Russia held a second round of talks.", WED_JUNE) == []
    assert [t.value for t in find_timexes("The screen froze for a second.", WED_JUNE)] == ["PT1S"]


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("Prices have risen since the autumn.", dt.date(2025, 3, 10), "2024-FA"),
        ("Talks will continue until the summer.", dt.date(2025, 9, 10), "2026-SU"),
        ("The vote was held in the spring.", dt.date(2025, 11, 10), "2025-SP"),
        ("The vote will be held in the spring.", dt.date(2025, 11, 10), "2026-SP"),
        ("Crops failed last summer.", dt.date(2025, 3, 10), "2024-SU"),
        ("Prices have risen since March.", dt.date(2025, 2, 10), "2024-03"),
        ("He has been jailed since May.", dt.date(2025, 2, 10), "2024-05"),
        ("He has been jailed since May.", dt.date(2025, 8, 10), "2025-05"),
    ],
)
def test_timex_seasons_and_months_follow_since_until_and_tense(text: str, anchor: dt.date, value: str) -> None:
    assert [t.value for t in find_timexes(text, anchor)] == [value]


def test_tense_participle_after_future_auxiliary_is_future() -> None:
    text = "The vote will be held in the spring."
    assert tense_near(text, text.index("spring"), text.index("spring") + 6) == "future"


@pytest.mark.parametrize("text", [
    "Talks with the rebels are due on Saturday.",
    "The vote is set for Saturday.",
    "A summit, officials said, would take place on Saturday.",
])
def test_tense_schedules_and_would_happen_are_future(text: str) -> None:
    assert tense_near(text, text.index("Saturday"), text.index("Saturday") + 8) == "future"


@pytest.mark.parametrize(("text", "value"), [("a hundred", 100), ("two hundred", 200), ("twenty-four", 24)])
def test_times_parse_number_hundreds(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-W23", "2015-06"),  # 1-7 June 2015
        ("2015-W27", "2015-07"),  # 29 June - 5 July: the month of its Thursday
        ("2015-W23-WE", "2015-06"),
        ("2020-W53", "2020-12"),
        ("2015-W99", None),
    ],
)
def test_times_calendar_value_of_a_week_is_its_month(value: str, expected: str | None) -> None:
    assert calendar_value(value) == expected


def test_times_date_for_span_last_week_is_a_month_not_a_year() -> None:
    text = "The embassy suspended visa services after the bombing of the consulate last week."
    article = Article(text=text, published="2015-06-09")
    article.times = find_times(article)
    start = text.index("suspended")
    assert date_for_span(article, start, start + len("suspended")) == "2015-06"


def test_timex_will_host_on_sunday_is_the_coming_sunday() -> None:
    text = "The president will host the leaders of both countries at his lakeside residence near the capital on Sunday."
    assert one(text) == ("Sunday", "DATE", "2025-02-16")
    past = "The president hosted the leaders of both countries at his lakeside residence near the capital on Sunday."
    assert one(past) == ("Sunday", "DATE", "2025-02-09")

"""TIMEX3 rules added for TempEval-3 error classes; each sentence written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from turnstone.extract.timex import find_timexes

ANCHOR = dt.date(2024, 11, 5)  # a Tuesday


def found(text: str, anchor: dt.date | None = ANCHOR) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, t.value) for t in find_timexes(text, anchor)}


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The brewer expects higher margins for the year.", "the year", ("DATE", "2024")),
        ("Output will improve throughout the year.", "the year", ("DURATION", "P1Y")),
        ("It earned $9 million in the year ended June 30.", "the year", ("DURATION", "P1Y")),
        ("Analysts raised forecasts for the full year.", "the full year", ("DATE", "2024")),
        ("Margins shrank in the current fiscal year.", "the current fiscal year", ("DATE", "2024")),
    ],
)
def test_timex_the_year(text: str, span: str, expected: tuple[str, str | None]) -> None:
    assert found(text)[span] == expected


def test_timex_following_year_counts_from_the_date_named_at_year_precision() -> None:
    values = found("The envoy arrived on June 4, 2019, and the following year he left for Cairo.")
    assert values["the following year"] == ("DATE", "2020")


def test_timex_previous_month_without_a_date_counts_from_the_anchor() -> None:
    assert found("Inflation had peaked the previous month.")["the previous month"] == ("DATE", "2024-10")


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("A bomb went off in the market on Saturday night.", "Saturday night", ("TIME", "2024-11-02TNI")),
        ("The minister will speak on Thursday evening.", "Thursday evening", ("TIME", "2024-11-07TEV")),
    ],
)
def test_timex_weekday_with_part_of_day_is_a_time(text: str, span: str, expected: tuple[str, str | None]) -> None:
    assert found(text)[span] == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Fuel prices have doubled over past years.", "past years", ("DATE", "PAST_REF")),
        ("Aid deliveries fell over the last few weeks.", "the last few weeks", ("DATE", "PAST_REF")),
        ("More strikes are likely in coming weeks.", "coming weeks", ("DATE", "FUTURE_REF")),
        ("Talks will resume in the near future.", "the near future", ("DATE", "FUTURE_REF")),
        ("The ministry said it would soon reopen the port.", "soon", ("DATE", "FUTURE_REF")),
        ("The deal should close by year-end.", "year-end", ("DATE", "2024")),
        ("The siege lasted weeks.", "weeks", ("DURATION", "PXW")),
    ],
)
def test_timex_vague_references(text: str, span: str, expected: tuple[str, str | None]) -> None:
    assert found(text)[span] == expected


@pytest.mark.parametrize("text", ["Troops left as soon as the truce began.", "He resigned soon after the vote.",
                                  "Fighting peaked in the second and fourth quarters."])
def test_timex_no_vague_reference(text: str) -> None:
    assert not any(v[1] in ("FUTURE_REF", "PAST_REF") or k.endswith("quarters") for k, v in found(text).items())


def test_timex_next_few_days_is_a_duration() -> None:
    assert found("Aid convoys will arrive over the next few days.")["the next few days"] == ("DURATION", "PXD")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fund pays $1.5 million a year to families.", []),
        ("Airlines run four flights a week to Kabul.", []),
        ("The camp takes in 2,000 refugees a month.", []),
        ("Inspectors visit the site three times a year.", [("SET", "P1Y")]),
        ("Patrols pass twice a week.", [("SET", "P1W")]),
        ("The deal took a year.", [("DURATION", "P1Y")]),
        ("The levy will cost importers $3 billion over a decade.", [("DURATION", "P10Y")]),
    ],
)
def test_timex_amount_a_year_is_a_rate_not_a_time(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert list(found(text).values()) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The navy may keep the port for at least 20 more years.", "at least 20 more years", ("DURATION", "P20Y")),
        ("The mandate was extended for an additional year.", "an additional year", ("DURATION", "P1Y")),
        ("The dynasty ruled for almost a hundred years.", "almost a hundred years", ("DURATION", "P100Y")),
        ("Over the years the camp grew into a town.", "the years", ("DURATION", "PXY")),
        ("Kidnappings rose through the nineties.", "the nineties", ("DATE", "199")),
        ("The army left the valley this past spring.", "this past spring", ("DATE", "2024-SP")),
        ("This quarter the port handled less grain.", "This quarter", ("DATE", "2024-Q4")),
        ("The court will rule at a later date.", "a later date", ("DATE", "FUTURE_REF")),
        ("Both sides want a truce as soon as possible.", "as soon as possible", ("DATE", "FUTURE_REF")),
    ],
)
def test_timex_guideline_shapes(text: str, span: str, expected: tuple[str, str | None]) -> None:
    assert found(text)[span] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen seized him at 10 p.m. Wednesday, police said.", [("10 p.m. Wednesday", "TIME", "2024-10-30T22:00")]),
        ("The ultimatum expires at noon Thursday.", [("noon Thursday", "TIME", "2024-11-07T12:00")]),
        ("The drills began on Friday at 6 a.m.", [("Friday", "DATE", "2024-11-01"), ("6 a.m.", "TIME", "2024-11-01T06:00")]),
        ("Jets were tracked up to 6 a.m. on Friday.", [("6 a.m.", "TIME", "2024-11-01T06:00"), ("Friday", "DATE", "2024-11-01")]),
    ],
)
def test_timex_clock_takes_the_day_beside_it(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in find_timexes(text, ANCHOR)] == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The hearing lasted an hour and a half.", "an hour and a half", ("DURATION", "PT1H30M")),
        ("The blockade lasted a year and a half.", "a year and a half", ("DURATION", "P1Y6M")),
        ("Shares were swapped at the then current price.", "current", ("DATE", "PAST_REF")),
        ("A few days later the rebels withdrew.", "A few days later", ("DURATION", "PXD")),
        ("A few years ago the rebels withdrew.", "A few years ago", ("DATE", "PAST_REF")),
    ],
)
def test_timex_measures(text: str, span: str, expected: tuple[str, str | None]) -> None:
    assert found(text)[span] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("January nineteen ninety-seven. The city voted again.", ("January nineteen ninety-seven", "DATE", "1997-01")),
        ("In the winter of nineteen ninety-four the pass closed.", ("winter of nineteen ninety-four", "DATE", "1994-WI")),
    ],
)
def test_timex_month_or_season_with_a_spelled_year(text: str, expected: tuple[str, str, str]) -> None:
    assert [(t.text, t.type, t.value) for t in find_timexes(text, ANCHOR)] == [expected]


def test_timex_the_year_after_counts_from_the_date_named() -> None:
    values = found("The dam burst on June 4, 2019; the year after, the valley was resettled.")
    assert values["the year after"] == ("DATE", "2020")
    assert found("Prices had risen the week before.")["the week before"] == ("DATE", "2024-W44")


def test_timex_article_before_a_duration_modifier_is_left_out() -> None:
    assert [t.text for t in find_timexes("The 48-hour ultimatum expired.", ANCHOR)] == ["48-hour"]


@pytest.mark.parametrize(("text", "span", "value"), [("Last Thursday, protesters stormed the building.", "Last Thursday", "2024-10-31"),
                                                     ("Next Monday the court rules.", "Next Monday", "2024-11-11")])
def test_timex_capitalised_weekday_lead(text: str, span: str, value: str) -> None:
    assert found(text)[span] == ("DATE", value)


def test_timex_the_future_of_is_no_time() -> None:
    assert found("Leaders met to discuss the future of the region.") == {}
    assert found("Strikes may continue well into the future.")["the future"] == ("DATE", "FUTURE_REF")


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The mine made money after several quarters of losses.", "several quarters", ("DURATION", "PXQ")),
        ("Prices may fall in the weeks ahead.", "the weeks ahead", ("DURATION", "PXW")),
        ("Hundreds fled in the first hours of the assault.", "the first hours", ("DURATION", "PTXH")),
    ],
)
def test_timex_vague_stretches(text: str, span: str, expected: tuple[str, str | None]) -> None:
    assert found(text)[span] == expected


@pytest.mark.parametrize("text", ["Three quarters of voters backed the truce.", "He won a quarter of the vote."])
def test_timex_fractions_are_no_time(text: str) -> None:
    assert found(text) == {}


def test_timex_now_that_is_present_ref() -> None:
    assert found("Now that the truce holds, aid can enter.")["Now"] == ("DATE", "PRESENT_REF")


@pytest.mark.parametrize(("text", "expected"), [("Now, the envoy says, talks are over.", {}),
                                                ("Now officials fear a new offensive.", {"Now": ("DATE", "PRESENT_REF")})])
def test_timex_now_as_a_discourse_marker(text: str, expected: dict[str, tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'The minister said on NBC\'s "Meet the Press This Week" that talks had stalled.',
        "He told CBS's 60 Minutes that he would not resign.",
        "The poll was published by USA Today on the eve of the vote.",
    ],
)
def test_timex_capitalised_time_words_inside_a_sentence_are_titles(text: str) -> None:
    assert not any(span in found(text) for span in ("This Week", "60 Minutes", "Today"))


def test_timex_capitalised_time_word_starting_a_sentence_is_time() -> None:
    assert found('The talks failed. "Today we mourn," the mayor said.')["Today"] == ("DATE", "2024-11-05")


@pytest.mark.parametrize(
    "text",
    ["Thousands joined the annual March for Peace in the capital.", "Organisers planned a March on Parliament."],
)
def test_timex_a_named_march_is_no_month(text: str) -> None:
    assert "March" not in found(text)


def test_timex_march_after_a_preposition_stays_a_month() -> None:
    assert found("The vote was held in March of this year.")["March of this year"] == ("DATE", "2024-03")


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("By mid-afternoon the shelling had stopped.", "mid-afternoon", ("TIME", "2024-11-05TAF")),
        ("Shares fell at midday in Tokyo.", "midday", ("TIME", "2024-11-05T12:00")),
        ("The convoy left late evening yesterday.", "late evening yesterday", ("TIME", "2024-11-04TEV")),
        ("The strike began on June 3, 2021. By mid-morning the port was closed.", "mid-morning",
         ("TIME", "2021-06-03TMO")),
    ],
)
def test_timex_parts_of_day_with_early_mid_late(text: str, span: str, expected: tuple[str, str | None]) -> None:
    assert found(text)[span] == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The rebels took the town on May 2, 2016. Earlier that day, envoys had left.", "Earlier that day",
         ("DATE", "2016-05-02")),
        ("He fled in June 2009 and returned later that year.", "later that year", ("DATE", "2009")),
        ("Exports fell in 2011, and imports rose that year.", "that year", ("DATE", "2011")),
    ],
)
def test_timex_that_unit_is_of_the_time_last_named(text: str, span: str, expected: tuple[str, str | None]) -> None:
    assert found(text)[span] == expected


def test_timex_bare_that_day_is_no_time() -> None:
    assert "that day" not in found("Traders who sold that day lost the most.")


def test_timex_a_day_after_since_shortly_after_is_past() -> None:
    # the anchor is Nov. 5: without "since", Dec. 20 would be the coming one
    values = found("Police have searched for the gunman since shortly after the Dec. 20 ambush.")
    assert values["Dec. 20"] == ("DATE", "2023-12-20")


@pytest.mark.parametrize(
    ("text", "present"),
    [("The protest soon turned violent.", False), ("He was soon freed by the rebels.", False),
     ("The ministers will soon meet again.", True)],
)
def test_timex_soon_in_a_past_clause_is_no_future_ref(text: str, present: bool) -> None:
    assert (found(text).get("soon") == ("DATE", "FUTURE_REF")) is present


def test_timex_the_week_of_a_date_is_its_iso_week() -> None:
    assert found("A hearing is expected the week of March 6, 2023.")["the week of March 6, 2023"] == ("DATE", "2023-W10")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leaders will meet on June 12 and 13 in Geneva.", [("June 12", "2025-06-12"), ("13", "2025-06-13")]),
        ("Polls were open May 2 to 4.", [("May 2", "2024-05-02"), ("4", "2024-05-04")]),
        ("Polls were open May 2-4.", [("May 2", "2024-05-02"), ("4", "2024-05-04")]),
        ("On May 2 and 25 soldiers died.", [("May 2", "2024-05-02")]),
    ],
)
def test_timex_second_day_of_a_pair_or_range(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, ANCHOR)] == expected


def test_timex_clock_time_with_gmt_in_brackets_takes_the_weekday_after() -> None:
    values = found("The bomb went off at 10:35 a.m. (0735 GMT) Friday near the embassy.")
    assert values["10:35 a.m."] == ("TIME", "2024-11-01T10:35")
    assert "0735" not in values


def test_timex_a_gmt_clock_time_is_no_year() -> None:
    assert "1900" not in found("The ministers met at 3 p.m. (1900 GMT) on Monday.")


@pytest.mark.parametrize(
    "text", ["The quarter-to-quarter comparison flattered the bank.", "She ran the day-to-day work of the mission."]
)
def test_timex_unit_to_unit_compounds_are_no_time(text: str) -> None:
    assert found(text) == {}


def test_timex_may_day_is_no_month() -> None:
    assert found("Unions marched on May Day in Paris.") == {}


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The decades-long dispute over the border flared again.", "decades-long", ("DURATION", "PXY")),
        ("The army lifted a year-long siege of the city.", "year-long", ("DURATION", "P1Y")),
        ("He gave an hour-long speech to parliament.", "hour-long", ("DURATION", "PT1H")),
    ],
)
def test_timex_unit_long_modifiers_are_durations(text: str, span: str, expected: tuple[str, str | None]) -> None:
    assert found(text)[span] == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [("Peacekeepers will stay for some time.", "some time"), ("The border stays shut for a while.", "a while"),
     ("Talks may stall for a rather short period.", "a rather short period")],
)
def test_timex_vague_stretches_after_for(text: str, span: str) -> None:
    assert found(text)[span] == ("DURATION", "PXX")


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The general was detained on March 3, 2020. The next day he was freed.", "The next day",
         ("DATE", "2020-03-04")),
        ("Shelling began on March 3, 2020; the following morning the town fell.", "the following morning",
         ("TIME", "2020-03-04TMO")),
        ("The mayor was shot on May 9, 2019, and his aide was arrested the day after.", "the day after",
         ("DATE", "2019-05-10")),
        ("Markets were calm on Oct. 12, the day before the crash.", "the day before", ("DATE", "2024-10-12")),
    ],
)
def test_timex_day_next_to_the_time_last_named(text: str, span: str, expected: tuple[str, str | None]) -> None:
    assert found(text)[span] == expected


def test_timex_a_month_after_by_is_a_deadline_to_come() -> None:
    # the anchor is in November and no verb gives a tense: without "by", August would be the last one
    assert found("Twice as many flights to Asia by August, under the new plan.")["August"] == ("DATE", "2025-08")


def test_timex_time_words_in_a_title_case_headline_stay_times() -> None:
    text = "Rival Leaders Agree To Meet Next Week\nThe two leaders will meet in Geneva."
    assert found(text)["Next Week"] == ("DATE", "2024-W46")


def test_timex_trading_and_working_days_are_days() -> None:
    values = found("The bank must reply within ten working days; shares fell for three trading days.")
    assert values["within ten working days"] == ("DURATION", "P10D")
    assert values["three trading days"] == ("DURATION", "P3D")


def test_timex_a_bare_month_half_a_year_ahead_without_tense_is_last_years() -> None:
    # anchor Nov. 5, 2024: April 2025 is five months ahead, April 2024 seven months back
    assert found("A record high in April; a low in June.")["April"] == ("DATE", "2024-04")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The envoy said Kosovo will one day join the union.", ("DATE", "FUTURE_REF")),
     ("She hopes to one day lead the party.", ("DATE", "FUTURE_REF")),
     ("The strike lasted one day.", ("DURATION", "P1D")),
     ("Repairs could take one day or two.", ("DURATION", "P1D"))],
)
def test_timex_one_day_after_a_modal_is_some_future_day(text: str, expected: tuple[str, str]) -> None:
    assert found(text)["one day"] == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [("Fuel prices have doubled in recent months.", "recent months", ("DURATION", "PXM")),
     ("Raids on the border grew bolder in recent years.", "recent years", ("DURATION", "PXY")),
     ("Shelling has eased in recent days.", "recent days", ("DURATION", "PXD"))],
)
def test_timex_recent_units_are_a_stretch_of_unknown_length(text: str, span: str, expected: tuple[str, str]) -> None:
    assert found(text)[span] == expected


def test_timex_currently_opening_a_sentence_is_left_out() -> None:
    values = found("Currently, aid reaches the town by road. The militia currently holds the pass.")
    assert list(values) == ["currently"]
    assert values["currently"] == ("DATE", "PRESENT_REF")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Exports should rise 6% annually through 2030.", None),
     ("The mine would produce about 40,000 tonnes annually.", None),
     ("Pilgrims gather at the shrine annually.", ("SET", "P1Y"))],
)
def test_timex_annually_after_an_amount_is_a_rate_not_a_time(text: str, expected: tuple[str, str] | None) -> None:
    assert found(text).get("annually") == expected


@pytest.mark.parametrize(
    "text",
    ["Militias recruit among today's jobless youth.", "Such borders make no sense in today's world.",
     "He said the party must train the leaders of tomorrow.", "Drones will shape tomorrow's world.",
     "The two rivals face a high noon at the border.", "She led the ``March of the Mothers'' through the capital."],
)
def test_timex_generic_or_named_time_words_are_no_times(text: str) -> None:
    assert found(text) == {}


def test_timex_todays_talks_are_still_today() -> None:
    assert found("Today's talks in Doha ended early.")["Today"] == ("DATE", "2024-11-05")


def test_timex_effective_date_is_one_to_come() -> None:
    # anchor Nov. 5, 2024, no verb tense near: "effective" starts something, as "until" ends it
    assert found("A new ceasefire pact, effective March 1, was signed.")["March 1"] == ("DATE", "2025-03-01")


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [("Loyalist bands march each July through the town.", "each July", ("SET", "XXXX-07")),
     ("Floods cut the pass every winter.", "every winter", ("SET", "XXXX-WI"))],
)
def test_timex_each_month_or_season_is_a_set(text: str, span: str, expected: tuple[str, str]) -> None:
    assert found(text)[span] == expected


def test_timex_weekday_with_a_plural_part_of_day_is_a_set() -> None:
    values = found("Ferries will sail on Friday and Saturday nights; patrols run Sunday mornings. Fighting broke out Friday night.")
    assert values["Friday"] == ("SET", "XXXX-WXX-5TNI")
    assert values["Saturday nights"] == ("SET", "XXXX-WXX-6TNI")
    assert values["Sunday mornings"] == ("SET", "XXXX-WXX-7TMO")
    assert values["Friday night"] == ("TIME", "2024-11-01TNI")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The convoy will leave at 4 in the morning (4 a.m. local time Thursday).", ("4 in the morning", "TIME", "2024-11-07T04:00")),
     ("The raid began at 10 o'clock in the evening.", ("10 o'clock in the evening", "TIME", "2024-11-05T22:00"))],
)
def test_timex_clock_time_said_in_words(text: str, expected: tuple[str, str, str]) -> None:
    first = find_timexes(text, ANCHOR)[0]
    assert (first.text, first.type, first.value) == expected


def test_timex_a_count_before_in_the_morning_is_no_clock_time() -> None:
    assert "3 in the morning" not in found("The shelling killed 3 in the morning raid.")


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [("The day before last Tuesday's hearing, the envoy flew to Havana.", "The day before last Tuesday", ("DATE", "2024-10-28")),
     ("Rebels shelled the town the day after Friday's vote.", "the day after Friday", ("DATE", "2024-11-02"))],
)
def test_timex_day_before_or_after_a_weekday(text: str, span: str, expected: tuple[str, str]) -> None:
    assert found(text)[span] == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Exports may recover in the first half of 2025.", "the first half of 2025", ("DATE", "2025-H1")),
        ("Losses should last through the first two quarters of 2025.", "the first two quarters of 2025",
         ("DATE", "2025-H1")),
        ("Prices fell in the last two quarters of this year.", "the last two quarters of this year", ("DATE", "2024-H2")),
    ],
)
def test_timex_half_year_named_by_its_quarters(text: str, span: str, expected: tuple[str, str]) -> None:
    assert found(text)[span] == expected

import pytest

from turnstone.ingest.clean import clean_text, is_caps_headline, promo_reason


@pytest.mark.parametrize("line", [
    "CLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER",
    "Click here to read more from the Daily Planet",
    "SIGN UP FOR OUR DAILY NEWSLETTER",
    "Sign up for our newsletter to get daily updates",
    "READ MORE: Talks stall again in Geneva",
    "Advertisement",
    "PETE HEGSETH: FIGHTING FOR PRE-2014 BORDERS ‘UNREALISTIC’ FOR UKRAINE",
])
def test_clean_promo_lines_are_flagged(line):
    assert promo_reason(line) is not None


@pytest.mark.parametrize("line", [
    "The United States and Russia agreed to start negotiations, President Donald Trump said.",
    "NATO said on Tuesday that the alliance would send more troops to the eastern flank.",
    "He said it was time to read more carefully the terms of the deal, adding that nobody objected.",
    "U.S.",
    "“It is time to stop this ridiculous War, where there has been DEATH and DESTRUCTION.”",
])
def test_clean_real_text_is_kept(line):
    assert promo_reason(line) is None


def test_clean_lists_removed_lines_with_raw_offsets():
    raw = "Leaders met in Geneva on Monday.\nCLICK HERE TO READ MORE FROM THE DAILY\nThey agreed to meet again."
    cleaned = clean_text(raw)
    assert cleaned.text == "Leaders met in Geneva on Monday.\nThey agreed to meet again."
    [removed] = cleaned.removed
    assert raw[removed.start:removed.end] == removed.text
    assert removed.why == "promo line"


def test_clean_takes_a_headline_first_line_as_title():
    cleaned = clean_text("Talks resume in Geneva\nLeaders met in Geneva on Monday.\nThey agreed.")
    assert cleaned.title == "Talks resume in Geneva"
    assert cleaned.text.startswith("Leaders met")


def test_clean_keeps_a_first_line_that_is_a_sentence():
    cleaned = clean_text("Leaders met in Geneva on Monday.\nThey agreed.")
    assert cleaned.title is None
    assert cleaned.text.startswith("Leaders met")


def test_clean_caps_headline_needs_letters_and_words():
    assert not is_caps_headline("NATO")
    assert not is_caps_headline("AP")
    assert is_caps_headline("RUSSIA AND CHINA HOLD NAVAL DRILLS IN PACIFIC")


def test_clean_seed_article_drops_exactly_the_gold_boilerplate(seed_gold):
    import json

    gold = json.loads(seed_gold.read_text())
    raw = (seed_gold.parent / gold["article"]["file"]).read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    assert sorted(r.text for r in cleaned.removed) == sorted(gold["boilerplate"])
    # every other non-empty line survives untouched
    kept = [ln for ln in raw.splitlines() if ln.strip() and ln not in gold["boilerplate"]]
    assert cleaned.text.splitlines() == kept

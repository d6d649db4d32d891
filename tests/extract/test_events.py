"""Tests for the events stage: PLOVER coding, roles, flags, scores, evidence and the seed gold."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import turnstone
from turnstone.extract.cameo import goldstein, plover_for_cameo, plover_score, plover_types_for_root
from turnstone.extract.event_lexicon import inflections, load_lexicon
from turnstone.extract.events import MAX_PER_SENTENCE
from turnstone.model import PLOVER_TYPES

SHARED = Path(os.environ.get("TURNSTONE_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared"))
SEED = SHARED / "gold" / "articles" / "us-russia-talks-2025-02-12"


def events_of(text: str, published: str = "2025-02-12") -> list[turnstone.model.Event]:
    return turnstone.process(text, published=published).events


def parties(event: turnstone.model.Event) -> tuple[set[str | None], set[str | None]]:
    return {a.country for a in event.actors}, {r.country for r in event.recipients}


@pytest.mark.parametrize("text,event,actors,recipients", [
    ("Russia attacked Ukraine on Monday.", "ASSAULT", {"RUS"}, {"UKR"}),
    ("Israel on Wednesday released 150 Palestinian prisoners.", "RETREAT", {"ISR"}, {"PSE"}),
    ("Syrian rebels fired rockets at Turkey on Sunday.", "ASSAULT", {"SYR"}, {"TUR"}),
    ("Germany will supply tanks and ammunition to Poland next month.", "AID", {"DEU"}, {"POL"}),
    ("France accused Rwanda of arming militias.", "ACCUSE", {"FRA"}, {"RWA"}),
    ("Five Georgian activists were arrested by Russian police on Sunday.", "COERCE", {"RUS"}, {"GEO"}),
    ("Moldova signed a trade agreement with the European Union in Brussels.", "SUPPORT", {"MDA"}, {"IGO"}),
    ("Japan imposed sanctions on North Korea.", "SANCTION", {"JPN"}, {"PRK"}),
])
def test_events_codes_type_and_parties(text: str, event: str, actors: set[str], recipients: set[str]) -> None:
    found = [v for v in events_of(text) if v.event == event]
    assert found, f"no {event} in {text!r}: {events_of(text)}"
    assert parties(found[0]) == (actors, recipients)


@pytest.mark.parametrize("text,expected", [
    # "his" is the actor's own; the counterpart is the recipient
    ("The Turkish foreign minister met his Azerbaijani counterpart in Ankara on Monday.", [("CONSULT", {"TUR"}, {"AZE"})]),
    # the source of a report is not the target of the act it reports; missiles fired into the
    # sea ("on Sunday" dates them, it names no target) are a weapons test, PLOVER MOBILIZE
    ("North Korea fired two missiles into the sea on Sunday, South Korea's military said.",
     [("MOBILIZE", {"PRK"}, set())]),
    # a stated future provision of aid is a promise: PLOVER AGREE
    ("The European Union said it would send humanitarian aid to Sudan.", [("AGREE", {"IGO"}, {"SDN"})]),
    # a stated intention of force is a threat
    ("Armenia and Greece said they will attack Turkey.", [("THREATEN", {"ARM", "GRC"}, {"TUR"})]),
    # the asked-for act is not coded as an event of its own
    ("Canada urged Ethiopia to release the detained journalists.", [("REQUEST", {"CAN"}, {"ETH"})]),
])
def test_events_reported_and_embedded_acts(text: str, expected: list[tuple[str, set[str], set[str]]]) -> None:
    assert [(v.event, *parties(v)) for v in events_of(text)] == expected


def test_events_condemnation_answers_the_earlier_act() -> None:
    found = events_of("Serbia attacked Croatia on Monday. Germany condemned the attack on Tuesday.")
    assert [(v.event, *parties(v)) for v in found] == [("ASSAULT", {"SRB"}, {"HRV"}), ("ACCUSE", {"DEU"}, {"SRB"})]


def test_events_both_sides_are_the_last_pair() -> None:
    found = events_of("Armenia and Azerbaijan held talks in Vienna on Monday. Norway urged both sides to compromise.")
    assert ("REQUEST", {"NOR"}, {"ARM", "AZE"}) in [(v.event, *parties(v)) for v in found]


def test_events_reciprocal_meeting_lists_both_parties_as_actors() -> None:
    found = events_of("China, India, and Brazil met in Geneva last week.")
    assert [v.event for v in found] == ["CONSULT"]
    assert parties(found[0]) == ({"CHN", "IND", "BRA"}, set())


def test_events_nominal_meeting_with_possessor_place_and_future_date() -> None:
    text = "Vice President JD Vance will stress Secretary of State Marco Rubio's meeting with Zelensky in Munich on Friday."
    article = turnstone.process(text, published="2025-02-12")
    found = [v for v in article.events if v.event == "CONSULT"]
    assert found and parties(found[0]) == ({"USA"}, {"UKR"})
    assert found[0].date == "2025-02-14" and found[0].future
    if any(p.name == "Munich" for p in article.places):  # the place comes from the places stage
        assert found[0].place == "Munich"


def test_events_future_week_dates_the_event_to_its_month() -> None:
    # "next week" is 2025-W08: as text it sorts after every 2025 date, so it is compared by its Monday
    article = turnstone.process("Iran said on Tuesday it will hold talks with the United States next week in Oman.",
                                published="2025-02-12")
    found = [v for v in article.events if v.event == "CONSULT"]
    assert found and found[0].date == "2025-02"


def test_events_future_date_skips_a_week_the_year_lacks() -> None:
    # a stored or hand-made value such as 2025-W53 (2025 has 52 ISO weeks) is skipped, not a crash
    from turnstone.extract.event_dates import _future_date

    text = "Iran said on Tuesday it will hold talks with the United States next week in Oman."
    article = turnstone.process(text, published="2025-02-12")
    week = next(t for t in article.times if t.text == "next week")
    sentence = next(iter(article.doc.sents))
    assert _future_date(article, sentence, text.index("hold")) == "2025-02"
    week.value = "2025-W53"
    assert _future_date(article, sentence, text.index("hold")) is None


@pytest.mark.parametrize("text", [
    "The weather in Lisbon was mild and the markets were calm on Tuesday.",
    "A man burned down the old barn near the river.",
    "She said the outcome of the talks would be good for everyone.",
    "Trucks drove back from the coast after the storm ended.",
    "Talks resumed.\nMINISTER SAYS FIGHTING FOR OLD BORDERS IS POINTLESS FOR ARMENIA\nNothing else happened.",
])
def test_events_none_without_event_or_resolved_parties(text: str) -> None:
    assert events_of(text) == []


def test_events_negated_cooperation_is_a_rejection() -> None:
    found = events_of("Norway said it would not provide weapons to Ukraine this year.")
    assert [(v.event, v.negated) for v in found] == [("REJECT", False)]
    assert parties(found[0]) == ({"NOR"}, {"UKR"})


def test_events_negated_hostile_act_is_flagged() -> None:
    found = events_of("Russia did not attack Ukraine on Monday.")
    assert found and found[0].event == "ASSAULT" and found[0].negated


def test_events_hypothetical_flag() -> None:
    found = events_of("Iran could attack Israel if talks fail.")
    assert found and found[0].hypothetical


def test_events_agree_to_release_is_the_release() -> None:
    found = events_of("The Kremlin agreed to release an American teacher on Tuesday.")
    assert [v.event for v in found] == ["RETREAT"]
    assert found[0].mode == "release" and found[0].date == "2025-02-11"


def test_events_historical_years_ago_gets_month_precision() -> None:
    found = events_of("Russia attacked Ukraine three years ago.")
    assert found and found[0].date == "2022-02" and found[0].historical


def test_events_scores_and_evidence_are_consistent() -> None:
    article = turnstone.process("Russia attacked Ukraine on Monday. Israel released Palestinian prisoners.",
                                published="2025-02-12")
    assert len(article.events) == 2
    for v in article.events:
        assert article.text[v.evidence.start:v.evidence.end] == v.evidence.text
        assert plover_for_cameo(v.cameo) == v.event
        assert v.goldstein == goldstein(v.cameo) and v.plover_score == plover_score(v.event, v.mode)
        assert 0 < v.confidence < 1


def test_events_at_most_a_few_per_sentence() -> None:
    text = ("Russia attacked, shelled, bombed, invaded, blockaded, occupied and threatened Ukraine, "
            "and accused, condemned and criticized Ukraine on Monday.")
    assert 1 <= len(events_of(text)) <= MAX_PER_SENTENCE


def test_events_lexicon_entries_are_valid_plover_and_crosswalk() -> None:
    lexicon = load_lexicon()
    assert {t.event for t in lexicon} == set(PLOVER_TYPES)
    for t in lexicon:
        assert plover_for_cameo(t.cameo) == t.event, t.words
        assert plover_score(t.event, t.mode) is not None


def test_events_cameo_root_08_splits_concede_and_retreat() -> None:
    assert plover_types_for_root("08") == {"CONCEDE", "RETREAT"}
    assert plover_for_cameo("023") is None  # PLOVER drops CAMEO 02 APPEAL


def test_events_inflections_cover_regular_forms() -> None:
    assert {"bans", "banned", "banning"} <= inflections("ban")
    assert {"releases", "released", "releasing"} <= inflections("release")
    assert {"criticises", "criticised"} <= inflections("criticize")


def test_events_seed_gold_required_events_found() -> None:
    if not SEED.with_suffix(".txt").exists():
        pytest.skip(f"seed gold article not found under {SHARED} (set TURNSTONE_SHARED)")
    gold = json.loads(SEED.with_suffix(".gold.json").read_text(encoding="utf-8"))
    article = turnstone.process(SEED.with_suffix(".txt").read_text(encoding="utf-8"), published="2025-02-12")
    for g in [g for g in gold["events"] if g.get("required", True)]:
        want = set(g["actors"]) | set(g.get("recipients", []))
        hits = [v for v in article.events if v.event == g["event"] and v.date == g.get("date", v.date)
                and set().union(*parties(v)) == want]
        assert hits, f"missing {g['event']} {g['actors']}->{g.get('recipients')} {g.get('date')}: {g['evidence']}"
    acceptable = {(g["event"], frozenset(g["actors"]) | frozenset(g.get("recipients", []))) for g in gold["events"]}
    for v in article.events:
        assert (v.event, frozenset(set().union(*parties(v)))) in acceptable, f"extra event {v}"


@pytest.mark.parametrize(("text", "expected"), [
    # the target of a rejection or threat is the other side of the story's main dyad
    (("The United States imposed new sanctions on Venezuela on Monday. "
      "Venezuela said on Tuesday that it would respond forcefully."),
     [("SANCTION", {"USA"}, {"VEN"}), ("THREATEN", {"VEN"}, {"USA"})]),
    # with no earlier event there is no one it answers: a threat with no recipient
    ("Venezuela said on Tuesday that it would respond forcefully.", [("THREATEN", {"VEN"}, set())]),
    # and a rejection with no earlier event names no one: not coded
    ("Venezuela rejected the measures on Tuesday.", []),
    # "called on X to": X is the one asked
    ("Colombia called on Venezuela to free the prisoners.", [("REQUEST", {"COL"}, {"VEN"})]),
])
def test_events_target_from_context(text: str, expected: list[tuple[str, set[str], set[str]]]) -> None:
    assert [(v.event, *parties(v)) for v in events_of(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # common news phrasings from the PLOVER definitions
    ("Iran vowed to retaliate against Israel.", [("THREATEN", {"IRN"}, {"ISR"})]),
    ("China imposed tariffs on Canadian goods.", [("SANCTION", {"CHN"}, {"CAN"})]),
    ("Russia denied the accusations by Ukraine.", [("REJECT", {"RUS"}, {"UKR"})]),
    ("Ethiopia recalled its ambassador from Kenya.", [("SANCTION", {"ETH"}, {"KEN"})]),
    ("China held military drills near Taiwan.", [("MOBILIZE", {"CHN"}, {"TWN"})]),
    # an announced decision is the sanction itself, not a threat of one
    ("Britain said it would cancel a mining licence in Zimbabwe.", [("SANCTION", {"GBR"}, {"ZWE"})]),
])
def test_events_common_phrasings(text: str, expected: list[tuple[str, set[str], set[str]]]) -> None:
    assert [(v.event, *parties(v)) for v in events_of(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # PLOVER THREATEN and ASSAULT need no recipient: a threat to no named party, an attack on a ship
    ("Russia warned that foreign instructors would be legitimate targets.", [("THREATEN", {"RUS"}, set())]),
    ("Houthi rebels attacked a cargo ship on Sunday.", [("ASSAULT", {"YEM"}, set())]),
    # but an attack verb with neither a target nor a party is not coded
    ("Houthi rebels attacked on Sunday.", []),
])
def test_events_without_recipient(text: str, expected: list[tuple[str, set[str], set[str]]]) -> None:
    assert [(v.event, *parties(v)) for v in events_of(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an agentless arrest reported by the state's own authority is that state's act
    ("Georgia's interior ministry said 51 people had been detained in Tbilisi.", [("COERCE", {"GEO"}, {"GEO"})]),
    # a non-state source of the report does not make the arrest its own
    ("Witnesses said 12 people were arrested.", []),
])
def test_events_agentless_arrest(text: str, expected: list[tuple[str, set[str], set[str]]]) -> None:
    assert [(v.event, *parties(v)) for v in events_of(text)] == expected


def test_events_target_from_later_sentences() -> None:
    # the lead's threat names no target; the story's main dyad (India-Pakistan) does, later on
    text = ("Pakistan said on Wednesday that it would respond forcefully. "
            "India expelled Pakistani diplomats on Tuesday. India also closed its border with Pakistan.")
    got = [(v.event, *parties(v)) for v in events_of(text)]
    assert got[0] == ("THREATEN", {"PAK"}, {"IND"})


def test_events_numbered_target_after_preposition() -> None:
    # "on 11 officials": a preposition before a number is still the trigger's role
    got = [(v.event, *parties(v)) for v in events_of("Latvia imposed travel bans on 11 Georgian officials.")]
    assert got == [("SANCTION", {"LVA"}, {"GEO"})]


def test_events_we_in_quote_is_the_speakers_side() -> None:
    text = 'Pakistan\'s defence minister Khawaja Asif said: "We will attack India if it crosses the border."'
    got = [(v.event, *parties(v)) for v in events_of(text)]
    assert got == [("THREATEN", {"PAK"}, {"IND"})]


def test_events_third_party_offer_addresses_both_sides() -> None:
    # a mediator's offer addresses both sides of the story; the host's own city is no party
    text = ("India expelled Pakistani diplomats on Tuesday. Pakistan closed its border with India on Wednesday. "
            "Qatar offered to host talks in Doha.")
    got = [(v.event, *parties(v)) for v in events_of(text)]
    assert got[-1] == ("AGREE", {"QAT"}, {"IND", "PAK"})


@pytest.mark.parametrize("text,event,mode,actors,recipients", [
    # taking a place by force, also inside a relative clause (actor = the antecedent)
    ("Sudanese paramilitaries who captured the city of Wad Madani said they would stay.", "ASSAULT", None, {"SDN"}, set()),
    # a prisoner exchange is a release by both sides
    ("Armenia and Azerbaijan exchanged 30 prisoners on Friday.", "RETREAT", "release", {"ARM", "AZE"}, set()),
    # sending warships or jets (not aid) is military posture; surrounding an island too
    ("Turkey sent six warships and ten fighter jets near Cyprus on Monday.", "MOBILIZE", "troops", {"TUR"}, {"CYP"}),
    ("Chinese forces surrounded the island of Taiwan on Tuesday.", "MOBILIZE", "troops", {"CHN"}, {"TWN"}),
    # launching drones at a target stays an attack
    ("Iran launched 150 drones and missiles at Israel overnight.", "ASSAULT", "drone", {"IRN"}, {"ISR"}),
    # closing crossings and banning flights restrict movement; the destination is the recipient
    ("Poland closed its border crossings with Belarus on Monday.", "COERCE", "restrict", {"POL"}, {"BLR"}),
    ("The US aviation authority on Friday banned American airlines from flying to Sudan.",
     "COERCE", "restrict", {"USA"}, {"SDN"}),
    # leaving an agreement is PLOVER SANCTION 'withdraw' (withdraw oneself from a group or organization)
    ("Mali withdrew from the defence agreement with France in 2022.", "SANCTION", "withdraw", {"MLI"}, {"FRA"}),
    # agentless passive attacks: the target is known, the attacker is not
    ("One of Jordan's bases was hit by mortar fire on Sunday.", "ASSAULT", None, set(), {"JOR"}),
    ("A Nigerian soldier was shot and wounded at a checkpoint.", "ASSAULT", "firearms", set(), {"NGA"}),
    # nationality adjectives inside the object name the recipient
    ("Britain imposed sanctions on four Venezuelan oil tankers.", "SANCTION", "discontinue", {"GBR"}, {"VEN"}),
])
def test_events_lexicon_classes(text: str, event: str, mode: str | None, actors: set[str], recipients: set[str]) -> None:
    found = [v for v in events_of(text) if v.event == event]
    assert found, f"no {event} in {text!r}: {events_of(text)}"
    assert (found[0].mode, *parties(found[0])) == (mode, actors, recipients)


def test_events_agentless_passive_needs_auxiliary() -> None:
    # "attacked on Sunday" with no subject and no "was" is no agentless passive
    assert [v.event for v in events_of("Houthi rebels attacked on Sunday.")] == []


@pytest.mark.parametrize("text,expected", [
    # a summit "between A and B" has both as actors, even when a verb follows the pair
    ("A summit between Egypt and Sudan will take place on Sunday in Cairo.", ("CONSULT", {"EGY", "SDN"}, set())),
    # a broker's mediation between two parties
    ("Qatar brokered a truce between Israel and Hamas.", ("CONSULT", {"QAT"}, {"ISR", "PSE"})),
    # a phone call to a counterpart; "called on ... on Monday to" stays a request
    ("The British minister called her Chinese counterpart on Monday.", ("CONSULT", {"GBR"}, {"CHN"})),
    ("The EU called on Russia on Monday to withdraw.", ("REQUEST", {"IGO"}, {"RUS"})),
    ("Britain's foreign secretary handed her Chinese counterpart a list of names.", ("CONSULT", {"GBR"}, {"CHN"})),
])
def test_events_talks_and_calls(text: str, expected: tuple[str, set[str], set[str]]) -> None:
    assert expected in [(v.event, *parties(v)) for v in events_of(text)]


def test_events_characterisation_answers_the_last_event() -> None:
    # "called the move a provocation" condemns the actor of the move reported just before;
    # a relative clause's subject rejects the proposal it is attached to
    text = ("Japan sent two warships near Taiwan on Monday. China called the move 'a dangerous provocation'. "
            "It was a step that Russia and China have resisted.")
    got = [(v.event, *parties(v)) for v in events_of(text)]
    assert ("ACCUSE", {"CHN"}, {"JPN"}) in got
    assert ("REJECT", {"RUS", "CHN"}, {"JPN"}) in got


def test_events_barrage_reported_by_its_target_is_an_attack() -> None:
    # drones "overnight", reported by the other country: ASSAULT on it, not a weapons test
    got = [(v.event, *parties(v)) for v in events_of("Iran fired 30 missiles and 90 drones overnight, Israel's army said.")]
    assert got == [("ASSAULT", {"IRN"}, {"ISR"})]


def test_events_agentless_deployment_takes_the_deploying_force_from_context() -> None:
    text = "Rwanda sent 300 soldiers to Mozambique in July. Another 500 soldiers will be deployed, officials said."
    got = [(v.event, *parties(v)) for v in events_of(text)]
    assert got == [("MOBILIZE", {"RWA"}, {"MOZ"}), ("MOBILIZE", {"RWA"}, {"MOZ"})]


@pytest.mark.parametrize("text,date", [
    # the talks are dated by the weekday after the future marker, not by the saying
    ("Cuba said on Tuesday that it will hold talks with Mexico on Saturday.", "2025-04-12"),
    ("A summit between Chile and Peru, officials said, would take place on Sunday.", "2025-04-13"),
    # a past meeting keeps the past weekday
    ("Cuba said on Tuesday it held talks with Mexico.", "2025-04-08"),
])
def test_events_future_talks_take_the_coming_weekday(text: str, date: str) -> None:
    found = [v for v in events_of(text, published="2025-04-09") if v.event == "CONSULT"]
    assert found and found[0].date == date


def test_events_capture_at_home_is_taken_from_the_other_side() -> None:
    # a village in the actor's own country was taken from the story's other party
    text = "Armenia attacked Azerbaijan in 2020. Azerbaijan's army said it had captured the village of Talish."
    got = [(v.event, *parties(v)) for v in events_of(text)]
    assert ("ASSAULT", {"AZE"}, {"ARM"}) in got


@pytest.mark.parametrize("text,expected", [
    ("Fighting between Chad and Sudan resumed on Monday. Egypt's president called both sides on Tuesday.",
     ("CONSULT", {"EGY"}, {"TCD", "SDN"})),
    ("Chad and Sudan clashed on Monday. Egypt's president urged them to avoid escalation.",
     ("REQUEST", {"EGY"}, {"TCD", "SDN"})),
    ("Fighting between Chad and Sudan resumed on Monday.", ("ASSAULT", {"TCD", "SDN"}, set())),
])
def test_events_both_sides_and_them_are_the_story_pair(text: str, expected: tuple[str, set[str], set[str]]) -> None:
    assert expected in [(v.event, *parties(v)) for v in events_of(text)]


def test_events_brokered_by_mediates_between_the_sentence_pair() -> None:
    text = "Fighting between Chad and Sudan resumed, breaking a truce brokered by Qatar in May."
    assert ("CONSULT", {"QAT"}, {"TCD", "SDN"}) in [(v.event, *parties(v)) for v in events_of(text)]


@pytest.mark.parametrize("text,expected", [
    ("Chinese forces carried out drills around Taiwan on Monday.", ("MOBILIZE", {"CHN"}, {"TWN"})),
    ("China's coast guard increased patrols near Vietnam on Monday.", ("MOBILIZE", {"CHN"}, {"VNM"})),
    ("Canada closed its airspace to Russian airlines.", ("COERCE", {"CAN"}, {"RUS"})),
    ("The Philippines lodged a diplomatic protest with China on Monday.", ("ACCUSE", {"PHL"}, {"CHN"})),
])
def test_events_posture_and_restriction_phrases(text: str, expected: tuple[str, set[str], set[str]]) -> None:
    assert expected in [(v.event, *parties(v)) for v in events_of(text)]


def test_events_plain_threat_targets_the_other_side_of_the_story() -> None:
    # "threatened military action" (no to-infinitive) names no target: the story's other side
    text = "Egypt struck Libya on Saturday. Libya accused Egypt of aggression. Egypt threatened military action if talks fail."
    assert ("THREATEN", {"EGY"}, {"LBY"}) in [(v.event, *parties(v)) for v in events_of(text)]


def test_events_mediator_is_no_side_of_the_story() -> None:
    found = events_of("Armenia and Azerbaijan swapped detainees on Sunday in a deal mediated by Qatar. "
                      "Armenia later accused Azerbaijan of shelling a village. Azerbaijan would respond with force. "
                      "Norway urged both sides to show restraint.")
    coded = [(v.event, *parties(v)) for v in found]
    assert all("QAT" not in recipients for _, actors, recipients in coded if "QAT" not in actors), coded
    assert ("REQUEST", {"NOR"}, {"ARM", "AZE"}) in coded, coded


def test_events_year_naming_a_noun_does_not_date_the_event() -> None:
    found = events_of("Washington imposed sanctions under the 2017 trade law on Venezuela in 2020.",
                      published="2025-05-03")
    dates = {v.event: v.date for v in found}
    assert dates.get("SANCTION") == "2020", [(v.event, v.date) for v in found]


def test_events_agents_take_the_country_across_noun_modifiers() -> None:
    found = events_of("British defence officials accused Iran of seizing a tanker.", published="2025-03-03")
    assert ("ACCUSE", {"GBR"}, {"IRN"}) in [(v.event, *parties(v)) for v in found]


def test_events_floating_each_after_the_subject_keeps_the_verb() -> None:
    found = events_of("Armenia and Azerbaijan each freed 15 detainees on Friday.", published="2025-03-03")
    assert any(v.event == "RETREAT" and parties(v)[0] == {"ARM", "AZE"} for v in found), \
        [(v.event, *parties(v)) for v in found]


def test_events_phone_call_dated_by_on_is_no_call_on() -> None:
    found = events_of("Armenia and Azerbaijan clashed on Monday. The OSCE chairman, Tom Berg, called both sides on "
                      "Tuesday and urged them to avoid escalation.", published="2025-03-05")
    coded = [(v.event, v.mode, *parties(v)) for v in found]
    assert ("CONSULT", "phone", {"IGO"}, {"ARM", "AZE"}) in coded, coded
    assert ("REQUEST", None, {"IGO"}, {"ARM", "AZE"}) in coded, coded


def test_events_protest_target_is_the_party_whose_act_caused_it() -> None:
    found = events_of("Greece said it had lodged a protest after Turkish warships entered its waters.",
                      published="2025-03-05")
    assert ("ACCUSE", {"GRC"}, {"TUR"}) in [(v.event, *parties(v)) for v in found], \
        [(v.event, *parties(v)) for v in found]


def test_events_counterpart_named_in_apposition_is_the_recipient() -> None:
    found = events_of("Maia Sandu, Moldova's president, said she had handed her Romanian counterpart, Klaus Iohannis, "
                      "a letter.", published="2024-06-05")
    assert any(v.event == "CONSULT" and parties(v)[1] == {"ROU"} for v in found), \
        [(v.event, *parties(v)) for v in found]

"""NER clean-up before actor coding: noise spans dropped, cut names mended."""

from types import SimpleNamespace

import pytest

from turnstone.extract.noise import is_noise, mend_spans
from turnstone.kb import default_kb


class _Doc:
    def __init__(self, text: str, prev: str) -> None:
        self.text = text
        self._prev = SimpleNamespace(text=prev)

    def has_annotation(self, _: str) -> bool:
        return False

    def __getitem__(self, _: int) -> SimpleNamespace:
        return self._prev


def _span(text: str, surface: str, label: str, prev: str = "the") -> SimpleNamespace:
    start = text.index(surface)
    return SimpleNamespace(text=surface, label_=label, start_char=start, end_char=start + len(surface),
                           start=1, doc=_Doc(text, prev))


@pytest.mark.parametrize("text,surface,label,prev", [
    ("Nobody expected it.", "Nobody", "PERSON", "\n"),
    ("PORT-AU-PRINCE, Haiti - Gangs attacked.", "AU", "ORG", "-"),
    ("It warned that Western instructors would be targets.", "Western", "PERSON", "that"),
    ("Those who fled said so.", "Those", "ORG", "\n"),
    ("Restraint was urged.", "Restraint", "PERSON", "."),
    ("He posted on Telegram late.", "Telegram", "GPE", "on"),
    ("Senior Colonel Zhang Xiaogang said so.", "Senior Colonel", "ORG", "\n"),
    ("The Strait Thunder-2025A drills ended.", "Strait Thunder-2025A", "ORG", "The"),
    ('The leader Jean "Lapli" Pierre spoke.', "Lapli", "PERSON", '"'),
])
def test_noise_drops_non_names(text: str, surface: str, label: str, prev: str) -> None:
    assert is_noise(_span(text, surface, label, prev), default_kb())


@pytest.mark.parametrize("text,surface,label", [
    ("Goma fell on Monday.", "Goma", "GPE"),
    ("Hamas said it would respond.", "Hamas", "ORG"),
    ("Colonel Ibrahim Traore spoke.", "Ibrahim Traore", "PERSON"),
    ("Peace Now, an Israeli group, said so.", "Peace Now", "ORG"),
])
def test_noise_keeps_names(text: str, surface: str, label: str) -> None:
    assert not is_noise(_span(text, surface, label, "\n"), default_kb())


def test_noise_mends_names_cut_at_hyphens() -> None:
    text = "Minister Kim Yong-hyun met Alix Didier Fils-Aime and Abdel Fattah al-Burhan after Putin-Trump talks."
    spans = [(text.index("Kim"), text.index("-hyun"), "PERSON"),
             (text.index("Alix"), text.index("-Aime"), "PERSON"),
             (text.index("Burhan"), text.index("Burhan") + 6, "PERSON"),
             (text.index("Putin"), text.index("Putin") + 5, "PERSON")]
    got = [text[s:e] for s, e, _ in mend_spans(text, spans, default_kb())]
    assert got == ["Kim Yong-hyun", "Alix Didier Fils-Aime", "Abdel Fattah al-Burhan", "Putin"]


def test_noise_titled_first_name_is_a_person_not_a_city() -> None:
    text = "Taiwan's defence minister Wellington Koo said so, in Wellington."
    s = text.index("Wellington")
    later = text.rindex("Wellington")
    got = mend_spans(text, [(s, s + 10, "GPE"), (later, later + 10, "GPE")], default_kb())
    assert [(text[a:b], label) for a, b, label in got] == [("Wellington Koo", "PERSON"), ("Wellington", "GPE")]


def test_noise_joins_a_quoted_nickname() -> None:
    text = 'The leader Jimmy "Barbecue" Cherizier spoke.'
    spans = [(11, 17, "PERSON"), (text.index("Cheri"), text.index(" spoke"), "PERSON")]
    assert [text[s:e] for s, e, _ in mend_spans(text, spans, default_kb())] == ['Jimmy "Barbecue" Cherizier']


def test_noise_first_name_tagged_as_a_known_surname_takes_its_surname() -> None:
    text = "Ukraine's chief negotiator Petro Ivanenko said so. Gustavo Petro said on Monday. Petro Tuesday."
    s = text.index("Petro")
    later = text.index("Petro said")
    got = mend_spans(text, [(s, s + 5, "PERSON"), (later - 8, later + 5, "PERSON")], default_kb())
    assert [text[a:b] for a, b, _ in got] == ["Petro Ivanenko", "Gustavo Petro"]


def test_noise_rank_and_name_typed_org_is_a_person() -> None:
    text = "Congo's army spokesman General Sylvain Ekenge said so. The General Staff agreed."
    s = text.index("General Sylvain")
    staff = text.index("General Staff")
    got = mend_spans(text, [(s, s + len("General Sylvain Ekenge"), "ORG"), (staff, staff + 13, "ORG")], default_kb())
    assert [label for _, _, label in got] == ["PERSON", "ORG"]


def test_noise_upper_case_dateline_is_a_place() -> None:
    text = "KINSHASA, March 3 (Reuters) - Rebels advanced.\nNATO, the alliance, met."
    nato = text.index("NATO")
    got = mend_spans(text, [(0, 8, "ORG"), (nato, nato + 4, "ORG")], default_kb())
    assert [label for _, _, label in got] == ["GPE", "ORG"]


def test_noise_known_surname_after_another_first_name_takes_it() -> None:
    text = "RSF deputy commander Abdelrahim Dagalo said so. Sudan's President Dagalo? No: General Dagalo said."
    s = text.index("Dagalo")
    later = text.rindex("Dagalo")
    got = mend_spans(text, [(s, s + 6, "PERSON"), (later, later + 6, "PERSON")], default_kb())
    assert [text[a:b] for a, b, _ in got] == ["Abdelrahim Dagalo", "Dagalo"]

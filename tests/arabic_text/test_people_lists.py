"""Counts of dependents from lists of people, and whether they include children (issue 10)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text import answer_for_slot, extract_answers, parse_count


@pytest.mark.parametrize(
    "answer, count",
    [
        ("الزوجة وثلاث عيال", 4),  # the case: was 3
        ("أمي وأبوي", 2),
        ("بس الزوجة", 1),  # starts with a word that can mean "stop"
        ("زوجتين و٥ عيال", 7),
        ("ولدين وبنت", 3),
        ("ما عندي أحد", 0),
        ("زوجتي وثلاث عيال", 4),
        ("الزوجة و٣ عيال", 4),
        ("زوجة وثلاثة أطفال", 4),
        ("عندي زوجتين و٥ عيال", 7),
        ("زوجتي وأربعة أولاد", 5),
        ("امي وابوي واختي", 3),
        ("امي وابوي واخوي", 3),
        ("الوالد والوالدة", 2),
        ("الوالدين", 2),
        ("الوالدة بس", 1),
        ("بس الوالدة", 1),
        ("بس امي", 1),
        ("والدتي فقط", 1),
        ("زوجتي وبنتي", 2),
        ("زوجتي وامي", 2),
        ("زوجة و٣ بنات وولد", 5),
        ("٣ بنات وولد وزوجة", 5),
        ("عندي زوجة وطفلين", 3),
        ("امي وابي", 2),  # ابي is "my father" next to another person
        ("ابي وامي", 2),
        ("الزوجه والعيال الخمسة", 6),
        ("انا وزوجتي وعيالي الاربعة", 5),
        ("انا وزوجتي", 1),  # the applicant is not a dependent
        ("ثلاث بنات وولدين", 5),
        ("الزوجة و ٤ اطفال", 5),
        ("اخواني الثلاثة", 3),
        ("اختي وعيالها الثلاثة", 4),
        ("مرتي والعيال ٤", 5),
        ("ست أشخاص", 6),
        ("جدتي", 1),
        ("اخوي واختي", 2),
        ("الزوجة والولد", 2),
        ("طفلين", 2),
        ("انا لحالي", 0),
        ("ما عندي تابعين", 0),
        ("محد", 0),
    ],
)
def test_lists_of_people_are_counted(answer, count):
    assert parse_count(answer) == count
    assert answer_for_slot("dependents_count", answer) == count


@pytest.mark.parametrize("answer", ["زوجتي وعيالي", "عندي عيال", "الزوجة والعيال", "ابي افحص اهليتي"])
def test_a_plural_without_a_number_is_not_guessed(answer):
    assert parse_count(answer) is None


@pytest.mark.parametrize(
    "answer, has_children",
    [
        ("بس الزوجة", False),
        ("أمي وأبوي", False),
        ("الزوجة وثلاث عيال", True),
        ("ولدين وبنت", True),
        ("ما عندي عيال", False),
        ("ما عندنا اطفال", False),
        ("عندي ٣ عيال", True),
        ("٤ تابعين", None),  # says how many, not who
        ("عندي ٦ افراد", None),
    ],
)
def test_the_list_says_whether_there_are_children(answer, has_children):
    assert extract_answers(answer).get("has_children") is has_children


@pytest.mark.parametrize(
    "sentence, count",
    [
        ("راتبي ٣ آلاف وعندي تقاعد ابوي ١٥٠٠ وعندي ولدين وبنت", 3),  # ابوي is a source of money
        ("راتبي ١٥٠٠ وتقاعد ابوي ٨٠٠", None),
        ("اخوي يعطيني ٥٠٠ وعندي زوجة", 1),
        ("ما عندي عيال", None),  # a wife may still be a dependent
        ("عايش لحالي", 0),
        ("ما عندي احد اعوله", 0),
        ("ساكنة في جدة", None),  # جدة is a city, not a grandmother
    ],
)
def test_people_named_for_other_reasons_are_not_dependents(sentence, count):
    assert extract_answers(sentence).get("dependents_count") == count


@pytest.mark.parametrize(
    "answer, count",
    [
        ("احنا ٦", 5),  # the household's size, the applicant included
        ("نحن ٦ افراد", 5),
        ("عدد افراد اسرتي ٦", 5),
        ("عائلتي ٥ اشخاص", 4),
        ("٦ افراد معي", 5),
        ("اسرتي ٦ غيري", 6),  # "besides me"
        ("عندي ٦ افراد", 6),  # the people I support
        ("عندنا ٤ عيال", 4),
    ],
)
def test_a_household_size_counts_the_applicant_out(answer, count):
    assert parse_count(answer) == count


def test_extract_answers_counts_the_applicant_out_of_a_household_size():
    assert extract_answers("انا سعودي واحنا ٦ افراد")["dependents_count"] == 5


PEOPLE = [
    ("الزوجة", 1),
    ("زوجتي", 1),
    ("امي", 1),
    ("ابوي", 1),
    ("الوالدة", 1),
    ("اختي", 1),
    ("جدتي", 1),
    ("ولدين", 2),
    ("بنتين", 2),
    ("ولد", 1),
    ("بنت", 1),
    ("زوجتين", 2),
]
COUNTED = [("عيال", None), ("بنات", None), ("أولاد", None), ("أطفال", None)]
NUMBERS = [
    (1, "واحد"),
    (2, "اثنين"),
    (3, "ثلاث"),
    (4, "اربع"),
    (5, "خمس"),
    (6, "ست"),
    (7, "سبع"),
    (3, "٣"),
    (4, "٤"),
    (8, "8"),
    (9, "تسعة"),
]


@settings(max_examples=300, deadline=None)
@given(
    named=st.lists(st.sampled_from(PEOPLE), max_size=3),
    counted=st.lists(st.tuples(st.sampled_from(NUMBERS), st.sampled_from(COUNTED)), max_size=2),
    lead=st.sampled_from(["", "بس ", "عندي ", "اعول "]),
)
def test_any_list_of_people_is_counted(named, counted, lead):
    parts = [word for word, _ in named] + [
        f"{typed} {noun}" for (_, typed), (noun, _) in counted if typed not in ("واحد",)
    ]
    if not parts:
        return
    expected = sum(n for _, n in named) + sum(n for (n, typed), _ in counted if typed != "واحد")
    text = lead + " و".join(parts)
    assert parse_count(text) == expected, text

"""Saying where one lives never records a nationality (new-user probe, 2026-12-05: the fix
«انا مقيم بالسعودية» at the summary also turned a Saudi applicant into a non-Saudi).

Asked "are you Saudi?", "انا مقيم" still means an expatriate (Saudi usage); asked "do you
live in the Kingdom?", a lone "مقيم" / "ساكن" is a yes."""

from __future__ import annotations

import pytest

from arabic_text import answer_for_slot, extract_answers

RESIDENCE_STATEMENTS = [
    "انا مقيم بالسعودية",
    "انا مقيم في السعودية",
    "مقيمة بالمملكة",
    "لا انا مقيم بالسعودية",
    "ايوه مقيم هنا",
    "احنا مقيمين بالسعوديه من زمان",
    "ساكن في السعودية",
    "عايشين بالمملكه",
    "انا مقيم بالرياض",
    "مقيم بدبي",
    "انا مقيم",
    "مقيم",
    "ايوه مقيم",
    "نعم أقيم في المملكة",
    "أنا مقيم داخل المملكة العربية السعودية",
]


@pytest.mark.parametrize("text", RESIDENCE_STATEMENTS)
def test_a_statement_of_residence_says_nothing_about_nationality(text):
    assert "is_saudi" not in extract_answers(text)


@pytest.mark.parametrize(
    "text",
    ["انا مقيم بالسعودية", "انا مقيم في السعودية", "ايوه مقيم", "مقيم", "انا مقيمه", "ساكن", "ايه عايشين هنا"],
)
def test_a_verb_of_living_answers_the_residence_question(text):
    assert answer_for_slot("resides_in_ksa", text) is True


@pytest.mark.parametrize("text", ["مو مقيم", "لا مو ساكن هنا", "ما اسكن بالمملكة", "مقيم بدبي"])
def test_living_elsewhere_is_not_a_yes(text):
    assert answer_for_slot("resides_in_ksa", text) is not True


@pytest.mark.parametrize("text", ["انا مقيم", "مقيمة", "لا انا مقيم", "مقيم نظامي", "مقيم يمني"])
def test_asked_for_nationality_a_resident_is_an_expatriate(text):
    assert answer_for_slot("is_saudi", text) is False


@pytest.mark.parametrize(
    "text",
    ["انا مقيم بالسعودية", "مقيم في المملكة", "انا مقيمة بالرياض"],
)
def test_asked_for_nationality_a_place_is_not_an_answer(text):
    # "بالسعودية" has the shape of a nationality word (…ية); after a preposition it is a place.
    assert answer_for_slot("is_saudi", text) is None


@pytest.mark.parametrize(
    ("text", "saudi"),
    [("سعودي ومقيم في السعودية", True), ("انا من السعودية", True), ("يمني ومقيم بالسعودية", False)],
)
def test_a_nationality_next_to_a_place_is_still_read(text, saudi):
    assert extract_answers(text).get("is_saudi") is saudi


@pytest.mark.parametrize("text", ["متى موعد حساب المواطن", "وحساب المواطن يأثر على الضمان؟", "دعم حساب المواطن نزل"])
def test_the_citizen_account_program_is_not_a_nationality(text):
    assert "is_saudi" not in extract_answers(text)

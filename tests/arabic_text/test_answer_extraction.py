"""extract_answers() and is_correction(): slot values said in passing, e.g. to correct a form."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text import extract_answers, is_correction

SLOTS = {
    "is_saudi", "nationality_exception", "resides_in_ksa", "dependents_count", "age",
    "earned_income", "other_income", "has_high_value_assets", "assets_value", "has_bank_account",
    "lives_in_care_facility", "has_children", "meets_education_health",
    "has_able_to_work_members", "accepts_rehabilitation",
}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("غلطت، عندي ٤ تابعين", {"dependents_count": 4}),
        ("عفوا قصدي عندي ولدين وبنت", {"dependents_count": 3, "has_children": True}),
        ("ما عندي عيال", {"has_children": False}),  # says nothing about a wife
        ("عندي خمس بنات", {"dependents_count": 5, "has_children": True}),
        ("دخلي ٣٠٠٠", {}),  # no source: read_income leaves it unclassified
        ("راتبي الفين", {"earned_income": 2000.0}),
        ("تقاعدي الف ومية ريال", {"other_income": 1100.0}),
        ("١٥٠٠ ريال", {}),
        ("ما عندي دخل", {"earned_income": 0.0, "other_income": 0.0}),
        ("عمري ٤٠", {"age": 40}),
        ("عمري خمسة وخمسين سنة", {"age": 55}),
        ("أنا سعودي", {"is_saudi": True}),
        ("انا سعودية", {"is_saudi": True}),
        ("مو سعودي", {"is_saudi": False}),
        ("غير سعودي", {"is_saudi": False}),
        ("مقيم أجنبي", {"is_saudi": False}),
        ("انا وافد", {"is_saudi": False}),
        ("عندي حساب بنكي", {"has_bank_account": True}),
        ("ما عندي حساب في البنك", {"has_bank_account": False}),
        ("عندي ايبان", {"has_bank_account": True}),
        ("انا ساكن في الرياض", {"resides_in_ksa": True}),
        ("أعيش خارج المملكة", {"resides_in_ksa": False}),
        ("عندي أرض", {"has_high_value_assets": True}),
        ("ما عندي عقارات", {"has_high_value_assets": False}),
        ("ساكنة في دار رعاية", {"lives_in_care_facility": True}),
        (
            "دخلي ٣٠٠٠ وعندي ٤ عيال",
            {"dependents_count": 4, "has_children": True},
        ),
        (
            "ما عندي دخل وعندي ٣ عيال",
            {"earned_income": 0.0, "other_income": 0.0, "dependents_count": 3, "has_children": True},
        ),
        (
            "انا سعودي عمري ٤٥ وعندي ٣ عيال وراتبي الفين",
            {"is_saudi": True, "age": 45, "dependents_count": 3, "has_children": True,
             "earned_income": 2000.0},
        ),
    ],
)
def test_extract_answers_finds_the_slots_a_sentence_states(sentence, expected):
    assert extract_answers(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "٤",  # a bare number is not guessed into a slot
        "شكرا",
        "زوجتي سعودية",  # about someone else
        "صار لي ٣ سنين بدون شغل",  # a duration, not an age
        "انا مقيم في جدة من زمان",  # residing, not a foreigner
        "",
    ],
)
def test_extract_answers_does_not_invent_slots(sentence):
    found = extract_answers(sentence)
    assert "is_saudi" not in found and "age" not in found and "dependents_count" not in found


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_extract_answers_only_returns_known_slots(text):
    assert set(extract_answers(text)) <= SLOTS


@pytest.mark.parametrize(
    "sentence",
    ["غلطت، عندي ٤ تابعين", "عفوا دخلي ٢٠٠٠", "قصدي ٣", "تصحيح: عمري ٤٠", "لا لحظة، عندي ولدين",
     "اقصد الفين", "صحح عدد العيال", "آسف، غلط", "sorry I meant 3"],
)
def test_correction_cues_are_recognised(sentence):
    assert is_correction(sentence) is True


@pytest.mark.parametrize("sentence", ["عندي ٤ تابعين", "نعم", "لا", "دخلي ٢٠٠٠", "لحظات سعيدة", ""])
def test_plain_answers_are_not_corrections(sentence):
    assert is_correction(sentence) is False

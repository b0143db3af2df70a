"""Answers that say a question does not apply, and the gate questions' natural answers
(issue 10, point 2: children, someone able to work, wealth)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text import (
    NOT_APPLICABLE_MEANS,
    age_needs_clarifying,
    answer_for_slot,
    extract_answers,
    months_abroad,
    parse_not_applicable,
)


@pytest.mark.parametrize(
    "answer",
    [
        "لا ينطبق",
        "لا ينطبق علي",
        "ما ينطبق علي",
        "ما ينطبق علينا",
        "لا تنطبق",
        "غير منطبق",
        "/not_applicable",
        "ما عندي عيال",
        "ما عندي اولاد",
        "ما عندنا اطفال",
        "عيالي صغار",
        "اطفالي صغار",
        "عيالي دون سن المدرسة",
        "العيال صغار ما دخلوا المدرسة",
        "تحت سن المدرسة",
        "ما فينا أحد يقدر يشتغل",
        "محد فينا يقدر يشتغل",
        "كلنا كبار بالسن",
        "احنا كبار في السن",
        "كلنا متقاعدين وكبار",
        "ماله علاقة فيني",
        "ما يخصني",
        "not applicable",
        "ما احد فينا يقدر يشتغل",
    ],
)
def test_not_applicable_in_its_dialect_forms(answer):
    assert parse_not_applicable(answer) is True


@pytest.mark.parametrize("answer", ["نعم", "لا", "عندي ٣ عيال", "عيالي يدرسون", "ولدي يقدر يشتغل", "٣٠٠٠", "بس", ""])
def test_ordinary_answers_are_not_not_applicable(answer):
    assert parse_not_applicable(answer) is False


@pytest.mark.parametrize(
    "slot, answer, value",
    [
        ("meets_education_health", "لا ينطبق", True),
        ("meets_education_health", "عيالي صغار", True),
        ("meets_education_health", "ما عندي عيال", True),
        ("meets_education_health", "دون سن المدرسة", True),
        ("accepts_rehabilitation", "كلنا كبار بالسن", True),
        ("accepts_rehabilitation", "ما فينا أحد يقدر يشتغل", True),
        ("lives_in_care_facility", "لا ينطبق", False),
        ("nationality_exception", "لا ينطبق", False),
        ("has_children", "لا ينطبق", False),
        ("is_saudi", "لا ينطبق", None),  # cannot "not apply": asked again
        ("has_bank_account", "لا ينطبق", None),
    ],
)
def test_not_applicable_never_produces_a_refusal(slot, answer, value):
    assert answer_for_slot(slot, answer) is value
    if value is not None:
        assert NOT_APPLICABLE_MEANS[slot] is value


@pytest.mark.parametrize(
    "answer, slot, value",
    [
        ("ما عندي عيال", "has_children", False),
        ("عندي ٣ عيال", "has_children", True),
        ("كلنا كبار بالسن", "has_able_to_work_members", False),
        ("ما فينا أحد يقدر يشتغل", "has_able_to_work_members", False),
        ("عندي حساب في البنك وما احد فينا يقدر يشتغل", "has_able_to_work_members", False),
        ("ولدي يقدر يشتغل", "has_able_to_work_members", True),
        ("عندي سيارتين", "has_high_value_assets", True),
        ("عندي مدخرات ٥٠ ألف", "has_high_value_assets", True),
        ("عندي ارض", "has_high_value_assets", True),
        ("ما عندي مدخرات", "has_high_value_assets", False),
        ("ما عندي اي عقارات ولا سيارات", "has_high_value_assets", False),
        ("عندي حساب بنكي وما عندي عقارات", "has_high_value_assets", False),
        ("موافق على برامج التأهيل", "accepts_rehabilitation", True),
        ("ارفض التدريب", "accepts_rehabilitation", False),
        ("الزوجة وثلاث عيال وكلهم بالمدارس", "meets_education_health", True),
        ("ما نسكن بدار رعاية", "lives_in_care_facility", False),
    ],
)
def test_gate_slots_are_read_from_natural_answers(answer, slot, value):
    assert extract_answers(answer).get(slot) is value
    assert answer_for_slot(slot, answer) is value


@pytest.mark.parametrize("answer", ["عندي سيارة", "عندي سيارة وحدة", "بيتي ملك", "ساكن في شقة"])
def test_the_home_and_one_car_said_in_passing_say_nothing_about_wealth(answer):
    assert "has_high_value_assets" not in extract_answers(answer)


@pytest.mark.parametrize(
    "answer", ["عندي سيارة", "عندي سيارة وحدة بس", "بس البيت والسيارة", "ما عندي غير البيت والسيارة"]
)
def test_the_home_and_one_car_are_a_no_to_the_wealth_question(answer):
    assert answer_for_slot("has_high_value_assets", answer) is False


@pytest.mark.parametrize("answer", ["عندي سيارة ثانية", "عندي شقة ثانية", "عندي سيارتين", "عندي بيت ثاني"])
def test_a_second_car_or_home_is_wealth(answer):
    assert answer_for_slot("has_high_value_assets", answer) is True
    assert extract_answers(answer)["has_high_value_assets"] is True


@pytest.mark.parametrize(
    "answer, value",
    [
        ("عندي مدخرات ٥٠ ألف", 50000),
        ("عندي ارض قيمتها ٣٠٠ الف", 300000),
        ("مدخرات ٢٠ الف وأسهم ١٠ آلاف", 30000),
        ("عندي ذهب بـ ١٥ الف", 15000),
    ],
)
def test_the_value_of_wealth_is_read_with_it(answer, value):
    found = extract_answers(answer)
    assert found["has_high_value_assets"] is True and found["assets_value"] == value
    assert answer_for_slot("assets_value", answer) == value


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_the_new_readers_never_raise(text):
    assert parse_not_applicable(text) in (True, False)
    assert age_needs_clarifying(text) in (True, False)
    months = months_abroad(text)
    assert months is None or months >= 0

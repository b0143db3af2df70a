"""answer_for_slot: the reply to one question, typed for its slot (issue 10 contract)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text import answer_for_slot

BOOL_SLOTS = [
    "is_saudi",
    "nationality_exception",
    "resides_in_ksa",
    "has_high_value_assets",
    "has_bank_account",
    "lives_in_care_facility",
    "has_children",
    "meets_education_health",
    "has_able_to_work_members",
    "accepts_rehabilitation",
]
NUMBER_SLOTS = ["dependents_count", "age", "earned_income", "other_income", "assets_value"]


@pytest.mark.parametrize(
    "slot, answer, value",
    [
        ("earned_income", "٢٠٠٠", 2000.0),  # the question named the source
        ("other_income", "٢٠٠٠", 2000.0),
        ("earned_income", "٨ ٠٠٠ ريال", 8000.0),
        ("earned_income", "٤٨ الف بالسنه", 4000.0),
        ("earned_income", "راتبي ١٥٠٠ وتقاعد ابوي ٨٠٠", 1500.0),
        ("other_income", "راتبي ١٥٠٠ وتقاعد ابوي ٨٠٠", 800.0),
        ("other_income", "ضمان ٩٠٠ وإيجار ٥٠٠", 1400.0),
        ("earned_income", "بس راتب التقاعد", 0.0),  # "only the pension": a stop word that answers
        ("other_income", "بس راتب التقاعد", None),  # the pension's amount is not given
        ("earned_income", "ما اشتغل", 0.0),
        ("earned_income", "لا", 0.0),
        ("other_income", "ما عندي", 0.0),
        ("other_income", "لا ينطبق", 0.0),
        ("other_income", "تقاعد ٢٠٠٠", 2000.0),
        ("earned_income", "تقاعد ٢٠٠٠", None),  # not an answer about work (extract_answers has it)
        ("dependents_count", "بس الزوجة", 1),
        ("dependents_count", "الزوجة وثلاث عيال", 4),
        ("dependents_count", "ثلاثة", 3),
        ("age", "عمري ٣٥", 35),
        ("assets_value", "٥٠ الف", 50000.0),
        ("assets_value", "عندي مدخرات ٥٠ ألف", 50000.0),
        ("assets_value", "ما عندي", 0.0),
        ("is_saudi", "سعودي", True),
        ("is_saudi", "انا مقيم يمني", False),
        ("is_saudi", "نعم", True),
        ("resides_in_ksa", "ساكن بالرياض", True),
        ("resides_in_ksa", "أعيش خارج المملكة", False),
        ("resides_in_ksa", "نعم", True),
        ("has_bank_account", "/affirm", True),
        ("has_bank_account", "/deny", False),
        ("has_bank_account", "ما عندي حساب", False),
        ("has_children", "لا", False),
        ("has_children", "ايوه", True),
        ("has_children", "بس الزوجة", False),
        ("has_children", "عندي ٣", True),
        ("meets_education_health", "نعم", True),
        ("meets_education_health", "لا", False),
        ("accepts_rehabilitation", "لا", False),
        ("accepts_rehabilitation", "اكيد موافق", True),
        ("has_able_to_work_members", "نعم", True),
        ("has_able_to_work_members", "كلنا كبار بالسن", False),
        ("has_high_value_assets", "عندي سيارتين", True),
        ("has_high_value_assets", "لا", False),
        ("lives_in_care_facility", "لا", False),
        ("resides_in_ksa", "انا في الرياض", True),
        ("resides_in_ksa", "احنا بجدة", True),
        ("resides_in_ksa", "ساكن في مصر", False),
        ("has_bank_account", "حسابي في الراجحي", True),
        ("has_bank_account", "عندي حساب بالأهلي", True),
        ("has_bank_account", "ما عندي حساب بالراجحي", False),
        ("accepts_rehabilitation", "مستعد", True),
        ("accepts_rehabilitation", "رافض", False),
        ("accepts_rehabilitation", "مو مستعد", False),
    ],
)
def test_answer_for_slot_types_the_reply(slot, answer, value):
    assert answer_for_slot(slot, answer) == value
    if value is not None:
        assert type(answer_for_slot(slot, answer)) is type(value)


@pytest.mark.parametrize("slot", BOOL_SLOTS + NUMBER_SLOTS)
@pytest.mark.parametrize("answer", ["", "شكرا", "مدري", "😀"])
def test_a_reply_that_says_nothing_is_none(slot, answer):
    assert answer_for_slot(slot, answer) is None


@pytest.mark.parametrize("slot", ["monthly_income", "name", ""])
def test_an_unknown_slot_is_a_clear_error(slot):
    with pytest.raises(ValueError, match="unknown answer slot"):
        answer_for_slot(slot, "٣٠٠٠")


@settings(max_examples=100, deadline=None)
@given(slot=st.sampled_from(BOOL_SLOTS + NUMBER_SLOTS), text=st.text(max_size=50))
def test_answer_for_slot_never_raises_and_keeps_its_type(slot, text):
    value = answer_for_slot(slot, text)
    if slot in BOOL_SLOTS:
        assert value is None or isinstance(value, bool)
    else:
        assert value is None or (isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0)


@pytest.mark.parametrize(
    "slot, answer, value",
    [
        ("dependents_count", "بس الزوجة", 1),
        ("dependents_count", "بس ٣", 3),
        ("dependents_count", "خلاص بس الزوجة", 1),
        ("earned_income", "بس راتب التقاعد", 0.0),
        ("earned_income", "بس ٢٠٠٠", 2000.0),
        ("other_income", "بس الضمان ٩٠٠", 900.0),
        ("is_saudi", "بس سعودي", True),
        ("has_high_value_assets", "بس البيت والسيارة", False),
    ],
)
def test_an_answer_that_starts_with_a_stop_word_is_still_an_answer(slot, answer, value):
    assert answer_for_slot(slot, answer) == value


@pytest.mark.parametrize("slot", BOOL_SLOTS + NUMBER_SLOTS)
@pytest.mark.parametrize("answer", ["بس", "خلاص", "بس خلاص", "وقف", "الغ"])
def test_a_bare_stop_word_answers_nothing(slot, answer):
    assert answer_for_slot(slot, answer) is None

"""A statement about another fact is not "yes" to the open yes/no question: the form
fills what the message states and asks its own question again; a real yes/no still
answers it (fault report of 2026-12-05, point 1)."""

from __future__ import annotations

import pytest

from actions.eligibility_form import ValidateEligibilityForm
from arabic_text import speaks_to
from tests.actions.conftest import make_tracker, responses

form = ValidateEligibilityForm()
BEFORE_CARE = {"is_saudi": True, "resides_in_ksa": True, "dependents_count": 3}


def validate(slot, text, slots=None, intent="inform", dispatcher=None):
    tracker = make_tracker(slots={**(slots or {}), slot: text}, text=text, intent=intent)
    return getattr(form, f"validate_{slot}")(text, dispatcher, tracker, {})


@pytest.mark.parametrize(
    "slot, typed, stated",
    [
        ("lives_in_care_facility", "عندي حساب بنكي", {"has_bank_account": True}),
        ("is_saudi", "تقاعدي ٩٠٠ وعندي مدخرات ٢٤٠٠", {"other_income": 900.0}),
        ("resides_in_ksa", "عندي حساب في الراجحي", {"has_bank_account": True}),
        ("is_saudi", "عندنا ٥ عيال", {"dependents_count": 5}),  # Gulf, plural
        ("lives_in_care_facility", "معاي حساب بالأهلي", {}),  # Levantine "معاي"
        ("resides_in_ksa", "ايوه عندي حساب بنكي", {"has_bank_account": True}),  # yes tied to the statement
        ("has_bank_account", "راتبي ٣٠٠٠", {"earned_income": 3000.0}),
        ("lives_in_care_facility", "عندي بيت", {}),  # "have a house" is not "live in a care home"
        ("is_saudi", "عندي شقة ملك", {}),  # Hijazi
    ],
)
def test_statement_about_another_fact_is_not_an_answer_to_the_open_question(dispatcher, slot, typed, stated):
    answered = {k: v for k, v in BEFORE_CARE.items() if k != slot}
    result = validate(slot, typed, answered, dispatcher=dispatcher)
    assert result.get(slot) is None  # asked again, never guessed
    for other, value in stated.items():
        assert result.get(other) == value


@pytest.mark.parametrize(
    "slot, typed, expected",
    [
        ("lives_in_care_facility", "لا", False),
        ("lives_in_care_facility", "لا، بس عندي حساب بنكي", False),
        ("lives_in_care_facility", "مو ساكن بدار رعاية", False),
        ("is_saudi", "نعم", True),
        ("is_saudi", "ايه، وعندي ٣ عيال", True),
        ("is_saudi", "ايوه وعندي ٣ عيال", True),
        ("is_saudi", "اكيد", True),
        ("resides_in_ksa", "ايه", True),
        ("resides_in_ksa", "مو ساكن", False),
        ("resides_in_ksa", "ايه ساكنين بجدة", True),
        ("has_bank_account", "ما عندي", False),
        ("has_bank_account", "ايه عندي حساب", True),
        ("has_bank_account", "عندي", True),
        ("has_bank_account", "معنديش", False),  # Egyptian
        ("has_high_value_assets", "ما عندنا شي", False),
    ],
)
def test_plain_yes_or_no_to_the_open_question_still_answers_it(dispatcher, slot, typed, expected):
    answered = {k: v for k, v in BEFORE_CARE.items() if k != slot}
    result = validate(slot, typed, answered, dispatcher=dispatcher)
    assert result[slot] is expected


def test_the_stated_fact_is_said_back_and_the_question_stays_open(dispatcher):
    result = validate("lives_in_care_facility", "عندي حساب بنكي", BEFORE_CARE, dispatcher=dispatcher)
    assert result["lives_in_care_facility"] is None
    assert result["has_bank_account"] is True
    said = [m for m in dispatcher.messages if m.get("response") == "utter_understood"]
    assert said and "دار رعاية" not in said[0]["understood"]


def test_nlu_affirm_does_not_turn_a_statement_into_yes(dispatcher):
    result = validate(
        "resides_in_ksa", "عندي حساب في الراجحي", {"is_saudi": True}, intent="affirm", dispatcher=dispatcher
    )
    assert result["resides_in_ksa"] is None
    assert "utter_understood" in responses(dispatcher)


@pytest.mark.parametrize(
    "slot, typed, about",
    [
        ("has_bank_account", "عندي حساب بالراجحي", True),
        ("lives_in_care_facility", "ساكن في دار رعاية", True),
        ("lives_in_care_facility", "عندي سيارة", False),
        ("is_saudi", "عندي اقامة", False),
    ],
)
def test_speaks_to(slot, typed, about):
    assert speaks_to(slot, typed) is about


def test_pension_and_savings_to_the_nationality_question_fill_their_own_slots(dispatcher):
    result = validate("is_saudi", "تقاعدي ٩٠٠ وعندي مدخرات ٢٤٠٠", {}, dispatcher=dispatcher)
    assert result["is_saudi"] is None
    assert result["other_income"] == 900.0
    assert result["assets_value"] == 2400.0  # the pension before "وعندي" is not savings


@pytest.mark.parametrize(
    "slot, typed, stated, expected",
    [
        # A salary typed to the wealth question fills income and asks about wealth again.
        ("assets_value", "راتبي ٢٠٠٠", {"earned_income": 2000.0}, None),
        ("resides_in_ksa", "لا انا ساكن بالمملكة", {}, True),  # an answer particle, then the fact
        ("resides_in_ksa", "لا احنا ساكنين في جدة", {}, True),
        ("resides_in_ksa", "ايه بس ساكن برا", {}, False),
    ],
)
def test_answers_people_give_in_a_sentence(dispatcher, slot, typed, stated, expected):
    answered = {k: v for k, v in BEFORE_CARE.items() if k != slot}
    result = validate(slot, typed, answered, dispatcher=dispatcher)
    assert result.get(slot) == expected
    for other, value in stated.items():
        assert result.get(other) == value

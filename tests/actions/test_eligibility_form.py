"""validate_eligibility_form: answers as people type them, re-asking, confirmation,
corrections, and the order and early stop that come from eligibility.next_question."""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.interfaces import ActionExecutionRejection

from actions.eligibility_form import MAX_FAILURES, ValidateEligibilityForm
from tests.actions.conftest import make_tracker, responses

form = ValidateEligibilityForm()
SAUDI_RESIDENT = {"is_saudi": True, "resides_in_ksa": True}


def validate(slot, text, slots=None, intent="inform", dispatcher=None, events=None):
    tracker = make_tracker(slots={**(slots or {}), slot: text}, text=text, intent=intent, events=events)
    return getattr(form, f"validate_{slot}")(text, dispatcher, tracker, {})


@pytest.mark.parametrize(
    "slot, typed, expected",
    [
        ("is_saudi", "ايوه", True),
        ("is_saudi", "نعم", True),
        ("is_saudi", "لا والله", False),
        ("is_saudi", "/deny", False),
        ("resides_in_ksa", "ايه ساكن بالرياض", True),
        ("has_bank_account", "ما عندي", False),
        ("has_bank_account", "اي عندي", True),
        ("has_high_value_assets", "ابد", False),
        ("age", "عمري ٤٥", 45.0),
        ("age", "45 سنة", 45.0),
        ("age", "خمسة وثلاثين", 35.0),
        ("dependents_count", "عندي ٣ عيال", 3.0),
        ("dependents_count", "ولا واحد", 0.0),
        ("dependents_count", "ثلاثة", 3.0),
        ("monthly_income", "دخلي الف ومية", 1100.0),
        ("monthly_income", "١٬٢٠٠ ريال", 1200.0),
        ("monthly_income", "ما عندي دخل", 0.0),
        ("monthly_income", "خمسمية وخمسين", 550.0),
    ],
)
def test_typed_answer_is_read_into_its_slot(dispatcher, slot, typed, expected):
    result = validate(slot, typed, SAUDI_RESIDENT, dispatcher=dispatcher)
    assert result[slot] == expected
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    "slot, typed, wrong_response",
    [
        ("is_saudi", "يمكن", "utter_wrong_yes_no"),
        ("age", "كبير", "utter_wrong_age"),
        ("dependents_count", "العدد كبير شوي", "utter_wrong_dependents_count"),
        ("monthly_income", "مدري", "utter_wrong_monthly_income"),
    ],
)
def test_unreadable_answer_is_asked_again_with_an_example(dispatcher, slot, typed, wrong_response):
    result = validate(slot, typed, SAUDI_RESIDENT, dispatcher=dispatcher)
    assert result[slot] is None
    assert responses(dispatcher) == [wrong_response]


def test_third_unreadable_answer_offers_a_human(dispatcher):
    result = validate("age", "كبير", {**SAUDI_RESIDENT, "answer_failures": MAX_FAILURES - 1}, dispatcher=dispatcher)
    assert result["age"] is None
    assert responses(dispatcher) == ["utter_too_many_failures"]


def test_impossible_value_is_refused_with_the_reason(dispatcher):
    result = validate("age", "عمري ٢٠٠", SAUDI_RESIDENT, dispatcher=dispatcher)
    assert result["age"] is None
    assert responses(dispatcher) == ["utter_wrong_value_range"]


@pytest.mark.parametrize("slot, typed, value", [("monthly_income", "دخلي ٦٠ الف", 60000.0), ("dependents_count", "٢٥", 25.0)])
def test_surprising_answer_is_confirmed_before_use(dispatcher, slot, typed, value):
    slots = {**SAUDI_RESIDENT, "dependents_count": 2.0} if slot == "monthly_income" else SAUDI_RESIDENT
    result = validate(slot, typed, slots, dispatcher=dispatcher)
    assert result[slot] is None
    assert result["pending_answer"] == {"slot": slot, "value": value}
    assert responses(dispatcher) == ["utter_confirm_surprising_answer"]

    confirmed = validate(slot, "ايوه", {**slots, "pending_answer": result["pending_answer"]}, intent="affirm", dispatcher=dispatcher)
    assert confirmed[slot] == value
    refused = validate(slot, "لا", {**slots, "pending_answer": result["pending_answer"]}, intent="deny", dispatcher=dispatcher)
    assert refused[slot] is None and refused["pending_answer"] is None


def test_correction_of_an_earlier_answer_changes_that_slot(dispatcher):
    slots = {**SAUDI_RESIDENT, "dependents_count": 3.0}
    result = validate("monthly_income", "غلطت، عندي ٤ تابعين", slots, dispatcher=dispatcher)
    assert result["dependents_count"] == 4
    assert result["monthly_income"] is None
    assert responses(dispatcher) == ["utter_answer_corrected"]


def test_reply_to_continue_question_is_not_taken_as_the_answer(dispatcher):
    events = [
        {"event": "action", "name": "utter_ask_continue"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "ايوه"},
    ]
    with pytest.raises(ActionExecutionRejection):
        validate("is_saudi", "ايوه", intent="affirm", dispatcher=dispatcher, events=events)


def _required(slots):
    tracker = make_tracker(slots=slots)
    return asyncio.run(form.required_slots([], None, tracker, {}))


def test_questions_follow_the_eligibility_order_and_raw_text_is_not_an_answer():
    assert _required({}) == ["is_saudi"]
    assert _required({"is_saudi": "ايوه"}) == ["is_saudi"]  # typed but not yet read
    assert _required({"is_saudi": True}) == ["is_saudi", "resides_in_ksa"]


def test_non_saudi_is_asked_the_exception_and_then_nothing_more():
    assert _required({"is_saudi": False}) == ["is_saudi", "nationality_exception"]
    assert _required({"is_saudi": False, "nationality_exception": False}) == ["is_saudi", "nationality_exception"]

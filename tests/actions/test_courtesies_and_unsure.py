"""Inside the check, "I don't know" gets the question explained and "a near answer will
do", and a greeting, thanks or goodbye is left to its rule instead of "answer yes or no"
(new-user probe, 2026-12-05: «مدري», «شكرا مع السلامه», «هلا» inside the check)."""

from __future__ import annotations

import pytest
from rasa_sdk.interfaces import ActionExecutionRejection

from actions.eligibility_form import ValidateEligibilityForm
from tests.actions.conftest import make_tracker, responses

form = ValidateEligibilityForm()
SAUDI_RESIDENT = {"is_saudi": True, "resides_in_ksa": True}


def validate(slot, text, intent="inform", dispatcher=None):
    slots = {**({} if slot in SAUDI_RESIDENT else SAUDI_RESIDENT), slot: text}
    tracker = make_tracker(slots=slots, text=text, intent=intent)
    return getattr(form, f"validate_{slot}")(text, dispatcher, tracker, {})


@pytest.mark.parametrize(
    "slot, reply, intent",
    [
        ("is_saudi", "مدري", "deny"),
        ("has_bank_account", "والله ما ادري", "out_of_scope"),
        ("has_high_value_assets", "مو متأكد", "inform"),
        ("earned_income", "مدري كم بالضبط", "inform"),
        ("dependents_count", "ما اعرف", "deny"),
        ("accepts_rehabilitation", "مش عارف والله", "inform"),
    ],
)
def test_not_knowing_the_answer_gets_help_not_an_error(dispatcher, slot, reply, intent):
    result = validate(slot, reply, intent=intent, dispatcher=dispatcher)
    assert result[slot] is None
    assert responses(dispatcher) == [f"utter_explain_{slot}", "utter_answer_if_unsure"]
    assert "answer_failures" not in result


@pytest.mark.parametrize(
    "slot, reply, intent",
    [
        ("is_saudi", "شكرا مع السلامه", "goodbye"),
        ("has_bank_account", "يعطيك العافيه", "thank"),
        ("dependents_count", "هلا", "greet"),
        ("earned_income", "السلام عليكم", "greet"),
        ("has_children", "باي", "goodbye"),
    ],
)
def test_a_courtesy_that_answers_nothing_is_left_to_its_rule(dispatcher, slot, reply, intent):
    with pytest.raises(ActionExecutionRejection):
        validate(slot, reply, intent=intent, dispatcher=dispatcher)
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    "slot, reply, intent, expected",
    [
        ("dependents_count", "شكرا، عندنا ٣ عيال", "thank", 3),
        ("is_saudi", "هلا، ايوه سعودي", "greet", True),
        ("has_bank_account", "ايه عندي، مشكور", "thank", True),
    ],
)
def test_a_courtesy_with_an_answer_is_an_answer(dispatcher, slot, reply, intent, expected):
    assert validate(slot, reply, intent=intent, dispatcher=dispatcher)[slot] == expected

"""The summary is checked before a refusal too, and the failing answer can be fixed
there in the words people use (fault report of 2026-12-05, point 3)."""

from __future__ import annotations

import asyncio

import pytest

import eligibility
from actions.eligibility_actions import ActionAskAnswersConfirmed
from actions.eligibility_form import ValidateEligibilityForm
from tests.actions.conftest import make_tracker, responses

form = ValidateEligibilityForm()
ABROAD = {"is_saudi": True, "resides_in_ksa": False}
CARE_HOME = {"is_saudi": True, "resides_in_ksa": True, "dependents_count": 0, "age": 70, "lives_in_care_facility": True}


def requested(slots):
    return asyncio.run(form.next_requested_slot(None, make_tracker(slots=slots), {}))["value"]


def confirm(text, slots, intent="inform", dispatcher=None):
    tracker = make_tracker(slots={**slots, "answers_confirmed": text}, text=text, intent=intent)
    return form.validate_answers_confirmed(text, dispatcher, tracker, {})


def test_refusal_shows_what_was_understood_with_the_failing_answer(dispatcher):
    assert requested(ABROAD) == "answers_confirmed"
    asyncio.run(ActionAskAnswersConfirmed().run(dispatcher, make_tracker(slots=ABROAD), {}))
    [message] = dispatcher.messages
    assert message["response"] == "utter_ask_answers_confirmed"
    assert "غير مقيم في المملكة" in message["understood"]


@pytest.mark.parametrize(
    "typed",
    [
        "لا انا ساكن بالمملكة",
        "لا، ساكن في الرياض",
        "لأ احنا بجدة",
        "ساكن بالمملكة",
        "انا مقيم في الرياض",
        "انا مقيم بالسعودية",
        "لا انا مقيمة في السعودية",
        "مقيمين بالمملكة العربية السعودية",
    ],
)
def test_typed_fix_of_residence_at_the_check_changes_it(dispatcher, typed):
    result = confirm(typed, ABROAD, dispatcher=dispatcher)
    assert result["resides_in_ksa"] is True
    assert "is_saudi" not in result  # "مقيم" there says where, not who (new-user probe)
    assert "utter_answer_corrected" in responses(dispatcher)
    after = {**ABROAD, **result}
    assert requested(after) != "answers_confirmed" or eligibility.assess(eligibility_answers(after)).eligible


def eligibility_answers(slots):
    return {k: v for k, v in slots.items() if k in eligibility.ANSWER_SLOTS and v is not None}


@pytest.mark.parametrize(
    "typed, intent", [("صحيح", "affirm"), ("نعم", "affirm"), ("/affirm", "affirm"), ("ايه", "affirm")]
)
def test_yes_at_the_check_gives_the_refusal(dispatcher, typed, intent):
    result = confirm(typed, ABROAD, intent=intent, dispatcher=dispatcher)
    assert result["answers_confirmed"] is True
    assert requested({**ABROAD, **result}) is None


@pytest.mark.parametrize("typed", ["تعديل", "لا", "ابي اعدل", "غلط"])
def test_edit_at_a_refusal_asks_for_the_fix(dispatcher, typed):
    result = confirm(typed, CARE_HOME, intent="deny", dispatcher=dispatcher)
    assert result["editing_answers"] is True
    fixed = confirm("لا ما اسكن في دار رعاية", {**CARE_HOME, **result}, dispatcher=dispatcher)
    assert fixed["lives_in_care_facility"] is False

"""The eligibility check around the form: the opening message's facts, the check
before the verdict ("صحيح" / "تعديل"), and the result's text by channel."""

from __future__ import annotations

import asyncio

import pytest

import eligibility
from actions.eligibility_actions import (
    ActionAskAnswersConfirmed,
    ActionAskEarnedIncome,
    ActionAskHasAbleToWorkMembers,
    ActionAskHasChildren,
    ActionEligibilityResult,
    ActionRestartEligibility,
)
from actions.eligibility_form import ValidateEligibilityForm
from tests.actions.conftest import make_tracker, responses, run

form = ValidateEligibilityForm()
# A household that qualifies: 4 dependents with children at school, 1,500 SAR salary
# and an 800 SAR pension, nothing else.
ELIGIBLE = {
    "is_saudi": True,
    "resides_in_ksa": True,
    "dependents_count": 4.0,
    "earned_income": 1500.0,
    "other_income": 800.0,
    "has_high_value_assets": False,
    "has_bank_account": True,
    "lives_in_care_facility": False,
    "has_children": True,
    "meets_education_health": True,
    "accepts_rehabilitation": True,
}


def set_slots(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot" and e["value"] is not None}


def requested(slots):
    return asyncio.run(form.next_requested_slot(None, make_tracker(slots=slots), {}))["value"]


def test_opening_message_fills_every_slot_it_answers(dispatcher):
    text = "ابي افحص اهليتي، انا سعودي وساكن بالرياض وعندي ٣ عيال"
    tracker = make_tracker(text=text, intent="check_eligibility", active_loop=None)
    given = set_slots(run(ActionRestartEligibility(), tracker, dispatcher))
    assert given["is_saudi"] is True and given["resides_in_ksa"] is True and given["dependents_count"] == 3
    assert responses(dispatcher) == ["utter_start_eligibility", "utter_understood"]
    assert requested(given) not in ("is_saudi", "resides_in_ksa", "dependents_count")


def test_start_button_carries_no_facts_and_clears_earlier_answers(dispatcher):
    tracker = make_tracker(slots=ELIGIBLE, text="/check_eligibility", intent="check_eligibility", active_loop=None)
    events = run(ActionRestartEligibility(), tracker, dispatcher)
    assert set_slots(events) == {}
    assert {e["name"] for e in events} >= set(eligibility.ANSWER_SLOTS)


def test_eligible_answers_are_checked_before_the_verdict(dispatcher):
    assert requested(ELIGIBLE) == "answers_confirmed"
    run(ActionAskAnswersConfirmed(), make_tracker(slots=ELIGIBLE), dispatcher)
    [message] = dispatcher.messages
    assert message["response"] == "utter_ask_answers_confirmed"
    assert message["understood"] == eligibility.render_understood_ar(
        {k: int(v) if isinstance(v, float) else v for k, v in ELIGIBLE.items()}
    )


def test_failed_hard_condition_is_checked_before_the_verdict():
    # A refusal on one misread answer must be fixable before it is said.
    assert requested({"is_saudi": True, "resides_in_ksa": False}) == "answers_confirmed"
    assert requested({**ELIGIBLE, "has_bank_account": False}) == "answers_confirmed"
    assert requested({"is_saudi": True, "resides_in_ksa": False, "answers_confirmed": True}) is None


def confirm(text, intent="inform", slots=None, dispatcher=None):
    slots = {**ELIGIBLE, **(slots or {}), "answers_confirmed": text}
    tracker = make_tracker(slots=slots, text=text, intent=intent)
    return form.validate_answers_confirmed(text, dispatcher, tracker, {})


@pytest.mark.parametrize("text, intent", [("/affirm", "affirm"), ("صحيح", "affirm"), ("ايه صح", "affirm")])
def test_right_ends_the_form(dispatcher, text, intent):
    result = confirm(text, intent, dispatcher=dispatcher)
    assert result["answers_confirmed"] is True
    assert requested({**ELIGIBLE, **result}) is None


@pytest.mark.parametrize("text, intent", [("/deny", "deny"), ("تعديل", "inform"), ("ابي اعدل", "inform")])
def test_edit_asks_for_the_fix(dispatcher, text, intent):
    result = confirm(text, intent, dispatcher=dispatcher)
    assert result["answers_confirmed"] is None and result["editing_answers"] is True
    run(ActionAskAnswersConfirmed(), make_tracker(slots={**ELIGIBLE, **result}), dispatcher)
    assert responses(dispatcher) == ["utter_ask_answer_fix"]


def test_typed_fix_changes_the_answer_and_shows_the_summary_again(dispatcher):
    result = confirm("عندي ٥ تابعين", slots={"editing_answers": True}, dispatcher=dispatcher)
    assert result["dependents_count"] == 5 and result["answers_confirmed"] is None
    assert result["editing_answers"] is None
    assert "utter_answer_corrected" in responses(dispatcher)
    assert requested({**ELIGIBLE, **result}) == "answers_confirmed"


def test_income_fix_replaces_the_only_income(dispatcher):
    slots = {"earned_income": 1500.0, "other_income": 0.0}
    result = confirm("الدخل ٣٠٠٠", slots=slots, dispatcher=dispatcher)
    assert result["earned_income"] == 3000.0


def test_income_fix_with_two_sources_asks_which_once(dispatcher):
    result = confirm("الدخل ٣٠٠٠", dispatcher=dispatcher)
    assert result["unclassified_income"] == 3000.0
    slots = {**ELIGIBLE, **result}
    run(ActionAskAnswersConfirmed(), make_tracker(slots=slots), dispatcher)
    assert responses(dispatcher)[-1] == "utter_ask_income_source"
    answered = confirm("من عمل", slots=result, dispatcher=dispatcher)
    assert answered["earned_income"] == 3000.0 and answered["unclassified_income"] is None


def test_fix_that_makes_a_refusal_shows_the_summary_again(dispatcher):
    result = confirm("ما عندي حساب بنكي", dispatcher=dispatcher)
    assert result["has_bank_account"] is False
    assert requested({**ELIGIBLE, **result}) == "answers_confirmed"


@pytest.mark.parametrize(
    "known, expected",
    [
        ({}, "utter_ask_earned_income"),
        ({"other_income": 800.0}, "utter_ask_earned_income_only"),
        ({"unclassified_income": 2000.0}, "utter_ask_income_source"),
    ],
)
def test_income_question_fits_what_is_known(dispatcher, known, expected):
    run(ActionAskEarnedIncome(), make_tracker(slots={"is_saudi": True, **known}), dispatcher)
    assert responses(dispatcher) == [expected]


@pytest.mark.parametrize(
    "channel, summary_only", [("socketio", True), ("cmdline", True), ("rest", False), ("whatsapp", False)]
)
def test_result_text_is_the_summary_where_a_card_is_drawn(dispatcher, status_db, channel, summary_only):
    events = [{"event": "user", "text": "صحيح", "input_channel": channel, "parse_data": {}}]
    tracker = make_tracker(slots={**ELIGIBLE, "answers_confirmed": True}, events=events)
    run(ActionEligibilityResult(), tracker, dispatcher)
    [message] = dispatcher.messages
    payload = message["custom"]["eligibility_result"]
    assert payload["eligible"] is True and "income_by_source" in payload
    assert (message["text"] == payload["summary_ar"]) is summary_only


@pytest.mark.parametrize(
    "action, gate",
    [(ActionAskHasChildren(), "has_children"), (ActionAskHasAbleToWorkMembers(), "has_able_to_work_members")],
)
def test_gate_is_asked_with_its_duty_then_alone(dispatcher, action, gate):
    run(action, make_tracker(slots={"is_saudi": True}), dispatcher)
    run(action, make_tracker(slots={"is_saudi": True, "plain_gate": gate}), dispatcher)
    assert responses(dispatcher) == [f"utter_ask_{gate}_with_duty", f"utter_ask_{gate}"]


@pytest.mark.parametrize(("typed", "intent"), [("لا", "deny"), ("لا", "inform")])
def test_no_to_the_income_source_at_the_check_keeps_the_amount(dispatcher, typed, intent):
    result = confirm("الدخل ٣٠٠٠", dispatcher=dispatcher)
    slots = {**ELIGIBLE, **result}
    tracker = make_tracker(slots={**slots, "answers_confirmed": typed}, text=typed, intent=intent)
    answered = form.validate_answers_confirmed(typed, dispatcher, tracker, {})
    assert answered.get("unclassified_income", 3000.0) == 3000.0
    assert answered["answers_confirmed"] is None
    run(ActionAskAnswersConfirmed(), make_tracker(slots={**slots, **answered}), dispatcher)
    assert responses(dispatcher)[-1] == "utter_ask_income_source"


def test_each_recorded_check_keeps_the_rules_version_of_code_and_period(dispatcher, status_db):
    import sqlite3

    from actions.conversation import today

    tracker = make_tracker(slots=ELIGIBLE, text="صحيح", intent="affirm", active_loop=None, sender_id="versioned")
    run(ActionEligibilityResult(), tracker, dispatcher)
    payload = dispatcher.messages[-1]["custom"]["eligibility_result"]
    with sqlite3.connect(status_db.split("sqlite:///", 1)[1]) as db:
        stored = [row[0] for row in db.execute("SELECT rules_version FROM eligibility_checks")]
    period = eligibility.assess(ELIGIBLE, on=today()).rules_period
    assert stored == [payload["rules_version"]] == [f"{eligibility.__version__}+{period}"]

"""Inside the check, "I don't know" gets the question explained and "a near answer will
do", and a greeting, thanks or goodbye is left to its rule instead of "answer yes or no"
(new-user probe, 2026-12-05: «مدري», «شكرا مع السلامه», «هلا» inside the check)."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.interfaces import ActionExecutionRejection

from actions.eligibility_form import ValidateEligibilityForm
from tests.actions.conftest import make_tracker, responses

form = ValidateEligibilityForm()
NUMBER_SLOTS = {"earned_income", "other_income", "dependents_count", "age", "assets_value"}


def _if_unsure(slot):
    return "utter_amount_if_unsure" if slot in NUMBER_SLOTS else "utter_answer_if_unsure"


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
    assert responses(dispatcher) == [f"utter_explain_{slot}", _if_unsure(slot)]
    assert result["answer_failures"] == 1


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


def _extraction(text, intent, events):
    tracker = make_tracker(slots={**SAUDI_RESIDENT, "requested_slot": "dependents_count"}, text=text, intent=intent)
    tracker.events = [*events]
    return asyncio.run(form.get_extraction_events(None, tracker, {}))


@pytest.mark.parametrize("rule_reply", ["utter_thank_in_form", "utter_greet_in_form", "utter_out_of_scope"])
def test_a_message_a_rule_already_answered_is_not_read_again(rule_reply):
    # Rasa runs the form again after the rule; reading "شكرا" a second time ended in
    # «ما فهمت قصدك» (new-user probe, 2026-12-06).
    user = {"event": "user", "text": "شكرا", "parse_data": {"intent": {"name": "thank"}}}
    after_rule = [user, {"event": "action", "name": rule_reply}]
    assert _extraction("شكرا", "thank", after_rule) == []
    assert _extraction("٣", "inform", [user]) != []  # a fresh reply is read


def test_asking_for_the_check_inside_it_is_not_an_answer():
    user = {"event": "user", "text": "ابي افحص اهليتي", "parse_data": {"intent": {"name": "check_eligibility"}}}
    assert _extraction("ابي افحص اهليتي", "check_eligibility", [user]) == []


@pytest.mark.parametrize(
    "slot, reply",
    [
        ("earned_income", "مو ثابت"),
        ("earned_income", "كثير"),
        ("earned_income", "على حسب الشهر"),
        ("other_income", "شوية"),
        ("accepts_rehabilitation", "كذا يعني"),
        ("has_bank_account", "نص نص"),
    ],
)
def test_an_amount_or_answer_without_a_figure_is_asked_for_not_guessed(dispatcher, slot, reply):
    result = validate(slot, reply, intent="deny", dispatcher=dispatcher)
    assert result[slot] is None  # not 0 for "مو ثابت", not 1 for "كذا ولد", not yes for "كذا يعني"
    assert responses(dispatcher) == [f"utter_explain_{slot}", _if_unsure(slot)]


@pytest.mark.parametrize("nonsense", ["بطيخ", "ههههه", "asdfgh", "؟؟؟"])
def test_short_nonsense_is_a_failed_answer_counted_towards_a_person(dispatcher, nonsense):
    result = validate("lives_in_care_facility", nonsense, intent="out_of_scope", dispatcher=dispatcher)
    assert result["answer_failures"] == 1
    assert responses(dispatcher) == ["utter_wrong_yes_no"]


def test_a_real_off_topic_question_is_left_to_its_rule(dispatcher):
    with pytest.raises(ActionExecutionRejection):
        validate("lives_in_care_facility", "متى موعد حساب المواطن", intent="out_of_scope", dispatcher=dispatcher)


def test_several_children_are_children_but_not_one_dependent(dispatcher):
    result = validate("dependents_count", "عندي كذا ولد", dispatcher=dispatcher)
    assert result["dependents_count"] is None and result.get("has_children") is True


def test_the_third_time_in_a_row_a_person_is_offered(dispatcher):
    # "مدري" three times would otherwise loop on the explanation.
    tracker = make_tracker(slots={**SAUDI_RESIDENT, "has_bank_account": "مدري", "answer_failures": 2}, text="مدري")
    result = form.validate_has_bank_account("مدري", dispatcher, tracker, {})
    assert responses(dispatcher) == ["utter_too_many_failures"]
    assert result["answer_failures"] == 0


def test_not_understanding_read_as_a_faq_is_still_about_the_question():
    user = {"event": "user", "text": "مش فاهم يعني ايه", "parse_data": {"intent": {"name": "faq"}}}
    assert _extraction("مش فاهم يعني ايه", "faq", [user]) != []


@pytest.mark.parametrize(("nonsense", "intent"), [("ككك ككك", "thank"), ("ئءؤر", "thank"), ("ثصقفغع", "greet")])
def test_nonsense_the_nlu_took_for_a_courtesy_is_a_failed_answer(dispatcher, nonsense, intent):
    # New-user probe: «ئءؤر» got «العفو، هذا واجبنا», and such replies never led to a person.
    result = validate("has_bank_account", nonsense, intent=intent, dispatcher=dispatcher)
    assert result["answer_failures"] == 1
    assert responses(dispatcher) == ["utter_wrong_yes_no"]

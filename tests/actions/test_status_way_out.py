"""The status lookup never loops: "I don't know", repeated unreadable answers and a
plain "خلاص" each get a way out (the tester's dead end of the birth-date question)."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.interfaces import ActionExecutionRejection

from actions.status_form import MAX_FAILURES, ActionStatusResult, ValidateStatusForm
from tests.actions.conftest import make_tracker, responses

form = ValidateStatusForm()


def birth_date_turn(text, dispatcher, failures=0, events=None, intent="inform"):
    tracker = make_tracker(
        text=text,
        intent=intent,
        active_loop="status_form",
        slots={"requested_slot": "birth_date", "lookup_failures": failures},
        events=events,
    )
    return form.validate_birth_date(text, dispatcher, tracker, {})


def after_offer(text: str) -> list[dict]:
    """Events of a turn that replies to the offer made after repeated failures."""
    parse = {"text": text, "intent": {"name": "inform"}}
    return [
        {"event": "user", "text": "ايوه", "parse_data": {"text": "ايوه"}},
        {"event": "bot", "metadata": {"utter_action": "utter_status_too_many_failures"}},
        {"event": "bot", "metadata": {"utter_action": "utter_ask_birth_date"}},
        {"event": "user", "text": text, "parse_data": parse},
    ]


@pytest.mark.parametrize("typed", ["مدري", "ما ادري", "ما اعرف", "مش عارف", "ما بعرف", "مو متذكر", "نسيت والله"])
def test_not_knowing_the_birth_date_says_where_to_find_it(dispatcher, typed):
    assert birth_date_turn(typed, dispatcher) == {"birth_date": None, "lookup_failures": 1}
    assert responses(dispatcher) == ["utter_status_dont_know_birth_date"]


@pytest.mark.parametrize("slot, typed", [("national_id", "ما اعرفه"), ("registration_date", "ما اتذكر متى سجلت")])
def test_not_knowing_the_other_answers_says_where_to_find_them(dispatcher, status_db, slot, typed):
    tracker = make_tracker(text=typed, active_loop="status_form", slots={"requested_slot": slot})
    validate = getattr(form, f"validate_{slot}")
    result = validate(typed, dispatcher, tracker, {})
    result = asyncio.run(result) if asyncio.iscoroutine(result) else result
    assert result[slot] is None and result["lookup_failures"] == 1
    assert responses(dispatcher) == [f"utter_status_dont_know_{slot}"]


def test_the_testers_five_replies_end_with_a_way_out_then_stop(dispatcher):
    """مدري، ما اعرف، ايوه: the third offers a person or stopping; خلاص stops."""
    failures = 0
    said = []
    for typed in ["مدري", "ما اعرف", "ايوه"]:
        turn = type(dispatcher)()
        result = birth_date_turn(typed, turn, failures)
        failures = result["lookup_failures"]
        said += responses(turn)
    assert said == [
        "utter_status_dont_know_birth_date",
        "utter_status_dont_know_birth_date",
        "utter_status_too_many_failures",
    ]
    assert failures == 0  # a fresh count after the offer
    result = birth_date_turn("خلاص", dispatcher, failures, intent="deny")
    assert result["requested_slot"] is None and result["birth_date"] is None
    assert responses(dispatcher) == ["utter_status_stopped", "utter_anything_else"]


@pytest.mark.parametrize("typed", ["خلاص", "بس", "خلاص ما ابي", "خلاص، ما أبغى!"])
def test_a_plain_stop_ends_the_lookup_whatever_the_nlu_read(dispatcher, typed):
    result = birth_date_turn(typed, dispatcher, intent="nlu_fallback")
    assert result["requested_slot"] is None
    assert responses(dispatcher)[0] == "utter_status_stopped"


def test_unreadable_answers_are_counted_and_the_limit_offers_a_person(dispatcher):
    for failures in range(MAX_FAILURES - 1):
        turn = type(dispatcher)()
        assert birth_date_turn("ابريل", turn, failures)["lookup_failures"] == failures + 1
        assert responses(turn) == ["utter_wrong_birth_date"]
    result = birth_date_turn("ابريل", dispatcher, MAX_FAILURES - 1)
    assert result["lookup_failures"] == 0 and responses(dispatcher) == ["utter_status_too_many_failures"]


def test_a_good_answer_clears_the_count(dispatcher):
    assert birth_date_turn("12/4/1985", dispatcher, 2) == {"birth_date": "1985-04-12", "lookup_failures": 0}


@pytest.mark.parametrize("typed", ["نعم", "ايوه ابي موظف"])
def test_yes_to_the_offer_is_left_to_the_fallback_which_hands_over(dispatcher, typed):
    with pytest.raises(ActionExecutionRejection):
        birth_date_turn(typed, dispatcher, events=after_offer(typed))


@pytest.mark.parametrize("typed", ["لا", "لا بحاول مرة ثانية"])
def test_no_to_the_offer_asks_again_with_a_fresh_count(dispatcher, typed):
    assert birth_date_turn(typed, dispatcher, 0, events=after_offer(typed)) == {
        "birth_date": None,
        "lookup_failures": 0,
    }
    assert responses(dispatcher) == ["utter_continue_status"]


def test_a_date_typed_after_the_offer_is_the_answer(dispatcher):
    assert birth_date_turn("١٢/٤/١٩٨٥", dispatcher, events=after_offer("١٢/٤/١٩٨٥"))["birth_date"] == "1985-04-12"


def test_the_result_clears_the_count(dispatcher, domain):
    tracker = make_tracker(active_loop=None, slots={"lookup_failures": 2})
    events = asyncio.run(ActionStatusResult().run(dispatcher, tracker, domain))
    assert {"event": "slot", "name": "lookup_failures", "value": None, "timestamp": None} in events


@pytest.mark.parametrize(
    "name",
    [
        "utter_status_dont_know_national_id",
        "utter_status_dont_know_birth_date",
        "utter_status_dont_know_registration_date",
        "utter_status_too_many_failures",
        "utter_status_stopped",
    ],
)
def test_the_replies_exist_and_offer_the_way_out(domain, name):
    (variant, *_) = domain["responses"][name]
    assert variant["text"]
    if name != "utter_status_stopped":
        payloads = {button["payload"] for button in variant["buttons"]}
        assert {"/stop", "/human_handoff"} <= payloads


def test_the_birth_date_hints_name_the_order_of_their_examples(domain):
    """يوم/شهر/سنة, and every example written day first (١٢/٥/١٤٠٠, not ١٤٠٠/٥/١٢)."""
    import re

    for name in ("utter_ask_birth_date", "utter_wrong_birth_date"):
        text = domain["responses"][name][0]["text"]
        assert "يوم/شهر/سنة" in text
        examples = re.findall(r"[\d٠-٩]+/[\d٠-٩]+/[\d٠-٩]+", text)
        assert examples and all(len(example.split("/")[2]) == 4 for example in examples)

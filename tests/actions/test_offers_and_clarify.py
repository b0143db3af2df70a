"""Typed replies to the bot's offers, the hand-over, and clarifying questions (issue 12)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker

from actions import clarify, offers
from actions.eligibility_form import ValidateEligibilityForm
from actions.faq import ActionAnswerFaq
from actions.support import ActionDefaultFallback
from tests.actions.conftest import make_tracker, responses, run


def after_offer(
    offer: str,
    text: str,
    intent: str,
    active_loop: str | None = None,
    slots=None,
    previous_action: str = "action_default_fallback",
) -> Tracker:
    """A conversation whose last bot message was `offer`, then the user typed `text`."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": []}
    events: list[dict[str, Any]] = [
        {"event": "user", "text": "40", "parse_data": {"intent": {"name": "inform"}}},
        {"event": "action", "name": previous_action},
        {"event": "bot", "text": "...", "metadata": {"utter_action": offer}},
        *([{"event": "bot", "text": "؟", "metadata": {"utter_action": "utter_ask_is_saudi"}}] if active_loop else []),
        {"event": "user_utterance_reverted"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": latest},
    ]
    tracker = make_tracker(slots=slots, text=text, intent=intent, active_loop=active_loop, events=events)
    return tracker


@pytest.mark.parametrize(
    "text,intent",
    [
        ("نعم", "affirm"),
        ("ايوه", "affirm"),
        ("ايه", "inform"),
        ("اكيد", "nlu_fallback"),
        ("ابي موظف", "inform"),
        ("ابغى اكلم خدمة العملاء", "nlu_fallback"),
    ],
)
@pytest.mark.parametrize("active_loop", [None, "eligibility_form"])
def test_a_typed_yes_to_the_offer_of_a_person_hands_over(text, intent, active_loop, dispatcher, domain, status_db):
    tracker = after_offer("utter_offer_human", text, intent, active_loop=active_loop)
    events = run(ActionDefaultFallback(), tracker, dispatcher, domain)
    assert responses(dispatcher) == ["utter_human_handoff"]
    assert not any(e["event"] == "rewind" for e in events)
    # The bot then waits for the person: no rule may predict the fallback again for
    # the same message.
    assert events[-1] == {"event": "followup", "name": "action_listen", "timestamp": None}
    if active_loop:
        assert {"event": "active_loop", "name": None} in [{k: e.get(k) for k in ("event", "name")} for e in events]


@pytest.mark.parametrize("text,intent", [("لا", "deny"), ("لا شكرا", "deny"), ("لأ", "inform")])
def test_a_typed_no_to_the_offer_of_a_person_does_not_offer_again(text, intent, dispatcher, domain):
    tracker = after_offer("utter_offer_human", text, intent)
    run(ActionDefaultFallback(), tracker, dispatcher, domain)
    assert responses(dispatcher) == ["utter_offer_declined"]


def test_a_yes_with_no_offer_pending_is_not_a_hand_over(dispatcher, domain):
    tracker = after_offer("utter_greet", "نعم", "affirm", previous_action="utter_greet")
    run(ActionDefaultFallback(), tracker, dispatcher, domain)
    assert responses(dispatcher) == ["utter_ask_rephrase"]


@pytest.mark.parametrize(
    "offer", ["utter_ask_switch_to_status", "utter_ask_switch_to_eligibility", "utter_ask_continue"]
)
@pytest.mark.parametrize("text,expected", [("ايوه", "affirm"), ("لا والله", "deny")])
def test_a_misread_reply_to_a_yes_no_offer_is_replayed_as_that_button(offer, text, expected, dispatcher, domain):
    tracker = after_offer(offer, text, "inform")
    events = run(ActionDefaultFallback(), tracker, dispatcher, domain)
    assert [e["event"] for e in events] == ["rewind", "action", "user"]
    assert events[-1]["parse_data"]["intent"]["name"] == expected
    assert events[-1]["text"] == text
    assert dispatcher.messages == []


def test_a_reply_already_read_right_is_not_replayed_again(dispatcher, domain):
    """No loop: an affirm no rule took is not turned into the same affirm."""
    tracker = after_offer("utter_ask_continue", "نعم", "affirm")
    events = run(ActionDefaultFallback(), tracker, dispatcher, domain)
    assert [e["event"] for e in events] == ["rewind"]


@pytest.mark.parametrize(
    "text,intent,expected",
    [
        ("نعم", "affirm", offers.YES),
        ("ابي موظف", "inform", offers.YES),
        ("اكمل", "inform", offers.NO),
        ("لا", "affirm", offers.NO),  # the words decide over a misread intent
        ("40", "inform", None),
    ],
)
def test_reading_a_reply_to_the_offer_of_a_person(text, intent, expected):
    assert offers.read_reply("utter_offer_human", text, intent) == expected


def test_in_the_check_a_yes_to_the_offer_of_a_person_is_not_an_answer(dispatcher, domain):
    from rasa_sdk.interfaces import ActionExecutionRejection

    tracker = after_offer(
        "utter_too_many_failures",
        "نعم",
        "affirm",
        active_loop="eligibility_form",
        slots={"requested_slot": "is_saudi", "answer_failures": 0},
    )
    with pytest.raises(ActionExecutionRejection):
        ValidateEligibilityForm()._validate("is_saudi", "نعم", dispatcher, tracker)


def test_in_the_check_a_no_to_the_offer_of_a_person_asks_the_question_again(dispatcher, domain):
    tracker = after_offer(
        "utter_too_many_failures",
        "لا",
        "deny",
        active_loop="eligibility_form",
        slots={"requested_slot": "is_saudi", "answer_failures": 0},
    )
    result = ValidateEligibilityForm()._validate("is_saudi", "لا", dispatcher, tracker)
    assert result["is_saudi"] is None
    assert responses(dispatcher) == ["utter_continue_check"]


def test_the_offer_in_the_check_has_no_affirm_button(domain):
    """A typed "نعم" and the "continue" button must not send the same intent."""
    payloads = [b["payload"] for b in domain["responses"]["utter_too_many_failures"][0]["buttons"]]
    assert "/affirm" not in payloads and "/human_handoff" in payloads


# ---- clarifying questions ----------------------------------------------------------
def parse(intents, faq=None):
    message = {
        "text": "x",
        "intent": {"name": "nlu_fallback", "confidence": 0.9},
        "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.9}]
        + [{"name": n, "confidence": c} for n, c in intents],
        "entities": [],
    }
    if faq:
        message["response_selector"] = {
            "faq": {
                "response": {"intent_response_key": faq[0][0], "confidence": faq[0][1]},
                "ranking": [{"intent_response_key": k, "confidence": c} for k, c in faq],
            }
        }
    return message


def test_two_close_intents_are_asked_about_with_both_as_buttons(dispatcher, domain):
    tracker = make_tracker(text="طلبي", intent="nlu_fallback", active_loop=None)
    tracker.latest_message = parse(
        [("check_status", 0.48), ("faq", 0.46)], faq=[("faq/review_period", 0.7), ("faq/payment_date", 0.1)]
    )
    run(ActionDefaultFallback(), tracker, dispatcher, domain)
    message = dispatcher.messages[0]
    assert message["response"] == "utter_clarify"
    assert [b["payload"] for b in message["buttons"]] == ["/check_status", clarify.payload("faq/review_period")]
    assert message["first"] == clarify.LABELS["check_status"]


@pytest.mark.parametrize(
    "intents",
    [
        [("check_status", 0.9), ("faq", 0.05)],  # not close
        [("greet", 0.4), ("thank", 0.39)],  # close, but not worth a button
    ],
)
def test_no_clarifying_question_when_not_close_or_not_offerable(intents):
    assert clarify.close_intents(parse(intents), 0.1) is None


def test_two_close_faq_answers_are_asked_about(dispatcher, domain):
    tracker = make_tracker(text="متى ينزل", intent="faq", active_loop=None)
    tracker.latest_message = {
        **parse([("faq", 0.99)], faq=[("faq/payment_date", 0.41), ("faq/review_period", 0.38)]),
        "intent": {"name": "faq", "confidence": 0.99},
    }
    run(ActionAnswerFaq(), tracker, dispatcher, domain)
    assert dispatcher.messages[0]["response"] == "utter_clarify"
    assert {dispatcher.messages[0]["first"], dispatcher.messages[0]["second"]} == {"موعد صرف الدعم", "موعد نتيجة الطلب"}


def test_a_clarification_button_gives_the_answer_it_names(dispatcher, domain):
    tracker = make_tracker(text=clarify.payload("faq/payment_date"), intent="faq", active_loop=None)
    tracker.latest_message["entities"] = [{"entity": "faq_topic", "value": "payment_date"}]
    tracker.latest_message["response_selector"] = {
        "faq": {
            "response": {"intent_response_key": "faq/review_period"},
            "ranking": [
                {"intent_response_key": "faq/review_period", "confidence": 0.4},
                {"intent_response_key": "faq/payment_date", "confidence": 0.39},
            ],
        }
    }
    run(ActionAnswerFaq(), tracker, dispatcher, domain)
    assert responses(dispatcher) == ["utter_faq/payment_date"]


def test_every_label_has_an_answer_or_an_intent(domain):
    intents = set(domain["intents"])
    for label in clarify.LABELS:
        assert f"utter_{label}" in domain["responses"] if label.startswith("faq/") else label in intents


def test_thresholds_come_from_config():
    found = clarify.thresholds()
    assert 0 < found["ambiguity"] < 1 and 0 < found["threshold"] < 1 and 0 <= found["faq_ambiguity"] < 1


# ---- the bench's simulation of the rule (bench/nlu_unseen.py) ------------------------
@pytest.mark.parametrize(
    "intent,p1,second,p2,faq,f1,second_faq,f2,gold,expected",
    [
        (
            "check_status",
            0.50,
            "faq",
            0.45,
            "faq/objection",
            0.9,
            "faq/apply_steps",
            0.05,
            "faq/objection",
            "clarified_with_right_button",
        ),
        (
            "check_status",
            0.50,
            "faq",
            0.45,
            "faq/objection",
            0.9,
            "faq/apply_steps",
            0.05,
            "greet",
            "clarified_without_it",
        ),
        ("greet", 0.50, "thank", 0.45, None, 0.0, None, 0.0, "thank", "fallback"),  # close, but not offerable
        (
            "faq",
            0.99,
            "greet",
            0.01,
            "faq/payment_date",
            0.45,
            "faq/review_period",
            0.40,
            "faq/review_period",
            "clarified_with_right_button",
        ),
        (
            "faq",
            0.99,
            "greet",
            0.01,
            "faq/payment_date",
            0.90,
            "faq/review_period",
            0.05,
            "faq/payment_date",
            "right_at_once",
        ),
        ("check_status", 0.99, "faq", 0.01, None, 0.0, None, 0.0, "faq/objection", "confidently_wrong"),
    ],
)
def test_bench_simulates_the_clarification_rule(intent, p1, second, p2, faq, f1, second_faq, f2, gold, expected):
    from bench.nlu_unseen import Scored, clarify_outcome

    item = Scored(
        text="x",
        gold=gold,
        intent=intent,
        intent_confidence=p1,
        faq=faq,
        faq_confidence=f1,
        fell_back=False,
        second_intent=second,
        second_intent_confidence=p2,
        second_faq=second_faq,
        second_faq_confidence=f2,
    )
    assert clarify_outcome(item, threshold=0.65, ambiguity=0.1, faq_ambiguity=0.1) == expected

"""FAQ answers render every number from the eligibility parameters; fallback and handoff."""

from __future__ import annotations

import re

import pytest

import eligibility
from actions.faq import ActionAnswerFaq
from actions.support import ActionDefaultFallback, ActionHumanHandoff
from tests.actions.conftest import make_tracker, responses, run

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def faq_keys(domain):
    return [key for key in domain["responses"] if key.startswith("utter_faq/")]


def test_every_faq_placeholder_has_a_value_from_the_parameters(domain):
    values = eligibility.facts()
    for key in faq_keys(domain):
        for placeholder in PLACEHOLDER.findall(domain["responses"][key][0]["text"]):
            assert placeholder in values, f"{key} uses {{{placeholder}}} which facts() does not give"


def test_no_response_text_types_an_amount_or_period(domain):
    """Numbers belong in the parameters: no 2+ digit number typed into a response,
    except examples of how to type an answer, a phone number and the decree's number."""
    allowed = {"19911", "32"}  # call-centre number; Royal Decree M/32
    for key, variants in domain["responses"].items():
        if key.startswith(("utter_wrong_", "utter_ask_")):
            continue
        for variant in variants:
            numbers = set(re.findall(r"[0-9٠-٩]{2,}", variant.get("text", ""))) - allowed
            assert not numbers, f"{key} types {numbers}"


@pytest.mark.parametrize("key", ["faq/income_limit", "faq/review_period", "faq/payment_date", "faq/conditions"])
def test_faq_action_sends_the_selected_answer_with_values(dispatcher, domain, key):
    tracker = make_tracker(response_key=key, intent="faq", active_loop=None)
    run(ActionAnswerFaq(), tracker, dispatcher, domain)
    message = dispatcher.messages[0]
    assert message["response"] == f"utter_{key}"
    assert message["reference_amount_sar"] == eligibility.facts()["reference_amount_sar"]


def test_unknown_faq_key_asks_to_rephrase(dispatcher, domain):
    tracker = make_tracker(response_key="faq/not_a_topic", intent="faq", active_loop=None)
    run(ActionAnswerFaq(), tracker, dispatcher, domain)
    assert responses(dispatcher) == ["utter_ask_rephrase"]


def _events_with_previous_fallback(previous_fallback: bool):
    events = [{"event": "user", "text": "؟؟"}]
    if previous_fallback:
        events.append({"event": "action", "name": "action_default_fallback"})
    events += [{"event": "action", "name": "action_listen"}, {"event": "user", "text": "بلا بلا"}]
    return events


@pytest.mark.parametrize("previous, expected", [(False, "utter_ask_rephrase"), (True, "utter_offer_human")])
def test_second_fallback_in_a_row_offers_a_human(dispatcher, domain, previous, expected):
    tracker = make_tracker(
        text="بلا بلا", intent="nlu_fallback", active_loop=None, events=_events_with_previous_fallback(previous)
    )
    run(ActionDefaultFallback(), tracker, dispatcher, domain)
    assert responses(dispatcher) == [expected]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("", "utter_empty_message"),
        ("   ", "utter_empty_message"),
        ("😀🙏", "utter_text_only"),
        ("؟؟؟", "utter_text_only"),
    ],
)
def test_empty_or_emoji_message_gets_a_clear_reply(dispatcher, domain, text, expected):
    tracker = make_tracker(text=text, intent="nlu_fallback", active_loop=None)
    run(ActionDefaultFallback(), tracker, dispatcher, domain)
    assert responses(dispatcher) == [expected]


def test_handoff_is_queued_for_staff(dispatcher, domain, status_db):
    import status_store

    tracker = make_tracker(text="ابي موظف", intent="human_handoff", active_loop=None, sender_id="needs-help")
    run(ActionHumanHandoff(), tracker, dispatcher, domain)
    assert responses(dispatcher) == ["utter_human_handoff"]
    assert [h.conversation_id for h in status_store.list_handoffs(handled=False)] == ["needs-help"]

"""The fallback's dead ends found by a new user (issue 12, "deadends" pass): a national ID
as the first message starts the lookup; emoji get a reply about emoji, not "empty message"."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from actions.support import ActionDefaultFallback
from tests.actions.conftest import make_tracker, responses


def run(tracker, dispatcher, domain) -> list[dict[str, Any]]:
    return asyncio.run(ActionDefaultFallback().run(dispatcher, tracker, domain))


def first_message(text: str, intent: str = "inform", active_loop: str | None = None):
    events = [{"event": "user", "text": text, "parse_data": {"text": text, "intent": {"name": intent}}}]
    return make_tracker(text=text, intent=intent, active_loop=active_loop, events=events)


def after_an_answer(text: str, intent: str = "nlu_fallback", active_loop: str | None = None):
    events = [
        {"event": "user", "text": "وش شروط الضمان", "parse_data": {"intent": {"name": "faq"}}},
        {"event": "action", "name": "action_answer_faq"},
        {"event": "bot", "text": "...", "metadata": {"utter_action": "utter_faq/conditions"}},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": {"text": text, "intent": {"name": intent}}},
    ]
    return make_tracker(text=text, intent=intent, active_loop=active_loop, events=events)


@pytest.mark.parametrize(
    "text", ["1012345672", "١٠١٢٣٤٥٦٧٢", "1012345672 12/4/1985", "رقم هويتي 1012345672 وتاريخ ميلادي 12/4/1985"]
)
def test_a_national_id_as_the_first_message_is_replayed_as_the_status_request(text, dispatcher, domain):
    events = run(first_message(text), dispatcher, domain)
    assert dispatcher.messages == []
    replayed = [e for e in events if e.get("event") == "user"]
    assert len(replayed) == 1
    assert replayed[0]["text"] == text
    assert replayed[0]["parse_data"]["intent"]["name"] == "check_status"


def test_a_phone_number_alone_is_not_a_status_request(dispatcher, domain):
    events = run(first_message("0551234567"), dispatcher, domain)
    assert not [e for e in events if e.get("event") == "user"]
    assert responses(dispatcher) == ["utter_ask_rephrase"]


def test_inside_a_form_a_national_id_is_left_to_the_form(dispatcher, domain):
    events = run(first_message("1012345672", active_loop="eligibility_form"), dispatcher, domain)
    assert not [e for e in events if e.get("event") == "user"]


@pytest.mark.parametrize("text", ["👍", "🙏", "👍🏻", "🌹"])
def test_a_thanks_emoji_after_an_answer_is_a_thanks(text, dispatcher, domain):
    run(after_an_answer(text), dispatcher, domain)
    assert responses(dispatcher) == ["utter_thank"]


@pytest.mark.parametrize("text", ["😀", "🤔", "؟؟"])
def test_other_emoji_get_the_text_only_reply(text, dispatcher, domain):
    run(after_an_answer(text), dispatcher, domain)
    assert responses(dispatcher) == ["utter_text_only"]
    assert domain["responses"]["utter_text_only"][0]["buttons"]


def test_a_thanks_emoji_as_the_first_message_is_not_a_thanks(dispatcher, domain):
    run(first_message("🙏", intent="nlu_fallback"), dispatcher, domain)
    assert responses(dispatcher) == ["utter_text_only"]


def test_an_emoji_inside_a_form_is_not_a_thanks(dispatcher, domain):
    run(after_an_answer("👍", active_loop="status_form"), dispatcher, domain)
    assert responses(dispatcher) == ["utter_text_only"]


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_only_a_truly_empty_message_gets_the_empty_message_reply(text, dispatcher, domain):
    run(first_message(text, intent="nlu_fallback"), dispatcher, domain)
    assert responses(dispatcher) == ["utter_empty_message"]


def test_a_situation_told_in_full_is_replayed_as_the_eligibility_check(dispatcher, domain):
    text = "انا سعودي وساكن بالمملكة، معي مرتي و٣ ولاد بالمدرسة، ما عندي سيارة تانية، بستحق الضمان؟"
    events = run(first_message(text), dispatcher, domain)
    replayed = [e for e in events if e.get("event") == "user"]
    assert [e["parse_data"]["intent"]["name"] for e in replayed] == ["check_eligibility"]


@pytest.mark.parametrize("text", ["راتبي ٣٠٠٠", "عندي ٣ عيال", "بلا بلا"])
def test_one_stray_fact_is_not_an_opening(text, dispatcher, domain):
    events = run(first_message(text), dispatcher, domain)
    assert not [e for e in events if e.get("event") == "user"]

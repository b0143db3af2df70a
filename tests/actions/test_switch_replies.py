"""Typed replies to the switch questions and to "carry on with the check?": "carry on"
means staying in the current form, whatever the "لا" in front of it (new-user probe:
«لا خلني اكمل» after "leave the lookup for the check?" dropped the lookup)."""

from __future__ import annotations

import pytest

from actions.offers import NO, YES, read_reply

SWITCHES = ["utter_ask_switch_to_status", "utter_ask_switch_to_eligibility"]


@pytest.mark.parametrize("offer", SWITCHES)
@pytest.mark.parametrize("text", ["لا خلني اكمل", "خليني اكمل", "لا كمل", "نكمل الاستعلام", "لا"])
@pytest.mark.parametrize("intent", ["stop", "deny", "affirm", "inform"])
def test_carrying_on_is_a_no_to_switching(offer, text, intent):
    assert read_reply(offer, text, intent) == NO


@pytest.mark.parametrize("offer", SWITCHES)
@pytest.mark.parametrize("text", ["نعم", "ايوه", "اي ابي", "yes"])
def test_a_yes_switches(offer, text):
    assert read_reply(offer, text, "inform") == YES


@pytest.mark.parametrize(
    "text, reply", [("لا خلني اكمل", YES), ("كمل", YES), ("خلاص", NO), ("لا", NO), ("ايه", YES), ("لا ابي اوقف", NO)]
)
def test_replies_to_carrying_on_with_the_check(text, reply):
    assert read_reply("utter_ask_continue", text, "stop") == reply


@pytest.mark.parametrize("text", ["لا ما ابي موظف", "لا خلني اكمل", "لا"])
def test_a_no_to_a_person_is_never_read_as_asking_for_one(text):
    assert read_reply("utter_offer_human", text, "human_handoff") == NO

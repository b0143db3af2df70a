"""The new-user probe of 2026-12-05 over REST against the real servers: each fault it
found, with other phrasings of the same kind.

- check → lookup → check restarted from question 1 and lost the answers;
- a "carry on" reply to a switch question ("لا خلني اكمل") that NLU read as stop;
- greetings, thanks and goodbyes inside the check got "answer yes or no";
- «مدري» got "answer yes or no" (and was read as a no);
- «انا مقيم بالسعودية» recorded a non-Saudi nationality.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conversation_driver import requested_slot
from tests.e2e.test_never_stuck_rest import active_loop, last_turn_responses, new_sender

pytestmark = pytest.mark.e2e


def slots(stack: Any, sender: str) -> dict[str, Any]:
    return stack.tracker(sender)["slots"]


@pytest.mark.parametrize("back", ["ابي ارجع اكمل فحص الاهلية", "ابي افحص اهليتي"])
def test_a_check_left_for_the_lookup_is_resumed_with_its_answers(rasa_stack, back):
    sender = new_sender()
    rasa_stack.say(sender, "ابي افحص اهليتي")
    rasa_stack.say(sender, "ايوه سعودي")
    rasa_stack.say(sender, "ساكن بالرياض")
    asked = requested_slot(rasa_stack, sender)
    rasa_stack.say(sender, "وين وصل طلبي")
    rasa_stack.say(sender, "نعم")
    assert active_loop(rasa_stack, sender) == "status_form"
    rasa_stack.say(sender, back)
    assert last_turn_responses(rasa_stack, sender) == ["utter_ask_switch_to_eligibility"]
    rasa_stack.say(sender, "ايوه")
    assert "utter_resume_eligibility" in last_turn_responses(rasa_stack, sender)
    assert slots(rasa_stack, sender)["is_saudi"] is True and slots(rasa_stack, sender)["resides_in_ksa"] is True
    assert requested_slot(rasa_stack, sender) == asked


@pytest.mark.parametrize("carry_on", ["لا خلني اكمل", "لا كمل الاستعلام", "خليني اكمل"])
def test_carrying_on_after_the_switch_question_keeps_the_lookup(rasa_stack, carry_on):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف حالة طلبي")
    rasa_stack.say(sender, "ابغى افحص اهليتي")
    assert last_turn_responses(rasa_stack, sender) == ["utter_ask_switch_to_eligibility"]
    rasa_stack.say(sender, carry_on)
    assert active_loop(rasa_stack, sender) == "status_form"
    assert requested_slot(rasa_stack, sender) == "national_id"


@pytest.mark.parametrize(
    "courtesy,reply",
    [("يعطيك العافية", "utter_thank_in_form"), ("مشكور", "utter_thank_in_form"), ("هلا", "utter_greet_in_form")],
)
def test_a_courtesy_inside_the_check_gets_a_word_back_and_the_question(rasa_stack, courtesy, reply):
    sender = new_sender()
    rasa_stack.say(sender, "ابي افحص اهليتي")
    asked = requested_slot(rasa_stack, sender)
    rasa_stack.say(sender, courtesy)
    responses = last_turn_responses(rasa_stack, sender)
    assert responses[0] == reply and "utter_wrong_yes_no" not in responses
    assert requested_slot(rasa_stack, sender) == asked


@pytest.mark.parametrize("goodbye", ["شكرا مع السلامه", "باي", "في امان الله"])
def test_a_goodbye_inside_the_check_ends_it_and_keeps_the_answers(rasa_stack, goodbye):
    sender = new_sender()
    rasa_stack.say(sender, "ابي افحص اهليتي")
    rasa_stack.say(sender, "ايوه")
    rasa_stack.say(sender, goodbye)
    assert last_turn_responses(rasa_stack, sender) == ["utter_goodbye_in_check"]
    assert active_loop(rasa_stack, sender) is None
    rasa_stack.say(sender, "ابي افحص اهليتي")
    assert "utter_resume_eligibility" in last_turn_responses(rasa_stack, sender)
    assert slots(rasa_stack, sender)["is_saudi"] is True


@pytest.mark.parametrize("unsure", ["مدري", "والله ما ادري", "مو متأكد"])
def test_not_knowing_gets_the_explanation_and_records_nothing(rasa_stack, unsure):
    sender = new_sender()
    rasa_stack.say(sender, "ابي افحص اهليتي")
    asked = requested_slot(rasa_stack, sender)
    rasa_stack.say(sender, unsure)
    assert last_turn_responses(rasa_stack, sender) == [
        f"utter_explain_{asked}",
        "utter_answer_if_unsure",
        f"utter_ask_{asked}",
    ]
    assert slots(rasa_stack, sender)[asked] is None


@pytest.mark.parametrize("resident", ["انا مقيم بالسعودية", "ايوه مقيم هنا", "مقيمة في المملكة"])
def test_saying_where_one_lives_does_not_change_the_nationality(rasa_stack, resident):
    sender = new_sender()
    rasa_stack.say(sender, "ابي افحص اهليتي")
    rasa_stack.say(sender, "ايوه سعودي")
    assert requested_slot(rasa_stack, sender) == "resides_in_ksa"
    rasa_stack.say(sender, resident)
    assert slots(rasa_stack, sender)["is_saudi"] is True
    assert slots(rasa_stack, sender)["resides_in_ksa"] is True

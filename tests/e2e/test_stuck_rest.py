"""Two dead ends a tester found, over REST against the real servers.

1. The status lookup's birth-date question looped: "مدري", "ما اعرف", "ايوه", "مو
   متذكر", "خلاص" got the same re-prompt five times. Now "I don't know" says where to
   find the date with a way out, the third reply that answers nothing offers a person
   or stopping, and "خلاص" stops.
2. "ابي موظف" in the eligibility check outside staff hours left the check for good.
   Now the reply offers to carry on, "لا كمل" takes the check up again at its question
   with its answers kept, and a second request queues nothing more. Outside staff
   hours needs its own stack (the shared one has a 24/7 desk).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from saudi_locale.clock import RIYADH
from tests.e2e.conftest import RasaStack, running_stack
from tests.e2e.conversation_driver import requested_slot
from tests.e2e.test_never_stuck_rest import active_loop, handoffs, last_turn_responses

pytestmark = pytest.mark.e2e
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def new_sender() -> str:
    return f"e2e-stuck-{uuid.uuid4().hex[:10]}"


def at_birth_date(stack: Any) -> str:
    sender = new_sender()
    stack.say(sender, "استعلام عن طلب")
    stack.say(sender, "١٠١٢ ٣٤٥ ٦٧٢")
    assert requested_slot(stack, sender) == "birth_date"
    return sender


# ---- 1. the status lookup ------------------------------------------------------------
def test_the_testers_replies_get_help_a_way_out_then_stop(rasa_stack):
    sender = at_birth_date(rasa_stack)
    said = []
    for typed in ["مدري", "ما اعرف", "ايوه"]:
        rasa_stack.say(sender, typed)
        said.append(last_turn_responses(rasa_stack, sender)[0])
    assert said == [
        "utter_status_dont_know_birth_date",
        "utter_status_dont_know_birth_date",
        "utter_status_too_many_failures",
    ]
    rasa_stack.say(sender, "خلاص")
    assert active_loop(rasa_stack, sender) is None
    assert "utter_ask_birth_date" not in last_turn_responses(rasa_stack, sender)
    assert last_turn_responses(rasa_stack, sender)[-1] == "utter_anything_else"


@pytest.mark.parametrize("typed", ["خلاص", "بس", "خلاص ما ابي"])
def test_a_plain_stop_ends_the_lookup(rasa_stack, typed):
    sender = at_birth_date(rasa_stack)
    rasa_stack.say(sender, typed)
    assert active_loop(rasa_stack, sender) is None
    assert "utter_anything_else" in last_turn_responses(rasa_stack, sender)


def test_a_typed_yes_to_the_offer_hands_over_and_a_no_asks_again(rasa_stack):
    sender = at_birth_date(rasa_stack)
    for typed in ["ابريل", "ككك", "ايوه"]:
        rasa_stack.say(sender, typed)
    assert "utter_status_too_many_failures" in last_turn_responses(rasa_stack, sender)
    rasa_stack.say(sender, "لا")
    assert last_turn_responses(rasa_stack, sender) == ["utter_continue_status", "utter_ask_birth_date"]
    for typed in ["ابريل", "ككك", "ايوه"]:
        rasa_stack.say(sender, typed)
    rasa_stack.say(sender, "نعم")
    assert last_turn_responses(rasa_stack, sender)[0] == "utter_human_handoff"
    assert handoffs(rasa_stack, sender) == 1


def test_after_not_knowing_the_date_the_answer_is_still_taken(rasa_stack):
    sender = at_birth_date(rasa_stack)
    rasa_stack.say(sender, "نسيت")
    rasa_stack.say(sender, "12/4/1985")
    assert requested_slot(rasa_stack, sender) == "registration_date"


# ---- 2. a handoff request outside staff hours ----------------------------------------
@pytest.fixture(scope="module")
def night_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RasaStack]:
    """The stack with a desk open one minute a week, on a day three days from today."""
    other_day = DAYS[(dt.datetime.now(RIYADH).weekday() + 3) % 7]
    with running_stack(tmp_path_factory.mktemp("night"), staff_hours=f"{other_day} 00:00-00:01") as stack:
        yield stack


@pytest.mark.parametrize("carry_on", ["لا كمل", "كمل", "ارجع للأسئلة", "نعم"])
def test_the_check_is_taken_up_again_after_an_after_hours_request(night_stack, carry_on):
    sender = new_sender()
    night_stack.say(sender, "ابي افحص اهليتي")
    night_stack.say(sender, "سعودي مقيم بالمملكة")
    night_stack.say(sender, "عايش لحالي")
    asked = requested_slot(night_stack, sender)
    kept = {k: v for k, v in night_stack.tracker(sender)["slots"].items() if k in ("is_saudi", "dependents_count")}
    night_stack.say(sender, "ابي موظف")
    assert last_turn_responses(night_stack, sender) == [
        "utter_human_handoff_after_hours",
        "utter_official_channels",
        "utter_offer_resume_form",
    ]
    night_stack.say(sender, carry_on)
    assert active_loop(night_stack, sender) == "eligibility_form"
    assert requested_slot(night_stack, sender) == asked
    slots = night_stack.tracker(sender)["slots"]
    assert {k: slots[k] for k in kept} == kept
    night_stack.say(sender, "ابي موظف")  # again: the same request, not a second one
    assert handoffs(night_stack, sender) == 1


def test_the_testers_conversation_reaches_the_age_answer(night_stack):
    sender = new_sender()
    for typed in ["ابي افحص اهليتي", "سعودي مقيم بالمملكة", "عايش لحالي", "ابي موظف", "لا كمل"]:
        night_stack.say(sender, typed)
    assert requested_slot(night_stack, sender) == "age"
    night_stack.say(sender, "عمري ١٧")
    responses = last_turn_responses(night_stack, sender)
    assert "utter_ask_rephrase" not in responses and "utter_offer_human" not in responses
    assert night_stack.tracker(sender)["slots"]["age"] == 17 or active_loop(night_stack, sender) is None


def test_the_lookup_is_taken_up_again_too(night_stack):
    sender = new_sender()
    night_stack.say(sender, "استعلام عن طلب")
    night_stack.say(sender, "١٠١٢ ٣٤٥ ٦٧٢")
    night_stack.say(sender, "ابي موظف")
    assert "utter_offer_resume_form" in last_turn_responses(night_stack, sender)
    night_stack.say(sender, "نكمل")
    assert active_loop(night_stack, sender) == "status_form"
    assert requested_slot(night_stack, sender) == "birth_date"

"""Issue 12 over REST against the real servers: the cases at the top of the issue.

Messages read as the wrong intent, no way from one form to the other, a typed yes to
"talk to a staff member?" that looped, outside a form and inside one.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import sqlalchemy as sa

from tests.e2e.conversation_driver import requested_slot, texts

pytestmark = pytest.mark.e2e


def new_sender() -> str:
    return f"e2e-stuck-{uuid.uuid4().hex[:10]}"


def last_turn_responses(stack: Any, sender: str) -> list[str]:
    """Names of the responses the bot sent after the user's latest message (from the
    `utter_action` Rasa stamps on each bot event), in order."""
    events: list[dict[str, Any]] = stack.tracker(sender)["events"]
    last_user = max(i for i, e in enumerate(events) if e.get("event") == "user")
    return [
        (e.get("metadata") or {}).get("utter_action") or e.get("text")
        for e in events[last_user:]
        if e.get("event") == "bot"
    ]


def handoffs(stack: Any, sender: str) -> int:
    engine = sa.create_engine(stack.status_db_url, future=True)
    with engine.connect() as connection:
        return connection.execute(
            sa.text("select count(*) from handoff_requests where conversation_id = :c"), {"c": sender}
        ).scalar_one()


def fail_until_a_person_is_offered(stack: Any, sender: str) -> None:
    """Unreadable answers to the dependents question until the bot offers a person.
    Nonsense rather than a phrase: what the NLU reads as off-topic is not counted."""
    for _ in range(5):
        stack.say(sender, "ككك ككك")
        if "utter_too_many_failures" in last_turn_responses(stack, sender):
            return
    raise AssertionError("no offer of a person after five unreadable answers")


def active_loop(stack: Any, sender: str) -> Any:
    return (stack.tracker(sender).get("active_loop") or {}).get("name")


# ---- messages that were read as the wrong intent ------------------------------------
@pytest.mark.parametrize(
    "message,expected",
    [
        ("ابغى اقدم طلب جديد كيف", "utter_faq/apply_steps"),  # was start_over
        ("طلبي انرفض وش اسوي", "utter_faq/objection"),  # was check_status
        ("ابي استخرج بطاقة رقمية", "utter_faq/digital_card"),  # was out_of_scope
        ("رقمي 0551234567 ابي احد يتواصل معي", "utter_human_handoff"),  # was the fallback
        # Other messages of the same kinds, not in the training data.
        ("ودي اقدم على الضمان لاول مرة، كيف؟", "utter_faq/apply_steps"),
        ("جاني رد ان طلبي مرفوض، كيف اعترض؟", "utter_faq/objection"),
        ("كيف اطلع الكرت الرقمي للضمان", "utter_faq/digital_card"),
        ("جوالي ٠٥٠١٢٣٤٥٦٧ خلو موظف يكلمني", "utter_human_handoff"),
    ],
)
def test_message_from_the_issue_gets_the_answer_it_asks_for(rasa_stack, message, expected):
    sender = new_sender()
    rasa_stack.say(sender, message)
    assert last_turn_responses(rasa_stack, sender) == [expected]


# ---- from one form to the other -----------------------------------------------------
def test_status_lookup_can_be_left_for_the_eligibility_check(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف حالة طلبي")
    assert requested_slot(rasa_stack, sender) == "national_id"
    rasa_stack.say(sender, "لا خلاص ابي افحص اهليتي بدل كذا")
    assert last_turn_responses(rasa_stack, sender) == ["utter_ask_switch_to_eligibility"]
    assert active_loop(rasa_stack, sender) is None
    rasa_stack.say(sender, "نعم")
    assert active_loop(rasa_stack, sender) == "eligibility_form"
    assert requested_slot(rasa_stack, sender) == "is_saudi"


def test_eligibility_check_can_be_left_for_the_status_lookup(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "ابي افحص اهليتي")
    rasa_stack.say(sender, "ايوه")  # is_saudi
    asked = requested_slot(rasa_stack, sender)
    assert asked and asked != "is_saudi"
    rasa_stack.say(sender, "ابي اعرف وش صار على طلبي")
    assert last_turn_responses(rasa_stack, sender) == ["utter_ask_switch_to_status"]
    rasa_stack.say(sender, "ايوه")
    assert active_loop(rasa_stack, sender) == "status_form"
    assert requested_slot(rasa_stack, sender) == "national_id"


@pytest.mark.parametrize(
    "start,switch,resumed_at",
    [
        ("ابي اعرف حالة طلبي", "ابغى افحص اهليتي", "national_id"),
        ("ابي افحص اهليتي", "ابي اعرف حالة طلبي", "is_saudi"),
    ],
)
def test_a_no_to_leaving_keeps_the_form_at_its_question(rasa_stack, start, switch, resumed_at):
    sender = new_sender()
    rasa_stack.say(sender, start)
    rasa_stack.say(sender, switch)
    assert last_turn_responses(rasa_stack, sender)[0].startswith("utter_ask_switch_to_")
    rasa_stack.say(sender, "لا")
    assert requested_slot(rasa_stack, sender) == resumed_at


# ---- a typed yes to the offer of a person --------------------------------------------
@pytest.mark.parametrize("yes", ["نعم", "ايوه", "ابي موظف", "👍"])
def test_typed_yes_to_the_offer_of_a_person_outside_a_form_hands_over(rasa_stack, yes):
    sender = new_sender()
    rasa_stack.say(sender, "لا")
    rasa_stack.say(sender, "40")
    assert "utter_offer_human" in last_turn_responses(rasa_stack, sender)
    rasa_stack.say(sender, yes)
    assert last_turn_responses(rasa_stack, sender) == ["utter_human_handoff"]
    assert handoffs(rasa_stack, sender) == 1


def test_typed_no_to_the_offer_of_a_person_does_not_offer_again(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "لا")
    rasa_stack.say(sender, "40")
    rasa_stack.say(sender, "لا")
    assert last_turn_responses(rasa_stack, sender) == ["utter_offer_declined"]
    assert handoffs(rasa_stack, sender) == 0


# "👍" is read by the NLU as nlu_fallback and reaches the offer through the fallback:
# it once handed over ten times in one turn.
@pytest.mark.parametrize("yes", ["نعم", "ايوه", "👍"])
def test_typed_yes_to_the_offer_of_a_person_inside_the_check_hands_over(rasa_stack, yes):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف هل انا مستحق")
    rasa_stack.say(sender, "ايوه")
    rasa_stack.say(sender, "ايوه")
    fail_until_a_person_is_offered(rasa_stack, sender)
    asked = requested_slot(rasa_stack, sender)
    replies = rasa_stack.say(sender, yes)
    assert last_turn_responses(rasa_stack, sender) == ["utter_human_handoff"], texts(replies)
    assert active_loop(rasa_stack, sender) is None
    assert handoffs(rasa_stack, sender) == 1
    assert asked == "dependents_count"


def test_typed_no_to_the_offer_inside_the_check_asks_the_question_again(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف هل انا مستحق")
    rasa_stack.say(sender, "ايوه")
    rasa_stack.say(sender, "ايوه")
    fail_until_a_person_is_offered(rasa_stack, sender)
    rasa_stack.say(sender, "لا")
    assert requested_slot(rasa_stack, sender) == "dependents_count"
    assert handoffs(rasa_stack, sender) == 0

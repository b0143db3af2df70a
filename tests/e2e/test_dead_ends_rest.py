"""Dead ends a new user found in dialect after issue 12, over REST against the real servers.

1. Either form can be left for the other at ANY of its questions (one confirmation).
2. A national ID as the very first message starts the status lookup with it.
3. The program's contact number is an answer with the official channels, not a hand-over.
4. Emoji alone: a thanks after an answer, otherwise a "text only" reply; only an empty
   message gets the empty-message reply.
5. A long opening message that states the whole situation fills every stated fact.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

import pytest

from tests.e2e.conversation_driver import ELIGIBLE_APPLICANT, requested_slot
from tests.e2e.test_never_stuck_rest import active_loop, handoffs, last_turn_responses

pytestmark = pytest.mark.e2e

STATUS_ANSWERS = {"national_id": "1012345672", "birth_date": "12/4/1985", "registration_date": "3/2024"}
STATUS_QUESTIONS = ["national_id", "birth_date", "registration_date"]
# Answer sets that between them reach every question of the eligibility check: a Saudi
# family, a non-Saudi wife of a Saudi, a person alone with wealth, and a family whose
# first "لا" to a question that asks a gate and its duty together asks the gate alone.
PROFILES: dict[str, Mapping[str, Any]] = {
    "family": ELIGIBLE_APPLICANT,
    "non_saudi": {**ELIGIBLE_APPLICANT, "is_saudi": "لا", "nationality_exception": "ايه زوجي سعودي وعيالي سعوديين"},
    "alone_with_wealth": {
        **ELIGIBLE_APPLICANT,
        "dependents_count": "لحالي",
        "has_high_value_assets": "ايه عندي ارض",
        "assets_value": "عشرين الف",
    },
    "gates_alone": {**ELIGIBLE_APPLICANT, "meets_education_health": "لا", "accepts_rehabilitation": "لا"},
}


def new_sender() -> str:
    return f"e2e-dead-{uuid.uuid4().hex[:10]}"


def slots(stack: Any, sender: str) -> dict[str, Any]:
    return stack.tracker(sender)["slots"]


def asked_questions(stack: Any, answers: Mapping[str, Any]) -> list[str]:
    """The questions of one whole check answered from `answers`, in order."""
    sender, asked = new_sender(), []
    stack.say(sender, "ابي افحص اهليتي")
    for _ in range(25):
        slot = requested_slot(stack, sender)
        if slot is None:
            break
        asked.append(slot)
        stack.say(sender, answers[slot])
    return asked


# ---- 1. leaving either form at any question ------------------------------------------
@pytest.mark.parametrize("question", STATUS_QUESTIONS)
@pytest.mark.parametrize("switch", ["لا خلاص ابي افحص اهليتي بدل", "ابي اشوف اذا انا مستحق"])
def test_the_lookup_can_be_left_for_the_check_at_every_question(rasa_stack, question, switch):
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف حالة طلبي")
    for earlier in STATUS_QUESTIONS[: STATUS_QUESTIONS.index(question)]:
        rasa_stack.say(sender, STATUS_ANSWERS[earlier])
    assert requested_slot(rasa_stack, sender) == question
    rasa_stack.say(sender, switch)
    assert last_turn_responses(rasa_stack, sender) == ["utter_ask_switch_to_eligibility"]
    rasa_stack.say(sender, "نعم")
    assert active_loop(rasa_stack, sender) == "eligibility_form"
    assert requested_slot(rasa_stack, sender) == "is_saudi"


@pytest.mark.parametrize("question", STATUS_QUESTIONS)
def test_a_no_to_leaving_the_lookup_keeps_its_answers_and_its_question(rasa_stack, question):
    """The form re-validates what it holds when it starts again: the masked ID was once
    read as a new, wrong ID and asked again."""
    sender = new_sender()
    rasa_stack.say(sender, "ابي اعرف حالة طلبي")
    earlier = STATUS_QUESTIONS[: STATUS_QUESTIONS.index(question)]
    for slot in earlier:
        rasa_stack.say(sender, STATUS_ANSWERS[slot])
    rasa_stack.say(sender, "لا خلاص ابي افحص اهليتي بدل")
    rasa_stack.say(sender, "لا")
    assert last_turn_responses(rasa_stack, sender)[0] == "utter_continue_status"
    assert requested_slot(rasa_stack, sender) == question
    assert all(slots(rasa_stack, sender)[slot] for slot in earlier)


def test_a_no_to_leaving_the_check_keeps_its_answers(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "ابي افحص اهليتي")
    for answer in ("ايوه", "ايه ساكن بالرياض", "عندي ٣ عيال", "راتبي الف ومية"):
        rasa_stack.say(sender, answer)
    asked = requested_slot(rasa_stack, sender)
    rasa_stack.say(sender, "ابي اعرف حالة طلبي")
    rasa_stack.say(sender, "لا")
    assert requested_slot(rasa_stack, sender) == asked
    filled = slots(rasa_stack, sender)
    assert (filled["dependents_count"], filled["earned_income"]) == (3, 1100)


@pytest.mark.parametrize("profile", list(PROFILES))
def test_the_check_can_be_left_for_the_lookup_at_every_question(rasa_stack, profile):
    answers = PROFILES[profile]
    asked = asked_questions(rasa_stack, answers)
    assert len(asked) >= 8, asked
    failures = []
    for position, question in enumerate(asked):
        sender = new_sender()
        rasa_stack.say(sender, "ابي افحص اهليتي")
        for earlier in asked[:position]:
            rasa_stack.say(sender, answers[earlier])
        assert requested_slot(rasa_stack, sender) == question
        rasa_stack.say(sender, "ابي اعرف وين وصل طلبي")
        replies = last_turn_responses(rasa_stack, sender)
        rasa_stack.say(sender, "ايوه")
        if replies != ["utter_ask_switch_to_status"] or requested_slot(rasa_stack, sender) != "national_id":
            failures.append((question, replies))
    assert failures == [], failures


# ---- 2. a national ID as the first message --------------------------------------------
@pytest.mark.parametrize("first", ["1012345672", "١٠١٢٣٤٥٦٧٢"])
def test_a_bare_national_id_first_starts_the_lookup_with_it(rasa_stack, first):
    sender = new_sender()
    rasa_stack.say(sender, first)
    assert active_loop(rasa_stack, sender) == "status_form"
    assert requested_slot(rasa_stack, sender) == "birth_date"
    assert slots(rasa_stack, sender)["national_id"] == "1*******72"
    assert "utter_ask_rephrase" not in last_turn_responses(rasa_stack, sender)


@pytest.mark.parametrize(
    "first", ["1012345672 12/4/1985", "رقم هويتي 1012345672 وتاريخ ميلادي 12/4/1985", "١٠١٢٣٤٥٦٧٢ مواليد ١٩٨٥/٤/١٢"]
)
def test_an_id_and_a_birth_date_first_ask_only_the_registration_date(rasa_stack, first):
    sender = new_sender()
    rasa_stack.say(sender, first)
    assert requested_slot(rasa_stack, sender) == "registration_date"
    assert slots(rasa_stack, sender)["birth_date"] == "1985-04-12"


def test_an_id_with_a_wrong_check_digit_first_is_explained_not_a_fallback(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "1012345678")
    replies = last_turn_responses(rasa_stack, sender)
    assert active_loop(rasa_stack, sender) == "status_form"
    assert any(name and name.startswith("utter_wrong_national_id") for name in replies), replies


# ---- 3. the program's contact number ------------------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "ماهو رقم الضمان للتواصل",
        "كم رقم الضمان الاجتماعي",
        "وش رقم خدمة العملاء حق الضمان",
        # Not in the training data:
        "ايش رقم التلفون حق الضمان المطور",
        "شو رقم خدمة العملاء تبع الضمان",
        "ممكن تعطيني رقم الضمان الاجتماعي",
    ],
)
def test_asking_for_the_programs_number_gets_the_official_channels(rasa_stack, question):
    sender = new_sender()
    replies = rasa_stack.say(sender, question)
    assert last_turn_responses(rasa_stack, sender) == ["utter_faq/contact"]
    assert "19911" in replies[0]["text"]
    assert handoffs(rasa_stack, sender) == 0


@pytest.mark.parametrize("request_for_a_person", ["ابي احد يكلمني", "ابي اكلم موظف", "خلو موظف يتصل علي"])
def test_asking_for_a_person_still_hands_over(rasa_stack, request_for_a_person):
    sender = new_sender()
    rasa_stack.say(sender, request_for_a_person)
    assert last_turn_responses(rasa_stack, sender) == ["utter_human_handoff"]
    assert handoffs(rasa_stack, sender) == 1


# ---- 4. emoji and empty messages ----------------------------------------------------
@pytest.mark.parametrize("emoji", ["👍", "🙏"])
def test_a_thanks_emoji_after_an_answer_is_a_thanks(rasa_stack, emoji):
    sender = new_sender()
    rasa_stack.say(sender, "وش شروط الضمان")
    rasa_stack.say(sender, emoji)
    assert last_turn_responses(rasa_stack, sender) == ["utter_thank"]


@pytest.mark.parametrize("emoji", ["😀", "🙏", "👍"])
def test_an_emoji_as_the_first_message_asks_for_text(rasa_stack, emoji):
    sender = new_sender()
    replies = rasa_stack.say(sender, emoji)
    assert last_turn_responses(rasa_stack, sender) == ["utter_text_only"]
    assert replies[0].get("buttons")


def test_another_emoji_after_an_answer_asks_for_text(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "وش شروط الضمان")
    rasa_stack.say(sender, "😀")
    assert last_turn_responses(rasa_stack, sender) == ["utter_text_only"]


def test_a_whitespace_message_gets_the_empty_message_reply(rasa_stack):
    sender = new_sender()
    rasa_stack.say(sender, "   ")
    assert last_turn_responses(rasa_stack, sender) == ["utter_empty_message"]


# ---- 5. a long opening message with every fact -------------------------------------
OPENINGS = [
    (
        "السلام عليكم ورحمة الله، أنا مواطن سعودي مقيم في المملكة، متزوج ولدي ثلاثة أبناء في المدارس، "
        "راتبي ٣٠٠٠ ريال ولا أملك أصولًا، هل أستحق الضمان؟",
        {
            "is_saudi": True,
            "resides_in_ksa": True,
            "dependents_count": 4,
            "has_children": True,
            "meets_education_health": True,
            "earned_income": 3000,
            "has_high_value_assets": False,
        },
    ),
    (
        "السلام عليكم انا سعودي ساكن بالرياض متزوج وعندي ٣ عيال كلهم يدرسون، راتبي ثلاث الاف "
        "وما عندي املاك ولا عقارات، هل استاهل الضمان؟",
        {
            "is_saudi": True,
            "resides_in_ksa": True,
            "dependents_count": 4,
            "earned_income": 3000,
            "has_high_value_assets": False,
        },
    ),
    (
        "السلام عليكم. أنا مواطنة سعودية مقيمة في المملكة، لا أعمل، زوجي متوفى، ولدي ثلاث بنات يدرسن "
        "في المدارس، لا نملك أي أصول، هل نستحق الضمان؟",
        {
            "is_saudi": True,
            "resides_in_ksa": True,
            "dependents_count": 3,
            "earned_income": 0,
            "has_high_value_assets": False,
        },
    ),
    (
        "السلام عليكم بدي اسأل انا سعودي وساكن بالمملكة، معي مرتي و٣ ولاد بالمدرسة، ما عندي بيت ملك "
        "ولا سيارة تانية، بستحق الضمان؟",
        {"is_saudi": True, "resides_in_ksa": True, "dependents_count": 4, "has_high_value_assets": False},
    ),
]


@pytest.mark.parametrize("message,facts", OPENINGS, ids=[f"opening{i}" for i in range(len(OPENINGS))])
def test_a_long_opening_message_fills_every_stated_fact(rasa_stack, message, facts):
    sender = new_sender()
    rasa_stack.say(sender, message)
    assert active_loop(rasa_stack, sender) == "eligibility_form"
    filled = slots(rasa_stack, sender)
    assert {slot: filled.get(slot) for slot in facts} == facts
    assert requested_slot(rasa_stack, sender) not in facts

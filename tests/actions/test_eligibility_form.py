"""validate_eligibility_form: answers as people type them, re-asking, confirmation,
corrections, and the order and early stop that come from eligibility.next_question."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.interfaces import ActionExecutionRejection

from actions.eligibility_form import MAX_FAILURES, ValidateEligibilityForm
from tests.actions.conftest import make_tracker, responses

form = ValidateEligibilityForm()
SAUDI_RESIDENT = {"is_saudi": True, "resides_in_ksa": True}


def validate(slot, text, slots=None, intent="inform", dispatcher=None, events=None):
    tracker = make_tracker(slots={**(slots or {}), slot: text}, text=text, intent=intent, events=events)
    return getattr(form, f"validate_{slot}")(text, dispatcher, tracker, {})


def _required(slots):
    tracker = make_tracker(slots=slots)
    return asyncio.run(form.required_slots([], None, tracker, {}))


def _requested(slots):
    tracker = make_tracker(slots=slots)
    return asyncio.run(form.next_requested_slot(None, tracker, {}))["value"]


@pytest.mark.parametrize(
    "slot, typed, expected",
    [
        ("is_saudi", "ايوه", True),
        ("is_saudi", "نعم", True),
        ("is_saudi", "سعودي", True),
        ("is_saudi", "لا والله", False),
        ("is_saudi", "/deny", False),
        ("resides_in_ksa", "ايه ساكن بالرياض", True),
        ("has_bank_account", "ما عندي", False),
        ("has_bank_account", "اي عندي", True),
        ("has_high_value_assets", "ابد", False),
        ("age", "عمري ٤٥", 45.0),
        ("age", "45 سنة", 45.0),
        ("dependents_count", "ولا واحد", 0.0),
        ("dependents_count", "ثلاثة", 3.0),
        ("dependents_count", "الزوجة وثلاث عيال", 4.0),
        ("dependents_count", "أمي وأبوي", 2.0),
        ("other_income", "لا", 0.0),
        ("other_income", "٨٠٠", 800.0),
        ("assets_value", "خمسين الف", 50000.0),
    ],
)
def test_typed_answer_is_read_into_its_slot(dispatcher, slot, typed, expected):
    result = validate(slot, typed, SAUDI_RESIDENT, dispatcher=dispatcher)
    assert result[slot] == expected


@pytest.mark.parametrize(
    "typed, earned, other",
    [
        ("راتبي ١٥٠٠ وعندي تقاعد ابوي ٨٠٠", 1500.0, 800.0),
        ("ما عندي راتب بس ضمان ٩٠٠ وإيجار ٥٠٠", 0.0, 1400.0),
        ("ما عندي دخل", 0.0, 0.0),
    ],
)
def test_income_answer_fills_work_and_other_income_by_source(dispatcher, typed, earned, other):
    result = validate("earned_income", typed, {**SAUDI_RESIDENT, "dependents_count": 2.0}, dispatcher=dispatcher)
    assert (result["earned_income"], result["other_income"]) == (earned, other)


def test_salary_alone_fills_work_income_and_leaves_other_income_to_ask(dispatcher):
    slots = {**SAUDI_RESIDENT, "dependents_count": 2.0}
    result = validate("earned_income", "راتبي ٣٠٠٠", slots, dispatcher=dispatcher)
    assert result["earned_income"] == 3000.0
    assert result.get("other_income") is None
    assert _requested({**slots, **result}) == "other_income"


def test_bare_amount_with_unclear_source_is_asked_about_once(dispatcher):
    slots = {**SAUDI_RESIDENT, "dependents_count": 2.0}
    result = validate("earned_income", "٢٠٠٠", slots, dispatcher=dispatcher)
    assert result["earned_income"] is None and result["unclassified_income"] == 2000.0
    pending = {**slots, "unclassified_income": 2000.0}
    assert validate("earned_income", "من عمل", pending, dispatcher=dispatcher)["earned_income"] == 2000.0
    from_pension = validate("earned_income", "تقاعد أو دخل آخر", pending, dispatcher=dispatcher)
    assert from_pension["other_income"] == 2000.0 and from_pension["unclassified_income"] is None
    unclear = validate("earned_income", "مدري", pending, dispatcher=dispatcher)
    assert unclear["unclassified_income"] is None  # asked once, then the income question again


def test_bare_amount_asked_about_one_source_is_that_source(dispatcher):
    slots = {**SAUDI_RESIDENT, "dependents_count": 2.0, "other_income": 800.0}
    assert validate("earned_income", "٢٠٠٠", slots, dispatcher=dispatcher)["earned_income"] == 2000.0


def test_amount_per_year_is_converted_and_said_back(dispatcher):
    result = validate(
        "earned_income", "راتبي ٤٨ ألف بالسنة", {**SAUDI_RESIDENT, "dependents_count": 2.0}, dispatcher=dispatcher
    )
    assert result["earned_income"] == 4000.0
    assert "utter_income_converted" in responses(dispatcher)


def test_count_is_said_back(dispatcher):
    result = validate("dependents_count", "الزوجة وثلاث عيال", SAUDI_RESIDENT, dispatcher=dispatcher)
    assert result["dependents_count"] == 4.0
    said = [m for m in dispatcher.messages if m.get("response") == "utter_understood"]
    assert said and "4 تابعين" in said[0]["understood"]


@pytest.mark.parametrize("typed", ["بس الزوجة", "بس زوجتي"])
def test_only_my_wife_is_an_answer_even_when_nlu_says_stop(dispatcher, typed):
    result = validate("dependents_count", typed, SAUDI_RESIDENT, intent="stop", dispatcher=dispatcher)
    assert result["dependents_count"] == 1.0


def test_only_the_pension_is_an_answer_even_when_nlu_says_stop(dispatcher):
    slots = {**SAUDI_RESIDENT, "dependents_count": 0.0, "age": 70.0, "earned_income": 0.0}
    result = validate("other_income", "بس راتب التقاعد ٢٠٠٠", slots, intent="stop", dispatcher=dispatcher)
    assert result["other_income"] == 2000.0


@pytest.mark.parametrize("typed, intent", [("وقف", "stop"), ("خلاص بس", "stop"), ("وش رايك بالطقس", "out_of_scope")])
def test_stop_or_off_topic_that_is_no_answer_is_left_to_the_rules(dispatcher, typed, intent):
    with pytest.raises(ActionExecutionRejection):
        validate("dependents_count", typed, SAUDI_RESIDENT, intent=intent, dispatcher=dispatcher)


def test_message_fills_every_slot_it_answers_and_the_form_asks_only_what_is_missing(dispatcher):
    text = "ايوه سعودي وساكن بالرياض وعندي ٣ عيال"
    result = validate("is_saudi", text, {}, dispatcher=dispatcher)
    assert result["is_saudi"] is True
    assert result["resides_in_ksa"] is True
    assert result["dependents_count"] == 3
    assert "utter_understood" in responses(dispatcher)
    asked_next = _requested(result)
    assert asked_next not in ("is_saudi", "resides_in_ksa", "dependents_count")


@pytest.mark.parametrize(
    "slot, typed, expected",
    [
        ("accepts_rehabilitation", "ما فينا أحد يقدر يشتغل", {"has_able_to_work_members": False}),
        ("accepts_rehabilitation", "لا ينطبق", {"has_able_to_work_members": False}),
        ("has_able_to_work_members", "كلنا كبار بالسن", {"has_able_to_work_members": False}),
        ("meets_education_health", "عيالي صغار", {"meets_education_health": True}),
        ("meets_education_health", "لا ينطبق", {"meets_education_health": True}),
        ("has_children", "ما عندي عيال", {"has_children": False}),
    ],
)
def test_not_applicable_never_becomes_a_refusal(dispatcher, slot, typed, expected):
    result = validate(slot, typed, {**SAUDI_RESIDENT, "dependents_count": 1.0}, dispatcher=dispatcher)
    for name, value in expected.items():
        assert result[name] is value


@pytest.mark.parametrize(
    "slot, typed, wrong_response",
    [
        # Not "مدري" / "يمكن": not knowing is helped, not failed (test_courtesies_and_unsure.py).
        ("is_saudi", "اممم", "utter_wrong_yes_no"),
        ("age", "كبير", "utter_wrong_age"),
        ("dependents_count", "العدد كبير", "utter_wrong_dependents_count"),
        ("earned_income", "فلوس", "utter_wrong_earned_income"),
        ("other_income", "اشياء كذا", "utter_wrong_other_income"),
    ],
)
def test_unreadable_answer_is_asked_again_with_an_example(dispatcher, slot, typed, wrong_response):
    result = validate(slot, typed, SAUDI_RESIDENT, dispatcher=dispatcher)
    assert result[slot] is None
    assert responses(dispatcher) == [wrong_response]


def test_third_unreadable_answer_offers_a_human(dispatcher):
    result = validate("age", "كبير", {**SAUDI_RESIDENT, "answer_failures": MAX_FAILURES - 1}, dispatcher=dispatcher)
    assert result["age"] is None
    assert responses(dispatcher) == ["utter_too_many_failures"]


def test_impossible_value_is_refused_with_the_reason(dispatcher):
    result = validate("age", "عمري ٢٠٠", {**SAUDI_RESIDENT, "dependents_count": 0.0}, dispatcher=dispatcher)
    assert result["age"] is None
    assert responses(dispatcher) == ["utter_wrong_value_range"]


@pytest.mark.parametrize("slot, typed, value", [("other_income", "٦٠ الف", 60000.0), ("dependents_count", "٢٥", 25.0)])
def test_surprising_answer_is_confirmed_before_use(dispatcher, slot, typed, value):
    slots = (
        {**SAUDI_RESIDENT, "dependents_count": 2.0, "earned_income": 0.0} if slot == "other_income" else SAUDI_RESIDENT
    )
    result = validate(slot, typed, slots, dispatcher=dispatcher)
    assert result[slot] is None
    assert result["pending_answer"] == {"slot": slot, "value": value}
    assert "utter_confirm_surprising_answer" in responses(dispatcher)

    confirmed = validate(
        slot, "ايوه", {**slots, "pending_answer": result["pending_answer"]}, intent="affirm", dispatcher=dispatcher
    )
    assert confirmed[slot] == value
    refused = validate(
        slot, "لا", {**slots, "pending_answer": result["pending_answer"]}, intent="deny", dispatcher=dispatcher
    )
    assert refused[slot] is None and refused["pending_answer"] is None


def test_correction_of_an_earlier_answer_changes_that_slot(dispatcher):
    slots = {**SAUDI_RESIDENT, "dependents_count": 3.0}
    result = validate("earned_income", "غلطت، عندي ٤ تابعين", slots, dispatcher=dispatcher)
    assert result["dependents_count"] == 4
    assert result["earned_income"] is None
    assert "utter_answer_corrected" in responses(dispatcher)


def test_reply_to_continue_question_is_not_taken_as_the_answer(dispatcher):
    events = [
        {"event": "action", "name": "utter_ask_continue"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "ايوه"},
    ]
    with pytest.raises(ActionExecutionRejection):
        validate("is_saudi", "ايوه", intent="affirm", dispatcher=dispatcher, events=events)


def test_questions_follow_the_eligibility_order_and_raw_text_is_not_an_answer():
    assert _required({}) == ["is_saudi"]
    assert _requested({"is_saudi": "ايوه"}) == "is_saudi"  # typed but not yet read
    assert _required({"is_saudi": True}) == ["is_saudi", "resides_in_ksa"]


def test_non_saudi_is_asked_the_exception_and_then_nothing_more():
    assert _required({"is_saudi": False}) == ["is_saudi", "nationality_exception"]
    # No other question: only the check of what was understood before the refusal.
    assert _requested({"is_saudi": False, "nationality_exception": False}) == "answers_confirmed"


HOUSEHOLD = {
    **SAUDI_RESIDENT,
    "dependents_count": 2.0,
    "earned_income": 0.0,
    "other_income": 900.0,
    "has_high_value_assets": False,
    "has_bank_account": True,
    "lives_in_care_facility": False,
}


@pytest.mark.parametrize(
    "gate, never_asked",
    [
        ({"has_children": False}, "meets_education_health"),
        ({"has_able_to_work_members": False}, "accepts_rehabilitation"),
        ({"has_high_value_assets": False}, "assets_value"),
        ({"dependents_count": 2.0}, "age"),
    ],
)
def test_a_question_whose_gate_says_it_does_not_apply_is_never_asked(gate, never_asked):
    slots = {**HOUSEHOLD, **gate}
    for _ in range(10):
        asked = _requested(slots)
        if asked is None or asked == "answers_confirmed":
            break
        assert asked != never_asked
        slots[asked] = True if asked not in ("age", "assets_value") else 40.0
    assert asked == "answers_confirmed"


GATES = [("has_children", "meets_education_health"), ("has_able_to_work_members", "accepts_rehabilitation")]


@pytest.mark.parametrize("gate, duty", GATES)
def test_yes_to_the_gate_asked_with_its_duty_answers_both(dispatcher, gate, duty):
    result = validate(gate, "/affirm", HOUSEHOLD, intent="affirm", dispatcher=dispatcher)
    assert (result[gate], result[duty]) == (True, True)


@pytest.mark.parametrize("gate, duty", GATES)
def test_no_to_the_gate_asked_with_its_duty_asks_the_gate_alone_and_never_refuses(dispatcher, gate, duty):
    earlier = {**HOUSEHOLD, **({"has_children": False} if gate != "has_children" else {})}
    result = validate(gate, "لا", earlier, intent="deny", dispatcher=dispatcher)
    assert result[gate] is None and result.get(duty) is None and result["plain_gate"] == gate
    slots = {**earlier, **result}
    assert _requested(slots) == gate
    # Alone, "لا" is the gate's answer: the duty is then never asked.
    alone = validate(gate, "لا", slots, intent="deny", dispatcher=dispatcher)
    assert alone[gate] is False and alone["plain_gate"] is None
    assert _requested({**slots, **alone}) not in (gate, duty)
    # "نعم" to the gate alone asks the duty on its own.
    able = validate(gate, "نعم", slots, intent="affirm", dispatcher=dispatcher)
    assert able[gate] is True and _requested({**slots, **able}) == duty


def test_nobody_can_work_button_answers_the_gate(dispatcher):
    result = validate("has_able_to_work_members", "ما فينا أحد يقدر يشتغل", HOUSEHOLD, dispatcher=dispatcher)
    assert result["has_able_to_work_members"] is False


# ---- tester's faults: say-backs, numbers of other slots, "لا" to the source --------
def _said(dispatcher, response):
    return [m for m in dispatcher.messages if m.get("response") == response]


@pytest.mark.parametrize(
    "typed, stated, monthly",
    [
        ("دخلي ٣٦ الف بالسنة", "36,000", "3,000"),  # no source: among unclassified_items
        ("٦٠ الف بالسنة", "60,000", "5,000"),
        ("راتبي ٤٨ ألف بالسنة", "48,000", "4,000"),
    ],
)
def test_every_converted_amount_is_said_back_with_or_without_a_source(dispatcher, typed, stated, monthly):
    validate("earned_income", typed, {**SAUDI_RESIDENT, "dependents_count": 2.0}, dispatcher=dispatcher)
    said = _said(dispatcher, "utter_income_converted")
    assert said and stated in said[0]["converted"] and monthly in said[0]["converted"]
    assert all(m["converted"].strip() for m in said)


@pytest.mark.parametrize(
    "typed, earned, other",
    [
        ("راتبي ٢٠٠٠ وتقاعد ابوي ١٢٠٠", "2,000", "1,200"),
        ("راتبي ١٥٠٠ وعندي تقاعد ابوي ٨٠٠", "1,500", "800"),
    ],
)
def test_say_back_lists_every_income_the_message_filled(dispatcher, typed, earned, other):
    result = validate("earned_income", typed, {**SAUDI_RESIDENT, "dependents_count": 2.0}, dispatcher=dispatcher)
    assert result["earned_income"] is not None and result["other_income"] is not None
    understood = _said(dispatcher, "utter_understood")[0]["understood"]
    assert f"من العمل {earned} ريال" in understood and f"(تقاعد وغيره) {other} ريال" in understood


@pytest.mark.parametrize(
    "slot, typed",
    [
        ("assets_value", "لا غلطت عندي ٤ عيال"),
        ("assets_value", "عندي ٤ عيال"),
        ("other_income", "لا غلطت عندي ٤ عيال"),
    ],
)
def test_number_of_another_slot_that_changes_nothing_is_not_the_answer(dispatcher, slot, typed):
    slots = {
        **SAUDI_RESIDENT,
        "dependents_count": 4.0,
        "has_children": True,
        "earned_income": 1000.0,
        "has_high_value_assets": True,
    }
    result = validate(slot, typed, slots, dispatcher=dispatcher)
    assert result[slot] is None  # asked again
    assert result.get("dependents_count") in (None, 4.0)
    kept = _said(dispatcher, "utter_understood")
    assert kept and "4 تابعين" in kept[0]["understood"] and "كما كان" in kept[0]["understood"]
    assert "utter_answer_corrected" not in responses(dispatcher)


def test_number_of_another_slot_that_changes_it_is_a_correction_not_the_answer(dispatcher):
    slots = {
        **SAUDI_RESIDENT,
        "dependents_count": 3.0,
        "has_children": True,
        "earned_income": 1000.0,
        "other_income": 0.0,
        "has_high_value_assets": True,
    }
    result = validate("assets_value", "لا غلطت عندي ٤ عيال", slots, dispatcher=dispatcher)
    assert result["assets_value"] is None and result["dependents_count"] == 4
    assert "utter_answer_corrected" in responses(dispatcher)


@pytest.mark.parametrize(("typed", "expected"), [("٤ الاف", 4000.0), ("اربعين الف", 40000.0)])
def test_a_plain_number_is_still_the_answer_to_the_question(dispatcher, typed, expected):
    slots = {**SAUDI_RESIDENT, "dependents_count": 4.0, "has_high_value_assets": True}
    assert validate("assets_value", typed, slots, dispatcher=dispatcher)["assets_value"] == expected


@pytest.mark.parametrize(("typed", "intent"), [("لا", "deny"), ("لا", "inform"), ("ما عندي", "inform")])
def test_no_to_the_income_source_keeps_the_amount_and_asks_the_source_again(dispatcher, typed, intent):
    pending = {**SAUDI_RESIDENT, "dependents_count": 2.0, "unclassified_income": 2000.0}
    result = validate("earned_income", typed, pending, intent=intent, dispatcher=dispatcher)
    assert result["earned_income"] is None
    assert result.get("unclassified_income", 2000.0) == 2000.0  # not dropped
    assert result.get("other_income") is None
    assert _requested({**pending, **result}) == "earned_income"


def _extracted(text, intent, events):
    tracker = make_tracker(slots={"requested_slot": "is_saudi"}, text=text, intent=intent, events=events)
    return asyncio.run(form.get_extraction_events(None, tracker, {}))


_CONTINUE_ASKED = [
    {"event": "action", "name": "utter_ask_continue"},
    {"event": "action", "name": "action_listen"},
]


@pytest.mark.parametrize("reply", ["نعم، أكمل", "ايوه", "/affirm"])
def test_after_the_continue_rule_ran_the_yes_is_not_read_as_the_answer(reply):
    # "وقف" → "continue?" → "نعم": the rule says "تمام، نكمل" and runs the form, which must
    # ask its question again, not store that yes as "Saudi" (or fail to read it).
    events = [*_CONTINUE_ASKED, {"event": "user", "text": reply}, {"event": "action", "name": "utter_continue_check"}]
    assert _extracted(reply, "affirm", events) == []


def test_a_reply_to_continue_is_still_read_when_no_rule_answered_it():
    # The form runs right after the reply (no rule matched): it gets the text, and
    # _validate rejects it so that the rules decide (the test above this one).
    events = [*_CONTINUE_ASKED, {"event": "user", "text": "٤٠"}]
    assert _extracted("٤٠", "inform", events) == [
        {"event": "slot", "timestamp": None, "name": "is_saudi", "value": "٤٠"}
    ]


def test_an_ordinary_answer_is_read():
    events = [
        {"event": "action", "name": "utter_ask_is_saudi"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "نعم"},
    ]
    assert _extracted("نعم", "affirm", events) == [
        {"event": "slot", "timestamp": None, "name": "is_saudi", "value": "نعم"}
    ]


@pytest.mark.parametrize(
    "slot, reply",
    [
        ("is_saudi", "ما فهمت وش تقصد"),
        ("resides_in_ksa", "مش فاهم يعني ايه"),
        ("dependents_count", "يعني ايش التابعين؟"),
        ("earned_income", "ما فهمت السؤال"),
        ("has_high_value_assets", "شو قصدك"),
    ],
)
def test_not_understanding_the_question_gets_its_explanation_not_an_error(dispatcher, slot, reply):
    result = validate(slot, reply, SAUDI_RESIDENT if slot not in SAUDI_RESIDENT else None, dispatcher=dispatcher)
    assert result[slot] is None
    assert responses(dispatcher) == [f"utter_explain_{slot}"]
    # Counted towards the offer of a person (three explanations in a row are a loop).
    assert result["answer_failures"] == 1


def test_every_question_of_the_check_has_an_explanation():
    from pathlib import Path

    import yaml

    from actions.answers import ELIGIBILITY_SLOTS

    responses_in_domain = yaml.safe_load(Path("domain.yml").read_text(encoding="utf-8"))["responses"]
    assert [s for s in ELIGIBILITY_SLOTS if f"utter_explain_{s}" not in responses_in_domain] == []

"""A handoff request in a form that does not pause the conversation (outside staff
hours) leaves the form with its answers kept, and "كمل" takes it up again (the
tester's dead end: «أجيب أسئلتك كالمعتاد», then no way back to the questions)."""

from __future__ import annotations

import pytest

from actions.support import ActionDefaultFallback, ActionHumanHandoff, form_left
from status_store.handoffs import list_handoffs
from tests.actions.conftest import SUNDAY_10_RIYADH, THURSDAY_17_RIYADH, make_tracker, responses, run


@pytest.fixture
def clock(clock):
    """The shared clock, set outside staff hours: a handoff request does not pause."""
    clock["t"] = THURSDAY_17_RIYADH
    return clock


def handoff_in(form: str, sender: str = "night-form"):
    return make_tracker(
        text="ابي موظف",
        intent="human_handoff",
        active_loop=form,
        slots={"requested_slot": "age", "is_saudi": True, "resides_in_ksa": True},
        sender_id=sender,
    )


def reply_to_resume(text: str, form: str = "eligibility_form", intent: str = "affirm"):
    """The turn after the handoff reply: the form left, the resume offer made."""
    parse = {"text": text, "intent": {"name": intent, "confidence": 0.9}}
    events = [
        {"event": "active_loop", "name": form},
        {"event": "user", "text": "ابي موظف", "parse_data": {"intent": {"name": "human_handoff"}}},
        {"event": "bot", "metadata": {"utter_action": "utter_human_handoff_after_hours"}},
        {"event": "bot", "metadata": {"utter_action": "utter_official_channels"}},
        {"event": "bot", "metadata": {"utter_action": "utter_offer_resume_form"}},
        {"event": "active_loop", "name": None},
        {"event": "user", "text": text, "parse_data": parse},
    ]
    return make_tracker(text=text, intent=intent, active_loop=None, events=events, slots={"is_saudi": True})


@pytest.mark.parametrize("form", ["eligibility_form", "status_form"])
def test_after_hours_in_a_form_the_reply_offers_to_carry_on(dispatcher, domain, clock, form):
    events = run(ActionHumanHandoff(), handoff_in(form), dispatcher, domain)
    assert responses(dispatcher) == [
        "utter_human_handoff_after_hours",
        "utter_official_channels",
        "utter_offer_resume_form",
    ]
    assert "pause" not in [e["event"] for e in events]
    # The rule leaves the form; the answers are not touched.
    assert not any(e["event"] == "slot" and e["name"] != "requested_slot" for e in events)


def test_within_staff_hours_there_is_nothing_to_carry_on_with(dispatcher, domain, clock):
    clock["t"] = SUNDAY_10_RIYADH
    run(ActionHumanHandoff(), handoff_in("eligibility_form", "day-form"), dispatcher, domain)
    assert "utter_offer_resume_form" not in responses(dispatcher)


def test_outside_a_form_there_is_nothing_to_carry_on_with(dispatcher, domain, clock):
    tracker = make_tracker(text="ابي موظف", intent="human_handoff", active_loop=None, sender_id="no-form")
    run(ActionHumanHandoff(), tracker, dispatcher, domain)
    assert "utter_offer_resume_form" not in responses(dispatcher)


def test_a_second_request_in_the_same_conversation_is_not_queued_twice(dispatcher, domain, clock):
    for _ in range(2):
        run(ActionHumanHandoff(), handoff_in("eligibility_form", "asked-twice"), dispatcher, domain)
    assert [h.conversation_id for h in list_handoffs(handled=False)] == ["asked-twice"]


@pytest.mark.parametrize("typed", ["كمل", "لا كمل", "نكمل", "ارجع للأسئلة", "نعم"])
@pytest.mark.parametrize(
    "form, continue_reply", [("eligibility_form", "utter_continue_check"), ("status_form", "utter_continue_status")]
)
def test_carry_on_restarts_the_form_left(dispatcher, domain, typed, form, continue_reply):
    for intent in ("affirm", "deny", "inform"):  # whatever the NLU made of it
        turn = type(dispatcher)()
        events = run(ActionDefaultFallback(), reply_to_resume(typed, form, intent), turn, domain)
        assert responses(turn) == [continue_reply]
        assert [e["event"] for e in events] == ["rewind", "followup"]
        assert events[-1]["name"] == form
        # Nothing resets the answers kept.
        assert not any(e["event"] in ("slot", "reset_slots", "restart") for e in events)


def test_no_to_carrying_on_asks_what_else(dispatcher, domain):
    events = run(ActionDefaultFallback(), reply_to_resume("لا", intent="deny"), dispatcher, domain)
    assert responses(dispatcher) == ["utter_anything_else"]
    assert [e["event"] for e in events] == ["rewind"]


def test_the_form_left_is_the_latest_one():
    events = [{"event": "active_loop", "name": "status_form"}, {"event": "active_loop", "name": "eligibility_form"}]
    events.append({"event": "active_loop", "name": None})
    assert form_left(make_tracker(events=events)) == "eligibility_form"
    assert form_left(make_tracker(events=[{"event": "user"}])) is None


def test_the_offer_exists_with_typed_and_button_replies(domain):
    (variant,) = domain["responses"]["utter_offer_resume_form"]
    assert [b["payload"] for b in variant["buttons"]] == ["/affirm", "/deny"]

"""A check left for the status lookup (or a person) is resumed with its answers when
the person asks for the check again; a finished or cancelled check starts afresh
(new-user probe, 2026-12-05: check → lookup → check restarted from question 1)."""

from __future__ import annotations

import pytest

from actions.eligibility_actions import ActionRestartEligibility, unfinished_answers
from tests.actions.conftest import make_tracker, responses, run

HALF_DONE = {"is_saudi": True, "resides_in_ksa": True, "dependents_count": 3.0}


def action(name):
    return {"event": "action", "name": name}


def user(text, intent):
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}, "text": text}}


LEFT_FOR_LOOKUP = [
    user("ابي افحص اهليتي", "check_eligibility"),
    action("action_restart_eligibility"),
    action("eligibility_form"),
    user("وين وصل طلبي", "check_status"),
    action("utter_ask_switch_to_status"),
    user("نعم", "affirm"),
    action("status_form"),
]


def tracker(text, intent, events, slots=HALF_DONE):
    return make_tracker(slots=slots, text=text, intent=intent, active_loop=None, events=[*events, user(text, intent)])


def slot_events(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.mark.parametrize("text", ["ابي ارجع لفحص الاهلية", "/check_eligibility", "كمل الفحص"])
def test_a_check_left_for_the_lookup_is_resumed(dispatcher, text):
    events = run(ActionRestartEligibility(), tracker(text, "check_eligibility", LEFT_FOR_LOOKUP), dispatcher)
    assert responses(dispatcher) == ["utter_resume_eligibility"]
    assert "٣" in dispatcher.messages[0]["understood"] or "3" in dispatcher.messages[0]["understood"]
    cleared = slot_events(events)
    assert not set(cleared) & set(HALF_DONE)  # the answers are kept
    assert cleared.get("requested_slot", "kept") is None  # the form asks its next question


def test_new_facts_in_the_request_are_added_to_the_resumed_answers(dispatcher):
    request = tracker("نكمل الفحص، وما عندي دخل", "check_eligibility", LEFT_FOR_LOOKUP)
    events = run(ActionRestartEligibility(), request, dispatcher)
    assert responses(dispatcher) == ["utter_resume_eligibility"]
    assert slot_events(events).get("earned_income") == 0


@pytest.mark.parametrize(
    "ending",
    [
        [action("action_eligibility_result")],
        [user("وقف", "stop"), action("utter_ask_continue"), user("لا", "deny"), action("utter_check_cancelled")],
    ],
)
def test_a_finished_or_cancelled_check_starts_afresh(dispatcher, ending):
    events = [*LEFT_FOR_LOOKUP[:3], *ending]
    emitted = run(ActionRestartEligibility(), tracker("ابي افحص اهليتي", "check_eligibility", events), dispatcher)
    assert responses(dispatcher)[0] == "utter_start_eligibility"
    assert {name for name, value in slot_events(emitted).items() if value is None} >= set(HALF_DONE)


def test_start_over_always_clears(dispatcher):
    emitted = run(ActionRestartEligibility(), tracker("ابدأ من جديد", "start_over", LEFT_FOR_LOOKUP), dispatcher)
    assert responses(dispatcher) == ["utter_restart_eligibility"]
    assert {name for name, value in slot_events(emitted).items() if value is None} >= set(HALF_DONE)


def test_no_answers_means_nothing_to_resume():
    assert unfinished_answers(tracker("ابي افحص", "check_eligibility", LEFT_FOR_LOOKUP, slots={})) == {}

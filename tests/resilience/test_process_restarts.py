"""The action server or the Rasa server goes away mid-form: the user is told, and the form survives."""

from __future__ import annotations

import signal
import time

from tests.resilience.conftest import ANSWERS, ResilientStack, payload, response_text, texts

UNAVAILABLE = response_text("utter_temporarily_unavailable")


def _typed(value: object) -> bool:
    return isinstance(value, (bool, int, float))


def test_killed_action_server_mid_form_gets_a_short_notice_and_the_form_resumes(
    resilient_stack: ResilientStack,
) -> None:
    sender = "res-actions-killed-1"
    answered = resilient_stack.answer_until(sender, 3)
    before = resilient_stack.tracker(sender)
    pending = before["slots"]["requested_slot"]
    assert pending and pending not in answered

    resilient_stack.stack.stop_process("actions", signal.SIGKILL)
    try:
        started = time.monotonic()
        replies = resilient_stack.say(sender, ANSWERS[pending])
        assert time.monotonic() - started < 15, "the user waited too long for the notice"
        assert texts(replies) == [UNAVAILABLE], f"expected only the notice, got {replies}"

        during = resilient_stack.tracker(sender)
        assert (during.get("active_loop") or {}).get("name") == "eligibility_form"
        assert during["slots"]["requested_slot"] == pending
        assert all(_typed(during["slots"][slot]) for slot in answered), "earlier answers were lost"
        assert not _typed(during["slots"].get(pending)), "an answer was accepted without the action server"
    finally:
        resilient_stack.stack.start_action_server()
        resilient_stack.stack.wait_ready(timeout=120)

    replies = resilient_stack.say(sender, ANSWERS[pending])
    assert UNAVAILABLE not in texts(replies)
    after = resilient_stack.tracker(sender)
    assert _typed(after["slots"][pending]), "the repeated answer was not taken once the server was back"
    assert after["slots"]["requested_slot"] != pending
    result = resilient_stack.finish_check(sender)
    assert result is not None and result["eligible"] is True


def test_killed_action_server_outside_a_form_gets_the_notice_not_silence(resilient_stack: ResilientStack) -> None:
    resilient_stack.stack.stop_process("actions", signal.SIGKILL)
    try:
        replies = resilient_stack.say("res-actions-killed-faq", "وش شروط الضمان المطور؟")
        assert texts(replies) == [UNAVAILABLE]
    finally:
        resilient_stack.stack.start_action_server()
        resilient_stack.stack.wait_ready(timeout=120)
    replies = resilient_stack.say("res-actions-killed-faq", "وش شروط الضمان المطور؟")
    assert replies and UNAVAILABLE not in texts(replies)


def test_restarted_rasa_server_brings_back_the_conversation_and_its_form(resilient_stack: ResilientStack) -> None:
    sender = "res-rasa-restart-1"
    answered = resilient_stack.answer_until(sender, 4)
    before = resilient_stack.tracker(sender)

    resilient_stack.restart("rasa")

    after = resilient_stack.tracker(sender)
    assert (after.get("active_loop") or {}).get("name") == "eligibility_form"
    assert after["slots"]["requested_slot"] == before["slots"]["requested_slot"]
    assert {s: after["slots"][s] for s in answered} == {s: before["slots"][s] for s in answered}
    assert len(after["events"]) == len(before["events"]), "events were lost or added by the restart"
    result = resilient_stack.finish_check(sender)
    assert result is not None and result["eligible"] is True


def test_rasa_server_killed_hard_still_keeps_every_answered_turn(resilient_stack: ResilientStack) -> None:
    sender = "res-rasa-kill-1"
    answered = resilient_stack.answer_until(sender, 2)
    resilient_stack.restart("rasa", signal.SIGKILL)
    slots = resilient_stack.tracker(sender)["slots"]
    assert all(_typed(slots[s]) for s in answered)
    pending = slots["requested_slot"]
    replies = resilient_stack.say(sender, ANSWERS[pending])
    assert replies and payload(replies, "eligibility_result") is None
    assert _typed(resilient_stack.tracker(sender)["slots"][pending]), "the form did not go on after the crash"

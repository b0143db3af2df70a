"""Two Rasa replicas behind nginx share conversations through PostgreSQL and Redis."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import httpx
import pytest

from status_store.demo import DEMO_APPLICATIONS
from tests.e2e.conversation_driver import ELIGIBLE_APPLICANT
from tests.scale.conftest import ScaledStack

# A qualifying applicant, in dialect (the same one the other end-to-end tests use).
ANSWERS: dict[str, str] = dict(ELIGIBLE_APPLICANT)


def _requested_slot(tracker: dict[str, Any]) -> Any:
    if not (tracker.get("active_loop") or {}).get("name"):
        return None
    return tracker["slots"].get("requested_slot")


def _payload(messages: list[dict[str, Any]], key: str) -> Any:
    for message in messages:
        if key in (message.get("custom") or {}):
            return message["custom"][key]
    return None


def test_eligibility_form_slots_carry_over_when_turns_alternate_between_replicas(scaled_stack: ScaledStack) -> None:
    replicas = scaled_stack.replica_urls
    assert len(replicas) == 2
    sender = "scale-alternating-1"
    turn = itertools.count()
    replies = scaled_stack.say(replicas[next(turn) % 2], sender, "ابي افحص اهليتي")
    answered: list[str] = []
    for _ in range(len(ANSWERS) + 2):
        asking = replicas[next(turn) % 2]
        slot = _requested_slot(scaled_stack.tracker(asking, sender))
        if slot is None:
            break
        replies = scaled_stack.say(asking, sender, ANSWERS[slot])
        answered.append(slot)
        # The other replica must see every answer so far, already read (typed).
        other = replicas[1] if asking == replicas[0] else replicas[0]
        slots = scaled_stack.tracker(other, sender)["slots"]
        if _payload(replies, "eligibility_result") is None:
            unread = {name: slots.get(name) for name in answered if not isinstance(slots.get(name), (bool, float, int))}
            assert unread == {}, f"slots not carried over to {other} after answering {slot}"
    assert len(answered) >= 6, f"the form stopped early: {answered}"
    result = _payload(replies, "eligibility_result")
    assert result is not None and result["eligible"] is True, replies


def test_status_form_slots_carry_over_between_replicas(scaled_stack: ScaledStack) -> None:
    first, second = scaled_stack.replica_urls
    sender = "scale-status-1"
    scaled_stack.say(first, sender, "ابي اعرف وين وصل طلبي")
    assert _requested_slot(scaled_stack.tracker(second, sender)) == "national_id"
    scaled_stack.say(second, sender, "1045678909")
    tracker = scaled_stack.tracker(first, sender)
    assert _requested_slot(tracker) == "birth_date"
    assert tracker["slots"]["national_id_hash"], "the ID's keyed hash did not reach the other replica"
    assert "1045678909" not in str(tracker["slots"]), "the raw national ID was kept in a slot"
    scaled_stack.say(first, sender, "30/9/1978")
    assert _requested_slot(scaled_stack.tracker(second, sender)) == "registration_date"
    replies = scaled_stack.say(second, sender, DEMO_APPLICATIONS[1].registration_month())
    status = _payload(replies, "application_status")
    assert status is not None and status["status"] == "eligible", replies


async def _send_staggered(stack: ScaledStack, sender: str, messages: list[str], gap_s: float) -> list[tuple[int, Any]]:
    replicas = stack.replica_urls
    async with httpx.AsyncClient(timeout=180) as client:

        async def send(index: int, text: str) -> tuple[int, Any]:
            await asyncio.sleep(index * gap_s)
            response = await client.post(
                f"{replicas[index % 2]}/webhooks/rest/webhook", json={"sender": sender, "message": text}
            )
            return response.status_code, response.json() if response.status_code == 200 else response.text

        return await asyncio.gather(*(send(i, text) for i, text in enumerate(messages)))


def test_concurrent_messages_to_one_conversation_through_both_replicas_are_all_kept_in_order(
    scaled_stack: ScaledStack,
) -> None:
    sender = "scale-concurrent-1"
    questions = ["وش شروط الضمان المطور", "متى ينزل الضمان", "كم مدة دراسة الطلب", "كيف اقدم على الضمان"]
    messages = [f"{questions[i % len(questions)]} - سؤال رقم {i + 1}" for i in range(12)]
    # Sent 40 ms apart without waiting for answers: all are in flight together, and
    # each waits for the conversation's lock in Redis.
    results = asyncio.run(_send_staggered(scaled_stack, sender, messages, gap_s=0.04))
    assert [status for status, _ in results] == [200] * len(messages), results
    assert all(replies for _, replies in results), "a message got no answer"

    events = scaled_stack.tracker(scaled_stack.proxy_url, sender)["events"]
    user_texts = [event.get("text") for event in events if event.get("event") == "user"]
    assert user_texts == messages, "messages lost, duplicated or reordered"
    # One turn at a time: after each user message the bot finishes (action_listen)
    # before the next user message is applied.
    previous_user = None
    for index, event in enumerate(events):
        if event.get("event") != "user":
            continue
        if previous_user is not None:
            between = [e.get("name") for e in events[previous_user + 1 : index] if e.get("event") == "action"]
            assert between and between[-1] == "action_listen", f"turns interleaved before {event.get('text')}"
        previous_user = index


@pytest.mark.parametrize("replica", [0, 1])
def test_each_replica_answers_through_nginx_and_directly(scaled_stack: ScaledStack, replica: int) -> None:
    sender = f"scale-direct-{replica}"
    direct = scaled_stack.say(scaled_stack.replica_urls[replica], sender, "السلام عليكم")
    proxied = scaled_stack.say(scaled_stack.proxy_url, sender, "وش شروط الضمان المطور")
    assert direct and proxied
    users = [
        e.get("text")
        for e in scaled_stack.tracker(scaled_stack.proxy_url, sender)["events"]
        if e.get("event") == "user"
    ]
    assert users == ["السلام عليكم", "وش شروط الضمان المطور"]

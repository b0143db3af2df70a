"""Drives the eligibility check the way a person does: reads which question the bot
asked and answers it in dialect Arabic."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Dialect answers for a family that qualifies, one thing at a time: 3 children,
# a salary of 1,100 SAR, nothing else.
ELIGIBLE_APPLICANT: Mapping[str, Any] = {
    "is_saudi": "ايوه",
    "nationality_exception": "لا",
    "resides_in_ksa": "ايه ساكن بالرياض",
    "age": "عمري ٤٥",
    "dependents_count": "عندي ٣ عيال",
    "earned_income": "راتبي الف ومية",
    "other_income": "لا",
    "has_high_value_assets": "لا والله",
    "assets_value": "عشرين الف",
    "has_bank_account": "اي عندي",
    "lives_in_care_facility": "لا",
    "has_children": "ايه",
    "meets_education_health": "ايوه كلهم بالمدارس",
    "has_able_to_work_members": "ايه",
    "accepts_rehabilitation": "اكيد",
    "answers_confirmed": "صحيح",
}
# The typed answers ELIGIBLE_APPLICANT gives, for eligibility.assess.
ELIGIBLE_ANSWERS: Mapping[str, Any] = {
    "is_saudi": True,
    "resides_in_ksa": True,
    "dependents_count": 3,
    "earned_income": 1100,
    "other_income": 0,
    "has_high_value_assets": False,
    "has_bank_account": True,
    "lives_in_care_facility": False,
    "has_children": True,
    "meets_education_health": True,
    "accepts_rehabilitation": True,
}


def requested_slot(stack: Any, sender: str) -> str | None:
    tracker = stack.tracker(sender)
    if not (tracker.get("active_loop") or {}).get("name"):
        return None
    return tracker["slots"].get("requested_slot")


def payload_of(messages: list[dict[str, Any]], key: str) -> dict[str, Any] | None:
    for message in messages:
        custom = message.get("custom") or {}
        if key in custom:
            return custom[key]
    return None


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def run_check(
    stack: Any,
    sender: str,
    answers: Mapping[str, Any],
    start: str = "ابي اعرف اذا انا مستحق للضمان",
    max_turns: int = 25,
) -> dict[str, Any]:
    """Runs a whole check, answering each asked slot from `answers` (a text, or a list
    of texts used in turn when the slot is asked again); returns the asked slots, the
    user turns (the opening message included), all replies and the result payload."""
    replies = stack.say(sender, start)
    asked: list[str] = []
    for _ in range(max_turns):
        slot = requested_slot(stack, sender)
        if slot is None:
            break
        answer = answers[slot]
        if isinstance(answer, (list, tuple)):
            answer = answer[min(asked.count(slot), len(answer) - 1)]
        asked.append(slot)
        replies += stack.say(sender, answer)
    return {
        "asked": asked,
        "turns": 1 + len(asked),
        "replies": replies,
        "result": payload_of(replies, "eligibility_result"),
    }

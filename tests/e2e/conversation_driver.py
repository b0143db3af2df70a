"""Drives the eligibility check the way a person does: reads which question the bot
asked and answers it in dialect Arabic."""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

# Dialect answers for an applicant who qualifies (3 dependents, 1,100 SAR income).
ELIGIBLE_APPLICANT: Mapping[str, str] = {
    "is_saudi": "ايوه",
    "nationality_exception": "لا",
    "resides_in_ksa": "ايه ساكن بالرياض",
    "age": "عمري ٤٥",
    "dependents_count": "عندي ٣ عيال",
    "monthly_income": "دخلي الف ومية",
    "has_high_value_assets": "لا والله",
    "has_bank_account": "اي عندي",
    "lives_in_care_facility": "لا",
    "meets_education_health": "ايوه كلهم بالمدارس",
    "accepts_rehabilitation": "اكيد",
}


def requested_slot(stack: Any, sender: str) -> Optional[str]:
    tracker = stack.tracker(sender)
    if not (tracker.get("active_loop") or {}).get("name"):
        return None
    return tracker["slots"].get("requested_slot")


def payload_of(messages: List[Dict[str, Any]], key: str) -> Optional[Dict[str, Any]]:
    for message in messages:
        custom = message.get("custom") or {}
        if key in custom:
            return custom[key]
    return None


def texts(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def run_check(
    stack: Any, sender: str, answers: Mapping[str, str], start: str = "ابي اعرف اذا انا مستحق للضمان", max_turns: int = 25
) -> Dict[str, Any]:
    """Runs a whole check; returns the asked slots, all replies and the result payload."""
    replies = stack.say(sender, start)
    asked: List[str] = []
    for _ in range(max_turns):
        slot = requested_slot(stack, sender)
        if slot is None:
            break
        asked.append(slot)
        replies += stack.say(sender, answers[slot])
    return {"asked": asked, "replies": replies, "result": payload_of(replies, "eligibility_result")}

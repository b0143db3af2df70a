"""What happened in a conversation, read from its events: turns, outcome, fallbacks, confidence."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Set

from review.model import Conversation, StoredEvent, Turn

OUTCOMES = ("eligible", "ineligible", "status_lookup", "handoff")
CHANNELS = ("rest", "socketio", "whatsapp", "cmdline")

FALLBACK_ACTIONS = frozenset(
    {"action_default_fallback", "action_fallback", "utter_default", "action_two_stage_fallback"}
)
FALLBACK_INTENTS = frozenset({"nlu_fallback"})
HANDOFF_ACTIONS = frozenset({"action_human_handoff", "utter_human_handoff"})


@dataclass
class StatusFacts:
    """What the status store knows about one conversation (see review.status_link)."""

    decisions: List[str] = field(default_factory=list)  # eligibility_checks.decision
    handoff_requests: int = 0


def bot_payloads(data: Dict[str, Any]) -> List[Dict[str, Any]]:
    """Machine-readable parts of a bot message: `custom` (the action's json_message) and its kin."""
    body = data.get("data") or {}
    return [value for value in body.values() if isinstance(value, dict)]


def faq_key(parse_data: Dict[str, Any]) -> Optional[str]:
    """The retrieval answer chosen for a faq message, e.g. "faq/apply_steps"."""
    selector = (parse_data.get("response_selector") or {}).get("faq") or {}
    key = (selector.get("response") or {}).get("intent_response_key")
    if key:
        return str(key)
    name = (parse_data.get("intent") or {}).get("name") or ""
    return name if name.startswith("faq/") else None


def _user_turn(event: StoredEvent) -> Turn:
    parse_data = event.data.get("parse_data") or {}
    intent = parse_data.get("intent") or {}
    confidence = intent.get("confidence")
    return Turn(
        event.row_id, "user", event.timestamp, event.data.get("text") or "",
        intent.get("name"), float(confidence) if confidence is not None else None,
        faq_key(parse_data),
    )


def _bot_turn(event: StoredEvent) -> Turn:
    payloads = bot_payloads(event.data)
    payload = next((p for p in payloads if "eligibility_result" in p or "application_status" in p), None)
    return Turn(event.row_id, "bot", event.timestamp, event.data.get("text") or "", payload=payload)


def turns(conversation: Conversation) -> List[Turn]:
    """User and bot messages in order (actions and slots are left out)."""
    result = []
    for event in conversation.events:
        if event.type_name == "user":
            result.append(_user_turn(event))
        elif event.type_name == "bot":
            result.append(_bot_turn(event))
    return result


def user_turns(conversation: Conversation) -> List[Turn]:
    return [turn for turn in turns(conversation) if turn.speaker == "user"]


def channel(conversation: Conversation) -> str:
    """The input channel of the first user message that names one."""
    for event in conversation.events:
        if event.type_name != "user":
            continue
        metadata = event.data.get("metadata") or {}
        name = event.data.get("input_channel") or metadata.get("input_channel") or metadata.get("channel")
        if name:
            return str(name)
    return "unknown"


def _action_names(conversation: Conversation) -> Iterable[str]:
    for event in conversation.events:
        if event.type_name == "action":
            yield event.data.get("name") or ""
        elif event.type_name == "bot":
            yield (event.data.get("metadata") or {}).get("utter_action") or ""


def outcomes(conversation: Conversation, status: Optional[StatusFacts] = None) -> Set[str]:
    """Which of OUTCOMES the conversation reached (several are possible, or none)."""
    found: Set[str] = set()
    for turn in turns(conversation):
        payload = turn.payload or {}
        if isinstance(payload.get("eligibility_result"), dict):
            found.add("eligible" if payload["eligibility_result"].get("eligible") else "ineligible")
        if "application_status" in payload:
            found.add("status_lookup")
    if any(name in HANDOFF_ACTIONS for name in _action_names(conversation)):
        found.add("handoff")
    if status is not None:
        found.update(d for d in status.decisions if d in ("eligible", "ineligible"))
        if status.handoff_requests:
            found.add("handoff")
    return found


def had_fallback(conversation: Conversation) -> bool:
    if any(name in FALLBACK_ACTIONS for name in _action_names(conversation)):
        return True
    return any(turn.intent in FALLBACK_INTENTS for turn in user_turns(conversation))


def lowest_confidence(conversation: Conversation) -> Optional[float]:
    scores = [t.confidence for t in user_turns(conversation) if t.confidence is not None]
    return min(scores) if scores else None


def has_low_confidence(conversation: Conversation, below: float) -> bool:
    lowest = lowest_confidence(conversation)
    return lowest is not None and lowest < below


def turns_to_eligibility_result(conversation: Conversation) -> Optional[int]:
    """User messages sent before the first eligibility result, or None without a result."""
    count = 0
    for turn in turns(conversation):
        if turn.speaker == "user":
            count += 1
        elif turn.payload and "eligibility_result" in turn.payload:
            return count
    return None

"""What happened in a conversation, read from its events: turns, outcome, fallbacks, confidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

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

    decisions: list[str] = field(default_factory=list)  # eligibility_checks.decision
    handoff_requests: int = 0


def bot_payloads(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Machine-readable parts of a bot message: `custom` (the action's json_message) and its kin."""
    body = data.get("data") or {}
    return [value for value in body.values() if isinstance(value, dict)]


def faq_key(parse_data: dict[str, Any]) -> str | None:
    """The retrieval answer chosen for a faq message, e.g. "faq/apply_steps"; None for other intents.

    Rasa runs the response selector on every message, so "ايوه" (affirm) also carries
    a faq guess. That guess means nothing unless the intent itself was faq.
    """
    name = (parse_data.get("intent") or {}).get("name") or ""
    if name.startswith("faq/"):
        return name
    if name != "faq":
        return None
    selector = (parse_data.get("response_selector") or {}).get("faq") or {}
    key = (selector.get("response") or {}).get("intent_response_key")
    return str(key) if key else None


def offered_buttons(data: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """(title, payload) of each button a bot message offered (Rasa keeps them in data.buttons)."""
    body = data.get("data") or {}
    found = []
    for button in body.get("buttons") or body.get("quick_replies") or []:
        if isinstance(button, dict) and button.get("payload") is not None:
            found.append((str(button.get("title") or ""), str(button["payload"])))
    return tuple(found)


def pressed_title(text: str, offered: Sequence[tuple[str, str]]) -> str | None:
    """The title of the offered button whose payload is `text` (a pressed button), else None."""
    return next((title for title, payload in offered if payload == text and title), None)


def user_turn(event: StoredEvent, offered: Sequence[tuple[str, str]] = ()) -> Turn:
    """One user message; `offered` are the buttons of the bot messages since the last user message."""
    parse_data = event.data.get("parse_data") or {}
    intent = parse_data.get("intent") or {}
    confidence = intent.get("confidence")
    text = event.data.get("text") or ""
    return Turn(
        event.row_id,
        "user",
        event.timestamp,
        text,
        intent.get("name"),
        float(confidence) if confidence is not None else None,
        faq_key(parse_data),
        button_title=pressed_title(text, offered),
    )


def bot_turn(event: StoredEvent) -> Turn:
    payloads = bot_payloads(event.data)
    payload = next((p for p in payloads if "eligibility_result" in p or "application_status" in p), None)
    return Turn(
        event.row_id,
        "bot",
        event.timestamp,
        event.data.get("text") or "",
        payload=payload,
        buttons=offered_buttons(event.data),
    )


def turns(conversation: Conversation) -> list[Turn]:
    """User and bot messages in order (actions and slots are left out)."""
    result: list[Turn] = []
    offered: list[tuple[str, str]] = []
    for event in conversation.events:
        if event.type_name == "user":
            result.append(user_turn(event, offered))
            offered = []
        elif event.type_name == "bot":
            turn = bot_turn(event)
            offered.extend(turn.buttons)
            result.append(turn)
    return result


def user_turns(conversation: Conversation) -> list[Turn]:
    return [turn for turn in turns(conversation) if turn.speaker == "user"]


def event_channel(event: StoredEvent) -> str | None:
    """The input channel a user message names, if any."""
    if event.type_name != "user":
        return None
    metadata = event.data.get("metadata") or {}
    name = event.data.get("input_channel") or metadata.get("input_channel") or metadata.get("channel")
    return str(name) if name else None


def channel(conversation: Conversation) -> str:
    """The input channel of the first user message that names one."""
    return next((name for name in map(event_channel, conversation.events) if name), "unknown")


def action_name(event: StoredEvent) -> str:
    """The action an event ran: an action event's name, or the utter_action behind a bot message."""
    if event.type_name == "action":
        return event.data.get("name") or ""
    if event.type_name == "bot":
        return (event.data.get("metadata") or {}).get("utter_action") or ""
    return ""


def event_outcomes(event: StoredEvent) -> set[str]:
    """The OUTCOMES one event shows: a result payload, a status answer, or a handoff action."""
    found: set[str] = set()
    if event.type_name == "bot":
        for payload in bot_payloads(event.data):
            if isinstance(payload.get("eligibility_result"), dict):
                found.add("eligible" if payload["eligibility_result"].get("eligible") else "ineligible")
            if "application_status" in payload:
                found.add("status_lookup")
    if action_name(event) in HANDOFF_ACTIONS:
        found.add("handoff")
    return found


def status_outcomes(status: StatusFacts | None) -> set[str]:
    """The OUTCOMES the status store records for a conversation (decisions, handoff requests)."""
    if status is None:
        return set()
    found = {d for d in status.decisions if d in ("eligible", "ineligible")}
    if status.handoff_requests:
        found.add("handoff")
    return found


def event_is_fallback(event: StoredEvent) -> bool:
    """A fallback action ran, or NLU classified the user message as nlu_fallback."""
    if action_name(event) in FALLBACK_ACTIONS:
        return True
    if event.type_name == "user":
        return ((event.data.get("parse_data") or {}).get("intent") or {}).get("name") in FALLBACK_INTENTS
    return False


def outcomes(conversation: Conversation, status: StatusFacts | None = None) -> set[str]:
    """Which of OUTCOMES the conversation reached (several are possible, or none)."""
    found: set[str] = set()
    for event in conversation.events:
        found |= event_outcomes(event)
    return found | status_outcomes(status)


def had_fallback(conversation: Conversation) -> bool:
    return any(event_is_fallback(event) for event in conversation.events)


def lowest_confidence(conversation: Conversation) -> float | None:
    scores = [t.confidence for t in user_turns(conversation) if t.confidence is not None]
    return min(scores) if scores else None


def has_low_confidence(conversation: Conversation, below: float) -> bool:
    lowest = lowest_confidence(conversation)
    return lowest is not None and lowest < below


def turns_to_eligibility_result(conversation: Conversation) -> int | None:
    """User messages sent before the first eligibility result, or None without a result."""
    count = 0
    for turn in turns(conversation):
        if turn.speaker == "user":
            count += 1
        elif turn.payload and "eligibility_result" in turn.payload:
            return count
    return None

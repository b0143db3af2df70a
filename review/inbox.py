"""The live inbox's data: who may see and do what, the queue rows, and one conversation's view.

Requests come from the status store (status_store.handoff_desk); texts come from the
tracker store's `events`, read only for the conversations shown (their last user
message for the queue, one conversation's events for its page), never the whole table.
Everything shown is masked again (arabic_text.pii), as the rest of the review tool does.

Roles (review.accounts): an agent sees the waiting queue and the conversations they
hold, and acts on those; a supervisor sees and acts on every open request and can
give one to someone else. Anyone may take a waiting request, or close one (a request
made by mistake).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arabic_text.pii import mask_pii
from review.accounts import Staff
from review.model import StoredEvent
from review.outcomes import faq_key
from review.queries import EVENTS, load_conversation
from review.rasa_api import PUSH_CHANNELS, STAFF_METADATA_KEY
from status_store.handoffs import Handoff

PREVIEW_CHARS = 140
# The eligibility answers staff see, in the form's order (design.md's slots).
FACT_SLOTS = (
    "dependents_count",
    "age",
    "earned_income",
    "other_income",
    "has_high_value_assets",
    "assets_value",
    "is_saudi",
    "nationality_exception",
    "resides_in_ksa",
    "has_bank_account",
    "lives_in_care_facility",
    "has_children",
    "meets_education_health",
    "has_able_to_work_members",
    "accepts_rehabilitation",
)


def can_view(staff: Staff, handoff: Handoff) -> bool:
    """A supervisor sees every request; an agent sees the waiting ones and their own."""
    return staff.is_supervisor or handoff.state == "waiting" or handoff.assigned_to == staff.username


def can_act(staff: Staff, handoff: Handoff) -> bool:
    """Reply, hand back, close: the holder of a taken request, or a supervisor."""
    return handoff.is_open and (staff.is_supervisor or handoff.assigned_to == staff.username)


def can_close(staff: Staff, handoff: Handoff) -> bool:
    """Closing a waiting request (asked by mistake, or answered elsewhere) is open to any staff member."""
    return handoff.state == "waiting" or can_act(staff, handoff)


def bot_is_paused(handoff: Handoff) -> bool:
    """Whether Rasa holds the conversation paused for this request: queued in staff
    hours (the bot paused itself) or taken (the inbox paused it)."""
    return handoff.state == "taken" or (handoff.state == "waiting" and handoff.in_staff_hours)


def can_reply_on(handoff: Handoff) -> bool:
    """Rasa can write to the socket.io widget and WhatsApp later; a REST client only gets answers to its requests."""
    return handoff.channel in PUSH_CHANNELS


def visible(staff: Staff, handoffs: list[Handoff]) -> list[Handoff]:
    return [h for h in handoffs if can_view(staff, h)]


LEFT_INTENT = "restart"  # the handoff reply's "back to the bot" button (domain.yml, /restart)


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue: the request, how long it has waited (seconds), its topics, a masked
    preview, and whether the applicant has since gone back to the bot (`left`)."""

    handoff: Handoff
    waited_seconds: float
    topics: tuple[str, ...]
    preview: str
    left: bool = False


@dataclass
class Message:
    """A transcript line for staff: speaker "user", "bot" or "staff"."""

    row_id: int
    speaker: str
    timestamp: float
    text: str
    intent: str | None = None
    staff: str | None = None


@dataclass
class ConversationView:
    messages: list[Message]
    facts: list[tuple[str, Any]] = field(default_factory=list)  # (slot, value) in FACT_SLOTS order
    result: dict[str, Any] | None = None  # the latest eligibility_result payload
    last_id: int = 0
    left: bool = False  # the applicant pressed "back to the bot" after the request (conversation_view's `since`)


def topics_of(handoff: Handoff) -> tuple[str, ...]:
    """The intents the bot recorded as the request's topic ("general" when none)."""
    return tuple(t for t in (handoff.topic or "").split(",") if t and t != "general")


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def waited_seconds(handoff: Handoff, now: datetime) -> float:
    """Seconds since the request was made (up to its take, once taken)."""
    end = _as_utc(handoff.taken_at) if handoff.taken_at else now
    return max((end - _as_utc(handoff.created_at)).total_seconds(), 0.0)


def _preview(data: dict[str, Any]) -> str:
    text = " ".join(str(data.get("text") or "").split())
    text = mask_pii(text)
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def _intent(data: dict[str, Any]) -> str | None:
    return ((data.get("parse_data") or {}).get("intent") or {}).get("name")


def last_user_texts(tracker: Engine, conversation_ids: list[str]) -> dict[str, tuple[str, str | None]]:
    """The latest user message of each conversation, masked and shortened, with its intent
    (one indexed query each)."""
    found: dict[str, tuple[str, str | None]] = {}
    with tracker.connect() as connection:
        for conversation_id in dict.fromkeys(conversation_ids):
            row = connection.execute(
                sa.select(EVENTS.c.data)
                .where(EVENTS.c.sender_id == conversation_id, EVENTS.c.type_name == "user")
                .order_by(EVENTS.c.id.desc())
                .limit(1)
            ).first()
            if row is not None:
                try:
                    data = json.loads(row.data or "{}")
                except ValueError:
                    continue
                found[conversation_id] = (_preview(data), _intent(data))
    return found


def left_since_request(tracker: Engine, handoffs: list[Handoff]) -> set[int]:
    """Ids of the requests whose applicant pressed "back to the bot" after asking (one query each)."""
    left: set[int] = set()
    with tracker.connect() as connection:
        for h in handoffs:
            since = _as_utc(h.created_at).timestamp()
            row = connection.execute(
                sa.select(EVENTS.c.id)
                .where(
                    EVENTS.c.sender_id == h.conversation_id,
                    EVENTS.c.type_name == "user",
                    EVENTS.c.intent_name == LEFT_INTENT,
                    EVENTS.c.timestamp >= since,
                )
                .limit(1)
            ).first()
            if row is not None:
                left.add(h.id)
    return left


def queue_rows(tracker: Engine, handoffs: list[Handoff], now: datetime) -> list[QueueRow]:
    latest = last_user_texts(tracker, [h.conversation_id for h in handoffs])
    left = left_since_request(tracker, handoffs)
    rows = []
    for h in handoffs:
        preview, intent = latest.get(h.conversation_id, ("", None))
        rows.append(
            QueueRow(h, waited_seconds(h, now), topics_of(h), "" if intent == LEFT_INTENT else preview, h.id in left)
        )
    return rows


def _message(event: StoredEvent) -> Message | None:
    data = event.data
    if event.type_name == "user":
        parse = data.get("parse_data") or {}
        intent = faq_key(parse) or (parse.get("intent") or {}).get("name")
        return Message(event.row_id, "user", event.timestamp, mask_pii(str(data.get("text") or "")), intent)
    if event.type_name == "bot":
        metadata = data.get("metadata") or {}
        if metadata.get(STAFF_METADATA_KEY):
            return Message(
                event.row_id,
                "staff",
                event.timestamp,
                mask_pii(str(data.get("text") or "")),
                staff=str(metadata.get("staff") or ""),
            )
        return Message(event.row_id, "bot", event.timestamp, mask_pii(str(data.get("text") or "")))
    return None


def conversation_view(
    tracker: Engine, conversation_id: str, after: int = 0, since: datetime | None = None
) -> ConversationView:
    """The conversation's messages after event row `after`, with the facts and result so far;
    `left` tells whether the applicant went back to the bot at or after `since` (the request)."""
    conversation = load_conversation(tracker, conversation_id)
    view = ConversationView([])
    if conversation is None:
        return view
    facts: dict[str, Any] = {}
    for event in conversation.events:
        view.last_id = max(view.last_id, event.row_id)
        if event.type_name == "slot" and event.data.get("name") in FACT_SLOTS:
            facts[event.data["name"]] = event.data.get("value")
        elif event.type_name == "bot":
            for value in (event.data.get("data") or {}).values():
                if isinstance(value, dict) and isinstance(value.get("eligibility_result"), dict):
                    view.result = value["eligibility_result"]
        if since is not None and event.type_name == "user" and _intent(event.data) == LEFT_INTENT:
            view.left = view.left or event.timestamp >= _as_utc(since).timestamp()
        if event.row_id > after:
            message = _message(event)
            if message is not None and message.text:
                view.messages.append(message)
    view.facts = [(slot, facts[slot]) for slot in FACT_SLOTS if facts.get(slot) is not None]
    return view

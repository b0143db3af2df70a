"""The queue of conversations waiting for a human agent.

A request is "waiting" until a staff member takes it ("taken"), and ends "returned"
(handed back to the bot) or "closed"; status_store.handoff_desk moves it along and
estimates the wait. One conversation has at most one open (waiting or taken) request:
asking again while one is open returns that one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from arabic_text.pii import mask_pii
from status_store.clock import utc_naive
from status_store.crypto import pseudonymous_conversation_id
from status_store.engine import session_scope
from status_store.errors import HandoffNotFound
from status_store.models import HandoffRequest

TOPIC_MAX = 200
CHANNEL_MAX = 32
STAFF_NAME_MAX = 100
OPEN_STATES = ("waiting", "taken")


@dataclass(frozen=True)
class Handoff:
    """One request. Times are naive UTC (status_store.clock); `conversation_id` is the
    stored (pseudonymised) Rasa sender id."""

    id: int
    conversation_id: str
    channel: str
    topic: str
    created_at: datetime
    handled: bool
    handled_at: datetime | None
    handled_by: str | None
    state: str = "waiting"
    assigned_to: str | None = None
    taken_at: datetime | None = None
    ahead_at_request: int = 0
    in_staff_hours: bool = False

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


def _as_handoff(row: HandoffRequest) -> Handoff:
    return Handoff(
        row.id,
        row.conversation_id,
        row.channel,
        row.topic,
        row.created_at,
        bool(row.handled),
        row.handled_at,
        row.handled_by,
        row.state or ("closed" if row.handled else "waiting"),
        row.assigned_to,
        row.taken_at,
        int(row.ahead_at_request or 0),
        bool(row.in_staff_hours),
    )


def record_handoff(
    conversation_id: str,
    channel: str,
    topic: str,
    *,
    in_staff_hours: bool = False,
    now: datetime | None = None,
    engine: Engine | None = None,
) -> int:
    """Queue a conversation for staff; returns the request id.

    The topic is the user's own words or the intents that led here, which may include
    an ID or a phone number, so it is masked before it is stored. When the conversation
    already has an open request, that request's id is returned (marked as queued in
    staff hours if this one is). `now` (default: the current time) is for tests.
    """
    stored_id = pseudonymous_conversation_id(conversation_id)
    created = utc_naive(now)
    with session_scope(engine) as session:
        existing = (
            session.execute(
                select(HandoffRequest)
                .where(HandoffRequest.conversation_id == stored_id, HandoffRequest.state.in_(OPEN_STATES))
                .order_by(HandoffRequest.id)
            )
            .scalars()
            .first()
        )
        if existing is not None:
            existing.in_staff_hours = bool(existing.in_staff_hours or in_staff_hours)
            return int(existing.id)
        ahead = session.execute(
            select(func.count()).select_from(HandoffRequest).where(HandoffRequest.state == "waiting")
        ).scalar_one()
        row = HandoffRequest(
            conversation_id=stored_id,
            channel=(channel or "unknown")[:CHANNEL_MAX],
            topic=mask_pii(topic or "").strip()[:TOPIC_MAX],
            created_at=created,
            handled=False,
            state="waiting",
            ahead_at_request=int(ahead),
            in_staff_hours=bool(in_staff_hours),
        )
        session.add(row)
        session.flush()
        return int(row.id)


def get_handoff(handoff_id: int, *, engine: Engine | None = None) -> Handoff:
    """One request by id; raises HandoffNotFound."""
    with session_scope(engine) as session:
        row = session.get(HandoffRequest, handoff_id)
        if row is None:
            raise HandoffNotFound(f"No handoff request with id {handoff_id}.")
        return _as_handoff(row)


def list_handoffs(handled: bool | None = None, *, engine: Engine | None = None) -> list[Handoff]:
    """Requests oldest first; `handled` False for the open queue, True for done, None for all."""
    query = select(HandoffRequest).order_by(HandoffRequest.created_at, HandoffRequest.id)
    if handled is not None:
        query = query.where(HandoffRequest.handled.is_(bool(handled)))
    with session_scope(engine) as session:
        return [_as_handoff(row) for row in session.execute(query).scalars()]


def mark_handoff_handled(handoff_id: int, by: str, *, engine: Engine | None = None) -> Handoff:
    """Close a request. Closing it again keeps the first closer and time."""
    if not (by or "").strip():
        raise ValueError("Say who handled the request (a staff name).")
    with session_scope(engine) as session:
        row = session.get(HandoffRequest, handoff_id)
        if row is None:
            raise HandoffNotFound(f"No handoff request with id {handoff_id}.")
        if not row.handled:
            row.handled = True
            row.handled_at = utc_naive()
            row.handled_by = by.strip()[:STAFF_NAME_MAX]
            row.state = "closed"
        return _as_handoff(row)

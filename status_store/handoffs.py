"""The queue of conversations waiting for a human agent."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import List, Optional

from sqlalchemy import select
from sqlalchemy.engine import Engine

from status_store.clock import utc_naive
from status_store.crypto import pseudonymous_conversation_id
from status_store.engine import session_scope
from status_store.errors import HandoffNotFound
from status_store.models import HandoffRequest
from arabic_text.pii import mask_pii

TOPIC_MAX = 200
CHANNEL_MAX = 32
STAFF_NAME_MAX = 100


@dataclass(frozen=True)
class Handoff:
    id: int
    conversation_id: str
    channel: str
    topic: str
    created_at: datetime
    handled: bool
    handled_at: Optional[datetime]
    handled_by: Optional[str]


def _as_handoff(row: HandoffRequest) -> Handoff:
    return Handoff(
        row.id, row.conversation_id, row.channel, row.topic,
        row.created_at, bool(row.handled), row.handled_at, row.handled_by,
    )


def record_handoff(
    conversation_id: str, channel: str, topic: str, *, engine: Optional[Engine] = None
) -> int:
    """Queue a conversation for staff; returns the request id.

    The topic is the user's own words, which may include an ID or a phone
    number, so it is masked before it is stored.
    """
    row = HandoffRequest(
        conversation_id=pseudonymous_conversation_id(conversation_id),
        channel=(channel or "unknown")[:CHANNEL_MAX],
        topic=mask_pii(topic or "").strip()[:TOPIC_MAX],
        created_at=utc_naive(),
        handled=False,
    )
    with session_scope(engine) as session:
        session.add(row)
        session.flush()
        return int(row.id)


def list_handoffs(handled: Optional[bool] = None, *, engine: Optional[Engine] = None) -> List[Handoff]:
    """Requests oldest first; `handled` False for the open queue, True for done, None for all."""
    query = select(HandoffRequest).order_by(HandoffRequest.created_at, HandoffRequest.id)
    if handled is not None:
        query = query.where(HandoffRequest.handled.is_(bool(handled)))
    with session_scope(engine) as session:
        return [_as_handoff(row) for row in session.execute(query).scalars()]


def mark_handoff_handled(handoff_id: int, by: str, *, engine: Optional[Engine] = None) -> Handoff:
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
        return _as_handoff(row)

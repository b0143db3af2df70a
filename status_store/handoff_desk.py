"""The staff desk's side of the handoff queue: the wait estimate, taking, reassigning,
handing back and closing requests.

Who may do what (agents and supervisors) is the review tool's business; this module
keeps the states consistent under concurrent staff: taking is one conditional UPDATE,
so two people pressing "take" at once cannot both get the conversation.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.engine import Engine

from status_store import texts
from status_store.clock import utc_naive
from status_store.crypto import pseudonymous_conversation_id
from status_store.engine import session_scope
from status_store.errors import HandoffNotFound, StatusStoreError
from status_store.handoffs import OPEN_STATES, STAFF_NAME_MAX, Handoff, _as_handoff, record_handoff
from status_store.models import HandoffRequest

# The estimate needs this many recent takes; with fewer it says it has none.
MIN_SAMPLES = 3
# Takes older than this, or beyond the most recent MAX_SAMPLES, no longer describe the desk.
SAMPLE_DAYS = 7
MAX_SAMPLES = 20
FINAL_STATES = ("returned", "closed")


class HandoffConflict(StatusStoreError):
    """The request is not in a state that allows this (taken by someone else, or already ended)."""


@dataclass(frozen=True)
class QueuedHandoff:
    """A request as the applicant hears of it: `ahead` requests wait before it now, and
    `wait_minutes` is the estimated wait (None when there is no basis for an estimate)."""

    id: int
    ahead: int
    wait_minutes: int | None


def estimate_wait_minutes(
    ahead: int, samples: Sequence[tuple[float, int]], min_samples: int = MIN_SAMPLES
) -> int | None:
    """Minutes until a person takes a request with `ahead` requests before it, or None.

    Each sample is one recent take: (seconds from request to take, requests that were
    waiting ahead of it when it was queued). Dividing the one by the other plus one
    gives the time the desk took per place in the queue; the estimate is the median of
    that, times this request's place (ahead + 1), rounded up to whole minutes (at least
    one). With fewer than `min_samples` samples there is no honest estimate: None.
    """
    per_place = [max(seconds, 0.0) / (max(ahead_then, 0) + 1) for seconds, ahead_then in samples]
    if len(per_place) < max(min_samples, 1):
        return None
    seconds = (max(ahead, 0) + 1) * statistics.median(per_place)
    return max(1, math.ceil(seconds / 60))


def recent_take_samples(
    now: datetime | None = None, *, days: int = SAMPLE_DAYS, limit: int = MAX_SAMPLES, engine: Engine | None = None
) -> list[tuple[float, int]]:
    """(seconds to take, ahead when queued) of the latest takes within `days`.

    Only requests queued in staff hours count: one queued at night waits for the
    morning, which says nothing about how fast the desk answers.
    """
    until = utc_naive(now)
    query = (
        select(HandoffRequest.created_at, HandoffRequest.taken_at, HandoffRequest.ahead_at_request)
        .where(
            HandoffRequest.taken_at.is_not(None),
            HandoffRequest.in_staff_hours.is_(True),
            HandoffRequest.taken_at >= until - timedelta(days=days),
            HandoffRequest.taken_at <= until,
        )
        .order_by(HandoffRequest.taken_at.desc())
        .limit(limit)
    )
    with session_scope(engine) as session:
        rows = session.execute(query).all()
    return [((taken - created).total_seconds(), int(ahead or 0)) for created, taken, ahead in rows]


def waiting_ahead(handoff_id: int, *, engine: Engine | None = None) -> int:
    """How many requests wait before this one now (0 when it is first, or no longer waiting)."""
    with session_scope(engine) as session:
        row = session.get(HandoffRequest, handoff_id)
        if row is None:
            raise HandoffNotFound(f"No handoff request with id {handoff_id}.")
        if row.state != "waiting":
            return 0
        earlier = or_(
            HandoffRequest.created_at < row.created_at,
            and_(HandoffRequest.created_at == row.created_at, HandoffRequest.id < row.id),
        )
        return int(
            session.execute(
                select(func.count()).select_from(HandoffRequest).where(HandoffRequest.state == "waiting", earlier)
            ).scalar_one()
        )


def queue_conversation(
    conversation_id: str,
    channel: str,
    topic: str,
    *,
    in_staff_hours: bool,
    now: datetime | None = None,
    engine: Engine | None = None,
) -> QueuedHandoff:
    """Queue a conversation (or find its open request) and estimate its wait.

    `in_staff_hours` says whether the bot paused the conversation to wait for a person.
    Raises StatusStoreUnavailable when the store cannot be used.
    """
    handoff_id = record_handoff(conversation_id, channel, topic, in_staff_hours=in_staff_hours, now=now, engine=engine)
    ahead = waiting_ahead(handoff_id, engine=engine)
    return QueuedHandoff(handoff_id, ahead, estimate_wait_minutes(ahead, recent_take_samples(now, engine=engine)))


def open_handoffs(*, engine: Engine | None = None) -> list[Handoff]:
    """Waiting and taken requests, oldest first."""
    query = (
        select(HandoffRequest)
        .where(HandoffRequest.state.in_(OPEN_STATES))
        .order_by(HandoffRequest.created_at, HandoffRequest.id)
    )
    with session_scope(engine) as session:
        return [_as_handoff(row) for row in session.execute(query).scalars()]


def open_handoff_for(conversation_id: str, *, engine: Engine | None = None) -> Handoff | None:
    """The conversation's open request, if any (the id may be the raw or the stored one)."""
    stored = pseudonymous_conversation_id(conversation_id)
    query = (
        select(HandoffRequest)
        .where(HandoffRequest.conversation_id == stored, HandoffRequest.state.in_(OPEN_STATES))
        .order_by(HandoffRequest.id.desc())
    )
    with session_scope(engine) as session:
        row = session.execute(query).scalars().first()
        return _as_handoff(row) if row is not None else None


# Who ended a request the applicant took back (handled_by), in the inbox's records.
WITHDRAWN_BY = texts.WITHDRAWN_BY_APPLICANT


def withdraw_handoff(
    conversation_id: str, *, now: datetime | None = None, engine: Engine | None = None
) -> Handoff | None:
    """The applicant takes back their request: a request still waiting is closed (by
    WITHDRAWN_BY) and returned; None when nothing is waiting (none open, or staff have
    already taken it, when it is theirs to close)."""
    stored = pseudonymous_conversation_id(conversation_id)
    with session_scope(engine) as session:
        row = (
            session.execute(
                select(HandoffRequest)
                .where(HandoffRequest.conversation_id == stored, HandoffRequest.state == "waiting")
                .order_by(HandoffRequest.id.desc())
            )
            .scalars()
            .first()
        )
        if row is None:
            return None
        row.state, row.handled, row.handled_at, row.handled_by = "closed", True, utc_naive(now), WITHDRAWN_BY
        return _as_handoff(row)


def _staff(name: str) -> str:
    cleaned = (name or "").strip()[:STAFF_NAME_MAX]
    if not cleaned:
        raise ValueError("Say which staff member (a staff name).")
    return cleaned


def _load(session, handoff_id: int) -> HandoffRequest:
    row = session.get(HandoffRequest, handoff_id)
    if row is None:
        raise HandoffNotFound(f"No handoff request with id {handoff_id}.")
    return row


def take_handoff(handoff_id: int, staff: str, *, now: datetime | None = None, engine: Engine | None = None) -> Handoff:
    """Assign a waiting request to `staff`. Taking one's own request again is a no-op.

    Raises HandoffConflict when another staff member has it or it has ended, and
    HandoffNotFound for an unknown id.
    """
    name = _staff(staff)
    with session_scope(engine) as session:
        # One conditional UPDATE: of two concurrent takes, exactly one changes the row.
        changed = session.execute(
            update(HandoffRequest)
            .where(HandoffRequest.id == handoff_id, HandoffRequest.state == "waiting")
            .values(state="taken", assigned_to=name, taken_at=utc_naive(now))
            .execution_options(synchronize_session=False)
        ).rowcount
        row = _load(session, handoff_id)
        session.refresh(row)
        if not changed and not (row.state == "taken" and row.assigned_to == name):
            holder = f"taken by {row.assigned_to}" if row.state == "taken" else row.state
            raise HandoffConflict(f"Handoff request {handoff_id} is {holder}.")
        return _as_handoff(row)


def reassign_handoff(
    handoff_id: int, staff: str, *, now: datetime | None = None, engine: Engine | None = None
) -> Handoff:
    """Give an open request to `staff` (a supervisor's move); a waiting one becomes taken."""
    name = _staff(staff)
    with session_scope(engine) as session:
        row = _load(session, handoff_id)
        if row.state not in OPEN_STATES:
            raise HandoffConflict(f"Handoff request {handoff_id} has ended ({row.state}).")
        row.assigned_to = name
        if row.state == "waiting":
            row.state, row.taken_at = "taken", utc_naive(now)
        return _as_handoff(row)


def finish_handoff(
    handoff_id: int, staff: str, outcome: str, *, now: datetime | None = None, engine: Engine | None = None
) -> Handoff:
    """End an open request: `outcome` "returned" (handed back to the bot) or "closed".

    Ending an ended request again changes nothing and returns it as it is.
    """
    if outcome not in FINAL_STATES:
        raise ValueError(f"outcome must be one of {FINAL_STATES}")
    name = _staff(staff)
    with session_scope(engine) as session:
        row = _load(session, handoff_id)
        if row.state in OPEN_STATES:
            row.state, row.handled, row.handled_at, row.handled_by = outcome, True, utc_naive(now), name
        return _as_handoff(row)


def release_handoff(handoff_id: int, staff: str, *, engine: Engine | None = None) -> Handoff:
    """Undo `staff`'s take (the bot could not be paused): the request waits again, in its place."""
    name = _staff(staff)
    with session_scope(engine) as session:
        session.execute(
            update(HandoffRequest)
            .where(HandoffRequest.id == handoff_id, HandoffRequest.state == "taken", HandoffRequest.assigned_to == name)
            .values(state="waiting", assigned_to=None, taken_at=None)
            .execution_options(synchronize_session=False)
        )
        row = _load(session, handoff_id)
        session.refresh(row)
        return _as_handoff(row)

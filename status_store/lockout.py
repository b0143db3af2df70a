"""Counting status look-ups per conversation, so guessing birth dates can be stopped."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from status_store.clock import utc_naive
from status_store.crypto import pseudonymous_conversation_id
from status_store.engine import session_scope
from status_store.models import StatusLookup

DEFAULT_LIMIT = 5
DEFAULT_WINDOW = timedelta(hours=24)


def record_lookup(
    conversation_id: str,
    succeeded: bool,
    *,
    at: datetime | None = None,
    engine: Engine | None = None,
) -> None:
    """Note one look-up attempt. Nothing about the ID is kept, only whether it matched."""
    with session_scope(engine) as session:
        session.add(
            StatusLookup(
                conversation_id=pseudonymous_conversation_id(conversation_id),
                succeeded=bool(succeeded),
                created_at=utc_naive(at),
            )
        )


def failed_lookups_since(conversation_id: str, since: datetime, *, engine: Engine | None = None) -> int:
    """How many look-ups in this conversation failed at or after `since`."""
    query = select(func.count(StatusLookup.id)).where(
        StatusLookup.conversation_id == pseudonymous_conversation_id(conversation_id),
        StatusLookup.succeeded.is_(False),
        StatusLookup.created_at >= utc_naive(since),
    )
    with session_scope(engine) as session:
        return int(session.execute(query).scalar_one())


def is_locked_out(
    conversation_id: str,
    now: datetime | None = None,
    limit: int = DEFAULT_LIMIT,
    window: timedelta = DEFAULT_WINDOW,
    *,
    engine: Engine | None = None,
) -> bool:
    """True when `limit` or more look-ups failed within `window` before `now`.

    A success in between does not reset the count: otherwise someone who knows
    one valid ID and birth date could keep probing others.
    """
    since = utc_naive(now) - window
    return failed_lookups_since(conversation_id, since, engine=engine) >= limit

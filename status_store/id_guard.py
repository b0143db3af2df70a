"""The status look-up behind a lockout per national ID, whoever asks and on any channel.

The per-conversation count (lockout.py) alone is not enough: on REST and socket.io
the caller picks the conversation id, so a prober could switch senders and keep
guessing someone's birth date. Here failures are counted per ID hash in
`national_id_lookup_guards`; after `limit` failures inside a window (default 5 in
24 h, starting at the window's first failure) every look-up of that ID is refused
until the window ends.

Atomicity (two action servers on PostgreSQL): an attempt first *reserves* a
failure with one conditional UPDATE. PostgreSQL runs it under the row's lock and
SQLite under its database write lock, so of any number of concurrent attempts at
most `limit` ever get through, and each later one waits for the earlier one's
transaction to end. A matching look-up gives its reservation back in the same
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import case, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from status_store.applications import NOT_FOUND, DateRange, StatusAnswer, find_answer
from status_store.clock import utc_naive
from status_store.crypto import pseudonymous_conversation_id
from status_store.engine import session_scope
from status_store.lockout import DEFAULT_LIMIT, DEFAULT_WINDOW
from status_store.models import NationalIdLookupGuard, StatusLookup

GUARDS = NationalIdLookupGuard.__table__


@dataclass(frozen=True)
class GuardedAnswer:
    """The answer to show, and whether the ID was locked (for logs and tests only:
    the applicant sees a locked ID exactly like an unknown one)."""

    answer: StatusAnswer
    id_locked: bool


def _insert_missing_guard(session: Session, national_id_hash: str, now: datetime) -> None:
    values = {"national_id_hash": national_id_hash, "window_started_at": now, "failures": 0}
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        statement = postgresql.insert(GUARDS).values(**values).on_conflict_do_nothing()
    elif dialect == "sqlite":
        statement = sqlite.insert(GUARDS).values(**values).on_conflict_do_nothing()
    else:  # pragma: no cover - the store runs on SQLite and PostgreSQL only
        raise NotImplementedError(f"no lockout support for {dialect}")
    session.execute(statement)


def _reserve_failure(session: Session, national_id_hash: str, now: datetime, limit: int, window: timedelta) -> bool:
    """Count this attempt as a failure in advance; False when the ID is locked."""
    expired = GUARDS.c.window_started_at <= now - window
    result = session.execute(
        update(GUARDS)
        .where(GUARDS.c.national_id_hash == national_id_hash)
        .where(expired | (GUARDS.c.failures < limit))
        # Both SET expressions read the row as it was before this UPDATE.
        .values(
            failures=case((expired, 1), else_=GUARDS.c.failures + 1),
            window_started_at=case((expired, now), else_=GUARDS.c.window_started_at),
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def _give_back(session: Session, national_id_hash: str) -> None:
    session.execute(
        update(GUARDS)
        .where(GUARDS.c.national_id_hash == national_id_hash, GUARDS.c.failures > 0)
        .values(failures=GUARDS.c.failures - 1)
        .execution_options(synchronize_session=False)
    )


def guarded_lookup(
    national_id_hash: str,
    birth_date: date,
    registered_in: DateRange | None,
    *,
    conversation_id: str,
    on: date,
    review_period_days: int,
    now: datetime | None = None,
    limit: int = DEFAULT_LIMIT,
    window: timedelta = DEFAULT_WINDOW,
    engine: Engine | None = None,
) -> GuardedAnswer:
    """Look the application up unless its ID is locked, and count the outcome.

    One transaction: reserve a failure for the ID hash, look up, give the
    reservation back on a match, and note the attempt for the conversation
    (status_lookups). A locked ID answers NOT_FOUND without reading the
    application. Raises StatusStoreUnavailable when the database is down.
    """
    moment = utc_naive(now)
    with session_scope(engine) as session:
        _insert_missing_guard(session, national_id_hash, moment)
        if not _reserve_failure(session, national_id_hash, moment, limit, window):
            answer, locked = NOT_FOUND, True
        else:
            answer = find_answer(
                session, national_id_hash, birth_date, registered_in, on=on, review_period_days=review_period_days
            )
            locked = False
            if answer.status != "not_found":
                _give_back(session, national_id_hash)
        session.add(
            StatusLookup(
                conversation_id=pseudonymous_conversation_id(conversation_id),
                succeeded=answer.status != "not_found",
                created_at=moment,
            )
        )
    return GuardedAnswer(answer, locked)


def id_failures(
    national_id_hash: str,
    *,
    now: datetime | None = None,
    window: timedelta = DEFAULT_WINDOW,
    engine: Engine | None = None,
) -> int:
    """Failures counted for this ID hash in its current window (0 once the window has ended)."""
    moment = utc_naive(now)
    with session_scope(engine) as session:
        row = session.get(NationalIdLookupGuard, national_id_hash)
        if row is None or row.window_started_at <= moment - window:
            return 0
        return int(row.failures)

"""Tables of the status store. The schema itself is created only by the Alembic migrations.

No column ever holds a national ID in clear: applications are found by an HMAC of the
ID (see crypto.py) and show only a masked form. Times are naive UTC.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    false,
)
from sqlalchemy.orm import declarative_base

APPLICATION_STATUSES = ("under_review", "eligible", "ineligible")
CHECK_DECISIONS = ("eligible", "ineligible", "incomplete")
# A handoff request's life: waiting for staff, taken by one, then handed back to the bot or closed.
HANDOFF_STATES = ("waiting", "taken", "returned", "closed")

# Fixed constraint names, so the migration and the models agree on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "pk": "pk_%(table_name)s",
}

Base = declarative_base(metadata=MetaData(naming_convention=NAMING_CONVENTION))


def _in(column: str, values: tuple) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Application(Base):
    __tablename__ = "applications"

    id = Column(Integer, primary_key=True)
    national_id_hash = Column(String(64), nullable=False, unique=True)
    national_id_masked = Column(String(16), nullable=False)
    birth_date = Column(Date, nullable=False)
    registration_date = Column(Date, nullable=False)
    status = Column(String(16), nullable=False)
    decision_date = Column(Date, nullable=True)
    reason = Column(Text, nullable=True)
    updated_at = Column(DateTime, nullable=False)

    __table_args__ = (CheckConstraint(_in("status", APPLICATION_STATUSES), name="status"),)


class EligibilityCheck(Base):
    __tablename__ = "eligibility_checks"

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(128), nullable=False, index=True)
    answers = Column(JSON, nullable=False)
    decision = Column(String(16), nullable=False)
    failed_conditions = Column(JSON, nullable=False)
    estimated_support_sar = Column(Integer, nullable=True)
    rules_version = Column(String(32), nullable=False)
    created_at = Column(DateTime, nullable=False)

    __table_args__ = (CheckConstraint(_in("decision", CHECK_DECISIONS), name="decision"),)


class HandoffRequest(Base):
    """A conversation queued for staff (status_store.handoffs, status_store.handoff_desk).

    `conversation_id` is the Rasa sender id as the tracker store keeps it (pseudonymised
    when it is a phone number), which Rasa's HTTP API also accepts for that conversation.
    `handled` is true once the request is returned or closed (kept for older readers).
    `ahead_at_request` (requests waiting before this one when it was queued) and
    `taken_at` give the wait estimate its samples; `in_staff_hours` tells whether the
    bot paused the conversation when it was queued.
    """

    __tablename__ = "handoff_requests"

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(128), nullable=False)
    channel = Column(String(32), nullable=False)
    topic = Column(String(200), nullable=False)
    created_at = Column(DateTime, nullable=False)
    handled = Column(Boolean, nullable=False, default=False)
    handled_at = Column(DateTime, nullable=True)
    handled_by = Column(String(100), nullable=True)
    state = Column(String(16), nullable=False, default="waiting", server_default="waiting")
    assigned_to = Column(String(100), nullable=True)
    taken_at = Column(DateTime, nullable=True)
    ahead_at_request = Column(Integer, nullable=False, default=0, server_default="0")
    in_staff_hours = Column(Boolean, nullable=False, default=False, server_default=false())

    __table_args__ = (
        Index("ix_handoff_requests_handled_created_at", "handled", "created_at"),
        Index("ix_handoff_requests_state_created_at", "state", "created_at"),
        Index("ix_handoff_requests_conversation_id", "conversation_id"),
        CheckConstraint(_in("state", HANDOFF_STATES), name="state"),
    )


class StatusLookup(Base):
    __tablename__ = "status_lookups"

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(128), nullable=False)
    succeeded = Column(Boolean, nullable=False)
    created_at = Column(DateTime, nullable=False)

    __table_args__ = (Index("ix_status_lookups_conversation_id_created_at", "conversation_id", "created_at"),)


class NationalIdLookupGuard(Base):
    """Failed look-ups per national ID (by its keyed hash), whoever asked and on any channel.

    One row per ID hash: the failures counted since `window_started_at`. The row is
    updated with single conditional UPDATE statements (see id_guard.py), which
    PostgreSQL's row lock and SQLite's database lock make atomic across processes.
    """

    __tablename__ = "national_id_lookup_guards"

    national_id_hash = Column(String(64), primary_key=True)
    window_started_at = Column(DateTime, nullable=False)
    failures = Column(Integer, nullable=False, default=0)

    __table_args__ = (
        CheckConstraint("failures >= 0", name="failures_not_negative"),
        Index("ix_national_id_lookup_guards_window_started_at", "window_started_at"),
    )

"""The review tool's own database: staff, sessions, tags, notes, corrections,
conversation summaries (review.indexer), sign-in failures and inbox action counts.

Kept apart from the tracker and status stores so staff work never writes into
the bot's data. The schema is made only by Alembic (review/migrations), brought
to the newest revision on first use; the tables below mirror it for queries.
"""

from __future__ import annotations

import threading
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from review.settings import engine_options, review_db_url

metadata = sa.MetaData()

STAFF = sa.Table(
    "staff",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    # "agent" or "supervisor" (review.accounts.ROLES): what the live inbox lets them see and do.
    sa.Column("role", sa.String(16), nullable=False, server_default="agent"),
)

SESSIONS = sa.Table(
    "sessions",
    metadata,
    # Only a hash of the cookie value is stored, so a copy of this DB cannot sign anyone in.
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("expires_at", sa.Float, nullable=False, index=True),
)

TAGS = sa.Table(
    "tags",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("tag", sa.String(64), nullable=False),
    sa.Column("staff", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.UniqueConstraint("conversation_id", "tag", name="uq_tags_conversation_tag"),
)

NOTES = sa.Table(
    "notes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("staff", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)

CORRECTIONS = sa.Table(
    "corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("event_id", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("intent", sa.String(128), nullable=False),
    sa.Column("staff", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.UniqueConstraint("conversation_id", "event_id", name="uq_corrections_message"),
)

# One row per conversation, kept up to date by review.indexer; pages read these, not events.
SUMMARIES = sa.Table(
    "conversation_summaries",
    metadata,
    sa.Column("sender_id", sa.String(255), primary_key=True),
    sa.Column("display_id", sa.String(255), nullable=False),
    sa.Column("channel", sa.String(32), nullable=False),
    sa.Column("started_at", sa.Float, nullable=False),  # epoch seconds
    sa.Column("ended_at", sa.Float, nullable=False),
    sa.Column("first_message", sa.Text, nullable=False),  # masked, shortened
    sa.Column("had_fallback", sa.Boolean, nullable=False),
    sa.Column("lowest_confidence", sa.Float, nullable=True),
    sa.Column("user_messages", sa.Integer, nullable=False),
    sa.Column("turns_to_result", sa.Integer, nullable=True),
    sa.Column("intent_counts", sa.Text, nullable=False),  # JSON {intent: count}
    sa.Column("faq_counts", sa.Text, nullable=False),  # JSON {faq/topic: count}, faq messages only
    sa.Column("search_text", sa.Text, nullable=False),  # normalised, masked message texts
    sa.Column("last_event_id", sa.Integer, nullable=False),
    sa.Column("offered_buttons", sa.Text, nullable=False),  # JSON: buttons not yet answered
    sa.Index("ix_conversation_summaries_started", "started_at", "sender_id"),
)

# Outcomes per conversation; source "events" (the transcript) or "status" (the status store).
OUTCOME_ROWS = sa.Table(
    "conversation_outcomes",
    metadata,
    sa.Column("sender_id", sa.String(255), primary_key=True),
    sa.Column("outcome", sa.String(32), primary_key=True, index=True),
    sa.Column("source", sa.String(8), primary_key=True),
)

# How far the indexer has read each source; source_key identifies the database read.
INDEX_STATE = sa.Table(
    "index_state",
    metadata,
    sa.Column("source", sa.String(32), primary_key=True),
    sa.Column("source_key", sa.String(64), nullable=False),
    sa.Column("last_id", sa.Integer, nullable=False),
)

# Failed sign-ins, shared by every process of the web app. Keys are hashed (they hold IPs).
SIGNIN_FAILURES = sa.Table(
    "signin_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("failed_at", sa.Float, nullable=False),
    sa.Index("ix_signin_failures_key_time", "key_hash", "failed_at"),
)

# Inbox actions (take, reply, hand back, close, reassign) per staff member, for the rate limit.
STAFF_ACTIONS = sa.Table(
    "staff_actions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("acted_at", sa.Float, nullable=False),
    sa.Index("ix_staff_actions_key_time", "key_hash", "acted_at"),
)

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"
FIRST_REVISION = "0001_initial"

_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def migrate(engine: Engine) -> None:
    """Bring the review DB to the newest Alembic revision.

    A DB made by the older create_all() code has the 0001 tables but no
    alembic_version; it is stamped at 0001 first, so nothing is created twice.
    """
    from alembic import command
    from alembic.config import Config

    config = Config(str(ALEMBIC_INI))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        tables = set(sa.inspect(connection).get_table_names())
        if "staff" in tables and "alembic_version" not in tables:
            command.stamp(config, FIRST_REVISION)
        command.upgrade(config, "head")


def review_engine(url: str | None = None) -> Engine:
    """The engine for the review DB (REVIEW_DB_URL, default var/review.db), migrated to head."""
    resolved = review_db_url(url)
    with _lock:
        engine = _engines.get(resolved)
        if engine is None:
            engine = sa.create_engine(resolved, future=True, hide_parameters=True, **engine_options(resolved))
            migrate(engine)
            _engines[resolved] = engine
        return engine


def dispose_review_engine(url: str | None = None) -> None:
    with _lock:
        engine = _engines.pop(review_db_url(url), None)
    if engine is not None:
        engine.dispose()

"""The review tool's own small database: staff, sign-in sessions, tags, notes, corrections.

Kept apart from the tracker and status stores so staff work never writes into
the bot's data. Tables are created on first use (the schema is small and only
this package uses it).
"""
from __future__ import annotations

import threading
from typing import Dict, Optional

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from review.settings import review_db_url

metadata = sa.MetaData()

STAFF = sa.Table(
    "staff", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)

SESSIONS = sa.Table(
    "sessions", metadata,
    # Only a hash of the cookie value is stored, so a copy of this DB cannot sign anyone in.
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("expires_at", sa.Float, nullable=False, index=True),
)

TAGS = sa.Table(
    "tags", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("tag", sa.String(64), nullable=False),
    sa.Column("staff", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.UniqueConstraint("conversation_id", "tag", name="uq_tags_conversation_tag"),
)

NOTES = sa.Table(
    "notes", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("staff", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)

CORRECTIONS = sa.Table(
    "corrections", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("event_id", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("intent", sa.String(128), nullable=False),
    sa.Column("staff", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.UniqueConstraint("conversation_id", "event_id", name="uq_corrections_message"),
)

_engines: Dict[str, Engine] = {}
_lock = threading.Lock()


def review_engine(url: Optional[str] = None) -> Engine:
    """The engine for the review DB (REVIEW_DB_URL, default var/review.db), tables created."""
    resolved = review_db_url(url)
    with _lock:
        engine = _engines.get(resolved)
        if engine is None:
            engine = sa.create_engine(resolved, future=True, hide_parameters=True)
            metadata.create_all(engine)
            _engines[resolved] = engine
        return engine


def dispose_review_engine(url: Optional[str] = None) -> None:
    with _lock:
        engine = _engines.pop(review_db_url(url), None)
    if engine is not None:
        engine.dispose()

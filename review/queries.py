"""Reading conversations from Rasa's SQL tracker store (table `events`), read-only.

The columns mirror rasa.core.tracker_store.SQLTrackerStore.SQLEvent (Rasa 3.6):
id, sender_id, type_name, timestamp, intent_name, action_name, data (the event as JSON).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arabic_text.pii import mask_pii_in
from review.model import Conversation, StoredEvent
from review.settings import engine_options

_metadata = sa.MetaData()
EVENTS = sa.Table(
    "events",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255)),
    sa.Column("type_name", sa.String(255)),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)

# SQLite limits the number of bound parameters in one IN (...).
_CHUNK = 500


def tracker_engine(url: str) -> Engine:
    return sa.create_engine(url, future=True, hide_parameters=True, **engine_options(url))


def _decode(row: sa.engine.Row) -> StoredEvent:
    try:
        data = json.loads(row.data or "{}")
    except ValueError:
        data = {}
    # The store masks on write; masking again protects against older, unmasked rows.
    return StoredEvent(int(row.id), row.type_name or "", float(row.timestamp or 0.0), mask_pii_in(data))


def conversation_ids(engine: Engine, since: datetime | None = None, until: datetime | None = None) -> list[str]:
    """Ids of conversations that started in [since, until), oldest first."""
    started = sa.func.min(EVENTS.c.timestamp).label("started")
    query = sa.select(EVENTS.c.sender_id, started).group_by(EVENTS.c.sender_id)
    if since is not None:
        query = query.having(started >= since.timestamp())
    if until is not None:
        query = query.having(started < until.timestamp())
    with engine.connect() as connection:
        rows = connection.execute(query.order_by(started)).all()
    return [row.sender_id for row in rows]


def load_conversations(engine: Engine, sender_ids: Iterable[str]) -> list[Conversation]:
    """The conversations with these ids, every session, events in stored order."""
    wanted = list(dict.fromkeys(sender_ids))
    by_id: dict[str, Conversation] = {sid: Conversation(sid) for sid in wanted}
    with engine.connect() as connection:
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            query = sa.select(EVENTS).where(EVENTS.c.sender_id.in_(chunk)).order_by(EVENTS.c.id)
            for row in connection.execute(query):
                by_id[row.sender_id].events.append(_decode(row))
    return [by_id[sid] for sid in wanted if by_id[sid].events]


def load_conversation(engine: Engine, sender_id: str) -> Conversation | None:
    found = load_conversations(engine, [sender_id])
    return found[0] if found else None


def load_all(engine: Engine, since: datetime | None = None, until: datetime | None = None) -> list[Conversation]:
    return load_conversations(engine, conversation_ids(engine, since, until))

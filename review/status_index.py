"""Indexing the outcomes the status store records (eligibility decisions, handoff requests).

They land in `conversation_outcomes` with source "status", read incrementally by
each table's id like the tracker events (see review.indexer). When the status
store is missing, or a different one is configured, its rows are dropped and
read again from the start.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from review.indexer import LostRace, claim, lock_for, read_state, reset_source, source_key
from review.review_db import OUTCOME_ROWS
from review.status_link import status_engine

_CHECKS = sa.table("eligibility_checks", sa.column("id"), sa.column("conversation_id"), sa.column("decision"))
_HANDOFFS = sa.table("handoff_requests", sa.column("id"), sa.column("conversation_id"))
SOURCES = {
    "status_checks": (_CHECKS, lambda row: row.decision if row.decision in ("eligible", "ineligible") else None),
    "status_handoffs": (_HANDOFFS, lambda row: "handoff"),
}


def _mark(review: Engine, source: str, key: str) -> int:
    with review.begin() as connection:
        state = read_state(connection, source)
        if state is not None and state.source_key == key:
            return state.last_id
        # Both status sources share the "status" rows, so a new store clears them once for both.
        others = [name for name in SOURCES if name != source]
        reset_source(connection, source, key, [OUTCOME_ROWS.delete().where(OUTCOME_ROWS.c.source == "status")])
        for other in others:
            reset_source(connection, other, key, [])
        return 0


def _index_table(review: Engine, status: Engine, source: str, key: str) -> int:
    table, outcome_of = SOURCES[source]
    mark = _mark(review, source, key)
    with status.connect() as connection:
        rows = connection.execute(sa.select(table).where(table.c.id > mark).order_by(table.c.id)).all()
    if not rows:
        return 0
    with review.begin() as connection:
        claim(connection, source, key, mark, int(rows[-1].id))
        pairs = {(row.conversation_id, outcome_of(row)) for row in rows if outcome_of(row)}
        known = set()
        ids = list({sender for sender, _ in pairs})
        for start in range(0, len(ids), 500):
            known |= {
                (r.sender_id, r.outcome)
                for r in connection.execute(
                    sa.select(OUTCOME_ROWS.c.sender_id, OUTCOME_ROWS.c.outcome).where(
                        OUTCOME_ROWS.c.sender_id.in_(ids[start : start + 500]), OUTCOME_ROWS.c.source == "status"
                    )
                )
            }
        fresh = [{"sender_id": s, "outcome": o, "source": "status"} for s, o in pairs - known]
        if fresh:
            connection.execute(OUTCOME_ROWS.insert(), fresh)
    return len(rows)


def index_status(review: Engine, status_url: str | None = None) -> int:
    """Fold new status-store rows into the outcomes; returns the rows read (0 without a store)."""
    status = status_engine(status_url)
    key = source_key(status)
    read = 0
    with lock_for(review):
        if status is None:
            for source in SOURCES:
                _mark(review, source, key)
            return 0
        for source in SOURCES:
            try:
                read += _index_table(review, status, source, key)
            except LostRace:
                continue
            except sa.exc.OperationalError:  # store not migrated yet: nothing to read
                continue
    return read

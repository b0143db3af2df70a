"""The little the review tool needs from the status store: check decisions and handoffs.

Handoffs go through status_store's own API (list_handoffs; the inbox uses handoff_desk);
eligibility decisions have no listing API, so one read-only query reads them.
Conversation ids match the tracker store's because both pseudonymise phone ids
with the same keyed hash. A missing or unreachable status store is not an error
here: the review tool then works from the transcripts alone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from review.outcomes import StatusFacts

logger = logging.getLogger(__name__)

_CHECKS = sa.table("eligibility_checks", sa.column("conversation_id"), sa.column("decision"))
_HANDOFFS = sa.table("handoff_requests", sa.column("conversation_id"))


def status_engine(url: str | None) -> Engine | None:
    """The status store engine, or None when its SQLite file does not exist (never create it)."""
    try:
        from status_store.engine import get_engine
        from status_store.settings import database_url
    except ImportError:
        return None
    resolved = database_url(url)
    parsed = make_url(resolved)
    if parsed.get_backend_name() == "sqlite" and parsed.database and not Path(parsed.database).exists():
        return None
    return get_engine(resolved)


def status_facts(conversation_ids: Iterable[str], url: str | None = None) -> dict[str, StatusFacts]:
    """Decisions and handoff counts per conversation id (empty when the store is unavailable)."""
    wanted = list(dict.fromkeys(conversation_ids))
    engine = status_engine(url)
    facts: dict[str, StatusFacts] = {}
    if engine is None or not wanted:
        return facts
    try:
        with engine.connect() as connection:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                for row in connection.execute(
                    sa.select(_CHECKS.c.conversation_id, _CHECKS.c.decision).where(_CHECKS.c.conversation_id.in_(chunk))
                ):
                    facts.setdefault(row.conversation_id, StatusFacts()).decisions.append(row.decision)
                for row in connection.execute(
                    sa.select(_HANDOFFS.c.conversation_id).where(_HANDOFFS.c.conversation_id.in_(chunk))
                ):
                    facts.setdefault(row.conversation_id, StatusFacts()).handoff_requests += 1
    except sa.exc.SQLAlchemyError as error:
        logger.warning("Status store not readable, using transcripts only (%s)", type(error).__name__)
        return {}
    return facts


def handoff_queue(url: str | None = None, handled: bool | None = False) -> list | None:
    """status_store Handoff records, or None when the status store is unavailable."""
    engine = status_engine(url)
    if engine is None:
        return None
    from status_store.errors import StatusStoreError
    from status_store.handoffs import list_handoffs

    try:
        return list_handoffs(handled, engine=engine)
    except (StatusStoreError, sa.exc.SQLAlchemyError) as error:
        logger.warning("Handoff queue not readable (%s)", type(error).__name__)
        return None

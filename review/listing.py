"""Choosing conversations by date, channel, outcome, fallbacks, confidence, words and tags.

Everything here reads the precomputed summaries in the review DB (review.indexer),
so a page costs a few indexed queries however many events the tracker holds.
`refresh` runs the indexer first; every entry point calls it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from review import outcomes as oc
from review.clock import riyadh_day_start, riyadh_time
from review.model import Conversation
from review.review_db import OUTCOME_ROWS, SUMMARIES, TAGS, review_engine
from review.textsearch import normalize_for_search

DEFAULT_LOW_CONFIDENCE = 0.6
PAGE_SIZE = 50


@dataclass(frozen=True)
class ConversationFilter:
    """Every field is optional; an empty filter keeps every conversation."""

    since: date | None = None  # first day included (Riyadh time)
    until: date | None = None  # last day included
    channel: str | None = None
    outcome: str | None = None  # one of outcomes.OUTCOMES, or "none"
    had_fallback: bool = False
    low_confidence: bool = False
    below: float = DEFAULT_LOW_CONFIDENCE
    search: str = ""
    tag: str = ""


@dataclass
class ConversationSummary:
    """One conversation as the list, report and exports see it (times in Riyadh)."""

    sender_id: str
    display_id: str
    channel: str
    started_at: datetime | None
    ended_at: datetime | None = None
    first_message: str = ""  # masked preview
    outcomes: set[str] = field(default_factory=set)
    had_fallback: bool = False
    lowest_confidence: float | None = None
    user_messages: int = 0
    turns_to_result: int | None = None
    intent_counts: dict[str, int] = field(default_factory=dict)
    faq_counts: dict[str, int] = field(default_factory=dict)


def refresh(tracker: Engine | None, review: Engine, status_url: str | None = None) -> None:
    """Fold new tracker events and status-store rows into the summaries (cheap when nothing is new)."""
    from review.indexer import index_tracker
    from review.status_index import index_status

    if tracker is not None:
        index_tracker(tracker, review)
    index_status(review, status_url)


def _has_outcome(name: str):
    return sa.exists().where(OUTCOME_ROWS.c.sender_id == SUMMARIES.c.sender_id, OUTCOME_ROWS.c.outcome == name)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def conditions(chosen: ConversationFilter) -> list[sa.sql.ClauseElement]:
    """The WHERE clauses on conversation_summaries for a filter."""
    where: list[sa.sql.ClauseElement] = []
    if chosen.since:
        where.append(SUMMARIES.c.started_at >= riyadh_day_start(chosen.since).timestamp())
    if chosen.until:
        where.append(SUMMARIES.c.started_at < riyadh_day_start(chosen.until + timedelta(days=1)).timestamp())
    if chosen.channel:
        where.append(SUMMARIES.c.channel == chosen.channel)
    if chosen.outcome == "none":
        where.append(~sa.exists().where(OUTCOME_ROWS.c.sender_id == SUMMARIES.c.sender_id))
    elif chosen.outcome:
        where.append(_has_outcome(chosen.outcome))
    if chosen.had_fallback:
        where.append(SUMMARIES.c.had_fallback.is_(True))
    if chosen.low_confidence:
        where.append(SUMMARIES.c.lowest_confidence < chosen.below)
    needle = normalize_for_search(chosen.search)
    if needle:
        where.append(SUMMARIES.c.search_text.like(f"%{_like_escape(needle)}%", escape="\\"))
    if chosen.tag:
        where.append(sa.exists().where(TAGS.c.conversation_id == SUMMARIES.c.sender_id, TAGS.c.tag == chosen.tag))
    return where


def _outcomes_for(connection, sender_ids: list[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for start in range(0, len(sender_ids), 500):
        for row in connection.execute(
            sa.select(OUTCOME_ROWS.c.sender_id, OUTCOME_ROWS.c.outcome).where(
                OUTCOME_ROWS.c.sender_id.in_(sender_ids[start : start + 500])
            )
        ):
            found.setdefault(row.sender_id, set()).add(row.outcome)
    return found


_LIST_COLUMNS = [c for c in SUMMARIES.c if c.name not in ("search_text", "offered_buttons")]


def _summaries(connection, query) -> list[ConversationSummary]:
    rows = connection.execute(query).all()
    outcomes = _outcomes_for(connection, [r.sender_id for r in rows])
    return [
        ConversationSummary(
            r.sender_id,
            r.display_id,
            r.channel,
            riyadh_time(r.started_at),
            riyadh_time(r.ended_at),
            r.first_message,
            outcomes.get(r.sender_id, set()),
            bool(r.had_fallback),
            r.lowest_confidence,
            r.user_messages,
            r.turns_to_result,
            json.loads(r.intent_counts),
            json.loads(r.faq_counts),
        )
        for r in rows
    ]


def count_conversations(review: Engine, chosen: ConversationFilter) -> int:
    query = sa.select(sa.func.count()).select_from(SUMMARIES).where(*conditions(chosen))
    with review.connect() as connection:
        return int(connection.execute(query).scalar() or 0)


def conversation_page(
    review: Engine, chosen: ConversationFilter, page: int = 1, size: int = PAGE_SIZE
) -> list[ConversationSummary]:
    """One page (1-based) of the matching conversations, newest first."""
    query = (
        sa.select(*_LIST_COLUMNS)
        .where(*conditions(chosen))
        .order_by(SUMMARIES.c.started_at.desc(), SUMMARIES.c.sender_id.desc())
        .limit(size)
        .offset((max(page, 1) - 1) * size)
    )
    with review.connect() as connection:
        return _summaries(connection, query)


def find_conversations(
    tracker: Engine | None, chosen: ConversationFilter, status_url: str | None = None, review: Engine | None = None
) -> list[ConversationSummary]:
    """Every conversation that passes the filter, oldest first (after indexing new events)."""
    review = review or review_engine()
    refresh(tracker, review, status_url)
    query = sa.select(*_LIST_COLUMNS).where(*conditions(chosen)).order_by(SUMMARIES.c.started_at, SUMMARIES.c.sender_id)
    with review.connect() as connection:
        return _summaries(connection, query)


def summarize(conversation: Conversation, status: oc.StatusFacts | None = None) -> ConversationSummary:
    """A summary built straight from one conversation's events (the transcript page and `show`)."""
    user = oc.user_turns(conversation)
    first = next((t.shown_text for t in user), "")
    return ConversationSummary(
        conversation.sender_id,
        conversation.display_id,
        oc.channel(conversation),
        conversation.started_at,
        conversation.ended_at,
        first,
        oc.outcomes(conversation, status),
        oc.had_fallback(conversation),
        oc.lowest_confidence(conversation),
        len(user),
        oc.turns_to_eligibility_result(conversation),
    )

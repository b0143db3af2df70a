"""Keeping the review DB's conversation summaries up to date, reading only new events.

Pages and reports read `conversation_summaries` and `conversation_outcomes`
(review.review_db), never the tracker store's whole `events` table. The indexer
remembers the last event id it folded in (`index_state`), reads the events after
it in batches, and folds each into its conversation's summary. When nothing is
new it costs one `max(id)` query per source, so it runs on every page load and
from `python -m review index`.

Outcomes recorded by the status store (eligibility decisions, handoff requests)
are indexed the same way, from those tables' ids. If the review DB is pointed
at a different tracker or status database (or the tracker's ids went back), the
summaries of that source are rebuilt from scratch.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from arabic_text.pii import mask_pii
from review import outcomes as oc
from review.model import StoredEvent
from review.queries import EVENTS
from review.review_db import INDEX_STATE, OUTCOME_ROWS, SUMMARIES
from review.textsearch import normalize_for_search

BATCH = 5000
PREVIEW_CHARS = 160
TRACKER_SOURCE = "tracker"
_locks: dict[int, threading.Lock] = {}
_locks_guard = threading.Lock()


class LostRace(Exception):
    """Another process indexed the same events first; this batch is dropped."""


@dataclass
class SummaryState:
    """A conversation's summary while events are folded into it (one row of conversation_summaries)."""

    sender_id: str
    started_at: float = float("inf")
    ended_at: float = 0.0
    channel: str = "unknown"
    first_message: str = ""
    had_fallback: bool = False
    lowest_confidence: float | None = None
    user_messages: int = 0
    turns_to_result: int | None = None
    intent_counts: Counter = field(default_factory=Counter)
    faq_counts: Counter = field(default_factory=Counter)
    search_parts: list[str] = field(default_factory=list)
    offered: list[tuple[str, str]] = field(default_factory=list)  # buttons awaiting a press
    outcomes: set[str] = field(default_factory=set)
    last_event_id: int = 0

    def add(self, event: StoredEvent) -> None:
        """Fold one event in (events arrive in id order)."""
        self.started_at = min(self.started_at, event.timestamp)
        self.ended_at = max(self.ended_at, event.timestamp)
        self.last_event_id = max(self.last_event_id, event.row_id)
        self.outcomes |= oc.event_outcomes(event)
        self.had_fallback = self.had_fallback or oc.event_is_fallback(event)
        if event.type_name == "user":
            self._add_user(event)
        elif event.type_name == "bot":
            turn = oc.bot_turn(event)
            self.offered.extend(turn.buttons)
            self._add_text(turn.text)
            if self.turns_to_result is None and turn.payload and "eligibility_result" in turn.payload:
                self.turns_to_result = self.user_messages

    def _add_user(self, event: StoredEvent) -> None:
        turn = oc.user_turn(event, self.offered)
        self.offered = []
        self.user_messages += 1
        if self.channel == "unknown":
            self.channel = oc.event_channel(event) or "unknown"
        if turn.intent:
            self.intent_counts[turn.intent] += 1
        if turn.faq_key:
            self.faq_counts[turn.faq_key] += 1
        if turn.confidence is not None:
            low = self.lowest_confidence
            self.lowest_confidence = turn.confidence if low is None else min(low, turn.confidence)
        if not self.first_message:
            self.first_message = _preview(turn.shown_text)
        self._add_text(turn.shown_text)

    def _add_text(self, text: str) -> None:
        if text:
            self.search_parts.append(_search_form(text))

    def row(self) -> dict[str, object]:
        return {
            "sender_id": self.sender_id,
            "display_id": mask_pii(self.sender_id),
            "channel": self.channel,
            "started_at": self.started_at if self.started_at != float("inf") else 0.0,
            "ended_at": self.ended_at,
            "first_message": self.first_message,
            "had_fallback": self.had_fallback,
            "lowest_confidence": self.lowest_confidence,
            "user_messages": self.user_messages,
            "turns_to_result": self.turns_to_result,
            "intent_counts": json.dumps(dict(self.intent_counts), ensure_ascii=False),
            "faq_counts": json.dumps(dict(self.faq_counts), ensure_ascii=False),
            "search_text": "\n".join(self.search_parts),
            "last_event_id": self.last_event_id,
            "offered_buttons": json.dumps(self.offered, ensure_ascii=False),
        }

    @classmethod
    def from_row(cls, row, outcomes: set[str]) -> SummaryState:
        return cls(
            row.sender_id,
            row.started_at,
            row.ended_at,
            row.channel,
            row.first_message,
            bool(row.had_fallback),
            row.lowest_confidence,
            row.user_messages,
            row.turns_to_result,
            Counter(json.loads(row.intent_counts)),
            Counter(json.loads(row.faq_counts)),
            row.search_text.split("\n") if row.search_text else [],
            [tuple(b) for b in json.loads(row.offered_buttons or "[]")],
            set(outcomes),
            row.last_event_id,
        )


@lru_cache(maxsize=8192)
def _search_form(text: str) -> str:
    """Masked, normalised text for search; cached because bot answers repeat word for word."""
    return normalize_for_search(mask_pii(text))


def _preview(text: str) -> str:
    """The masked first message, on one line, shortened for the list."""
    one_line = " ".join(mask_pii(text).split())
    return one_line if len(one_line) <= PREVIEW_CHARS else one_line[: PREVIEW_CHARS - 1] + "…"


def source_key(engine: Engine | None) -> str:
    """Which database a source is (a hash of its URL without the password)."""
    text = engine.url.render_as_string(hide_password=True) if engine is not None else "none"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def lock_for(review: Engine) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(id(review), threading.Lock())


def read_state(connection: Connection, source: str) -> sa.engine.Row | None:
    return connection.execute(sa.select(INDEX_STATE).where(INDEX_STATE.c.source == source)).first()


def claim(connection: Connection, source: str, key: str, old: int, new: int) -> None:
    """Move the source's mark from old to new; another process that got there first wins."""
    moved = connection.execute(
        INDEX_STATE.update()
        .where(
            INDEX_STATE.c.source == source,
            INDEX_STATE.c.source_key == key,
            INDEX_STATE.c.last_id == old,
        )
        .values(last_id=new)
    )
    if moved.rowcount != 1:
        raise LostRace()


def reset_source(connection: Connection, source: str, key: str, clear: Iterable[sa.sql.Delete]) -> None:
    """Forget what was indexed from a source and start it again at id 0 under `key`."""
    for statement in clear:
        connection.execute(statement)
    connection.execute(INDEX_STATE.delete().where(INDEX_STATE.c.source == source))
    connection.execute(INDEX_STATE.insert().values(source=source, source_key=key, last_id=0))


def _tracker_mark(review: Engine, tracker: Engine, newest: int) -> int:
    """The last event id already folded in, after a reset when the tracker changed."""
    key = source_key(tracker)
    with review.begin() as connection:
        state = read_state(connection, TRACKER_SOURCE)
        if state is not None and state.source_key == key and state.last_id <= newest:
            return state.last_id
        reset_source(
            connection,
            TRACKER_SOURCE,
            key,
            [SUMMARIES.delete(), OUTCOME_ROWS.delete().where(OUTCOME_ROWS.c.source == "events")],
        )
        return 0


def _newest_event_id(tracker: Engine) -> int | None:
    try:
        with tracker.connect() as connection:
            return connection.execute(sa.select(sa.func.max(EVENTS.c.id))).scalar()
    except sa.exc.OperationalError:  # no events table yet: the bot has not stored anything
        return None


def _decode(row) -> StoredEvent:
    try:
        data = json.loads(row.data or "{}")
    except ValueError:
        data = {}
    return StoredEvent(int(row.id), row.type_name or "", float(row.timestamp or 0.0), data)


def _fold_batch(review: Engine, rows: list, old_mark: int, key: str) -> None:
    by_sender: dict[str, list[StoredEvent]] = {}
    for row in rows:
        by_sender.setdefault(row.sender_id, []).append(_decode(row))
    senders = list(by_sender)
    with review.begin() as connection:
        claim(connection, TRACKER_SOURCE, key, old_mark, int(rows[-1].id))
        known: dict[str, set[str]] = {}
        for start in range(0, len(senders), 500):
            chunk = senders[start : start + 500]
            for row in connection.execute(
                sa.select(OUTCOME_ROWS.c.sender_id, OUTCOME_ROWS.c.outcome).where(
                    OUTCOME_ROWS.c.sender_id.in_(chunk), OUTCOME_ROWS.c.source == "events"
                )
            ):
                known.setdefault(row.sender_id, set()).add(row.outcome)
            existing = {
                row.sender_id: SummaryState.from_row(row, known.get(row.sender_id, set()))
                for row in connection.execute(sa.select(SUMMARIES).where(SUMMARIES.c.sender_id.in_(chunk)))
            }
            connection.execute(SUMMARIES.delete().where(SUMMARIES.c.sender_id.in_(list(existing))))
            states = []
            for sender in chunk:
                state = existing.get(sender) or SummaryState(sender)
                for event in by_sender[sender]:
                    state.add(event)
                states.append(state)
            connection.execute(SUMMARIES.insert(), [s.row() for s in states])
            new_outcomes = [
                {"sender_id": s.sender_id, "outcome": o, "source": "events"}
                for s in states
                for o in s.outcomes - known.get(s.sender_id, set())
            ]
            if new_outcomes:
                connection.execute(OUTCOME_ROWS.insert(), new_outcomes)


def index_tracker(tracker: Engine, review: Engine, batch: int = BATCH) -> int:
    """Fold every event stored since the last run into the summaries; returns the events read."""
    newest = _newest_event_id(tracker)
    if newest is None:
        return 0
    read = 0
    with lock_for(review):
        mark = _tracker_mark(review, tracker, newest)
        key = source_key(tracker)
        while mark < newest:
            with tracker.connect() as connection:
                rows = connection.execute(
                    sa.select(EVENTS).where(EVENTS.c.id > mark).order_by(EVENTS.c.id).limit(batch)
                ).all()
            if not rows:
                break
            try:
                _fold_batch(review, rows, mark, key)
            except LostRace:
                break
            mark, read = int(rows[-1].id), read + len(rows)
    return read

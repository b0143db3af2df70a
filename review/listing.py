"""Choosing conversations by date, channel, outcome, fallbacks, confidence and words."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import List, Optional, Set

from sqlalchemy.engine import Engine

from review import outcomes as oc
from review.model import Conversation
from review.queries import load_all
from review.settings import RIYADH
from review.status_link import status_facts
from review.textsearch import matches

DEFAULT_LOW_CONFIDENCE = 0.6


@dataclass(frozen=True)
class ConversationFilter:
    """Every field is optional; an empty filter keeps every conversation."""

    since: Optional[date] = None  # first day included (Riyadh time)
    until: Optional[date] = None  # last day included
    channel: Optional[str] = None
    outcome: Optional[str] = None  # one of outcomes.OUTCOMES, or "none"
    had_fallback: bool = False
    low_confidence: bool = False
    below: float = DEFAULT_LOW_CONFIDENCE
    search: str = ""


@dataclass
class ConversationSummary:
    conversation: Conversation
    channel: str
    outcomes: Set[str] = field(default_factory=set)
    had_fallback: bool = False
    lowest_confidence: Optional[float] = None
    user_messages: int = 0

    @property
    def sender_id(self) -> str:
        return self.conversation.sender_id

    @property
    def started_at(self) -> Optional[datetime]:
        return self.conversation.started_at


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=RIYADH)


def summarize(conversation: Conversation, status: Optional[oc.StatusFacts] = None) -> ConversationSummary:
    return ConversationSummary(
        conversation,
        oc.channel(conversation),
        oc.outcomes(conversation, status),
        oc.had_fallback(conversation),
        oc.lowest_confidence(conversation),
        len(oc.user_turns(conversation)),
    )


def _keep(summary: ConversationSummary, chosen: ConversationFilter) -> bool:
    if chosen.channel and summary.channel != chosen.channel:
        return False
    if chosen.outcome == "none" and summary.outcomes:
        return False
    if chosen.outcome and chosen.outcome != "none" and chosen.outcome not in summary.outcomes:
        return False
    if chosen.had_fallback and not summary.had_fallback:
        return False
    if chosen.low_confidence and not oc.has_low_confidence(summary.conversation, chosen.below):
        return False
    if chosen.search:
        texts = [turn.text for turn in oc.turns(summary.conversation)]
        return matches(chosen.search, texts)
    return True


def find_conversations(
    tracker: Engine, chosen: ConversationFilter, status_url: Optional[str] = None
) -> List[ConversationSummary]:
    """Conversations that pass every filter, oldest first."""
    since = _day_start(chosen.since) if chosen.since else None
    until = _day_start(chosen.until + timedelta(days=1)) if chosen.until else None
    conversations = load_all(tracker, since, until)
    facts = status_facts([c.sender_id for c in conversations], status_url)
    summaries = [summarize(c, facts.get(c.sender_id)) for c in conversations]
    return [s for s in summaries if _keep(s, chosen)]

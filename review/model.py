"""What the review tool reads from the tracker store: conversations, events and turns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from arabic_text.pii import mask_pii
from review.clock import riyadh_time


@dataclass(frozen=True)
class StoredEvent:
    """One row of Rasa's `events` table, its JSON already decoded (and masked)."""

    row_id: int
    type_name: str
    timestamp: float
    data: dict[str, Any]


@dataclass(frozen=True)
class Turn:
    """A message in the transcript: what the user said or what the bot answered."""

    row_id: int
    speaker: str  # "user" | "bot"
    timestamp: float
    text: str
    intent: str | None = None
    confidence: float | None = None
    faq_key: str | None = None  # only when the intent was faq (see outcomes.faq_key)
    payload: dict[str, Any] | None = None
    # Bot turns: the buttons offered, as (title, payload) pairs.
    buttons: tuple[tuple[str, str], ...] = ()
    # User turns: the title of the button pressed (text is then its payload, e.g. "/affirm").
    button_title: str | None = None

    @property
    def time(self) -> datetime:
        return local_time(self.timestamp)

    @property
    def understood_intent(self) -> str | None:
        """What the bot understood: the faq sub-intent for faq messages, else the intent."""
        return self.faq_key or self.intent

    @property
    def shown_text(self) -> str:
        """What staff read: a pressed button's Arabic title rather than its payload."""
        return self.button_title or self.text


@dataclass
class Conversation:
    sender_id: str
    events: list[StoredEvent] = field(default_factory=list)

    @property
    def display_id(self) -> str:
        # Stores written before masking existed may use a phone number as the id.
        return mask_pii(self.sender_id)

    @property
    def started_at(self) -> datetime | None:
        # The earliest timestamp, not the first row: SessionStarted is stamped before the action that wrote it.
        return local_time(min(e.timestamp for e in self.events)) if self.events else None

    @property
    def ended_at(self) -> datetime | None:
        return local_time(max(e.timestamp for e in self.events)) if self.events else None


def local_time(timestamp: float) -> datetime:
    """Event timestamps are epoch seconds; staff read them in Riyadh time."""
    return riyadh_time(timestamp or 0.0)

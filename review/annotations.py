"""Staff annotations on conversations: tags, notes and intent corrections."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from arabic_text.pii import mask_pii
from review.clock import riyadh_time
from review.intents import is_known_intent
from review.review_db import CORRECTIONS, NOTES, TAGS
from review.texts import ANNOTATION_ERRORS

MAX_TAG = 64
MAX_NOTE = 4000
_SPACES = re.compile(r"\s+")


class AnnotationError(ValueError):
    """Refused input; the message is shown to staff."""


@dataclass(frozen=True)
class Note:
    text: str
    staff: str
    created_at: float  # epoch seconds

    @property
    def time(self) -> datetime:
        """When the note was written, in Riyadh time."""
        return riyadh_time(self.created_at)


@dataclass(frozen=True)
class Correction:
    conversation_id: str
    event_id: int
    text: str
    intent: str
    staff: str


def add_tag(engine: Engine, conversation_id: str, tag: str, staff: str) -> None:
    clean = _SPACES.sub(" ", mask_pii(tag or "")).strip()
    if not clean or len(clean) > MAX_TAG:
        raise AnnotationError(ANNOTATION_ERRORS["tag"].format(max_chars=MAX_TAG))
    with engine.begin() as connection:
        exists = connection.execute(
            sa.select(TAGS.c.id).where(TAGS.c.conversation_id == conversation_id, TAGS.c.tag == clean)
        ).first()
        if not exists:
            connection.execute(
                TAGS.insert().values(conversation_id=conversation_id, tag=clean, staff=staff, created_at=time.time())
            )


def tags_for(engine: Engine, conversation_ids: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    with engine.connect() as connection:
        for start in range(0, len(conversation_ids), 500):
            rows = connection.execute(
                sa.select(TAGS.c.conversation_id, TAGS.c.tag)
                .where(TAGS.c.conversation_id.in_(conversation_ids[start : start + 500]))
                .order_by(TAGS.c.id)
            )
            for row in rows:
                found.setdefault(row.conversation_id, []).append(row.tag)
    return found


def add_note(engine: Engine, conversation_id: str, text: str, staff: str) -> None:
    # Staff may paste a caller's number into a note; it is masked like the transcripts.
    clean = mask_pii((text or "").strip())
    if not clean or len(clean) > MAX_NOTE:
        raise AnnotationError(ANNOTATION_ERRORS["note"].format(max_chars=MAX_NOTE))
    with engine.begin() as connection:
        connection.execute(
            NOTES.insert().values(conversation_id=conversation_id, text=clean, staff=staff, created_at=time.time())
        )


def notes_for(engine: Engine, conversation_id: str) -> list[Note]:
    return notes_for_many(engine, [conversation_id]).get(conversation_id, [])


def notes_for_many(engine: Engine, conversation_ids: list[str]) -> dict[str, list[Note]]:
    """Notes per conversation id, oldest first."""
    found: dict[str, list[Note]] = {}
    with engine.connect() as connection:
        for start in range(0, len(conversation_ids), 500):
            rows = connection.execute(
                sa.select(NOTES)
                .where(NOTES.c.conversation_id.in_(conversation_ids[start : start + 500]))
                .order_by(NOTES.c.id)
            )
            for r in rows:
                found.setdefault(r.conversation_id, []).append(Note(r.text, r.staff, r.created_at))
    return found


def mark_intent(engine: Engine, conversation_id: str, event_id: int, text: str, intent: str, staff: str) -> None:
    """Record the intent a user message should have had (a later mark replaces an earlier one)."""
    if not is_known_intent(intent):
        raise AnnotationError(ANNOTATION_ERRORS["intent"])
    clean = _SPACES.sub(" ", mask_pii(text or "")).strip()
    if not clean:
        raise AnnotationError(ANNOTATION_ERRORS["empty_message"])
    with engine.begin() as connection:
        connection.execute(
            CORRECTIONS.delete().where(
                CORRECTIONS.c.conversation_id == conversation_id, CORRECTIONS.c.event_id == event_id
            )
        )
        connection.execute(
            CORRECTIONS.insert().values(
                conversation_id=conversation_id,
                event_id=event_id,
                text=clean,
                intent=intent,
                staff=staff,
                created_at=time.time(),
            )
        )


def corrections(engine: Engine, conversation_id: str = "") -> list[Correction]:
    query = sa.select(CORRECTIONS).order_by(CORRECTIONS.c.intent, CORRECTIONS.c.id)
    if conversation_id:
        query = query.where(CORRECTIONS.c.conversation_id == conversation_id)
    with engine.connect() as connection:
        return [Correction(r.conversation_id, r.event_id, r.text, r.intent, r.staff) for r in connection.execute(query)]

"""Rasa's SQL tracker store, with personal data masked before anything is written.

endpoints.yml:

    tracker_store:
      type: rasa_extensions.masking_tracker_store.MaskingSQLTrackerStore
      dialect: sqlite          # the same keys as Rasa's `type: sql` store ...
      db: var/tracker.db
      # ... or one SQLAlchemy URL:  url: postgresql://user:pass@host/db

What is masked (see arabic_text.pii and rasa_extensions.event_masking): national
IDs, Saudi mobiles, Saudi IBANs and e-mails in every string of every event (user
text, parse_data, entities, slot values, bot text and data, metadata), and every
digit of the status lookup's answers (the slots in arabic_text.pii.SENSITIVE_SLOTS
and the user messages answering them); the same in events sent to an event broker. The conversation id is
stored pseudonymised when it is itself a phone number (WhatsApp), with the same
keyed hash the status store uses, so staff tools can join the two.

A public extension point (a class named in endpoints.yml): it overrides only the
public methods of SQLTrackerStore (`retrieve`, `retrieve_full_tracker`, `save`,
`keys`, `stream_events`) and uses its public `SQLEvent` table and `session_scope`.
Importing it patches nothing; the PII log masking and the action-server guard are
installed by `rasa_extensions.install` at start-up, whatever tracker store is named.
Checked against Rasa 3.6.21.

Why masking slot values is safe: Rasa reloads the tracker from this store on every
message, so a slot must never rely on holding a raw ID or date across turns. The
status form keeps only keyed hashes / non-revealing values in the slots it reads
back. The sensitive slots are stored masked ("****-**-**"), with their real value
sealed beside it (rasa_extensions.sealed_slots) and opened only when Rasa rebuilds
the tracker in memory, so a form still reads its birth date on the next turn.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, TrackerEventDiffEngine
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker

from arabic_text.pii import mask_pii_in
from rasa_extensions.event_masking import masked_events
from rasa_extensions.sealed_slots import seal, unseal_event

__all__ = ["MaskingSQLTrackerStore", "masked_event_data", "stored_sender_id"]

logger = logging.getLogger(__name__)


def stored_sender_id(sender_id: str) -> str:
    """The conversation id as written to the database (a keyed hash for phone numbers)."""
    from status_store.crypto import pseudonymous_conversation_id

    return pseudonymous_conversation_id(sender_id)


def masked_event_data(event: Event) -> dict[str, Any]:
    """The event's dict with every national ID and phone number masked."""
    return mask_pii_in(event.as_dict())


class MaskingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that never writes personal data in clear text."""

    def __init__(
        self,
        domain: Domain | None = None,
        dialect: str = "sqlite",
        host: str | None = None,
        port: int | None = None,
        db: str = "rasa.db",
        username: str | None = None,
        password: str | None = None,
        event_broker: EventBroker | None = None,
        login_db: str | None = None,
        query: dict | None = None,
        url: str | None = None,
        **kwargs: dict[str, Any],
    ) -> None:
        # Rasa treats a host containing "://" as a complete URL; `url` is a clearer name.
        if url and not host:
            host = url
        super().__init__(
            domain=domain,
            dialect=dialect,
            host=host,
            port=port,
            db=db,
            username=username,
            password=password,
            event_broker=event_broker,
            login_db=login_db,
            query=query,
            **kwargs,
        )

    def _events_query(self, session: Any, stored_id: str, all_sessions: bool) -> Any:
        """The stored events of one conversation (stored id), in order; as Rasa 3.6 selects them.

        Same selection as SQLTrackerStore's own query: ordered by row id (timestamps are
        not unique), and, unless `all_sessions`, only from the latest SessionStarted on.
        """
        table = self.SQLEvent
        query = session.query(table).filter(table.sender_id == stored_id)
        if not all_sessions:
            session_start = (
                session.query(sa.func.max(table.timestamp).label("session_start"))
                .filter(table.sender_id == stored_id, table.type_name == SessionStarted.type_name)
                .subquery()
            )
            query = query.filter(
                sa.or_(
                    table.timestamp >= session_start.c.session_start,
                    session_start.c.session_start.is_(None),
                )
            )
        return query.order_by(table.id)

    async def _load(self, sender_id: str, all_sessions: bool) -> DialogueStateTracker | None:
        """The tracker, with sealed slot values opened for this process's memory only."""
        with self.session_scope() as session:
            rows = self._events_query(session, stored_sender_id(sender_id), all_sessions).all()
            events = [unseal_event(json.loads(row.data)) for row in rows]
        if self.domain and events:
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        return None

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The tracker of the latest conversation session (None when there is none)."""
        return await self._load(sender_id, all_sessions=False)

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        """The tracker with the events of every session."""
        return await self._load(conversation_id, all_sessions=True)

    async def keys(self) -> Iterable[str]:
        """The conversation ids as stored (phone numbers are keyed hashes there)."""
        with self.session_scope() as session:
            return [sender for (sender,) in session.query(self.SQLEvent.sender_id).distinct().all()]

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Write the tracker's new events, masked. Mirrors SQLTrackerStore.save."""
        await self.stream_events(tracker)
        sender_id = stored_sender_id(tracker.sender_id)
        events = list(tracker.events)

        with self.session_scope() as session:
            # The same count SQLTrackerStore._additional_events skips: events already stored.
            first_new = self._events_query(session, sender_id, all_sessions=False).count()
            for event, data in zip(events[first_new:], masked_events(events, first_new, seal=seal), strict=False):
                parse_data = data.get("parse_data") or {}
                session.add(
                    self.SQLEvent(
                        sender_id=sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=(parse_data.get("intent") or {}).get("name"),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.commit()

        logger.debug("Tracker with sender_id '%s' stored to database", sender_id)

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        """Events leave the process masked too: a broker is another kind of storage."""
        if self.event_broker is None:
            return None
        old_tracker = await self.retrieve(tracker.sender_id)
        new_events = TrackerEventDiffEngine.event_difference(old_tracker, tracker)
        events = list(tracker.events)
        first_new = len(events) - len(new_events)  # the difference is the tracker's tail
        for data in masked_events(events, first_new):
            body: dict[str, Any] = {"sender_id": stored_sender_id(tracker.sender_id)}
            body.update(data)
            self.event_broker.publish(body)

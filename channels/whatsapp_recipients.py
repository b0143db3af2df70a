"""Reaching a WhatsApp user again (a staff reply) without keeping their number in clear.

Rasa's conversation id for a WhatsApp user is a keyed hash of the number, which cannot
be turned back into it. To answer later, outside the webhook that brought the user's
message, the channel keeps the number *sealed* (Fernet: AES-128-CBC + HMAC-SHA256),
keyed by the conversation id, and only for Meta's customer-service window: a business
may send free-form messages for 24 hours after the user's last message, so a number
is useless, and is deleted, 24 hours after the user last wrote. Each incoming message
renews it.

Key: derived from ``NATIONAL_ID_HMAC_KEY`` (the one pseudonym secret, already needed to
make the conversation id) with its own label, so a copy of the SQLite file alone
reveals no number. The table lives in the channel's SQLite file (WHATSAPP_DEDUP_DB),
which Rasa replicas on one host share; replicas on several hosts would need a shared
store, as the de-duplication does.
"""

from __future__ import annotations

import base64
import hashlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

CUSTOMER_SERVICE_WINDOW_SECONDS = 24 * 3600
_KEY_LABEL = b"whatsapp-recipient/v1:"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS recipients (
    conversation_id TEXT PRIMARY KEY,
    sealed_number TEXT NOT NULL,
    last_inbound_at REAL NOT NULL
)
"""


def _fernet(secret: str) -> Fernet:
    if not secret:
        raise ValueError("a secret key is needed to seal phone numbers")
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(_KEY_LABEL + secret.encode("utf-8")).digest()))


class RecipientBook:
    """Sealed numbers by conversation id, each kept for the 24-hour window after the user's last message."""

    def __init__(
        self,
        db_path: str,
        secret: str,
        window_seconds: float = CUSTOMER_SERVICE_WINDOW_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._db_path, self._fernet, self._window, self._clock = db_path, _fernet(secret), window_seconds, clock
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self._db_path, timeout=10.0)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            with conn:
                yield conn
        finally:
            conn.close()

    def remember(self, conversation_id: str, number: str) -> None:
        """Keep `number` (sealed) for `conversation_id`, renewing its 24-hour window."""
        now = self._clock()
        sealed = self._fernet.encrypt(number.encode("utf-8")).decode("ascii")
        with self._connect() as conn:
            conn.execute("DELETE FROM recipients WHERE last_inbound_at < ?", (now - self._window,))
            conn.execute(
                "INSERT INTO recipients (conversation_id, sealed_number, last_inbound_at) VALUES (?, ?, ?) "
                "ON CONFLICT(conversation_id) DO UPDATE SET sealed_number = excluded.sealed_number, "
                "last_inbound_at = excluded.last_inbound_at",
                (conversation_id, sealed, now),
            )

    def number_for(self, conversation_id: str) -> str | None:
        """The number to write to, or None when unknown, past the window, or sealed with another key."""
        with self._connect() as conn:
            row = conn.execute(
                "SELECT sealed_number FROM recipients WHERE conversation_id = ? AND last_inbound_at >= ?",
                (conversation_id, self._clock() - self._window),
            ).fetchone()
        if row is None:
            return None
        try:
            return self._fernet.decrypt(row[0].encode("ascii")).decode("utf-8")
        except InvalidToken:
            return None

    def forget(self, conversation_id: str) -> None:
        with self._connect() as conn:
            conn.execute("DELETE FROM recipients WHERE conversation_id = ?", (conversation_id,))

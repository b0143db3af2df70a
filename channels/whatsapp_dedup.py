"""Remember which WhatsApp message ids were already handled, across restarts.

Meta redelivers a webhook when our answer is slow or lost, so the same message can
arrive twice, possibly at the same time. Claiming an id is one INSERT OR IGNORE:
SQLite makes it atomic, so exactly one delivery wins even between processes that
share the file. The id itself embeds the sender's phone number (a wamid is base64
of it), so only a keyed hash of the id is stored.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from arabic_text.pseudonyms import pseudonym

RETENTION_SECONDS = 7 * 24 * 3600
# Pruning on every claim would add a write per message; once in a while is enough.
_PRUNE_EVERY_SECONDS = 3600

_SCHEMA = """
CREATE TABLE IF NOT EXISTS handled_messages (
    message_key TEXT PRIMARY KEY,
    created_at REAL NOT NULL
)
"""


class MessageDeduplicator:
    def __init__(
        self,
        db_path: str,
        key: str,
        retention_seconds: float = RETENTION_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._db_path = db_path
        self._key = key
        self._retention = retention_seconds
        self._clock = clock
        self._last_prune: float | None = None
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute(_SCHEMA)
        self.prune()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # One short-lived connection per call: safe across threads and processes,
        # and the busy timeout waits out a concurrent writer instead of failing.
        conn = sqlite3.connect(self._db_path, timeout=10.0)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            with conn:  # commits, or rolls back on error
                yield conn
        finally:
            conn.close()

    def _message_key(self, message_id: str) -> str:
        return pseudonym(message_id, "wamsg", self._key)

    def claim(self, message_id: str) -> bool:
        """True if this call is the first to see `message_id`; False for a repeat."""
        now = self._clock()
        if self._last_prune is None or now - self._last_prune > _PRUNE_EVERY_SECONDS:
            self.prune()
        with self._connect() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO handled_messages (message_key, created_at) VALUES (?, ?)",
                (self._message_key(message_id), now),
            )
            return cursor.rowcount == 1

    def release(self, message_id: str) -> None:
        """Forget a claim, so that Meta's next retry of this message is processed."""
        with self._connect() as conn:
            conn.execute("DELETE FROM handled_messages WHERE message_key = ?", (self._message_key(message_id),))

    def prune(self) -> int:
        """Delete claims older than the retention period; returns how many went."""
        now = self._clock()
        self._last_prune = now
        with self._connect() as conn:
            cursor = conn.execute("DELETE FROM handled_messages WHERE created_at < ?", (now - self._retention,))
            return cursor.rowcount

    def count(self) -> int:
        with self._connect() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM handled_messages").fetchone()[0])

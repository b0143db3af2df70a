"""Counting failed sign-ins so that password guessing is slowed down.

Failures live in the review DB (table signin_failures), so the count holds
across every process serving the app and across restarts. Keys (a user name, a
client address) are stored only as SHA-256 hashes, since addresses are personal data.
"""
from __future__ import annotations

import hashlib
import time
from typing import Callable, Iterable, List

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from review.review_db import SIGNIN_FAILURES


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class FailureLimiter:
    """At most `limit` failures per key within `window` seconds; keys are user names and IPs."""

    def __init__(self, engine: Engine, limit: int = 5, window: float = 15 * 60,
                 clock: Callable[[], float] = time.time) -> None:
        self.engine, self.limit, self.window, self.clock = engine, limit, window, clock

    def _hashes(self, keys: Iterable[str]) -> List[str]:
        return [_hash(key) for key in keys]

    def blocked(self, keys: Iterable[str]) -> bool:
        """True when any key has `limit` or more failures inside the window ending now."""
        since = self.clock() - self.window
        query = (sa.select(SIGNIN_FAILURES.c.key_hash, sa.func.count())
                 .where(SIGNIN_FAILURES.c.key_hash.in_(self._hashes(keys)), SIGNIN_FAILURES.c.failed_at > since)
                 .group_by(SIGNIN_FAILURES.c.key_hash))
        with self.engine.connect() as connection:
            return any(count >= self.limit for _, count in connection.execute(query))

    def record_failure(self, keys: Iterable[str]) -> None:
        now = self.clock()
        with self.engine.begin() as connection:
            # Old failures no longer count; dropping them keeps the table small.
            connection.execute(SIGNIN_FAILURES.delete().where(SIGNIN_FAILURES.c.failed_at <= now - self.window))
            connection.execute(SIGNIN_FAILURES.insert(),
                               [{"key_hash": key, "failed_at": now} for key in self._hashes(keys)])

    def reset(self, key: str) -> None:
        """Forget a key's failures (after a successful sign-in)."""
        with self.engine.begin() as connection:
            connection.execute(SIGNIN_FAILURES.delete().where(SIGNIN_FAILURES.c.key_hash == _hash(key)))

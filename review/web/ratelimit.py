"""Counting failed sign-ins so that password guessing is slowed down.

Failures live in the review DB (table signin_failures), so the count holds
across every process serving the app and across restarts. Keys (a user name, a
client address) are stored only as SHA-256 hashes, since addresses are personal data.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from review.review_db import SIGNIN_FAILURES


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class FailureLimiter:
    """At most `limit` failures per key within `window` seconds; keys are user names and IPs."""

    def __init__(
        self, engine: Engine, limit: int = 5, window: float = 15 * 60, clock: Callable[[], float] = time.time
    ) -> None:
        self.engine, self.limit, self.window, self.clock = engine, limit, window, clock

    def _hashes(self, keys: Iterable[str]) -> list[str]:
        return [_hash(key) for key in keys]

    def blocked(self, keys: Iterable[str]) -> bool:
        """True when any key has `limit` or more failures inside the window ending now."""
        since = self.clock() - self.window
        query = (
            sa.select(SIGNIN_FAILURES.c.key_hash, sa.func.count())
            .where(SIGNIN_FAILURES.c.key_hash.in_(self._hashes(keys)), SIGNIN_FAILURES.c.failed_at > since)
            .group_by(SIGNIN_FAILURES.c.key_hash)
        )
        with self.engine.connect() as connection:
            return any(count >= self.limit for _, count in connection.execute(query))

    def record_failure(self, keys: Iterable[str]) -> None:
        now = self.clock()
        with self.engine.begin() as connection:
            # Old failures no longer count; dropping them keeps the table small.
            connection.execute(SIGNIN_FAILURES.delete().where(SIGNIN_FAILURES.c.failed_at <= now - self.window))
            connection.execute(
                SIGNIN_FAILURES.insert(), [{"key_hash": key, "failed_at": now} for key in self._hashes(keys)]
            )

    def reset(self, key: str) -> None:
        """Forget a key's failures (after a successful sign-in)."""
        with self.engine.begin() as connection:
            connection.execute(SIGNIN_FAILURES.delete().where(SIGNIN_FAILURES.c.key_hash == _hash(key)))


class ActionLimiter:
    """At most `limit` inbox actions (POSTs) per key within `window` seconds; the key is a staff account.

    Counted in the review DB (table staff_actions), so the limit holds across processes.
    A stolen session, or a stuck script, cannot flood applicants with messages.
    """

    def __init__(
        self, engine: Engine, limit: int = 60, window: float = 60.0, clock: Callable[[], float] = time.time
    ) -> None:
        self.engine, self.limit, self.window, self.clock = engine, limit, window, clock

    def allow(self, key: str) -> bool:
        """Count one action for `key`; False (and not counted) when the limit is already reached."""
        from review.review_db import STAFF_ACTIONS

        now, key_hash = self.clock(), _hash(key)
        with self.engine.begin() as connection:
            connection.execute(STAFF_ACTIONS.delete().where(STAFF_ACTIONS.c.acted_at <= now - self.window))
            count = connection.execute(
                sa.select(sa.func.count())
                .select_from(STAFF_ACTIONS)
                .where(STAFF_ACTIONS.c.key_hash == key_hash, STAFF_ACTIONS.c.acted_at > now - self.window)
            ).scalar_one()
            if count >= self.limit:
                return False
            connection.execute(STAFF_ACTIONS.insert().values(key_hash=key_hash, acted_at=now))
        return True

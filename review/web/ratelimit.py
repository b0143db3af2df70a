"""Counting failed sign-ins so that password guessing is slowed down (in memory, per process)."""
from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from typing import Callable, Deque, Dict, Iterable


class FailureLimiter:
    """At most `limit` failures per key within `window` seconds; keys are user names and IPs."""

    def __init__(self, limit: int = 5, window: float = 15 * 60, clock: Callable[[], float] = time.time) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._failures: Dict[str, Deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> Deque[float]:
        times = self._failures[key]
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def blocked(self, keys: Iterable[str]) -> bool:
        now = self.clock()
        with self._lock:
            return any(len(self._recent(key, now)) >= self.limit for key in keys)

    def record_failure(self, keys: Iterable[str]) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def reset(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)

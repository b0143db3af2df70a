"""Peak resident memory and CPU time of process trees (memory sampled in a background thread).

Resident set size is summed over each root process and all its children: Rasa and
the action server may fork helpers, and a leak in a child counts too.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

import psutil

MB = 1024 * 1024


def tree_rss(pid: int) -> int:
    """RSS in bytes of `pid` and its descendants (0 if it is gone)."""
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            continue
    return total


@dataclass
class PeakMemorySampler:
    """Samples named groups of process trees; `peaks_mb()` gives the highest sum seen."""

    groups: dict[str, list[int]]
    interval_s: float = 0.25
    _peaks: dict[str, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def sample_once(self) -> None:
        for name, pids in self.groups.items():
            current = sum(tree_rss(pid) for pid in pids)
            if current > self._peaks.get(name, 0):
                self._peaks[name] = current

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.sample_once()

    def __enter__(self) -> PeakMemorySampler:
        self.sample_once()
        self._thread = threading.Thread(target=self._loop, name="rss-sampler", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)
        self.sample_once()

    def peaks_mb(self) -> dict[str, float]:
        return {name: round(value / MB, 1) for name, value in self._peaks.items()}


def current_mb(pids: Iterable[int]) -> float:
    return round(sum(tree_rss(pid) for pid in pids) / MB, 1)


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds used so far by `pid` and its live descendants."""
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            continue
    return total


def cpu_snapshot(groups: dict[str, list[int]]) -> dict[str, float]:
    """CPU seconds per group, plus this load generator alone (not its child servers)."""
    snapshot = {name: sum(tree_cpu_seconds(pid) for pid in pids) for name, pids in groups.items()}
    own = psutil.Process().cpu_times()
    snapshot["load_generator"] = own.user + own.system
    return snapshot


def cpu_ms_per_message(before: dict[str, float], after: dict[str, float], messages: int) -> dict[str, float]:
    """CPU each server spent per message: unlike latency, it barely depends on what else
    runs on the machine, so it is the figure to compare between runs and fixes."""
    if messages <= 0:
        return {}
    return {name: round((after.get(name, 0.0) - before[name]) * 1000 / messages, 1) for name in before}

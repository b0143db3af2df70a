"""Peak resident memory of process trees, sampled in a background thread.

Resident set size is summed over each root process and all its children: Rasa and
the action server may fork helpers, and a leak in a child counts too.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional

import psutil

MB = 1024 * 1024


def tree_rss(pid: int) -> int:
    """RSS in bytes of `pid` and its descendants (0 if it is gone)."""
    try:
        root = psutil.Process(pid)
        processes = [root] + root.children(recursive=True)
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

    groups: Dict[str, List[int]]
    interval_s: float = 0.25
    _peaks: Dict[str, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: Optional[threading.Thread] = None

    def sample_once(self) -> None:
        for name, pids in self.groups.items():
            current = sum(tree_rss(pid) for pid in pids)
            if current > self._peaks.get(name, 0):
                self._peaks[name] = current

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.sample_once()

    def __enter__(self) -> "PeakMemorySampler":
        self.sample_once()
        self._thread = threading.Thread(target=self._loop, name="rss-sampler", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)
        self.sample_once()

    def peaks_mb(self) -> Dict[str, float]:
        return {name: round(value / MB, 1) for name, value in self._peaks.items()}


def current_mb(pids: Iterable[int]) -> float:
    return round(sum(tree_rss(pid) for pid in pids) / MB, 1)

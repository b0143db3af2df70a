"""Latency and throughput figures from timed samples."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from bench.client import Sample


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (q in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        return float(ordered[0])
    rank = (len(ordered) - 1) * q / 100.0
    low, high = math.floor(rank), math.ceil(rank)
    if low == high:
        return float(ordered[low])
    return float(ordered[low] + (ordered[high] - ordered[low]) * (rank - low))


def _rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def summarize(samples: Iterable[Sample], wall_s: float | None = None) -> dict[str, object]:
    """p50/p95/p99 latency of the successful messages, errors, and messages per second.

    Throughput counts successful messages over the phase's wall time (first send to
    last answer) unless `wall_s` is given.
    """
    items: list[Sample] = list(samples)
    good = [s.latency_ms for s in items if s.ok]
    if wall_s is None and items:
        wall_s = max(s.started_s + s.latency_ms / 1000 for s in items) - min(s.started_s for s in items)
    return {
        "messages": len(items),
        "errors": sum(1 for s in items if not s.ok),
        "silent_replies": sum(1 for s in items if s.silent),
        "p50_ms": _rounded(percentile(good, 50)),
        "p95_ms": _rounded(percentile(good, 95)),
        "p99_ms": _rounded(percentile(good, 99)),
        "mean_ms": _rounded(sum(good) / len(good)) if good else None,
        "max_ms": _rounded(max(good)) if good else None,
        "wall_s": _rounded(wall_s, 2),
        "messages_per_s": _rounded(len(good) / wall_s, 2) if wall_s else None,
    }


def select(samples: Iterable[Sample], phase: str, kind: str = "webhook") -> list[Sample]:
    return [s for s in samples if s.phase == phase and s.kind == kind]


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator, 2)

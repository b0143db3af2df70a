"""PNG chart: latency against offered load (open loop) and against concurrency (closed loop)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display on servers and in CI
import matplotlib.pyplot as plt


def _series(rows: list[dict[str, Any]], key: str) -> list[float]:
    return [row["summary"].get(key) or float("nan") for row in rows]


def draw(results: dict[str, Any], output: Path, p95_target_ms: float = 150.0) -> Path:
    open_rows = results.get("open_loop") or []
    closed_rows = results.get("closed_loop") or []
    figure, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8))

    if open_rows:
        rates = [row["offered_rate"] for row in open_rows]
        for key, style in (("p50_ms", "o-"), ("p95_ms", "s-"), ("p99_ms", "^-")):
            left.plot(rates, _series(open_rows, key), style, label=key.replace("_ms", ""))
        left.axhline(
            p95_target_ms, color="grey", linestyle="--", linewidth=1, label=f"p95 target {p95_target_ms:.0f} ms"
        )
        left.set_xticks(rates)
    left.set_title("Open loop: latency vs offered load")
    left.set_xlabel("offered load (messages/s)")
    left.set_ylabel("webhook latency (ms)")
    left.set_yscale("log")
    left.grid(True, which="both", alpha=0.3)
    if open_rows:
        left.legend()

    if closed_rows:
        levels = [row["concurrency"] for row in closed_rows]
        for key, style in (("p50_ms", "o-"), ("p95_ms", "s-"), ("p99_ms", "^-")):
            right.plot(levels, _series(closed_rows, key), style, label=key.replace("_ms", ""))
        right.set_xscale("log", base=2)
        right.set_xticks(levels)
        right.set_xticklabels([str(level) for level in levels])
        throughput = right.twinx()
        throughput.plot(levels, _series(closed_rows, "messages_per_s"), "d--", color="black", label="messages/s")
        throughput.set_ylabel("throughput (messages/s)")
        throughput.set_ylim(bottom=0)
        throughput.legend(loc="center right")
    right.set_title("Closed loop: latency vs concurrency")
    right.set_xlabel("concurrent conversations (no pauses)")
    right.set_ylabel("webhook latency (ms)")
    right.set_yscale("log")
    right.grid(True, which="both", alpha=0.3)
    if closed_rows:
        right.legend(loc="upper left")

    figure.suptitle(results.get("title", "Rasa REST channel latency"))
    figure.tight_layout()
    output.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(output, dpi=110)
    plt.close(figure)
    return output

"""The issue's performance targets, checked against measured results."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

P95_AT_20_MS = 150.0
WEBHOOK_PARSE_P50_RATIO = 2.5
CLOSED_LOOP_MSG_S = 40.0
LONG_CONVERSATION_RATIO = 1.5
RASA_RSS_MB = 1536.0
TRAINING_S = 300.0


def training_seconds(path: Path = ROOT / "var" / "last_training_seconds") -> float | None:
    try:
        return float(path.read_text().strip())
    except (OSError, ValueError):
        return None


def _row(name: str, target: str, measured: float | None, met: bool | None, unit: str = "") -> dict[str, Any]:
    return {
        "target": name,
        "goal": target,
        "measured": measured,
        "unit": unit,
        "met": None if measured is None else bool(met),
    }


def evaluate(results: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per target; `met` is None when the run did not measure it."""
    rows = []
    open_rows = {row["offered_rate"]: row["summary"] for row in results.get("open_loop") or []}
    p95 = (open_rows.get(20) or open_rows.get(20.0) or {}).get("p95_ms")
    rows.append(
        _row(
            "p95 at an offered 20 msg/s",
            f"<= {P95_AT_20_MS:.0f} ms",
            p95,
            p95 is not None and p95 <= P95_AT_20_MS,
            "ms",
        )
    )
    floor_ratio = (results.get("floor") or {}).get("p50_ratio")
    rows.append(
        _row(
            "webhook/parse p50, one conversation at a time",
            f"<= {WEBHOOK_PARSE_P50_RATIO}",
            floor_ratio,
            floor_ratio is not None and floor_ratio <= WEBHOOK_PARSE_P50_RATIO,
        )
    )
    throughputs = [row["summary"].get("messages_per_s") or 0 for row in results.get("closed_loop") or []]
    best = max(throughputs) if throughputs else None
    rows.append(
        _row(
            "closed-loop throughput per Rasa process",
            f">= {CLOSED_LOOP_MSG_S:.0f} msg/s",
            best,
            best is not None and best >= CLOSED_LOOP_MSG_S,
            "msg/s",
        )
    )
    long_ratio = (results.get("long_conversation") or {}).get("last_to_first_ratio")
    rows.append(
        _row(
            "50th message vs 1st of a long conversation (p50)",
            f"<= {LONG_CONVERSATION_RATIO}x",
            long_ratio,
            long_ratio is not None and long_ratio <= LONG_CONVERSATION_RATIO,
        )
    )
    rss = (results.get("peak_rss_mb") or {}).get("rasa")
    rows.append(
        _row("Rasa server peak RSS", f"<= {RASA_RSS_MB:.0f} MB", rss, rss is not None and rss <= RASA_RSS_MB, "MB")
    )
    trained = results.get("training_seconds")
    rows.append(
        _row(
            "training time (var/last_training_seconds)",
            f"<= {TRAINING_S:.0f} s",
            trained,
            trained is not None and trained <= TRAINING_S,
            "s",
        )
    )
    return rows


def markdown_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| target | goal | measured | met |", "|---|---|---|---|"]
    for row in rows:
        measured = "not measured" if row["measured"] is None else f"{row['measured']:g} {row['unit']}".strip()
        met = {True: "yes", False: "**no**", None: "–"}[row["met"]]
        lines.append(f"| {row['target']} | {row['goal']} | {measured} | {met} |")
    return "\n".join(lines)

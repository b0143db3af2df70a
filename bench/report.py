"""Markdown tables from the summary JSONs: `python -m bench.report [NAME ...]`.

bench/README.md's tables are this script's output, so they can be regenerated after
any run instead of being retyped.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bench.targets import markdown_table

RESULTS = Path(__file__).resolve().parent / "results"


def _load(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _ms(value: Any) -> str:
    return "–" if value is None else f"{value:g}"


def load_tables(name: str, results: dict[str, Any]) -> str:
    lines = [f"### {name}: {results.get('target', '')}", ""]
    machine = results.get("machine") or {}
    lines.append(
        f"Machine: {machine.get('cpus')} CPUs, load average before/after "
        f"{machine.get('loadavg_before', ['?'])[0]} / {machine.get('loadavg_after', ['?'])[0]} "
        f"(other work on the same cores). Experiments: {', '.join(results.get('experiments') or []) or 'none'}."
    )
    lines += [
        "",
        "Closed loop (no pauses):",
        "",
        "| concurrency | msg/s | p50 ms | p95 ms | p99 ms | errors | Rasa CPU ms/msg | actions CPU ms/msg |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in results.get("closed_loop") or []:
        s, cpu = row["summary"], row.get("cpu_ms_per_message") or {}
        lines.append(
            f"| {row['concurrency']} | {_ms(s['messages_per_s'])} | {_ms(s['p50_ms'])} | {_ms(s['p95_ms'])} | "
            f"{_ms(s['p99_ms'])} | {s['errors']} | {_ms(cpu.get('rasa'))} | {_ms(cpu.get('actions'))} |"
        )
    lines += [
        "",
        "Open loop (arrivals at a set rate across many conversations):",
        "",
        "| offered msg/s | served msg/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|",
    ]
    for row in results.get("open_loop") or []:
        s = row["summary"]
        lines.append(
            f"| {row['offered_rate']:g} | {_ms(s['messages_per_s'])} | {_ms(s['p50_ms'])} | {_ms(s['p95_ms'])} | "
            f"{_ms(s['p99_ms'])} | {s['errors']} |"
        )
    floor = results.get("floor") or {}
    if floor:
        lines += [
            "",
            f"One conversation at a time: webhook p50 {floor['webhook']['p50_ms']} ms, "
            f"/model/parse p50 {floor['parse']['p50_ms']} ms on the same messages, "
            f"ratio {floor['p50_ratio']} (p95 ratio {floor['p95_ratio']}).",
        ]
    long = results.get("long_conversation") or {}
    if long:
        lines.append(
            f"Long conversations ({long['conversations']} × {long['length']} messages): 1st message p50 "
            f"{long['first_message_p50_ms']} ms, last p50 {long['last_message_p50_ms']} ms "
            f"(ratio {long['last_to_first_ratio']}); messages 1–5 p50 {long['messages_1_to_5_p50_ms']} ms, "
            f"46–50 p50 {long['messages_46_to_50_p50_ms']} ms (ratio {long['window_ratio']})."
        )
    lines.append(f"Peak RSS (MB): {results.get('peak_rss_mb')}. Conversations: {results.get('conversation_outcomes')}.")
    lines += ["", markdown_table(results.get("targets") or []), ""]
    return "\n".join(lines)


def scale_table(results: dict[str, Any]) -> str:
    lines = [
        "### Scaled stack: one replica against two",
        "",
        "| configuration | concurrency | msg/s | p50 ms | p95 ms | errors |",
        "|---|---|---|---|---|---|",
    ]
    for name, rows in (results.get("configurations") or {}).items():
        for row in rows:
            s = row["summary"]
            lines.append(
                f"| {name} | {row['concurrency']} | {_ms(s['messages_per_s'])} | {_ms(s['p50_ms'])} | "
                f"{_ms(s['p95_ms'])} | {s['errors']} |"
            )
    lines += [
        "",
        f"Peak RSS (MB, all processes of each kind): {results.get('peak_rss_mb')}; {results.get('cpus')} CPUs.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    names = argv or ["local", "local-cached-schema"]
    for name in names:
        results = _load(name)
        if results:
            print(load_tables(name, results))
    scale = _load("scale")
    if scale:
        print(scale_table(scale))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

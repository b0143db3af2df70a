"""Runs the benchmark phases against one Rasa URL and gathers their figures."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import loads, profiling
from bench.applicants import DEFAULT_MIX, ApplicantFactory
from bench.client import BotClient
from bench.memory import PeakMemorySampler, cpu_ms_per_message, cpu_snapshot, current_mb
from bench.stats import percentile, ratio, select, summarize

ALL_PHASES = ("floor", "long", "closed", "open")


@dataclass
class BenchPlan:
    rates: list[float] = field(default_factory=lambda: [5, 10, 20, 40])
    rate_duration_s: float = 30.0
    concurrency: list[int] = field(default_factory=lambda: [1, 4, 16, 64])
    closed_messages: int = 300
    floor_messages: int = 150
    long_conversations: int = 5
    long_length: int = 50
    warmup_messages: int = 30
    mix: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_MIX))
    seed: int = 7
    profile_s: int = 0  # py-spy the Rasa server during the busiest closed-loop level
    phases: list[str] = field(default_factory=lambda: list(ALL_PHASES))


def _long_figures(client: BotClient, length: int) -> dict[str, Any]:
    by_position: dict[int, list[float]] = {}
    for sample in select(client.samples, "long"):
        if sample.ok:
            by_position.setdefault(sample.position, []).append(sample.latency_ms)
    if not by_position:
        return {}
    first = percentile(by_position.get(0, []), 50)
    last = percentile(by_position.get(length - 1, []), 50)
    head = [v for p in range(0, 5) for v in by_position.get(p, [])]
    tail = [v for p in range(length - 5, length) for v in by_position.get(p, [])]
    return {
        "conversations": len(by_position.get(0, [])),
        "length": length,
        "first_message_p50_ms": round(first, 1) if first is not None else None,
        "last_message_p50_ms": round(last, 1) if last is not None else None,
        "last_to_first_ratio": ratio(last, first),
        "messages_1_to_5_p50_ms": round(percentile(head, 50) or 0, 1),
        "messages_46_to_50_p50_ms": round(percentile(tail, 50) or 0, 1),
        "window_ratio": ratio(percentile(tail, 50), percentile(head, 50)),
        "p50_by_position_ms": [round(percentile(by_position.get(p, []), 50) or 0, 1) for p in range(length)],
    }


async def _closed_levels(
    client: BotClient,
    factory: ApplicantFactory,
    plan: BenchPlan,
    pids: dict[str, list[int]],
    results_dir: Path,
    run_tag: str,
) -> list[dict[str, Any]]:
    rows = []
    rasa_pid = (pids.get("rasa") or [None])[0]
    for level in plan.concurrency:
        phase = f"closed-{level}"
        recorder = None
        if plan.profile_s and rasa_pid and level == max(plan.concurrency):
            recorder = profiling.start_recording(rasa_pid, results_dir / f"profile-{run_tag}.raw.txt", plan.profile_s)
        messages = max(plan.closed_messages, level * 4)
        cpu_before = cpu_snapshot(pids)
        wall = await loads.closed_loop(client, factory, level, messages, phase)
        cpu = cpu_ms_per_message(cpu_before, cpu_snapshot(pids), len(select(client.samples, phase)))
        if recorder:
            profiling.stop_recording(recorder)
        rows.append(
            {"concurrency": level, "summary": summarize(select(client.samples, phase), wall), "cpu_ms_per_message": cpu}
        )
    return rows


async def run_plan(
    plan: BenchPlan, rasa_url: str, token: str, pids: dict[str, list[int]], results_dir: Path, run_tag: str
) -> dict[str, Any]:
    results: dict[str, Any] = {"plan": {k: v for k, v in plan.__dict__.items()}}
    factory = ApplicantFactory(plan.mix, plan.seed, run_tag)
    started = time.monotonic()
    with PeakMemorySampler(pids) as memory:
        async with BotClient(rasa_url, token) as client:
            if plan.warmup_messages:
                await loads.closed_loop(client, factory, 2, plan.warmup_messages, "warmup")
            results["memory_after_warmup_mb"] = {name: current_mb(p) for name, p in pids.items()}
            if "floor" in plan.phases:
                cpu_before = cpu_snapshot(pids)
                await loads.parse_floor(client, factory, plan.floor_messages, "floor")
                webhook = summarize(select(client.samples, "floor"))
                parse = summarize(select(client.samples, "floor", "parse"))
                results["floor"] = {
                    "webhook": webhook,
                    "parse": parse,
                    "cpu_ms_per_webhook_and_parse": cpu_ms_per_message(
                        cpu_before, cpu_snapshot(pids), webhook["messages"]
                    ),
                    "p50_ratio": ratio(webhook["p50_ms"], parse["p50_ms"]),
                    "p95_ratio": ratio(webhook["p95_ms"], parse["p95_ms"]),
                }
            if "long" in plan.phases:
                for index in range(plan.long_conversations):
                    await loads.long_conversation(client, run_tag, index, plan.long_length, "long")
                results["long_conversation"] = _long_figures(client, plan.long_length)
            if "closed" in plan.phases:
                results["closed_loop"] = await _closed_levels(client, factory, plan, pids, results_dir, run_tag)
            if "open" in plan.phases:
                rows = []
                for rate in plan.rates:
                    phase = f"open-{rate:g}"
                    cpu_before = cpu_snapshot(pids)
                    shape = await loads.open_loop(client, factory, rate, plan.rate_duration_s, phase)
                    done = select(client.samples, phase)
                    rows.append(
                        {
                            **shape,
                            "summary": summarize(done),
                            "cpu_ms_per_message": cpu_ms_per_message(cpu_before, cpu_snapshot(pids), len(done)),
                        }
                    )
                    await asyncio.sleep(2)  # let queues drain between levels
                results["open_loop"] = rows
            results["tracker_probes"] = client.probes
            results["samples"] = [s.as_dict() for s in client.samples]
    results["conversation_outcomes"] = factory.outcomes.as_dict()
    results["peak_rss_mb"] = memory.peaks_mb()
    results["duration_s"] = round(time.monotonic() - started, 1)
    return results

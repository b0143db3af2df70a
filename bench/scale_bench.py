"""Throughput of the scaled stack (deploy/scale.sh): one replica against two behind nginx.

    deploy/scale.sh up
    python -m bench.scale_bench            # reads var/scale/scale.env
    deploy/scale.sh down

Three configurations, the same closed-loop load each:
  one_replica_direct   all conversations to replica 1 (replica 2 idle)
  two_replicas_direct  conversations split over both replicas' own ports
  two_replicas_nginx   all conversations through nginx (least_conn)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from bench.applicants import ApplicantFactory, parse_mix
from bench.client import BotClient
from bench.loads import closed_loop
from bench.memory import PeakMemorySampler, cpu_ms_per_message, cpu_snapshot
from bench.stats import select, summarize

ROOT = Path(__file__).resolve().parent.parent


def read_env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        name, sep, value = line.partition("=")
        if sep:
            values[name.strip()] = value.strip()
    return values


def process_groups(scale_dir: Path) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for pid_file in sorted((scale_dir / "run").glob("*.pid")):
        name = pid_file.stem.rstrip("0123456789")
        try:
            groups.setdefault(name, []).append(int(pid_file.read_text().strip()))
        except ValueError:
            continue
    return groups


async def measure(
    env: dict[str, str],
    groups: dict[str, list[int]],
    concurrency: list[int],
    messages: int,
    mix: dict[str, float],
    seed: int,
) -> dict[str, Any]:
    replicas = [u for u in env["RASA_REPLICA_URLS"].split(",") if u]
    configurations = {
        "one_replica_direct": replicas[:1],
        "two_replicas_direct": replicas[:2],
        "two_replicas_nginx": [env["RASA_PROXY_URL"]],
    }
    results: dict[str, Any] = {}
    run_tag = f"scale{int(time.time())}"
    async with BotClient(env["RASA_PROXY_URL"], env["RASA_TOKEN"]) as client:
        # Warm both replicas (first messages load lazily-built graphs).
        for index, url in enumerate(replicas):
            await closed_loop(client, ApplicantFactory(mix, seed + index, f"{run_tag}w{index}"), 2, 20, "warmup", [url])
        for name, urls in configurations.items():
            rows = []
            for level in concurrency:
                phase = f"{name}-{level}"
                factory = ApplicantFactory(mix, seed, f"{run_tag}{name[:3]}{level}")
                before = cpu_snapshot(groups)
                wall = await closed_loop(client, factory, level, max(messages, level * 4), phase, urls)
                done = select(client.samples, phase)
                rows.append(
                    {
                        "concurrency": level,
                        "summary": summarize(done, wall),
                        "cpu_ms_per_message": cpu_ms_per_message(before, cpu_snapshot(groups), len(done)),
                        "outcomes": factory.outcomes.as_dict(),
                    }
                )
            results[name] = rows
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.scale_bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale-dir", type=Path, default=ROOT / "var" / "scale")
    parser.add_argument("--concurrency", default="16", help="closed-loop levels, e.g. 4,16,32")
    parser.add_argument("--messages", type=int, default=400, help="messages per level and configuration")
    parser.add_argument("--mix", default="faq=0.4,eligibility=0.4,status=0.2")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scale.json")
    args = parser.parse_args(argv)
    env_file = args.scale_dir / "scale.env"
    if not env_file.exists():
        print(f"{env_file} not found: start the stack with deploy/scale.sh up", file=sys.stderr)
        return 1
    env = read_env_file(env_file)
    groups = process_groups(args.scale_dir)
    levels = [int(x) for x in args.concurrency.split(",") if x]
    with PeakMemorySampler(groups) as memory:
        results = asyncio.run(measure(env, groups, levels, args.messages, parse_mix(args.mix), args.seed))
    summary = {
        "configurations": results,
        "peak_rss_mb": memory.peaks_mb(),
        "replicas": len([u for u in env["RASA_REPLICA_URLS"].split(",") if u]),
        "cpus": os.cpu_count(),
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for name, rows in results.items():
        for row in rows:
            s = row["summary"]
            print(
                f"{name:22s} c={row['concurrency']:<3d} {s['messages_per_s']} msg/s  p50 {s['p50_ms']} ms  "
                f"p95 {s['p95_ms']} ms  errors {s['errors']}"
            )
    broken = {
        f"{name} c={row['concurrency']}": row["outcomes"]
        for name, rows in results.items()
        for row in rows
        if any(k.endswith(("_error", "_stuck", "_too_long")) for k in row["outcomes"])
    }
    if broken:  # figures from conversations that went wrong measure the wrong thing
        print(f"WARNING: some conversations did not end normally: {broken}", file=sys.stderr)
    print(f"peak RSS MB: {summary['peak_rss_mb']}\nsummary: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

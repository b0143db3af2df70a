"""Load benchmark of the assistant over Rasa's REST channel.

By default it starts its own stack (runner.Stack: the real Rasa server with the SQL
tracker store, and the real action server) on free loopback ports, with fresh SQLite
databases and the demo applications, then runs:

  floor   one conversation at a time; each message also timed on /model/parse
  long    conversations of 50 messages: is the 50th slower than the 1st?
  closed  closed loop (no pauses) at each concurrency level
  open    open loop (arrivals at a set rate across many conversations)

and writes a summary JSON (committed), the raw samples (git-ignored) and a PNG chart.
Point it at a running stack with --rasa-url and --token instead.

    python -m bench.load --help
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import chart, profiling, targets
from bench.applicants import parse_mix
from bench.run_phases import ALL_PHASES, BenchPlan, run_plan

RESULTS = Path(__file__).resolve().parent / "results"


def _numbers(text: str, kind: type) -> list[Any]:
    return [kind(part) for part in text.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    target = parser.add_argument_group("what to measure")
    target.add_argument("--rasa-url", help="a running Rasa server (default: start a fresh local stack)")
    target.add_argument("--token", help="its RASA_TOKEN (needed with --rasa-url)")
    target.add_argument(
        "--pid",
        action="append",
        default=[],
        metavar="NAME=PID",
        help="with --rasa-url: process trees to sample for memory, e.g. rasa=1234 (repeatable)",
    )
    target.add_argument("--tracker-db-url", help="tracker store URL for the local stack (default: fresh SQLite)")
    target.add_argument(
        "--experiment",
        action="append",
        default=[],
        metavar="NAME",
        help="load bench/experiments/NAME.py into the local Rasa server (repeatable)",
    )
    shape = parser.add_argument_group("load shape")
    shape.add_argument("--phases", default=",".join(ALL_PHASES), help=f"subset of {','.join(ALL_PHASES)}")
    shape.add_argument("--rates", default="5,10,20,40", help="open-loop offered loads, messages/s")
    shape.add_argument("--rate-duration", type=float, default=30.0, help="seconds per open-loop level")
    shape.add_argument("--concurrency", default="1,4,16,64", help="closed-loop concurrency levels")
    shape.add_argument("--closed-messages", type=int, default=300, help="messages per closed-loop level")
    shape.add_argument("--floor-messages", type=int, default=150)
    shape.add_argument("--long-conversations", type=int, default=5)
    shape.add_argument("--long-length", type=int, default=50)
    shape.add_argument("--mix", default="faq=0.4,eligibility=0.4,status=0.2", help="conversation mix")
    shape.add_argument("--seed", type=int, default=7)
    shape.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="SECONDS",
        help="py-spy the Rasa server during the busiest closed-loop level (cap in seconds)",
    )
    output = parser.add_argument_group("output")
    output.add_argument("--name", default="local", help="results file stem: bench/results/<name>.json")
    output.add_argument("--results-dir", type=Path, default=RESULTS)
    output.add_argument("--no-chart", action="store_true")
    return parser


def plan_from(args: argparse.Namespace) -> BenchPlan:
    phases = [p for p in args.phases.split(",") if p]
    unknown = set(phases) - set(ALL_PHASES)
    if unknown:
        raise SystemExit(f"unknown phases: {', '.join(sorted(unknown))}")
    return BenchPlan(
        rates=_numbers(args.rates, float),
        rate_duration_s=args.rate_duration,
        concurrency=_numbers(args.concurrency, int),
        closed_messages=args.closed_messages,
        floor_messages=args.floor_messages,
        long_conversations=args.long_conversations,
        long_length=args.long_length,
        mix=parse_mix(args.mix),
        seed=args.seed,
        profile_s=args.profile,
        phases=phases,
    )


def experiment_env(names: list[str]) -> dict[str, str]:
    """Environment that makes the Rasa server load bench/experiments/<name>.py at start-up."""
    from runner.stack import ROOT

    for name in names:
        if not (ROOT / "bench" / "experiments" / f"{name}.py").exists():
            raise SystemExit(f"no experiment bench/experiments/{name}.py")
    return {"PYTHONPATH": f"{ROOT / 'bench' / 'experiments'}:{ROOT}", "BENCH_EXPERIMENTS": ",".join(names)}


def write_outputs(results: dict[str, Any], args: argparse.Namespace) -> dict[str, Path]:
    out_dir: Path = args.results_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    samples = results.pop("samples", [])
    raw = out_dir / f"{args.name}.samples.jsonl"
    raw.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in samples), encoding="utf-8")
    summary = out_dir / f"{args.name}.json"
    summary.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    paths = {"summary": summary, "samples": raw}
    if not args.no_chart and (results.get("open_loop") or results.get("closed_loop")):
        paths["chart"] = chart.draw(results, out_dir / f"{args.name}.png")
    profile_raw = out_dir / f"profile-{args.name}.raw.txt"
    if profile_raw.exists():
        text = profiling.render_summary(
            f"Rasa server CPU profile ({args.name})", profiling.summarize_collapsed(profile_raw)
        )
        paths["profile"] = out_dir / f"profile-{args.name}.md"
        paths["profile"].write_text(text, encoding="utf-8")
    return paths


async def _against(
    url: str, token: str, pids: dict[str, list[int]], plan: BenchPlan, args: argparse.Namespace
) -> dict[str, Any]:
    return await run_plan(plan, url, token, pids, args.results_dir, args.name)


def run(args: argparse.Namespace) -> dict[str, Any]:
    plan = plan_from(args)
    if args.rasa_url:
        if not args.token:
            raise SystemExit("--token is needed with --rasa-url")
        pids: dict[str, list[int]] = {}
        for item in args.pid:
            name, _, pid = item.partition("=")
            pids.setdefault(name, []).append(int(pid))
        results = asyncio.run(_against(args.rasa_url.rstrip("/"), args.token, pids, plan, args))
        results["target"] = args.rasa_url
        return results

    from bench.local_stack import scratch_stack, start_or_explain

    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        extra = {"TRACKER_DB_URL": args.tracker_db_url} if args.tracker_db_url else {}
        if args.experiment:
            extra.update(experiment_env(args.experiment))
        stack = start_or_explain(scratch_stack(Path(work), extra))
        try:
            pids = {name: [process.pid] for name, process in stack.processes.items()}
            results = asyncio.run(_against(stack.rasa_url, stack.token, pids, plan, args))
        finally:
            stack.stop()
    tracker_url = args.tracker_db_url or "sqlite (fresh file)"
    results["target"] = f"local stack: 1 Rasa server, 1 action server, tracker store {tracker_url.split('://')[0]}"
    results["experiments"] = args.experiment
    return results


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    started = time.time()
    load_before = os.getloadavg()
    results = run(args)
    # Other work on the same cores skews every figure: record how busy the machine was.
    results["machine"] = {
        "cpus": os.cpu_count(),
        "loadavg_before": [round(x, 2) for x in load_before],
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
    }
    results["title"] = f"Rasa REST channel latency ({args.name})"
    results["started_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started))
    results["training_seconds"] = targets.training_seconds()
    results["targets"] = targets.evaluate(results)
    paths = write_outputs(results, args)
    print(targets.markdown_table(results["targets"]))
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

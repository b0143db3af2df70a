"""Sampling profiles of the running servers with py-spy, summarised as text.

py-spy attaches from outside (no code change, no restart) and writes collapsed
stacks; the summary lists where the wall time goes by function and by package, which
is what a fix proposal needs.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

PY_SPY = Path(sys.executable).parent / "py-spy"


def start_recording(pid: int, output: Path, duration_s: int, rate: int = 100) -> subprocess.Popen | None:
    """Start py-spy on `pid` in the background; None when py-spy is not available."""
    binary = str(PY_SPY) if PY_SPY.exists() else shutil.which("py-spy")
    if not binary:
        return None
    output.parent.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [
            binary,
            "record",
            "--pid",
            str(pid),
            "--duration",
            str(duration_s),
            "--rate",
            str(rate),
            "--format",
            "raw",
            "--output",
            str(output),
            "--nonblocking",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stop_recording(recorder: subprocess.Popen, timeout_s: float = 30.0) -> None:
    """End a recording early; py-spy writes what it has on SIGINT, like after Ctrl-C."""
    if recorder.poll() is None:
        recorder.send_signal(signal.SIGINT)
    try:
        recorder.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        recorder.kill()
        recorder.wait()


def _frames(stack: str) -> list[str]:
    return [frame for frame in stack.split(";") if frame]


def _package(frame: str) -> str:
    """'predict (rasa/core/policies/ted_policy.py:123)' -> 'rasa.core.policies'"""
    if "(" not in frame:
        return frame
    location = frame.rsplit("(", 1)[1].rstrip(")").rsplit(":", 1)[0]
    for marker in ("site-packages/", "lib/python3.10/"):
        if marker in location:
            location = location.split(marker, 1)[1]
            break
    parts = location.split("/")
    return ".".join(parts[:3]) if len(parts) > 3 else ".".join(parts[:-1]) or parts[0]


def summarize_collapsed(path: Path, top: int = 25) -> dict[str, list[tuple[str, float]]]:
    """Share of CPU samples per leaf function (self time), per function anywhere on the
    stack (inclusive time) and per package of the leaf frame. Idle samples are left out
    by py-spy: under load the single event loop is CPU-bound, and CPU is what queues."""
    leaf: Counter = Counter()
    inclusive: Counter = Counter()
    packages: Counter = Counter()
    total = 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = _frames(stack)
        if not frames:
            continue
        total += count
        leaf[frames[-1]] += count
        packages[_package(frames[-1])] += count
        for frame in set(frames):
            inclusive[frame] += count

    def shares(counter: Counter) -> list[tuple[str, float]]:
        return [(name, round(100.0 * n / total, 1)) for name, n in counter.most_common(top)] if total else []

    return {
        "self": shares(leaf),
        "inclusive": shares(inclusive),
        "packages": shares(packages),
        "samples": [("total", float(total))],
    }


def render_summary(title: str, summary: dict[str, list[tuple[str, float]]]) -> str:
    lines = [f"# {title}", ""]
    for section in ("packages", "self", "inclusive"):
        lines.append(f"## {section} (% of samples)")
        lines.extend(f"{share:5.1f}  {name}" for name, share in summary.get(section, []))
        lines.append("")
    return "\n".join(lines)

"""A throwaway single-node stack for benchmarks and resilience tests.

It reuses runner.Stack (real action server + real Rasa server on loopback) with its
own databases and secrets in a scratch directory, so a run never touches var/ of a
developer's assistant and starts from empty trackers.
"""

from __future__ import annotations

import secrets
import subprocess
import sys
from pathlib import Path

from runner.stack import ROOT, Stack, StackConfig, free_port

MODEL = ROOT / "models" / "current.tar.gz"


def scratch_env(work_dir: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for a stack whose state lives in `work_dir` (SQLite files)."""
    env = {
        "RASA_TOKEN": secrets.token_hex(16),
        "NATIONAL_ID_HMAC_KEY": secrets.token_urlsafe(32),
        "TRACKER_DB_URL": f"sqlite:///{work_dir}/tracker.db",
        "STATUS_DB_URL": f"sqlite:///{work_dir}/status.db",
        "WHATSAPP_DEDUP_DB": str(work_dir / "whatsapp_dedup.db"),
    }
    env.update(extra or {})
    return env


def prepare_status_db(env: dict[str, str]) -> None:
    """Create the status schema and the demo applications the status conversations look up."""
    for command in (["migrate"], ["seed-demo"]):
        subprocess.run(
            [sys.executable, "-m", "status_store", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=120,
        )


def scratch_stack(work_dir: Path, extra_env: dict[str, str] | None = None, model: Path = MODEL) -> Stack:
    """A configured, not yet started Stack on free ports with its state in `work_dir`."""
    if not model.exists():
        raise FileNotFoundError(f"No trained model at {model}: run scripts/train_if_needed.sh first.")
    work_dir.mkdir(parents=True, exist_ok=True)
    config = StackConfig(
        rasa_port=free_port(),
        action_port=free_port(),
        webchat_port=None,
        model=model,
        log_dir=work_dir / "logs",
        extra_env=scratch_env(work_dir, extra_env),
    )
    stack = Stack(config)
    prepare_status_db(stack.env)
    return stack


def start_or_explain(stack: Stack, timeout: float = 240.0) -> Stack:
    """Start the stack; on failure stop it and raise with the tail of its logs."""
    try:
        stack.start(timeout=timeout)
    except Exception as error:
        tails = []
        for log in sorted(stack.config.log_dir.glob("*.log")):
            tails.append(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}")
        stack.stop()
        raise RuntimeError(f"stack did not start: {error}\n" + "\n".join(tails)) from error
    return stack

"""The scaled-out stack for tests: deploy/scale.sh up in a scratch directory on free ports.

Everything is real: PostgreSQL, Redis, nginx from Debian packages, two Rasa server
replicas and two action servers. Missing packages or model fail the run with the
command that fixes it; they never skip it silently.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCALE_SH = ROOT / "deploy" / "scale.sh"
# Offsets from SCALE_PORT_BASE that deploy/scale_lib.sh uses (2 replicas of each).
_PORT_OFFSETS = (0, 1, 2, 32, 50, 51, 52, 79)


def _ports_free(base: int) -> bool:
    for offset in _PORT_OFFSETS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", base + offset))
            except OSError:
                return False
    return True


def free_port_base() -> int:
    for base in range(21000, 60000, 100):
        if _ports_free(base):
            return base
    raise RuntimeError("no free block of ports for the scaled stack")


def read_env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        name, sep, value = line.partition("=")
        if sep:
            values[name.strip()] = value.strip()
    return values


@dataclass
class ScaledStack:
    directory: Path
    env: dict[str, str]

    @property
    def token(self) -> str:
        return self.env["RASA_TOKEN"]

    @property
    def proxy_url(self) -> str:
        return self.env["RASA_PROXY_URL"]

    @property
    def replica_urls(self) -> list[str]:
        return [u for u in self.env["RASA_REPLICA_URLS"].split(",") if u]

    def say(self, base_url: str, sender: str, message: str, timeout: float = 60) -> list[dict[str, Any]]:
        response = httpx.post(
            f"{base_url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=timeout
        )
        response.raise_for_status()
        return response.json()

    def tracker(self, base_url: str, sender: str) -> dict[str, Any]:
        response = httpx.get(f"{base_url}/conversations/{sender}/tracker", params={"token": self.token}, timeout=30)
        response.raise_for_status()
        return response.json()


def _scale(command: str, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run([str(SCALE_SH), command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def scaled_stack() -> Iterator[ScaledStack]:
    if not (ROOT / "models" / "current.tar.gz").exists():
        pytest.fail("No trained model: run scripts/train_if_needed.sh first.", pytrace=False)
    # Not under pytest's tmp_path: that is private to root, and PostgreSQL runs as `postgres`.
    directory = Path(tempfile.mkdtemp(prefix="scale-test-"))
    directory.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("RASA_TOKEN", "NATIONAL_ID_HMAC_KEY")}
    env.update({"SCALE_DIR": str(directory), "SCALE_PORT_BASE": str(free_port_base())})
    started = _scale("up", env, timeout=900)
    try:
        if started.returncode != 0:
            logs = "\n".join(
                f"--- {log.name}\n{log.read_text(errors='replace')[-2000:]}"
                for log in sorted(directory.glob("logs/*.log"))
            )
            pytest.fail(f"deploy/scale.sh up failed:\n{started.stdout}\n{started.stderr}\n{logs}", pytrace=False)
        yield ScaledStack(directory, read_env_file(directory / "scale.env"))
    finally:
        _scale("down", env, timeout=300)
        shutil.rmtree(directory, ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.scale)

"""The real assistant for end-to-end tests: the trained model served by a real Rasa
server, talking over HTTP to a real action server, with fresh SQLite databases and a
fake WhatsApp Graph API (the one third party that cannot be reached from here)."""

from __future__ import annotations

import contextlib
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from runner.stack import ROOT, Stack, StackConfig
from tests.fakes.fake_graph_api import FakeGraphApi

MODEL = ROOT / "models" / "current.tar.gz"


@dataclass
class RasaStack:
    stack: Stack
    fake_graph: FakeGraphApi
    status_db_url: str
    tracker_db_url: str

    rasa_url: str = ""
    action_url: str = ""
    webchat_url: str = ""
    token: str = ""
    env: dict[str, str] = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        self.rasa_url = self.stack.rasa_url
        self.action_url = self.stack.action_url
        self.webchat_url = self.stack.webchat_url or ""
        self.token = self.stack.token
        self.env = self.stack.env

    @property
    def fake_graph_url(self) -> str:
        return self.fake_graph.base_url

    def say(self, sender: str, message: str, timeout: float = 30) -> list[dict[str, Any]]:
        """One user turn over the REST channel; returns the bot's messages."""
        response = httpx.post(
            f"{self.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=timeout,
        )
        response.raise_for_status()
        return response.json()

    def tracker(self, sender: str) -> dict[str, Any]:
        response = httpx.get(
            f"{self.rasa_url}/conversations/{sender}/tracker", params={"token": self.token}, timeout=30
        )
        response.raise_for_status()
        return response.json()


def _migrate(env: dict[str, str]) -> None:
    for command in (["migrate"], ["seed-demo"]):
        subprocess.run(
            [sys.executable, "-m", "status_store", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


@contextlib.contextmanager
def running_stack(work: Path, staff_hours: str) -> Iterator[RasaStack]:
    """The real Rasa and action servers (and a fake Graph API) on free ports, with their
    databases and logs under `work`, and the staff desk open at `staff_hours`
    (the STAFF_HOURS setting). Stops everything on exit; on a failed start, prints the
    tail of each log."""
    if not MODEL.exists():
        pytest.fail("No trained model: run scripts/train_if_needed.sh (make test does it).")
    graph = FakeGraphApi(access_token="e2e-access-token", phone_number_id="100200300").start()
    env = {
        "RASA_TOKEN": os.environ.get("RASA_TOKEN") or secrets.token_hex(16),
        "NATIONAL_ID_HMAC_KEY": os.environ.get("NATIONAL_ID_HMAC_KEY") or secrets.token_urlsafe(32),
        "TRACKER_DB_URL": f"sqlite:///{work}/tracker.db",
        "STATUS_DB_URL": f"sqlite:///{work}/status.db",
        "WHATSAPP_VERIFY_TOKEN": "e2e-verify-token",
        "WHATSAPP_APP_SECRET": "e2e-app-secret",
        "WHATSAPP_ACCESS_TOKEN": "e2e-access-token",
        "WHATSAPP_PHONE_NUMBER_ID": "100200300",
        "WHATSAPP_GRAPH_BASE_URL": graph.base_url,
        "WHATSAPP_DEDUP_DB": str(work / "whatsapp_dedup.db"),
        "STAFF_HOURS": staff_hours,
    }
    os.environ.update({k: v for k, v in env.items() if k in ("RASA_TOKEN", "NATIONAL_ID_HMAC_KEY")})
    stack = Stack(StackConfig.on_free_ports(log_dir=work / "logs", extra_env=env))
    _migrate(stack.env)
    try:
        stack.start()
    except Exception:
        for log in (work / "logs").glob("*.log"):
            sys.stderr.write(f"--- {log.name}\n{log.read_text(errors='replace')[-4000:]}\n")
        stack.stop()
        graph.stop()
        raise
    try:
        yield RasaStack(stack, graph, env["STATUS_DB_URL"], env["TRACKER_DB_URL"])
    finally:
        stack.stop()
        graph.stop()


@pytest.fixture(scope="session")
def rasa_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RasaStack]:
    # A handoff always pauses the bot for a person, whatever the hour the suite runs.
    with running_stack(tmp_path_factory.mktemp("stack"), staff_hours="always") as stack:
        yield stack

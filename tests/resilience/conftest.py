"""A real stack the resilience tests may break: runner.Stack with its own SQLite files.

The tests kill and restart the action server and the Rasa server, take the status
database away and flood the channels, so they get a stack of their own (never the
shared e2e one) whose state lives in a scratch directory.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from bench.local_stack import MODEL, scratch_stack, start_or_explain
from runner.stack import ROOT, Stack
from tests.e2e.conversation_driver import ELIGIBLE_APPLICANT
from tests.fakes.fake_graph_api import FakeGraphApi

RESPONSES = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]

# A qualifying applicant, in dialect (the same one the other end-to-end tests use).
ANSWERS: dict[str, str] = dict(ELIGIBLE_APPLICANT)
WHATSAPP = {
    "verify_token": "res-verify",
    "app_secret": "res-app-secret",
    "access_token": "res-access",
    "phone_number_id": "100200399",
}


def response_text(name: str) -> str:
    return RESPONSES[name][0]["text"]


def texts(messages: list[dict[str, Any]]) -> list[str]:
    return [m.get("text") or "" for m in messages]


def payload(messages: list[dict[str, Any]], key: str) -> Any:
    for message in messages:
        if key in (message.get("custom") or {}):
            return message["custom"][key]
    return None


@dataclass
class ResilientStack:
    stack: Stack
    work_dir: Path
    graph: FakeGraphApi

    @property
    def rasa_url(self) -> str:
        return self.stack.rasa_url

    @property
    def env(self) -> dict[str, str]:
        return self.stack.env

    def say(self, sender: str, message: str, timeout: float = 60) -> list[dict[str, Any]]:
        response = httpx.post(
            f"{self.rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=timeout
        )
        response.raise_for_status()
        return response.json()

    def tracker(self, sender: str) -> dict[str, Any]:
        response = httpx.get(
            f"{self.rasa_url}/conversations/{sender}/tracker", params={"token": self.stack.token}, timeout=30
        )
        response.raise_for_status()
        return response.json()

    def requested_slot(self, sender: str) -> str | None:
        tracker = self.tracker(sender)
        if not (tracker.get("active_loop") or {}).get("name"):
            return None
        return tracker["slots"].get("requested_slot")

    def answer_until(self, sender: str, answered: int) -> list[str]:
        """Start the eligibility check and answer `answered` questions; returns their slots."""
        self.say(sender, "ابي افحص اهليتي")
        slots = []
        for _ in range(answered):
            slot = self.requested_slot(sender)
            assert slot, "the eligibility form did not ask a question"
            self.say(sender, ANSWERS[slot])
            slots.append(slot)
        return slots

    def finish_check(self, sender: str, max_turns: int = 15) -> Any:
        replies: list[dict[str, Any]] = []
        for _ in range(max_turns):
            slot = self.requested_slot(sender)
            if slot is None:
                break
            replies = self.say(sender, ANSWERS[slot])
        return payload(replies, "eligibility_result")

    def restart(self, name: str, sig: int = signal.SIGTERM) -> None:
        """Stop one process ("rasa" or "actions") with `sig` and start it again."""
        self.stack.stop_process(name, sig)
        getattr(self.stack, {"rasa": "start_rasa_server", "actions": "start_action_server"}[name])()
        self.stack.wait_ready(timeout=240)


@pytest.fixture(scope="session")
def resilient_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ResilientStack]:
    if not MODEL.exists():
        pytest.fail("No trained model: run scripts/train_if_needed.sh first.", pytrace=False)
    work = tmp_path_factory.mktemp("resilience")
    graph = FakeGraphApi(access_token=WHATSAPP["access_token"], phone_number_id=WHATSAPP["phone_number_id"]).start()
    extra = {
        "WHATSAPP_VERIFY_TOKEN": WHATSAPP["verify_token"],
        "WHATSAPP_APP_SECRET": WHATSAPP["app_secret"],
        "WHATSAPP_ACCESS_TOKEN": WHATSAPP["access_token"],
        "WHATSAPP_PHONE_NUMBER_ID": WHATSAPP["phone_number_id"],
        "WHATSAPP_GRAPH_BASE_URL": graph.base_url,
        # A hung action server is reported after this long instead of Rasa's 5 minutes.
        "ACTION_SERVER_TIMEOUT_SECONDS": "10",
    }
    stack = scratch_stack(work, extra)
    try:
        start_or_explain(stack)
    except Exception:
        graph.stop()
        raise
    try:
        yield ResilientStack(stack, work, graph)
    finally:
        stack.stop()
        graph.stop()

"""Fixtures for custom-action tests: a fresh dispatcher, trackers built from a small
dict, the real domain, and a real SQLite status store with the demo applications."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import support
from saudi_locale.clock import RIYADH

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "domain.yml").read_text())


def make_tracker(
    slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str = "inform",
    active_loop: str | None = "eligibility_form",
    events: list[dict[str, Any]] | None = None,
    sender_id: str = "test-user",
    response_key: str | None = None,
) -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": []}
    if response_key:
        latest["response_selector"] = {"faq": {"response": {"intent_response_key": response_key}}}
    return Tracker(
        sender_id=sender_id,
        slots=dict(slots or {}),
        latest_message=latest,
        events=list(events or [{"event": "user", "text": text, "parse_data": latest}]),
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


@pytest.fixture
def status_db(tmp_path, monkeypatch) -> str:
    """A migrated SQLite status store with the demo applications, used by the actions."""
    from status_store.demo import seed_demo
    from status_store.migrate import upgrade_to_head

    url = f"sqlite:///{tmp_path}/status.db"
    monkeypatch.setenv("STATUS_DB_URL", url)
    monkeypatch.setenv("NATIONAL_ID_HMAC_KEY", "test-key-for-action-tests")
    monkeypatch.setenv("STAFF_HOURS", "always")  # handoff replies must not depend on the hour the tests run
    upgrade_to_head(url)
    seed_demo()
    return url


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("response") or m.get("text") for m in dispatcher.messages]


def run(action: Any, tracker: Tracker, dispatcher: CollectingDispatcher, domain: dict[str, Any] | None = None) -> Any:
    """The events a custom action returns, run to the end as the action server would."""
    return asyncio.run(action.run(dispatcher, tracker, domain or {}))


# Within and outside the default staff hours (Sun–Thu 08:00–16:00 Riyadh).
SUNDAY_10_RIYADH = datetime(2026, 12, 6, 10, 0, tzinfo=RIYADH).timestamp()
THURSDAY_17_RIYADH = datetime(2026, 12, 10, 17, 0, tzinfo=RIYADH).timestamp()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch, status_db: str) -> dict[str, float]:
    """Default staff hours and a clock the test sets (`clock["t"]`, a Unix time);
    it starts within staff hours."""
    monkeypatch.delenv("STAFF_HOURS", raising=False)
    now = {"t": SUNDAY_10_RIYADH}
    monkeypatch.setattr(support, "CLOCK", lambda: now["t"])
    return now

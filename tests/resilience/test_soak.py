"""Soak: thousands of messages over concurrent conversations, every one kept in the tracker store."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from pathlib import Path

from bench.applicants import ApplicantFactory
from bench.client import BotClient
from bench.loads import closed_loop
from bench.stats import summarize
from tests.resilience.conftest import ResilientStack

SOAK_MESSAGES = int(os.environ.get("SOAK_MESSAGES", "5000"))
SOAK_CONCURRENCY = int(os.environ.get("SOAK_CONCURRENCY", "24"))
RUN_TAG = "soak"


def _user_events_in_store(tracker_db: Path, prefix: str) -> int:
    with sqlite3.connect(tracker_db) as connection:
        return connection.execute(
            "SELECT count(*) FROM events WHERE type_name = 'user' AND sender_id LIKE ?", (f"{prefix}%",)
        ).fetchone()[0]


def test_soak_every_message_sent_is_a_user_event_in_the_tracker_store(resilient_stack: ResilientStack) -> None:
    async def soak() -> BotClient:
        async with BotClient(resilient_stack.rasa_url, resilient_stack.stack.token, timeout_s=120) as client:
            factory = ApplicantFactory({"faq": 0.4, "eligibility": 0.4, "status": 0.2}, seed=2024, run_tag=RUN_TAG)
            await closed_loop(client, factory, SOAK_CONCURRENCY, SOAK_MESSAGES, "soak")
            return client

    client = asyncio.run(soak())
    summary = summarize(client.samples)
    assert summary["messages"] == SOAK_MESSAGES
    assert summary["errors"] == 0, f"failed messages: {[s.error for s in client.samples if not s.ok][:5]}"
    assert summary["silent_replies"] == 0, "some messages got no reply at all"

    tracker_db = Path(resilient_stack.env["TRACKER_DB_URL"].split("sqlite:///", 1)[1])
    stored = _user_events_in_store(tracker_db, f"bench-{RUN_TAG}-")
    assert stored == SOAK_MESSAGES, f"{SOAK_MESSAGES} messages sent, {stored} user events stored"
    print(
        f"\nsoak: {SOAK_MESSAGES} messages, {SOAK_CONCURRENCY} concurrent, stored {stored}, "
        f"p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, p99 {summary['p99_ms']} ms, "
        f"{summary['messages_per_s']} msg/s"
    )

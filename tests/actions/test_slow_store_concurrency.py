"""A slow database must not hold up the action server: store calls run off its event loop.

The real action server (scripts/action_server.py, rasa_sdk's Sanic app) runs in a
subprocess against a SQLite status store made slow: a `sitecustomize` put on its
PYTHONPATH adds an SQLAlchemy `before_cursor_execute` listener that sleeps
STORE_DELAY_SECONDS before every statement. Twenty eligibility results (each
records its check in the store) are sent at once over HTTP, then an FAQ answer,
which touches no store. If any store call ran on the event loop, the FAQ would
wait at least one delay; through actions.store_calls.call_store it does not.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DELAY_SECONDS = 2.0
SLOW_CALLS = 20

_DELAY_HOOK = """
import os
import time

from sqlalchemy import event
from sqlalchemy.engine import Engine

_DELAY = float(os.environ["STORE_DELAY_SECONDS"])


@event.listens_for(Engine, "before_cursor_execute")
def _slow_database(conn, cursor, statement, parameters, context, executemany):
    time.sleep(_DELAY)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def slow_action_server(tmp_path: Path) -> Iterator[str]:
    from status_store.migrate import upgrade_to_head

    url = f"sqlite:///{tmp_path}/status.db"
    upgrade_to_head(url)  # before the delay exists: only the server's own calls are slow
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(_DELAY_HOOK)
    port = _free_port()
    env = dict(
        os.environ,
        PYTHONPATH=f"{hook}{os.pathsep}{ROOT}",
        STATUS_DB_URL=url,
        NATIONAL_ID_HMAC_KEY="slow-store-test-key",
        STORE_DELAY_SECONDS=str(DELAY_SECONDS),
    )
    with open(tmp_path / "actions.log", "wb") as log:  # the child keeps its own descriptor
        process = subprocess.Popen(
            [sys.executable, "scripts/action_server.py", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                pytest.fail(f"action server exited: {(tmp_path / 'actions.log').read_text()[-3000:]}")
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("action server did not start in 120 s")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def _request(
    action: str, sender: str, domain: dict[str, Any], latest: dict[str, Any], slots: dict[str, Any]
) -> dict[str, Any]:
    return {
        "next_action": action,
        "sender_id": sender,
        "version": "3.6.21",
        "domain": domain,
        "tracker": {
            "sender_id": sender,
            "slots": slots,
            "latest_message": latest,
            "events": [{"event": "user", "text": latest.get("text", ""), "parse_data": latest}],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
    }


async def _timed_post(client: httpx.AsyncClient, url: str, body: dict[str, Any]) -> tuple[float, httpx.Response]:
    started = time.monotonic()
    response = await client.post(url, json=body)
    return time.monotonic() - started, response


async def _scenario(base: str) -> tuple[tuple[float, httpx.Response], list[tuple[float, httpx.Response]]]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    answers = {"is_saudi": True, "lives_in_saudi": True, "age": 40, "has_children": False}
    result_message = {"text": "صحيح", "intent": {"name": "affirm", "confidence": 0.99}, "entities": []}
    faq_message = {
        "text": "كم الحد الأعلى للدخل؟",
        "intent": {"name": "faq", "confidence": 0.99},
        "entities": [],
        "response_selector": {"faq": {"response": {"intent_response_key": "faq/income_limit"}}},
    }
    async with httpx.AsyncClient(timeout=300) as client:
        slow = [
            asyncio.create_task(
                _timed_post(
                    client,
                    f"{base}/webhook",
                    _request("action_eligibility_result", f"slow-{i}", domain, result_message, answers),
                )
            )
            for i in range(SLOW_CALLS)
        ]
        await asyncio.sleep(0.5)  # the slow calls are now inside the store
        assert not any(task.done() for task in slow), "the delay hook is not active"
        faq = _request("action_answer_faq", "fast", domain, faq_message, {})
        fast = await _timed_post(client, f"{base}/webhook", faq)
        return fast, list(await asyncio.gather(*slow))


def test_faq_is_not_held_up_by_twenty_slow_store_calls(slow_action_server: str) -> None:
    (fast_seconds, fast), slow = asyncio.run(_scenario(slow_action_server))

    assert fast.status_code == 200, fast.text
    assert fast.json()["responses"], "the FAQ action answered nothing"
    for seconds, response in slow:
        assert response.status_code == 200, response.text
        assert "eligibility_result" in str(response.json()["responses"])
        assert seconds >= DELAY_SECONDS  # each one really waited for the slow store
    slowest = max(seconds for seconds, _ in slow)
    print(
        f"\nFAQ answered in {fast_seconds * 1000:.0f} ms while {SLOW_CALLS} store calls waited "
        f"{DELAY_SECONDS} s each (slowest finished after {slowest:.1f} s)"
    )
    assert fast_seconds < DELAY_SECONDS / 4, f"FAQ took {fast_seconds:.2f} s behind a {DELAY_SECONDS} s store"

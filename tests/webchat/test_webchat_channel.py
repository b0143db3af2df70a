"""The socket.io channel the widget talks to, loaded from a credentials file the
way `rasa run` loads it, and driven over the Socket.IO wire protocol."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.webchat.channel_app import ELIGIBILITY_PAYLOAD
from tests.webchat.servers import REPO, free_port, wait_until_serving

SETTINGS = "  user_message_evt: user_uttered\n  bot_message_evt: bot_uttered\n  session_persistence: true\n"
CHANNELS = {
    "webchat": "webchat.socketio_channel.WebchatSocketIOInput:\n" + SETTINGS,
    "stock": "socketio:\n" + SETTINGS,
}


def start_channel_app(kind: str, directory: Path) -> tuple[subprocess.Popen, str]:
    credentials = directory / f"credentials_{kind}.yml"
    credentials.write_text(CHANNELS[kind], encoding="utf-8")
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO), RASA_TELEMETRY_ENABLED="false")
    process = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "webchat" / "channel_app.py"), str(credentials), str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_serving(url + "/webhooks/socketio/", process, timeout_s=60)
    return process, url


@pytest.fixture(scope="module")
def webchat_channel_url(tmp_path_factory) -> Iterator[str]:  # type: ignore[no-untyped-def]
    process, url = start_channel_app("webchat", tmp_path_factory.mktemp("webchat"))
    yield url
    process.terminate()
    process.wait(10)


@pytest.fixture(scope="module")
def stock_channel_url(tmp_path_factory) -> Iterator[str]:  # type: ignore[no-untyped-def]
    process, url = start_channel_app("stock", tmp_path_factory.mktemp("stock"))
    yield url
    process.terminate()
    process.wait(10)


async def converse(url: str, session_id: str, expected: int, wait_s: float = 8.0) -> tuple[Any, list]:
    """Confirm a session, send one message, return (confirmed id, bot events).

    Speaks the Socket.IO v5 wire protocol over a WebSocket, as socket.io-client 4
    does in the browser (python-socketio's own client needs a newer aiohttp than
    the one Rasa pins).
    """
    ws_url = url.replace("http", "ws", 1) + "/socket.io/?EIO=4&transport=websocket"
    session, events = None, []
    async with aiohttp.ClientSession() as http, http.ws_connect(ws_url) as ws:

        async def send(event: str, data: Any) -> None:
            await ws.send_str("42" + json.dumps([event, data]))

        async def next_event(deadline: float) -> tuple[str, Any] | None:
            while (left := deadline - asyncio.get_running_loop().time()) > 0:
                try:
                    frame = await ws.receive_str(timeout=left)
                except asyncio.TimeoutError:
                    return None
                if frame == "2":  # Engine.IO ping
                    await ws.send_str("3")
                elif frame.startswith("42"):
                    name, *args = json.loads(frame[2:])
                    return name, args[0] if args else None
            return None

        loop = asyncio.get_running_loop()
        assert (await ws.receive_str(timeout=5)).startswith("0")  # Engine.IO open
        await ws.send_str("40")  # join the default namespace
        assert (await ws.receive_str(timeout=5)).startswith("40")
        await send("session_request", {"session_id": session_id})
        event = await next_event(loop.time() + 5)
        assert event is not None and event[0] == "session_confirm", event
        session = event[1]
        await send("user_uttered", {"message": "مرحبا", "session_id": session_id})
        deadline = loop.time() + wait_s
        while len(events) < expected and (event := await next_event(deadline)) is not None:
            if event[0] == "bot_uttered":
                events.append(event[1])
    return session, events


def test_webchat_channel_delivers_buttons_and_the_eligibility_payload_to_the_session(webchat_channel_url: str) -> None:
    session, events = asyncio.run(converse(webchat_channel_url, "session-abc", expected=3))

    assert session == "session-abc"
    assert events[0]["text"] == "وصلتني: مرحبا"
    assert [b["payload"] for b in events[0]["quick_replies"]] == ["/affirm", "/deny"]
    assert events[1] == {"text": "هذه نتيجتك"}
    # The custom payload arrives as the event's data, ready for the result card.
    assert events[2] == {"eligibility_result": ELIGIBILITY_PAYLOAD}


def test_stock_socketio_channel_loses_replies_with_session_persistence(stock_channel_url: str) -> None:
    """Why webchat.socketio_channel exists. When this fails, Rasa or
    python-socketio fixed the bug and the subclass can go."""
    session, events = asyncio.run(converse(stock_channel_url, "session-abc", expected=1, wait_s=3))

    assert session == "session-abc"
    assert events == []

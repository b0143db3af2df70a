"""Bad inputs on the web widget's channel (socket.io), with a real socket.io client.

The client uses the long-polling transport: python-engineio's websocket client needs
a newer aiohttp than Rasa pins, and polling is the transport that needs the most
care from the server anyway.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import pytest
import socketio

from tests.resilience.bad_inputs import REPLY_LIMIT_S, USER_INPUTS, reply_problem
from tests.resilience.conftest import ResilientStack

QUIET_AFTER_REPLY_S = 1.5  # a looping bot keeps sending: wait a little after the first reply


class WidgetSession:
    """One socket.io session, as the web widget opens it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.client = socketio.AsyncClient(reconnection=False)
        self.received: list[Any] = []
        self._confirmed = asyncio.Event()
        self.session_id = uuid.uuid4().hex
        self.client.on("bot_uttered", self.received.append)
        self.client.on("session_confirm", lambda _: self._confirmed.set())

    async def __aenter__(self) -> WidgetSession:
        await self.client.connect(self.url, socketio_path="/socket.io", transports=["polling"])
        await self.client.emit("session_request", {"session_id": self.session_id})
        await asyncio.wait_for(self._confirmed.wait(), 15)
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.client.disconnect()

    async def send(self, payload: Any, limit_s: float = REPLY_LIMIT_S) -> list[str]:
        """Emit a user message; the bot's texts once it has been quiet for a moment."""
        self.received.clear()
        await self.client.emit("user_uttered", payload)
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline and not self.received:
            await asyncio.sleep(0.1)
        seen = -1
        while len(self.received) != seen and time.monotonic() < deadline + QUIET_AFTER_REPLY_S:
            seen = len(self.received)
            await asyncio.sleep(QUIET_AFTER_REPLY_S)
        return [m.get("text") or "" for m in self.received if isinstance(m, dict) and not _is_directive(m)]


def _is_directive(message: dict[str, Any]) -> bool:
    """A message that shows nothing and tells the widget how to keep the next reply (the
    status lookup's questions: domain.yml, `custom: {reply_kept_masked: true}`). Rasa's
    socket.io channel sends it as its own bot_uttered event after the question's text."""
    custom = message.get("custom") if isinstance(message.get("custom"), dict) else message
    return not message.get("text") and custom.get("reply_kept_masked") is True


def _message(session: WidgetSession, text: Any) -> dict[str, Any]:
    return {"message": text, "session_id": session.session_id}


@pytest.mark.parametrize("case", sorted(USER_INPUTS))
def test_socketio_channel_answers_bad_input_clearly_in_arabic(resilient_stack: ResilientStack, case: str) -> None:
    async def scenario() -> list[str]:
        async with WidgetSession(resilient_stack.rasa_url) as session:
            return await session.send(_message(session, USER_INPUTS[case]))

    problem = reply_problem(asyncio.run(scenario()))
    assert not problem, problem


@pytest.mark.parametrize("garbage", ["plain string payload", 12345, None, ["a", "b"], {"message": {"nested": 1}}])
def test_socketio_garbage_payload_leaves_the_session_working(resilient_stack: ResilientStack, garbage: Any) -> None:
    async def scenario() -> list[str]:
        async with WidgetSession(resilient_stack.rasa_url) as session:
            await session.send(garbage, limit_s=3)  # a reply is welcome but not required
            assert session.client.connected, "the server dropped the connection"
            return await session.send(_message(session, "السلام عليكم"))

    problem = reply_problem(asyncio.run(scenario()))
    assert not problem, f"after garbage {garbage!r}: {problem}"

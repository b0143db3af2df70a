"""A stand-in for Rasa's socket.io channel, for widget tests without a trained bot.

It answers the same events as rasa.core.channels.socketio (session_request ->
session_confirm, user_uttered -> bot_uttered) and sends text and buttons through
Rasa's own SocketIOOutput, so the browser sees exactly what Rasa emits. Custom
payloads are emitted the ways a server can deliver them: as the event data itself
or wrapped under "custom".
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import socketio
from aiohttp import web
from rasa.core.channels.socketio import SocketIOOutput

BOT_EVENT = "bot_uttered"
GREETING = "أهلًا بك! أنا مساعد الضمان الاجتماعي المطور. كيف أقدر أخدمك؟"
GREETING_BUTTONS = [
    {"title": "تحقق من أهليتي", "payload": "/check_eligibility"},
    {"title": "حالة طلبي", "payload": "/check_status"},
]
FALLBACK_REPLY = "وصلتني رسالتك، شكرًا لك."


@dataclass
class Reply:
    """What the fake bot answers to one user message."""

    responses: list[dict[str, Any]]
    delay_s: float = 0.0
    custom_wrapper: str = "as_is"  # "as_is" | "custom"


@dataclass
class FakeRasa:
    sio: socketio.AsyncServer = field(
        default_factory=lambda: socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins=[])
    )
    received: list[tuple[str, Any]] = field(default_factory=list)
    replies: dict[str, Reply] = field(default_factory=dict)
    port: int = 0
    _loop: asyncio.AbstractEventLoop | None = None
    _thread: threading.Thread | None = None
    _runner: web.AppRunner | None = None

    def __post_init__(self) -> None:
        self.sio.on("session_request", self._session_request)
        self.sio.on("user_uttered", self._user_uttered)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # --- behaviour -----------------------------------------------------------
    def reset(self) -> None:
        self.received.clear()
        self.replies.clear()

    def set_reply(
        self, message: str, responses: list[dict[str, Any]], delay_s: float = 0.0, custom_wrapper: str = "as_is"
    ) -> None:
        self.replies[message] = Reply(responses, delay_s, custom_wrapper)

    async def _session_request(self, sid: str, data: dict | None) -> None:
        # Same logic as Rasa with session_persistence: true.
        data = dict(data or {})
        self.received.append(("session_request", dict(data)))
        if not data.get("session_id"):
            data["session_id"] = uuid.uuid4().hex
        await self.sio.enter_room(sid, data["session_id"])
        await self.sio.emit("session_confirm", data["session_id"], room=sid)

    async def _user_uttered(self, sid: str, data: dict) -> None:
        self.received.append(("user_uttered", dict(data)))
        session_id = data.get("session_id")
        if not session_id:
            return  # Rasa ignores messages without a session id when persisting sessions.
        reply = self.replies.get(data.get("message", ""))
        if reply is None:
            reply = self._default_reply(data.get("message", ""))
        if reply.delay_s:
            await asyncio.sleep(reply.delay_s)
        output = SocketIOOutput(self.sio, BOT_EVENT)
        for response in reply.responses:
            response = dict(response)
            custom = response.pop("custom", None)
            if response:
                await output.send_response(session_id, response)
            if custom is not None:
                payload = custom if reply.custom_wrapper == "as_is" else {"custom": custom}
                await self.sio.emit(BOT_EVENT, payload, room=session_id)

    @staticmethod
    def _default_reply(message: str) -> Reply:
        if message == "/greet":
            return Reply([{"text": GREETING, "buttons": GREETING_BUTTONS}])
        return Reply([{"text": FALLBACK_REPLY}])

    async def disconnect_all(self) -> None:
        for sid, _ in list(self.sio.manager.get_participants("/", None)):
            await self.sio.disconnect(sid)

    # --- test helpers ----------------------------------------------------------
    def user_messages(self) -> list[dict[str, Any]]:
        return [data for event, data in self.received if event == "user_uttered"]

    def session_requests(self) -> list[dict[str, Any]]:
        return [data for event, data in self.received if event == "session_request"]

    def wait_for(self, predicate: Callable[[FakeRasa], bool], timeout_s: float = 10.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if predicate(self):
                return
            time.sleep(0.05)
        raise AssertionError(f"fake Rasa never saw the expected events; it saw {self.received!r}")

    def call(self, coroutine_factory: Callable[[], Any]) -> Any:
        """Run a coroutine on the server's loop from the test thread."""
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coroutine_factory(), self._loop).result(10)

    # --- lifecycle ---------------------------------------------------------------
    def start(self) -> FakeRasa:
        started = threading.Event()

        async def serve() -> None:
            app = web.Application()
            self.sio.attach(app)
            self._runner = web.AppRunner(app)
            await self._runner.setup()
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            await site.start()
            self.port = self._runner.addresses[0][1]
            started.set()

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            self._loop.run_until_complete(serve())
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="fake-rasa", daemon=True)
        self._thread.start()
        if not started.wait(10):
            raise RuntimeError("fake Rasa socket.io server did not start")
        return self

    def stop(self) -> None:
        if self._loop is None:
            return
        asyncio.run_coroutine_threadsafe(self.sio.shutdown(), self._loop).result(10)
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)

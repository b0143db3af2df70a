"""Mount the WhatsApp input channel in a real Sanic server, the way Rasa does.

The channel is registered with Rasa's own `register` under /webhooks/, but the
agent is a stub: it records each UserMessage and answers through the message's
output channel, so tests see both what reached "the bot" and what reached Meta.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from rasa.core.channels.channel import UserMessage, register
from sanic import Sanic

from channels.whatsapp import WhatsAppInput

Reply = Callable[[UserMessage], Awaitable[None]]


async def echo_reply(message: UserMessage) -> None:
    await message.output_channel.send_text_message(message.sender_id, f"وصلت رسالتك: {message.text}")


class StubAgent:
    def __init__(self, reply: Reply) -> None:
        self.received: list[UserMessage] = []
        self.reply = reply

    async def handle_message(self, message: UserMessage) -> None:
        self.received.append(message)
        await self.reply(message)


class ChannelHarness:
    def __init__(self, channel: WhatsAppInput, reply: Reply = echo_reply) -> None:
        self.channel = channel
        self.agent = StubAgent(reply)
        self.url = ""
        self._server: Any = None
        self._http: httpx.AsyncClient | None = None

    async def __aenter__(self) -> ChannelHarness:
        # test_mode lets several apps (one per test) live in one process.
        Sanic.test_mode = True
        app = Sanic(f"whatsapp_test_{uuid.uuid4().hex}")
        app.config.MOTD = False
        app.ctx.agent = self.agent
        register([self.channel], app, route="/webhooks/")
        self._server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True, access_log=False)
        await self._server.startup()
        port = self._server.server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/webhooks/whatsapp"
        self._http = httpx.AsyncClient(timeout=30)
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        if self._http is not None:
            await self._http.aclose()
        self._server.close()
        await self._server.wait_closed()

    async def post(self, body: bytes, headers: dict[str, str]) -> httpx.Response:
        assert self._http is not None
        return await self._http.post(f"{self.url}/webhook", content=body, headers=headers)

    async def get(self, path: str = "/webhook", params: dict[str, str] | None = None) -> httpx.Response:
        assert self._http is not None
        return await self._http.get(f"{self.url}{path}", params=params)
